"""The scanner's own checks: what axe-core cannot do, in axe-core's result shape.

As axe-core does, each rule's metadata is data (``rules.py``: id, impact, tags with
the level first and then the WCAG criteria, help, the W3C Understanding page);
as Lighthouse does, a small script gathers what a check needs in the page
(``gather/*.js``) and pure Python evaluates it (``language.py``, ``target_size.py``,
``reflow.py`` …), so the judgement is unit-tested without a browser.

The page auditor (``engine/audit.py``) runs the checks after axe at each viewport
and merges their entries into axe's result (violations, passes, incomplete,
inapplicable), so issues, the store, finding ids, diffs and every reporter treat
them as axe rules. Which run follows ``AuditSettings``: a rule runs when its level
tag is among the settings' tags (``wcag.tags_for("wcag22aaa")`` adds the AAA
ones), or when it is named in ``only``; ``skip`` leaves it out. On the command
line: ``--standard``, ``--best-practice``, ``--rule`` and ``--skip-rule``.

The checks look at the top document; frames are left to axe."""
