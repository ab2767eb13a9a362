"""``a11y-audit checklist``: the physical checklist as a YAML file to fill in on site,
its import into the store, and the joined stand report in the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from accessibility_audit.cli.shared import db_option, open_store
from accessibility_audit.discovery.manifest import (
    NoManifest,
    NoSuchLocation,
    fetch_manifest,
    quick_get,
)
from accessibility_audit.physical import storage
from accessibility_audit.physical.coverage import Matrix
from accessibility_audit.physical.model import checklist
from accessibility_audit.physical.problems import describe
from accessibility_audit.physical.report import known_stands, stand_report
from accessibility_audit.physical.stand_audits import recorded_stands
from accessibility_audit.physical.stands import BadStandUrl, split, stand_url
from accessibility_audit.physical.text_report import render
from accessibility_audit.physical.texts import OVERALL, Say, _, sayer
from accessibility_audit.physical.yaml_file import FileProblems, read_path, template
from accessibility_audit.store import Store

LANGUAGE = click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default="en",
                        show_default=True, help="Language of the explanations.")


class SaidError(click.ClickException):
    """A refusal said wholly in the chosen language, its "Error:" included (click's own
    is English)."""

    def __init__(self, message: str, lang: str) -> None:
        super().__init__(message)
        self.lang = lang

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(sayer(self.lang)(_("Error: %(message)s")) % {
            "message": self.format_message()}, err=True, file=file)


def _stand(value: str, stand_id: str | None) -> str:
    try:
        return stand_url(value, stand_id)
    except BadStandUrl as error:
        raise click.BadParameter(str(error), param_hint="'--stand'") from error


STAND_ID = click.option("--stand-id", metavar="ID", help="Which stand of the location (its "
                        "id in the content, e.g. main-hall), unless given in the URL as "
                        "?stand=ID.")


def _known(store: Store, say: Say) -> str:
    return ", ".join(known_stands(store)) or say(_("none yet (run a11y-audit stand first)"))


def _checked(store: Store, stand: str, live: Matrix | None,
             reason: NoManifest | None, lang: str) -> None:
    """Refuse a stand its location does not have: a mistyped location or id would
    otherwise make a phantom stand, and split a stand's certification in two."""
    say = sayer(lang)
    base, stand_id = split(stand)
    ids = live.stands if live is not None else recorded_stands(store, base)
    why = reason.said(say) if reason is not None else ""
    if ids is None and isinstance(reason, NoSuchLocation):
        raise SaidError(say(_("%(stand)s is not a stand: %(reason)s. Stands known: "
                              "%(known)s")) % {"stand": stand, "reason": why,
                                               "known": _known(store, say)}, lang)
    if ids is None:
        raise SaidError(say(_(
            "cannot tell whether %(stand)s is a stand: %(reason)s, and no stand audit of "
            "%(location)s in this database says which stands it has. Run a11y-audit stand "
            "first, or run this where the stand's server can be reached. Stands known: "
            "%(known)s")) % {"stand": stand, "reason": why, "location": base,
                             "known": _known(store, say)}, lang)
    if stand_id in ids or (not stand_id and not ids):
        return
    listed = ", ".join(f"{base}?stand={i}" for i in ids)
    if not stand_id:
        raise SaidError(say(_(
            "%(location)s has several stands: say which one with --stand-id, or give one "
            "of their addresses: %(stands)s")) % {"location": base, "stands": listed},
            lang)
    raise SaidError(say(_("%(location)s has no stand %(id)s. Its stands: %(stands)s")) % {
        "location": base, "id": repr(stand_id),
        "stands": listed or say(_("none in the content"))}, lang)


def _live(stand: str) -> tuple[Matrix | None, NoManifest | None]:
    """What the stand says it shows now, or None and why not."""
    try:
        return fetch_manifest(split(stand)[0], quick_get), None
    except NoManifest as error:
        return None, error


@click.group("checklist")
def group() -> None:
    """The physical checklist of a stand: reach ranges, floor space, screen, audio,
    keypad and signage (EN 301 549 clause 8, ADA 308/707).

    \b
    a11y-audit checklist template --lang kk > stand.yaml
    a11y-audit checklist import stand.yaml --stand http://127.0.0.1:8080/stand/main/?stand=main-hall
    a11y-audit checklist report --stand http://127.0.0.1:8080/stand/main/?stand=main-hall
    """

@group.command("template")
@LANGUAGE
@click.option("--label", default="", help="Where the stand is, e.g. \"Entrance hall, left\".")
@click.option("--auditor", default="", help="Your name, as it will appear in the report.")
def template_command(lang: str, label: str, auditor: str) -> None:
    """Print a YAML checklist to fill in on site, every item explained."""
    click.echo(template(checklist(), lang, dt.date.today(), label, auditor), nl=False)

@group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--stand", "stand", required=True, metavar="URL",
              help="The stand's address with its id, e.g. "
              "http://127.0.0.1:8080/stand/main/?stand=main-hall (as given to a11y-audit "
              "stand).")
@STAND_ID
@click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default="en",
              show_default=True, help="Language of the problems found in the file.")
@db_option
def import_command(file: Path, stand: str, stand_id: str | None, lang: str, db: str) -> None:
    """Import a filled-in YAML checklist; nothing is stored unless all of it is right."""
    stand = _stand(stand, stand_id)
    say = sayer(lang)
    try:
        filled = read_path(file, checklist(), dt.date.today())
    except FileProblems as error:
        lines = [f"{file}:{p.line}: {describe(p, lang)}" if p.line
                 else f"{file}: {describe(p, lang)}" for p in error.problems]
        raise SaidError(
            say(_("nothing was imported; correct the problems below and run the import "
                  "again:")) + "\n" + "\n".join(lines), lang) from error
    store = open_store(db)
    # A checklist may come before the stand audit (then the stand itself is asked which
    # stands it has); after one, the ids it recorded do, with no network needed on site.
    recorded = recorded_stands(store, split(stand)[0])
    live, reason = _live(stand) if recorded is None else (None, None)
    _checked(store, stand, live, reason, lang)
    checklist_id = storage.save(store, storage.Submission(
        stand, filled.label, filled.auditor, filled.checked_on, "yaml", filled.notes,
        filled.answers), dt.datetime.now(dt.UTC))
    report = stand_report(store, stand)
    overall = report.physical.verdict if report.physical else "incomplete"
    verdict = say(OVERALL[overall]) if overall in OVERALL else overall
    click.echo(say(_("Imported checklist %(number)s for %(stand)s: %(verdict)s")) % {
        "number": checklist_id, "stand": stand, "verdict": verdict}, err=True)

@group.command("report")
@click.option("--stand", "stand", required=True, metavar="URL",
              help="The stand's address with its id, e.g. "
              "http://127.0.0.1:8080/stand/main/?stand=main-hall.")
@STAND_ID
@LANGUAGE
@db_option
def report_command(stand: str, stand_id: str | None, lang: str, db: str) -> None:
    """The stand's latest stand audit and checklist, joined, with the overall verdict.

    The stand is asked which content revision it shows now: a certificate of an earlier
    one is reported as such."""
    stand = _stand(stand, stand_id)
    say = sayer(lang)
    store = open_store(db)
    if stand not in known_stands(store):
        raise SaidError(say(_("nothing is known about %(stand)s: no stand audit and no "
                              "checklist. Stands known: %(known)s")) % {
            "stand": stand, "known": _known(store, say)}, lang)
    live, _reason = _live(stand)
    click.echo(render(stand_report(
        store, stand, current_revision=live.revision if live else None,
        current_publication=live.publication if live else None), lang), nl=False)
