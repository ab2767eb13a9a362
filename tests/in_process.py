"""A command of the product (a click command) run in the test's own process, answering
as its own process would: exit status, standard output, standard error.

Starting Python and importing the product costs a second or more of processor time a
command; a test of what a command says and does runs it here instead. The tests that
are about the process itself (its entry point, a memory limit, a signal, a setting read
from the environment at start) still start one (tests/test_cli.py,
tests/test_hostile_files.py)."""

from __future__ import annotations

import subprocess
import traceback
from collections.abc import Mapping

import click
from click.testing import CliRunner


def run(command: click.Command, prog_name: str, *args: str,
        env: Mapping[str, str] | None = None, stdin: str = ""
        ) -> subprocess.CompletedProcess[str]:
    """``prog_name ARGS`` with ``env`` added to the environment while it runs, and
    ``stdin`` as its input. An exception the command lets out is written to standard
    error as Python would, and exits 1."""
    result = CliRunner(env=dict(env or {})).invoke(command, list(args), input=stdin,
                                                   prog_name=prog_name)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess([prog_name, *args], result.exit_code, result.stdout,
                                       stderr)
