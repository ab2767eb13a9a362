"""Finding pages: URLs, files of URLs, sitemaps, robots.txt and the crawl frontier."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from accessibility_audit.discovery.crawl import CrawlLimits, Frontier
from accessibility_audit.discovery.robots import Robots
from accessibility_audit.discovery.sitemap import SitemapError, read_sitemap
from accessibility_audit.fetching import Fetcher, HttpSettings
from accessibility_audit.politeness import HostGate, user_agent
from accessibility_audit.urls import BadUrl, check_url, read_url_file
from tests.audit.fixture_site import FixtureSite


def fetcher(delay: float = 0.0) -> Fetcher:
    return Fetcher(HttpSettings(user_agent("https://audit.example.kz"), {}, {}), HostGate(delay))


def test_urls_are_normalised() -> None:
    assert check_url(" HTTP://Gov.KZ:80/a?b=1#top ".replace("HTTP", "http")) == \
        "http://gov.kz/a?b=1"
    assert check_url("https://gov.kz") == "https://gov.kz/"


@pytest.mark.parametrize(("url", "message"), [
    ("ftp://gov.kz/", "not an http:// or https:// address"),
    ("gov.kz", "not an http:// or https:// address"),
    ("http:///path", "has no host name"),
])
def test_bad_urls_are_refused_with_the_reason(url: str, message: str) -> None:
    with pytest.raises(BadUrl, match=message):
        check_url(url)


def test_url_file_skips_comments_and_names_the_bad_line(tmp_path: Path) -> None:
    good = tmp_path / "urls.txt"
    good.write_text("# agencies\nhttps://a.gov.kz/\n\nhttps://b.gov.kz/x\n")
    assert read_url_file(good) == ["https://a.gov.kz/", "https://b.gov.kz/x"]
    bad = tmp_path / "bad.txt"
    bad.write_text("https://a.gov.kz/\nwww.b.gov.kz\n")
    with pytest.raises(BadUrl, match=r"bad.txt, line 2: 'www.b.gov.kz' is not"):
        read_url_file(bad)
    with pytest.raises(BadUrl, match="cannot read"):
        read_url_file(tmp_path / "missing.txt")


def test_sitemap_index_with_gzipped_sitemap(site: FixtureSite) -> None:
    urls = read_sitemap(fetcher(), site.url("/sitemap-index.xml")).urls
    assert [u.removeprefix(site.base) for u in urls] == [
        "/missing-alt", "/missing-label", "/no-lang", "/empty-link", "/private/secret"]


def test_sitemap_errors_say_what_is_wrong(site: FixtureSite) -> None:
    with pytest.raises(SitemapError, match="HTTP 404"):
        read_sitemap(fetcher(), site.url("/no-sitemap.xml"))
    with pytest.raises(SitemapError, match="not a sitemap"):
        read_sitemap(fetcher(), site.url("/sitemap-broken"))


def test_robots_txt(site: FixtureSite) -> None:
    robots = Robots(fetcher())
    assert robots.allowed(site.url("/missing-alt"))
    assert not robots.allowed(site.url("/private/secret"))
    assert robots.sitemaps(site.base) == [site.url("/sitemap-index.xml")]
    assert Robots(fetcher(), respect=False).allowed(site.url("/private/secret"))


def test_frontier_limits(site: FixtureSite) -> None:
    limits = CrawlLimits(max_pages=3, max_depth=2, exclude=(r"/news/",))
    frontier = Frontier(limits, Robots(fetcher()))
    assert frontier.admit(site.url("/"), explicit=True)
    found = [site.url(p) for p in ("/a", "/a", "/news/1", "/private/x", "/doc.pdf",
                                   "/b#frag")] + ["http://elsewhere.example/", "mailto:x@y"]
    assert frontier.links(site.url("/"), found, depth=0) == [site.url("/a"), site.url("/b")]
    assert frontier.links(site.url("/a"), [site.url("/c")], depth=1) == []  # 3 pages
    assert Frontier(limits, Robots(fetcher())).links(site.url("/"), found, depth=2) == []


def test_include_patterns_and_bad_patterns(site: FixtureSite) -> None:
    frontier = Frontier(CrawlLimits(include=(r"/section/",)), Robots(fetcher()))
    links = [site.url("/section/deep"), site.url("/other")]
    assert frontier.links(site.url("/"), links, 0) == [site.url("/section/deep")]
    with pytest.raises(BadUrl, match="not a valid regular expression"):
        CrawlLimits(include=("(",)).compiled()


@pytest.mark.alone  # measures 0.2 s and 0.28 s of waiting
def test_polite_delay_per_host() -> None:
    gate = HostGate(0.3)
    started = time.monotonic()
    gate.claim("a.kz")
    gate.claim("b.kz")          # another host: no wait
    assert time.monotonic() - started < 0.2
    gate.claim("a.kz")          # the same host again: waits its turn
    assert time.monotonic() - started >= 0.28
    assert not gate.try_claim("a.kz")
