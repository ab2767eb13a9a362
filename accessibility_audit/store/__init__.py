"""Every scan kept in SQL (SQLite by default, any SQLAlchemy URL), in tables of
its own, apart from the kiosk's content store."""

from accessibility_audit.store.repository import Review, ScanHeader, Store, StoreError

__all__ = ["Review", "ScanHeader", "Store", "StoreError"]
