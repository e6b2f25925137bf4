"""Findings of stored reports: decisions are kept in the library, survive re-processing, re-import
and a new version, undo exactly, and accepted findings reach the memo as annotations."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select

from db import models
from db.session import Library
from desktop.core.annotations import list_annotations
from desktop.core.export.memo_content import gather_memo
from desktop.core.findings.service import decide, report_findings
from desktop.core.importing import import_bytes, import_file, update_derived
from desktop.core.library import get_report
from desktop.core.reprocess import reprocess_report
from tests.findings_texts import Report
from tests.helpers import sample


def _import_samples(library: Library) -> tuple[int, int]:
    ids = [import_file(library.sessions, sample(n)).report_id for n in ("shili_2023.docx", "shili_2024.docx")]
    update_derived(library.sessions, [i for i in ids if i])
    assert ids[0] and ids[1]
    return ids[0], ids[1]


def _by_rule(library: Library, report_id: int, rule: str, key: str | None = None):  # type: ignore[no-untyped-def]
    with library.sessions() as session:
        result = report_findings(session, report_id)
    assert result is not None
    return [f for f in result.findings if f.rule == rule and (key is None or f.key == key)]


def test_the_sample_pair_is_flagged_as_copied_and_the_json_has_its_shape(library: Library) -> None:
    _prior, current = _import_samples(library)
    with library.sessions() as session:
        result = report_findings(session, current)
    assert result is not None
    data = result.as_json()
    assert data["report_id"] == current
    carried = [f for f in data["findings"] if f["rule"] == "carried_over"]
    assert {f["evidence"]["part"] for f in carried} == {"shortcomings", "next_year"}
    assert all(f["start"] < f["end"] and f["category"] == "copied" for f in carried)


def test_accept_makes_an_annotation_with_the_rule_that_reaches_the_memo(library: Library) -> None:
    _prior, current = _import_samples(library)
    [finding] = _by_rule(library, current, "carried_over", "shortcomings")
    with library.sessions.begin() as session:
        change = decide(session, current, finding.id, "accepted", author="审阅人甲")
    [accepted] = _by_rule(library, current, "carried_over", "shortcomings")
    assert accepted.decision == "accepted" and accepted.annotation_id == change.annotation["id"]  # type: ignore[index]
    with library.sessions() as session:
        report = get_report(session, current, with_text=True)
        assert report is not None
        [view] = list_annotations(session, report)
        memo = gather_memo(session, current)
    assert (view.rule, view.category, view.severity, view.author) == (
        "carried_over",
        "copied",
        "serious",
        "审阅人甲",
    )
    assert view.comment == finding.message and view.start == finding.start
    memo_findings = [f for g in memo.findings for c in g.categories for f in c.findings]
    assert [(f.rule, f.category) for f in memo_findings] == [("carried_over", "copied")]
    assert "照搬往年" in memo_findings[0].comment
    # Undo takes both the annotation and the decision back; redo restores them with the same ids.
    with library.sessions.begin() as session:
        change.undo(session)
    assert _by_rule(library, current, "carried_over", "shortcomings")[0].decision is None
    with library.sessions() as session:
        assert session.scalars(select(models.Annotation)).all() == []
    with library.sessions.begin() as session:
        change.redo(session)
    assert _by_rule(library, current, "carried_over", "shortcomings")[0].annotation_id == view.id


def test_dismissed_findings_stay_dismissed_after_reprocessing_and_reimport(library: Library) -> None:
    _prior, current = _import_samples(library)
    [finding] = _by_rule(library, current, "carried_over", "next_year")
    with library.sessions.begin() as session:
        decide(session, current, finding.id, "dismissed", author="乙")
    reprocess_report(library.sessions, current)
    assert _by_rule(library, current, "carried_over", "next_year")[0].decision == "dismissed"
    # Delete the report and import the same file again: the decision comes back with it.
    with library.sessions.begin() as session:
        session.execute(delete(models.Report).where(models.Report.id == current))
    again = import_file(library.sessions, sample("shili_2024.docx")).report_id
    assert again is not None
    update_derived(library.sessions, [again])
    assert _by_rule(library, again, "carried_over", "next_year")[0].decision == "dismissed"
    # Reopen: the finding is open again.
    with library.sessions.begin() as session:
        decide(session, again, finding.id, "open")
    assert _by_rule(library, again, "carried_over", "next_year")[0].decision is None


def test_a_new_version_of_the_report_keeps_the_decisions(library: Library) -> None:
    measures_with_slip = Report(agency="青石县司法局").parts[0].replace("（三）", "（）")
    first = Report(agency="青石县司法局").with_part(0, measures_with_slip)
    outcome = import_bytes(library.sessions, first.text().encode("utf-8"), "v1.txt")
    assert outcome.report_id
    [slip] = _by_rule(library, outcome.report_id, "bracket_slip")
    with library.sessions.begin() as session:
        decide(session, outcome.report_id, slip.id, "dismissed")
    # The resubmitted version adds a sentence earlier in the text: offsets move, the slip stays.
    second = Report(agency="青石县司法局", opening="现将2024年法治政府建设情况报告如下：").with_part(
        0, measures_with_slip.replace("全部被采纳。", "全部被采纳，办理时限平均缩短2天。")
    )
    newer = import_bytes(library.sessions, second.text().encode("utf-8"), "v2.txt")
    assert newer.report_id and newer.superseded == [outcome.report_id]
    [kept] = _by_rule(library, newer.report_id, "bracket_slip")
    assert kept.decision == "dismissed" and kept.start != slip.start


def test_findings_of_a_report_that_does_not_exist(library: Library, tmp_path: Path) -> None:
    with library.sessions() as session:
        assert report_findings(session, 999) is None
