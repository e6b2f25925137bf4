"""Help menu, the reviewer asked once, the last report reopened, a one-run library not remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from db.session import Library
from desktop.ui.help_dialogs import ShortcutsDialog, UserGuideDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import RECENT_LIBRARIES, REVIEWER_ASKED, AppSettings
from desktop.ui.tasks import TaskRunner
from tests.helpers import sample
from tests.ui.test_main_window import import_and_wait


def new_window(qtbot: QtBot, settings: QSettings) -> MainWindow:
    window = MainWindow(settings, TaskRunner())
    qtbot.addWidget(window)
    window.import_flow.show_summary = False
    return window


def close_dialog_soon(kind: type[QDialog], seen: list[QDialog]) -> None:
    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                seen.append(widget)
                widget.reject()

    QTimer.singleShot(200, close)


def test_help_shows_the_offline_guide_and_shortcuts_from_the_actions(qtbot: QtBot, tmp_path: Path) -> None:
    window = new_window(qtbot, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    seen: list[QDialog] = []
    close_dialog_soon(UserGuideDialog, seen)
    window.actions_by_name["user_guide"].trigger()
    assert "Ctrl+M" in seen[0].browser.toPlainText()  # type: ignore[attr-defined]
    window.actions_by_name["add_annotation"].setShortcut(QKeySequence("Ctrl+Alt+J"))
    close_dialog_soon(ShortcutsDialog, seen)
    window.actions_by_name["shortcuts"].trigger()
    table = seen[1].table  # type: ignore[attr-defined]
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["添加批注"] == "Ctrl+Alt+J"
    assert any("Ctrl+Y" in keys for keys in rows.values())


def test_the_reviewer_is_asked_once_and_the_name_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = new_window(qtbot, settings)
    window.ask_reviewer_once()
    dialog = window.reviewer_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name.setText(" 某某街道办事处 赵六 ")
    dialog.accept()
    assert settings.reviewer() == "某某街道办事处 赵六"
    assert window.report_view.review.reviewer == "某某街道办事处 赵六"
    assert settings.get(REVIEWER_ASKED)
    window.ask_reviewer_once()
    assert window.reviewer_dialog is None


def test_a_skipped_question_is_not_asked_again(qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = new_window(qtbot, settings)
    window.ask_reviewer_once()
    assert window.reviewer_dialog is not None
    window.reviewer_dialog.reject()
    assert settings.reviewer() is None
    window.ask_reviewer_once()
    assert window.reviewer_dialog is None


def test_the_last_report_reopens_and_a_one_run_library_is_not_remembered(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    settings = AppSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = new_window(qtbot, settings)
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        window.set_library(library, remember=False)
    assert settings.get(RECENT_LIBRARIES) == ()
    window.show()
    outcomes = import_and_wait(qtbot, window, [sample("shili_2023.docx"), sample("shili_2024.docx")])
    first = outcomes[0].report_id
    window.select_report(first)
    qtbot.waitUntil(lambda: window.report_view.report_id == first)
    window.close()
    again = new_window(qtbot, settings)
    with qtbot.waitSignal(again.library_loaded, timeout=10000):
        again.set_library(library)
    qtbot.waitUntil(lambda: again.report_view.report_id == first)
    assert len(settings.get(RECENT_LIBRARIES)) == 1
