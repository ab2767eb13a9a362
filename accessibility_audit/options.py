"""A scan's settings in one value, kept with the scan so ``--resume`` and reports
know exactly how it was made. Built once, by the command line (``cli/scan_options.py``)
or by code, and read by every layer below it."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from accessibility_audit.urls import BadUrl

TargetKind = Literal["page", "crawl", "sitemap"]

# The rule profiles (checks/selection.py says what each runs).
Profile = Literal["default", "thorough"]


@dataclass(frozen=True)
class CrawlLimits:
    max_pages: int = 100
    max_depth: int = 3
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def compiled(self) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
        def compile_all(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
            try:
                return [re.compile(pattern) for pattern in patterns]
            except re.error as error:
                raise BadUrl(f"pattern {error.pattern!r} is not a valid regular "
                             f"expression: {error}") from error
        return compile_all(self.include), compile_all(self.exclude)


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    url: str


@dataclass(frozen=True)
class ScanOptions:
    targets: tuple[Target, ...]
    standard: str = "wcag22aa"
    # Best practice is part of both profiles (axe-core/cli runs it by default).
    best_practice: bool = True
    # Which rules the standard selects (checks/selection.py).
    profile: Profile = "default"
    viewports: tuple[str, ...] = ("desktop",)
    workers: int = 2
    page_timeout: float = 30.0
    recycle_pages: int = 50
    recycle_mb: float = 400.0
    max_elements: int = 30_000
    contact: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    delay: float = 1.0
    # Seconds for a robots.txt or sitemap download in all (and the preflight's wait).
    fetch_timeout: float = 20.0
    respect_robots: bool = True
    limits: CrawlLimits = field(default_factory=CrawlLimits)
    axe_script: str | None = None
    grid_url: str | None = None
    block_media: bool = True
    # Rule ids (axe's or the own checks'): run only these, or all but these.
    rules: tuple[str, ...] = ()
    skip_rules: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        # Cookies and headers may be someone's session: never written to the store.
        data["headers"] = sorted(self.headers)
        data["cookies"] = sorted(self.cookies)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], *, headers: dict[str, str],
                  cookies: dict[str, str]) -> ScanOptions:
        values = dict(data)
        values["targets"] = tuple(Target(**target) for target in data["targets"])
        values["viewports"] = tuple(data["viewports"])
        # Scans stored before rule selection existed have neither key.
        values["rules"] = tuple(data.get("rules", ()))
        values["skip_rules"] = tuple(data.get("skip_rules", ()))
        limits = dict(data["limits"])
        limits["include"], limits["exclude"] = (tuple(limits["include"]),
                                                tuple(limits["exclude"]))
        values["limits"] = CrawlLimits(**limits)
        values["headers"], values["cookies"] = headers, cookies
        return cls(**values)
