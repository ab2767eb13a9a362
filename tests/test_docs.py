"""The manuals stay true: their commands parse, their links lead somewhere, the map is whole.

Every ``kiosk``, ``a11y-audit`` and ``make`` command in a shell code block of README.md
or docs/*.md is parsed by the real command's own parser (click's, without running it):
the subcommand must exist, every option must be accepted and every choice valid; a
``make`` target must be in the Makefile. Every relative link and image must lead to a
file, every ``#anchor`` to a heading, every repository path named in the text to a file
or folder, and the map of the code in README.md must name every package.
"""

from __future__ import annotations

import enum
import re
import shlex
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from accessibility_audit.cli import cli as a11y_audit_cli
from kiosk.cli import main as kiosk_cli
from tests.conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_LANGUAGES = {"sh", "shell", "bash", "console"}
CLIS: dict[str, click.Group] = {"kiosk": kiosk_cli, "a11y-audit": a11y_audit_cli}
OPERATORS = {"&&", "||", ";", "|", "&", "(", ")", "()", "{", "}"}
REDIRECTIONS = {">", ">>", "<", "2>", "&>"}
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w-]*)")
# The folders of the repository whose paths the manuals may name.
REPO_PATH = re.compile(r"^(?:kiosk|accessibility_audit|tests|tools|bench|deploy|content|docs)"
                       r"/[\w./@-]*$")


@dataclass(frozen=True)
class Command:
    """One simple command of a shell code block, as the shell would split it."""

    doc: Path
    line: int
    words: tuple[str, ...]

    @property
    def where(self) -> str:
        return f"{self.doc.relative_to(ROOT)}:{self.line}"

    @property
    def program(self) -> str:
        return Path(self.words[0]).name


def code_blocks(doc: Path) -> Iterator[tuple[str, int, list[str]]]:
    """(language, line number of the first line, lines) of each fenced block,
    indented ones (inside list items) included."""
    lines = doc.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        index += 1
        if not opening:
            continue
        indent, fence, language = opening.groups()
        start, body = index + 1, []
        while index < len(lines) and not lines[index].strip().startswith(fence):
            line = lines[index]
            body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
            index += 1
        index += 1
        yield language.lower(), start, body


def without_comment(line: str) -> str:
    """The line up to a ``#`` that starts a shell comment (outside quotes, at a word's start)."""
    quote = ""
    for position, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and (position == 0 or line[position - 1].isspace()):
            return line[:position]
    return line


def simple_commands(doc: Path) -> Iterator[Command]:
    for language, start, body in code_blocks(doc):
        if language not in SHELL_LANGUAGES:
            continue
        logical, first = "", start
        for number, raw in enumerate(body, start):
            if not logical:
                first = number
            text = without_comment(raw).rstrip()
            if text.endswith("\\"):
                logical += text[:-1] + " "
                continue
            logical += text
            if logical.strip():
                yield from split_commands(doc, first, logical)
            logical = ""


def split_commands(doc: Path, line: int, text: str) -> Iterator[Command]:
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    words: list[str] = []
    tokens = iter(lexer)
    for token in tokens:
        if token in REDIRECTIONS:
            next(tokens, None)
        elif token in {"(", "()"}:
            return  # a function definition or a subshell: its body is not a command line
        elif token in OPERATORS:
            if words:
                yield Command(doc, line, tuple(words))
            words = []
        else:
            words.append(token)
    if words:
        yield Command(doc, line, tuple(words))


def program_words(command: Command) -> tuple[str, ...]:
    """The command without ``sudo -u user`` and ``VAR=value`` in front of it."""
    words = list(command.words)
    while words:
        if words[0] == "sudo":
            words.pop(0)
            while words and words[0].startswith("-"):
                option = words.pop(0)
                if option in {"-u", "-g"} and words:
                    words.pop(0)
        elif re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
            words.pop(0)
        else:
            break
    return tuple(words)


COMMANDS = [Command(c.doc, c.line, program_words(c)) for doc in DOCS
            for c in simple_commands(doc) if program_words(c)]
CLI_COMMANDS = [c for c in COMMANDS if c.program in CLIS]
MAKE_COMMANDS = [c for c in COMMANDS if c.program == "make"]


