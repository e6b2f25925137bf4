"""The bin: a wrongly imported report is removed (hidden from list, search, summary, overview and
pairing), listed, restored with its id, annotations and review state, or deleted for good; on both
backends, and in a team library only by the lead."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from db import models
from db.paths import library_location
from db.postgres import ServerError
from db.session import Library, open_library
from db.types import utc_now
from desktop.cli import run
from desktop.core.annotations import create_annotation, find_quote, set_review_state
from desktop.core.annotations.review import get_review_state
from desktop.core.export.summary import summary_rows
from desktop.core.findings.service import current_report_ids
from desktop.core.importing import import_files
from desktop.core.library import get_report, list_reports
from desktop.core.overview.data import season_overview
from desktop.core.prior_year import find_prior
from desktop.core.report_admin import ReportNotFound
from desktop.core.report_bin import bin_reports, empty_bin, list_bin, restore_report
from desktop.core.search_service import search_library
from tests.test_team_server import team  # noqa: F401  (the fixture: a lead and a reviewer login)
from tests.version_files import QUOTE, report_text, write

AGENCY = "临江市公安局滨河区分局"
OTHER = "示例省教育厅"


@pytest.fixture
def season(library: Library, tmp_path: Path) -> Iterator[tuple[Library, list[int]]]:
    """This issuer's 2023 and 2024 reports (the 2023 one annotated and reviewed) and another's 2024."""
    files = [
        write(tmp_path, "a2023.txt", report_text(AGENCY, 2023)),
        write(tmp_path, "a2024.txt", report_text(AGENCY, 2024)),
        write(tmp_path, "b2024.txt", report_text(OTHER, 2024)),
    ]
    outcomes = import_files(library.sessions, files)
    ids = [o.report_id or 0 for o in outcomes]
    with library.sessions.begin() as session:
        report = get_report(session, ids[0], with_text=True)
        assert report is not None
        create_annotation(session, report, *find_quote(report.clean_text, QUOTE)[:2], category="其他")
        set_review_state(session, ids[0], status="已完成", reviewer="甲", conclusion="合格。")
    yield library, ids


def visible(library: Library, report_id: int) -> dict[str, bool]:
    with library.sessions() as session:
        newer = session.scalar(
            select(models.Report).where(models.Report.year == 2024, models.Report.agency == AGENCY)
        )
        assert newer is not None
        prior = find_prior(session, newer)
        seen = {
            "list": report_id in {r.id for r in list_reports(session)},
            "summary": report_id in {r.report_id for r in summary_rows(session)},
            "overview": report_id in {r.report_id for r in season_overview(session, 2023).rows},
            "findings": report_id in current_report_ids(session),
            "pairing": prior is not None and prior.id == report_id,
        }
    seen["search"] = report_id in {h.report_id for h in search_library(library.sessions, "案卷评查")}
    return seen


def test_a_binned_report_is_hidden_and_comes_back_whole(season: tuple[Library, list[int]]) -> None:
    library, (old, new, other) = season
    assert all(visible(library, old).values())
    result = bin_reports(library.sessions, [old], by="组长")
    assert result.binned == [old] and new in result.recompared
    assert not any(visible(library, old).values()), visible(library, old)
    with library.sessions() as session:
        [entry] = list_bin(session)
        assert (entry.report_id, entry.agency, entry.year, entry.annotations, entry.binned_by) == (
            old,
            AGENCY,
            2023,
            1,
            "组长",
        )
        summary = session.get(models.ComparisonSummary, new)
        assert summary is not None and summary.prior_id is None  # compared afresh: no prior now
    restored = restore_report(library.sessions, old)
    assert (restored.report_id, restored.original_id, restored.annotations) == (old, old, 1)
    assert all(visible(library, old).values())
    with library.sessions() as session:
        assert list_bin(session) == []
        state = get_review_state(session, old)
        assert (state.status, state.reviewer, state.conclusion) == ("done", "甲", "合格。")
        summary = session.get(models.ComparisonSummary, new)
        assert summary is not None and summary.prior_id == old
        assert {r.id for r in list_reports(session)} == {old, new, other}


def test_unknown_ids_bin_nothing_and_the_bin_empties_by_age(season: tuple[Library, list[int]]) -> None:
    library, (old, new, other) = season
    with pytest.raises(ReportNotFound, match="999"):
        bin_reports(library.sessions, [new, 999])
    with library.sessions() as session:
        assert len(list_reports(session)) == 3
    bin_reports(library.sessions, [old, other])
    with library.sessions.begin() as session:  # one of them binned ten days ago
        session.execute(
            update(models.BinnedReport)
            .where(models.BinnedReport.report_id == other)
            .values(binned_at=utc_now() - timedelta(days=10))
        )
    assert empty_bin(library.sessions, older_than_days=7) == [other]
    with library.sessions() as session:
        assert [e.report_id for e in list_bin(session)] == [old]
    assert empty_bin(library.sessions) == [old]
    with library.sessions() as session:
        assert list_bin(session) == []
        # Deleted for good; the annotation stays detached, as a deleted report's always did.
        assert [a.report_id for a in session.scalars(select(models.Annotation))] == [None]
    with pytest.raises(ReportNotFound, match="回收站中没有"):
        restore_report(library.sessions, old)


def test_importing_a_binned_file_again_restores_it(season: tuple[Library, list[int]], tmp_path: Path) -> None:
    library, (old, _new, _other) = season
    bin_reports(library.sessions, [old])
    [outcome] = import_files(library.sessions, [tmp_path / "a2023.txt"])
    assert outcome.ok and outcome.restored_from_bin and outcome.report_id == old
    assert any("从回收站恢复" in w for w in outcome.warnings)
    with library.sessions() as session:
        assert list_bin(session) == [] and get_review_state(session, old).status == "done"


def test_binning_a_new_version_gives_its_review_back_to_the_old_one(library: Library, tmp_path: Path) -> None:
    [first] = import_files(library.sessions, [write(tmp_path, "v1.txt", report_text(AGENCY))])
    with library.sessions.begin() as session:
        report = get_report(session, first.report_id or 0, with_text=True)
        assert report is not None
        create_annotation(session, report, *find_quote(report.clean_text, QUOTE)[:2], category="其他")
        set_review_state(session, report.id, status="审阅中")
    [second] = import_files(
        library.sessions, [write(tmp_path, "v2.txt", report_text(AGENCY, corrected=True))]
    )
    assert second.carry and second.carry["annotations"] == 1
    result = bin_reports(library.sessions, [second.report_id or 0])
    assert result.current_again == [first.report_id]
    with library.sessions() as session:
        assert [a.report_id for a in session.scalars(select(models.Annotation))] == [first.report_id]
        assert get_review_state(session, first.report_id or 0).status == "in_review"
    restore_report(library.sessions, second.report_id or 0)  # and back again, review with it
    with library.sessions() as session:
        assert [a.report_id for a in session.scalars(select(models.Annotation))] == [second.report_id]
        assert get_review_state(session, second.report_id or 0).status == "in_review"
        older = session.get(models.Report, first.report_id)
        assert older is not None and older.superseded_by_id == second.report_id


def test_the_command_line_bin(season: tuple[Library, list[int]], capsys: pytest.CaptureFixture[str]) -> None:
    library, (old, new, _other) = season
    where = library_location(library.url)
    assert run(["delete-reports", str(old), "--library", where]) == 0
    out = capsys.readouterr().out
    assert "移入回收站" in out and f"reviewdesk restore-report {old}" in out
    assert run(["bin", "--library", where]) == 0
    assert AGENCY in capsys.readouterr().out
    assert run(["bin", "--library", where, "--json"]) == 0
    assert [e["report_id"] for e in json.loads(capsys.readouterr().out)] == [old]
    assert run(["list", "--library", where, "--json"]) == 0
    assert old not in {r["id"] for r in json.loads(capsys.readouterr().out)}
    assert run(["restore-report", str(old), "--library", where]) == 0
    assert f"已从回收站恢复为报告 #{old}" in capsys.readouterr().out
    assert run(["restore-report", str(old), "--library", where]) == 1
    assert "回收站中没有" in capsys.readouterr().err
    assert run(["delete-reports", str(new), "--library", where]) == 0
    assert run(["empty-bin", "--older-than", "30", "--library", where]) == 0
    assert "没有需要删除" in capsys.readouterr().out
    assert run(["empty-bin", "--library", where, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"deleted": [new]}
    with library.sessions() as session:
        assert list_bin(session) == []


def test_only_the_lead_bins_and_empties(team: dict[str, str], tmp_path: Path) -> None:  # noqa: F811
    lead = open_library(team["lead"])
    try:
        [outcome] = import_files(lead.sessions, [write(tmp_path, "a.txt", report_text(AGENCY))])
        report_id = outcome.report_id or 0
        bin_reports(lead.sessions, [report_id], by="组长")
        restore_report(lead.sessions, report_id)
    finally:
        lead.close()
    reviewer = open_library(team["reviewer"])
    try:
        with pytest.raises(ServerError, match="权限"):
            bin_reports(reviewer.sessions, [report_id], by="审阅人")
        with reviewer.sessions() as session:
            assert list_bin(session) == []  # a reviewer may read the bin
            assert session.get(models.Report, report_id) is not None
    finally:
        reviewer.close()
    lead = open_library(team["lead"])
    try:
        bin_reports(lead.sessions, [report_id])
    finally:
        lead.close()
    reviewer = open_library(team["reviewer"])
    try:
        with pytest.raises(ServerError, match="权限"):
            empty_bin(reviewer.sessions)
        with pytest.raises(ServerError, match="权限"):
            restore_report(reviewer.sessions, report_id)
        with reviewer.sessions() as session:
            assert [e.report_id for e in list_bin(session)] == [report_id]
    finally:
        reviewer.close()
