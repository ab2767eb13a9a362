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
@click.option("--stand-id", metavar="ID",
              help="Which stand of the location (its id in the content, e.g. main-hall); "
              "or give it in URL as ?stand=ID. Needed where a location has several stands.")
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

    URL is the stand's address with its id, e.g.
    http://127.0.0.1:8080/stand/main/?stand=main-hall. Every page found
    through its links (GET only: no form is ever sent), in every language of its language
    switcher and every display mode, at portrait and landscape: axe-core and the own
    checks (WCAG 2.2 A/AA and best practice; 44 px targets; 7:1 contrast in the
    high-contrast modes), and the stand checks:
    keypad reach and traps, speech keys and their audio, the idle warning, and requests
    leaving the stand's server. Any violation fails the audit (--fail-on minor).
    """
    url, stand_id = _stand_address(values["url"], values["stand_id"])
    store = open_store(values["db"])
    gate = Gate.take(values)
    options = StandOptions(url=url, stand_id=stand_id, pages=values["pages"],
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


def _stand_address(url: str, stand_id: str | None) -> tuple[str, str | None]:
    """The address to start from (without ?stand=, which is no page's) and the id."""
    base, _, query = url.partition("?")
    pairs = dict(p.partition("=")[::2] for p in query.split("&") if p)
    in_url = pairs.pop("stand", None)
    if pairs:
        raise Failure(f"{url}: a stand's address takes only ?stand=<id>, not "
                      f"{', '.join(pairs)}")
    if in_url and stand_id and in_url != stand_id:
        raise Failure(f"the address names stand {in_url!r} but --stand-id says "
                      f"{stand_id!r}: give the id once")
    return base, in_url or stand_id
