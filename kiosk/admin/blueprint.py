"""The admin blueprint, and who may see what in it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, current_app, g, redirect, request, session, url_for

from kiosk.admin.accounts import Account, Role, account_by_id
from kiosk.admin.csrf import require_csrf
from kiosk.store import store

bp = Blueprint("admin", __name__, url_prefix="/admin")

# Stands send tiny requests; a section form of a large building or an organisation's
# content file is bigger, and is accepted here only.
ADMIN_MAX_BYTES = 4 * 1024 * 1024
ADMIN_MAX_FORM_PARTS = 20_000


@bp.before_request
def _allow_editing_sizes() -> None:
    request.max_content_length = ADMIN_MAX_BYTES
    request.max_form_parts = ADMIN_MAX_FORM_PARTS


bp.before_request(require_csrf)


def current_account() -> Account | None:
    if "account" not in g:
        user_id = session.get("user_id")
        account = None
        if user_id is not None:
            with store(current_app).sessions() as db:
                account = account_by_id(db, user_id)
        g.account = account
    return g.account


def login_required(*roles: Role) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Anonymous visitors go to the sign-in page; a signed-in account whose role is not
    among ``roles`` (when given) is refused with 403."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            account = current_account()
            if account is None:
                return redirect(url_for("admin.login", next=request.path))
            if roles and account.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorate
