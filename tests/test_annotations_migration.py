"""Migration 0003: the annotation tables exist at head, match the models, and downgrade cleanly."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect

from db.models import Base
from db.session import MIGRATIONS, open_library, schema_tables
from db.sqlite import configure_sqlite

TABLES = {"annotations", "review_states"}


def migrate(engine: Engine, action: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)


def test_fresh_library_has_the_annotation_tables(tmp_path: Path) -> None:
    library = open_library(tmp_path / "fresh.sqlite")
    try:
        assert set(schema_tables(library.engine)) >= TABLES
        columns = {c["name"] for c in inspect(library.engine).get_columns("annotations")}
        assert columns == {
            "id", "report_id", "report_sha256", "category", "severity", "status", "comment", "author",
            "created_at", "modified_at", "quote_exact", "quote_prefix", "quote_suffix",
            "position_start", "position_end", "text_hash", "orphan",
        }  # fmt: skip
        indexes = {i["name"] for i in inspect(library.engine).get_indexes("annotations")}
        assert {"ix_annotations_report_id", "ix_annotations_report_sha256"} <= indexes
        [link] = inspect(library.engine).get_foreign_keys("annotations")
        assert (link["referred_table"], link["options"].get("ondelete")) == ("reports", "SET NULL")
        [link] = inspect(library.engine).get_foreign_keys("review_states")
        assert (link["referred_table"], link["options"].get("ondelete")) == ("reports", "CASCADE")
        with library.engine.connect() as connection:
            diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert [d for d in diffs if TABLES & set(str(d).split("'"))] == []
    finally:
        library.close()


def test_downgrade_to_0002_and_back(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'lib.sqlite'}")
    configure_sqlite(engine)
    try:
        migrate(engine, "upgrade", "head")
        migrate(engine, "downgrade", "0002")
        assert not TABLES & set(schema_tables(engine))
        assert "reports" in schema_tables(engine)
        migrate(engine, "upgrade", "head")
        assert set(schema_tables(engine)) >= TABLES
    finally:
        engine.dispose()
