"""Stand content: the typed model, its validation and its YAML form."""

from kiosk.content.errors import ContentError
from kiosk.content.loader import dump_yaml, load_file, parse_yaml
from kiosk.content.model import Content

__all__ = ["Content", "ContentError", "dump_yaml", "load_file", "parse_yaml"]
