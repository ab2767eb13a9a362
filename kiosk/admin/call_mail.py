"""The e-mail about an escalated call for assistance: written in each administrator's
language, plain text, and sent through the configured SMTP server.

One message per language, addressed to every administrator who reads it; the message
says where, what, since when, and where to answer."""

from __future__ import annotations

import datetime as dt
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from flask import current_app
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _

from kiosk.admin.calls import place
from kiosk.auth import AlertRecipient
from kiosk.formatting import moment_text
from kiosk.i18n import LANGUAGES
from kiosk.public.labels import need_name
from kiosk.store.assistance import Call


class MailError(RuntimeError):
    """The mail server could not be reached or refused the message; the text says which."""


@dataclass(frozen=True)
class Mail:
    to: tuple[str, ...]
    subject: str
    body: str
    lang: str


def answer_link(call: Call) -> str:
    """Where the call is answered, from the server's public address."""
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    return f"{base}/admin/assistance#call-{call.id}" if base else ""


def compose(call: Call, lang: str, to: Sequence[str], now: dt.datetime) -> Mail:
    """The message about ``call`` in ``lang``; needs the application context."""
    with force_locale(lang):
        stand, location, zone = place(call, lang)
        minutes = max(1, int((now - call.created_at).total_seconds() // 60))
        names = {language.code: language.native_name for language in LANGUAGES}
        zone_name = getattr(zone, "key", str(zone))
        link = answer_link(call)
        lines = [
            ngettext("A visitor's call for assistance has not been acknowledged for "
                     "%(num)d minute.",
                     "A visitor's call for assistance has not been acknowledged for "
                     "%(num)d minutes.", minutes),
            "",
            _("Stand: %(stand)s", stand=stand),
            _("Location: %(location)s", location=location),
            _("Need: %(need)s", need=need_name(call.need)),
            _("Visitor's language: %(language)s",
              language=names.get(call.lang, call.lang)),
            _("Sent: %(moment)s (%(zone)s)",
              moment=moment_text(call.created_at, zone, lang), zone=zone_name),
            "",
            (_("Acknowledge it or send someone: %(link)s", link=link) if link else
             _("Acknowledge it or send someone on the Assistance requests page of the "
               "admin area.")),
            "",
            _("This message was sent by the information stands' server because nobody "
              "acknowledged the call in time. Another message is not sent for this call."),
        ]
        subject = _("Call for assistance not answered: %(stand)s, %(location)s",
                    stand=stand, location=location)
    return Mail(tuple(to), subject, "\n".join(lines) + "\n", lang)


def compose_all(call: Call, recipients: Sequence[AlertRecipient], now: dt.datetime
                ) -> list[Mail]:
    """One message per language, each to the administrators who read it."""
    by_language: dict[str, list[str]] = {}
    for recipient in recipients:
        by_language.setdefault(recipient.language, []).append(recipient.email)
    return [compose(call, lang, to, now) for lang, to in sorted(by_language.items())]


def send(mails: Sequence[Mail], settings: Mapping[str, Any]) -> None:
    """Send every message over one connection; :class:`MailError` says what failed."""
    host, port = settings["SMTP_HOST"], settings["SMTP_PORT"]
    try:
        with smtplib.SMTP(host, port, timeout=settings["SMTP_TIMEOUT_SECONDS"]) as smtp:
            if settings["SMTP_STARTTLS"]:
                smtp.starttls(context=ssl.create_default_context())
            if settings["SMTP_USER"]:
                smtp.login(settings["SMTP_USER"], settings["SMTP_PASSWORD"])
            for mail in mails:
                refused = smtp.send_message(_message(mail, settings["SMTP_FROM"]))
                if refused:
                    raise MailError(f"{host}:{port} refused {', '.join(sorted(refused))}")
    except MailError:
        raise
    except smtplib.SMTPException as exc:
        raise MailError(f"{host}:{port}: {exc}") from None
    except OSError as exc:
        raise MailError(f"cannot reach the mail server {host}:{port}: "
                        f"{exc.strerror or exc}") from None


def _message(mail: Mail, sender: str) -> EmailMessage:
    message = EmailMessage()
    message.set_content(mail.body, charset="utf-8")  # first: it clears Content-* headers
    message["From"] = sender
    message["To"] = ", ".join(mail.to)
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message["Content-Language"] = mail.lang
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
    return message
