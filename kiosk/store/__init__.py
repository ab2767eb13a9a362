"""The content store: published revisions of each organisation's content, in SQL."""

from kiosk.store.db import ContentStore, init_app, store
from kiosk.store.tables import Base

__all__ = ["Base", "ContentStore", "init_app", "store"]
