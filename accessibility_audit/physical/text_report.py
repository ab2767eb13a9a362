"""The joined stand report as plain text, for the terminal (``a11y-audit checklist
report``) and for the stand audit's own report."""

from __future__ import annotations

from accessibility_audit.physical.model import checklist
from accessibility_audit.physical.report import StandReport, stand_report
from accessibility_audit.physical.stands import BadStandUrl, stand_url
from accessibility_audit.physical.texts import (
    CHOICES,
    OVERALL,
    VERDICTS,
    _,
    allowed_range,
    cited,
    measured,
    moment,
    sayer,
)
from accessibility_audit.store import Store


def physical_lines(report: StandReport, language: str) -> list[str]:
    """The checklist part: one line per item, grouped, with value, reference and verdict."""
    say = sayer(language)
    if report.checklist is None or report.physical is None:
        return [say(_("Physical checklist: not filled in yet."))]
    filled = report.checklist
    lines = [say(_("Physical checklist of %(day)s by %(auditor)s: %(verdict)s")) % {
        "day": filled.checked_on.isoformat(), "auditor": filled.auditor,
        "verdict": say(OVERALL[report.physical.verdict])}]
    group = None
    for result in report.physical.items:
        if result.item.group != group:
            group = result.item.group
            title = next(g.title for g in checklist().groups if g.id == group)
            lines += ["", f"  {say(title)}"]
        answer = result.answer
        given = measured(answer.value, result.item.unit, language) if answer.value is not None \
            else say(CHOICES[answer.choice]) if answer.choice else "—"
        wanted = allowed_range(result.minimum, result.maximum, result.item.unit, language)
        reference = ", ".join(cited(r, say) for r in result.item.references)
        lines.append(f"  [{say(VERDICTS[result.verdict])}] {say(result.item.question)} → {given}"
                     + (f" ({wanted})" if wanted else "") + f" — {reference}")
    return lines


def render(report: StandReport, language: str = "en") -> str:
    say = sayer(language)
    lines = [f"{report.label or report.url} — {report.url}",
             say(_("Overall: %(verdict)s")) % {"verdict": say(OVERALL[report.verdict])}, ""]
    software = report.software
    if software is None:
        lines.append(say(_("Software: no stand audit yet (run a11y-audit stand URL).")))
    else:
        lines.append(say(_("Software: stand audit %(scan)s, %(verdict)s; %(violations)s "
                           "violation findings on %(rows)s audited page views (each page in each "
                           "language, mode and orientation).")) % {
            "scan": software.scan_id, "verdict": say(OVERALL[software.verdict]),
            "violations": len(software.violations), "rows": software.rows})
        lines += coverage_lines(report, language)
    lines += ["", *physical_lines(report, language)]
    return "\n".join(lines) + "\n"


def coverage_lines(report: StandReport, language: str) -> list[str]:
    """How much of the stand the audit covered, and of which content revision."""
    say = sayer(language)
    software = report.software
    assert software is not None
    if software.coverage is None or software.matrix is None:
        return [say(_("Coverage unknown: this stand audit did not record what the stand "
                      "shows, so it is partial evidence; audit the stand again."))]
    matrix, covered = software.matrix, software.coverage
    if matrix.publication is not None:
        # The admin area's number and date first; the fingerprint for support staff.
        lines = [say(_("Covered %(covered)s of the %(expected)s page views the stand shows "
                       "at revision %(number)s of %(date)s (content fingerprint "
                       "%(fingerprint)s).")) % {
            "covered": covered.covered, "expected": covered.expected,
            "number": matrix.publication.number,
            "date": moment(matrix.publication.at, language), "fingerprint": matrix.revision}]
    else:
        # Recorded before stands named their publication: the fingerprint is all there is.
        lines = [say(_("Covered %(covered)s of the %(expected)s page views the stand shows "
                       "at content revision %(revision)s.")) % {
            "covered": covered.covered, "expected": covered.expected,
            "revision": matrix.revision}]
    if report.stale and report.current_publication is not None:
        lines.append(say(_("The stand now shows revision %(number)s of %(date)s: this "
                           "certificate is of an earlier version.")) % {
            "number": report.current_publication.number,
            "date": moment(report.current_publication.at, language)})
    elif report.stale:
        lines.append(say(_("The stand now shows content revision %(current)s: this "
                           "certificate is of an earlier version.")) % {
            "current": report.current_revision})
    elif report.current_revision is None:
        lines.append(say(_("The stand's current content revision could not be checked.")))
    return lines


def stand_addendum(store: Store, stand: str, language: str = "en") -> list[str]:
    """What a stand audit's own text report adds: the stand's latest checklist and the
    verdict joining both sides (``a11y-audit stand`` and ``report`` of a stand scan)."""
    try:
        report = stand_report(store, stand_url(stand))
    except BadStandUrl:
        return []
    say = sayer(language)
    return ["", say(_("Overall: %(verdict)s")) % {"verdict": say(OVERALL[report.verdict])},
            *physical_lines(report, language)]
