"""Exports from the window: memo, summary, annotation packages between two reviewers, conflicts."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from docx import Document
from pytestqt.qtbot import QtBot

from db.session import Library, open_library
from desktop.core.annotations import create_annotation, edit_annotation, list_annotations
from desktop.core.library import get_report
from desktop.ui.actions import LIBRARY_CONTEXT_MENU, context_menu
from desktop.ui.conflict_dialog import ConflictDialog
from desktop.ui.main_window import MainWindow
from tests.helpers import sample
from tests.ui.test_annotations_ui import make_window
from tests.ui.test_main_window import import_and_wait

QUOTE = "执法力量与监管任务不相匹配"


def annotate(library: Library, report_id: int, comment: str) -> str:
    with library.sessions.begin() as session:
        report = get_report(session, report_id, with_text=True)
        assert report is not None
        start = report.clean_text.index(QUOTE)
        made = create_annotation(
            session, report, start, start + len(QUOTE), category="shallow_analysis", comment=comment
        )
        return made.id


def finish(qtbot: QtBot, window: MainWindow, start: object, flow: object = None) -> object:
    with qtbot.waitSignal((flow or window.exports).finished, timeout=60000) as blocker:  # type: ignore[attr-defined]
        start()  # type: ignore[operator]
    _kind, result = blocker.args
    assert not isinstance(result, BaseException), result
    return result


def test_memo_and_summary_are_written_in_the_background(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    window.exports.show_results = False
    outcomes = import_and_wait(qtbot, window, [sample("shili_2023.docx"), sample("shili_2024.docx")])
    current = outcomes[-1].report_id
    qtbot.waitUntil(lambda: window.report_view.report_id == current)
    annotate(library, current, "只列现象，未分析原因。")
    window.report_view.review.conclusion.setPlainText("报告基本完整，问题查摆需深入。")
    memo = tmp_path / "memo.docx"
    assert finish(qtbot, window, lambda: window.exports.export_memo_to(current, memo)) == memo
    text = "\n".join(p.text for p in Document(str(memo)).paragraphs)
    assert "审查意见" in text and QUOTE in text and "只列现象" in text
    assert "问题查摆需深入" in text  # the conclusion typed a moment ago was saved first
    assert "王审阅" in text
    summary = tmp_path / "summary.xlsx"
    assert finish(qtbot, window, lambda: window.exports.export_summary_to(summary)) == 2
    sheet = openpyxl.load_workbook(summary).active
    assert sheet is not None and sheet.max_row == 3 and sheet.freeze_panes == "A2"
    assert "已导出审阅汇总" in window.statusBar().currentMessage()


def test_library_context_menu_offers_the_report_actions(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    menu = context_menu(window.table, window.actions_by_name, LIBRARY_CONTEXT_MENU)
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == [
        "action_show_comparison",
        "action_export_memo",
        "action_export_package",
        "action_edit_metadata",
        "action_choose_prior",
        "action_versions",
        "action_export_original",
        "action_delete_reports",
    ]


def test_packages_carry_annotations_between_two_reviewers_with_conflicts_resolved(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    # Reviewer A has the report and annotates it; reviewer B starts with an empty library.
    first = make_window(qtbot, library, tmp_path / "a.ini")
    first.exports.show_results = False
    report_id = import_and_wait(qtbot, first, [sample("shili_2024.docx")])[0].report_id
    annotation_id = annotate(library, report_id, "原因分析不足。")
    package = tmp_path / "a.rdpkg"
    finish(qtbot, first, lambda: first.exports.export_package_to([report_id], package, True))
    other = open_library(tmp_path / "b.sqlite")
    try:
        second = make_window(qtbot, other, tmp_path / "b.ini")
        second.packages.show_results = False
        stats = finish(qtbot, second, lambda: second.packages.import_package_from(package), second.packages)
        assert (stats.added, stats.reports_imported) == (1, 1)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: second.model.rowCount() == 1)
        # Both edit the same annotation; B's package comes back to A as a conflict.
        with other.sessions.begin() as session:
            edit_annotation(session, annotation_id, comment="B：建议补充原因分析。")
        with library.sessions.begin() as session:
            edit_annotation(session, annotation_id, severity="serious")
        back = tmp_path / "b.rdpkg"
        finish(qtbot, second, lambda: second.exports.export_package_to(None, back))
        first.packages.show_results = False
        stats = finish(qtbot, first, lambda: first.packages.import_package_from(back), first.packages)
        assert stats.conflicts == 1  # type: ignore[attr-defined]
        dialog = ConflictDialog(first.context, first)
        qtbot.addWidget(dialog)
        assert dialog.list.count() == 1 and "B：建议补充原因分析" in dialog.incoming.toPlainText()
        dialog.resolve_current("incoming")
        assert dialog.list.count() == 0 and dialog.resolved == 1
        with library.sessions() as session:
            report = get_report(session, report_id, with_text=True)
            assert report is not None
            (view,) = list_annotations(session, report)
        assert view.comment == "B：建议补充原因分析。" and view.start is not None
    finally:
        other.close()


def test_memo_export_warns_about_an_unconfirmed_agency(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from tests.test_memo_confirmed import UNSURE

    window = make_window(qtbot, library, tmp_path / "s.ini")
    path = tmp_path / "report.txt"
    path.write_text(UNSURE, encoding="utf-8")
    [outcome] = import_and_wait(qtbot, window, [path])
    qtbot.waitUntil(lambda: window.report_view.report_id == outcome.report_id)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.informativeText())
            box.button(QMessageBox.StandardButton.Cancel).click()  # no file dialog follows
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    window.exports.choose_memo()
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    assert "报告单位尚未确认" in seen[0] and "市司法局" in seen[0]
    assert "尚未填写总体审查结论" in seen[0]
