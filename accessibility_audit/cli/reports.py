"""The commands that read the store, without a browser: ``report``, ``diff``, ``scans``
and ``rules``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from accessibility_audit import wcag
from accessibility_audit.checks.rules import RULES
from accessibility_audit.checks.selection import (
    PROFILES,
    axe_rules,
    default_axe_rules,
    own_rules,
    thorough_axe_rules,
)
from accessibility_audit.cli.shared import db_option, open_store, report_options, resolve, write
from accessibility_audit.diff import compare
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.evaluation import evaluate
from accessibility_audit.exitcodes import Exit
from accessibility_audit.reporters import diff_text

LEVEL_TAGS = frozenset({*(tag for tags in wcag.STANDARDS.values() for tag in tags),
                        wcag.BEST_PRACTICE})


@click.command()
@click.argument("scan_ref", metavar="SCAN", default="latest")
@report_options()
@db_option
def report(scan_ref: str, format_: str, lang: str, output: Path | None, db: str) -> None:
    """Write the report of a stored scan (a number, latest or previous); no browser needed.

    Formats: text, json, csv, junit (JUnit XML for CI), earl (W3C EARL as JSON-LD), and
    html (self-contained, accessible, in kk, ru or en, with charts and a trend).
    """
    store = open_store(db)
    write(evaluate(store, resolve(store, scan_ref)), store, format_, lang, output)


@click.command("diff")
@click.argument("old_ref", metavar="OLD")
@click.argument("new_ref", metavar="NEW")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--fail-on-new", is_flag=True, help="Exit with 2 if NEW has violations OLD had not.")
@db_option
def diff_command(old_ref: str, new_ref: str, format_: str, fail_on_new: bool, db: str) -> None:
    """List the violations that are new in NEW, fixed since OLD, and remaining
    (needs-review items an auditor decided "fails" are violations here too)."""
    store = open_store(db)
    old = evaluate(store, resolve(store, old_ref))
    new = evaluate(store, resolve(store, new_ref))
    difference = compare(old, new)
    render = diff_text.render_json if format_ == "json" else diff_text.render
    click.echo(render(difference), nl=False)
    if fail_on_new and difference.added:
        sys.exit(Exit.VIOLATIONS)


@click.command("rules")
@click.option("--axe-script", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="List the rules of this axe-core build instead of the default one's.")
@click.option("--standard", type=click.Choice(list(wcag.STANDARDS)), default="wcag22aa",
              show_default=True, help="The standard whose profiles are listed.")
def list_rules(axe_script: Path | None, standard: str) -> None:
    """List the rule ids --rule and --skip-rule take: the own checks, then axe-core's,
    each with its level (the tag --standard or --best-practice selects it by) and WCAG
    success criteria; the stand checks a11y-audit stand adds; and the rules each
    profile (--profile) runs at the standard."""
    axe = AxeScript(axe_script) if axe_script else AxeScript()
    click.echo("Own checks of a11y-audit:")
    for rule in RULES.values():
        if "site" in rule.audits:
            click.echo(_rule_line(rule.id, rule.tags, rule.help))
    click.echo(f"\naxe-core {axe.version} rules ({axe.path}):")
    for rule_id, tags in axe_rules(axe.source).items():
        click.echo(_rule_line(rule_id, tags))
    click.echo("\nStand checks (a11y-audit stand runs them all, with the checks above):")
    for rule in RULES.values():
        if "site" not in rule.audits:
            click.echo(_rule_line(rule.id, rule.tags, rule.help))
    tags = wcag.tags_for(standard, best_practice=True)
    chosen = {"default": default_axe_rules(axe.rules(), tags),
              "thorough": thorough_axe_rules(axe.rules(), tags)}
    click.echo(f"\nProfiles (--profile) at {standard}, with best practice:")
    for profile, description in PROFILES.items():
        own = [rule.id for rule in own_rules(tags, profile=profile)]  # type: ignore[arg-type]
        click.echo(f"  {profile}: {description}.")
        click.echo(f"    axe-core ({len(chosen[profile])}): {', '.join(chosen[profile])}")
        click.echo(f"    own checks ({len(own)}): {', '.join(own) or '-'}")


def _rule_line(rule_id: str, tags: tuple[str, ...], help_text: str = "") -> str:
    levels = [tag for tag in tags if tag in LEVEL_TAGS]
    criteria = ", ".join(wcag.criteria(tags))
    line = f"  {rule_id:<34} {' '.join(levels) or '-':<14} {criteria or '-':<14}"
    return f"{line} {help_text}".rstrip()


@click.command("scans")
@db_option
def list_scans(db: str) -> None:
    """List the stored scans, newest last."""
    store = open_store(db)
    for scan_id in store.scan_ids():
        summary = evaluate(store, scan_id)
        counts = summary.page_counts()
        sites = ", ".join(sorted({page.site for page in summary.pages})) or "no pages"
        click.echo(f"{scan_id:>4}  {summary.scan.started:%Y-%m-%d %H:%M}  "
                   f"{summary.scan.status:<11} {sum(counts.values()):>4} pages  "
                   f"{len(summary.violations):>4} violations  {sites}")
