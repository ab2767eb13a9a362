"""Moved to :mod:`kiosk.auth.csrf`. This old import path is kept only for kiosk/auditing
(renamed to kiosk/audit on another branch) until the merge rewires it; nothing else may
import it (tests/test_layout.py)."""

from kiosk.auth.csrf import require_csrf  # noqa: F401
