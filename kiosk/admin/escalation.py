"""Staff never miss a call: a call nobody acknowledges within ``CALL_ESCALATE_MINUTES``
escalates. The admin pages of administrators show it at once (see :mod:`.calls`), and
a watcher mails it to every administrator with an e-mail address.

The watcher is a thread that ``kiosk serve`` starts, so the e-mail goes out whether or
not any staff page is open. Every step is recorded on the call in the database by a
conditional update, so several server processes, or one restarted, send each call's
e-mail once: whoever takes the call's lease sends it; a failure is recorded on the
call and tried again when the lease has run out, up to ``MAX_MAIL_ATTEMPTS`` times."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask

from kiosk.admin.call_mail import MailError, compose_all, send
from kiosk.admin.calls import escalate_after
from kiosk.auth import AlertRecipient, alert_recipients
from kiosk.clock import clock_of
from kiosk.store import assistance_desk, store

MAX_MAIL_ATTEMPTS = 10
MIN_LEASE = dt.timedelta(minutes=2)


def mail_lease(app: Flask) -> dt.timedelta:
    """How long one attempt owns a call's e-mail: well beyond the SMTP timeout."""
    return max(MIN_LEASE, dt.timedelta(seconds=3 * app.config["SMTP_TIMEOUT_SECONDS"]))


@dataclass
class PassResult:
    escalated: list[int] = field(default_factory=list)
    mailed: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)


def check_once(app: Flask) -> PassResult:
    """One look: escalate the calls that are due, then send the e-mails owed."""
    result = PassResult()
    after = escalate_after(app)
    if after is None:
        return result
    now = clock_of(app)()
    desk = assistance_desk(app)
    result.escalated = [call.id for call in desk.escalate_due(now - after, now)]
    if not app.config["SMTP_HOST"]:
        return result
    lease = mail_lease(app)
    recipients: list[AlertRecipient] | None = None  # read once a pass, and only if needed
    for call in desk.awaiting_mail(now, lease, MAX_MAIL_ATTEMPTS):
        if not desk.claim_mail(call.id, now, lease):
            continue  # another process has it, or it was answered meanwhile
        if recipients is None:
            with store(app).sessions() as db:
                recipients = alert_recipients(db, app.config["DEFAULT_LANGUAGE"])
        if not recipients:
            desk.mail_failed(call.id, "no enabled administrator has an e-mail address "
                                      "(kiosk user set-email NAME ADDRESS)")
            result.failed.append(call.id)
            continue
        try:
            with app.app_context():
                send(compose_all(call, recipients, now), app.config)
        except MailError as exc:
            desk.mail_failed(call.id, str(exc))
            app.logger.warning("call %s: the escalation e-mail failed: %s", call.id, exc)
            result.failed.append(call.id)
            continue
        desk.mail_sent(call.id, clock_of(app)())
        app.logger.info("call %s: escalated to %d administrator(s) by e-mail", call.id,
                        len(recipients))
        result.mailed.append(call.id)
    return result


class EscalationWatch:
    """The watcher thread; :meth:`stop` ends it (tests, a clean shutdown)."""

    def __init__(self, app: Flask, interval: float,
                 on_pass: Callable[[PassResult], None] | None = None) -> None:
        self.app, self.interval, self.on_pass = app, interval, on_pass
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="call-escalation", daemon=True)

    def start(self) -> EscalationWatch:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.thread.join(timeout=self.interval + self.app.config["SMTP_TIMEOUT_SECONDS"] + 5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                result = check_once(self.app)
                if self.on_pass is not None:
                    self.on_pass(result)
            except Exception:
                # A database that cannot be reached for a while, say: logged, tried again.
                self.app.logger.exception("the escalation of calls for assistance failed")
            self._stop.wait(self.interval)


def start_watch(app: Flask, interval: float | None = None) -> EscalationWatch:
    """Start watching for calls to escalate, every ``CALL_ESCALATION_CHECK_SECONDS``."""
    seconds = interval if interval is not None else app.config["CALL_ESCALATION_CHECK_SECONDS"]
    return EscalationWatch(app, seconds).start()
