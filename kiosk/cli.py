"""The ``kiosk`` command: serve the stand, and check, load and save its content."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

import click

from kiosk import config
from kiosk.content import Content, ContentError, dump_yaml, load_file
from kiosk.content.schema import json_schema
from kiosk.i18n import CODES

if TYPE_CHECKING:  # the commands import these where used, so that `kiosk --help` is quick
    from contextlib import AbstractContextManager

    from flask import Flask
    from sqlalchemy.orm import Session

    from kiosk.store import ContentStore

DEMO_CONTENT = Path(__file__).resolve().parent.parent / "content" / "demo.yaml"
# The length of revisions.created_by: SQLite would keep a longer name, PostgreSQL refuses it.
MAX_AUTHOR = 120


def _app() -> Flask:
    from sqlalchemy.exc import ArgumentError

    from kiosk import create_app

    try:
        return create_app()
    except config.SettingError as exc:
        raise click.ClickException(str(exc)) from None
    except ArgumentError as exc:
        raise click.ClickException(f"KIOSK_DATABASE_URL cannot be used: {exc}") from None
    except OSError as exc:
        # The instance folder (database, secret key) cannot be created or written.
        where = f" {exc.filename}" if exc.filename else ""
        raise click.ClickException(f"cannot write{where}: {exc.strerror or exc}. The server "
                                   "needs a folder of its own it may write (the instance "
                                   "folder, or the paths set by KIOSK_* settings).") from None


def _ready_store(app: Flask | None = None) -> ContentStore:
    """The content store, once it is known to exist and to have its tables; otherwise a
    sentence saying what to run (a missing SQLite file is never created empty)."""
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.store import store
    from kiosk.store.faults import fault, missing_sqlite_file

    content_store = store(app or _app())
    url = content_store.engine.url
    missing = missing_sqlite_file(url)
    if missing is not None:
        raise click.ClickException(
            f"there is no database at {missing}: run 'kiosk setup' to create it with the demo "
            "content (or 'kiosk db upgrade', then 'kiosk content import FILE'), or set "
            "KIOSK_DATABASE_URL to the database you meant")
    try:
        ready = content_store.is_ready()
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise click.ClickException(
            f"the database {url.render_as_string(hide_password=True)} cannot be opened "
            f"({fault(exc)}: {reason}); check KIOSK_DATABASE_URL and that the database "
            "server is running") from None
    if not ready:
        raise click.ClickException(
            "the database has no tables yet: run 'kiosk setup' or 'kiosk db upgrade' "
            "(make run does it for you)")
    return content_store


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kiosk")
def main() -> None:
    """Information stands for public bodies: business hours, appeals and contacts
    in Kazakh, Russian and English, readable by everyone.

    Settings come from KIOSK_* environment variables: see 'kiosk settings'."""


M_ARENA_MAX = -8


def _limit_malloc_arenas() -> None:
    """glibc gives each thread its own malloc arena, so 16 waitress threads keep memory
    they no longer use; two arenas keep the server near its working size (about 15 MB
    less at the same speed)."""
    import contextlib
    import ctypes

    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to tune
        ctypes.CDLL("libc.so.6").mallopt(M_ARENA_MAX, 2)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 serves the stands of a whole building.")
@click.option("--port", default=8080, show_default=True, help="Port to listen on.")
@click.option("--threads", default=16, show_default=True, help="Worker threads of waitress.")
@click.option("--connections", default=1000, show_default=True,
              help="Open connections kept at once; every stand and admin browser keeps some "
                   "open (waitress alone would stop at 100).")
@click.option("--location", default=None,
              help="Location that / opens (overrides KIOSK_DEFAULT_LOCATION).")
def serve(host: str, port: int, threads: int, connections: int, location: str | None) -> None:
    """Serve the stand pages with waitress."""
    import os

    from waitress import serve as waitress_serve

    if location:
        os.environ["KIOSK_DEFAULT_LOCATION"] = location
    _limit_malloc_arenas()
    app = _app()
    content_store = _ready_store(app)
    if content_store.is_empty():
        click.echo("Note: the database holds no content yet, so the stands have nothing to "
                   "show: import it with 'kiosk content import FILE'.", err=True)
    if not app.config["PUBLIC_URL"]:
        click.echo("Note: KIOSK_PUBLIC_URL is not set, so the QR codes lead to the "
                   "organisation's website rather than to each page.", err=True)
    if app.config["NOW"] is not None:
        click.echo(f"Note: KIOSK_NOW is set, so the server takes {app.config['NOW']} as now "
                   "forever: for demonstrations only.", err=True)
    _start_speech(app)
    _start_escalation(app)
    _start_rendering(app)
    click.echo(f"Serving the stand on http://{host}:{port}/ (Ctrl+C stops)")
    waitress_serve(app, host=host, port=port, threads=threads, connection_limit=connections,
                   ident="kiosk", **_proxy_options(app.config["TRUSTED_PROXY"]))


def _start_rendering(app: Flask) -> None:
    """Render stand pages in the background in a child process (RENDER_PROCESS), started
    here, from the main thread, so that it ends with the server."""
    if not app.config["RENDER_PROCESS"]:
        return
    from kiosk import create_app
    from kiosk.public.render_process import RenderProcess

    process = RenderProcess(create_app)
    try:
        process.start()
    except OSError as exc:
        process.stop()
        click.echo(f"Note: the rendering process could not start ({exc}), so pages are "
                   "rendered in the server's own process.", err=True)
        return
    app.extensions["kiosk.response_cache"].process = process


def _start_speech(app: Flask) -> None:
    """Start espeak-ng beside the server: a fault is logged in one line and costs speech
    only (pages work without it); then warm the speech cache if the settings say so."""
    import threading

    from kiosk.speech import speech_service, start_warming

    engine = speech_service(app)
    threading.Thread(target=engine.prepare, name="speech-prepare", daemon=True).start()
    if app.config["SPEECH_WARM"]:
        start_warming(app)


def _start_escalation(app: Flask) -> None:
    """Watch for calls nobody acknowledges in time, with or without a staff page open."""
    from kiosk.admin import start_escalation_watch

    if not app.config["CALL_ESCALATE_MINUTES"]:
        return
    if not app.config["SMTP_HOST"]:
        click.echo("Note: KIOSK_SMTP_HOST is not set, so calls nobody acknowledges in time "
                   "are shown to administrators on the admin pages but not e-mailed.",
                   err=True)
    elif not app.config["PUBLIC_URL"]:
        click.echo("Note: KIOSK_PUBLIC_URL is not set, so the e-mails about unanswered calls "
                   "carry no link to the admin area.", err=True)
    start_escalation_watch(app)


class ProxyOptions(TypedDict, total=False):
    trusted_proxy: str
    trusted_proxy_count: int
    trusted_proxy_headers: set[str]
    clear_untrusted_proxy_headers: bool


def _proxy_options(trusted_proxy: str) -> ProxyOptions:
    """Waitress's options for a reverse proxy: only the headers our nginx example sets
    (it passes Host itself), and only from the proxy's address; anyone else's are dropped."""
    if not trusted_proxy:
        return {}
    return {"trusted_proxy": trusted_proxy, "trusted_proxy_count": 1,
            "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
            "clear_untrusted_proxy_headers": True}


@main.group()
def db() -> None:
    """Create or upgrade the content database."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply every schema migration the database lacks (safe to repeat)."""
    from kiosk.store import store

    store(_app()).upgrade()
    click.echo("The database schema is up to date.")


