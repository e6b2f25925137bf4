"""agency identity: confidence and evidence on reports, and the reviewer's version/prior decisions

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 09:00:00

``agency_key`` now means a *confident* identity (the report states its issuer and the place
resolves, or the reviewer confirmed it); keys written by earlier versions came from a suffix
search, so they are cleared here and come back when the reports are re-processed
(``reviewdesk reprocess``): until then nothing is superseded or paired automatically, which is the
safe side. On SQLite the new small columns go before the texts (see 0006).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SMALL = (
    "id", "agency", "agency_key", "region", "year", "title", "title_generated", "report_date",
    "published_date", "written_date", "source_name", "source_format", "sha256", "size",
    "is_annual_report", "missing_sections", "warnings", "source_metadata", "pipeline_version",
    "imported_at", "superseded_by_id", "agency_confident", "agency_evidence",
)  # fmt: skip
TEXTS = ("original_text", "clean_text", "offset_map")


def upgrade() -> None:
    op.create_table(
        "report_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("other_sha256", sa.String(length=64), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "sha256", "other_sha256"),
    )
    with op.batch_alter_table("report_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_links_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_report_links_other_sha256"), ["other_sha256"], unique=False)
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table(
        "reports",
        schema=None,
        recreate="always" if sqlite else "auto",
        partial_reordering=[SMALL + TEXTS] if sqlite else None,
    ) as batch_op:
        batch_op.add_column(
            sa.Column("agency_confident", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("agency_evidence", sa.JSON(), nullable=True))
    op.execute(sa.text("UPDATE reports SET agency_key = NULL"))


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("agency_evidence")
        batch_op.drop_column("agency_confident")
    with op.batch_alter_table("report_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_links_other_sha256"))
        batch_op.drop_index(batch_op.f("ix_report_links_sha256"))
    op.drop_table("report_links")
