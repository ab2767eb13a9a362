"""The dashboard's view of the store for one request, and how its figures are written."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from flask import abort, current_app, g
from flask_babel import get_locale
from flask_babel import gettext as _

from kiosk.audit.figures import AuditData, FiguresCache, Monitored
from kiosk.audit.storage import audit_store
from kiosk.formatting import long_date, time_text

# Kazakhstan has one time zone (UTC+5); scans are stored in UTC.
TIME_ZONE = ZoneInfo("Asia/Almaty")


def audit_data() -> AuditData:
    if "audit_data" not in g:
        cache = current_app.extensions.setdefault("kiosk.audit_figures", FiguresCache())
        g.audit_data = AuditData(audit_store(), cache)
    data: AuditData = g.audit_data
    return data


def monitored_or_404(key: str) -> Monitored:
    found = audit_data().find(key)
    if found is None:
        abort(404)
    return found


def scan_command() -> str:
    """The command that puts scans where this dashboard reads them (password hidden)."""
    # KIOSK_AUDIT_DB itself may hold a password: the URL is always written from the engine.
    url = audit_store().engine.url.render_as_string(hide_password=True)
    return f"a11y-audit scan --db {url} https://…"


def moment_text(when: dt.datetime) -> str:
    local = when.astimezone(TIME_ZONE)
    return f"{long_date(local.date(), str(get_locale()))}, {time_text(local)}"


def short_date(when: dt.datetime) -> str:
    return format_date(when.astimezone(TIME_ZONE).date(), "short", locale=str(get_locale()))


def share_text(share: float | None) -> str:
    return "—" if share is None else format_percent(share, "#,##0.#%", locale=str(get_locale()))


def per_page_text(value: float | None) -> str:
    return "—" if value is None else format_decimal(value, "#,##0.##",
                                                    locale=str(get_locale()))


def impact_names() -> dict[str | None, str]:
    return {"critical": _("critical"), "serious": _("serious"), "moderate": _("moderate"),
            "minor": _("minor"), None: _("not rated")}


def kind_name(kind: str) -> str:
    return {"site": _("website"), "stand": _("stand")}[kind]


def status_name(status: str) -> str:
    return {"running": _("running"), "finished": _("finished"),
            "interrupted": _("interrupted"), "failed": _("failed")}.get(status, status)


def decision_name(decision: str) -> str:
    return {"pass": _("passes"), "fail": _("fails")}[decision]


def signed(value: float | None) -> str:
    """A change with its sign: +2.5, −1, 0."""
    if value is None:
        return "—"
    text = format_decimal(abs(value), "#,##0.##", locale=str(get_locale()))
    return text if round(value, 2) == 0 else ("+" if value > 0 else "−") + text
