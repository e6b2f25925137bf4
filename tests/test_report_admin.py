"""Deleting reports (a lead's right): everything of the report goes, its annotations stay detached and
come back with the same file, an older version becomes current again; one transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db import models
from db.session import Library
from desktop.core.annotations.store import create_annotation
from desktop.core.importing import import_file
from desktop.core.library import get_report, list_reports
from desktop.core.report_admin import ReportNotFound, delete_reports
from desktop.core.search_service import search_library
from tests.helpers import sample


def test_deleting_a_report_keeps_its_annotations_and_restores_the_older_version(library: Library) -> None:
    older = import_file(library.sessions, sample("shili_2024.txt"))
    newer = import_file(library.sessions, sample("shili_2024.docx"))
    assert older.report_id and newer.report_id and newer.superseded == [older.report_id]
    with library.sessions.begin() as session:
        report = get_report(session, newer.report_id, with_text=True)
        assert report is not None
        start = report.clean_text.index("执法力量")
        create_annotation(session, report, start, start + 4, category="问题查摆不深", author="甲审阅")
    assert delete_reports(library.sessions, [newer.report_id]) == [older.report_id]
    with library.sessions() as session:
        assert [(r.id, r.current) for r in list_reports(session)] == [(older.report_id, True)]
        for table in (models.ReportFile, models.Section, models.MetricMention):
            column = next(iter(table.__table__.primary_key.columns))
            assert (
                session.scalar(
                    select(func.count(column)).select_from(table).where(table.report_id == newer.report_id)
                )
                == 0
            )  # type: ignore[attr-defined]
        [annotation] = session.scalars(select(models.Annotation)).all()
        assert annotation.report_id is None  # detached, kept by the file's sha256
    assert {h.report_id for h in search_library(library.sessions, "执法力量")} == {older.report_id}
    again = import_file(library.sessions, sample("shili_2024.docx"))
    with library.sessions() as session:
        [annotation] = session.scalars(select(models.Annotation)).all()
        assert annotation.report_id == again.report_id


def test_an_unknown_id_deletes_nothing(library: Library) -> None:
    outcome = import_file(library.sessions, sample("shili_2024.docx"))
    assert outcome.report_id
    with pytest.raises(ReportNotFound, match="999"):
        delete_reports(library.sessions, [outcome.report_id, 999])
    with library.sessions() as session:
        assert len(list_reports(session)) == 1


def test_delete_reports_on_the_command_line(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    from db.paths import library_location
    from desktop.cli import run

    outcome = import_file(library.sessions, sample("shili_2024.docx"))
    where = library_location(library.url)
    assert run(["delete-reports", "999", "--library", where]) == 2
    assert "没有编号为 999" in capsys.readouterr().err
    assert run(["delete-reports", str(outcome.report_id), "--library", where]) == 0
    assert "移入回收站" in capsys.readouterr().out  # to the bin, undoable (see test_report_bin.py)
    with library.sessions() as session:
        assert list_reports(session) == []
