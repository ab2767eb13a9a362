"""The checklist as data: groups of items, each with its question, how to check it,
the kind of answer and the reference values, loaded from ``checklist.yaml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Literal

import yaml

Kind = Literal["measure", "yesno"]
SOURCE = files("accessibility_audit.physical").joinpath("checklist.yaml")


@dataclass(frozen=True)
class Reference:
    clause: str
    verified: bool
    # A guideline (RNIB, NDA Ireland), not a norm: said so after the clause.
    good_practice: bool = False


@dataclass(frozen=True)
class ReducedMax:
    """A lower maximum once another item measures ``threshold`` or more (a deep
    obstruction lowers the reach)."""

    item: str
    threshold: float
    max: float


@dataclass(frozen=True)
class Item:
    id: str
    group: str
    kind: Kind
    question: str
    how: str
    references: tuple[Reference, ...]
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    optional: bool = False
    reduced_max: ReducedMax | None = None
    recommended: tuple[float, float] | None = None


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    groups: tuple[Group, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for group in self.groups for item in group.items)

    def item(self, item_id: str) -> Item:
        return self.by_id[item_id]

    @functools.cached_property
    def by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}


def _item(data: dict[str, Any], group: str) -> Item:
    reduced = data.get("reduced_max")
    recommended = data.get("recommended")
    return Item(
        id=data["id"], group=group, kind=data["kind"], question=data["question"],
        how=data["how"], unit=data.get("unit"), min=data.get("min"), max=data.get("max"),
        optional=data.get("optional", False),
        references=tuple(Reference(r["clause"], r["status"] == "verified",
                                     r.get("good_practice", False))
                         for r in data["references"]),
        reduced_max=ReducedMax(reduced["item"], reduced["from"], reduced["max"])
        if reduced else None,
        recommended=tuple(recommended) if recommended else None)


def parse(text: str) -> Checklist:
    data = yaml.safe_load(text)
    return Checklist(tuple(
        Group(g["id"], g["title"], tuple(_item(i, g["id"]) for i in g["items"]))
        for g in data["groups"]))


@functools.cache
def checklist() -> Checklist:
    """The checklist shipped with the scanner."""
    return parse(SOURCE.read_text(encoding="utf-8"))