@main.command()
@click.option("--demo", "demo_file", type=click.Path(path_type=Path), default=DEMO_CONTENT,
              show_default=True, help="Content to load when the database is empty.")
def setup(demo_file: Path) -> None:
    """Upgrade the database and load the demo content if it holds none yet.

    Existing content is never touched, so running it again is quick and safe."""
    from kiosk.store import store

    content_store = store(_app())
    content_store.upgrade()
    if not content_store.is_empty():
        click.echo("The database already has content; it was kept as it is.")
        return
    content = _load_or_fail(demo_file)
    content_store.publisher.publish(content, author="kiosk setup")
    click.echo(f"Loaded {demo_file} ({len(content.locations)} locations).")


@main.group()
def content() -> None:
    """Check, import and export stand content (YAML files)."""


def _load_or_fail(path: Path) -> Content:
    try:
        return load_file(path)
    except ContentError as exc:
        raise click.ClickException(exc.describe()) from None


@content.command("validate")
@click.argument("file", type=click.Path(path_type=Path))
def content_validate(file: Path) -> None:
    """Check FILE against the content schema without changing anything."""
    loaded = _load_or_fail(file)
    names = ", ".join(loaded.locations)
    count = len(loaded.locations)
    noun = "location" if count == 1 else "locations"
    click.echo(f"{file}: valid ({count} {noun}: {names}).")


