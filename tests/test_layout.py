"""The layout of kiosk/ is a rule, not a habit: layers import only downwards, routes live
in ``views`` modules only, nothing imports another area's views, and only the clock
reads the clock. (The layers are listed in kiosk/__init__.py.)"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

KIOSK = ROOT / "kiosk"

# Lower number, lower layer: a module may import from its own layer and those below.
LAYERS: dict[str, int] = {
    "kiosk.config": 1, "kiosk.clock": 1, "kiosk.i18n": 1, "kiosk.security": 1,
    "kiosk.request_limits": 1, "kiosk.formatting": 1, "kiosk.qr": 1, "kiosk.content": 1,
    "kiosk.hours": 1,
    "kiosk.store": 2, "kiosk.migrations": 2,
    "kiosk.auth": 3, "kiosk.speech": 3, "kiosk.database_errors": 3,
    "kiosk.public": 4, "kiosk.admin": 4, "kiosk.audit": 4,
    "kiosk": 5, "kiosk.errors": 5, "kiosk.cli": 5,
}
AREAS = ("kiosk.public", "kiosk.admin", "kiosk.audit")
# Between areas: the admin area previews drafts with the stand's own pages and names
# things as the stand does; the stand uses nothing of anyone's.
AREA_IMPORTS = {("kiosk.admin", "kiosk.public")}


@dataclass(frozen=True)
class Import:
    importer: str
    target: str  # a module, or module.name for "from module import name"
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(KIOSK.rglob("*.py")):
        yield module_name(path), ast.parse(path.read_text(encoding="utf-8"), str(path))


def kiosk_imports() -> Iterator[Import]:
    for name, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("kiosk"):
                        yield Import(name, alias.name, node.lineno)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kiosk"):
                for alias in node.names:
                    yield Import(name, f"{node.module}.{alias.name}", node.lineno)


def layer_of(module: str) -> tuple[str, int]:
    """The most specific entry of LAYERS that ``module`` falls under."""
    found = max((prefix for prefix in LAYERS
                 if module == prefix or module.startswith(prefix + ".")), key=len)
    return found, LAYERS[found]


def area_of(module: str) -> str | None:
    return next((area for area in AREAS if module == area or module.startswith(area + ".")),
                None)


def test_no_import_runs_up_the_layers() -> None:
    upwards = []
    for item in kiosk_imports():
        own, own_layer = layer_of(item.importer)
        target, target_layer = layer_of(item.target)
        if target_layer > own_layer:
            upwards.append(f"{item.importer}:{item.line} imports {item.target} "
                           f"({own} is layer {own_layer}, {target} layer {target_layer})")
    assert upwards == []


def test_areas_import_each_other_only_where_allowed() -> None:
    crossing = []
    for item in kiosk_imports():
        own, target = area_of(item.importer), area_of(item.target)
        if own and target and own != target and (own, target) not in AREA_IMPORTS:
            crossing.append(f"{item.importer}:{item.line} imports {item.target}")
    assert crossing == []


def is_view_module(module: str) -> bool:
    return ".views" in f".{module.split('.', 1)[-1]}" or module.endswith(".views")


def test_only_views_define_routes() -> None:
    routes = []
    for name, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in {"route", "get", "post", "put", "delete",
                                           "add_url_rule"} \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "bp" \
                    and not is_view_module(name):
                routes.append(f"{name}:{node.lineno}")
    assert routes == [], "define routes in a views module (see kiosk/public/__init__.py)"


def test_views_are_imported_only_by_the_package_that_registers_them() -> None:
    wrong = []
    for item in kiosk_imports():
        if ".views." not in item.target and not item.target.endswith(".views"):
            continue
        package = item.target.split(".views", 1)[0]
        if item.importer not in (package, f"{package}.views"):
            wrong.append(f"{item.importer}:{item.line} imports {item.target}")
    assert wrong == [], "share what views need through a helper module beside views/"


def test_only_the_clock_reads_the_clock() -> None:
    readers = []
    for name, tree in modules():
        if name == "kiosk.clock":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in {"now", "utcnow", "today"} \
                    and ast.unparse(node.func.value).split(".")[-1] in {"datetime", "date"}:
                readers.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
    assert readers == [], "take the moment from kiosk.clock (or as a parameter)"
