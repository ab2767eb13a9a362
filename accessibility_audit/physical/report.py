"""One stand, both sides: the latest stand audit of its software and the latest physical
checklist, and the verdict that joins them. A certificate is of the content revision its
stand audit audited: once the stand shows a later one, it is stale until audited again."""

from __future__ import annotations

from dataclasses import dataclass

from accessibility_audit.physical.coverage import Publication
from accessibility_audit.physical.evaluation import ChecklistResult, Overall, combine, evaluate
from accessibility_audit.physical.model import checklist
from accessibility_audit.physical.stand_audits import (
    SoftwareResult,
    latest_stand_audit,
    stand_scans,
)
from accessibility_audit.physical.stands import location, split, stand_key
from accessibility_audit.physical.storage import StoredChecklist, labelled_stands, latest
from accessibility_audit.store import Store


@dataclass
class StandReport:
    url: str
    label: str
    software: SoftwareResult | None
    checklist: StoredChecklist | None
    physical: ChecklistResult | None
    # The revision the stand shows now, if whoever asks could find out (None: unknown).
    current_revision: int | None = None
    # The same, as the admin area names it (None: unknown, or a server that does not say).
    current_publication: Publication | None = None

    @property
    def key(self) -> str:
        return stand_key(self.url)

    @property
    def location(self) -> str:
        return location(split(self.url)[0])

    @property
    def stand_id(self) -> str:
        return split(self.url)[1]

    @property
    def stale(self) -> bool:
        """The stand audit was of an earlier revision than the stand shows now."""
        audited = self.software.revision if self.software else None
        return None not in (audited, self.current_revision) and audited != self.current_revision

    @property
    def software_verdict(self) -> Overall | None:
        if self.software is None:
            return None
        verdict = self.software.verdict
        return "stale" if verdict == "meets" and self.stale else verdict

    @property
    def verdict(self) -> Overall:
        return combine(self.software_verdict, self.physical.verdict if self.physical else None)


def stand_report(store: Store, url: str, label: str = "",
                 current_revision: int | None = None,
                 current_publication: Publication | None = None) -> StandReport:
    filled = latest(store, url)
    label = label or (filled.label if filled else "") or labelled_stands(store).get(url, "")
    return StandReport(url, label, latest_stand_audit(store, url), filled,
                       evaluate(checklist(), filled.answers) if filled else None,
                       current_revision, current_publication)


def known_stands(store: Store) -> list[str]:
    """Every stand known from a stand audit or from the auditors' list, by URL."""
    return sorted(set(stand_scans(store)) | set(labelled_stands(store)))


def stand_by_key(store: Store, key: str) -> str | None:
    return next((url for url in known_stands(store) if stand_key(url) == key), None)
