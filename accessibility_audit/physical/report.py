"""One stand, both sides: the latest stand audit of its software and the latest physical
checklist, and the verdict that joins them."""

from __future__ import annotations

from dataclasses import dataclass

from accessibility_audit.physical.evaluation import ChecklistResult, Overall, combine, evaluate
from accessibility_audit.physical.model import checklist
from accessibility_audit.physical.stand_audits import (
    SoftwareResult,
    latest_stand_audit,
    stand_scans,
)
from accessibility_audit.physical.stands import stand_key
from accessibility_audit.physical.storage import StoredChecklist, labelled_stands, latest
from accessibility_audit.store import Store


@dataclass
class StandReport:
    url: str
    label: str
    software: SoftwareResult | None
    checklist: StoredChecklist | None
    physical: ChecklistResult | None

    @property
    def key(self) -> str:
        return stand_key(self.url)

    @property
    def verdict(self) -> Overall:
        return combine(self.software.verdict if self.software else None,
                       self.physical.verdict if self.physical else None)


def stand_report(store: Store, url: str, label: str = "") -> StandReport:
    filled = latest(store, url)
    label = label or (filled.label if filled else "") or labelled_stands(store).get(url, "")
    return StandReport(url, label, latest_stand_audit(store, url), filled,
                       evaluate(checklist(), filled.answers) if filled else None)


def known_stands(store: Store) -> list[str]:
    """Every stand known from a stand audit or from the auditors' list, by URL."""
    return sorted(set(stand_scans(store)) | set(labelled_stands(store)))


def stand_by_key(store: Store, key: str) -> str | None:
    return next((url for url in known_stands(store) if stand_key(url) == key), None)
