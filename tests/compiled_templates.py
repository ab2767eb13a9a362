"""Compiled Jinja templates, shared by every app a test process makes.

Each test makes an app of its own, and each app's Jinja environment would otherwise parse
and compile every template it renders again: a tenth of a second or more per test. The
cache is keyed by template name and checked against a checksum of the source, as Jinja's
own bytecode caches are, so an edited template is compiled afresh."""

from __future__ import annotations

import threading

from jinja2.bccache import Bucket, BytecodeCache


class SharedBytecode(BytecodeCache):
    """Jinja's bytecode cache, in this process's memory."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket: Bucket) -> None:
        with self._lock:
            code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        with self._lock:
            self._code[bucket.key] = code


SHARED = SharedBytecode()
