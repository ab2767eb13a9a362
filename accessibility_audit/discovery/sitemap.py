"""Sitemaps (sitemaps.org): URL sets, sitemap indexes and gzipped files."""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ET

import requests

from accessibility_audit.fetching import Fetcher
from accessibility_audit.urls import BadUrl, check_url

MAX_BYTES = 50 * 1024 * 1024  # the protocol's limit for one uncompressed sitemap
MAX_SITEMAPS = 1000
_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class SitemapError(ValueError):
    """A sitemap that could not be read, with the reason."""


def read_sitemap(fetcher: Fetcher, url: str, limit: int | None = None) -> list[str]:
    """Page URLs listed by the sitemap at ``url``, following index files."""
    pending, seen, pages = [check_url(url)], set(), []
    while pending and len(seen) < MAX_SITEMAPS:
        current = pending.pop(0)
        if current in seen:
            continue
        seen.add(current)
        root = _parse(current, _download(fetcher, current))
        locations = [loc.text.strip() for loc in root.iter(f"{_NS}loc") if loc.text]
        if root.tag == f"{_NS}sitemapindex":
            pending.extend(locations)
            continue
        for location in locations:
            try:
                pages.append(check_url(location))
            except BadUrl:
                continue  # one odd entry should not lose the rest of the sitemap
            if limit is not None and len(pages) >= limit:
                return pages
    return pages


def _download(fetcher: Fetcher, url: str) -> bytes:
    try:
        response = fetcher.get(url)
    except requests.RequestException as error:
        raise SitemapError(f"sitemap {url} could not be fetched: {error}") from error
    if response.status_code != 200:
        raise SitemapError(f"sitemap {url} answered HTTP {response.status_code}")
    body = response.content
    # Servers send .xml.gz both as gzip content and as a gzip-encoded xml file;
    # requests undoes the second, the magic number tells the first.
    if body[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as packed:
                body = packed.read(MAX_BYTES + 1)
        except OSError as error:
            raise SitemapError(f"sitemap {url} is not valid gzip: {error}") from error
    if len(body) > MAX_BYTES:
        raise SitemapError(f"sitemap {url} is larger than 50 MB")
    return body


def _parse(url: str, body: bytes) -> ET.Element:
    try:
        root = ET.fromstring(body)
    except ET.ParseError as error:
        raise SitemapError(f"sitemap {url} is not valid XML: {error}") from error
    if root.tag not in (f"{_NS}urlset", f"{_NS}sitemapindex"):
        raise SitemapError(f"{url} is not a sitemap (its root element is {root.tag})")
    return root
