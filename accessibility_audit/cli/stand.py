"""``a11y-audit stand``: audit a running information stand end to end and keep it as a
scan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from accessibility_audit.cli.shared import (
    Failure,
    Gate,
    contact_option,
    db_option,
    finish,
    gate_options,
    open_store,
    quiet_option,
    report_options,
    write,
)
from accessibility_audit.discovery.stand import MODES, NotAStand
from accessibility_audit.engine.launch import BrowserFailed
from accessibility_audit.evaluation import evaluate
from accessibility_audit.exitcodes import STAND_EXIT_CODE_HELP, Exit
from accessibility_audit.progress import Progress
from accessibility_audit.runs.run import Run
from accessibility_audit.runs.stand import ORIENTATIONS, StandAudit, StandOptions
from accessibility_audit.urls import BadUrl


@click.command(epilog=STAND_EXIT_CODE_HELP)
@click.argument("url")
@click.option("--page", "pages", multiple=True, metavar="NAME",
              help="Audit only this page (home, hours, contacts …; repeatable).")
@click.option("--language", "languages", multiple=True, metavar="CODE",
              help="Audit only this language (kk, ru, en …; repeatable).")
@click.option("--mode", "modes", multiple=True, type=click.Choice(MODES),
              help="Audit only this display mode (repeatable).")
@click.option("--orientation", "orientations", multiple=True,
              type=click.Choice(list(ORIENTATIONS)),
              help="Audit only at this orientation (portrait 1080×1920, landscape 1920×1080).")
@click.option("--max-pages", default=100, show_default=True, type=click.IntRange(1),
              help="Most pages (per language and mode) taken from the stand's links.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 32),
              help="Browsers auditing in parallel.")
@click.option("--page-timeout", default=30.0, show_default=True, type=click.FloatRange(1),
              help="Seconds a page may take to load, and axe to run on it.")
@click.option("--grid", metavar="URL", help="Run the browsers on this Selenium Grid.")
@contact_option
@report_options(format_help="Report format (with -o, the text summary still goes to stdout).")
@gate_options(fail_on="minor")
@quiet_option
@db_option
def stand(**values: Any) -> None:
    """Audit a running information stand end to end and keep it as a scan.

    URL is the stand's address, e.g. http://127.0.0.1:8080/stand/main/. Every page found
    through its links (GET only: no form is ever sent), in every language of its language
    switcher and every display mode, at portrait and landscape: axe-core and the own
    checks (WCAG 2.2 A/AA and best practice; 44 px targets; 7:1 contrast in the
    high-contrast modes), and the stand checks:
    keypad reach and traps, speech keys and their audio, the idle warning, and requests
    leaving the stand's server. Any violation fails the audit (--fail-on minor).
    """
    store = open_store(values["db"])
    gate = Gate.take(values)
    options = StandOptions(url=values["url"], pages=values["pages"],
                           languages=values["languages"], modes=values["modes"],
                           orientations=values["orientations"] or tuple(ORIENTATIONS),
                           max_pages=values["max_pages"], workers=values["workers"],
                           page_timeout=values["page_timeout"], contact=values["contact"],
                           grid_url=values["grid"])
    run = Run(store, StandAudit(options), Progress(enabled=not values["quiet"]))
    try:
        scan_id = run.run()
    except KeyboardInterrupt:
        kept = (f"What was audited is kept in scan {run.scan_id}." if run.scan_id is not None
                else "Nothing was audited yet.")
        click.echo(f"\nInterrupted. {kept}", err=True)
        sys.exit(Exit.INTERRUPTED)
    except (NotAStand, BadUrl, BrowserFailed) as error:
        raise Failure(str(error)) from error
    output: Path | None = values["output"]
    summary = evaluate(store, scan_id)
    write(summary, store, values["format_"], values["lang"], output, text_too=True)
    finish(summary, gate)
