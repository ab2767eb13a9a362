"""JUnit XML for CI systems: a test suite per page, a failing test case per rule it
violates (an auditor's "fails" on a needs-review element included), an error for a
page that could not be audited; each suite's properties name the axe-core version
and the standard."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from accessibility_audit.evaluation import Summary
from accessibility_audit.model import Issue
from accessibility_audit.reporters import ReportContext
from accessibility_audit.store.repository import StoredPage


def render(summary: Summary, context: ReportContext) -> str:
    root = ET.Element("testsuites", name=f"a11y-audit scan {summary.scan.id}")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for page in summary.pages:
        suite = _suite(page, summary.page_violations(page))
        properties = ET.Element("properties")
        for name, value in (("axe-core", summary.scan.axe_version or "unknown"),
                            ("standard", summary.scan.standard),
                            ("profile", summary.scan.profile)):
            ET.SubElement(properties, "property", name=name, value=value)
        suite.insert(0, properties)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, total in totals.items():
        root.set(key, str(total))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _suite(page: StoredPage, violations: list[Issue]) -> ET.Element:
    suite = ET.Element("testsuite", name=f"{page.url} ({page.viewport})",
                       time=f"{page.seconds:.3f}")
    name = f"{page.url} [{page.viewport}]"
    if page.status != "audited":
        case = ET.SubElement(suite, "testcase", classname=name, name="page is audited")
        reasons = "; ".join(e.reason for e in page.errors)
        ET.SubElement(case, "error", type=page.status, message=reasons).text = reasons
        suite.set("tests", "1")
        suite.set("errors", "1")
        suite.set("failures", "0")
        return suite
    by_rule: dict[str, list[Issue]] = defaultdict(list)
    for issue in violations:
        by_rule[issue.rule].append(issue)
    for rule, issues in sorted(by_rule.items()):
        case = ET.SubElement(suite, "testcase", classname=name, name=rule)
        first = issues[0]
        message = f"{first.help} ({first.impact}; WCAG {' '.join(first.criteria) or '-'})"
        details = "\n".join(f"{i.selector}\n  {i.html}\n  {i.summary}" for i in issues)
        ET.SubElement(case, "failure", type=first.impact or "violation",
                      message=message).text = f"{first.help_url}\n{details}"
    for rule in page.passed_rules:
        ET.SubElement(suite, "testcase", classname=name, name=rule)
    suite.set("tests", str(len(by_rule) + len(page.passed_rules)))
    suite.set("failures", str(len(by_rule)))
    suite.set("errors", "0")
    return suite
