"""Alembic environment: migrations run on the connection ReviewDesk hands in (or on a URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from db.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.connect() as fresh:
            _migrate(fresh)
        return
    _migrate(connection)


def _migrate(connection: Connection) -> None:
    # render_as_batch: SQLite can only change tables by copying them (ALTER TABLE is limited).
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        # The full-text index belongs to db/search.py (SQLite-only), not to the migrated schema.
        include_name=lambda name, _type, _parent: not (name or "").startswith("search_"),
    )
    postgres = connection.dialect.name == "postgresql"
    with context.begin_transaction():
        if postgres:  # team libraries: tables belong to the lead role, and each role gets its rights
            from db.postgres import apply_grants, migrate_as_lead

            migrate_as_lead(connection)
            before = context.get_context().get_current_revision()
        context.run_migrations()
        if postgres and context.get_context().get_current_revision() != before:
            apply_grants(connection)


run()
