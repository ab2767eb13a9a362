"""Why a content file was refused before its fields were read, in the reader's words.

The words go through the kiosk's catalogs: in the admin area they are said in the
manager's language, on the command line (no request, so no locale) in English."""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import gettext as _

from accessibility_audit import YamlRefused
from kiosk.formatting import file_size


def _hints() -> dict[str, str]:
    """libyaml's words for common slips, and what a manager should do about them."""
    indentation = _("check the indentation: items of one group must start in the same "
                    "column")
    return {
        "mapping values are not allowed": _("a text that contains \": \" must be put in "
                                            "quotes"),
        "did not find expected key": indentation,
        "did not find expected '-' indicator": indentation,
        "found character that cannot start any token": _("indent with spaces, not tabs, and "
                                                         "put a text that starts with @ in "
                                                         "quotes"),
    }


def file_too_large(limit: int) -> str:
    size = file_size(limit, str(get_locale() or "en"))
    return _("The file is larger than %(size)s, the largest content file accepted. Check "
             "that you chose the right file; a very large organisation can be split into "
             "several.", size=size)


def _what(refused: YamlRefused) -> str:
    values = refused.values
    if refused.code == "not-yaml":
        reason = str(values["reason"])
        hint = next((h for start, h in _hints().items() if reason.startswith(start)), "")
        return _("not valid YAML: %(reason)s", reason=reason) + (f" ({hint})" if hint else "")
    messages = {
        "not-utf8": lambda: _("the file is not UTF-8 text (byte %(byte)s): save it as UTF-8 "
                              "and try again", byte=values["byte"]),
        "control-character": lambda: _("the file contains the control character "
                                       "%(character)s, which a text file cannot hold: it "
                                       "may be damaged, or not a text file",
                                       character=values["character"]),
        "alias": lambda: _("anchors and aliases (&name, *name) are not allowed in a content "
                           "file: write the value out in full"),
        "too-deep": lambda: _("the groups and lists are nested more than %(n)s levels deep; "
                              "content files need far fewer: check the indentation and the "
                              "brackets", n=values["limit"]),
        "too-many-nodes": lambda: _("the file has more than %(n)s values, far more than any "
                                    "organisation's content: check that you chose the right "
                                    "file", n=values["limit"]),
        "bad-value": lambda: _("“%(value)s” cannot be read: put it in quotes if it is a "
                               "text, or correct the number or date", value=values["value"]),
    }
    return messages[refused.code]()


def describe(refused: YamlRefused) -> str:
    """One line: where in the file, then what is wrong and what to do."""
    if refused.code == "too-large":
        return file_too_large(int(refused.values["limit"]))
    what = _what(refused)
    if refused.line is not None and refused.column is not None:
        return _("line %(line)s, column %(column)s: %(problem)s", line=refused.line,
                 column=refused.column, problem=what)
    if refused.line is not None:
        return _("line %(line)s: %(problem)s", line=refused.line, problem=what)
    return what
