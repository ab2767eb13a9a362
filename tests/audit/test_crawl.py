"""Scans that find their own pages: a crawl within limits, and a sitemap index."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from accessibility_audit.discovery.crawl import CrawlLimits
from accessibility_audit.engine.frames import BUNDLED_AXE
from accessibility_audit.options import Target
from accessibility_audit.store import Store
from tests.audit.conftest import run_scan
from tests.audit.fixture_site import FixtureSite

pytestmark = pytest.mark.browser


def paths(summary, site: FixtureSite) -> set[str]:
    return {url.removeprefix(site.base) for url in summary.urls}


def test_crawl_follows_same_origin_links_within_depth_and_robots(
        store: Store, site: FixtureSite) -> None:
    summary = run_scan(store, site, targets=[Target("crawl", site.url("/"))],
                       limits=CrawlLimits(max_pages=20, max_depth=3))
    # Not: /private/ (robots.txt), the PDF (a file), another origin, /section/deepest
    # (four links away).
    assert paths(summary, site) == {"/", "/missing-alt", "/low-contrast", "/section/",
                                    "/other", "/section/deep", "/section/deeper"}
    assert all(page.status == "audited" for page in summary.pages)


def test_crawl_limits_and_patterns(store: Store, site: FixtureSite) -> None:
    summary = run_scan(store, site, targets=[Target("crawl", site.url("/"))],
                       limits=CrawlLimits(max_pages=4, max_depth=3, exclude=(r"/section/",)))
    found = paths(summary, site)
    assert len(found) == 4 and "/" in found and not any("/section/" in p for p in found)


def test_sitemap_index_and_gzip_feed_the_scan(store: Store, site: FixtureSite) -> None:
    summary = run_scan(store, site, targets=[Target("sitemap", site.url("/sitemap-index.xml"))])
    assert paths(summary, site) == {"/missing-alt", "/missing-label", "/no-lang", "/empty-link"}
    rules = {f.rule for f in summary.violations}
    assert rules == {"image-alt", "label", "html-has-lang", "link-name"}


def test_mobile_viewport_another_axe_build_and_no_media_downloads(
        store: Store, site: FixtureSite, tmp_path: Path) -> None:
    axe_copy = tmp_path / "axe.min.js"
    shutil.copy(BUNDLED_AXE, axe_copy)
    summary = run_scan(store, site, ["/low-contrast", "/media"],
                       viewports=("desktop", "mobile"), axe_script=str(axe_copy))
    viewports = sorted((page.url.rsplit("/", 1)[1], page.viewport) for page in summary.pages)
    assert viewports == [("low-contrast", "desktop"), ("low-contrast", "mobile"),
                         ("media", "desktop"), ("media", "mobile")]
    contrast = next(f for f in summary.violations if f.rule == "color-contrast")
    assert contrast.viewports == ["desktop", "mobile"]
    assert summary.scan.axe_version == "4.10.2"
    fetched = {path for _role, path, ua in site.requests if "Chrome/" in ua}
    assert "/media" in fetched and not fetched & {"/movie.mp4", "/sound.mp3"}
