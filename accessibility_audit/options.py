"""A scan's settings in one value, kept with the scan so ``--resume`` and reports
know exactly how it was made."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from accessibility_audit.discovery.crawl import CrawlLimits

TargetKind = Literal["page", "crawl", "sitemap"]


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    url: str


@dataclass(frozen=True)
class ScanOptions:
    targets: tuple[Target, ...]
    standard: str = "wcag22aa"
    best_practice: bool = False
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
