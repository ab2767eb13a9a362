"""The scanner's public API for other programs — the kiosk's auditors' dashboard above
all — re-exported by the package (``from accessibility_audit import Store``). Nothing
else of ``accessibility_audit`` is promised to stay where it is.

- The store: scans, auditors' decisions and agencies' names (``Store``).
- The evaluation: what counts, with the auditors' decisions applied, the same for every
  report, exit code and dashboard (``evaluate``, ``summarise``, ``Summary``, ``Finding``).
- Reports and charts: every report format (``report``), the SVG charts the reports
  and the dashboard draw (``bar_chart``, ``stacked_columns``), and the one check of a
  help link every report template makes (``web_link``).
- The physical checklist of stands: the checklist, answers and their parsing, the YAML
  file, photos, storage, and the stand report joining checklist and stand audit.
- YAML people write, read within bounds (``safe_yaml``): the checklist files read it,
  and so do the kiosk's content files.

The engine's functions (``audit_page``, ``violations``: one page in someone else's
browser) are public too, loaded on first use as they need Selenium."""

from __future__ import annotations

from accessibility_audit.charts import Bar, Column, bar_chart, stacked_columns
from accessibility_audit.evaluation import Finding, Summary, evaluate, history, summarise
from accessibility_audit.model import IMPACTS
from accessibility_audit.physical.coverage import Publication
from accessibility_audit.physical.evaluation import Answer
from accessibility_audit.physical.model import Checklist, checklist
from accessibility_audit.physical.model import Item as ChecklistItem
from accessibility_audit.physical.parsing import AnswerProblem, parse_answer, parse_date
from accessibility_audit.physical.parsing import Problem as ChecklistProblem
from accessibility_audit.physical.photos import MAX_BYTES as PHOTO_MAX_BYTES
from accessibility_audit.physical.photos import BadPhoto
from accessibility_audit.physical.photos import process as process_photo
from accessibility_audit.physical.problems import describe as describe_problem
from accessibility_audit.physical.problems import with_line as problem_with_line
from accessibility_audit.physical.report import (
    StandReport,
    known_stands,
    stand_by_key,
    stand_report,
)
from accessibility_audit.physical.stand_audits import recorded_stands
from accessibility_audit.physical.stands import BadStandUrl, stand_key, stand_url
from accessibility_audit.physical.stands import split as split_stand
from accessibility_audit.physical.storage import (
    StoredChecklist,
    StoredPhoto,
    Submission,
    add_pending_photo,
    labelled_stands,
    photo_data,
    remember_stand,
    stored_photo,
)
from accessibility_audit.physical.storage import history as checklist_history
from accessibility_audit.physical.storage import latest as latest_checklist
from accessibility_audit.physical.storage import save as save_checklist
from accessibility_audit.physical.texts import vocabulary as checklist_vocabulary
from accessibility_audit.physical.yaml_file import LIMITS as CHECKLIST_FILE_LIMITS
from accessibility_audit.physical.yaml_file import FileProblems as ChecklistFileProblems
from accessibility_audit.physical.yaml_file import read as read_checklist_file
from accessibility_audit.physical.yaml_file import read_bytes as read_checklist_bytes
from accessibility_audit.physical.yaml_file import template as checklist_template
from accessibility_audit.reporters import FORMAT_NAMES, ReportContext, formats
from accessibility_audit.safe_yaml import BoundedLoader as BoundedYamlLoader
from accessibility_audit.safe_yaml import Limits as YamlLimits
from accessibility_audit.safe_yaml import Refused as YamlRefused
from accessibility_audit.safe_yaml import decode as decode_yaml
from accessibility_audit.safe_yaml import excerpt, read_bounded
from accessibility_audit.safe_yaml import load as load_yaml
from accessibility_audit.store import Review, ScanHeader, Store, StoreError
from accessibility_audit.store.repository import DECISIONS, StoredScan
from accessibility_audit.urls import web_link


def report(store: Store, scan_id: int, format_name: str = "html", language: str = "en") -> str:
    """The report of a stored scan in one of ``FORMAT_NAMES``, as ``a11y-audit report``
    writes it (the HTML report in kk, ru or en)."""
    summary = evaluate(store, scan_id)
    sites = {page.site for page in summary.pages}
    return formats()[format_name](summary, ReportContext(language,
                                                         history(store, sites, scan_id)))


__all__ = [
    # The store
    "DECISIONS", "Review", "ScanHeader", "Store", "StoreError", "StoredScan",
    # The evaluation
    "IMPACTS", "Finding", "Summary", "evaluate", "history", "summarise",
    # Reports and charts (web_link: the check every report template makes of a link)
    "FORMAT_NAMES", "Bar", "Column", "bar_chart", "report", "stacked_columns", "web_link",
    # The physical checklist of stands
    "PHOTO_MAX_BYTES", "Answer", "AnswerProblem", "BadPhoto", "BadStandUrl", "Checklist",
    "ChecklistFileProblems", "ChecklistItem", "ChecklistProblem", "StandReport",
    "StoredChecklist", "StoredPhoto", "Submission", "add_pending_photo", "checklist",
    "checklist_history", "checklist_template", "checklist_vocabulary", "describe_problem",
    "known_stands", "labelled_stands", "latest_checklist", "parse_answer", "parse_date",
    "photo_data", "problem_with_line", "process_photo", "read_checklist_file",
    "remember_stand", "save_checklist", "stand_by_key", "stand_key", "stand_report",
    "stand_url", "stored_photo", "CHECKLIST_FILE_LIMITS", "read_checklist_bytes",
    "recorded_stands", "split_stand", "Publication",
    # YAML within bounds
    "BoundedYamlLoader", "YamlLimits", "YamlRefused", "decode_yaml", "excerpt", "load_yaml",
    "read_bounded",
]