def click_problem(group: click.Group, prog: str, args: list[str]) -> str | None:
    """What the real command would refuse in these arguments, or None. Parsing only:
    no callback runs and nothing is executed; values are checked against their types
    (choices, numbers), except file paths, which belong to the reader's machine."""
    command: click.Command = group
    ctx = click.Context(command, info_name=prog, **command.context_settings)
    path = [prog]
    while True:
        parser = command.make_parser(ctx)
        try:
            values, rest, _ = parser.parse_args(args=list(args))
        except click.UsageError as error:
            return f"{' '.join(path)}: {error.format_message()}"
        for param in command.get_params(ctx):
            value = values.get(param.name) if param.name else None
            # click 8.3 and later mark an argument not given with a sentinel (an enum).
            if value is None or value == () or isinstance(value, enum.Enum):
                if param.required:
                    return f"{' '.join(path)}: {param.get_error_hint(ctx)} is required"
                continue
            if isinstance(param.type, click.Path | click.File):
                continue
            try:
                param.type_cast_value(ctx, value)
            except click.BadParameter as error:
                return f"{' '.join(path)}: {param.get_error_hint(ctx)}: {error.format_message()}"
        if any(values.get(p.name) is True for p in command.get_params(ctx)
               if isinstance(p, click.Option) and p.is_eager):
            return None  # --help or --version: the command stops there
        if not isinstance(command, click.Group):
            return f"{' '.join(path)}: unexpected arguments {rest}" if rest else None
        if not rest:
            return f"{' '.join(path)}: no subcommand given"
        name, args = rest[0], rest[1:]
        sub = command.get_command(ctx, name)
        if sub is None:
            known = ", ".join(command.list_commands(ctx))
            return f"{' '.join(path)}: no such command {name!r} (commands: {known})"
        ctx = click.Context(sub, info_name=name, parent=ctx, **sub.context_settings)
        command = sub
        path.append(name)


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", makefile, re.MULTILINE))


def test_the_commands_are_found() -> None:
    """Guards the extraction itself: an extractor that found nothing would pass the rest."""
    programs = {c.program for c in COMMANDS}
    assert {"kiosk", "a11y-audit", "make"} <= programs, programs
    assert len(CLI_COMMANDS) >= 30 and len(MAKE_COMMANDS) >= 10


@pytest.mark.parametrize("command", CLI_COMMANDS, ids=lambda c: c.where)
def test_every_command_is_accepted_by_its_cli(command: Command) -> None:
    problem = click_problem(CLIS[command.program], command.program, list(command.words[1:]))
    assert problem is None, f"{command.where}: {shlex.join(command.words)}\n  {problem}"


@pytest.mark.parametrize("command", MAKE_COMMANDS, ids=lambda c: c.where)
def test_every_make_target_exists(command: Command) -> None:
    targets = [w for w in command.words[1:] if not w.startswith("-") and "=" not in w]
    missing = [t for t in targets if t not in make_targets()]
    assert targets and not missing, \
        f"{command.where}: {shlex.join(command.words)}: no target {missing} in the Makefile"


@pytest.mark.parametrize(("words", "problem"), [
    (["scan", "--crawll", "https://example.kz/"], "No such option"),
    (["scann", "https://example.kz/"], "no such command 'scann'"),
    (["report", "latest", "--format", "pdf"], "'pdf' is not one of"),
    (["stand", "http://127.0.0.1:8080/stand/main/", "--workers", "many"], "not a valid integer"),
    (["checklist", "report", "--lang", "ru"], "'--stand' is required"),
    (["diff", "previous", "latest", "extra"], "unexpected arguments"),
    (["checklist"], "no subcommand given"),
])
def test_a_mistyped_command_is_refused(words: list[str], problem: str) -> None:
    """The check itself can fail: each of these is a typo the docs could contain."""
    found = click_problem(a11y_audit_cli, "a11y-audit", words)
    assert found is not None and problem in found, found


def test_the_parser_accepts_what_the_cli_accepts() -> None:
    assert click_problem(a11y_audit_cli, "a11y-audit", ["--help"]) is None
    assert click_problem(kiosk_cli, "kiosk", ["content", "export", "-o", "x.yaml"]) is None


def test_shell_lines_are_split_as_the_shell_would() -> None:
    line = without_comment("cd /opt/kiosk && sudo -u kiosk KIOSK_X=1 .venv/bin/kiosk db upgrade "
                           "> log  # a comment, with 'one quote")
    words = [program_words(c) for c in split_commands(ROOT / "README.md", 1, line)]
    assert words == [("cd", "/opt/kiosk"), (".venv/bin/kiosk", "db", "upgrade")]
    assert without_comment("a11y-audit scan https://x.kz/#top  # a comment") == \
        "a11y-audit scan https://x.kz/#top  "
    assert without_comment("a11y-audit scan --label '# 1'") == "a11y-audit scan --label '# 1'"


# Links ---------------------------------------------------------------------------------

LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")


