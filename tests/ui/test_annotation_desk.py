"""The annotation dialog's layout and keys, the comment in the list and on hover, counts, Ctrl+Y."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QHelpEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from db.session import Library
from desktop.core.annotations.taxonomy import default_taxonomy
from desktop.ui.annotation_dialog import AnnotationDialog
from tests.helpers import sample
from tests.ui.test_annotations_ui import answer_dialog, make_window, select_quote
from tests.ui.test_main_window import import_and_wait


def visible_children(dialog: QWidget) -> list[QWidget]:
    return [w for w in dialog.findChildren(QWidget) if w.isVisible() and w.parentWidget() is dialog]


def test_a_new_annotation_dialog_has_no_widget_over_the_quote(qtbot: QtBot) -> None:
    dialog = AnnotationDialog(default_taxonomy(), "某某镇人民政府全年办理行政复议案件12件，较上年下降。")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.status.isVisible()
    children = visible_children(dialog)
    assert dialog.quote_label in children
    for index, first in enumerate(children):
        for second in children[index + 1 :]:
            assert not first.geometry().intersects(second.geometry()), (first, second)


def test_tab_leaves_the_comment_and_ctrl_enter_submits(qtbot: QtBot) -> None:
    dialog = AnnotationDialog(default_taxonomy(), "示例县司法局")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.comment.setFocus()
    dialog.comment.setPlainText("数字不符")
    dialog.comment.moveCursor(dialog.comment.textCursor().MoveOperation.End)
    qtbot.keyClicks(dialog.comment, " 12")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Tab)
    assert "\t" not in dialog.comment.toPlainText()
    assert not dialog.comment.hasFocus()
    dialog.comment.setFocus()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.values()["comment"] == "数字不符 12"


# A tooltip window asks to be raised, which the offscreen platform cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_comment_in_list_hover_shows_it_count_updates_and_ctrl_y_redoes(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    outcomes = import_and_wait(qtbot, window, [sample("shili_2024.docx")])
    report_id = outcomes[0].report_id
    qtbot.waitUntil(lambda: window.report_view.report_id == report_id)
    quote = "执法力量与监管任务不相匹配"
    select_quote(window, quote)
    answer_dialog("问题查摆不深", "只列现象，未分析原因。")
    window.actions_by_name["add_annotation"].trigger()
    panel = window.report_view.annotations
    qtbot.waitUntil(lambda: len(panel.views) == 1)

    # The comment is in the list's text, not only in a tooltip.
    item = panel.tree.topLevelItem(0)
    assert item is not None
    assert "只列现象，未分析原因。" in item.text(2)
    width = panel.tree.header().sectionSize(2) - 10
    flags = Qt.TextFlag.TextWordWrap.value
    needed = panel.tree.fontMetrics().boundingRect(QRect(0, 0, width, 10000), flags, item.text(2)).height()
    assert panel.tree.visualItemRect(item).height() >= needed  # the row shows the comment whole

    # The library's count follows at once (no F5).
    def count() -> int:
        summary = window.model.report_at(window.model.row_of(report_id))
        return summary.annotations if summary else -1

    qtbot.waitUntil(lambda: count() == 1)

    # Hovering the passage shows the annotation.
    body = window.report_view.body
    start = body.text.toPlainText().index(quote)
    assert any("只列现象" in note for note in body.notes_at(start + 2))
    assert body.notes_at(start + len(quote) + 5) == []
    cursor = body.text.textCursor()
    cursor.setPosition(start + 2)
    point = body.text.cursorRect(cursor).center()
    viewport = body.text.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    qtbot.waitUntil(lambda: "只列现象" in QToolTip.text())
    QToolTip.hideText()

    window.actions_by_name["undo"].trigger()
    assert panel.views == []
    qtbot.waitUntil(lambda: count() == 0)
    redo = window.actions_by_name["redo"]
    assert QKeySequence("Ctrl+Y") in redo.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in redo.shortcuts()
    redo.trigger()
    qtbot.waitUntil(lambda: len(panel.views) == 1)
    qtbot.waitUntil(lambda: count() == 1)


def test_the_text_menu_offers_copy_and_select_all(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    outcomes = import_and_wait(qtbot, window, [sample("shili_2024.docx")])
    qtbot.waitUntil(lambda: window.report_view.report_id == outcomes[0].report_id)
    text = window.report_view.body.text
    names = [a.objectName() for a in text.actions()]
    assert names[:2] == ["copyText", "selectAllText"]
    copy, select_all = text.actions()[:2]
    assert not copy.isEnabled()
    select_all.trigger()
    assert text.textCursor().selectedText().replace("\u2029", "\n") == text.toPlainText()
    assert copy.isEnabled()
    copy.trigger()
    assert QApplication.clipboard().text() == text.toPlainText()
