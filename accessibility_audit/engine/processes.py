"""The operating-system side of a browser: its processes, their memory, their end."""

from __future__ import annotations

import contextlib

import psutil


def tree(pid: int) -> list[psutil.Process]:
    """``pid`` and every process below it (chromedriver, Chromium and its helpers)."""
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def with_marker(marker: str) -> list[psutil.Process]:
    """Processes whose command line holds ``marker`` (a browser's own profile folder),
    found even after their parent died and they were adopted by init."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        with contextlib.suppress(psutil.Error):
            if any(marker in part for part in process.info["cmdline"] or ()):
                found.append(process)
    return found


def kill(processes: list[psutil.Process]) -> None:
    """Kill outright and reap; a hung browser does not answer politer requests."""
    for process in processes:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(processes, timeout=5)


def memory_mb(processes: list[psutil.Process]) -> float:
    """Proportional set size: shared pages split between the processes sharing them,
    so a browser's helpers are not counted many times over."""
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            total += process.memory_full_info().pss
    return total / 2**20
