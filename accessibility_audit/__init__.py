"""Accessibility audits with axe-core in real headless Chromium.

So far it holds what the stand's own tests need: a browser that never downloads
anything, and an axe-core run with the project's standard set of rules."""
