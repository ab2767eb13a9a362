"""Files made to hurt a server that reads them: exponential aliases, deep nesting, NUL
bytes, broken UTF-8, a huge file and a decompression bomb, as content and as checklists.

Each is written as an attacker (or an unlucky manager) would upload it, small enough to
pass any size check except the last."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

# Ten levels of ten aliases: 10^10 phone numbers once expanded, in under a kilobyte.
LAUGHS = 10


def _laughs(indent: str, first: str) -> str:
    lines = [f'{indent}- &l0 ["{first}", "{first}", "{first}", "{first}", "{first}", '
             f'"{first}", "{first}", "{first}", "{first}", "{first}"]']
    for level in range(1, LAUGHS):
        aliases = ", ".join([f"*l{level - 1}"] * 10)
        lines.append(f"{indent}- &l{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def content_laughs() -> bytes:
    """Nested anchors and aliases under locations.main.contacts.phones (issue 13)."""
    return ("organisation: {id: x, name: {kk: x, ru: x}}\nlocations:\n  main:\n"
            "    contacts:\n      phones:\n" + _laughs("        ", "+7 727 000 00 00")).encode()


def checklist_laughs() -> bytes:
    return ('label: ""\nauditor: "A"\ndate: 2026-11-27\nitems:\n  glare:\n    answer: yes\n'
            "    note:\n" + _laughs("      ", "lol")).encode()


def brackets(prefix: str = "organisation: ", depth: int = 5000) -> bytes:
    return (prefix + "[" * depth + "]" * depth + "\n").encode()


def content_brackets() -> bytes:
    return brackets("organisation: ")


def checklist_brackets() -> bytes:
    return brackets('auditor: "A"\ndate: 2026-11-27\nitems: ')


def with_nul(text: str) -> bytes:
    return text.replace("\n", "\n\x00", 3).encode()


def content_nul() -> bytes:
    return with_nul("organisation:\n  id: x\nlocations:\n  main: {}\n")


def checklist_nul() -> bytes:
    return with_nul('label: ""\nauditor: "A"\ndate: 2026-11-27\nitems: {}\n')


def content_not_utf8() -> bytes:
    # A Kazakh name saved in the Windows Cyrillic code page instead of UTF-8, on line 3.
    return (b"organisation:\n  id: x\n  name: {kk: " + "Әкімдік".encode("cp1251",
            "replace") + "Акимат".encode("cp1251") + b"}\n")


def checklist_not_utf8() -> bytes:
    return b'label: ""\nauditor: "' + "Айгүл".encode("cp1251", "replace") + b'"\n'


def huge(path: Path, size: int = 50 * 1024 * 1024) -> Path:
    """A file of ``size`` bytes of plausible YAML, written without holding it in memory."""
    line = b"# " + b"x" * 1021 + b"\n"
    with path.open("wb") as file:
        file.write(b"organisation:\n")
        for _ in range(size // len(line)):
            file.write(line)
    return path


def png_bomb(side: int = 30_000) -> bytes:
    """A 1-bit PNG of side × side white pixels: 100 KB on disk, 900 million pixels (3.6 GB
    as RGBA) once decoded."""
    row = b"\x00" + b"\x00" * (side // 8 + 1)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (struct.pack(">I", len(payload)) + kind + payload
                + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data)
            + chunk(b"IEND", b""))


CONTENT = {"laughs": content_laughs, "brackets": content_brackets, "nul": content_nul,
           "not-utf8": content_not_utf8}
CHECKLIST = {"laughs": checklist_laughs, "brackets": checklist_brackets, "nul": checklist_nul,
             "not-utf8": checklist_not_utf8}
