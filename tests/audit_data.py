"""Scans for the auditors' dashboard, written through the scanner's own store API."""

from __future__ import annotations

from accessibility_audit.model import Issue, PageAudit
from accessibility_audit.store import Store

AKIMAT = "https://akimat.example.kz"
SCHOOL = "https://school.example.kz"
CLINIC = "https://clinic.example.kz"
STAND = "http://127.0.0.1:8080/stand/main/"
# What a hostile or broken site may put in the element axe reports.
HOSTILE_HTML = '<img src="x" onerror="alert(1)" alt="</code><script>alert(\'pwned\')</script>">'
HOSTILE_SELECTOR = 'img[alt="</code><b>bold</b>"]'
# A page can tamper with axe's results, help links included.
HOSTILE_URL = "javascript:alert(document.cookie)"


def image_alt(html: str = '<img src="/logo.png">', selector: str = "header > img",
              help_url: str = "https://dequeuniversity.com/rules/axe/4.10/image-alt") -> Issue:
    return Issue(rule="image-alt", outcome="violation", impact="critical",
                 criteria=("1.1.1",), selector=selector, html=html,
                 summary="Fix any of the following: Element does not have an alt attribute",
                 help="Images must have alternative text", help_url=help_url,
                 tags=("wcag2a", "wcag111"))


def link_name(html: str = '<a href="/news/1"></a>') -> Issue:
    return Issue(rule="link-name", outcome="violation", impact="serious",
                 criteria=("2.4.4", "4.1.2"), selector="main a", html=html,
                 summary="Fix all of the following: Element is in tab order and does not "
                         "have accessible text",
                 help="Links must have discernible text",
                 help_url="https://dequeuniversity.com/rules/axe/4.10/link-name",
                 tags=("wcag2a", "wcag244", "wcag412"))


def contrast_to_review(html: str = '<p class="lead" data-timestamp="1">Text</p>') -> Issue:
    return Issue(rule="color-contrast", outcome="incomplete", impact="serious",
                 criteria=("1.4.3",), selector=".banner > p.lead", html=html,
                 summary="Element's background color could not be determined due to a "
                         "background image",
                 help="Elements must meet minimum color contrast ratio thresholds",
                 help_url="https://dequeuniversity.com/rules/axe/4.10/color-contrast",
                 tags=("wcag2aa", "wcag143"))


def page(url: str, *issues: Issue, status: str = "audited") -> PageAudit:
    return PageAudit(url=url, viewport="desktop", status=status,  # type: ignore[arg-type]
                     title="Page", axe_version="4.10.2", issues=list(issues), passes=20)


def store_scan(store: Store, pages: list[tuple[str, PageAudit]],
               options: dict | None = None) -> int:
    """One finished scan of the given (site, page) results, as ``a11y-audit scan`` keeps it."""
    scan_id = store.new_scan(standard="wcag22aa", user_agent="tests", tool_version="tests",
                             options=options or {})
    for site, result in pages:
        store.save_pages(scan_id, [result], site)
    store.set_status(scan_id, "finished")
    return scan_id


def demo_scans(store: Store) -> None:
    """Two scans of three sites and one stand audit: enough for every page to show."""
    store_scan(store, [
        (AKIMAT, page(f"{AKIMAT}/", image_alt(), contrast_to_review())),
        (AKIMAT, page(f"{AKIMAT}/news/17", image_alt(), link_name())),
        (SCHOOL, page(f"{SCHOOL}/", image_alt(HOSTILE_HTML, HOSTILE_SELECTOR, HOSTILE_URL))),
        (SCHOOL, page(f"{SCHOOL}/about")),
        (CLINIC, page(f"{CLINIC}/", status="blocked")),
    ])
    store_scan(store, [
        (AKIMAT, page(f"{AKIMAT}/", image_alt(), contrast_to_review())),
        (AKIMAT, page(f"{AKIMAT}/news/18")),
        (SCHOOL, page(f"{SCHOOL}/", image_alt(HOSTILE_HTML, HOSTILE_SELECTOR, HOSTILE_URL))),
        (SCHOOL, page(f"{SCHOOL}/about", link_name())),
    ])
    store_scan(store, [
        (f"{STAND.split('/stand')[0]}", page(f"{STAND}kk/?mode=large", link_name())),
        (f"{STAND.split('/stand')[0]}", page(f"{STAND}ru/")),
    ], {"kind": "stand", "stand": STAND})
