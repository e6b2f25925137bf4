"""A resubmitted report keeps its review: annotations (re-anchored, orphans kept), status, conclusion
and the reviewer's decisions move to the new version on import, the summary says so, and the whole
carry is undone as a unit; on both backends, for made-up issuers of several kinds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from db import models
from db.session import Library
from desktop.cli import run
from desktop.core.annotations import create_annotation, edit_annotation, find_quote, set_review_state
from desktop.core.annotations.concurrency import EditConflict
from desktop.core.annotations.review import get_review_state
from desktop.core.annotations.store import annotations_of, list_annotations
from desktop.core.export.summary import summary_rows
from desktop.core.findings.service import decide, report_findings
from desktop.core.identity_summary import summary_lines
from desktop.core.importing import ImportOutcome, import_files
from desktop.core.library import get_report
from desktop.core.metrics.reviews import review_figure
from desktop.core.metrics.store import default_catalog
from desktop.core.version_carry import carry_to, undo_last_carry
from tests.test_team_server import team  # noqa: F401  (the fixture: a lead and a reviewer login)
from tests.version_files import CONFIDENT, GONE, QUOTE, report_text, write


def import_one(library: Library, path: Path, carry: bool = True) -> ImportOutcome:
    [outcome] = import_files(library.sessions, [path], carry=carry)
    assert outcome.ok, outcome.error
    return outcome


def review_first_version(library: Library, report_id: int) -> dict[str, object]:
    """Two annotations (one on a passage the correction drops), a status and conclusion, a figure
    confirmed and a finding dismissed; returns what was made."""
    with library.sessions.begin() as session:
        report = get_report(session, report_id, with_text=True)
        assert report is not None
        kept = create_annotation(
            session, report, *find_quote(report.clean_text, QUOTE)[:2], category="数据不实或矛盾", author="甲"
        )
        gone = create_annotation(
            session, report, *find_quote(report.clean_text, GONE)[:2], category="其他", author="甲"
        )
        set_review_state(session, report_id, status="审阅中", reviewer="甲", conclusion="数据需核实。")
        figure = session.scalar(
            select(models.MetricMention).where(
                models.MetricMention.report_id == report_id, models.MetricMention.key.is_not(None)
            )
        )
        assert figure is not None
        review_figure(session, figure.id, "confirmed", default_catalog(), author="甲")
        found = report_findings(session, report_id)
        assert found is not None and found.open
        decide(session, report_id, found.open[0].id, "dismissed", author="甲")
        return {"kept": kept.id, "gone": gone.id, "kept_start": kept.position_start}


@pytest.mark.parametrize("agency", CONFIDENT)
def test_a_corrected_version_takes_the_review_with_it(library: Library, tmp_path: Path, agency: str) -> None:
    first = import_one(library, write(tmp_path, "v1.txt", report_text(agency)))
    assert first.report_id is not None
    made = review_first_version(library, first.report_id)
    second = import_one(library, write(tmp_path, "v2.txt", report_text(agency, corrected=True)))
    assert second.superseded == [first.report_id] and second.current_id == second.report_id
    carried = second.carry
    assert carried is not None and carried["carry_id"]
    assert (carried["annotations"], carried["anchored"], carried["orphaned"]) == (2, 1, 1)
    assert (carried["status"], carried["reviewer"], carried["conclusion"]) == ("in_review", "甲", True)
    assert (carried["figure_reviews"], carried["finding_decisions"]) == (1, 1)
    lines = summary_lines(second)
    assert any(f"取代了旧版本 #{first.report_id}" in line for line in lines)
    assert any("1 条已定位到新文本，1 条原文已无法定位" in line and "审阅中" in line for line in lines)
    with library.sessions() as session:
        report = get_report(session, second.report_id or 0, with_text=True)
        assert report is not None
        views = {v.id: v for v in list_annotations(session, report)}
        assert set(views) == {made["kept"], made["gone"]}  # the orphan is kept, never dropped
        assert views[made["gone"]].orphan and not views[made["kept"]].orphan
        assert views[made["kept"]].text == QUOTE  # re-anchored on the new text
        assert annotations_of(session, first.report_id) == []
        state = get_review_state(session, report.id)
        assert (state.status, state.reviewer, state.conclusion) == ("in_review", "甲", "数据需核实。")
        found = report_findings(session, report.id)
        assert found is not None and any(f.decision == "dismissed" for f in found.findings)
        reviews = session.scalars(select(models.FigureReview.report_sha256)).all()
        assert reviews == [report.sha256]
        [row] = [r for r in summary_rows(session) if r.agency == agency]
        assert (row.report_id, row.review_status, row.annotations) == (report.id, "in_review", 2)


def test_undo_puts_everything_back_as_it_was(library: Library, tmp_path: Path) -> None:
    agency = CONFIDENT[1]
    first = import_one(library, write(tmp_path, "v1.txt", report_text(agency)))
    assert first.report_id is not None
    made = review_first_version(library, first.report_id)
    with library.sessions() as session:
        before = {
            a.id: (a.report_id, a.report_sha256, a.position_start, a.text_hash, a.orphan)
            for a in session.scalars(select(models.Annotation))
        }
        sha = session.scalar(select(models.Report.sha256).where(models.Report.id == first.report_id))
    second = import_one(library, write(tmp_path, "v2.txt", report_text(agency, corrected=True)))
    assert second.report_id is not None
    undone = undo_last_carry(library.sessions, second.report_id, by="甲")
    assert (undone.annotations, undone.review_restored, undone.figure_reviews, undone.finding_decisions) == (
        2,
        True,
        1,
        1,
    )
    assert undone.older_ids == (first.report_id,)
    with library.sessions() as session:
        after = {
            a.id: (a.report_id, a.report_sha256, a.position_start, a.text_hash, a.orphan)
            for a in session.scalars(select(models.Annotation))
        }
        assert after == before and after[str(made["kept"])][2] == made["kept_start"]
        assert get_review_state(session, second.report_id).status == "unreviewed"
        assert get_review_state(session, first.report_id).conclusion == "数据需核实。"
        assert session.scalars(select(models.FigureReview.report_sha256)).all() == [sha]
        decision = session.scalar(select(models.FindingDecision))
        assert decision is not None and (decision.report_id, decision.report_sha256) == (first.report_id, sha)
    with pytest.raises(Exception, match="没有从旧版本转移来的审阅记录"):
        undo_last_carry(library.sessions, second.report_id)
    again = carry_to(library.sessions, second.report_id)  # and carried again on request
    assert (again.annotations, again.status) == (2, "in_review")


def test_undo_refuses_when_the_carried_review_changed_since(library: Library, tmp_path: Path) -> None:
    agency = CONFIDENT[2]
    first = import_one(library, write(tmp_path, "v1.txt", report_text(agency)))
    assert first.report_id is not None
    made = review_first_version(library, first.report_id)
    second = import_one(library, write(tmp_path, "v2.txt", report_text(agency, corrected=True)))
    assert second.report_id is not None
    with library.sessions.begin() as session:  # another reviewer edits a carried annotation
        edit_annotation(session, str(made["kept"]), comment="新版本中仍有此问题", by="乙")
    with pytest.raises(EditConflict, match="1 条转移过来的批注"):
        undo_last_carry(library.sessions, second.report_id)
    with library.sessions() as session:  # nothing was moved back
        assert {a.report_id for a in session.scalars(select(models.Annotation))} == {second.report_id}
        assert get_review_state(session, second.report_id).status == "in_review"


def test_a_carry_that_loses_a_race_writes_nothing(library: Library, tmp_path: Path) -> None:
    """Optimistic versions: an annotation saved by another reviewer between the carry's read and its
    write makes the carry a conflict, not an overwrite."""
    agency = CONFIDENT[0]
    first = import_one(library, write(tmp_path, "v1.txt", report_text(agency)))
    assert first.report_id is not None
    made = review_first_version(library, first.report_id)
    second = import_one(library, write(tmp_path, "v2.txt", report_text(agency, corrected=True)), carry=False)
    assert second.carry is None and second.report_id is not None
    from desktop.core.annotations.carry import carry_review

    with pytest.raises(EditConflict, match="审阅记录未转移"), library.sessions.begin() as session:
        newer = get_report(session, second.report_id, with_text=True)
        older = get_report(session, first.report_id)
        assert newer is not None and older is not None
        held = annotations_of(session, older.id)  # read here, at version 1 (and held: the session's
        assert [a.version for a in held] == [1, 1]  # identity map is weak) …
        with library.sessions.begin() as other:  # … saved by another reviewer meanwhile
            edit_annotation(other, str(made["kept"]), comment="乙的修改", by="乙")
        carry_review(session, newer, [older], "甲")
    with library.sessions() as session:
        kept = session.get(models.Annotation, made["kept"])
        assert kept is not None and (kept.report_id, kept.comment) == (first.report_id, "乙的修改")
        assert session.scalars(select(models.VersionCarry)).all() == []


def test_a_new_version_keeps_its_own_review_state(library: Library, tmp_path: Path) -> None:
    agency = CONFIDENT[0]
    first = import_one(library, write(tmp_path, "v1.txt", report_text(agency)))
    second = import_one(library, write(tmp_path, "v2.txt", report_text(agency, corrected=True)), carry=False)
    assert first.report_id and second.report_id
    with library.sessions.begin() as session:
        set_review_state(session, first.report_id, status="已完成", conclusion="旧版本的结论")
        set_review_state(session, second.report_id, status="审阅中", conclusion="新版本的结论")
    result = carry_to(library.sessions, second.report_id, by="甲")
    assert result.status is None and any("未覆盖" in note for note in result.notes)
    with library.sessions() as session:
        assert get_review_state(session, second.report_id).conclusion == "新版本的结论"


def test_the_command_line_carries_lists_and_undoes(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from db.paths import library_location

    where = library_location(library.url)
    agency = CONFIDENT[1]
    assert run(["import", str(write(tmp_path, "v1.txt", report_text(agency))), "--library", where]) == 0
    capsys.readouterr()
    with library.sessions.begin() as session:
        set_review_state(session, 1, status="已完成", reviewer="甲", conclusion="合格。")
    v2 = write(tmp_path, "v2.docx", report_text(agency, corrected=True))
    assert run(["import", str(v2), "--library", where]) == 0
    out = capsys.readouterr().out
    assert "取代了旧版本 #1" in out and "审阅状态“已完成”" in out and "reviewdesk carry 2 --undo" in out
    assert run(["list", "--library", where, "--json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [2]  # current versions only
    assert run(["list", "--all", "--library", where, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {(r["id"], r["current"], r["superseded_by"]) for r in listed} == {(1, False, 2), (2, True, None)}
    assert run(["list", "--all", "--library", where]) == 0
    assert "（已被 #2 取代）" in capsys.readouterr().out
    assert run(["carry", "2", "--undo", "--library", where, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["review_restored"] is True
    assert run(["carry", "2", "--undo", "--library", where]) == 2
    assert "没有从旧版本转移来的审阅记录" in capsys.readouterr().err
    assert run(["carry", "2", "--library", where]) == 0
    assert "审阅状态“已完成”" in capsys.readouterr().out
    v3 = write(tmp_path, "v3.txt", report_text(agency, corrected=True).replace("36条", "38条"))
    assert run(["import", str(v3), "--no-carry", "--library", where, "--json"]) == 0
    [outcome] = json.loads(capsys.readouterr().out)
    assert outcome["superseded"] == [2] and outcome["carry"] is None


def test_an_unsure_township_carries_once_the_reviewer_confirms_the_version(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """桃源镇人民政府 names no county: its versions are not matched automatically (it says so), and
    confirming one (``reviewdesk version OLD --of NEW``) carries the review; ``--undo`` gives it back."""
    from db.paths import library_location

    where = library_location(library.url)
    first = import_one(library, write(tmp_path, "v1.txt", report_text("桃源镇人民政府")))
    second = import_one(library, write(tmp_path, "v2.txt", report_text("桃源镇人民政府", corrected=True)))
    assert first.report_id == 1 and second.report_id == 2 and second.superseded == [] and second.carry is None
    assert any("可能与 #1" in line for line in summary_lines(second))
    with library.sessions.begin() as session:
        report = get_report(session, 1, with_text=True)
        assert report is not None
        create_annotation(session, report, *find_quote(report.clean_text, QUOTE)[:2], category="其他")
        set_review_state(session, 1, status="审阅中")
    assert run(["version", "1", "--of", "2", "--library", where, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["superseded_by"] == 2 and result["carry"]["annotations"] == 1
    with library.sessions() as session:
        assert get_review_state(session, 2).status == "in_review"
    assert run(["version", "1", "--undo", "--library", where]) == 0
    with library.sessions() as session:
        assert [a.report_id for a in session.scalars(select(models.Annotation))] == [1]
        assert get_review_state(session, 2).status == "unreviewed"


def test_a_reviewer_undoes_and_redoes_a_carry_in_a_team_library(team: dict[str, str], tmp_path: Path) -> None:  # noqa: F811
    """Carrying moves only a reviewer's kind of rows: the server lets a reviewer's login do it."""
    from db.session import open_library

    agency = CONFIDENT[2]
    lead = open_library(team["lead"])
    try:
        first = import_one(lead, write(tmp_path, "v1.txt", report_text(agency)))
        with lead.sessions.begin() as session:
            set_review_state(session, first.report_id or 0, status="审阅中", reviewer="组长")
        second = import_one(lead, write(tmp_path, "v2.txt", report_text(agency, corrected=True)))
        assert second.carry and second.carry["status"] == "in_review"
    finally:
        lead.close()
    reviewer = open_library(team["reviewer"])
    try:
        undone = undo_last_carry(reviewer.sessions, second.report_id or 0, by="乙")
        assert undone.review_restored
        again = carry_to(reviewer.sessions, second.report_id or 0, by="乙")
        assert again.status == "in_review"
    finally:
        reviewer.close()


def test_undoing_one_superseding_keeps_the_rest_of_a_shared_carry(library: Library, tmp_path: Path) -> None:
    """A carry from two earlier versions is one unit; making one of them current again gives it its
    review back and leaves the other's on the new version."""
    from desktop.core.identity_links import mark_earlier_version, restore_version

    agency = "桃源镇人民政府"  # unsure: nothing is matched automatically, the reviewer decides
    ids = []
    for name, text in (
        ("a.txt", report_text(agency)),
        ("b.txt", report_text(agency).replace("36条", "35条")),
        ("n.txt", report_text(agency, corrected=True)),
    ):
        ids.append(import_one(library, write(tmp_path, name, text)).report_id or 0)
    first, second, newest = ids
    with library.sessions.begin() as session:
        for report_id in (first, second):
            report = get_report(session, report_id, with_text=True)
            assert report is not None
            create_annotation(session, report, *find_quote(report.clean_text, QUOTE)[:2], category="其他")
        newer = get_report(session, newest)
        assert newer is not None
        for report_id in (first, second):
            older = get_report(session, report_id)
            assert older is not None
            mark_earlier_version(session, newer, older, "甲")
    assert carry_to(library.sessions, newest, [first, second]).annotations == 2
    with library.sessions.begin() as session:
        older = get_report(session, first)
        assert older is not None
        restore_version(session, older, "甲")
    with library.sessions() as session:
        placed = sorted(a.report_id for a in session.scalars(select(models.Annotation)))
        assert placed == sorted([first, newest])
