"""The stand's own checks (``a11y-audit stand``), in the same framework as every own
check: keypad reach and traps with real key presses, speech keys and their audio, the
idle warning, and requests leaving the stand's server. Their rules (``stand-*`` in
``checks/rules.py``) belong to stand audits only; their scripts are in
``checks/gather/stand/``, with the stand's own selector helpers."""
