"""Find in a report (Ctrl+F, F3, Shift+F3) and the library filter (Ctrl+L, Escape, the empty notice)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from db.session import Library
from desktop.ui.app import install_translator
from desktop.ui.find_bar import FindBar
from desktop.ui.main_window import MainWindow
from desktop.ui.text_layers import highlight_layers
from tests.helpers import sample
from tests.ui.test_main_window import import_and_wait
from tests.ui.test_reading_room import open_window, settle

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, library: Library, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = open_window(qtbot, library, settings)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def open_reports(qtbot: QtBot, window: MainWindow) -> list[int]:
    outcomes = import_and_wait(qtbot, window, [sample("shili_2023.docx"), sample("shili_2024.docx")])
    ids = [int(o.report_id) for o in outcomes]
    qtbot.waitUntil(lambda: window.report_view.report_id == ids[-1])
    settle(qtbot, window)
    window.activateWindow()  # the import's progress window took the activation
    qtbot.waitUntil(window.isActiveWindow)
    return ids


def type_in(edit: QLineEdit, text: str) -> None:
    """Typed as Chinese is typed: an input method commits the words (Latin text comes the same way)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def type_term(qtbot: QtBot, bar: FindBar, term: str) -> None:
    bar.edit.selectAll()
    type_in(bar.edit, term)
    assert bar.edit.text() == term
    qtbot.waitUntil(lambda: not bar._typing.isActive() and bar.count.text() != "")


def found_texts(bar: FindBar) -> list[str]:
    return [s.cursor.selectedText() for s in highlight_layers(bar.text).get("find")]


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_ctrl_f_finds_in_the_report_with_count_next_previous_and_wrap(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_reports(qtbot, window)
    view = window.report_view
    text = view.text.toPlainText()
    expected = [i for i in range(len(text)) if text.startswith("安全", i)]
    assert len(expected) > 3
    focus(qtbot, view.text)
    qtbot.keyClick(view.text, Qt.Key.Key_F, CTRL)
    bar = view.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    assert not window.filter_edit.hasFocus()  # the library list is not what Ctrl+F filters any more
    type_term(qtbot, bar, "安全")
    total = len(expected)
    assert bar.count.text() == f"第 1/{total} 处"
    assert view.text.textCursor().selectionStart() == expected[0]
    # Every match is marked, in the find layer of the text's highlights.
    assert found_texts(bar) == ["安全"] * total
    assert [s.cursor.selectionStart() for s in highlight_layers(view.text).get("find")] == expected

    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert bar.count.text() == f"第 2/{total} 处"
    assert view.text.textCursor().selectionStart() == expected[1]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert view.text.textCursor().selectionStart() == expected[2]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, SHIFT)
    assert view.text.textCursor().selectionStart() == expected[0]
    # Before the first match: round to the last one, and say so.
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, SHIFT)
    assert view.text.textCursor().selectionStart() == expected[-1]
    assert bar.count.text() == f"第 {total}/{total} 处，已从末尾继续"
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert view.text.textCursor().selectionStart() == expected[0]
    assert bar.count.text().endswith("已从开头继续")
    # F3 also works with the focus back in the text.
    focus(qtbot, view.text)
    qtbot.keyClick(view.text, Qt.Key.Key_F3)
    assert view.text.textCursor().selectionStart() == expected[1]


def test_find_marks_leave_annotation_tints_alone_and_escape_closes(qtbot: QtBot, window: MainWindow) -> None:
    open_reports(qtbot, window)
    view = window.report_view
    text = view.text.toPlainText()
    start = text.index("安全生产")
    view.body.set_annotation_spans([(start, start + 4, "#c62828")])
    marks = highlight_layers(view.text).get("marks")
    assert [s.cursor.selectedText() for s in marks] == ["安全生产"]
    window.actions_by_name["find"].trigger()
    bar = view.find_bar
    type_term(qtbot, bar, "生产")
    painted = [s.cursor.selectedText() for s in view.text.extraSelections()]
    assert painted[0] == "安全生产" and painted.count("生产") == text.count("生产")
    # Annotations change while the bar is open: the find marks stay.
    view.body.set_annotation_spans([])
    assert found_texts(bar) == ["生产"] * text.count("生产")
    view.body.set_annotation_spans([(start, start + 4, "#c62828")])
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert [s.cursor.selectedText() for s in view.text.extraSelections()] == ["安全生产"]
    assert view.text.hasFocus()


