"""Migrations 0003 and 0005: the annotation tables exist at head, match the models, keep existing
annotations on upgrade, and downgrade cleanly."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from db.models import Base
from db.session import migrate, open_library, schema_tables
from db.sqlite import configure_sqlite

TABLES = {"annotations", "review_states"}


def test_fresh_library_has_the_annotation_tables(tmp_path: Path) -> None:
    library = open_library(tmp_path / "fresh.sqlite")
    try:
        assert set(schema_tables(library.engine)) >= TABLES
        columns = {c["name"] for c in inspect(library.engine).get_columns("annotations")}
        assert columns == {
            "id", "report_id", "report_sha256", "category", "severity", "status", "comment", "author",
            "created_at", "modified_at", "quote_exact", "quote_prefix", "quote_suffix",
            "position_start", "position_end", "text_hash", "orphan", "sync_hashes", "rule", "modified_by",
            "version",
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


def test_0005_keeps_existing_annotations_and_adds_conflicts(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'lib.sqlite'}")
    configure_sqlite(engine)
    try:
        migrate(engine, "upgrade", "0004")
        assert "annotation_conflicts" not in schema_tables(engine)
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO reports (id, source_name, source_format, sha256, size, title_generated,"
                    " is_annual_report, original_text, clean_text, offset_map, missing_sections, warnings,"
                    " source_metadata, pipeline_version, imported_at)"
                    " VALUES (1, 'a.txt', 'txt', :sha, 3, 0, 1, '正文。', '正文。', x'', '[]', '[]', '{}', 1,"
                    " '2026-01-01 00:00:00')"
                ),
                {"sha": "a" * 64},
            )
            connection.execute(
                text(
                    "INSERT INTO annotations (id, report_id, report_sha256, category, severity, status,"
                    " comment, author, created_at, modified_at, quote_exact, quote_prefix, quote_suffix,"
                    " position_start, position_end, text_hash, orphan)"
                    " VALUES ('11111111-2222-3333-4444-555555555555', 1, :sha, 'other', 'normal', 'open',"
                    " '旧批注', '甲', '2026-01-01 00:00:00', '2026-01-01 00:00:00', '正文', '', '。', 0, 2,"
                    " :sha, 0)"
                ),
                {"sha": "a" * 64},
            )
        migrate(engine, "upgrade", "head")
        assert "annotation_conflicts" in schema_tables(engine)
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT id, report_id, comment, sync_hashes FROM annotations")
            ).all()
            diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert [tuple(r) for r in rows] == [("11111111-2222-3333-4444-555555555555", 1, "旧批注", None)]
        assert [d for d in diffs if {"annotation_conflicts", "sync_hashes"} & set(str(d).split("'"))] == []
        [link] = inspect(engine).get_foreign_keys("annotation_conflicts")
        assert (link["referred_table"], link["options"].get("ondelete")) == ("annotations", "CASCADE")
        migrate(engine, "downgrade", "0004")
        assert "annotation_conflicts" not in schema_tables(engine)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT comment FROM annotations")).scalar_one() == "旧批注"
        migrate(engine, "upgrade", "head")
    finally:
        engine.dispose()
