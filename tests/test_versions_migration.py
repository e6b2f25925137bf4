"""Migration 0011 (carried reviews, the bin) on both backends: the head matches the models, an existing
library keeps its rows, and a downgrade removes only what 0011 added."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from db.models import Base
from db.paths import library_url
from db.session import migrate, open_library
from db.sqlite import configure_sqlite
from desktop.core.importing import import_files
from tests.conftest import library_location
from tests.version_files import CONFIDENT, report_text, write

NEW = {"version_carries", "report_bin"}


def test_head_matches_the_models(backend: str, tmp_path: Path) -> None:
    with library_location(backend, tmp_path) as location:
        library = open_library(location)
        try:
            assert set(inspect(library.engine).get_table_names()) >= NEW
            with library.engine.connect() as connection:
                diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
            assert [d for d in diffs if NEW & set(str(d).split("'"))] == []
        finally:
            library.close()


def test_an_existing_library_upgrades_and_downgrades(backend: str, tmp_path: Path) -> None:
    with library_location(backend, tmp_path) as location:
        library = open_library(location)
        try:
            import_files(library.sessions, [write(tmp_path, "a.txt", report_text(CONFIDENT[0]))])
        finally:
            library.close()
        engine = create_engine(library_url(location))
        configure_sqlite(engine)
        try:
            migrate(engine, "downgrade", "0010")
            assert not NEW & set(inspect(engine).get_table_names())
            migrate(engine, "upgrade", "head")
            assert set(inspect(engine).get_table_names()) >= NEW
            with engine.connect() as connection:
                assert connection.execute(text("SELECT count(*) FROM reports")).scalar() == 1
                assert connection.execute(text("SELECT count(*) FROM report_bin")).scalar() == 0
        finally:
            engine.dispose()
