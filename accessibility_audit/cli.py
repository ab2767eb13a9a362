"""``a11y-audit``: scan sites with axe-core, keep every scan, report and compare them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from accessibility_audit import wcag
from accessibility_audit.checks.rules import RULES
from accessibility_audit.checks.selection import UnknownRule, axe_rules, check_ids
from accessibility_audit.diff import compare
from accessibility_audit.discovery.stand import MODES, NotAStand
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.engine.launch import BrowserFailed
from accessibility_audit.evaluation import Summary, evaluate, history
from accessibility_audit.exitcodes import EXIT_CODE_HELP, STAND_EXIT_CODE_HELP, Exit, verdict
from accessibility_audit.model import IMPACTS, VIEWPORTS
from accessibility_audit.options import CrawlLimits, ScanOptions, Target
from accessibility_audit.physical.cli import build as build_checklist_group
from accessibility_audit.physical.text_report import stand_addendum
from accessibility_audit.progress import Progress
from accessibility_audit.reporters import FORMAT_NAMES, ReportContext, diff_text, formats
from accessibility_audit.reporters.stand_matrix import is_stand
from accessibility_audit.reporters.text import render as text_summary
from accessibility_audit.runs.run import NothingToScan, Run
from accessibility_audit.runs.stand import ORIENTATIONS, StandAudit, StandOptions
from accessibility_audit.runs.website import WebsiteScan
from accessibility_audit.store import Store, StoreError
from accessibility_audit.urls import BadUrl, check_url, read_url_file
from accessibility_audit.version import __version__

DEFAULT_DB = "a11y-audit.sqlite3"
LEVEL_TAGS = frozenset({*(tag for tags in wcag.STANDARDS.values() for tag in tags),
                        wcag.BEST_PRACTICE})
db_option = click.option(
    "--db", default=lambda: os.environ.get("A11Y_AUDIT_DB", DEFAULT_DB), show_default=DEFAULT_DB,
    metavar="PATH|URL", help="SQLite file or SQLAlchemy URL where scans are kept "
    "(or set A11Y_AUDIT_DB).")


class Failure(click.ClickException):
    """A message a person can act on, and exit code 1."""

    exit_code = Exit.TOOL_FAILED


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


def _pairs(values: tuple[str, ...], separator: str, what: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, found, content = value.partition(separator)
        if not found or not name.strip():
            raise click.BadParameter(f"{value!r} is not {what}")
        pairs[name.strip()] = content.strip()
    return pairs


def _targets(urls: tuple[str, ...], urls_file: Path | None, sitemaps: tuple[str, ...],
             crawls: tuple[str, ...], sites: Path | None) -> tuple[Target, ...]:
    try:
        targets = [Target("page", check_url(u)) for u in urls]
        if urls_file:
            targets += [Target("page", u) for u in read_url_file(urls_file)]
        targets += [Target("sitemap", check_url(u)) for u in sitemaps]
        targets += [Target("crawl", check_url(u)) for u in crawls]
        if sites:
            targets += [Target("crawl", u) for u in read_url_file(sites)]
    except BadUrl as error:
        raise Failure(str(error)) from error
    if not targets:
        raise click.UsageError("nothing to scan: give URLs, --urls-file, --sitemap, --crawl "
                               "or --sites (or --resume a scan)")
    return tuple(targets)


@cli.command(epilog=EXIT_CODE_HELP)
@click.argument("urls", nargs=-1)
@click.option("--urls-file", type=click.Path(path_type=Path, dir_okay=False),
              help="A file of URLs to audit, one a line (# starts a comment).")
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL",
              help="Audit the pages a sitemap lists (index files and .gz followed).")
@click.option("--crawl", "crawls", multiple=True, metavar="URL",
              help="Crawl the site from this start URL, following same-origin links.")
@click.option("--sites", type=click.Path(path_type=Path, dir_okay=False),
              help="A file of start URLs, one site a line: each is crawled as its own site "
              "(a monitoring run over many agencies).")
@click.option("--max-pages", default=100, show_default=True, type=click.IntRange(1),
              help="Most pages audited per site.")
@click.option("--max-depth", default=3, show_default=True, type=click.IntRange(0),
              help="How many links away from the start URL a crawl goes.")
@click.option("--include", multiple=True, metavar="REGEX",
              help="Crawl only URLs matching this regular expression (repeatable).")
@click.option("--exclude", multiple=True, metavar="REGEX",
              help="Never crawl URLs matching this regular expression (repeatable).")
@click.option("--ignore-robots", is_flag=True, help="Do not obey robots.txt (your own sites only).")
@click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(0),
              help="Seconds between two visits to the same host.")
@click.option("--cookie", "cookies", multiple=True, metavar="NAME=VALUE",
              help="A cookie for the scanned sites, e.g. a session for pages behind a login "
              "(sent to the scanned sites only; never stored).")
@click.option("--header", "headers", multiple=True, metavar="'NAME: VALUE'",
              help="An HTTP header for every request (third parties included; never stored).")
@click.option("--standard", type=click.Choice(list(wcag.STANDARDS)), default="wcag22aa",
              show_default=True, help="The WCAG level whose rules are run, axe's and the "
              "own checks' (wcag22aaa adds 7:1 contrast and 44 px targets).")
@click.option("--best-practice", is_flag=True, help="Also run the best-practice rules (axe's, "
              "and the own check of links to the other state language's version).")
@click.option("--rule", "rules", multiple=True, metavar="ID",
              help="Run only this rule, axe's or an own check's, whatever the standard "
              "(repeatable).")
@click.option("--skip-rule", "skip_rules", multiple=True, metavar="ID",
              help="Do not run this rule (repeatable).")
@click.option("--viewport", "viewports", multiple=True, type=click.Choice(list(VIEWPORTS)),
              help="Audit at this viewport (repeatable; default desktop). "
              "desktop is 1280×800, mobile 375×667 with touch.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 32),
              help="Browsers auditing in parallel.")
@click.option("--page-timeout", default=30.0, show_default=True, type=click.FloatRange(1),
              help="Seconds a page may take to load, and axe to run on it.")
@click.option("--recycle-after", default=50, show_default=True, type=click.IntRange(1),
              help="Replace a browser after this many pages.")
@click.option("--recycle-memory", default=400.0, show_default=True, type=click.FloatRange(50),
              metavar="MB", help="Replace a browser whose processes use more memory than this.")
@click.option("--max-elements", default=30_000, show_default=True, type=click.IntRange(1),
              help="Pages with more elements are reported as too large instead of audited.")
@click.option("--axe-script", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Another axe-core build (axe.min.js) instead of the bundled one.")
@click.option("--grid", metavar="URL", help="Run the browsers on this Selenium Grid "
              "(e.g. http://grid.local:4444) instead of on this machine.")
@click.option("--contact", default=lambda: os.environ.get("A11Y_AUDIT_CONTACT"), metavar="URL",
              help="Contact URL or e-mail put in the user agent, so site owners can reach "
              "you (or set A11Y_AUDIT_CONTACT).")
@click.option("--load-media", is_flag=True,
              help="Also download audio and video (skipped by default: not needed to audit).")
@click.option("--resume", metavar="SCAN", help="Continue an interrupted scan with its own "
              "settings (give the same --cookie/--header again if it used them).")
@click.option("--fail-on", type=click.Choice(IMPACTS),
              help="Exit with 2 if any violation has this impact or a worse one.")
@click.option("--max-violations", type=click.IntRange(0), metavar="N",
              help="Exit with 2 if there are more than N violation findings "
              "(a problem repeated through a template counts once).")
@click.option("--allow-page-errors", is_flag=True,
              help="Exit with 0, not 3, when some pages could not be audited.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@db_option
def scan(urls: tuple[str, ...], urls_file: Path | None, sitemaps: tuple[str, ...],
         crawls: tuple[str, ...], sites: Path | None, max_pages: int, max_depth: int,
         include: tuple[str, ...], exclude: tuple[str, ...], ignore_robots: bool, delay: float,
         cookies: tuple[str, ...], headers: tuple[str, ...], standard: str,
         best_practice: bool, rules: tuple[str, ...], skip_rules: tuple[str, ...],
         viewports: tuple[str, ...], workers: int, page_timeout: float,
         recycle_after: int, recycle_memory: float, max_elements: int,
         axe_script: Path | None, grid: str | None, contact: str | None, load_media: bool,
         resume: str | None, fail_on: str | None, max_violations: int | None,
         allow_page_errors: bool, quiet: bool, db: str) -> None:
    """Audit pages and keep the results as a new scan.

    Pages come from URLS, --urls-file, --sitemap, --crawl or --sites, in any mix.
    Progress goes to stderr; the summary table to stdout.
    """
    cookie_map = _pairs(cookies, "=", "NAME=VALUE")
    header_map = _pairs(headers, ":", "'NAME: VALUE'")
    store = _open(db)
    if resume:
        scan_id = _resolve(store, resume)
        stored = store.load(scan_id)
        if stored.options.get("kind") == "stand":
            raise Failure(f"scan {scan_id} is a stand audit, which cannot be resumed: "
                          f"run a11y-audit stand {stored.options['stand']} again")
        options = ScanOptions.from_json(stored.options, headers=header_map, cookies=cookie_map)
    else:
        scan_id = None
        options = ScanOptions(
            targets=_targets(urls, urls_file, sitemaps, crawls, sites), standard=standard,
            best_practice=best_practice, viewports=viewports or ("desktop",), workers=workers,
            page_timeout=page_timeout, recycle_pages=recycle_after, recycle_mb=recycle_memory,
            max_elements=max_elements, contact=contact, headers=header_map, cookies=cookie_map,
            delay=delay, respect_robots=not ignore_robots,
            limits=CrawlLimits(max_pages, max_depth, include, exclude),
            axe_script=str(axe_script) if axe_script else None, grid_url=grid,
            block_media=not load_media, rules=tuple(dict.fromkeys(rules)),
            skip_rules=tuple(dict.fromkeys(skip_rules)))
        try:
            options.limits.compiled()
        except BadUrl as error:
            raise Failure(str(error)) from error
        _check_rules(options, axe_script)
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
    click.echo(text_summary(summary))
    code = verdict(summary, fail_on, max_violations, allow_page_errors)
    if code != Exit.OK:
        click.echo(f"Exit code {int(code)}: {_explain(code, fail_on, max_violations)}", err=True)
    sys.exit(code)


def _check_rules(options: ScanOptions, axe_script: Path | None) -> None:
    axe = AxeScript(axe_script) if axe_script else AxeScript()
    try:
        check_ids(options.rules + options.skip_rules, axe.rule_ids())
    except UnknownRule as error:
        raise click.BadParameter(str(error), param_hint="'--rule' / '--skip-rule'") from error
    if options.rules and not set(options.rules) - set(options.skip_rules):
        raise click.BadParameter("every rule given with --rule is also skipped with "
                                 "--skip-rule: nothing would be checked",
                                 param_hint="'--rule' / '--skip-rule'")


def _explain(code: Exit, fail_on: str | None, max_violations: int | None) -> str:
    if code == Exit.VIOLATIONS:
        parts = []
        if fail_on:
            parts.append(f"violations at {fail_on} impact or worse")
        if max_violations is not None:
            parts.append(f"more than {max_violations} violation findings")
        return " or ".join(parts)
    return "some pages could not be audited (see above; --allow-page-errors to accept)"


@cli.command(epilog=STAND_EXIT_CODE_HELP)
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
@click.option("--contact", default=lambda: os.environ.get("A11Y_AUDIT_CONTACT"), metavar="URL",
              help="Contact URL or e-mail put in the user agent (or set A11Y_AUDIT_CONTACT).")
@click.option("--format", "format_", type=click.Choice(FORMAT_NAMES), default="text",
              show_default=True, help="Report format (with -o, the text summary still goes "
              "to stdout).")
@click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default="en", show_default=True,
              help="Language of the HTML report.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report here instead of to stdout.")
@click.option("--fail-on", type=click.Choice(IMPACTS), default="minor", show_default=True,
              help="Exit with 2 if any violation has this impact or a worse one.")
@click.option("--max-violations", type=click.IntRange(0), metavar="N",
              help="Exit with 2 if there are more than N violation findings.")
@click.option("--allow-page-errors", is_flag=True,
              help="Exit with 0, not 3, when some pages could not be audited.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@db_option
def stand(url: str, pages: tuple[str, ...], languages: tuple[str, ...], modes: tuple[str, ...],
          orientations: tuple[str, ...], max_pages: int, workers: int, page_timeout: float,
          grid: str | None, contact: str | None, format_: str, lang: str,
          output: Path | None, fail_on: str, max_violations: int | None,
          allow_page_errors: bool, quiet: bool, db: str) -> None:
    """Audit a running information stand end to end and keep it as a scan.

    URL is the stand's address, e.g. http://127.0.0.1:8080/stand/main/. Every page found
    through its links (GET only: no form is ever sent), in every language of its language
    switcher and every display mode, at portrait and landscape: axe-core and the own
    checks (WCAG 2.2 A/AA and best practice; 44 px targets; 7:1 contrast in the
    high-contrast modes), and the stand checks:
    keypad reach and traps, speech keys and their audio, the idle warning, and requests
    leaving the stand's server. Any violation fails the audit (--fail-on minor).
    """
    store = _open(db)
    options = StandOptions(url=url, pages=pages, languages=languages, modes=modes,
                           orientations=orientations or tuple(ORIENTATIONS),
                           max_pages=max_pages, workers=workers, page_timeout=page_timeout,
                           contact=contact, grid_url=grid)
    run = Run(store, StandAudit(options), Progress(enabled=not quiet))
    try:
        scan_id = run.run()
    except KeyboardInterrupt:
        kept = (f"What was audited is kept in scan {run.scan_id}." if run.scan_id is not None
                else "Nothing was audited yet.")
        click.echo(f"\nInterrupted. {kept}", err=True)
        sys.exit(Exit.INTERRUPTED)
    except (NotAStand, BadUrl, BrowserFailed) as error:
        raise Failure(str(error)) from error
    summary = evaluate(store, scan_id)
    _write(summary, store, scan_id, format_, lang, output, text_too=True)
    code = verdict(summary, fail_on, max_violations, allow_page_errors)
    if code != Exit.OK:
        click.echo(f"Exit code {int(code)}: {_explain(code, fail_on, max_violations)}", err=True)
    sys.exit(code)


def _write(summary: Summary, store: Store, scan_id: int, format_: str, lang: str,
           output: Path | None, text_too: bool = False) -> None:
    """The report to ``output`` or stdout; with ``text_too``, the text summary on stdout
    whenever the report itself does not go there as text."""
    sites = {page.site for page in summary.pages}
    context = ReportContext(language=lang, history=history(store, sites, scan_id))
    text = _text(summary, store) if format_ == "text" else formats()[format_](summary, context)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote the {format_} report of scan {scan_id} to {output}", err=True)
        if text_too:
            click.echo(_text(summary, store), nl=False)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def _text(summary: Summary, store: Store) -> str:
    """The text summary; a stand audit's ends with the stand's latest physical checklist
    and the verdict joining software and hardware."""
    text = text_summary(summary)
    if is_stand(summary):
        text += "\n".join(stand_addendum(store, summary.scan.options.get("stand", ""))) + "\n"
    return text


@cli.command()
@click.argument("scan_ref", metavar="SCAN", default="latest")
@click.option("--format", "format_", type=click.Choice(FORMAT_NAMES), default="text",
              show_default=True, help="Report format.")
@click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default="en", show_default=True,
              help="Language of the HTML report.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report here instead of to stdout.")
@db_option
def report(scan_ref: str, format_: str, lang: str, output: Path | None, db: str) -> None:
    """Write the report of a stored scan (a number, latest or previous); no browser needed.

    Formats: text, json, csv, junit (JUnit XML for CI), earl (W3C EARL as JSON-LD), and
    html (self-contained, accessible, in kk, ru or en, with charts and a trend).
    """
    store = _open(db)
    scan_id = _resolve(store, scan_ref)
    _write(evaluate(store, scan_id), store, scan_id, format_, lang, output)


@cli.command("diff")
@click.argument("old_ref", metavar="OLD")
@click.argument("new_ref", metavar="NEW")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--fail-on-new", is_flag=True, help="Exit with 2 if NEW has violations OLD had not.")
@db_option
def diff_command(old_ref: str, new_ref: str, format_: str, fail_on_new: bool, db: str) -> None:
    """List the violations that are new in NEW, fixed since OLD, and remaining
    (needs-review items an auditor decided "fails" are violations here too)."""
    store = _open(db)
    old = evaluate(store, _resolve(store, old_ref))
    new = evaluate(store, _resolve(store, new_ref))
    difference = compare(old, new)
    render = diff_text.render_json if format_ == "json" else diff_text.render
    click.echo(render(difference), nl=False)
    if fail_on_new and difference.added:
        sys.exit(Exit.VIOLATIONS)


@cli.command("rules")
@click.option("--axe-script", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="List the rules of this axe-core build instead of the bundled one's.")
def list_rules(axe_script: Path | None) -> None:
    """List the rule ids --rule and --skip-rule take: the own checks, then axe-core's,
    each with its level (the tag --standard or --best-practice selects it by) and WCAG
    success criteria."""
    axe = AxeScript(axe_script) if axe_script else AxeScript()
    click.echo("Own checks of a11y-audit:")
    for rule in RULES.values():
        if "site" in rule.audits:
            click.echo(_rule_line(rule.id, rule.tags, rule.help))
    click.echo("\nStand checks (a11y-audit stand runs them all, with the checks above):")
    for rule in RULES.values():
        if "site" not in rule.audits:
            click.echo(_rule_line(rule.id, rule.tags, rule.help))
    click.echo(f"\naxe-core rules ({axe.path.name}):")
    for rule_id, tags in axe_rules(axe.source).items():
        click.echo(_rule_line(rule_id, tags))


def _rule_line(rule_id: str, tags: tuple[str, ...], help_text: str = "") -> str:
    levels = [tag for tag in tags if tag in LEVEL_TAGS]
    criteria = ", ".join(wcag.criteria(tags))
    line = f"  {rule_id:<34} {' '.join(levels) or '-':<14} {criteria or '-':<14}"
    return f"{line} {help_text}".rstrip()


@cli.command("scans")
@db_option
def list_scans(db: str) -> None:
    """List the stored scans, newest last."""
    store = _open(db)
    for scan_id in store.scan_ids():
        summary = evaluate(store, scan_id)
        counts = summary.page_counts()
        sites = ", ".join(sorted({page.site for page in summary.pages})) or "no pages"
        click.echo(f"{scan_id:>4}  {summary.scan.started:%Y-%m-%d %H:%M}  "
                   f"{summary.scan.status:<11} {sum(counts.values()):>4} pages  "
                   f"{len(summary.violations):>4} violations  {sites}")


def _open(db: str) -> Store:
    try:
        return Store(db)
    except StoreError as error:
        raise Failure(str(error)) from error


def _resolve(store: Store, reference: str) -> int:
    try:
        return store.resolve(reference)
    except StoreError as error:
        raise Failure(str(error)) from error


cli.add_command(build_checklist_group(db_option))
