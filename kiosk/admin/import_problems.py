"""The faults of an imported content file as the admin area lists them: the line, the
field named in the manager's language, its path in the file (as code), and what is
wrong, said through the catalogs (:mod:`kiosk.content.errors`)."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from kiosk.admin.field_labels import path_label
from kiosk.content import ContentError
from kiosk.content.errors import Fault


@dataclass(frozen=True)
class ImportProblem:
    where: str  # "line 12: Business hours › Monday › Period 1 › From"; empty if not known
    code: str  # the field's path in the file, as the editor finds it there
    what: str


def field_name(fault: Fault) -> str:
    parts = [str(part) for part in fault.loc
             if not str(part).startswith(("function-", "tagged-"))]
    if len(parts) > 2 and parts[0] == "locations":
        # A location's fields are named as on its editing pages.
        return f"{parts[1]} › {path_label('.'.join(parts[2:]))}"
    return path_label(".".join(parts)) if parts else _("(top level)")


def import_problems(error: ContentError) -> list[ImportProblem]:
    listed = []
    for fault in error.faults:
        name = field_name(fault)
        where = _("line %(line)s: %(field)s", line=fault.line, field=name) if fault.line \
            else name
        listed.append(ImportProblem(where, fault.path, fault.message))
    # Problems without a field: the file itself, or "… and N more".
    listed += [ImportProblem("", "", text) for text in error.problems[len(error.faults):]]
    return listed


def plain_problems(texts: list[str]) -> list[ImportProblem]:
    return [ImportProblem("", "", text) for text in texts]
