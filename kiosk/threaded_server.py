"""The kiosk served by waitress on a thread of this process (the tests and the
screenshot tools), and stopped so that nothing of the server outlives the stop.

waitress has no stop for a server run on a thread of its own. ``server.close()`` closes
the listening socket and the pipe that wakes waitress's loop, but the loop goes on
serving the connections a browser keeps alive, and each worker thread that finishes
a request then writes one byte, ``x``, to the pipe's old descriptor number. By then
that number often belongs to another socket of the process — a chromedriver
connection, whose next command arrives as ``xPOST`` ("unknown command"), or a test
site's, which answers ``501 Unsupported method ('xGET')``. So :func:`stop` ends the
worker threads first, then has the loop's own thread close every connection and the
pipe, and waits for the loop to end.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from waitress.server import create_server

STOP_SECONDS = 10.0


@contextmanager
def serving(app: Any, threads: int = 4, **options: Any) -> Iterator[int]:
    """Serve ``app`` on a free port of 127.0.0.1 while the block runs; yields the port.
    ``options`` are waitress's (``trusted_proxy`` and the like)."""
    # One host and port make one TcpWSGIServer (not waitress's MultiSocketServer).
    server: Any = create_server(app, host="127.0.0.1", port=0, threads=threads, **options)
    thread = threading.Thread(target=server.run, name="waitress-loop", daemon=True)
    thread.start()
    try:
        yield server.effective_port
    finally:
        stop(server, thread)


def stop(server: Any, thread: threading.Thread) -> None:
    """Stop a waitress ``server`` whose loop runs on ``thread``."""
    # No worker thread may be left to wake the loop once its pipe is closed.
    server.task_dispatcher.shutdown(timeout=STOP_SECONDS)
    # The loop is not thread-safe: its own thread closes what it serves; with
    # nothing left to serve, the loop ends.
    server.trigger.pull_trigger(lambda: _close_all(server))
    thread.join(STOP_SECONDS)


def _close_all(server: Any) -> None:
    # Connections first, then the listening socket (whose close closes the pipe too).
    for dispatcher in sorted(server._map.values(),
                             key=lambda d: (d is server.trigger, d is server)):
        dispatcher.close()