def prose(doc: Path) -> str:
    """The text outside fenced code blocks."""
    kept, fence = [], ""
    for line in doc.read_text(encoding="utf-8").splitlines():
        opening = FENCE.match(line)
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            kept.append("")
        elif opening:
            fence = opening.group(2)
            kept.append("")
        else:
            kept.append(line)
    return "\n".join(kept)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text, lower case, without punctuation."""
    text = INLINE_CODE.sub(lambda m: m.group(2), heading)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_]{1,3}(\S.*?\S|\S)[*_]{1,3}", r"\1", text)
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def anchors(doc: Path) -> set[str]:
    seen: dict[str, int] = {}
    found = set()
    for line in prose(doc).splitlines():
        heading = HEADING.match(line)
        if not heading:
            continue
        base = slug(heading.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(doc: Path) -> list[str]:
    text = INLINE_CODE.sub("", prose(doc))
    return LINK.findall(text)


def test_slugs_are_githubs() -> None:
    assert slug("Auditing websites: `a11y-audit`") == "auditing-websites-a11y-audit"
    assert slug("Engagement register and visitors' feedback") == \
        "engagement-register-and-visitors-feedback"
    assert slug("1. Audit the software") == "1-audit-the-software"


def test_links_are_found() -> None:
    assert len([t for doc in DOCS for t in links(doc)]) >= 50


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: str(d.relative_to(ROOT)))
def test_every_relative_link_and_image_resolves(doc: Path) -> None:
    broken = []
    for target in links(doc):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):
            continue  # http, https, mailto: outside the repository
        path, _, anchor = target.partition("#")
        resolved = (doc.parent / path).resolve() if path else doc
        if not resolved.exists() or ROOT not in (resolved, *resolved.parents):
            broken.append(f"{target}: no such file")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            broken.append(f"{target}: no heading #{anchor} in {resolved.relative_to(ROOT)}")
    assert not broken, f"{doc.relative_to(ROOT)}:\n  " + "\n  ".join(broken)


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: str(d.relative_to(ROOT)))
def test_every_repository_path_named_exists(doc: Path) -> None:
    named = {m.group(2) for m in INLINE_CODE.finditer(prose(doc))} | \
        {w for c in COMMANDS if c.doc == doc for w in c.words}
    missing = sorted(p for p in named if REPO_PATH.match(p) and not (ROOT / p).exists())
    assert not missing, f"{doc.relative_to(ROOT)} names paths that do not exist: {missing}"


def test_every_manual_is_in_the_index() -> None:
    index = ROOT / "docs" / "README.md"
    listed = {(index.parent / t.partition("#")[0]).resolve() for t in links(index)}
    missing = [d.name for d in DOCS if d.parent == index.parent and d != index
               and d.resolve() not in listed]
    assert not missing, f"add these manuals to docs/README.md: {missing}"


def test_every_screenshot_is_shown() -> None:
    shown = {(doc.parent / t).resolve() for doc in DOCS for t in links(doc)}
    unused = [p.name for p in sorted((ROOT / "docs" / "screenshots").glob("*.png"))
              if p.resolve() not in shown]
    assert not unused, f"screenshots no manual shows: {unused}"


# The map of the code -------------------------------------------------------------------

def tracked_folders() -> set[str]:
    """Folders holding tracked files: the top level, and inside the two packages."""
    try:
        files = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True,
                               text=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: what is on disk
        files = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()
                 and not any(part.startswith(".") or part == "__pycache__" or
                             part.endswith(".egg-info") or part == "instance"
                             for part in p.relative_to(ROOT).parts)]
    folders = set()
    for name in files:
        parts = Path(name).parts
        if len(parts) > 1 and not parts[0].startswith("."):
            folders.add(parts[0])
        if len(parts) > 2 and parts[0] in {"kiosk", "accessibility_audit"}:
            folders.add(f"{parts[0]}/{parts[1]}")
    return folders


def map_entries() -> dict[str, str]:
    """The README's map of the code: each top-level folder's bullet and its sub-bullets."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Map of the code\n(.*?)(?=^## )", readme, re.S | re.M)
    assert section, "README.md has no '## Map of the code' section"
    entries: dict[str, str] = {}
    for block in re.split(r"^(?=- `)", section.group(1), flags=re.M):
        top = re.match(r"- `([\w.-]+)/`", block)
        if top:
            entries[top.group(1)] = block
    return entries


def test_the_map_of_the_code_names_every_package() -> None:
    entries = map_entries()
    missing = []
    for folder in sorted(tracked_folders()):
        top, _, sub = folder.partition("/")
        if top not in entries:
            missing.append(f"{top}/")
        elif sub and f"`{sub}/`" not in entries[top]:
            missing.append(f"{folder}/")
    assert not missing, f"add to the map of the code in README.md: {missing}"


def test_the_map_of_the_code_names_no_folder_that_is_gone() -> None:
    entries = map_entries()
    gone = [f"{top}/{name}/" for top in ("kiosk", "accessibility_audit")
            for name in re.findall(r"`([\w.-]+)/`", entries.get(top, "").split("\n", 1)[-1])
            if not (ROOT / top / name).is_dir()]
    assert not gone, f"the map of the code in README.md names folders that do not exist: {gone}"
