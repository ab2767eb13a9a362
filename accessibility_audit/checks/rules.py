"""The own checks' metadata, as axe-core keeps its rules' (``lib/rules/*.json``):
data, apart from the code that evaluates them.

A rule runs when one of its level tags (``wcag2a``, ``wcag21aa``, ``wcag2aaa`` …,
as axe writes them) is among the scan's tags, or when it is asked for by id. The
help texts are English, as axe's; ``N_`` marks them for the scanner's catalogs,
so reports in Kazakh and Russian translate them."""

from __future__ import annotations

from dataclasses import dataclass

UNDERSTANDING = "https://www.w3.org/WAI/WCAG22/Understanding/"


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "translate later"
    """Marks a message for extraction; it is translated where it is shown."""
    return text


@dataclass(frozen=True)
class Rule:
    id: str
    impact: str
    # The first tag is the level (what selects the rule), then the criteria.
    tags: tuple[str, ...]
    help: str
    description: str
    understanding: str  # the W3C Understanding page's name, e.g. "reflow"

    @property
    def level(self) -> str:
        return self.tags[0]

    @property
    def help_url(self) -> str:
        return f"{UNDERSTANDING}{self.understanding}.html"


RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("page-language-matches-text", "serious", ("wcag2a", "wcag311", "cat.language"),
         N_("The page's lang attribute must name the language its text is written in"),
         ("Checks that a page marked Russian is not written in Kazakh, nor the other way "
          "round, from the letters and words of its text"),
         "language-of-page"),
    Rule("part-language-matches-text", "serious", ("wcag2aa", "wcag312", "cat.language"),
         N_("Passages in another language must be marked with their own lang attribute"),
         ("Checks that Kazakh passages inside content marked Russian, and Russian passages "
          "inside content marked Kazakh, carry a lang attribute of their own"),
         "language-of-parts"),
    Rule("language-version-exists", "moderate",
         ("best-practice", "cat.language", "kz-state-languages"),
         N_("A link to the page in the other state language must lead to that page's "
          "counterpart"),
         ("Follows the links to the Kazakh or Russian version of the page and checks that "
          "they open this page's counterpart, not an error page, the home page or a page "
          "still in the first language"),
         "language-of-page"),
    Rule("target-size-enhanced", "serious", ("wcag21aaa", "wcag255", "cat.sensory-and-visual-cues"),
         N_("Touch targets must be at least 44 by 44 CSS pixels"),
         ("Checks that links, buttons and other controls are at least 44 by 44 CSS pixels, "
          "except links inside a sentence, controls with a large enough equivalent on the "
          "page, and unstyled controls of the browser"),
         "target-size-enhanced"),
    Rule("reflow", "serious", ("wcag21aa", "wcag1410", "cat.structure"),
         N_("Content must reflow at 320 CSS pixels wide without scrolling in two directions"),
         ("Checks that the page does not scroll horizontally at 320 CSS pixels wide and at "
          "the audited viewports, and that only tables, maps, images and code scroll "
          "sideways in a box of their own"),
         "reflow"),
)}
