"""deploy/nginx-kiosk.conf lets through every request body the app takes, and not much
more: each location's client_max_body_size is at least the largest body any route it
serves accepts (issue 13: behind the documented nginx, content imports and checklist
photos failed with 413 while the app accepted them), and at most a quarter above it, so
a file slightly too large still reaches the app, which says so in the user's language,
while nginx refuses far larger bodies first."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field

import pytest
from flask import Flask, request
from werkzeug.exceptions import HTTPException

from tests.conftest import ROOT

CONF = ROOT / "deploy" / "nginx-kiosk.conf"
BODY_METHODS = {"POST", "PUT", "PATCH"}
UNITS = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}


@dataclass
class Block:
    name: str
    args: list[str]
    children: list[Block] = field(default_factory=list)

    def directive(self, name: str) -> list[str] | None:
        return next((child.args for child in self.children if child.name == name), None)

    def blocks(self, name: str) -> list[Block]:
        return [child for child in self.children if child.name == name]


def tokens(text: str) -> list[str]:
    text = re.sub(r"#[^\n]*", "", text)  # comments (the file quotes no '#')
    return re.findall(r'"[^"]*"|[{};]|[^\s{};"]+', text)


def parse(items: list[str], at: int = 0, name: str = "", args: list[str] | None = None
          ) -> tuple[Block, int]:
    block = Block(name, args or [])
    words: list[str] = []
    while at < len(items):
        item = items[at]
        at += 1
        if item == ";":
            block.children.append(Block(words[0], words[1:]))
            words = []
        elif item == "{":
            child, at = parse(items, at, words[0], words[1:])
            block.children.append(child)
            words = []
        elif item == "}":
            return block, at
        else:
            words.append(item.strip('"'))
    return block, at


def size(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([kmg]?)", value.lower()).groups()
    return int(number) * UNITS[unit]


@dataclass(frozen=True)
class Location:
    modifier: str  # "=", "~", "^~" or "" (a prefix)
    pattern: str
    max_body: int

    def matches(self, path: str) -> bool:
        if self.modifier == "=":
            return path == self.pattern
        if self.modifier == "~":
            return re.search(self.pattern, path) is not None
        return path.startswith(self.pattern)


def https_locations() -> list[Location]:
    root, _ = parse(tokens(CONF.read_text(encoding="utf-8")))
    server = next(s for s in root.blocks("server")
                  if any("443" in args[0] for args in
                         (c.args for c in s.children if c.name == "listen")))
    default = size((server.directive("client_max_body_size") or ["1m"])[0])
    found = []
    for block in server.blocks("location"):
        modifier, pattern = (block.args if len(block.args) == 2 else ["", block.args[0]])
        own = block.directive("client_max_body_size")
        found.append(Location(modifier, pattern, size(own[0]) if own else default))
    return found


def nginx_location(locations: list[Location], path: str) -> Location:
    """The location nginx picks for ``path``: an exact match; else the longest prefix,
    unless a regular expression (in the file's order) matches, or the prefix is ^~."""
    exact = next((loc for loc in locations if loc.modifier == "=" and loc.matches(path)), None)
    if exact:
        return exact
    prefixes = [loc for loc in locations if loc.modifier in ("", "^~") and loc.matches(path)]
    longest = max(prefixes, key=lambda loc: len(loc.pattern), default=None)
    if longest is not None and longest.modifier == "^~":
        return longest
    regex = next((loc for loc in locations if loc.modifier == "~" and loc.matches(path)), None)
    found = regex or longest
    assert found is not None, f"no location of {CONF.name} serves {path}"
    return found


def sample_path(rule: str) -> str:
    return re.sub(r"<(?:int:)?(\w+)>", lambda m: "1" if "int:" in m[0] else "sample", rule)


def app_limit(app: Flask, path: str, method: str) -> int:
    """The largest body the app takes on this route: what its before-request functions
    (the app's and its blueprint's) allow, each run on its own."""
    with app.test_request_context(path, method=method):
        for blueprint in (None, *reversed(request.blueprints)):
            for function in app.before_request_funcs.get(blueprint, []):
                # A refusal (no CSRF token) says nothing about the size.
                with contextlib.suppress(HTTPException):
                    function()
        return request.max_content_length


@pytest.fixture(scope="module")
def routes(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, int]]:
    from tests.conftest import make_app

    app = make_app(tmp_path_factory.mktemp("nginx"), None)
    found = []
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods & BODY_METHODS):
            path = sample_path(rule.rule)
            found.append((f"{method} {rule.rule}", path, app_limit(app, path, method)))
    return found


def test_the_conf_parses_into_its_locations() -> None:
    locations = https_locations()
    assert {loc.pattern for loc in locations} >= {"/", "/admin/", "/audit/", "/static/"}
    assert nginx_location(locations, "/admin/login").modifier == "="
    assert nginx_location(locations, "/stand/main/kk/live.json").modifier == "~"


def test_nginx_takes_every_body_the_app_takes(routes: list[tuple[str, str, int]]) -> None:
    locations = https_locations()
    too_small = [f"{route}: nginx {nginx_location(locations, path).max_body}, app {limit}"
                 for route, path, limit in routes
                 if nginx_location(locations, path).max_body < limit]
    assert too_small == []


# How much more than the app a location may let through (see the module's docstring).
MARGIN = 1.25


def test_nginx_refuses_first_what_no_route_of_a_location_takes_by_far(
        routes: list[tuple[str, str, int]]) -> None:
    locations = https_locations()
    largest: dict[Location, int] = {}
    for _route, path, limit in routes:
        location = nginx_location(locations, path)
        largest[location] = max(largest.get(location, 0), limit)
    too_large = [f"location {loc.modifier} {loc.pattern}: nginx {loc.max_body}, "
                 f"app at most {limit}" for loc, limit in largest.items()
                 if loc.max_body > limit * MARGIN]
    assert too_large == []
