"""``a11y-audit scan``'s options in groups, each a decorator that adds its options to the
command and builds its part of :class:`ScanOptions`: the scan's options are built once,
here, from what was typed, and checked before anything starts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from accessibility_audit import wcag
from accessibility_audit.checks.selection import PROFILES, UnknownRule, check_ids
from accessibility_audit.cli.shared import Decorator, Failure, contact_option, options, parse_pairs
from accessibility_audit.engine.frames import AxeScript
from accessibility_audit.model import VIEWPORTS
from accessibility_audit.options import CrawlLimits, ScanOptions, Target
from accessibility_audit.urls import BadUrl, check_url, read_url_file

Values = Mapping[str, Any]


@dataclass(frozen=True)
class OptionGroup:
    """Options that together set some fields of :class:`ScanOptions`."""

    add: Decorator
    fields: Callable[[Values], dict[str, Any]]

    def __call__(self, command: Callable[..., Any]) -> Callable[..., Any]:
        return self.add(command)


def _targets(values: Values) -> dict[str, Any]:
    try:
        targets = [Target("page", check_url(u)) for u in values["urls"]]
        if values["urls_file"]:
            targets += [Target("page", u) for u in read_url_file(values["urls_file"])]
        targets += [Target("sitemap", check_url(u)) for u in values["sitemaps"]]
        targets += [Target("crawl", check_url(u)) for u in values["crawls"]]
        if values["sites"]:
            targets += [Target("crawl", u) for u in read_url_file(values["sites"])]
    except BadUrl as error:
        raise Failure(str(error)) from error
    if not targets:
        raise click.UsageError("nothing to scan: give URLs, --urls-file, --sitemap, --crawl "
                               "or --sites (or --resume a scan)")
    return {"targets": tuple(targets)}


PAGES = OptionGroup(options(
    click.argument("urls", nargs=-1),
    click.option("--urls-file", type=click.Path(path_type=Path, dir_okay=False),
                 help="A file of URLs to audit, one a line (# starts a comment)."),
    click.option("--sitemap", "sitemaps", multiple=True, metavar="URL",
                 help="Audit the pages a sitemap lists (index files and .gz followed)."),
    click.option("--crawl", "crawls", multiple=True, metavar="URL",
                 help="Crawl the site from this start URL, following same-origin links."),
    click.option("--sites", type=click.Path(path_type=Path, dir_okay=False),
                 help="A file of start URLs, one site a line: each is crawled as its own site "
                 "(a monitoring run over many agencies)."),
), _targets)


def _crawl(values: Values) -> dict[str, Any]:
    limits = CrawlLimits(values["max_pages"], values["max_depth"], values["include"],
                         values["exclude"])
    try:
        limits.compiled()
    except BadUrl as error:
        raise Failure(str(error)) from error
    return {"limits": limits, "respect_robots": not values["ignore_robots"],
            "delay": values["delay"], "fetch_timeout": values["fetch_timeout"]}


CRAWL = OptionGroup(options(
    click.option("--max-pages", default=100, show_default=True, type=click.IntRange(1),
                 help="Most pages audited per site."),
    click.option("--max-depth", default=3, show_default=True, type=click.IntRange(0),
                 help="How many links away from the start URL a crawl goes."),
    click.option("--include", multiple=True, metavar="REGEX",
                 help="Crawl only URLs matching this regular expression (repeatable)."),
    click.option("--exclude", multiple=True, metavar="REGEX",
                 help="Never crawl URLs matching this regular expression (repeatable)."),
    click.option("--ignore-robots", is_flag=True,
                 help="Do not obey robots.txt (your own sites only)."),
    click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(0),
                 help="Seconds between two visits to the same host."),
    click.option("--fetch-timeout", default=20.0, show_default=True,
                 type=click.FloatRange(1), help="Seconds a robots.txt or sitemap download "
                 "may take in all, however slowly the server sends (and the check before "
                 "each page waits for an answer)."),
), _crawl)


def credentials(values: Values) -> dict[str, Any]:
    """Cookies and headers: given again on ``--resume``, as they are never stored."""
    return {"cookies": parse_pairs(values, "cookies", "=", "NAME=VALUE"),
            "headers": parse_pairs(values, "headers", ":", "'NAME: VALUE'")}


REQUESTS = OptionGroup(options(
    click.option("--cookie", "cookies", multiple=True, metavar="NAME=VALUE",
                 help="A cookie for the scanned sites, e.g. a session for pages behind a login "
                 "(sent to the scanned sites only; never stored)."),
    click.option("--header", "headers", multiple=True, metavar="'NAME: VALUE'",
                 help="An HTTP header for every request (third parties included; never "
                 "stored)."),
), credentials)


def _rules(values: Values) -> dict[str, Any]:
    rules, skip = tuple(dict.fromkeys(values["rules"])), tuple(dict.fromkeys(values["skip_rules"]))
    axe = AxeScript(values["axe_script"]) if values["axe_script"] else AxeScript()
    hint = "'--rule' / '--skip-rule'"
    try:
        check_ids(rules + skip, axe.rule_ids())
    except UnknownRule as error:
        raise click.BadParameter(str(error), param_hint=hint) from error
    if rules and not set(rules) - set(skip):
        raise click.BadParameter("every rule given with --rule is also skipped with "
                                 "--skip-rule: nothing would be checked", param_hint=hint)
    return {"standard": values["standard"], "best_practice": values["best_practice"],
            "profile": values["profile"], "rules": rules, "skip_rules": skip}


RULES = OptionGroup(options(
    click.option("--standard", type=click.Choice(list(wcag.STANDARDS)), default="wcag22aa",
                 show_default=True, help="The WCAG level whose rules are run, axe's and the "
                 "own checks' (wcag22aaa adds 7:1 contrast and 44 px targets)."),
    click.option("--profile", type=click.Choice(list(PROFILES)), default="default",
                 show_default=True, help="Which rules of the standard run: 'default' (every "
                 "rule @axe-core/cli runs by default, and the own checks that only read the "
                 "page) or 'thorough' (every rule implementing a WCAG criterion at the level, "
                 "axe's experimental ones included, and the own checks that drive the page "
                 "or fetch more). 'a11y-audit rules' lists both."),
    click.option("--best-practice/--no-best-practice", default=True, show_default=True,
                 help="Run the best-practice rules (axe's, and the own check of links to the "
                 "other state language's version), as both profiles do, or leave them out."),
    click.option("--rule", "rules", multiple=True, metavar="ID",
                 help="Run only this rule, axe's or an own check's, whatever the standard "
                 "(repeatable)."),
    click.option("--skip-rule", "skip_rules", multiple=True, metavar="ID",
                 help="Do not run this rule (repeatable)."),
), _rules)


def _browsers(values: Values) -> dict[str, Any]:
    return {"viewports": values["viewports"] or ("desktop",), "workers": values["workers"],
            "page_timeout": values["page_timeout"], "recycle_pages": values["recycle_after"],
            "recycle_mb": values["recycle_memory"], "max_elements": values["max_elements"],
            "axe_script": str(values["axe_script"]) if values["axe_script"] else None,
            "grid_url": values["grid"], "contact": values["contact"],
            "block_media": not values["load_media"]}


BROWSERS = OptionGroup(options(
    click.option("--viewport", "viewports", multiple=True, type=click.Choice(list(VIEWPORTS)),
                 help="Audit at this viewport (repeatable; default desktop). "
                 "desktop is 1280×800, mobile 375×667 with touch."),
    click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 32),
                 help="Browsers auditing in parallel."),
    click.option("--page-timeout", default=30.0, show_default=True, type=click.FloatRange(1),
                 help="Seconds a page may take to load, and axe to run on it."),
    click.option("--recycle-after", default=50, show_default=True, type=click.IntRange(1),
                 help="Replace a browser after this many pages."),
    click.option("--recycle-memory", default=400.0, show_default=True,
                 type=click.FloatRange(50), metavar="MB",
                 help="Replace a browser whose processes use more memory than this."),
    click.option("--max-elements", default=30_000, show_default=True, type=click.IntRange(1),
                 help="Pages with more elements are reported as too large instead of audited."),
    click.option("--axe-script", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 help="Another axe-core build (axe.min.js) instead of the one make install "
                 "fetched (or, without it, axe-selenium-python's older bundled one)."),
    click.option("--grid", metavar="URL", help="Run the browsers on this Selenium Grid "
                 "(e.g. http://grid.local:4444) instead of on this machine."),
    contact_option,
    click.option("--load-media", is_flag=True,
                 help="Also download audio and video (skipped by default, but for the "
                 "clips that start by themselves, which the audio control check plays)."),
), _browsers)

GROUPS = (PAGES, CRAWL, REQUESTS, RULES, BROWSERS)


def scan_options(values: Values) -> ScanOptions:
    """The options of a new scan, from every group's part of the command line."""
    fields: dict[str, Any] = {}
    for group in GROUPS:
        fields.update(group.fields(values))
    return ScanOptions(**fields)
