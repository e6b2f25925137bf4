"""Migration 0006 copies the reports table with its texts last, losing nothing that points at it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from db.session import migrate, open_library
from db.sqlite import configure_sqlite
from desktop.core.annotations import create_annotation, set_review_state
from desktop.core.importing import import_file, update_derived
from desktop.core.library import get_report
from tests.helpers import library_fingerprint, sample

COUNTED = ("reports", "report_files", "sections", "metric_mentions", "annotations", "review_states")


def counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        return {t: connection.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in COUNTED}


def test_texts_move_last_and_every_linked_row_survives(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = open_library(path)
    ids = [import_file(library.sessions, sample(n)).report_id for n in ("shili_2023.docx", "shili_2024.docx")]
    update_derived(library.sessions, [i for i in ids if i])
    with library.sessions.begin() as session:
        report = get_report(session, ids[1] or 0, with_text=True)
        assert report is not None
        create_annotation(session, report, 0, 8, category="other", comment="保留")
        set_review_state(session, report.id, status="in_review", reviewer="甲", conclusion="基本完整")
    before, fingerprint = counts(library.engine), library_fingerprint(library)
    library.close()

    engine = create_engine(f"sqlite:///{path}")
    configure_sqlite(engine)
    try:
        # Down and up again: the copy of the table (the risky step) runs on a library full of links.
        migrate(engine, "downgrade", "0005")
        migrate(engine, "upgrade", "head")
        with engine.connect() as connection:
            columns = [row[1] for row in connection.execute(text("PRAGMA table_info(reports)"))]
            report_ids = connection.execute(text("SELECT report_id FROM annotations")).scalars().all()
            assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert columns[-3:] == ["original_text", "clean_text", "offset_map"]
        assert counts(engine) == before and report_ids == [ids[1]]
        # Foreign keys still cascade: deleting a report removes its sections and keeps the annotation.
        with engine.begin() as connection:
            connection.execute(text("DELETE FROM reports WHERE id = :id"), {"id": ids[1]})
            left = connection.execute(
                text("SELECT COUNT(*) FROM sections WHERE report_id = :id"), {"id": ids[1]}
            ).scalar_one()
            detached = connection.execute(text("SELECT report_id FROM annotations")).scalar_one()
        assert left == 0 and detached is None
    finally:
        engine.dispose()
    reopened = open_library(path)
    try:
        assert library_fingerprint(reopened)[0] == fingerprint[0] - 1
    finally:
        reopened.close()
