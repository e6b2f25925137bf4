"""The SQLite specifics of the library, kept in one place (PostgreSQL needs none of them)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, event


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


@contextmanager
def foreign_keys_deferred(connection: Connection) -> Iterator[None]:
    """Foreign keys off while migrations rebuild tables, then checked as a whole.

    SQLite changes a table by copying it and dropping the old one; with foreign keys on, that drop
    would delete every row that points at the table (ON DELETE CASCADE). The pragma only works
    outside a transaction, so the caller opens its transaction inside this block.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    connection.commit()
    try:
        yield
    finally:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    connection.commit()
    if broken:
        raise RuntimeError(f"foreign keys broken after migration: {broken[:5]}")
