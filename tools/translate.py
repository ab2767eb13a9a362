"""Fill translations into the .po catalogs from a YAML file, after `make extract`.

    python tools/translate.py translations.yaml
    python tools/translate.py translations.yaml accessibility_audit/translations

The file maps each English message to its Kazakh and Russian text::

    "Sign out": {kk: "Шығу", ru: "Выйти"}
    "%(n)s page": {kk: ["%(n)s бет"], ru: ["%(n)s страница", "%(n)s страницы", "%(n)s страниц"]}

English gets the message itself (or its singular/plural pair). Messages the file does not
mention are left as they are; the script lists those still untranslated."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from babel.messages.pofile import read_po, write_po

CATALOGS = Path(__file__).resolve().parent.parent / "kiosk" / "translations"


def fill(lang: str, texts: dict, catalogs: Path = CATALOGS) -> list[str]:
    path = catalogs / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if lang == "en":
            message.string = message.id if isinstance(message.id, tuple) else key
        elif key in texts and lang in texts[key]:
            value = texts[key][lang]
            message.string = tuple(value) if isinstance(message.id, tuple) else value
        message.flags.discard("fuzzy")
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            missing.append(key)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, no_location=True)
    return missing


def main() -> int:
    texts = yaml.safe_load(Path(sys.argv[1]).read_text()) if len(sys.argv) > 1 else {}
    # The kiosk's catalogs by default; the scanner keeps its own (second argument).
    catalogs = Path(sys.argv[2]) if len(sys.argv) > 2 else CATALOGS
    status = 0
    for lang in ("kk", "ru", "en"):
        for key in fill(lang, texts or {}, catalogs):
            print(f"{lang}: untranslated: {key!r}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
