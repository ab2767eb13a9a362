"""Sitemaps (sitemaps.org): URL sets, sitemap indexes and gzipped files.

A sitemap is streamed into a hardened XML parser (defusedxml: no entity expansion, no
external references) within a byte cap on what is downloaded and on what gzip unpacks,
so neither a huge file, a gzip bomb nor an entity bomb can exhaust the scanner. As the
protocol says, a sitemap lists pages (and an index sitemaps) of its own host only; an
entry on another host is left out, with a warning."""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, ParseError

import requests
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from accessibility_audit.fetching import CHUNK, Fetcher, TooLarge, TooSlow
from accessibility_audit.urls import BadUrl, check_url

MAX_BYTES = 50 * 1024 * 1024  # the protocol's limit for one uncompressed sitemap
MAX_SITEMAPS = 1000
_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_DEFAULT_PORTS = {"http": 80, "https": 443}


class SitemapError(ValueError):
    """A sitemap that could not be read, with the reason."""


@dataclass
class SitemapPages:
    """The pages a sitemap (with the sitemaps its index lists) gives, and what was left
    out and why."""

    urls: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_sitemap(fetcher: Fetcher, url: str, limit: int | None = None,
                 max_bytes: int = MAX_BYTES) -> SitemapPages:
    """Page URLs listed by the sitemap at ``url``, following index files.

    The sitemap at ``url`` itself must be readable (SitemapError says why not); one that
    an index lists but that cannot be read becomes a warning, and the others are read."""
    found = SitemapPages()
    pending, seen = [check_url(url)], set[str]()
    while pending and len(seen) < MAX_SITEMAPS:
        current = pending.pop(0)
        if current in seen:
            continue
        seen.add(current)
        try:
            root, hosts = _read(fetcher, current, max_bytes)
        except SitemapError as error:
            if current == url:
                raise
            found.warnings.append(str(error))
            continue
        entries: list[str] = []
        elsewhere: list[str] = []
        for location in (loc.text.strip() for loc in root.iter(f"{_NS}loc") if loc.text):
            try:
                entry = check_url(location)
            except BadUrl:
                continue  # one odd entry should not lose the rest of the sitemap
            (entries if _host(entry) in hosts else elsewhere).append(entry)
        if elsewhere:
            found.warnings.append(_elsewhere(current, elsewhere))
        if root.tag == f"{_NS}sitemapindex":
            pending.extend(entries)
            continue
        for entry in entries:
            found.urls.append(entry)
            if limit is not None and len(found.urls) >= limit:
                return found
    return found


def _host(url: str) -> tuple[str, int | None]:
    parts = urlsplit(url)
    port = parts.port
    return (parts.hostname or "", None if port == _DEFAULT_PORTS.get(parts.scheme) else port)


def _elsewhere(sitemap: str, urls: list[str]) -> str:
    hosts = sorted({urlsplit(url).netloc for url in urls})
    shown = ", ".join(hosts[:5]) + (f" and {len(hosts) - 5} more" if len(hosts) > 5 else "")
    return (f"sitemap {sitemap} lists {len(urls)} address(es) on other hosts ({shown}); "
            "a sitemap may list only its own host's pages, so they are not audited "
            "(give them as URLs or their own sitemap to audit them)")


def _read(fetcher: Fetcher, url: str,
          max_bytes: int) -> tuple[Element, set[tuple[str, int | None]]]:
    """The sitemap's root element, and the hosts its entries may be on: the one it
    was asked from and the one it came from after redirects."""
    try:
        with fetcher.open(url, max_bytes=max_bytes) as body:
            response = body.response
            if response.status_code != 200:
                raise SitemapError(f"sitemap {url} answered HTTP {response.status_code}")
            root = _parse(url, _unpacked(url, body.chunks(), max_bytes))
            hosts = {_host(url), _host(response.url)}
    except (TooSlow, requests.ReadTimeout) as error:
        raise SitemapError(f"sitemap {url} did not arrive within "
                           f"{fetcher.settings.timeout:g} s") from error
    except TooLarge as error:
        raise SitemapError(f"sitemap {url} is larger than {max_bytes // 1024 // 1024} MB, "
                           "the protocol's limit") from error
    except requests.RequestException as error:
        raise SitemapError(f"sitemap {url} could not be fetched: {error}") from error
    if root.tag not in (f"{_NS}urlset", f"{_NS}sitemapindex"):
        raise SitemapError(f"{url} is not a sitemap (its root element is {root.tag})")
    return root, hosts


def _unpacked(url: str, chunks: Iterable[bytes], max_bytes: int) -> Iterator[bytes]:
    """The sitemap's XML: servers send .xml.gz both as gzip content and as a
    gzip-encoded xml file; requests undoes the second, the magic number tells the
    first, which is unpacked here within the same cap."""
    stream = iter(chunks)
    first = next(stream, b"")
    if first[:2] != b"\x1f\x8b":
        yield first
        yield from stream
        return
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    unpacked = 0
    for chunk in itertools.chain((first,), stream):
        data = chunk
        while data and not unpacker.eof:
            try:
                out = unpacker.decompress(data, CHUNK)
            except zlib.error as error:
                raise SitemapError(f"sitemap {url} is not valid gzip: {error}") from error
            data = unpacker.unconsumed_tail
            unpacked += len(out)
            if unpacked > max_bytes:
                raise SitemapError(f"sitemap {url} unpacks to more than "
                                   f"{max_bytes // 1024 // 1024} MB, the protocol's limit")
            yield out
        if unpacker.eof:
            return
    raise SitemapError(f"sitemap {url} is not valid gzip: the file ends too early")


def _parse(url: str, xml: Iterable[bytes]) -> Element:
    parser = DefusedXMLParser()
    try:
        for chunk in xml:
            parser.feed(chunk)
        root: Element = parser.close()
        return root
    except ParseError as error:
        raise SitemapError(f"sitemap {url} is not valid XML: {error}") from error
    except DefusedXmlException as error:
        raise SitemapError(f"sitemap {url} is refused: it declares entities or refers to "
                           f"outside files ({type(error).__name__}), which a sitemap never "
                           "needs") from error
