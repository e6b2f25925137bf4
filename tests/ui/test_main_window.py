"""The main window with a real library, real files and real widgets (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from db.session import Library
from desktop.ui.import_flow import ImportSummaryDialog
from desktop.ui.library_model import LibraryModel, ReportIdRole
from desktop.ui.main_window import MainWindow
from desktop.ui.metadata_dialog import MetadataDialog
from desktop.ui.recent_libraries import last_library
from desktop.ui.tasks import InlineRunner, TaskRunner
from tests.helpers import sample


@pytest.fixture
def window(qtbot: QtBot, library: Library, tmp_path: Path, inline_runner: InlineRunner) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(settings, inline_runner)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.library_loaded, timeout=10000):
        main.set_library(library)
    main.import_flow.show_summary = False
    main.show()
    return main


def import_and_wait(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> list:  # type: ignore[type-arg]
    # Both signals come during import_paths with the inline runner, after it with the real one.
    outcomes: list = []  # type: ignore[type-arg]
    window.import_flow.finished.connect(outcomes.extend)
    with qtbot.waitSignals([window.import_flow.finished, window.library_loaded], timeout=60000):
        assert window.import_paths(paths)
    window.import_flow.finished.disconnect(outcomes.extend)
    return outcomes


def test_import_shows_reports_and_selecting_one_shows_its_text(qtbot: QtBot, window: MainWindow) -> None:
    outcomes = import_and_wait(qtbot, window, [sample("shili_2023.docx"), sample("shili_2024.docx")])
    assert [o.ok for o in outcomes] == [True, True]
    assert window.model.rowCount() == 2
    qtbot.waitUntil(lambda: window.report_view.report_id == outcomes[-1].report_id)
    text = window.report_view.text.toPlainText()
    assert text.startswith("示例市应急管理局关于2024年")
    assert "示例市应急管理局" in window.report_view.header.text()
    window.actions_by_name["show_original"].setChecked(True)
    assert window.report_view.show_original
    assert "原文" in window.report_view.header.text()


def test_dropping_a_folder_imports_every_report_in_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name in ("shili_2023.docx", "shili_2024.pdf"):
        (folder / name).write_bytes(sample(name).read_bytes())
    (folder / "notes.md").write_text("not a report", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPointF(QPoint(50, 50)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_flow.finished, timeout=60000) as blocker:
        window.dropEvent(event)
    outcomes = blocker.args[0]
    assert sorted(Path(o.file).name for o in outcomes) == ["shili_2023.docx", "shili_2024.pdf"]
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)


def test_bad_file_is_reported_in_the_summary_and_nothing_is_added(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    outcomes = import_and_wait(qtbot, window, [bad])
    assert not outcomes[0].ok and outcomes[0].error
    dialog = ImportSummaryDialog(outcomes, window)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text() == "未导入"
    assert dialog.table.item(0, 2).text() == outcomes[0].error
    assert window.model.rowCount() == 0


def test_correcting_metadata_updates_the_view(qtbot: QtBot, window: MainWindow) -> None:
    outcomes = import_and_wait(qtbot, window, [sample("shili_2024.docx")])
    qtbot.waitUntil(lambda: window.report_view.report_id == outcomes[0].report_id)
    assert window.library is not None
    dialog = MetadataDialog(window.context, outcomes[0].report_id, "李审阅", window)
    qtbot.addWidget(dialog)
    dialog.edits["year"].setText("20x4")
    dialog.save()
    assert "四位数字" in dialog.error.text()
    dialog.edits["year"].setText("2024")
    dialog.edits["title"].setText("示例市应急管理局2024年法治政府建设年度报告")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    window.open_report(outcomes[0].report_id)
    assert "已人工更正" in window.report_view.header.text()
    assert "2024年法治政府建设年度报告" in window.report_view.header.text()


def test_layout_and_zoom_are_remembered(qtbot: QtBot, window: MainWindow) -> None:
    window.zoom(3)
    assert int(window.settings.value("view/font_size")) == 16
    window.splitter.setSizes([300, 900])
    window.close()
    assert window.settings.value("window/splitter") is not None
    again = MainWindow(window.settings, TaskRunner())
    qtbot.addWidget(again)
    assert again.font_size == 16
    assert again.report_view.text.font().pointSize() == 16


def test_library_model_passes_qt_model_tester(qtbot: QtBot, qtmodeltester, library: Library) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.importing import import_file
    from desktop.core.library import list_reports

    import_file(library.sessions, sample("shili_2023.docx"))
    import_file(library.sessions, sample("shili_2024.docx"))
    with library.sessions() as session:
        reports = list_reports(session)
    model = LibraryModel()
    model.set_reports(reports)
    qtmodeltester.check(model)
    assert model.index(0, 0).data(ReportIdRole) in {r.id for r in reports}


def test_actions_have_the_standard_shortcuts(window: MainWindow) -> None:
    actions = window.actions_by_name
    assert actions["import"].shortcut().toString() == "Ctrl+O"
    assert actions["show_original"].shortcut().toString() == "Ctrl+T"
    assert actions["quit"].shortcut().toString() == "Ctrl+Q"
    assert QApplication.instance() is not None


def test_first_start_loads_the_samples_quietly(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.ui.app import start_library

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(settings, TaskRunner())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.import_flow.finished, timeout=60000):
        start_library(main, str(tmp_path / "new-library.sqlite"))
    qtbot.waitUntil(lambda: main.model.rowCount() == 2, timeout=10000)
    assert not main.findChildren(ImportSummaryDialog)
    assert main.library is not None
    main.library.close()


def test_second_start_does_not_import_the_samples_again(qtbot: QtBot, tmp_path: Path) -> None:
    from db.session import open_library
    from desktop.ui.app import start_library

    open_library(tmp_path / "existing.sqlite").close()
    main = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), TaskRunner())
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.library_loaded, timeout=10000):
        start_library(main, str(tmp_path / "existing.sqlite"))
    assert main.model.rowCount() == 0
    assert main.library is not None
    main.library.close()


def test_clicking_a_figure_highlights_its_sentence(qtbot: QtBot, window: MainWindow) -> None:
    outcomes = import_and_wait(qtbot, window, [sample("shili_2024.docx")])
    qtbot.waitUntil(lambda: window.report_view.report_id == outcomes[0].report_id)
    window.actions_by_name["show_original"].setChecked(True)
    tree = window.report_view.metrics.tree
    group = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == "罚款金额"
    )
    assert group.text(1) == "326.5万元"
    figure = group.child(0)
    tree.itemClicked.emit(figure, 0)
    sentence, number = window.report_view.body.highlighted_text()
    assert number == "326.5万元"
    assert "罚款326.5万元" in sentence and sentence.endswith("。")
    # Highlighting works on the cleaned text, and the action follows.
    assert not window.report_view.show_original
    assert not window.actions_by_name["show_original"].isChecked()


def test_outline_lists_parts_and_jumps_to_a_heading(qtbot: QtBot, window: MainWindow) -> None:
    outcomes = import_and_wait(qtbot, window, [sample("shili_2023.docx")])
    qtbot.waitUntil(lambda: window.report_view.report_id == outcomes[0].report_id)
    tree = window.report_view.outline.tree
    labels = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert labels[1].startswith("二、存在的不足和原因") and "〔存在的不足和原因〕" in labels[1]
    tree.itemClicked.emit(tree.topLevelItem(1), 0)
    (heading,) = window.report_view.body.highlighted_text()
    assert heading == "二、存在的不足和原因"


def test_search_finds_a_word_and_jumps_to_it(qtbot: QtBot, window: MainWindow) -> None:
    import_and_wait(qtbot, window, [sample("shili_2023.docx"), sample("shili_2024.docx")])
    window.search.query.setText("突发事件")
    with qtbot.waitSignal(window.search.finished, timeout=30000) as blocker:
        window.search.run()
    assert blocker.args == [1]
    item = window.search.results.item(0)
    assert "2024" in item.text() and "【突发事件】" in item.text()
    window.search.results.itemClicked.emit(item)
    assert window.report_view.body.highlighted_text() == ["突发事件"]


def test_switching_to_another_library(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    import_and_wait(qtbot, window, [sample("shili_2024.docx")])
    assert window.model.rowCount() == 1
    other = tmp_path / "second.sqlite"
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        window.switch_library(str(other))
    assert window.model.rowCount() == 0 and other.exists()
    assert window.library is not None and str(other) in window.library.url
    # File → 最近的资料库 lists both, newest first, and reopens the first one.
    window.recent_menu.rebuild()
    entries = [a.text() for a in window.recent_menu.actions() if a.text() and a.isEnabled()]
    assert entries[0].endswith(str(other)) and entries[1].endswith("library.sqlite")
    assert last_library(window.settings) == str(other)
    first = next(a for a in window.recent_menu.actions() if a.text().endswith("library.sqlite"))
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        first.trigger()
    assert window.model.rowCount() == 1
    window.library.close()


def test_compare_with_last_year_tab_loads_in_the_background_and_steps_by_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    outcomes = import_and_wait(qtbot, window, [sample("shili_2023.docx"), sample("shili_2024.docx")])
    current = outcomes[-1].report_id
    qtbot.waitUntil(lambda: window.report_view.report_id == current)
    view = window.comparison_view
    window.actions_by_name["show_comparison"].trigger()
    assert window.workspace.currentWidget() is view
    qtbot.waitUntil(lambda: window.comparison.compared_id == current, timeout=20000)
    assert view.changes.rowCount() > 10
    assert view.right.text.toPlainText().startswith("示例市应急管理局关于2024年")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.change_table.setFocus()
    qtbot.keyClick(view.change_table, Qt.Key.Key_F8)
    first = view.current_change_row
    qtbot.keyClick(view.change_table, Qt.Key.Key_F8)
    assert first >= 0 and view.current_change_row == first + 1
    qtbot.keyClick(view.change_table, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_change_row == first
    # Selecting the prior year's report compares it with nothing: a message, not stale panes.
    window.select_report(outcomes[0].report_id)
    qtbot.waitUntil(lambda: window.comparison.compared_id == outcomes[0].report_id, timeout=20000)
    assert view.changes.rowCount() == 0
    # A search hit brings the report text back to the front.
    window.open_hit(current, 0, 4)
    assert window.workspace.currentWidget() is window.report_view
