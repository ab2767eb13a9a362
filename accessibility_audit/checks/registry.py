"""Every own check, in the order they run (see ``check.py`` for when each kind runs):
those that read the page at each viewport, those that drive it, then those made once
per page. Among the driving checks, those that scroll (the first screen, covered
content) go before the keypad's, which moves the focus; among those made once per page,
the language and text spacing checks and the click listeners' reach, which only read,
and the keyboard walk, at the last viewport, go before those that resize the page
(orientation, zoom, then the reflow check at 320 px, which leaves it so), and the
network check is last, as it reads every request of the visit."""

from __future__ import annotations

from accessibility_audit.checks import (
    clickable,
    covered,
    focus,
    language_check,
    media,
    orientation,
    reflow,
    spacing_clip,
    target_size,
    text_spacing,
    zoom,
)
from accessibility_audit.checks.check import Check
from accessibility_audit.checks.stand import first_screen, idle, keypad, network, speech

CHECKS: tuple[Check, ...] = (
    language_check.CHECK,
    text_spacing.CHECK,
    target_size.CHECK,
    reflow.AT_VIEWPORT,
    speech.CHECK,
    idle.CHECK,
    first_screen.CHECK,
    covered.CHECK,
    keypad.CHECK,
    clickable.CHECK,
    focus.CHECK,
    media.CHECK,
    spacing_clip.CHECK,
    orientation.CHECK,
    zoom.CHECK,
    reflow.AT_320,
    network.CHECK,
)
