"""The layout is the architecture: the scanner's layers (written down in
``accessibility_audit/__init__.py`` and the README's Architecture section, in this
order), no import running up them, the kiosk using the scanner's public API only, and
the auditors' area keeping views, services and storage apart."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import accessibility_audit
from tests.conftest import ROOT

SCANNER = ROOT / "accessibility_audit"
# Bottom to top; a module is in the layer of the longest prefix that names it ("" is the
# package itself, the public API).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("values", ("version", "model", "wcag", "urls", "options", "findings", "i18n",
                "politeness", "safe_yaml", "physical")),
    ("reaching out", ("fetching", "browser", "discovery")),
    ("checks", ("checks",)),
    ("engine", ("engine",)),
    ("store", ("store", "physical.storage")),
    ("evaluation", ("evaluation", "diff", "exitcodes", "physical.stand_audits",
                    "physical.report")),
    ("reports", ("reporters", "charts", "physical.text_report")),
    ("runs", ("runs", "progress")),
    ("API", ("api", "")),
    ("command line", ("cli",)),
)


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(package: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(package.rglob("*.py")):
        yield module_name(path, package), path


def imports(path: Path) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """(line, module, names) of every import, those inside functions too."""
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ()
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.lineno, node.module, tuple(alias.name for alias in node.names)


def scanner_modules(module: str, names: tuple[str, ...]) -> list[str]:
    """The scanner modules an import uses: ``from accessibility_audit import wcag`` uses
    the module ``wcag``; ``from accessibility_audit import Store`` the public API."""
    if module != "accessibility_audit":
        return [module]
    found = [f"{module}.{name}" for name in names
             if (SCANNER / f"{name}.py").exists() or (SCANNER / name).is_dir()]
    return found + ([module] if len(found) < len(names) or not names else [])


def layer(module: str) -> int:
    inner = module.removeprefix("accessibility_audit").removeprefix(".")
    best, depth = None, -1
    for number, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            matches = inner == prefix or inner.startswith(prefix + ".") if prefix else not inner
            if matches and len(prefix) > depth:
                best, depth = number, len(prefix)
    assert best is not None, f"{module} is in no layer: add it to LAYERS and the docs"
    return best


@pytest.mark.parametrize(("module", "path"), list(modules(SCANNER)), ids=lambda v: str(v))
def test_no_scanner_import_runs_up_the_layers(module: str, path: Path) -> None:
    own = layer(module)
    upward = [f"line {line}: {used} ({LAYERS[layer(used)][0]})"
              for line, imported, names in imports(path)
              if imported.startswith("accessibility_audit")
              for used in scanner_modules(imported, names) if layer(used) > own]
    assert not upward, f"{module} ({LAYERS[own][0]}) imports from above: {upward}"


def test_the_layers_are_written_down_in_the_package_docstring() -> None:
    doc = accessibility_audit.__doc__ or ""
    positions = [doc.index(f"{number}. {name}:") for number, (name, _) in
                 enumerate(LAYERS, start=1)]
    assert positions == sorted(positions)


KIOSK = ROOT / "kiosk"


@pytest.mark.parametrize(("module", "path"), list(modules(KIOSK)), ids=lambda v: str(v))
def test_the_kiosk_uses_only_the_scanners_public_api(module: str, path: Path) -> None:
    public = set(dir(accessibility_audit))
    for line, imported, names in imports(path):
        if imported.split(".")[0] != "accessibility_audit":
            continue
        assert imported == "accessibility_audit" and names, (
            f"{module}, line {line}: import from accessibility_audit itself, not {imported}")
        private = set(names) - public
        assert not private, f"{module}, line {line}: not in the public API: {private}"


AUDIT_AREA = KIOSK / "audit"


def test_the_auditors_area_keeps_views_services_and_storage_apart() -> None:
    problems = []
    for module, path in modules(AUDIT_AREA):
        kind = ("view" if ".views" in module else "storage" if module.endswith(".storage")
                else "package" if module == "kiosk.audit" else "service")
        for line, imported, _names in imports(path):
            if not imported.startswith("kiosk.audit"):
                continue
            if kind in ("service", "storage") and ".views" in imported:
                problems.append(f"{module}:{line} (a {kind}) imports the view {imported}")
            if kind == "storage" and imported != "kiosk.audit.storage":
                problems.append(f"{module}:{line} (storage) imports {imported}")
    assert not problems
    assert (AUDIT_AREA / "views").is_dir() and (AUDIT_AREA / "storage.py").is_file()
