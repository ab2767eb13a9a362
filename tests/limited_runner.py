"""Run part of the product in this process with its address space limited (RLIMIT_AS),
so that an input which makes it allocate without bound fails with MemoryError instead
of filling the machine's memory.

    python -m tests.limited_runner BUDGET_MB module:target [ARGS...]

``target`` is a click command or a console script's function (no parameters), run with
ARGS as its command line, or a function ``target(args, limit)`` that prepares what it
needs, calls ``limit()`` and then does the work to be measured. The limit is what the
process has mapped when ``limit()`` is called, plus BUDGET_MB; a MemoryError ends the run
with exit status 99."""

from __future__ import annotations

import importlib
import inspect
import resource
import sys
from collections.abc import Callable

import click

MEMORY_ERROR = 99


def mapped_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmSize in /proc/self/status")


def limiter(budget_mb: int) -> Callable[[], None]:
    def limit() -> None:
        ceiling = mapped_bytes() + budget_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, resource.RLIM_INFINITY))

    return limit


def main(argv: list[str]) -> int:
    budget, target_name, *args = argv
    module, name = target_name.split(":")
    target = getattr(importlib.import_module(module), name)
    limit = limiter(int(budget))
    try:
        if isinstance(target, click.Command):
            limit()
            return target.main(args, prog_name=name, standalone_mode=True) or 0
        if not inspect.signature(target).parameters:
            sys.argv = [name, *args]
            limit()
            return target() or 0
        return target(args, limit) or 0
    except MemoryError:
        print("MemoryError: the memory limit was reached", file=sys.stderr)
        return MEMORY_ERROR


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
