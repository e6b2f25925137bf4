"""figure confidence and the reviewer's decisions on figures

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "figure_reviews",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("report_sha256", sa.String(length=64), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("extracted_key", sa.String(length=40), nullable=True),
        sa.Column("extracted_value", sa.Float(), nullable=False),
        sa.Column("quote_exact", sa.Text(), nullable=False),
        sa.Column("quote_prefix", sa.Text(), nullable=False),
        sa.Column("quote_suffix", sa.Text(), nullable=False),
        sa.Column("position_start", sa.Integer(), nullable=False),
        sa.Column("position_end", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("modified_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_figure_reviews_report_sha256", "figure_reviews", ["report_sha256"], unique=False)
    # Existing figures were extracted before confidence existed; the catalog digest changes with this
    # release, so they are recomputed (with their confidence) the next time the library is opened.
    with op.batch_alter_table("metric_mentions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("confidence", sa.String(length=10), server_default="sure", nullable=False)
        )
        batch_op.add_column(sa.Column("doubt", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("written", sa.String(length=80), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("metric_mentions", schema=None) as batch_op:
        batch_op.drop_column("written")
        batch_op.drop_column("doubt")
        batch_op.drop_column("confidence")
    op.drop_index("ix_figure_reviews_report_sha256", table_name="figure_reviews")
    op.drop_table("figure_reviews")
