"""Migration 0009: figure confidence columns and the figure_reviews table, on existing libraries too."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from db.models import Base
from db.session import migrate, open_library, schema_tables
from db.sqlite import configure_sqlite
from desktop.core.importing import import_file
from desktop.core.metrics.catalog import load_catalog
from desktop.core.metrics.reviews import review_figure
from tests.helpers import sample


def test_head_matches_the_models(tmp_path: Path) -> None:
    library = open_library(tmp_path / "fresh.sqlite")
    try:
        assert "figure_reviews" in schema_tables(library.engine)
        columns = {c["name"] for c in inspect(library.engine).get_columns("metric_mentions")}
        assert {"confidence", "doubt", "written"} <= columns
        with library.engine.connect() as connection:
            diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        touched = [d for d in diffs if {"figure_reviews", "metric_mentions"} & set(str(d).split("'"))]
        assert touched == []
    finally:
        library.close()


def test_existing_figures_become_sure_and_a_downgrade_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = open_library(path)
    report_id = import_file(library.sessions, sample("shili_2024.docx")).report_id
    with library.sessions.begin() as session:
        figure = session.execute(text("SELECT id FROM metric_mentions LIMIT 1")).scalar_one()
        review_figure(session, figure, "excluded", load_catalog())
    library.close()
    engine = create_engine(f"sqlite:///{path}")
    configure_sqlite(engine)
    try:
        with engine.connect() as connection:
            before = connection.execute(text("SELECT COUNT(*) FROM metric_mentions")).scalar_one()
        migrate(engine, "downgrade", "0006")
        assert "figure_reviews" not in schema_tables(engine)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT COUNT(*) FROM metric_mentions")).scalar_one() == before
        migrate(engine, "upgrade", "head")
        with engine.connect() as connection:
            confidences = connection.execute(
                text("SELECT DISTINCT confidence FROM metric_mentions")
            ).scalars()
            assert list(confidences) == ["sure"]
            rows = connection.execute(
                text("SELECT COUNT(*) FROM metric_mentions WHERE report_id = :id"), {"id": report_id}
            ).scalar_one()
        assert rows == before
    finally:
        engine.dispose()
