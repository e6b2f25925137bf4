"""report texts stored after the other report columns

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 17:40:00

SQLite reads a row's columns in order and follows a long text's overflow pages to reach the
columns after it: with the texts in the middle, listing 10,000 reports read every text. The table
is copied with the three big columns last (on servers the order changes nothing).
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SMALL = (
    "id",
    "agency",
    "agency_key",
    "region",
    "year",
    "title",
    "title_generated",
    "report_date",
    "published_date",
    "written_date",
    "source_name",
    "source_format",
    "sha256",
    "size",
    "is_annual_report",
    "missing_sections",
    "warnings",
    "source_metadata",
    "pipeline_version",
    "imported_at",
    "superseded_by_id",
)
TEXTS = ("original_text", "clean_text", "offset_map")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("reports", recreate="always", partial_reordering=[SMALL + TEXTS]):
        pass


def downgrade() -> None:
    pass  # the order is an optimisation; nothing depends on it