@content.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--author", default="kiosk content import", show_default=True,
              help="Who the new revision is recorded as published by.")
@click.option("--information-date", "information_on", default=None, metavar="YYYY-MM-DD",
              help="When the information in FILE changed or reached you: the Standard asks "
              "for publication within three business days of it. Without it the "
              "publication is recorded without that date, as the duties dashboard shows.")
def content_import(file: Path, author: str, information_on: str | None) -> None:
    """Publish FILE as the organisation's newest revision, all or nothing.

    An invalid file changes nothing; the command says where and why it is invalid."""
    if len(author) > MAX_AUTHOR:
        raise click.ClickException(f"--author must have at most {MAX_AUTHOR} characters")
    loaded = _load_or_fail(file)
    content_store = _ready_store()
    day = _information_date(information_on, content_store.clock(), loaded.zone)
    try:
        revision, is_new = content_store.publisher.publish(loaded, author=author,
                                                           information_on=day)
    except ContentError as exc:
        raise click.ClickException(exc.describe()) from None
    org = loaded.organisation.id
    if is_new:
        click.echo(f"Published revision {revision.number} of {org}; "
                   "stands show it within a minute.")
    else:
        click.echo(f"{file} is identical to revision {revision.number} of {org}; nothing changed.")


def _information_date(value: str | None, now: dt.datetime, zone: dt.tzinfo
                      ) -> dt.date | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise click.ClickException(
            f'--information-date "{value}" is not a date: write it as YYYY-MM-DD, '
            "e.g. 2026-12-31") from None
    today = now.astimezone(zone).date()
    if day > today:
        raise click.ClickException(
            f"--information-date {day.isoformat()} is in the future (today is "
            f"{today.isoformat()}): give the day the information changed or reached you")
    return day


@content.command("export")
@click.option("--organisation", "org_id", default=None,
              help="Organisation id (needed only when the server holds several).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write; standard output when omitted.")
def content_export(org_id: str | None, output: Path | None) -> None:
    """Write the published content of an organisation as YAML."""
    content_store = _ready_store()
    ids = content_store.reader.organisation_ids()
    if not ids:
        raise click.ClickException("the database holds no content yet: import a file first")
    if org_id is None:
        if len(ids) > 1:
            raise click.ClickException(
                f"the server holds several organisations ({', '.join(ids)}): choose one with "
                "--organisation")
        org_id = ids[0]
    published = content_store.reader.current(org_id)
    if published is None:
        raise click.ClickException(
            f'no organisation "{org_id}"; known: {", ".join(ids)}')
    text = dump_yaml(published.content)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote revision {published.number} of {org_id} to {output}.", err=True)


@content.command("schema")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write; standard output when omitted.")
def content_schema(output: Path | None) -> None:
    """Print the JSON Schema of content files (published as content/schema.json)."""
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@main.group()
def speech() -> None:
    """Prepare the stand's speech."""