def test_nothing_found_says_so_and_another_report_is_searched_again(qtbot: QtBot, window: MainWindow) -> None:
    ids = open_reports(qtbot, window)
    view = window.report_view
    window.actions_by_name["find"].trigger()
    bar = view.find_bar
    type_term(qtbot, bar, "不存在的词语")
    assert bar.count.text() == "未找到" and found_texts(bar) == []
    type_term(qtbot, bar, "2023")
    this_year = view.text.toPlainText().count("2023")
    window.select_report(ids[0])
    qtbot.waitUntil(lambda: view.report_id == ids[0])
    last_year = view.text.toPlainText().count("2023")
    assert last_year != this_year
    qtbot.waitUntil(lambda: len(found_texts(bar)) == last_year)
    assert bar.count.text() == f"共 {last_year} 处"  # marked again, the reader not moved


def test_find_in_both_comparison_panes(qtbot: QtBot, window: MainWindow) -> None:
    ids = open_reports(qtbot, window)
    window.actions_by_name["show_comparison"].trigger()
    qtbot.waitUntil(lambda: window.comparison.compared_id == ids[-1], timeout=20000)
    comparison = window.comparison_view
    for pane, year in ((comparison.left, "2023年"), (comparison.right, "2024年")):
        focus(qtbot, pane.text)
        qtbot.keyClick(pane.text, Qt.Key.Key_F, CTRL)
        assert pane.find_bar.isVisible() and pane.find_bar.edit.hasFocus()
        type_term(qtbot, pane.find_bar, year)
        count = pane.text.toPlainText().count(year)
        assert count > 0 and pane.find_bar.count.text() == f"第 1/{count} 处"
        assert found_texts(pane.find_bar) == [year] * count
        qtbot.keyClick(pane.find_bar.edit, Qt.Key.Key_F3)
        assert pane.text.textCursor().selectedText() == year
    # Each pane's bar is its own: closing one leaves the other open, and Ctrl+F goes back to it.
    qtbot.keyClick(comparison.right.find_bar.edit, Qt.Key.Key_Escape)
    assert comparison.left.find_bar.isVisible() and not comparison.right.find_bar.isVisible()
    focus(qtbot, comparison.change_table)
    window.actions_by_name["find"].trigger()
    assert comparison.left.find_bar.edit.hasFocus() and not comparison.right.find_bar.isVisible()
    # With no bar open and the focus in the list of changes, Ctrl+F finds in this year's report.
    qtbot.keyClick(comparison.left.find_bar.edit, Qt.Key.Key_Escape)
    focus(qtbot, comparison.change_table)
    window.actions_by_name["find"].trigger()
    assert comparison.right.find_bar.isVisible() and comparison.right.find_bar.edit.hasFocus()


def test_ctrl_l_filters_the_library_and_ctrl_f_does_without_a_report(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_by_name["find"].trigger()  # nothing open: the library filter is where to type
    assert window.filter_edit.hasFocus()
    open_reports(qtbot, window)
    window.actions_by_name["toggle_library"].trigger()
    settle(qtbot, window)
    assert window.splitter.widget(0).isHidden()
    focus(qtbot, window.report_view.text)
    assert window.actions_by_name["filter_library"].shortcut().toString() == "Ctrl+L"
    qtbot.keyClick(window.report_view.text, Qt.Key.Key_L, CTRL)
    assert not window.splitter.widget(0).isHidden() and window.filter_edit.hasFocus()


def test_escape_clears_the_library_filter_and_an_empty_result_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_reports(qtbot, window)
    notice = window.empty_filter_notice.label
    focus(qtbot, window.filter_edit)
    type_in(window.filter_edit, "某某镇")
    assert window.model.rowCount() == 0
    assert notice.isVisible() and "没有符合“某某镇”的报告" in notice.text()
    assert notice.geometry().width() == window.table.viewport().width()
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    assert window.filter_edit.text() == "" and window.model.rowCount() == 2
    assert not notice.isVisible()
    # A filter that matches shows the list, not the notice.
    qtbot.keyClicks(window.filter_edit, "2023")
    assert window.model.rowCount() == 1 and not notice.isVisible()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    installed = install_translator(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_find_bar_and_filter_notice_speak_english(
    qtbot: QtBot, library: Library, tmp_path: Path, english: None
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = open_window(qtbot, library, settings)
    open_reports(qtbot, window)
    window.actions_by_name["find"].trigger()
    bar = window.report_view.find_bar
    type_term(qtbot, bar, "2024")
    total = window.report_view.text.toPlainText().count("2024")
    assert bar.count.text() == f"1 of {total}"
    type_term(qtbot, bar, "不存在的词语")
    assert bar.count.text() == "No matches"
    window.filter_edit.setText("Nowhere")
    assert window.empty_filter_notice.label.text().startswith("No report matches “Nowhere”.")
