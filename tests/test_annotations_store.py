"""Annotations and review state in a real library, on a real imported sample report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from db import models
from db.session import Library
from desktop.core.annotations import (
    AnnotationError,
    TaxonomyError,
    attach_orphans_by_sha,
    create_annotation,
    delete_annotation,
    detached_annotations,
    edit_annotation,
    find_quote,
    get_annotation,
    get_review_state,
    list_annotations,
    load_taxonomy,
    reanchor_report,
    reanchor_reports,
    review_statuses,
    set_review_state,
    text_hash,
)
from desktop.core.importing import import_file
from tests.helpers import sample

QUOTE = "全年全市共检查生产经营单位2860家次"
OTHER = "同部署、同推进、同考核"


def imported(library: Library, name: str = "shili_2024.docx") -> int:
    outcome = import_file(library.sessions, sample(name))
    assert outcome.ok and outcome.report_id is not None, outcome.error
    return outcome.report_id


def annotate(library: Library, report_id: int, quote: str, occurrence: int = 1, **fields: str) -> str:
    with library.sessions.begin() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        start, end, _ = find_quote(report.clean_text, quote, occurrence)
        fields = {"category": "data_inconsistent", "comment": "数字与附表不一致", **fields}
        return create_annotation(session, report, start, end, **fields).id  # type: ignore[arg-type]


def listed(library: Library, report_id: int) -> list[dict[str, object]]:
    with library.sessions() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        return [v.as_json() for v in list_annotations(session, report)]


def change_text(library: Library, report_id: int, change: object) -> None:
    """What re-processing with a changed pipeline does: new clean text, then re-anchoring."""
    with library.sessions.begin() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        report.clean_text = change(report.clean_text)  # type: ignore[operator]
        reanchor_report(session, report)


def test_create_list_edit_delete(library: Library) -> None:
    report_id = imported(library)
    first = annotate(library, report_id, QUOTE, author="张审阅", severity="较重")
    second = annotate(library, report_id, OTHER, category="wording", comment="表述套话")
    items = listed(library, report_id)
    # Reading order, not creation order.
    assert [i["id"] for i in items] == [second, first]
    item = items[1]
    assert (item["category"], item["category_label"], item["severity"], item["status"]) == (
        "data_inconsistent",
        "数据不实或矛盾",
        "serious",
        "open",
    )
    assert (item["author"], item["comment"], item["text"], item["orphan"]) == (
        "张审阅",
        "数字与附表不一致",
        QUOTE,
        False,
    )
    assert item["quote"]["exact"] == QUOTE and len(item["quote"]["prefix"]) == 32  # type: ignore[index]
    assert items[0]["severity"] == "normal"  # the taxonomy's default
    assert len(first) == 36 and first.count("-") == 4  # a UUID, exchangeable between libraries

    with library.sessions.begin() as session:
        created = get_annotation(session, first).modified_at
        edit_annotation(session, first, comment="数字与附表不一致", category="数据不实或矛盾")
        assert get_annotation(session, first).modified_at == created  # nothing changed
        edited = edit_annotation(session, first, status="已处理", severity="critical", comment="已核实")
        assert (edited.status, edited.severity, edited.comment) == ("resolved", "critical", "已核实")
        assert edited.modified_at > created and edited.created_at == created
        with pytest.raises(AnnotationError, match="未知的问题类别"):
            edit_annotation(session, first, category="nonsense")
        delete_annotation(session, second)
    assert [i["id"] for i in listed(library, report_id)] == [first]
    with library.sessions() as session, pytest.raises(AnnotationError, match="没有编号"):
        get_annotation(session, second)


def test_create_refuses_bad_spans_and_unknown_terms(library: Library) -> None:
    report_id = imported(library)
    with library.sessions() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        with pytest.raises(AnnotationError, match="不在正文内"):
            create_annotation(session, report, 10, 10, category="other")
        with pytest.raises(AnnotationError, match="不在正文内"):
            create_annotation(session, report, 0, len(report.clean_text) + 1, category="other")
        with pytest.raises(AnnotationError, match="未知的问题类别"):
            create_annotation(session, report, 0, 5, category="typo")
        with pytest.raises(AnnotationError, match="未知的严重程度"):
            create_annotation(session, report, 0, 5, category="other", severity="致命")
        with pytest.raises(AnnotationError, match="找不到"):
            find_quote(report.clean_text, "这句话不在报告里")
        with pytest.raises(AnnotationError, match="出现 3 处"):
            find_quote(report.clean_text, "法治建设第一责任人职责", 4)


def test_reanchoring_after_text_changes(library: Library) -> None:
    report_id = imported(library)
    kept = annotate(library, report_id, OTHER)
    moved = annotate(library, report_id, QUOTE)
    edited = annotate(library, report_id, "坚持把法治建设成效作为衡量班子成员和科室负责人工作实绩的重要内容")
    gone = annotate(library, report_id, "首次组织开展危险化学品企业事故“双盲”应急演练")
    before = {i["id"]: i for i in listed(library, report_id)}

    # Same text: nothing moves.
    change_text(library, report_id, lambda t: t)
    assert {i["id"]: (i["start"], i["end"]) for i in listed(library, report_id)} == {
        k: (v["start"], v["end"]) for k, v in before.items()
    }

    insert_at = before[moved]["start"] - 5  # type: ignore[operator]
    inserted = "（全年共组织执法检查“回头看”两轮）"

    def rewrite(text: str) -> str:
        text = text[:insert_at] + inserted + text[insert_at:]
        text = text.replace("衡量班子成员", "衡量领导班子成员")
        return text.replace("首次组织开展危险化学品企业事故“双盲”应急演练，", "")

    change_text(library, report_id, rewrite)
    after = {i["id"]: i for i in listed(library, report_id)}
    assert (after[kept]["start"], after[kept]["orphan"]) == (before[kept]["start"], False)
    assert after[moved]["start"] == before[moved]["start"] + len(inserted)  # type: ignore[operator]
    assert after[moved]["text"] == QUOTE
    assert after[edited]["text"] == "坚持把法治建设成效作为衡量领导班子成员和科室负责人工作实绩的重要内容"
    assert (after[gone]["orphan"], after[gone]["start"], after[gone]["end"]) == (True, None, None)
    assert list(after)[-1] == gone  # orphans are listed, last

    with library.sessions() as session:
        rows = {a.id: a for a in session.scalars(select(models.Annotation))}
        report = session.get(models.Report, report_id)
        assert report is not None
        current = text_hash(report.clean_text)
    assert rows[gone].orphan and rows[gone].text_hash != current
    assert all(rows[i].text_hash == current and not rows[i].orphan for i in (kept, moved, edited))
    assert (rows[moved].position_start, rows[moved].quote_exact) == (after[moved]["start"], QUOTE)


def test_orphan_comes_back_when_the_text_does(library: Library) -> None:
    report_id = imported(library)
    gone = annotate(library, report_id, QUOTE)
    with library.sessions() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        original = report.clean_text
    change_text(library, report_id, lambda t: t.replace(QUOTE, "全年开展检查若干"))
    assert listed(library, report_id)[0]["orphan"] is True
    change_text(library, report_id, lambda _: original)
    item = listed(library, report_id)[0]
    assert (item["id"], item["orphan"], item["text"]) == (gone, False, QUOTE)


def test_reanchor_reports_convenience(library: Library) -> None:
    report_id = imported(library)
    annotate(library, report_id, QUOTE)
    with library.sessions.begin() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        report.clean_text = "新增一段。" + report.clean_text
    [summary] = reanchor_reports(library.sessions)
    assert (summary.report_id, summary.total, summary.moved, summary.orphaned) == (report_id, 1, 1, [])


def test_annotations_survive_deleting_and_reimporting_the_file(library: Library) -> None:
    report_id = imported(library)
    note = annotate(library, report_id, QUOTE, author="李审阅")
    with library.sessions.begin() as session:
        set_review_state(session, report_id, status="in_review")
        session.execute(delete(models.Report).where(models.Report.id == report_id))
    with library.sessions() as session:
        [detached] = detached_annotations(session)
        assert (detached.id, detached.report_id, detached.orphan) == (note, None, True)
        assert session.get(models.ReviewState, report_id) is None  # review state goes with the report

    # SQLite may hand the deleted report's id out again: the link is re-made by sha256, not by id.
    new_id = imported(library)
    with library.sessions.begin() as session:
        report = session.get(models.Report, new_id)
        assert report is not None
        summary = attach_orphans_by_sha(session, report)
    assert (summary.total, summary.orphaned) == (1, [])
    [item] = listed(library, new_id)
    assert (item["id"], item["report_id"], item["text"], item["author"]) == (note, new_id, QUOTE, "李审阅")
    other = imported(library, "shili_2023.docx")
    with library.sessions() as session:
        assert detached_annotations(session) == []
        report = session.get(models.Report, other)
        assert report is not None
        assert attach_orphans_by_sha(session, report).total == 0  # another file takes nothing


def test_review_state(library: Library) -> None:
    report_id = imported(library)
    with library.sessions.begin() as session:
        state = get_review_state(session, report_id)
        assert (state.status, state.status_label, state.updated_at) == ("unreviewed", "未审", None)
        set_review_state(session, report_id, status="审阅中", reviewer="王审阅")
        state = set_review_state(session, report_id, conclusion="基本符合要求，数据需核实。")
        assert (state.status, state.reviewer, state.conclusion) == (
            "in_review",
            "王审阅",
            "基本符合要求，数据需核实。",
        )
        with pytest.raises(AnnotationError, match="未知的审阅状态"):
            set_review_state(session, report_id, status="finished")
        with pytest.raises(AnnotationError, match="没有编号"):
            set_review_state(session, 999, status="done")
    with library.sessions.begin() as session:
        state = set_review_state(session, report_id, status="done")
        assert state.as_json()["status_label"] == "已完成" and state.updated_at is not None
        assert review_statuses(session) == {report_id: "done"}
        assert review_statuses(session, [report_id, 999]) == {report_id: "done", 999: "unreviewed"}


def test_builtin_taxonomy() -> None:
    taxonomy = load_taxonomy(None)
    assert [(c.key, c.label) for c in taxonomy.categories] == [
        ("missing_content", "内容缺项"),
        ("data_inconsistent", "数据不实或矛盾"),
        ("shallow_analysis", "问题查摆不深"),
        ("copied", "照搬往年"),
        ("wording", "表述不规范"),
        ("timeliness", "时效问题"),
        ("other", "其他"),
    ]
    assert all(c.label_en and c.color and c.color.startswith("#") for c in taxonomy.categories)
    assert [(s.key, s.label) for s in taxonomy.severities] == [
        ("normal", "一般"),
        ("serious", "较重"),
        ("critical", "严重"),
    ]
    assert [(s.key, s.label) for s in taxonomy.statuses] == [("open", "未处理"), ("resolved", "已处理")]
    assert (taxonomy.default_severity, taxonomy.default_status) == ("normal", "open")
    assert taxonomy.resolve_category("照搬往年") == taxonomy.resolve_category("copied") == "copied"
    assert taxonomy.resolve_severity("Critical") == "critical"


def test_user_taxonomy_replaces_lists(tmp_path: Path, library: Library) -> None:
    user = {
        "categories": [
            {"key": "legal_basis", "label": "依据不当", "label_en": "Legal basis", "color": "#112233"}
        ]
    }
    (tmp_path / "annotation_categories.json").write_text(
        json.dumps(user, ensure_ascii=False), encoding="utf-8"
    )
    taxonomy = load_taxonomy(tmp_path)
    assert [c.key for c in taxonomy.categories] == ["legal_basis"]
    assert [s.key for s in taxonomy.severities] == ["normal", "serious", "critical"]  # kept built-in

    # An annotation made under the built-in taxonomy is still shown, under its key.
    report_id = imported(library)
    annotate(library, report_id, QUOTE, category="copied")
    with library.sessions() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        [item] = list_annotations(session, report, taxonomy)
        assert (item.category, item.category_label) == ("copied", "copied")

    (tmp_path / "annotation_categories.json").write_text('{"categories": [{"key": "x"}]}', encoding="utf-8")
    with pytest.raises(TaxonomyError, match="条目不完整"):
        load_taxonomy(tmp_path)
    (tmp_path / "annotation_categories.json").write_text(
        '{"categories": [{"key": "x", "label": "某", "color": "red"}]}', encoding="utf-8"
    )
    with pytest.raises(TaxonomyError, match="#RRGGBB"):
        load_taxonomy(tmp_path)
    (tmp_path / "annotation_categories.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="无法读取"):
        load_taxonomy(tmp_path)
