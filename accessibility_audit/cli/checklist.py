"""``a11y-audit checklist``: the physical checklist as a YAML file to fill in on site,
its import into the store, and the joined stand report in the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from accessibility_audit.cli.shared import db_option, open_store
from accessibility_audit.physical import storage
from accessibility_audit.physical.model import checklist
from accessibility_audit.physical.problems import describe
from accessibility_audit.physical.report import known_stands, stand_report
from accessibility_audit.physical.stands import BadStandUrl, stand_url
from accessibility_audit.physical.text_report import render
from accessibility_audit.physical.texts import OVERALL, _, sayer
from accessibility_audit.physical.yaml_file import FileProblems, read_path, template

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


def _stand(value: str) -> str:
    try:
        return stand_url(value)
    except BadStandUrl as error:
        raise click.BadParameter(str(error)) from error


@click.group("checklist")
def group() -> None:
    """The physical checklist of a stand: reach ranges, floor space, screen, audio,
    keypad and signage (EN 301 549 clause 8, ADA 308/707).

    \b
    a11y-audit checklist template --lang kk > stand.yaml
    a11y-audit checklist import stand.yaml --stand http://127.0.0.1:8080/stand/main/
    a11y-audit checklist report --stand http://127.0.0.1:8080/stand/main/
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
@click.option("--stand", "stand", required=True, callback=lambda _c, _p, v: _stand(v),
              metavar="URL", help="The stand's base URL, e.g. "
              "http://127.0.0.1:8080/stand/main/ (as given to a11y-audit stand).")
@click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default="en",
              show_default=True, help="Language of the problems found in the file.")
@db_option
def import_command(file: Path, stand: str, lang: str, db: str) -> None:
    """Import a filled-in YAML checklist; nothing is stored unless all of it is right."""
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
    known = known_stands(store)
    if stand not in known:
        # A checklist may come before the stand audit, but a mistyped address would
        # split a stand's certification in two without anyone noticing.
        click.echo(say(_("Note: %(stand)s is a stand this database did not know: no stand "
                         "audit or checklist was stored for it before. If the address is "
                         "mistyped, import again with the right one; stands known: "
                         "%(known)s")) % {"stand": stand,
                                         "known": ", ".join(known) or say(_("none"))},
                   err=True)
    checklist_id = storage.save(store, storage.Submission(
        stand, filled.label, filled.auditor, filled.checked_on, "yaml", filled.notes,
        filled.answers), dt.datetime.now(dt.UTC))
    report = stand_report(store, stand)
    overall = report.physical.verdict if report.physical else "incomplete"
    verdict = say(OVERALL[overall]) if overall in OVERALL else overall
    click.echo(say(_("Imported checklist %(number)s for %(stand)s: %(verdict)s")) % {
        "number": checklist_id, "stand": stand, "verdict": verdict}, err=True)

@group.command("report")
@click.option("--stand", "stand", required=True, callback=lambda _c, _p, v: _stand(v),
              metavar="URL", help="The stand's base URL.")
@LANGUAGE
@db_option
def report_command(stand: str, lang: str, db: str) -> None:
    """The stand's latest stand audit and checklist, joined, with the overall verdict."""
    store = open_store(db)
    known = known_stands(store)
    if stand not in known:
        raise click.ClickException(
            f"nothing is known about {stand}: no stand audit and no checklist. Stands "
            "known: " + (", ".join(known) or "none yet (run a11y-audit stand first)"))
    click.echo(render(stand_report(store, stand), lang), nl=False)
