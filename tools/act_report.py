"""The W3C ACT Rules implementation report of a11y-audit (docs/act-report.md).

Serves the W3C ACT Rules test cases (ACT_RULES/www) on 127.0.0.1, audits every case
with the real ``a11y-audit scan`` once per profile, writes one axe-shaped result per
case, has the corpus's own scorer (ACT_RULES/tools/score_act.py) score them with the
rule map (tools/act/rule-map.json: ACT rule id -> our rule ids), and writes a
Markdown report: per ACT rule whether the implementation is consistent, partially
consistent or inconsistent (the W3C's terms), precision and recall on the cases of
the ACT rules axe-core implements (802) and on all cases (1,213), and the cases
missed or wrongly flagged, grouped by cause.

A profile is ``NAME=FLAGS``: a name for the report and the flags ``a11y-audit scan``
is given (--standard, --best-practice, --rule, --skip-rule, or any other). ``@mapped``
among the flags stands for ``--rule ID`` for every rule of the rule map the scanner
knows::

    make act-report                                   # the default and thorough profiles
    make act-report ACT_PROFILES="--profile 'thorough=--standard wcag22aaa --best-practice'"
    .venv/bin/python tools/act_report.py --act-rules ../shared/act-rules \\
        --profile 'default=' --profile 'every mapped rule=@mapped' --act-rule 23a2a8

Why a case was missed is told from the data where it can be (the page was not
audited, the rule only asked for review, another profile of the same report found
it); tools/act/notes.json adds what people found out, per ACT rule.
"""

from __future__ import annotations

import argparse
import csv
import functools
import http.server
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from accessibility_audit.checks.rules import RULES  # noqa: E402
from accessibility_audit.engine.frames import AxeScript  # noqa: E402

DATA = ROOT / "tools" / "act"
RULE_MAP = DATA / "rule-map.json"
NOTES = DATA / "notes.json"
A11Y_AUDIT = ROOT / ".venv" / "bin" / "a11y-audit"
MAPPED = "@mapped"
W3C = "https://www.w3.org"
CONSISTENCY_DOC = (f"{W3C}/WAI/standards-guidelines/act/implementations/"
                   "#understanding-act-consistency")
# @axe-core/cli 4.13.0 on the 802 axe-mapped cases (the corpus README), for comparison.
AXE_CLI_REFERENCE = {"default": (0.946, 0.680), "every mapped axe rule on": (0.936, 0.793)}
CONSISTENT, PARTIAL, INCONSISTENT = "consistent", "partially consistent", "inconsistent"


class ReportError(RuntimeError):
    """Something the person running the report must fix; the message says what."""


# The corpus and the rule map

@dataclass(frozen=True)
class Corpus:
    root: Path
    index: dict[str, Any]

    @property
    def scorer(self) -> Path:
        return self.root / "tools" / "score_act.py"

    @property
    def cases(self) -> list[dict[str, Any]]:
        return self.index["testcases"]

    @property
    def rules(self) -> dict[str, dict[str, Any]]:
        return self.index["rules"]

    def axe_mapped(self, rule_id: str) -> bool:
        return bool(self.rules[rule_id]["axe_rules"])


def load_corpus(root: Path) -> Corpus:
    index_file = root / "index.json"
    missing = [str(p) for p in (index_file, root / "www", root / "tools" / "score_act.py")
               if not p.exists()]
    if missing:
        raise ReportError(
            f"the W3C ACT Rules test cases are not at {root} (missing: {', '.join(missing)}); "
            "give their folder with --act-rules (make act-report ACT_RULES=/path/to/act-rules)")
    try:
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index["testcases"], index["rules"]  # both must be there (a KeyError otherwise)
    except (json.JSONDecodeError, KeyError) as error:
        raise ReportError(f"{index_file} is not the corpus index (testcases, rules): "
                          f"{error}") from error
    return Corpus(root, index)


