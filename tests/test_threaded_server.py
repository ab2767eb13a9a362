"""A waitress server on a thread, stopped: nothing of it outlives the stop. Before,
a browser's kept-alive connection was still served after ``server.close()``, and the
worker thread then woke the loop by writing ``x`` to the closed pipe's descriptor
number, by then another socket's: a chromedriver command arrived as ``xPOST``."""

from __future__ import annotations

import http.client
import os
import select
import threading

import pytest
from waitress.server import create_server

from kiosk.threaded_server import serving, stop


def hello(environ: dict, start_response) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "5")])
    return [b"hello"]


def test_a_stopped_server_serves_no_kept_alive_connection_and_writes_nowhere() -> None:
    server = create_server(hello, host="127.0.0.1", port=0, threads=2)
    loop = threading.Thread(target=server.run, daemon=True)
    loop.start()
    kept = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=5)
    kept.request("GET", "/")
    assert kept.getresponse().read() == b"hello"
    wake_fd = server.trigger.trigger

    stop(server, loop)

    assert not loop.is_alive()
    # The descriptor number the server wrote to is another file's now, as it would be
    # a new socket's in a busy process.
    readable, writable = os.pipe()
    if readable == wake_fd:
        readable = os.dup(readable)
    if writable != wake_fd:
        os.dup2(writable, wake_fd)
    try:
        with pytest.raises((ConnectionError, http.client.HTTPException)):
            kept.request("GET", "/")
            kept.getresponse().read()
        ready, _, _ = select.select([readable], [], [], 1.0)
        assert not ready, os.read(readable, 64)
    finally:
        kept.close()
        for fd in {readable, writable, wake_fd}:
            os.close(fd)


def test_serving_yields_a_port_that_answers_until_the_block_ends() -> None:
    with serving(hello, threads=1) as port:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/")
        assert connection.getresponse().read() == b"hello"
        connection.close()
    with pytest.raises(ConnectionError):
        http.client.HTTPConnection("127.0.0.1", port, timeout=5).request("GET", "/")
