"""Stand audits made through the Store API as the stand-audit contract describes them
(``options`` with ``"kind": "stand"`` and the stand's base URL; a row per page ×
language × mode), for the tests of what reads them."""

from __future__ import annotations

from accessibility_audit import __version__
from accessibility_audit.model import Issue, PageAudit
from accessibility_audit.physical.coverage import Matrix
from accessibility_audit.physical.stands import split
from accessibility_audit.store import Store

SPEECH_MISSING = Issue(
    rule="stand-speech-audio", outcome="violation", impact="critical", criteria=("1.1.1",),
    selector="#hours-today", html="<p id=\"hours-today\">…</p>",
    summary="No speech audio for this element", help="Every control is spoken",
    help_url="https://example.kz/rules/stand-speech-audio", tags=("wcag2a",))


def manifest(stand: str, revision: int = 1, stands: tuple[str, ...] | None = None) -> Matrix:
    """What a stand with only the hours page in 3 languages × 2 modes at portrait shows:
    the whole matrix :func:`add_stand_audit` audits."""
    return Matrix(revision, ("hours",), ("kk", "ru", "en"), ("standard", "large"),
                  ("portrait",), stands if stands is not None else
                  tuple(filter(None, [split(stand)[1]])))


def add_stand_audit(store: Store, stand: str, *, broken: bool,
                    matrix: Matrix | None = None, recorded: bool = True) -> int:
    """A finished stand audit of the hours page in 3 languages × 2 modes at portrait
    (the whole of ``matrix``, by default); ``broken`` gives the Kazakh large-type page one
    violation; ``recorded=False`` makes an audit of before stands said what they show."""
    matrix = matrix or manifest(stand)
    options = {"kind": "stand", "stand": stand}
    if recorded:
        options["manifest"] = matrix.to_json()
    scan_id = store.new_scan(standard="wcag22aa", user_agent="HeadlessChrome",
                             tool_version=__version__, options=options)
    base = split(stand)[0]
    for lang in ("kk", "ru", "en"):
        for mode in ("standard", "large"):
            url = f"{base}{lang}/hours" + ("" if mode == "standard" else f"?mode={mode}")
            issues = [SPEECH_MISSING] if broken and (lang, mode) == ("kk", "large") else []
            store.save_pages(scan_id, [PageAudit(url, "portrait", "audited", title="Hours",
                                                 axe_version="4.10.2", issues=issues,
                                                 passes=30)], site=base)
    store.set_status(scan_id, "finished")
    return scan_id
