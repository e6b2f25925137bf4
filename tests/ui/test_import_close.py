"""Closing the window during an import: continue it, or stop it, read the summary, and quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from db.session import Library
from desktop.ui.main_window import MainWindow
from tests.helpers import sample
from tests.ui.test_versions_ui import background_window


def many_reports(folder: Path, count: int) -> list[Path]:
    text = sample("shili_2024.txt").read_text(encoding="utf-8")
    files = []
    for number in range(count):
        path = folder / f"report_{number}.txt"
        path.write_text(text + f"\n附件{number}：某某镇人民政府第{number}号说明。\n", encoding="utf-8")
        files.append(path)
    return files


def answer_close_question(window: MainWindow, button: str) -> None:
    def click() -> None:
        box = window.import_flow.close_question
        if box is None:
            QTimer.singleShot(20, click)
            return
        found = box.findChild(QPushButton, button)
        assert found is not None
        found.click()

    QTimer.singleShot(0, click)


def test_stop_and_quit_shows_the_summary_then_closes(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    window = background_window(qtbot, library, tmp_path)
    files = many_reports(tmp_path, 30)
    assert window.import_paths(files)
    answer_close_question(window, "stopImport")
    window.close()
    assert window.isVisible()  # not yet: the stopped import reports first
    qtbot.waitUntil(lambda: window.import_flow.summary is not None, timeout=60000)
    summary = window.import_flow.summary
    assert summary is not None and summary.isVisible()
    assert summary.table.rowCount() < 30  # what was stored before the stop, and only that
    summary.reject()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_continue_keeps_the_window_and_the_import(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    window = background_window(qtbot, library, tmp_path)
    files = many_reports(tmp_path, 6)
    with qtbot.waitSignal(window.import_flow.finished, timeout=60000) as blocker:
        assert window.import_paths(files)
        answer_close_question(window, "continueImport")
        window.close()
        assert window.isVisible()
    assert len([o for o in blocker.args[0] if o.ok]) == 6