def load_rule_map(path: Path, corpus: Corpus, known: set[str]) -> dict[str, list[str]]:
    """ACT rule id -> our rule ids, checked against the corpus and the scanner."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ReportError(f"cannot read the rule map {path}: {error}") from error
    rule_map = {key: value for key, value in data.items() if not key.startswith("_")}
    unknown_act = sorted(set(rule_map) - set(corpus.rules))
    unknown_ours = sorted({rule for rules in rule_map.values() for rule in rules} - known)
    if unknown_act or unknown_ours:
        raise ReportError(
            f"{path}: "
            + (f"ACT rule ids not in the corpus: {', '.join(unknown_act)}. " if unknown_act else "")
            + (f"rule ids the scanner does not know: {', '.join(unknown_ours)} "
               "(a11y-audit rules lists them)." if unknown_ours else ""))
    return rule_map


# Profiles

@dataclass(frozen=True)
class Profile:
    name: str
    flags: tuple[str, ...]

    @property
    def written(self) -> str:
        """The flags as given, @mapped unexpanded, for the report."""
        return shlex.join(self.flags) or "(none: the scanner's defaults)"


def parse_profile(text: str) -> Profile:
    name, sep, flags = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(
            f"{text!r} is not NAME=FLAGS, e.g. 'default=' or "
            "'thorough=--standard wcag22aaa --best-practice'")
    try:
        return Profile(name.strip(), tuple(shlex.split(flags)))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"profile {name!r}: {error}") from error


THOROUGH = parse_profile("thorough=--profile thorough --standard wcag22aaa")


def expand(flags: tuple[str, ...], rule_map: dict[str, list[str]]) -> list[str]:
    mapped = sorted({rule for rules in rule_map.values() for rule in rules})
    out: list[str] = []
    for flag in flags:
        out += [arg for rule in mapped for arg in ("--rule", rule)] if flag == MAPPED else [flag]
    return out


# Serving and scanning

@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """The corpus's www/ as document root on 127.0.0.1, a free port; yields its address."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            """The scanner reports what failed; access logs would only bury it."""

        def guess_type(self, path: str | os.PathLike[str]) -> str:
            # The cases are UTF-8 and most do not say so; w3.org serves them with
            # the charset, without which "…" or "±" would be read as Windows-1252.
            kind = super().guess_type(path)
            textual = kind.startswith("text/") or kind.endswith(("xml", "javascript"))
            return f"{kind}; charset=utf-8" if textual else kind

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def scan(profile: Profile, flags: list[str], urls_file: Path, folder: Path,
         workers: int) -> tuple[dict[str, Any], list[dict[str, str]], list[str], float]:
    """Audit every URL with a11y-audit: its JSON report (pages, versions), its CSV
    report (each element found, with its own outcome), the command and the seconds."""
    db = folder / "scans.sqlite3"
    command = [str(A11Y_AUDIT), "scan", "--urls-file", str(urls_file), "--workers", str(workers),
               "--delay", "0", "--ignore-robots", "--allow-page-errors", "--quiet",
               "--db", str(db), *flags]
    started = time.monotonic()
    run = subprocess.run(command, capture_output=True, text=True)
    seconds = time.monotonic() - started
    # 0: scanned; 2: over a --fail-on/--max-violations threshold the profile set; 3: a
    # page interfered with its audit, which --allow-page-errors does not excuse (the
    # report lists it with the pages not audited).
    if run.returncode not in (0, 2, 3):
        raise ReportError(f"a11y-audit scan for profile {profile.name!r} exited with "
                          f"{run.returncode}:\n{run.stderr.strip()[-3000:]}")
    reports = []
    for kind in ("json", "csv"):
        out = folder / f"report.{kind}"
        subprocess.run([str(A11Y_AUDIT), "report", "latest", "--format", kind, "--db", str(db),
                        "-o", str(out)], check=True, capture_output=True)
        reports.append(out.read_text(encoding="utf-8-sig"))
    # The CSV, not the JSON's findings: a finding groups one element's problems across
    # the pages of a URL template, and these test cases share one template per rule.
    elements = list(csv.DictReader(io.StringIO(reports[1])))
    return json.loads(reports[0]), elements, command, seconds


Messages = dict[str, dict[str, list[str]]]  # URL -> rule -> what it said, in short