@speech.command("warm")
def speech_warm() -> None:
    """Synthesise every text of every page in every language now, with a progress bar.

    The server also does this by itself in the background; this command is for
    preparing a stand before it opens, or for measuring how long it takes."""
    import time

    from kiosk.speech.warm import warm

    app = _app()
    _ready_store(app)
    started = time.monotonic()
    with click.progressbar(length=1, label="Synthesising speech", show_pos=True) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        total, made = warm(app, progress)
    speech_service = app.extensions["kiosk.speech"]
    failed = [lang for lang in CODES if not speech_service.available(lang)]
    seconds = time.monotonic() - started
    click.echo(f"{total} utterances, {made} synthesised now, in {seconds:.1f} s; "
               f"cache {speech_service.audio.size / 1e6:.1f} MB.")
    if failed:
        raise click.ClickException(
            f"speech failed for {', '.join(failed)}: is espeak-ng installed with its voices? "
            "(make system installs it)")


@main.group()
def user() -> None:
    """Manage the accounts of the admin area (administrators, editors, auditors)."""


def _password(confirm: bool = True) -> str:
    return click.prompt("Password (at least 12 characters)", hide_input=True,
                        confirmation_prompt=confirm)


def _accounts_session() -> AbstractContextManager[Session]:
    return _ready_store().sessions.begin()


@user.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["administrator", "editor", "auditor"]),
              required=True, help="administrator: everything; editor: content of the "
              "given locations; auditor: reads only.")
@click.option("--location", "locations", multiple=True,
              help="A location an editor may edit (repeat for several).")
@click.option("--name", "display_name", default="", help="Name shown in the admin area.")
@click.option("--email", default="", help="Address that calls for assistance nobody "
              "acknowledged in time are mailed to (administrators).")
@click.option("--language", type=click.Choice(CODES), default=None,
              help="Language of those e-mails (default: the one last chosen in the admin "
                   "area, else KIOSK_DEFAULT_LANGUAGE).")
def user_add(username: str, role: str, locations: tuple[str, ...], display_name: str,
             email: str, language: str | None) -> None:
    """Create an account; the password is asked for twice and never shown."""
    from kiosk.auth import AccountError, Role, add_user, set_alert_contact

    password = _password()
    try:
        with _accounts_session() as db:
            account = add_user(db, username, password, Role(role), display_name, locations)
            if email or language:
                set_alert_contact(db, account.username, email, language)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Created {account.username} ({account.role.value}).")


@user.command("set-email")
@click.argument("username")
@click.argument("email")
@click.option("--language", type=click.Choice(CODES), default=None,
              help="Language of the e-mails (default: keep the account's).")
def user_set_email(username: str, email: str, language: str | None) -> None:
    """Give an account the address that escalated calls for assistance are mailed to
    (administrators only receive them); "" removes it."""
    from kiosk.auth import AccountError, set_alert_contact

    try:
        with _accounts_session() as db:
            set_alert_contact(db, username, email, language)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{username} receives escalated calls at {email}." if email.strip()
               else f"{username} receives no e-mail.")


@user.command("list")
def user_list() -> None:
    """List every account with its role, locations and whether it is disabled."""
    from kiosk.auth import list_users

    with _accounts_session() as db:
        rows = list_users(db)
    if not rows:
        click.echo("No accounts yet: create one with 'kiosk user add NAME --role administrator'.")
    for account, disabled in rows:
        where = f" [{', '.join(account.locations)}]" if account.locations else ""
        state = " (disabled)" if disabled else ""
        click.echo(f"{account.username}\t{account.role.value}{where}\t{account.display_name}"
                   f"{state}")


@user.command("disable")
@click.argument("username")
@click.option("--enable", is_flag=True, help="Enable the account again instead.")
def user_disable(username: str, enable: bool) -> None:
    """Stop an account from signing in and end its sessions (its history is kept)."""
    from kiosk.auth import AccountError, set_disabled

    try:
        with _accounts_session() as db:
            set_disabled(db, username, not enable)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{username} is {'enabled' if enable else 'disabled'}.")


@user.command("set-password")
@click.argument("username")
def user_set_password(username: str) -> None:
    """Give an account a new password (this also lifts a lock-out and ends its sessions)."""
    from kiosk.auth import AccountError, set_password

    password = _password()
    try:
        with _accounts_session() as db:
            set_password(db, username, password)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"The password of {username} is changed.")


