"""Every own rule's metadata, as data: the website rules, then the stand's. The code
that decides each is a check (``registry.py``); reports, ``a11y-audit rules`` and the
rule selection read only this table."""

from __future__ import annotations

from accessibility_audit.checks.rule import EN_301_549, N_, Rule, understanding

RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("page-language-matches-text", "serious", ("wcag2a", "wcag311", "cat.language"),
         N_("The page's lang attribute must name the language its text is written in"),
         ("Checks that the language the html element's lang names is the one most of "
          "the page's text is written in: Kazakh and Russian told apart by their letters "
          "and words, other languages by a statistical language identifier; short text "
          "needs review"),
         understanding("language-of-page")),
    Rule("part-language-matches-text", "serious", ("wcag2aa", "wcag312", "cat.language"),
         N_("Passages in another language must be marked with their own lang attribute"),
         ("Checks that an element's own lang attribute names the language of its text "
          "and images' names, and that passages surely in another language than the "
          "page's carry a lang attribute of their own (Kazakh and Russian told apart by "
          "their letters and words, other languages by a language identifier)"),
         understanding("language-of-parts")),
    Rule("language-version-exists", "moderate",
         ("best-practice", "cat.language", "kz-state-languages"),
         N_("A link to the page in the other state language must lead to that page's "
          "counterpart"),
         ("Follows the links to the Kazakh or Russian version of the page and checks that "
          "they open this page's counterpart, not an error page, the home page or a page "
          "still in the first language"),
         understanding("language-of-page"),
         # It fetches the pages the links lead to.
         costly=True),
    Rule("bypass-blocks", "serious", ("wcag2a", "wcag241", "cat.keyboard"),
         N_("Content repeated on the site's pages must be skippable to the page's own "
            "content"),
         ("Opens another page of the site that the page links to, learns which content "
          "before the page's own is repeated, and checks that a landmark or a heading at "
          "the page's own content, or a link to it, lets a visitor skip the rest"),
         understanding("bypass-blocks"),
         # It fetches a page a link leads to.
         costly=True),
    Rule("summary-name", "serious", ("wcag2a", "wcag412", "cat.name-role-value"),
         N_("The summary of a details element must have a name"),
         ("Checks that the summary that opens and closes each details element has a name "
          "from its text, aria-label, aria-labelledby or title"),
         understanding("name-role-value")),
    Rule("header-cell-has-cells", "serious", ("wcag2a", "wcag131", "cat.tables"),
         N_("Every header cell of a table must head at least one cell"),
         ("Checks that each header cell of a table or grid has cells below it (a column "
          "header), to its right (a row header), or naming it in their headers attribute"),
         understanding("info-and-relationships")),
    # WAI-ARIA's requirement, not a WCAG criterion's: what is lost is what the author
    # meant screen readers to say, which the element's content may still say.
    Rule("aria-prohibited-global", "serious", ("best-practice", "cat.aria"),
         N_("ARIA naming and role description properties must not be used where the "
            "role prohibits them"),
         ("Checks that aria-label, aria-labelledby and aria-braillelabel are not set on "
          "elements whose role cannot be named (a div, a span, a paragraph), nor "
          "aria-roledescription on a generic element"),
         "https://www.w3.org/TR/wai-aria-1.2/#prohibitedattributes"),
    Rule("target-size-enhanced", "serious", ("wcag21aaa", "wcag255", "cat.sensory-and-visual-cues"),
         N_("Touch targets must be at least 44 by 44 CSS pixels"),
         ("Checks that links, buttons and other controls are at least 44 by 44 CSS pixels, "
          "except links inside a sentence, controls with a large enough equivalent on the "
          "page, and unstyled controls of the browser"),
         understanding("target-size-enhanced")),
    Rule("reflow", "serious", ("wcag21aa", "wcag1410", "cat.structure"),
         N_("Content must reflow at 320 CSS pixels wide without scrolling in two directions"),
         ("Checks that the page does not scroll horizontally at 320 CSS pixels wide and at "
          "the audited viewports, and that only tables, maps, images and code scroll "
          "sideways in a box of their own"),
         understanding("reflow")),
    Rule("text-spacing-important", "serious", ("wcag21aa", "wcag1412", "cat.structure"),
         N_("Text spacing below WCAG's must not be set !important in a style attribute"),
         ("Checks that no style attribute keeps letter spacing under 0.12 times the font "
          "size, word spacing under 0.16 times or the line height of wrapping text under "
          "1.5 times with !important, which a reader's own spacing cannot replace"),
         understanding("text-spacing")),
    Rule("text-spacing-clipped", "serious", ("wcag21aa", "wcag1412", "cat.structure"),
         N_("Text must not be cut off when a reader widens its spacing"),
         ("Sets WCAG's text spacing (line height 1.5, letter spacing 0.12 em, word spacing "
          "0.16 em, paragraph spacing 2 em) as a reader's style sheet does and checks that "
          "no box that hides its overflow cuts text off"),
         understanding("text-spacing"), audits=("site",)),
    Rule("orientation-locked", "serious", ("wcag21aa", "wcag134", "cat.structure"),
         N_("Content must not be turned to show in one screen orientation only"),
         ("Shows the page in portrait and in landscape and checks that the page, its body "
          "and the elements holding it are not turned a quarter turn in one of them"),
         understanding("orientation"), audits=("site",)),
    Rule("text-zoom-clipped", "serious", ("wcag2aa", "wcag144", "cat.sensory-and-visual-cues"),
         N_("Text zoomed to 200 % must not be cut off by its box"),
         ("Shows the page as a browser zoomed to 200 % lays it out (half the width and "
          "height in CSS pixels) and checks that no box that hides its overflow cuts "
          "text off"),
         understanding("resize-text"), audits=("site",)),
    Rule("autoplay-audio-control", "serious", ("wcag2a", "wcag142", "cat.time-and-media"),
         N_("Audio that plays on its own for more than 3 seconds must have a control to "
            "pause, stop or mute it"),
         ("Plays a copy of each audio and video that starts by itself unmuted, to learn "
          "its length and whether it has sound, and checks that one longer than 3 seconds "
          "has native controls or a pause, stop or mute control beside it"),
         understanding("audio-control")),
    # WCAG 1.4.2 is met by a control too; the best practice is its other way, as
    # Understanding 1.4.2 advises: a clip that talks over a screen reader until its
    # control is found is a barrier even with the control.
    Rule("autoplay-audio-brief", "moderate", ("best-practice", "cat.time-and-media"),
         N_("Audio should not play on its own for more than 3 seconds"),
         ("Plays a copy of each audio and video that starts by itself unmuted, to learn "
          "its length and whether it has sound, and checks that its sound stops within "
          "3 seconds, controls or not"),
         understanding("audio-control")),
    Rule("video-only-alternative", "serious", ("wcag2a", "wcag121", "cat.time-and-media"),
         N_("Video without sound must have a transcript or an audio version"),
         ("Plays a copy of each video a visitor may play, to learn whether it has sound, and "
          "checks that a silent one has something on its page that may be its alternative: "
          "text, a link, an audio version or a text track"),
         understanding("audio-only-and-video-only-prerecorded"), costly=True),
    Rule("focus-visible", "serious", ("wcag2aa", "wcag247", "cat.keyboard"),
         N_("Every element that takes the keyboard focus must show it"),
         ("Presses Tab through the page and checks that each element's look changes when it "
          "takes the focus, or else that the screen does"),
         understanding("focus-visible"), costly=True),
    Rule("focus-not-obscured", "serious", ("wcag22aa", "wcag2411", "cat.keyboard"),
         N_("An element with the keyboard focus must not be entirely hidden by fixed or "
            "sticky content"),
         ("Presses Tab through the page and checks that each element, once scrolled into "
          "view with the focus, is not entirely under a fixed or sticky header, footer, "
          "banner or button"),
         understanding("focus-not-obscured-minimum"), costly=True),
    Rule("keyboard-trap", "critical", ("wcag2a", "wcag212", "cat.keyboard"),
         N_("The keyboard focus must be able to leave every element"),
         ("Presses Tab through the page; where the focus goes round without leaving, tries "
          "Shift+Tab, Escape and the key combinations the page names"),
         understanding("no-keyboard-trap"), costly=True),
    Rule("click-keyboard-reachable", "serious", ("wcag2a", "wcag211", "cat.keyboard"),
         N_("Every element that acts on a click must be reachable with the keyboard"),
         ("Lists the page's click, mouse and pointer listeners through the browser's "
          "debugger and checks that each element listened on is in the Tab order, inside "
          "a control that is, or holds one"),
         understanding("keyboard")),
    # No criterion names covered text; a control under a cover fails 2.4.11 once it has
    # the focus, which focus-not-obscured checks by pressing Tab.
    Rule("content-obscured", "serious", ("best-practice", "cat.sensory-and-visual-cues"),
         N_("Text and controls must not stay covered by fixed or sticky elements wherever "
            "the page is scrolled"),
         ("Scrolls the page and each box that scrolls on its own from top to bottom and "
          "checks that every text and control is shown uncovered at some position, not "
          "only under a fixed or sticky header, footer, button or panel"),
         understanding("focus-not-obscured-minimum")),
    # The stand's own rules (a11y-audit stand): closed functionality, EN 301 549.
    Rule("stand-keypad-reach", "serious",
         ("wcag2a", "wcag211", "EN-301-549", "EN-5.1.6.1", "EN-9.2.1.1"),
         N_("Every visible control must be reachable with the keypad's arrow keys and "
            "with Tab"),
         ("Presses the Down arrow and Tab through the page and checks that each visible "
          "control takes the focus both ways"),
         understanding("keyboard"), audits=("stand",)),
    Rule("stand-keypad-trap", "critical",
         ("wcag2a", "wcag212", "EN-301-549", "EN-5.1.6.2", "EN-9.2.1.2"),
         N_("Keypad focus must be able to move away from every control"),
         ("Where the arrow keys stop, checks that Up, Tab or Shift+Tab moves the focus on"),
         understanding("no-keyboard-trap"), audits=("stand",)),
    Rule("stand-speech-key", "serious", ("EN-301-549", "EN-5.1.3.1", "EN-5.1.3.6"),
         N_("Every visible text and control must have speech (a data-say key)"),
         ("Checks that every visible text and control is inside an element with a speech "
          "key, so that speech mode can say it"),
         EN_301_549, audits=("stand",)),
    Rule("stand-speech-audio", "serious", ("EN-301-549", "EN-5.1.3.1", "EN-5.1.3.14"),
         N_("The speech audio of every text and control must exist, play and be "
            "audible"),
         ("Fetches the speech audio of every key the page can ask for and checks that it "
          "decodes, lasts long enough to be speech and is not silent"),
         EN_301_549, audits=("stand",)),
    Rule("stand-idle-warning", "serious",
         ("wcag2a", "wcag221", "EN-301-549", "EN-9.2.2.1"),
         N_("The idle reset must warn, with a control to extend and at least 20 "
            "seconds to use it"),
         ("Checks the stand's idle settings and warning dialog: a spoken control to "
          "extend the time, and a countdown of at least 20 seconds"),
         understanding("timing-adjustable"), audits=("stand",)),
    Rule("stand-content-covered", "serious",
         ("best-practice", "EN-301-549", "EN-5.1.4"),
         N_("Nothing on a stand's screen may lie over its text or controls"),
         ("Scrolls the page through at the stand's screen, in every mode, and checks that "
          "no fixed or sticky element (a button, a bar) lies over text or a control at "
          "any stop"),
         understanding("focus-not-obscured-minimum"), audits=("stand",)),
    Rule("stand-controls-first-screen", "serious",
         ("best-practice", "EN-301-549", "EN-5.1.4", "EN-8.3"),
         N_("The stand's languages, display modes, speech and call for assistance must "
            "be on the first screen"),
         ("Checks, as the page opens, that each language, display mode, speech and "
          "assistance control lies within the screen with nothing over it"),
         understanding("consistent-navigation"), audits=("stand",)),
    # No criterion requires it; a stand that needs the internet stops working offline,
    # and every outside request tells a third party a visitor is there.
    Rule("stand-outside-request", "serious", ("best-practice",),
         N_("A stand page must make no request outside the stand's own server"),
         ("Reads every request the page made while it loaded and while its keys were "
          "pressed, and checks that each went to the stand's own server"),
         "", audits=("stand",)),
)}
