"""The SQLite specifics of the library, kept in one place (PostgreSQL needs none of them)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event


def configure_sqlite(engine: Engine) -> None:
    """WAL journal (readers never block the writer), foreign keys on, a busy timeout."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()