@user.command("sign-out")
@click.argument("username")
def user_sign_out(username: str) -> None:
    """Sign an account out everywhere: every browser where it is signed in, a copied
    cookie included, must sign in again."""
    from kiosk.auth import AccountError, end_sessions

    try:
        with _accounts_session() as db:
            end_sessions(db, username)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{username} is signed out everywhere.")


@main.group()
def stand() -> None:
    """Register stands (a credential each, to prove which stand they are) and revoke them.

    \b
    kiosk stand register main main-hall --server http://stands.akimat.local:8080
    kiosk stand list
    kiosk stand revoke main main-hall
    """


def _content_stand(app, location: str, stand_id: str):  # type: ignore[no-untyped-def]
    from kiosk.admin.stand_registration import content_stands

    known = list(content_stands(app))
    found = next((s for s in known if (s.location_id, s.stand_id) == (location, stand_id)),
                 None)
    if found is None:
        listed = ", ".join(f"{s.location_id} {s.stand_id}" for s in known)
        raise click.ClickException(
            f"the content has no stand {stand_id!r} at location {location!r}; its stands "
            f"are: {listed or 'none (add them to a location in the admin area)'}")
    return found


@stand.command("register")
@click.argument("location")
@click.argument("stand_id", metavar="STAND")
@click.option("--server", default="http://127.0.0.1:8080", show_default=True,
              help="The server's address as the stands reach it, for STAND_URL.")
def stand_register(location: str, stand_id: str, server: str) -> None:
    """Give a stand a new credential (any earlier one stops working) and print the
    STAND_URL its launcher opens. The credential is shown this once only."""
    from kiosk.admin.stand_registration import stand_start_url
    from kiosk.clock import now_utc
    from kiosk.store import stand_credentials

    app = _app()
    _ready_store(app)
    with app.app_context():
        _content_stand(app, location, stand_id)
        secret = stand_credentials(app).register(location, stand_id, "kiosk stand register",
                                                 now_utc())
    click.echo(f"STAND_URL={stand_start_url(server, location, stand_id, secret)}")
    click.echo("Put this line in the stand's ~/.config/kiosk-stand.env; the credential "
               "(after #stand-key=) is not shown again.", err=True)


@stand.command("revoke")
@click.argument("location")
@click.argument("stand_id", metavar="STAND")
def stand_revoke(location: str, stand_id: str) -> None:
    """End a stand's credential: its check-ins are no longer recorded as its own."""
    from kiosk.clock import now_utc
    from kiosk.store import stand_credentials

    app = _app()
    _ready_store(app)
    with app.app_context():
        if not stand_credentials(app).revoke(location, stand_id, "kiosk stand revoke",
                                             now_utc()):
            raise click.ClickException(f"stand {stand_id!r} at {location!r} has no "
                                       "credential to revoke (see 'kiosk stand list')")
    click.echo(f"The credential of {location} {stand_id} is revoked.")


@stand.command("list")
def stand_list() -> None:
    """Every stand of the content, and whether it has a credential."""
    from kiosk.admin.stand_registration import content_stands
    from kiosk.store import stand_credentials

    app = _app()
    _ready_store(app)
    with app.app_context():
        active = stand_credentials(app).active()
        for found in content_stands(app):
            credential = active.get((found.location_id, found.stand_id))
            state = (f"registered {credential.issued_at:%Y-%m-%d %H:%M} UTC by "
                     f"{credential.issued_by}" if credential else "not registered")
            click.echo(f"{found.location_id}\t{found.stand_id}\t{state}")


@main.command("settings")
def settings_command() -> None:
    """List every setting with its default and meaning."""
    for setting in config.SETTINGS:
        default = setting.default
        if default is None:
            default = ""
        elif isinstance(default, tuple):
            default = "x".join(str(part) for part in default)
        elif isinstance(default, dict):
            default = ";".join(f"{name}={','.join(keys)}" for name, keys in default.items())
        click.echo(f"KIOSK_{setting.name} (default: {default!r})")
        click.echo(f"    {setting.help}")
if __name__ == "__main__":
    main()
