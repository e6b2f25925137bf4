"""Several reviewers on one library: optimistic versions, lost saves kept as conflicts, UTC times.

Runs on both backends (the ``library`` fixture); the race inside the database (two transactions that
read the same version) is PostgreSQL's, where reviewers' apps really write at the same time.
"""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest
from sqlalchemy import text

from db.session import Library
from desktop.core.annotations.concurrency import EditConflict, save_annotation_change
from desktop.core.annotations.review import get_review_state, set_review_state
from desktop.core.annotations.store import create_annotation, edit_annotation, get_annotation
from desktop.core.corrections import correct, correction_versions
from desktop.core.exchange.conflicts import list_conflicts, resolve_conflict
from desktop.core.importing import import_file
from desktop.core.library import get_report
from tests.helpers import sample

QUOTE = "执法力量与监管任务不相匹配"


def annotated(library: Library) -> tuple[int, str]:
    outcome = import_file(library.sessions, sample("shili_2024.docx"))
    assert outcome.ok and outcome.report_id
    with library.sessions.begin() as session:
        report = get_report(session, outcome.report_id, with_text=True)
        assert report is not None
        start = report.clean_text.index(QUOTE)
        made = create_annotation(
            session, report, start, start + len(QUOTE), category="问题查摆不深", author="甲审阅"
        )
        annotation_id = made.id
        assert made.version == 1
    return outcome.report_id, annotation_id


def save_comment(library: Library, annotation_id: str, version: int, comment: str, who: str) -> object:
    def change(session: object) -> None:
        edit_annotation(session, annotation_id, comment=comment, expected_version=version, by=who)  # type: ignore[arg-type]

    return save_annotation_change(library.sessions, annotation_id, version, change, {"comment": comment}, who)


def test_two_reviewers_edit_one_annotation_one_wins_the_other_is_kept(library: Library) -> None:
    _, annotation_id = annotated(library)
    with library.sessions() as session:  # both open the annotation: they see version 1
        seen = get_annotation(session, annotation_id).version
    first = save_comment(library, annotation_id, seen, "甲：原因分析不足", "甲审阅")
    second = save_comment(library, annotation_id, seen, "乙：未列整改时限", "乙审阅")
    assert first.saved and not second.saved  # type: ignore[attr-defined]
    assert "其他审阅人" in second.message  # type: ignore[attr-defined]
    with library.sessions() as session:
        stored = get_annotation(session, annotation_id)
        assert (stored.comment, stored.modified_by, stored.version) == ("甲：原因分析不足", "甲审阅", 2)
        [conflict] = list_conflicts(session)
    assert conflict.id == second.conflict_id and conflict.kind == "edit"  # type: ignore[attr-defined]
    assert conflict.local.comment == "甲：原因分析不足" and conflict.local.modified_by == "甲审阅"
    assert conflict.incoming.comment == "乙：未列整改时限" and conflict.incoming.author == "乙审阅"
    assert conflict.differences == ("comment",) and conflict.source == "乙审阅"

    with library.sessions.begin() as session:  # the reviewer takes the unsaved version after all
        resolve_conflict(session, conflict.id, "incoming")
    with library.sessions() as session:
        stored = get_annotation(session, annotation_id)
        assert (stored.comment, stored.modified_by, stored.version) == ("乙：未列整改时限", "乙审阅", 3)
        assert stored.sync_hashes is None  # a lost save is no review-package history
        assert list_conflicts(session) == []


def test_a_save_based_on_an_old_version_writes_nothing(library: Library) -> None:
    _, annotation_id = annotated(library)
    with library.sessions.begin() as session:
        edit_annotation(session, annotation_id, comment="第一次", expected_version=1, by="甲审阅")
    with pytest.raises(EditConflict), library.sessions.begin() as session:
        edit_annotation(session, annotation_id, comment="基于旧版本", expected_version=1, by="乙审阅")
    with library.sessions() as session:
        assert get_annotation(session, annotation_id).comment == "第一次"


def test_review_state_and_corrections_refuse_a_stale_save(library: Library) -> None:
    report_id, _ = annotated(library)
    with library.sessions.begin() as session:
        state = set_review_state(session, report_id, status="审阅中", reviewer="甲审阅", expected_version=0)
    assert state.version == 1 and state.updated_at is not None and state.updated_at.tzinfo is not None
    with pytest.raises(EditConflict), library.sessions.begin() as session:
        set_review_state(session, report_id, conclusion="乙的结论", reviewer="乙审阅", expected_version=0)
    with library.sessions() as session:
        assert (get_review_state(session, report_id).conclusion, state.reviewer) == ("", "甲审阅")

    with library.sessions.begin() as session:
        report = get_report(session, report_id)
        assert report is not None
        correct(session, report, "agency", "示例县司法局", "甲审阅", expected_version=0)
    with pytest.raises(EditConflict), library.sessions.begin() as session:
        report = get_report(session, report_id)
        assert report is not None
        correct(session, report, "agency", "某某镇人民政府", "乙审阅", expected_version=0)
    with library.sessions() as session:
        report = get_report(session, report_id)
        assert report is not None and report.agency == "示例县司法局"
        assert correction_versions(session, report.sha256) == {"agency": 1}


def test_times_are_timezone_aware_and_stored_in_utc(library: Library) -> None:
    _, annotation_id = annotated(library)
    with library.sessions() as session:
        created = get_annotation(session, annotation_id).created_at
        raw = session.execute(text("SELECT created_at FROM annotations")).scalar()
    assert created.tzinfo is not None and created.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert abs((datetime.now(timezone.utc) - created).total_seconds()) < 60
    if library.engine.dialect.name == "sqlite":  # the text holds the UTC wall-clock time
        assert datetime.fromisoformat(str(raw)).replace(tzinfo=timezone.utc) == created
    else:
        assert raw == created


def test_concurrent_transactions_on_a_server_cannot_both_win(library: Library) -> None:
    """Both transactions read version 1 before either writes: the database lets only one through."""
    if library.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time; the race is a server's")
    _, annotation_id = annotated(library)
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def reviewer(name: str) -> None:
        try:
            with library.sessions.begin() as session:
                annotation = get_annotation(session, annotation_id)
                barrier.wait(timeout=10)  # both have read version 1
                annotation.comment = f"{name}的意见"
                annotation.modified_by = name
                session.flush()
            results[name] = "saved"
        except Exception as error:  # the loser: StaleDataError from the versioned UPDATE
            results[name] = error

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in ("甲", "乙")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    outcomes = sorted(results.values(), key=lambda r: r != "saved")
    assert outcomes[0] == "saved" and type(outcomes[1]).__name__ == "StaleDataError"
    winner = next(n for n, r in results.items() if r == "saved")
    with library.sessions() as session:
        stored = get_annotation(session, annotation_id)
        assert (stored.comment, stored.version) == (f"{winner}的意见", 2)
