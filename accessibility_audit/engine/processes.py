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
    """Unique set size: the memory only these processes hold, which closing them frees.

    RSS would count Chromium's shared code once per helper process; PSS would
    depend on how many other Chromiums happen to run on the machine."""
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            total += process.memory_full_info().uss
    return total / 2**20
