"""The HTML report: one self-contained, accessible page in Kazakh, Russian or English.

Messages come from gettext catalogs of our own (``accessibility_audit/translations``);
numbers and dates are formatted for the language by Babel. axe's own rule help
stays in English (marked lang="en"), as axe-core ships no Kazakh or Russian texts;
the scanner's own checks' help is translated."""

from __future__ import annotations

from typing import Any, Protocol
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations
from jinja2 import Environment, PackageLoader, select_autoescape

from accessibility_audit.charts import Bar, bar_chart
from accessibility_audit.checks.rules import RULES
from accessibility_audit.evaluation import Summary
from accessibility_audit.i18n import LANGUAGES, TRANSLATIONS
from accessibility_audit.model import IMPACTS
from accessibility_audit.reporters import ReportContext
from accessibility_audit.reporters.stand_matrix import is_stand, matrix
from accessibility_audit.urls import web_link
from accessibility_audit.version import __version__

# Kazakhstan has one time zone (UTC+5) since 2024; the offset is printed with each time.
TIME_ZONE = ZoneInfo("Asia/Almaty")


class Translate(Protocol):
    """``_``: a message in the report's language, with its ``%(name)s`` values."""

    def __call__(self, text: str, /, **values: object) -> str: ...


def environment(language: str) -> tuple[Environment, NullTranslations]:
    if language not in LANGUAGES:
        raise ValueError(f"no report language {language!r}; choose one of {', '.join(LANGUAGES)}")
    env = Environment(loader=PackageLoader("accessibility_audit.reporters", "templates"),
                      autoescape=select_autoescape(default=True),
                      extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    translations = Translations.load(str(TRANSLATIONS), [language], domain="messages")
    # A method the jinja2.ext.i18n extension adds to the environment at run time.
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    env.filters["web_link"] = web_link
    env.filters["number"] = lambda value: format_decimal(value, locale=language)
    env.filters["moment"] = lambda value: format_datetime(
        value, "d MMM y, HH:mm ZZZZ", tzinfo=TIME_ZONE, locale=language)
    return env, translations


def render(summary: Summary, context: ReportContext) -> str:
    env, translations = environment(context.language)

    def _(text: str, /, **values: object) -> str:
        translated = translations.gettext(text)
        return translated % values if values else translated

    template = env.get_template("report.html")
    # The own checks' help is translated; axe's stays English and is marked so.
    own_help = {rule.id: _(rule.help) for rule in RULES.values()}
    return template.render(summary=summary, lang=context.language, version=__version__,
                           charts=_charts(summary, context, _), impacts=IMPACTS,
                           history=context.history, own_help=own_help,
                           stand=matrix(summary) if is_stand(summary) else None,
                           **_labels(_), **_stand_labels(_))


def _charts(summary: Summary, context: ReportContext, _: Translate) -> dict[str, Any]:
    criteria = [Bar(c if c[0].isdigit() else _("best practice"), n)
                for c, n in summary.by_criterion.items()]
    impacts = [Bar(_labels(_)["impact_names"][i], n) for i, n in summary.by_impact.items()]
    trend = [Bar(_("Scan %(id)s", id=scan_id), n) for scan_id, _when, n in context.history]
    return {
        "criteria": bar_chart(_("Violations by WCAG success criterion"),
                              _("Number of violation findings for each success criterion; "
                                "the same figures are in the table that follows."), criteria),
        "impact": bar_chart(_("Violations by impact"),
                            _("Number of violation findings for each impact level; the same "
                              "figures are in the table that follows."), impacts, "#8a1c1c"),
        "trend": bar_chart(_("Violations over time"),
                           _("Violating elements found by each scan of these sites, oldest "
                             "first; the same figures are in the table that follows."),
                           trend, "#2f5f2f") if len(trend) > 1 else None,
    }


def _stand_labels(_: Translate) -> dict[str, dict[str | None, str]]:
    return {
        "mode_names": {"standard": _("standard mode"), "large": _("large text"),
                       "contrast": _("high contrast"),
                       "large-contrast": _("large text and high contrast")},
        "orientation_names": {"portrait": _("portrait"), "landscape": _("landscape")},
        "outcome_names": {"pass": _("pass"), "fail": _("fail"),
                          "not audited": _("not audited"), None: "—"},
    }


def _labels(_: Translate) -> dict[str, dict[str | None, str]]:
    return {
        "impact_names": {"critical": _("critical"), "serious": _("serious"),
                         "moderate": _("moderate"), "minor": _("minor"), None: _("none")},
        "viewport_names": {**_stand_labels(_)["orientation_names"],
                           # Translators: the scanner's 1280×800 viewport
                           "desktop": _("desktop"),
                           # Translators: the scanner's 375×667 viewport with touch
                           "mobile": _("mobile")},
        "status_names": {"audited": _("audited"), "failed": _("failed"),
                         "blocked": _("blocked")},
        "error_names": {
            "redirect-loop": _("Redirect loop"), "tls": _("TLS error"),
            "dns": _("Host name not found"), "connection": _("Connection failed"),
            "timeout": _("No answer"), "http": _("HTTP error"),
            "blocked": _("Blocked (bot wall, login or refusal)"),
            "download": _("Download, not a page"), "not-html": _("Not a web page"),
            "endless-loading": _("Never finished loading"), "huge-page": _("Page too large"),
            "page-timeout": _("Page took too long"), "browser-crash": _("Browser crashed"),
            "browser-error": _("Browser error"), "axe-timeout": _("axe-core timed out"),
            "axe-error": _("axe-core failed"), "dialog": _("Opened a dialog"),
            "beforeunload": _("Asks before leaving"),
            "scanner-error": _("Error in the scanner"),
            "check-error": _("An own check failed"),
            "interfered": _("The page interfered with the audit"),
        },
    }
