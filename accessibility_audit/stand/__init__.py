"""Auditing a running information stand end to end (``a11y-audit stand URL``): every
page in every language and display mode at the stand's two orientations, through the
scanner's own engine, plus the checks only a stand needs (keypad, speech audio, the
idle warning, requests leaving the stand's server)."""
