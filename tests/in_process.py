"""A command of the product (a click command) run in the test's own process, answering
as its own process would: exit status, standard output, standard error.

Starting Python and importing the product costs a second or more of processor time a
command; a test of what a command says and does runs it here instead. The tests that
are about the process itself (its entry point, a memory limit, a signal, a setting read
from the environment at start) still start one (tests/test_cli.py,
tests/test_hostile_files.py)."""

from __future__ import annotations

import subprocess
import sys
import traceback
from collections.abc import Callable, Mapping

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


def run_script(function: Callable[[], None], prog_name: str, *args: str,
               env: Mapping[str, str] | None = None, stdin: str = ""
               ) -> subprocess.CompletedProcess[str]:
    """A console script's function (one that reads ``sys.argv`` and ends with
    ``sys.exit``, such as ``a11y-audit``'s, which chooses its own exit codes) run as
    ``prog_name ARGS``."""
    with CliRunner(env=dict(env or {})).isolation(input=stdin) as (stdout, stderr, _output):
        saved, sys.argv = sys.argv, [prog_name, *args]
        try:
            function()
            code = 0
        except SystemExit as ended:
            code = _exit_status(ended.code)
        except Exception as error:  # noqa: BLE001 - reported as the process would
            sys.stderr.write("".join(traceback.format_exception(error)))
            code = 1
        finally:
            sys.argv = saved
            sys.stdout.flush()
            sys.stderr.flush()
        return subprocess.CompletedProcess([prog_name, *args], code,
                                           stdout.getvalue().decode(),
                                           stderr.getvalue().decode())


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")  # sys.exit("message"): said on standard error, status 1
    return 1


def a11y_audit(*args: str, env: Mapping[str, str] | None = None, stdin: str = ""
               ) -> subprocess.CompletedProcess[str]:
    """``a11y-audit ARGS``, with its own exit codes (usage errors exit 1)."""
    from accessibility_audit.cli import main

    return run_script(main, "a11y-audit", *args, env=env, stdin=stdin)
