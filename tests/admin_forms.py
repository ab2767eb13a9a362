"""Filling in admin forms as a browser would: every field's current value, a few
changed, and the button pressed."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_class: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.form_class = form_class
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and (self.form_class is None or
                              self.form_class in a.get("class", "").split()):
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            if kind not in {"submit", "button"}:
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))
        elif tag == "textarea":
            self._textarea = a.get("name")
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            text = "".join(self._text)
            self.fields.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def form_fields(html: str, form_class: str | None = "section-form") -> list[tuple[str, str]]:
    reader = _FormReader(form_class)
    reader.feed(html)
    return reader.fields


def filled(html: str, changes: dict[str, str] | None = None, op: str = "save",
           form_class: str | None = "section-form") -> list[tuple[str, str]]:
    """The form's fields with ``changes`` applied (the last value of a name is changed,
    as a browser sends a checkbox after its hidden default), and the pressed button."""
    fields = form_fields(html, form_class)
    for name, value in (changes or {}).items():
        positions = [i for i, (n, _v) in enumerate(fields) if n == name]
        if positions:
            fields[positions[-1]] = (name, value)
        else:
            fields.append((name, value))
    return [*fields, ("op", op)]
