"""``a11y-audit scan``: audit pages of websites and keep them as a new scan (or take up
an interrupted one)."""

from __future__ import annotations

import sys
from typing import Any

import click

from accessibility_audit.cli import scan_options as groups
from accessibility_audit.cli.shared import (
    Failure,
    Gate,
    db_option,
    finish,
    gate_options,
    open_store,
    quiet_option,
    resolve,
    summary_text,
)
from accessibility_audit.engine.launch import BrowserFailed
from accessibility_audit.evaluation import evaluate
from accessibility_audit.exitcodes import EXIT_CODE_HELP, Exit
from accessibility_audit.options import ScanOptions
from accessibility_audit.progress import Progress
from accessibility_audit.runs.run import NothingToScan, Run
from accessibility_audit.runs.website import WebsiteScan
from accessibility_audit.store import Store


@click.command(epilog=EXIT_CODE_HELP)
@groups.PAGES
@groups.CRAWL
@groups.REQUESTS
@groups.RULES
@groups.BROWSERS
@click.option("--resume", metavar="SCAN", help="Continue an interrupted scan with its own "
              "settings (give the same --cookie/--header again if it used them).")
@gate_options(max_help=" (a problem repeated through a template counts once)")
@quiet_option
@db_option
def scan(**values: Any) -> None:
    """Audit pages and keep the results as a new scan.

    Pages come from URLS, --urls-file, --sitemap, --crawl or --sites, in any mix.
    Progress goes to stderr; the summary table to stdout.
    """
    store = open_store(values["db"])
    gate, quiet = Gate.take(values), values["quiet"]
    scan_id, options = (_resumed(store, values) if values["resume"]
                        else (None, groups.scan_options(values)))
    if not options.contact and not quiet:
        click.echo("Note: no --contact given; site owners cannot reach you from the user "
                   "agent.", err=True)
    run = Run(store, WebsiteScan(options), Progress(enabled=not quiet), scan_id=scan_id)
    try:
        scan_id = run.run()
    except KeyboardInterrupt:
        if run.scan_id is None:
            click.echo("\nInterrupted before any page was audited: nothing was kept.",
                       err=True)
        else:
            click.echo(f"\nInterrupted. What was scanned is kept in scan {run.scan_id}; "
                       f"continue with: a11y-audit scan --resume {run.scan_id}", err=True)
        sys.exit(Exit.INTERRUPTED)
    except (NothingToScan, BrowserFailed) as error:
        raise Failure(str(error)) from error
    for warning in run.warnings:
        click.echo(f"Warning: {warning}", err=True)
    summary = evaluate(store, scan_id)
    click.echo(summary_text(summary, store))
    finish(summary, gate)


def _resumed(store: Store, values: dict[str, Any]) -> tuple[int, ScanOptions]:
    """An interrupted scan's id and its own options, with the credentials given again."""
    scan_id = resolve(store, values["resume"])
    stored = store.load(scan_id)
    if stored.options.get("kind") == "stand":
        raise Failure(f"scan {scan_id} is a stand audit, which cannot be resumed: "
                      f"run a11y-audit stand {stored.options['stand']} again")
    credentials = groups.credentials(values)
    return scan_id, ScanOptions.from_json(stored.options, **credentials)
