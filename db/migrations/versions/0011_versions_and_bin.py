"""carried reviews of newer versions, and the bin of removed reports

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-10 10:00:00

- ``version_carries``: the annotations, review state and decisions carried from earlier versions of a
  report to a newer one, with what is needed to undo it.
- ``report_bin``: reports removed by mistake, with their original file, until the bin is emptied.

Both are plain tables; on a server the grants that run after every migration (db/postgres.py) let
reviewers write ``version_carries`` (it only moves their own kind of rows) and only read the bin.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    moment = sa.DateTime(timezone=True)
    op.create_table(
        "version_carries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("newer_id", sa.Integer(), nullable=False),
        sa.Column("newer_sha256", sa.String(length=64), nullable=False),
        sa.Column("older_ids", sa.JSON(), nullable=False),
        sa.Column("older_sha256s", sa.JSON(), nullable=False),
        sa.Column("moves", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("carried_by", sa.String(length=100), nullable=True),
        sa.Column("carried_at", moment, nullable=False),
        sa.Column("undone_by", sa.String(length=100), nullable=True),
        sa.Column("undone_at", moment, nullable=True),
        sa.ForeignKeyConstraint(["newer_id"], ["reports.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("version_carries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_version_carries_newer_id"), ["newer_id"], unique=False)
    op.create_table(
        "report_bin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source_name", sa.String(length=500), nullable=False),
        sa.Column("source_format", sa.String(length=10), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("imported_at", moment, nullable=False),
        sa.Column("binned_at", moment, nullable=False),
        sa.Column("binned_by", sa.String(length=100), nullable=True),
        sa.Column("saved", sa.JSON(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    with op.batch_alter_table("report_bin", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_bin_report_id"), ["report_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_bin", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_bin_report_id"))
    op.drop_table("report_bin")
    with op.batch_alter_table("version_carries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_version_carries_newer_id"))
    op.drop_table("version_carries")