def write_results(report: dict[str, Any], elements: list[dict[str, str]],
                  folder: Path) -> tuple[dict[str, str], Messages]:
    """One axe-shaped JSON per audited case and the manifest the scorer reads;
    returns the errors of the pages that could not be audited and what each rule
    said on each page, by URL."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    messages: Messages = defaultdict(lambda: defaultdict(list))
    for element in elements:
        if element["rule"]:
            found[element["page_url"]][element["outcome"]].add(element["rule"])
            said = messages[element["page_url"]][element["rule"]]
            for line in element["summary"].splitlines():
                line = line.strip()
                # Headings ("Fix any of the following:") say nothing by themselves.
                if line and not line.endswith(":") and line not in said and len(said) < 2:
                    said.append(line)
    pages: dict[str, str] = {}
    errors: dict[str, str] = {}
    for number, page in enumerate(report["pages"]):
        url = page["url"]
        if page["status"] != "audited":
            errors[url] = "; ".join(f"{e['kind']}: {e['reason']}" for e in page["errors"]) \
                or page["status"]
            continue
        name = f"case-{number:04d}.json"
        pages[url] = name
        (folder / name).write_text(json.dumps({
            "url": url,
            "violations": [{"id": rule} for rule in sorted(found[url]["violation"])],
            "incomplete": [{"id": rule} for rule in sorted(found[url]["incomplete"])],
            "page_errors": page["errors"],
        }, indent=1), encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps({"pages": pages, "errors": errors},
                                                     indent=1), encoding="utf-8")
    return errors, messages


def score(corpus: Corpus, results: Path, rule_map: dict[str, list[str]],
          out: Path) -> dict[str, Any]:
    """The corpus scorer's full report for these results under this rule map."""
    if not rule_map:
        # Nothing to score (a selection of ACT rules none of ours implements).
        zero = {"tp": 0, "fn": 0, "fp": 0, "tn": 0, "precision": None, "recall": None}
        return {"strict": zero, "lenient": zero, "cases": []}
    map_file = out.with_suffix(".map.json")
    map_file.write_text(json.dumps(rule_map), encoding="utf-8")
    run = subprocess.run([sys.executable, str(corpus.scorer), str(results), "--index",
                          str(corpus.root / "index.json"), "--rule-map", str(map_file),
                          "--json", str(out)], capture_output=True, text=True)
    if run.returncode != 0:
        raise ReportError(f"{corpus.scorer} failed:\n{run.stderr.strip()[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


# Figures and verdicts

@dataclass
class Figures:
    tp: int
    fn: int
    fp: int
    tn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def figures(scored: dict[str, Any], kind: str, unscored: list[dict[str, Any]]) -> Figures:
    """The scorer's strict or lenient counts, with the cases it could not score (no
    rule of ours implements their ACT rule, or the page was not audited) counted
    as not detected: a missed failed example, a correctly quiet other one."""
    counts = scored[kind]
    missed = sum(case["expected"] == "failed" for case in unscored)
    return Figures(counts["tp"], counts["fn"] + missed, counts["fp"],
                   counts["tn"] + len(unscored) - missed)


@dataclass
class RuleResult:
    verdict: str | None  # None: no rule of ours implements it
    why: str = ""
    failed: int = 0
    found: int = 0
    review: int = 0
    flagged_passed: int = 0
    flagged_inapplicable: int = 0
    untested: int = 0


def verdict(rows: list[dict[str, Any]], untested: int) -> tuple[str, str]:
    """The W3C's consistency of one ACT rule's implementation, from its examples'
    outcomes: a violation is "failed", needs review is "cannot tell" (as
    act-rules/act-tools decides it; success criteria are not compared)."""
    failed = [r for r in rows if r["expected"] == "failed"]
    if any(r["detected"] for r in rows if r["expected"] != "failed"):
        return INCONSISTENT, "flags passed or inapplicable examples"
    found = any(r["detected"] for r in failed)
    missed = any(not r["detected"] and not r["review"] for r in failed)
    if found and not missed and not untested:
        return CONSISTENT, ""
    if found:
        return PARTIAL, "misses failed examples" if missed else "examples not audited"
    if any(r["review"] for r in rows) and not any(
            r["review"] for r in rows if r["expected"] == "inapplicable"):
        return PARTIAL, "only asks for review"
    return INCONSISTENT, "finds no failed example"


@dataclass
class ProfileRun:
    profile: Profile
    command: list[str]
    seconds: float
    cases: int
    errors: dict[str, str]  # URL path -> why the page was not audited
    messages: Messages  # URL path -> rule -> what it said
    axe_version: str
    scored: dict[str, Any]  # the scorer's report, every mapped ACT rule
    scored_axe: dict[str, Any]  # the scorer's report, ACT rules axe-core implements
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # url_path -> scorer row
    rules: dict[str, RuleResult] = field(default_factory=dict)


def judge(run: ProfileRun, corpus: Corpus, cases: list[dict[str, Any]],
          rule_map: dict[str, list[str]]) -> None:
    by_key = {(r["rule_id"], r["testcase_id"]): r for r in run.scored["cases"]}
    by_rule: dict[str, list[dict[str, Any]]] = defaultdict(list)
    untested: Counter[str] = Counter()
    for case in cases:
        row = by_key.get((case["rule_id"], case["testcase_id"]))
        if row is not None:
            run.rows[case["url_path"]] = row
            by_rule[case["rule_id"]].append(row)
        elif rule_map.get(case["rule_id"]):
            untested[case["rule_id"]] += 1
    for rule_id in sorted({case["rule_id"] for case in cases}):
        if not rule_map.get(rule_id):
            run.rules[rule_id] = RuleResult(None)
            continue
        rows = by_rule[rule_id]
        result = RuleResult(*verdict(rows, untested[rule_id]), untested=untested[rule_id])
        result.failed = sum(r["expected"] == "failed" for r in rows)
        result.found = sum(r["detected"] for r in rows if r["expected"] == "failed")
        result.review = sum(r["review"] for r in rows if r["expected"] == "failed")
        result.flagged_passed = sum(r["detected"] for r in rows if r["expected"] == "passed")
        result.flagged_inapplicable = sum(r["detected"] for r in rows
                                          if r["expected"] == "inapplicable")
        run.rules[rule_id] = result


def run_profile(profile: Profile, corpus: Corpus, cases: list[dict[str, Any]],
                rule_map: dict[str, list[str]], base: str, folder: Path,
                workers: int) -> ProfileRun:
    folder.mkdir(parents=True)
    urls = folder / "urls.txt"
    urls.write_text("".join(base + case["url_path"] + "\n" for case in cases), encoding="utf-8")
    print(f"[{profile.name}] auditing {len(cases)} ACT test cases …", file=sys.stderr, flush=True)
    report, elements, command, seconds = scan(profile, expand(profile.flags, rule_map), urls,
                                              folder, workers)
    results = folder / "results"
    results.mkdir()
    errors, messages = write_results(report, elements, results)
    in_cases = {case["rule_id"] for case in cases}
    axe_map = {rule: ids for rule, ids in rule_map.items()
               if corpus.axe_mapped(rule) and rule in in_cases}
    mapped = {rule: ids for rule, ids in rule_map.items() if rule in in_cases}
    run = ProfileRun(profile, command, seconds, len(cases),
                     {url.removeprefix(base): why for url, why in errors.items()},
                     {url.removeprefix(base): said for url, said in messages.items()},
                     report["engine"]["version"] or "unknown",
                     score(corpus, results, mapped, folder / "scored.json"),
                     score(corpus, results, axe_map, folder / "scored-axe.json"))
    judge(run, corpus, cases, rule_map)
    print(f"[{profile.name}] {len(cases)} cases in {seconds:.0f} s, {len(errors)} not audited",
          file=sys.stderr, flush=True)
    return run


# The report

def ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def rule_link(rule_id: str, corpus: Corpus) -> str:
    approved = corpus.rules[rule_id]["approved"]
    path = f"/WAI/standards-guidelines/act/rules/{rule_id}/" + ("" if approved else "proposed/")
    return f"[{rule_id}]({W3C}{path})"


def render(runs: list[ProfileRun], corpus: Corpus, cases: list[dict[str, Any]],
           rule_map: dict[str, list[str]], notes: dict[str, str], invocation: str,
           chromium: str) -> str:
    axe_cases = [c for c in cases if corpus.axe_mapped(c["rule_id"])]
    selection = ("" if len(cases) == len(corpus.cases)
                 else f" of {len(corpus.cases)}: a selection, not the whole report")
    lines = [
        "# ACT Rules implementation report of a11y-audit",
        "",
        "How a11y-audit's verdicts agree with the test cases of the W3C's Accessibility "
        "Conformance Testing (ACT) Rules: for each ACT rule, *failed* examples that must be "
        "flagged and *passed* and *inapplicable* examples that must not be. Generated by "
        "`tools/act_report.py`; do not edit by hand (tools/act/notes.json holds the notes).",
        "",
        f"- Made on {datetime.now(UTC):%Y-%m-%d} with `{invocation}`",
        f"- axe-core {', '.join(sorted({r.axe_version for r in runs}))}, {chromium}, "
        f"test cases of w3c/wcag-act-rules commit `{corpus.index['source']['commit'][:12]}` "
        f"({len(cases)} cases{selection}, "
        f"{len(axe_cases)} of them of ACT rules axe-core implements)",
        "- Rule map: `tools/act/rule-map.json` (ACT rule → our rule ids: axe-core's as the W3C's "
        "implementation report for axe-core maps them, plus own checks)",
        "- To make it again: `make act-report` (which runs the command above; "
        "`ACT_RULES=` names the corpus's folder, `ACT_PROFILES=` other profiles)",
        "",
        "## Profiles",
        "",
    ]
    for run in runs:
        # The scan's own files lie in a temporary folder: shown by role, not by path.
        folder = Path(run.command[run.command.index("--db") + 1]).parent
        shown = (shlex.join(run.command).replace(str(ROOT) + "/", "")
                 .replace(str(folder / "urls.txt"), "CASE-URLS.txt")
                 .replace(str(folder / "scans.sqlite3"), "SCANS.sqlite3"))
        lines += [f"- **{run.profile.name}**: a11y-audit flags `{run.profile.written}`; "
                  f"{run.cases} cases in {run.seconds / 60:.1f} min, {len(run.errors)} not "
                  f"audited. <details><summary>Command</summary>\n\n```\n{shown}\n```\n"
                  "</details>"]
    lines += ["", "## Precision and recall", "",
              "A test case is *detected* when a rule that implements its ACT rule reports a "
              "violation (strict) or a violation or needs-review item (lenient) on its page. "
              "Precision = TP / (TP + FP), recall = TP / (TP + FN). Scored by the corpus's own "
              "scorer (`score_act.py`, beside the cases); in the columns for all cases, the "
              "cases of ACT rules no "
              "rule of ours implements (and pages that could not be audited) count as not "
              "detected.", "",
              "| Profile | Cases | Strict precision | Strict recall | Lenient precision | "
              "Lenient recall | TP / FN / FP / TN (strict) |",
              "|---|---|---|---|---|---|---|"]
    for run in runs:
        axe_unscored = unscored(run.scored_axe, axe_cases)
        all_unscored = unscored(run.scored, cases)
        for label, scored, extra, total in (
                (f"{len(axe_cases)} axe-mapped", run.scored_axe, axe_unscored, len(axe_cases)),
                (f"all {len(cases)}", run.scored, all_unscored, len(cases))):
            strict, lenient = figures(scored, "strict", extra), figures(scored, "lenient", extra)
            assert strict.tp + strict.fn + strict.fp + strict.tn == total
            lines.append(f"| {run.profile.name} | {label} | {ratio(strict.precision)} | "
                         f"{ratio(strict.recall)} | {ratio(lenient.precision)} | "
                         f"{ratio(lenient.recall)} | {strict.tp} / {strict.fn} / {strict.fp} / "
                         f"{strict.tn} |")
    lines += ["", "For comparison, @axe-core/cli 4.13.0 on the 802 axe-mapped cases (the "
              "corpus's README): "
              + "; ".join(f"{name} precision {p:.3f}, recall {r:.3f}"
                          for name, (p, r) in AXE_CLI_REFERENCE.items()) + ".", ""]
    lines += consistency_section(runs, corpus, cases, rule_map)
    lines += misses_section(runs, corpus, cases, rule_map, notes)
    return "\n".join(lines).rstrip() + "\n"


def unscored(scored: dict[str, Any], cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The cases the scorer has no row for: no rule of ours implements their ACT
    rule, or their page was not audited."""
    keys = {(r["rule_id"], r["testcase_id"]) for r in scored["cases"]}
    return [c for c in cases if (c["rule_id"], c["testcase_id"]) not in keys]


def consistency_section(runs: list[ProfileRun], corpus: Corpus, cases: list[dict[str, Any]],
                        rule_map: dict[str, list[str]]) -> list[str]:
    lines = ["## Consistency per ACT rule", "",
             f"The W3C's terms ([understanding ACT consistency]({CONSISTENCY_DOC})), "
             "in short:", "",
             "- **Consistent**: every example gets the outcome it expects (no failed example "
             "passes, no passed or inapplicable one fails) and has an outcome; an automated "
             "tool may answer *cannot tell* on some examples, not all.",
             "- **Partially consistent**: some of that holds but not all, and still no passed or "
             "inapplicable example is failed: it finds some failed examples, or only answers "
             "*cannot tell*.",
             "- **Inconsistent**: it fails a passed or inapplicable example (a false positive), "
             "or finds no failed example at all.",
             "",
             "Here a violation is the outcome *failed* and a needs-review item *cannot tell*, "
             "as act-rules/act-tools decides it; the W3C's further condition that the right "
             "success criteria are reported failed is not checked. “Failed found” counts the "
             "failed examples with a violation (and, in brackets, those with needs review "
             "only); “FP” the passed and inapplicable examples with a violation.", ""]
    lines += ["| Profile | Consistent | Partially consistent | Inconsistent | Not implemented |",
              "|---|---|---|---|---|"]
    for run in runs:
        tally = Counter(r.verdict for r in run.rules.values())
        lines.append(f"| {run.profile.name} | {tally[CONSISTENT]} | {tally[PARTIAL]} | "
                     f"{tally[INCONSISTENT]} | {tally[None]} |")
    head = "| ACT rule | Name | Our rules | Failed ex. |"
    rule_line = "|---|---|---|---|"
    for run in runs:
        head += f" {run.profile.name}: failed found | FP | verdict |"
        rule_line += "---|---|---|"
    lines += ["", head, rule_line]
    order = sorted({c["rule_id"] for c in cases},
                   key=lambda r: (not rule_map.get(r), not corpus.rules[r]["approved"], r))
    for rule_id in order:
        info = corpus.rules[rule_id]
        failed = sum(c["expected"] == "failed" for c in cases if c["rule_id"] == rule_id)
        name = info["name"].replace("|", "\\|") + ("" if info["approved"] else " (proposed)")
        ours = ", ".join(f"`{r}`" for r in rule_map.get(rule_id, [])) or "—"
        line = f"| {rule_link(rule_id, corpus)} | {name} | {ours} | {failed} |"
        for run in runs:
            result = run.rules[rule_id]
            if result.verdict is None:
                line += " – | – | not implemented |"
                continue
            review = f" ({result.review})" if result.review else ""
            fp = result.flagged_passed + result.flagged_inapplicable
            why = f" ({result.why})" if result.why else ""
            line += f" {result.found}/{result.failed}{review} | {fp} | {result.verdict}{why} |"
        lines.append(line)
    return lines + [""]


def misses_section(runs: list[ProfileRun], corpus: Corpus, cases: list[dict[str, Any]],
                   rule_map: dict[str, list[str]], notes: dict[str, str]) -> list[str]:
    lines = ["## Misses and false positives, by cause", "",
             "For each profile: the failed examples of implemented ACT rules that got no "
             "violation (misses) and the passed or inapplicable examples that got one (false "
             "positives), by cause and then by ACT rule. The causes told from the data come "
             "first, with what the rule said; the notes are what people found out "
             "(tools/act/notes.json, by ACT rule, with `/review` for what it asked a person and "
             "`/false-positives`). This list is the work to do.", ""]
    names = case_names(cases)
    for run in runs:
        others = [o for o in runs if o is not run]
        # cause -> ACT rule -> cases
        groups: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        false_positives: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for case in cases:
            if not rule_map.get(case["rule_id"]):
                continue
            row = run.rows.get(case["url_path"])
            if row is None:
                groups[NOT_AUDITED][case["rule_id"]].append(case)
            elif case["expected"] != "failed":
                if row["detected"]:
                    false_positives[case["rule_id"]].append(case)
            elif row["detected"]:
                continue
            elif found_by := [o.profile.name for o in others
                              if (o.rows.get(case["url_path"]) or {}).get("detected")]:
                groups[f"Found by the profile {', '.join(found_by)}: a rule this profile "
                       "leaves out finds them"][case["rule_id"]].append(case)
            elif row["review"]:
                groups[REVIEW][case["rule_id"]].append(case)
            else:
                groups[QUIET][case["rule_id"]].append(case)
        misses = sum(len(c) for by_rule in groups.values() for c in by_rule.values())
        fps = sum(map(len, false_positives.values()))
        lines += [f"### {run.profile.name}: {misses} misses, {fps} false positives", ""]
        for cause in sorted(groups, key=cause_order):
            by_rule = groups[cause]
            lines += [f"**{cause}** ({sum(map(len, by_rule.values()))}):", ""]
            for rule_id in sorted(by_rule, key=lambda r: (-len(by_rule[r]), r)):
                found = by_rule[rule_id]
                lines.append(f"- {rule_link(rule_id, corpus)} {corpus.rules[rule_id]['name']} "
                             f"({len(found)}): {', '.join(names[c['url_path']] for c in found)}"
                             + explanation(run, cause, rule_id, found, rule_map, notes))
            lines.append("")
        if false_positives:
            lines += [f"**False positives** ({fps}):", ""]
            for rule_id in sorted(false_positives, key=lambda r: (-len(false_positives[r]), r)):
                found = false_positives[rule_id]
                note = notes.get(f"{rule_id}/false-positives")
                lines.append(f"- {rule_link(rule_id, corpus)} {corpus.rules[rule_id]['name']} "
                             f"({len(found)})" + (f". {note}" if note else ""))
                for case in found:
                    row = run.rows[case["url_path"]]
                    flagged = row["implementing_rules_violated"]
                    said = said_by(run, case, flagged)
                    lines.append(f"  - {names[case['url_path']]}: "
                                 f"{', '.join(f'`{r}`' for r in flagged)}"
                                 + (f" ({said.rstrip('.')})" if said else ""))
            lines.append("")
    unimplemented = sorted({c["rule_id"] for c in cases if not rule_map.get(c["rule_id"])})
    if unimplemented:
        failed = sum(c["expected"] == "failed" for c in cases
                     if c["rule_id"] in unimplemented)
        lines += ["### ACT rules no rule of ours implements", "",
                  f"{len(unimplemented)} rules, {failed} failed examples: "
                  + ", ".join(f"{rule_link(r, corpus)} {corpus.rules[r]['name']}"
                              for r in unimplemented) + ".", ""]
    return lines


NOT_AUDITED = "The page could not be audited"
REVIEW = "Needs review only: the rule could not decide"
QUIET = "No violation from the rules that implement it"


def cause_order(cause: str) -> tuple[int, str]:
    """Causes told from the data first, the rules' own silence last."""
    order = {NOT_AUDITED: 0, REVIEW: 2, QUIET: 3}
    return order.get(cause, 1), cause


def explanation(run: ProfileRun, cause: str, rule_id: str, found: list[dict[str, Any]],
                rule_map: dict[str, list[str]], notes: dict[str, str]) -> str:
    """What the rules said on these cases (needs review, not audited), and the notes."""
    if cause == NOT_AUDITED:
        said = sorted({run.errors.get(c["url_path"], "no result") for c in found})
    elif cause == REVIEW:
        said = sorted({line for c in found
                       for line in said_by(run, c, rule_map[rule_id]).split("; ") if line})
    else:
        said = []
    # Notes on what a rule said when it asked for review are kept apart from notes on
    # its silence: one ACT rule's examples may fall in both groups.
    note = notes.get(f"{rule_id}/review" if cause == REVIEW else rule_id) \
        if cause != NOT_AUDITED else None
    said = [line.rstrip(".") for line in said]
    text = ("; ".join(said[:3]) + ("; …" if len(said) > 3 else "")) if said else ""
    return "".join(f". {part}" for part in (f"Said: {text}" if text else "", note) if part)


def said_by(run: ProfileRun, case: dict[str, Any], rules: list[str]) -> str:
    said = run.messages.get(case["url_path"], {})
    return "; ".join(dict.fromkeys(line for rule in rules for line in said.get(rule, [])))


def case_names(cases: list[dict[str, Any]]) -> dict[str, str]:
    """A link per case, titled as the W3C titles it; a title that two cases of one
    rule share (an approved and a proposed example) gets the case id's start."""
    titles = Counter((c["rule_id"], c["title"]) for c in cases)
    names = {}
    for case in cases:
        title = case["title"].replace("Example ", "Ex. ")
        if titles[(case["rule_id"], case["title"])] > 1:
            title += f" ({case['testcase_id'][:7]})"
        names[case["url_path"]] = f"[{title}]({W3C}{case['url_path']})"
    return names


def chromium_version() -> str:
    program = os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium"
    try:
        return subprocess.run([program, "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip() or "Chromium (version unknown)"
    except (OSError, subprocess.TimeoutExpired):
        return "Chromium (version unknown)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--act-rules", type=Path, default=ROOT.parent / "shared" / "act-rules",
                        help="the W3C ACT Rules test cases with their scorer "
                        "(default: %(default)s)")
    parser.add_argument("--profile", dest="profiles", action="append", type=parse_profile,
                        metavar="NAME=FLAGS", help="a profile to audit the cases with "
                        "(repeatable; default: 'default=' and "
                        "'thorough=--profile thorough --standard wcag22aaa')")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "act-report.md",
                        help="the Markdown report (default: %(default)s)")
    parser.add_argument("--act-rule", dest="act_rules_only", action="append", default=[],
                        metavar="ID", help="only the cases of this ACT rule (repeatable; for "
                        "trying a change quickly)")
    parser.add_argument("--workers", type=int, default=2, help="browsers (default: 2)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep the scans, per-case results and scores in DIR")
    args = parser.parse_args(argv)
    # The scanner's two profiles; thorough at AAA, as the ACT rules cover AAA criteria.
    profiles = args.profiles or [Profile("default", ()), THOROUGH]
    if len({p.name for p in profiles}) != len(profiles):
        parser.error("two profiles have the same name")
    try:
        corpus = load_corpus(args.act_rules.resolve())
        known = set(AxeScript().rule_ids()) | set(RULES)
        rule_map = load_rule_map(RULE_MAP, corpus, known)
        notes = {k: v for k, v in json.loads(NOTES.read_text(encoding="utf-8")).items()
                 if not k.startswith("_")}
        unknown = sorted(set(args.act_rules_only) - set(corpus.rules))
        if unknown:
            raise ReportError(f"--act-rule: not ACT rule ids of the corpus: {', '.join(unknown)}")
        cases = [c for c in corpus.cases
                 if not args.act_rules_only or c["rule_id"] in args.act_rules_only]
        if not A11Y_AUDIT.exists():
            raise ReportError(f"{A11Y_AUDIT} is missing; run make install first")
        work = Path(tempfile.mkdtemp(prefix="act-report-")) if args.keep is None else args.keep
        if args.keep is not None and work.exists() and any(work.iterdir()):
            raise ReportError(f"--keep {work}: the folder is not empty")
        runs = []
        try:
            with serving(corpus.root / "www") as base:
                for number, profile in enumerate(profiles):
                    runs.append(run_profile(profile, corpus, cases, rule_map, base,
                                            work / f"profile-{number}", args.workers))
        finally:
            if args.keep is None:
                shutil.rmtree(work, ignore_errors=True)
    except ReportError as error:
        print(f"act_report: {error}", file=sys.stderr)
        return 1
    invocation = shlex.join(["tools/act_report.py", *(sys.argv[1:] if argv is None else argv)])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(runs, corpus, cases, rule_map, notes, invocation,
                               chromium_version()), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
