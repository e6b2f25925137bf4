"""Annotating in the window: select, add, undo, redo, edit, delete, and find it again after a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.session import Library, open_library
from desktop.ui.annotation_dialog import AnnotationDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import InlineRunner
from tests.helpers import sample
from tests.ui.test_main_window import import_and_wait


def make_window(qtbot: QtBot, library: Library, settings_path: Path) -> MainWindow:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "王审阅")
    window = MainWindow(settings, InlineRunner())  # operations finish before the next line
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        window.set_library(library)
    window.import_flow.show_summary = False
    window.show()
    return window


def answer_dialog(category_label: str, comment: str) -> None:
    """Fill the modal annotation dialog when it opens, as a reviewer would."""

    def fill() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, AnnotationDialog) and w.isVisible()
        )
        dialog.category.setCurrentIndex(dialog.category.findText(category_label))
        dialog.comment.setPlainText(comment)
        dialog.accept()

    QTimer.singleShot(200, fill)


def select_quote(window: MainWindow, quote: str) -> None:
    text = window.report_view.text.toPlainText()
    start = text.index(quote)
    window.report_view.body.select(start, start + len(quote))


def test_annotate_a_selection_with_undo_and_redo(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    outcomes = import_and_wait(qtbot, window, [sample("shili_2024.docx")])
    qtbot.waitUntil(lambda: window.report_view.report_id == outcomes[0].report_id)
    quote = "执法力量与监管任务不相匹配"
    select_quote(window, quote)
    answer_dialog("问题查摆不深", "只列现象，未分析原因。")
    window.actions_by_name["add_annotation"].trigger()
    panel = window.report_view.annotations
    qtbot.waitUntil(lambda: len(panel.views) == 1)
    (view,) = panel.views
    assert (view.category_label, view.comment, view.author) == (
        "问题查摆不深",
        "只列现象，未分析原因。",
        "王审阅",
    )
    assert window.report_view.text.toPlainText()[view.start : view.end] == quote
    assert window.report_view.body.text.extraSelections()[0].cursor.selectedText() == quote

    window.actions_by_name["undo"].trigger()
    assert panel.views == []
    window.actions_by_name["redo"].trigger()
    assert [v.id for v in panel.views] == [view.id]

    panel.toggle_requested.emit(view.id)
    assert panel.views[0].status_label == "已处理"
    panel.delete_requested.emit(view.id)
    assert panel.views == []
    window.actions_by_name["undo"].trigger()
    assert [v.status_label for v in panel.views] == ["已处理"]
    window.actions_by_name["undo"].trigger()
    assert [v.status_label for v in panel.views] == ["未处理"]


def test_annotations_survive_a_restart_and_a_reprocess(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.core.reprocess import reprocess_report

    path = tmp_path / "library.sqlite"
    library = open_library(path)
    window = make_window(qtbot, library, tmp_path / "s.ini")
    outcomes = import_and_wait(qtbot, window, [sample("shili_2024.txt")])
    qtbot.waitUntil(lambda: window.report_view.report_id == outcomes[0].report_id)
    select_quote(window, "普法宣传活动45场")
    answer_dialog("照搬往年", "与上年表述相同。")
    window.actions_by_name["add_annotation"].trigger()
    qtbot.waitUntil(lambda: len(window.report_view.annotations.views) == 1)
    window.close()
    library.close()

    reopened = open_library(path)
    reprocess_report(reopened.sessions, outcomes[0].report_id or 0)
    again = make_window(qtbot, reopened, tmp_path / "s.ini")
    again.open_report(outcomes[0].report_id or 0)
    (view,) = again.report_view.annotations.views
    assert view.comment == "与上年表述相同。" and not view.orphan
    assert again.report_view.text.toPlainText()[view.start : view.end] == "普法宣传活动45场"
    reopened.close()


def test_add_annotation_without_a_selection_explains_what_to_do(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    import_and_wait(qtbot, window, [sample("shili_2023.docx")])
    window.actions_by_name["add_annotation"].trigger()
    assert "选中" in window.statusBar().currentMessage()


def test_review_status_and_conclusion_are_saved_and_listed(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    from desktop.core.annotations.review import get_review_state

    window = make_window(qtbot, library, tmp_path / "s.ini")
    outcomes = import_and_wait(qtbot, window, [sample("shili_2024.docx")])
    report_id = outcomes[0].report_id or 0
    qtbot.waitUntil(lambda: window.report_view.report_id == report_id)
    panel = window.report_view.review
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        panel.status.setCurrentIndex(panel.status.findData("in_review"))
    assert window.model.report_at(0).review_status == "in_review"
    panel.conclusion.setPlainText("存在的不足部分照搬上年，请重新查摆。")
    window.close()  # pending typing is saved on close
    with library.sessions() as session:
        state = get_review_state(session, report_id)
    assert (state.status, state.reviewer) == ("in_review", "王审阅")
    assert state.conclusion == "存在的不足部分照搬上年，请重新查摆。"
