"""The reading room: room for the report text at every size, side panels that give way, reading mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QSplitter, QTextEdit, QToolBar
from pytestqt.qtbot import QtBot

from db.session import Library
from desktop.ui.main_window import MainWindow
from desktop.ui.reading_room import MIN_CHARS, characters_per_line
from desktop.ui.tasks import TaskRunner
from tests.helpers import sample
from tests.ui.test_main_window import import_and_wait


def open_window(
    qtbot: QtBot, library: Library, settings: QSettings, size: tuple[int, int] | None = None
) -> MainWindow:
    window = MainWindow(settings, TaskRunner())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        window.set_library(library)
    window.import_flow.show_summary = False
    if size is not None:
        window.resize(*size)
    window.show()
    settle(qtbot, window)
    return window


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.wait(10)
    qtbot.waitUntil(lambda: window.reading.settled, timeout=5000)


def open_report(qtbot: QtBot, window: MainWindow, name: str = "shili_2024.docx") -> int:
    outcomes = import_and_wait(qtbot, window, [sample(name)])
    report_id = outcomes[-1].report_id
    qtbot.waitUntil(lambda: window.report_view.report_id == report_id)
    settle(qtbot, window)
    return int(report_id)


def measured(text: QTextEdit) -> int:
    """Characters a line, measured as a reviewer sees it: viewport width over the advance of 国."""
    margin = int(text.document().documentMargin())
    return (text.viewport().width() - 2 * margin) // text.fontMetrics().horizontalAdvance("国")


def shown(window: MainWindow) -> dict[str, bool]:
    return {
        name: window.actions_by_name[f"toggle_{name}"].isChecked() for name in ("library", "outline", "side")
    }


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_first_start_at_1200_by_760_gives_the_text_25_characters_a_line(
    qtbot: QtBot, library: Library, settings: QSettings
) -> None:
    window = open_window(qtbot, library, settings)  # no saved geometry: the first-start size
    assert (window.width(), window.height()) == (1200, 760)
    open_report(qtbot, window)
    text = window.report_view.text
    assert measured(text) >= MIN_CHARS, f"{measured(text)} characters a line"
    assert characters_per_line(text) == measured(text)
    # Every panel is still there at the first-start size, and the text has the most room.
    assert shown(window) == {"library": True, "outline": True, "side": True}
    outline, body, side = window.report_view.splitter.sizes()
    assert body > side > outline > 0
    assert window.splitter.sizes()[0] < window.report_view.body.width()


def test_at_800_pixels_panels_give_way_and_come_back(
    qtbot: QtBot, library: Library, settings: QSettings
) -> None:
    window = open_window(qtbot, library, settings, (800, 600))
    open_report(qtbot, window)
    assert window.width() == 800
    assert measured(window.report_view.text) >= MIN_CHARS
    assert shown(window) == {"library": True, "outline": False, "side": False}
    # The panels were given up by the narrow window, not by the reviewer: they return with the room.
    window.resize(1400, 800)
    settle(qtbot, window)
    assert shown(window) == {"library": True, "outline": True, "side": True}
    assert measured(window.report_view.text) >= MIN_CHARS
    # Asking for a panel in a narrow window makes another one give way, not the text.
    window.resize(800, 600)
    settle(qtbot, window)
    window.actions_by_name["toggle_side"].trigger()
    settle(qtbot, window)
    assert shown(window) == {"library": False, "outline": False, "side": True}
    assert measured(window.report_view.text) >= MIN_CHARS


def test_resizing_on_the_comparison_tab_keeps_the_report_text_its_room(
    qtbot: QtBot, library: Library, settings: QSettings
) -> None:
    window = open_window(qtbot, library, settings)
    open_report(qtbot, window)
    window.actions_by_name["show_comparison"].trigger()
    window.resize(800, 600)
    settle(qtbot, window)
    assert shown(window) == {"library": True, "outline": False, "side": False}
    window.actions_by_name["show_report"].trigger()
    settle(qtbot, window)
    assert measured(window.report_view.text) >= MIN_CHARS
    window.actions_by_name["show_comparison"].trigger()
    window.resize(1400, 800)
    settle(qtbot, window)
    window.actions_by_name["show_report"].trigger()
    settle(qtbot, window)
    assert shown(window) == {"library": True, "outline": True, "side": True}
    assert measured(window.report_view.text) >= MIN_CHARS


def test_large_fonts_as_at_150_percent_still_give_25_characters(
    qtbot: QtBot, library: Library, settings: QSettings
) -> None:
    """150 % font scaling (Xft.dpi 144): every font 1.5 times larger in a 1200×760 window.

    QT_SCALE_FACTOR scales pixels and fonts together, so the layout in logical pixels does not
    change; font scaling is the case where the text needs more room than the panels leave it.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal = app.font()
    large = QFont(normal)
    large.setPointSizeF(normal.pointSizeF() * 1.5)
    app.setFont(large)
    try:
        settings.setValue("view/font_size", 20)  # 13 pt × 1.5
        window = open_window(qtbot, library, settings)
        open_report(qtbot, window)
        text = window.report_view.text
        assert text.fontMetrics().horizontalAdvance("国") >= 25
        assert measured(text) >= MIN_CHARS
        assert shown(window)["library"]  # the outline and then the side panel gave way first
    finally:
        app.setFont(normal)


