"""Stand pages rendered in a process of their own, at a lower priority than serving.

``kiosk serve`` renders in the background (a new revision's pages, the next minute's,
pages whose minute ended) in this child process instead of a thread of the serving
process: rendering is Python work, and in the serving process it would hold the
interpreter lock that every request needs, so each publication would slow the pages
served meanwhile. In a child of lower priority (``nice`` 5) the operating system
gives the serving process a core first, and the pages it serves from memory wait for
no rendering at all.

The child is the same application, built from the same settings (the environment,
which ``kiosk serve`` reads alone), so a page rendered there is the page the server
would have rendered. It renders from the revision the server names (its live one, or
the new one it is about to switch to), never from what it finds newest itself. It ends
with the server: it asks the kernel for SIGTERM when its parent goes.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from io import BytesIO
from typing import Any

from flask import Flask
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)
# Below the serving process, which the kernel then gives three times the share of a
# core when both want one; not so low that other programs on the machine starve it.
NICE = 5
# prctl(2): have the kernel signal this process when its parent ends.
_PR_SET_PDEATHSIG = 1
Rendered = tuple[str, list[tuple[str, str]], bytes, bytes]  # status, headers, body, gzipped

_app: Flask | None = None


class RenderProcess:
    """One child process that renders stand pages for the serving process."""

    _started: Future[bool]

    def __init__(self, factory: Callable[[], Flask]) -> None:
        # spawn, not fork: the server has threads by now, and a fork copies their locks
        # in whatever state they are. ``factory`` (the application factory, handed down
        # by the command that serves) goes to the child by name.
        self._pool = ProcessPoolExecutor(max_workers=1,
                                         mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_start,
                                         initargs=(os.getpid(), factory))

    def start(self) -> None:
        """Start the child now, from the calling thread, which should be the server's
        main one: the kernel's parent-death signal follows the thread that started it.
        The server does not wait for the child's application to be built; renders asked
        for meanwhile wait in the background. A child that cannot start fails the first
        render, and pages are then rendered in the server's process."""
        self._started = self._pool.submit(_ready)

    def ready(self) -> bool:
        """Whether the child has built its application, or failed to (then the next
        render says so). Until then the server renders itself, as it starts: a
        publication waits for no child."""
        return self._started.done()

    def render(self, environ: dict[str, Any], revision_id: int | None,
               at: dt.datetime | None) -> Rendered | None:
        """Render the page ``environ`` asks for, from revision ``revision_id`` (None: the
        child's own newest), as at the moment ``at`` (None: now). None when the child
        cannot read that revision (the database cannot be read, and the child has not
        parsed it yet): the server, which holds it, renders the page itself."""
        strings = {name: value for name, value in environ.items() if isinstance(value, str)}
        return self._pool.submit(_render, strings, revision_id, at).result()

    def stop(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _start(parent: int, factory: Callable[[], Flask]) -> None:
    global _app
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(0)
    os.nice(NICE)
    # The serving process owns speech and says its faults (a cache folder in the way,
    # say); this child shares its settings and folder, so it would say each twice.
    logging.getLogger("kiosk.speech").setLevel(logging.CRITICAL)
    _app = factory()


def _ready() -> bool:
    return _app is not None


def _render(strings: dict[str, str], revision_id: int | None, at: dt.datetime | None
            ) -> Rendered | None:
    from kiosk.public.response_cache import RENDER_AT, RENDER_REVISION, ResponseCache, render_wsgi
    from kiosk.store import reader

    assert _app is not None
    environ: dict[str, Any] = {**strings, "wsgi.version": (1, 0), "wsgi.multithread": False,
                               "wsgi.multiprocess": True, "wsgi.run_once": False,
                               "wsgi.input": BytesIO(b""), "wsgi.errors": sys.stderr}
    if revision_id is not None:
        try:
            published = reader(_app).by_id(revision_id)
        except SQLAlchemyError:
            return None
        if published is not None:
            environ[RENDER_REVISION] = published
    if at is not None:
        environ[RENDER_AT] = at
    cache: ResponseCache = _app.extensions["kiosk.response_cache"]
    # The application inside the child's own cache: this page is the server's to keep.
    return render_wsgi(cache.app, environ)
