"""A throwaway PostgreSQL server for the test run, from Debian's own binaries.

The cluster lives in a temporary folder, listens on 127.0.0.1 only (and on a socket in
that folder), trusts every local connection and is removed when the run ends. Each test
gets a database of its own, created in a few milliseconds and dropped afterwards.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy import event
from sqlalchemy.pool import Pool

PG_ROOT = Path("/usr/lib/postgresql")
SYSTEM_USER = "postgres"  # created by Debian's postgresql package
# A throwaway cluster needs no durability: skipping fsync makes CREATE DATABASE and
# every commit several times faster. The server's time zone is Almaty's, as on a server
# in Kazakhstan, so a moment read back in the server's zone would show in the tests.
SERVER_OPTIONS = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                  "-c max_connections=200 -c timezone=Asia/Almaty")


PORT_ATTEMPTS = 5


class PortTaken(RuntimeError):
    """The port chosen for the cluster was taken before the server could bind it."""


def _bin_dirs(root: Path) -> list[Path]:
    return [initdb.parent for initdb in root.glob("*/bin/initdb")
            if initdb.parent.parent.name.isdigit()]


def missing(root: Path = PG_ROOT) -> str | None:
    """Why the tests cannot start PostgreSQL on this machine, or None."""
    if not _bin_dirs(root):
        return (f"PostgreSQL is not installed (no {root}/<version>/bin/initdb). Run "
                "`make system`: it installs Debian's postgresql package. The storage tests "
                "run on SQLite and on PostgreSQL, and `make test` needs both.")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            return (f'there is no "{SYSTEM_USER}" system user to run PostgreSQL as (initdb '
                    "refuses root): run `make system`, Debian's postgresql package creates it")
    return None


def binaries(root: Path = PG_ROOT) -> Path:
    """The bin folder of the newest PostgreSQL installed, e.g. /usr/lib/postgresql/15/bin."""
    return max(_bin_dirs(root), key=lambda folder: int(folder.parent.name))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    def __init__(self, bin_dir: Path, root: Path, port: int) -> None:
        self.bin_dir = bin_dir
        self.root = root
        self.port = port
        self.data = root / "data"
        self._names = itertools.count(1)
        self._admin: psycopg.Connection | None = None

    @classmethod
    def start(cls) -> PostgresServer:
        for attempt in range(PORT_ATTEMPTS):
            server = cls(binaries(), Path(tempfile.mkdtemp(prefix="kiosk-pg-")), free_port())
            try:
                server._init_and_start()
            except PortTaken:
                # Another process (another xdist worker's cluster, someone's server) took
                # the port between free_port() and the server's bind: take another.
                server.stop()
                if attempt == PORT_ATTEMPTS - 1:
                    raise
                continue
            except BaseException:
                server.stop()
                raise
            return server
        raise AssertionError("unreachable")

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin_dir / program), *args]
        if os.geteuid() == 0:
            # initdb and postgres refuse to run as root.
            command = ["runuser", "-u", SYSTEM_USER, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            error = PortTaken if "Address already in use" in tail else RuntimeError
            raise error(f"{' '.join(command)} failed:\n{result.stderr}{tail}")

    def _init_and_start(self) -> None:
        if os.geteuid() == 0:
            owner = pwd.getpwnam(SYSTEM_USER)
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"),
                  "-w", "-t", "60", "start",
                  "-o", f"-h 127.0.0.1 -p {self.port} -k {self.root} {SERVER_OPTIONS}")
        self._admin = psycopg.connect(self.url("postgres", driver=False), autocommit=True)

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.close()
        if (self.data / "postmaster.pid").exists():
            # Immediate: nothing in this cluster is worth a clean shutdown.
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str, driver: bool = True) -> str:
        scheme = "postgresql+psycopg" if driver else "postgresql"
        return f"{scheme}://postgres@127.0.0.1:{self.port}/{database}"

    @contextmanager
    def database(self) -> Iterator[str]:
        """A new empty database for one test; its SQLAlchemy URL."""
        assert self._admin is not None
        name = f"test_{next(self._names)}"
        self._admin.execute(f"CREATE DATABASE {name}")
        opened: list[object] = []

        def remember(dbapi_connection: object, _record: object) -> None:
            opened.append(dbapi_connection)

        # The engines a test makes are not the fixture's to dispose of; closing their
        # connections here keeps psycopg from warning when the engines are collected.
        event.listen(Pool, "connect", remember)
        try:
            yield self.url(name)
        finally:
            event.remove(Pool, "connect", remember)
            for connection in opened:
                connection.close()  # type: ignore[attr-defined]
            self._admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