def test_zooming_in_keeps_the_minimum_line(qtbot: QtBot, library: Library, settings: QSettings) -> None:
    window = open_window(qtbot, library, settings)
    open_report(qtbot, window)
    for _ in range(10):
        window.zoom(1)
    settle(qtbot, window)
    assert window.report_view.text.font().pointSize() == 23
    assert measured(window.report_view.text) >= MIN_CHARS


def test_panels_hide_and_show_from_the_view_menu_and_are_remembered(
    qtbot: QtBot, library: Library, settings: QSettings
) -> None:
    window = open_window(qtbot, library, settings)
    open_report(qtbot, window)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "视图(&V)")
    names = [a.objectName() for a in view_menu.actions()]
    for name in ("toggle_library", "toggle_outline", "toggle_side", "reading_mode"):
        assert f"action_{name}" in names
    assert window.actions_by_name["toggle_library"].shortcut().toString() == "Alt+1"
    before = window.report_view.body.width()
    window.actions_by_name["toggle_side"].trigger()
    settle(qtbot, window)
    assert window.report_view.side.isHidden()
    assert window.report_view.body.width() > before + 250  # the text takes the room
    window.actions_by_name["toggle_library"].trigger()
    settle(qtbot, window)
    assert window.splitter.widget(0).isHidden()
    window.close()

    again = open_window(qtbot, library, settings, (1200, 760))  # offscreen screens are 800 wide
    assert shown(again) == {"library": False, "outline": True, "side": False}
    assert again.report_view.side.isHidden() and again.splitter.widget(0).isHidden()
    again.actions_by_name["toggle_side"].trigger()
    settle(qtbot, again)
    assert not again.report_view.side.isHidden()
    assert again.report_view.splitter.sizes()[2] >= 220  # back at a useful width, not squeezed


def test_a_panel_dragged_shut_is_hidden_like_the_menu_does(
    qtbot: QtBot, library: Library, settings: QSettings
) -> None:
    window = open_window(qtbot, library, settings)
    splitter = window.report_view.splitter
    outline, body, side = splitter.sizes()
    splitter.setSizes([0, outline + body, side])
    splitter.splitterMoved.emit(0, 1)
    assert not window.actions_by_name["toggle_outline"].isChecked()
    window.actions_by_name["toggle_outline"].trigger()
    settle(qtbot, window)
    assert splitter.sizes()[0] >= 120


