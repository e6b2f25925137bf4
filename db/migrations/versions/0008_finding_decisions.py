"""finding decisions, and the rule an accepted finding's annotation came from

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "finding_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("report_sha256", sa.String(length=64), nullable=False),
        sa.Column("agency_key", sa.String(length=200), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("finding_id", sa.String(length=80), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("finding_key", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("quote_exact", sa.Text(), nullable=False),
        sa.Column("quote_prefix", sa.Text(), nullable=False),
        sa.Column("quote_suffix", sa.Text(), nullable=False),
        sa.Column("position_start", sa.Integer(), nullable=True),
        sa.Column("position_end", sa.Integer(), nullable=True),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("annotation_id", sa.String(length=36), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["annotation_id"], ["annotations.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("finding_decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_decisions_report_id"), ["report_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_finding_decisions_report_sha256"), ["report_sha256"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_finding_decisions_agency_key"), ["agency_key"], unique=False)
    # A plain added nullable column: no table copy on SQLite, an ALTER TABLE on servers.
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rule", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("finding_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_decisions_agency_key"))
        batch_op.drop_index(batch_op.f("ix_finding_decisions_report_sha256"))
        batch_op.drop_index(batch_op.f("ix_finding_decisions_report_id"))
    op.drop_table("finding_decisions")
    with op.batch_alter_table("annotations", schema=None) as batch_op:
        batch_op.drop_column("rule")
