"""``a11y-audit``: scan websites and stands with axe-core and the own checks, keep every
scan, report and compare them. One module per family of commands (``scan``, ``stand``,
``reports``, ``checklist``); ``shared`` holds what they share."""

from __future__ import annotations

import sys

import click

from accessibility_audit.cli.checklist import group as checklist_group
from accessibility_audit.cli.reports import diff_command, list_rules, list_scans, report
from accessibility_audit.cli.scan import scan
from accessibility_audit.cli.stand import stand
from accessibility_audit.exitcodes import EXIT_CODE_HELP, Exit
from accessibility_audit.version import __version__


def main() -> None:
    """The console script. Click exits with 2 on a usage error, but 2 means
    "violations" here, so every usage error exits with 1, as other tool failures."""
    try:
        cli.main(prog_name="a11y-audit", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(Exit.INTERRUPTED)
    except click.ClickException as error:
        error.show()
        sys.exit(Exit.TOOL_FAILED)
    sys.exit(Exit.OK)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog=EXIT_CODE_HELP)
@click.version_option(__version__, prog_name="a11y-audit")
def cli() -> None:
    """Audit whole websites for accessibility with axe-core in headless Chromium,
    keep every scan, and report what fails which WCAG success criterion and where.

    \b
    a11y-audit scan --crawl https://akimat.example.kz/ --max-pages 200 --contact mailto:me@ex.kz
    a11y-audit scan --sites agencies.txt --workers 2 --fail-on serious
    a11y-audit report latest --format html --lang kk -o report.html
    a11y-audit diff previous latest
    a11y-audit stand http://127.0.0.1:8080/stand/main/ --format html -o stand.html
    """


for command in (scan, stand, report, diff_command, list_rules, list_scans,
                checklist_group):
    cli.add_command(command)
