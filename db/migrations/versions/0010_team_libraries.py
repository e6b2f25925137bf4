"""team libraries: versions on reviewers' rows, UTC times, conflict kinds, server-side search and notices

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 17:00:00

- ``version`` on annotations, review states and metadata corrections (optimistic locking), and
  ``annotations.modified_by``; ``annotation_conflicts.kind`` tells a package conflict from a save that
  lost a race with another reviewer's.
- Times become timezone-aware and are stored in UTC. They were this computer's local wall-clock
  times: SQLite's are converted in place, PostgreSQL's columns become ``timestamp with time zone``.
- PostgreSQL only: the search table (db/search_postgres.py) and a trigger per table that announces
  committed changes to other reviewers' windows (``NOTIFY``; db/postgres.py).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

VERSIONED = ("annotations", "review_states", "metadata_corrections")
TIMES = {
    "reports": ("id", ("imported_at",)),
    "comparison_summaries": ("report_id", ("computed_at",)),
    "metadata_corrections": ("id", ("corrected_at",)),
    "annotations": ("id", ("created_at", "modified_at")),
    "annotation_conflicts": ("id", ("detected_at",)),
    "review_states": ("report_id", ("updated_at",)),
    "report_links": ("id", ("decided_at",)),
    "figure_reviews": ("id", ("created_at", "modified_at")),
    "finding_decisions": ("id", ("decided_at",)),
}


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
            if table == "annotations":
                batch.add_column(sa.Column("modified_by", sa.String(length=100), nullable=True))
    with op.batch_alter_table("annotation_conflicts") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=20), server_default="package", nullable=False))
    if postgres:
        _server_times(to_utc=True)
        from db.postgres import install_server_objects

        install_server_objects(op.get_bind())
    else:
        _convert_file_times(to_utc=True)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        from db.postgres import remove_server_objects

        remove_server_objects(op.get_bind())
        _server_times(to_utc=False)
    else:
        _convert_file_times(to_utc=False)
    with op.batch_alter_table("annotation_conflicts") as batch:
        batch.drop_column("kind")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
            if table == "annotations":
                batch.drop_column("modified_by")


def _server_times(to_utc: bool) -> None:
    """``timestamp`` (local time of the computer that wrote it) ⇄ ``timestamp with time zone``."""
    offset = int((datetime.now().astimezone().utcoffset() or timedelta()).total_seconds())
    for table, (_key, columns) in TIMES.items():
        for column in columns:
            if to_utc:
                using = f"({column} - interval '{offset} seconds') AT TIME ZONE 'UTC'"
                kind = "timestamp with time zone"
            else:
                using = f"({column} AT TIME ZONE 'UTC') + interval '{offset} seconds'"
                kind = "timestamp without time zone"
            op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE {kind} USING {using}")


def _convert_file_times(to_utc: bool) -> None:
    """SQLite keeps times as text: rewrite each one (local ⇄ UTC, with this computer's time zone
    rules for that date, so summer time is right) in the format SQLAlchemy writes."""
    bind = op.get_bind()
    for table, (key, columns) in TIMES.items():
        for column in columns:
            rows = bind.execute(sa.text(f"SELECT {key}, {column} FROM {table} WHERE {column} IS NOT NULL"))
            changes = []
            for row_key, value in rows.all():
                moment = datetime.fromisoformat(str(value))
                if to_utc:
                    moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
                else:
                    moment = moment.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)
                changes.append({"k": row_key, "v": moment.isoformat(sep=" ", timespec="microseconds")})
            if changes:
                bind.execute(sa.text(f"UPDATE {table} SET {column} = :v WHERE {key} = :k"), changes)
