"""Display modes: standard, large type, high contrast, or both together.

The mode travels in the URL (``?mode=large-contrast``), so pages stay cacheable,
work without JavaScript or cookies, and the idle reset forgets it by going home.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Mode:
    large: bool = False
    contrast: bool = False

    @classmethod
    def parse(cls, value: str | None) -> Mode:
        parts = set((value or "").split("-"))
        return cls(large="large" in parts, contrast="contrast" in parts)

    @property
    def param(self) -> str | None:
        """The ``mode`` query value, or None for the standard mode (no parameter)."""
        parts = [name for name, on in (("large", self.large), ("contrast", self.contrast)) if on]
        return "-".join(parts) or None

    @property
    def css_classes(self) -> str:
        return " ".join(f"mode-{part}" for part in (self.param or "standard").split("-"))

    def toggled(self, aspect: str) -> Mode:
        return replace(self, **{aspect: not getattr(self, aspect)})


ALL_MODES: tuple[Mode, ...] = (Mode(), Mode(large=True), Mode(contrast=True), Mode(True, True))
