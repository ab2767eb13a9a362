"""What the ``a11y-audit`` commands share: the database option, the CI gate (exit codes
and their thresholds), a clear failure, and writing a report or the text summary."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from accessibility_audit.evaluation import Summary, history
from accessibility_audit.exitcodes import Exit, verdict
from accessibility_audit.i18n import LANGUAGES
from accessibility_audit.model import IMPACTS
from accessibility_audit.physical.text_report import stand_addendum
from accessibility_audit.reporters import FORMAT_NAMES, ReportContext, formats
from accessibility_audit.reporters.stand_matrix import is_stand
from accessibility_audit.reporters.text import render as text_summary
from accessibility_audit.store import Store, StoreError

# A click decorator: takes a command function, gives it back with options added.
Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]
DEFAULT_DB = "a11y-audit.sqlite3"


class Failure(click.ClickException):
    """A message a person can act on, and exit code 1."""

    exit_code = Exit.TOOL_FAILED


def options(*decorators: Decorator) -> Decorator:
    """Several click options as one decorator, in the order written (as ``--help``
    lists them)."""

    def apply(command: Callable[..., Any]) -> Callable[..., Any]:
        for decorator in reversed(decorators):
            command = decorator(command)
        return command
    return apply


db_option = click.option(
    "--db", default=lambda: os.environ.get("A11Y_AUDIT_DB", DEFAULT_DB), show_default=DEFAULT_DB,
    metavar="PATH|URL", help="SQLite file or SQLAlchemy URL where scans are kept "
    "(or set A11Y_AUDIT_DB).")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
contact_option = click.option(
    "--contact", default=lambda: os.environ.get("A11Y_AUDIT_CONTACT"), metavar="URL",
    help="Contact URL or e-mail put in the user agent, so site owners can reach you (or set "
    "A11Y_AUDIT_CONTACT).")


def report_options(language_help: str = "Language of the HTML report.",
                   output_help: str = "Write the report here instead of to stdout.",
                   format_help: str = "Report format.") -> Decorator:
    return options(
        click.option("--format", "format_", type=click.Choice(FORMAT_NAMES), default="text",
                     show_default=True, help=format_help),
        click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True,
                     help=language_help),
        click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                     help=output_help))


@dataclass(frozen=True)
class Gate:
    """When a finished scan or stand audit exits with 2 or 3 (exit codes are API)."""

    fail_on: str | None
    max_violations: int | None
    allow_page_errors: bool

    @classmethod
    def take(cls, values: dict[str, Any]) -> Gate:
        """The gate's options, taken out of a command's ``values``."""
        return cls(values.pop("fail_on"), values.pop("max_violations"),
                   values.pop("allow_page_errors"))

    def exit_code(self, summary: Summary) -> Exit:
        return verdict(summary, self.fail_on, self.max_violations, self.allow_page_errors)

    def explain(self, code: Exit) -> str:
        if code == Exit.VIOLATIONS:
            parts = []
            if self.fail_on:
                parts.append(f"violations at {self.fail_on} impact or worse")
            if self.max_violations is not None:
                parts.append(f"more than {self.max_violations} violation findings")
            return " or ".join(parts)
        return "some pages could not be audited (see above; --allow-page-errors to accept)"


def gate_options(fail_on: str | None = None, max_help: str = "") -> Decorator:
    return options(
        click.option("--fail-on", type=click.Choice(IMPACTS), default=fail_on,
                     show_default=fail_on is not None,
                     help="Exit with 2 if any violation has this impact or a worse one "
                     "(needs-review items an auditor decided \"fails\" count, unrated ones "
                     "as moderate)."),
        click.option("--max-violations", type=click.IntRange(0), metavar="N",
                     help=f"Exit with 2 if there are more than N violation findings{max_help}."),
        click.option("--allow-page-errors", is_flag=True,
                     help="Exit with 0, not 3, when some pages could not be audited."))


def open_store(db: str) -> Store:
    try:
        return Store(db)
    except StoreError as error:
        raise Failure(str(error)) from error


def resolve(store: Store, reference: str) -> int:
    try:
        return store.resolve(reference)
    except StoreError as error:
        raise Failure(str(error)) from error


def write(summary: Summary, store: Store, format_: str, lang: str, output: Path | None,
          text_too: bool = False) -> None:
    """The report to ``output`` or stdout; with ``text_too``, the text summary on stdout
    whenever the report itself does not go there as text."""
    sites = {page.site for page in summary.pages}
    context = ReportContext(language=lang, history=history(store, sites, summary.scan.id))
    text = summary_text(summary, store) if format_ == "text" \
        else formats()[format_](summary, context)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote the {format_} report of scan {summary.scan.id} to {output}",
                   err=True)
        if text_too:
            click.echo(summary_text(summary, store), nl=False)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def summary_text(summary: Summary, store: Store) -> str:
    """The text summary; a stand audit's ends with the stand's latest physical checklist
    and the verdict joining software and hardware."""
    text = text_summary(summary)
    if is_stand(summary):
        text += "\n".join(stand_addendum(store, summary.scan.options.get("stand", ""))) + "\n"
    return text


def finish(summary: Summary, gate: Gate) -> None:
    """Exit as the gate says, saying why when it is not 0."""
    code = gate.exit_code(summary)
    if code != Exit.OK:
        click.echo(f"Exit code {int(code)}: {gate.explain(code)}", err=True)
    raise SystemExit(int(code))


def parse_pairs(values: Mapping[str, Any], name: str, separator: str,
                what: str) -> dict[str, str]:
    pairs = {}
    for value in values[name]:
        key, found, content = value.partition(separator)
        if not found or not key.strip():
            raise click.BadParameter(f"{value!r} is not {what}")
        pairs[key.strip()] = content.strip()
    return pairs
