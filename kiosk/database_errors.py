"""What the admin area says when its database cannot be written or reached.

A database that became read-only, full or unreachable is not "being updated": the
manager is told what happened, that nothing was saved, that the stands keep showing
what they have, and what whoever runs the server should do. The page needs nothing
from the database to render."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from kiosk.store.faults import Fault, fault


def _words(kind: Fault, setting: str) -> tuple[str, str, str]:
    """(title, what happened, what to do)."""
    if kind is Fault.READ_ONLY:
        return (_("Changes cannot be saved right now"),
                _("The server can read its database but may not write to it, so nothing "
                  "was saved, and signing in, which records each attempt, does not work "
                  "either. The stands keep showing the published content."),
                _("Whoever runs the server should let it write to the database again: for "
                  "SQLite, the file and its folder must belong to the server's user; on "
                  "PostgreSQL, the database must not be read-only and the server's role "
                  "needs the right to write."))
    if kind is Fault.FULL:
        return (_("Changes cannot be saved right now"),
                _("The disk of the database is full, so nothing was saved. The stands keep "
                  "showing the published content."),
                _("Whoever runs the server should free space on the database's disk."))
    if kind is Fault.NOT_SET_UP:
        return (_("The database is not set up"),
                _("The database has no tables yet, so nothing can be shown or saved."),
                _("Whoever runs the server should run “kiosk setup” (or “kiosk db "
                  "upgrade”)."))
    if kind is Fault.UNREACHABLE:
        return (_("The database cannot be reached"),
                _("The server cannot open its database, so this page cannot be shown and "
                  "nothing was saved. The stands keep showing the content they have."),
                _("Whoever runs the server should check the setting %(setting)s and that "
                  "the database is there: the SQLite file, or the PostgreSQL server running "
                  "and reachable.", setting=setting))
    return (_("The database did not answer in time"),
            _("The database was too busy to answer, so nothing was saved."),
            _("Try again in a moment. If it keeps happening, whoever runs the server should "
              "look at the load of the database server."))


def database_page(error: SQLAlchemyError, setting: str = "KIOSK_DATABASE_URL"
                  ) -> tuple[str, int]:
    """The admin area's answer to ``error``: on the sign-in form, beside the form; on any
    other page, a page of its own."""
    title, happened, todo = _words(fault(error), setting)
    if request.endpoint == "auth.login":
        return render_template("admin/login.html", error=f"{happened} {todo}"), 503
    return render_template("admin/database_error.html", account=None, title=title,
                           happened=happened, todo=todo, again=request.path), 503