def test_reading_mode_shows_only_the_text_and_escape_leaves(
    qtbot: QtBot, library: Library, settings: QSettings
) -> None:
    window = open_window(qtbot, library, settings)
    open_report(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.actions_by_name["reading_mode"].shortcut().toString() == "F11"
    window.actions_by_name["reading_mode"].trigger()
    settle(qtbot, window)
    view = window.report_view
    assert window.reading.reading_mode
    assert window.splitter.widget(0).isHidden() and view.outline.isHidden() and view.side.isHidden()
    assert all(bar.isHidden() for bar in window.findChildren(QToolBar))
    assert window.statusBar().isHidden() and view.header.isHidden()
    assert not view.text.isHidden()
    assert measured(view.text) >= MIN_CHARS
    qtbot.keyClick(view.text, Qt.Key.Key_Escape)
    assert not window.reading.reading_mode
    settle(qtbot, window)
    assert shown(window) == {"library": True, "outline": True, "side": True}
    assert not window.statusBar().isHidden() and not view.header.isHidden()
    # F11 again enters, and the same key leaves.
    window.actions_by_name["reading_mode"].trigger()
    window.actions_by_name["reading_mode"].trigger()
    assert not window.reading.reading_mode and not view.side.isHidden()


def test_closing_in_reading_mode_remembers_the_panels_not_reading_mode(
    qtbot: QtBot, library: Library, settings: QSettings
) -> None:
    window = open_window(qtbot, library, settings)
    window.actions_by_name["reading_mode"].trigger()
    window.close()
    again = open_window(qtbot, library, settings, (1200, 760))  # offscreen screens are 800 wide
    assert not again.reading.reading_mode
    assert shown(again) == {"library": True, "outline": True, "side": True}
    assert all(not bar.isHidden() for bar in again.findChildren(QToolBar))


def _squeezed_state(sizes: list[int]) -> QByteArray:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    for _ in sizes:
        splitter.addWidget(QTextEdit())
    splitter.resize(sum(sizes), 400)
    splitter.setSizes(sizes)
    state = splitter.saveState()
    splitter.deleteLater()
    return state


def test_an_old_layout_that_squeezed_the_text_is_not_restored(
    qtbot: QtBot, library: Library, settings: QSettings
) -> None:
    # What the earlier layout saved: a wide library and a 208-pixel text between outline and panel.
    settings.setValue("window/splitter", _squeezed_state([420, 776]))
    settings.setValue("window/report_splitter", _squeezed_state([200, 208, 360]))
    window = open_window(qtbot, library, settings)
    open_report(qtbot, window)
    assert measured(window.report_view.text) >= MIN_CHARS
    assert window.splitter.sizes()[0] < 420


def test_a_current_layout_that_leaves_the_text_too_little_is_replaced(
    qtbot: QtBot, library: Library, settings: QSettings
) -> None:
    settings.setValue("window/layout_version", 2)
    settings.setValue("window/splitter", _squeezed_state([700, 500]))
    settings.setValue("window/report_splitter", _squeezed_state([60, 100, 330]))
    window = open_window(qtbot, library, settings)
    open_report(qtbot, window)
    assert measured(window.report_view.text) >= MIN_CHARS
    assert window.report_view.splitter.sizes()[0] >= 120  # no panel left squeezed either


def test_a_sound_remembered_layout_is_kept(qtbot: QtBot, library: Library, settings: QSettings) -> None:
    window = open_window(qtbot, library, settings)
    window.splitter.setSizes([300, 900])
    settle(qtbot, window)
    library_width = window.splitter.sizes()[0]
    window.close()
    again = open_window(qtbot, library, settings, (1200, 760))  # offscreen screens are 800 wide
    assert again.splitter.sizes()[0] == library_width


SCALED_WINDOW = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from db.session import open_library
from desktop.core.importing import import_file
from desktop.ui.main_window import MainWindow
from desktop.ui.reading_room import characters_per_line
from desktop.ui.tasks import TaskRunner

app = QApplication([])
folder = Path(tempfile.mkdtemp())
library = open_library(folder / "library.sqlite")
report_id = import_file(library.sessions, Path(sys.argv[1])).report_id
window = MainWindow(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), TaskRunner())
window.library = library
window.resize(1200, 760)
window.show()
window.open_report(report_id)
for _ in range(100):
    loop = QEventLoop()
    QTimer.singleShot(20, loop.quit)
    loop.exec()
    if window.reading.settled:
        break
print(json.dumps({
    "ratio": window.devicePixelRatioF(),
    "width": window.width(),
    "chars": characters_per_line(window.report_view.text),
}))
library.close()
"""


def test_at_qt_scale_factor_150_percent_the_text_keeps_its_line(tmp_path: Path) -> None:
    """QT_SCALE_FACTOR=1.5 (how UOS and Kylin scale a desktop): a real window in a fresh process."""
    import json
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    environment = {**os.environ, "QT_SCALE_FACTOR": "1.5", "QT_QPA_PLATFORM": "offscreen"}
    environment["PYTHONPATH"] = os.pathsep.join([str(ROOT), environment.get("PYTHONPATH", "")])
    script = tmp_path / "scaled.py"
    script.write_text(SCALED_WINDOW, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(sample("shili_2024.docx"))],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    measured_there = json.loads(done.stdout.strip().splitlines()[-1])
    assert measured_there["ratio"] == 1.5 and measured_there["width"] == 1200
    assert measured_there["chars"] >= MIN_CHARS
