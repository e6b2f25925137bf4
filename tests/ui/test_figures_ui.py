"""The 指标 panel: doubtful figures marked, and the reviewer's confirm / correct / exclude with undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from db import models
from db.session import Library
from desktop.core.metrics.result import Figure
from desktop.ui.figure_dialog import FigureDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.metrics_panel import DOUBTFUL_COLOUR, FigureRole, children_of, top_items
from desktop.ui.tasks import InlineRunner
from tests.test_figure_reviews import REPORT
from tests.ui.test_main_window import import_and_wait


def make_window(qtbot: QtBot, library: Library, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "王审阅")
    window = MainWindow(settings, InlineRunner())  # a decision is stored when choose() returns
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        window.set_library(library)
    window.import_flow.show_summary = False
    window.show()
    return window


def items(window: MainWindow) -> dict[str, QTreeWidgetItem]:
    """Figure items of the panel, by the figure's own words."""
    found = {}
    for group in top_items(window.report_view.metrics.tree):
        for item in children_of(group):
            data = item.data(0, FigureRole)
            if isinstance(data, Figure):
                found[data.written] = item
    return found


def choose(window: MainWindow, written: str, action: str) -> None:
    data: Figure = items(window)[written].data(0, FigureRole)
    menu = window.report_view.metrics.menu_for(data)
    (entry,) = [a for a in menu.actions() if a.objectName() == f"figure_{action}"]
    assert entry.isEnabled()
    entry.trigger()


def opened(qtbot: QtBot, library: Library, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, library, tmp_path)
    path = tmp_path / "示例县司法局2024年法治政府建设年度报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    outcomes = import_and_wait(qtbot, window, [path])
    qtbot.waitUntil(lambda: window.report_view.report_id == outcomes[0].report_id)
    return window


def test_doubtful_figures_are_marked_and_can_be_confirmed_with_undo(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = opened(qtbot, library, tmp_path)
    panel = window.report_view.metrics
    assert panel.summary.isVisible() and "1 个数字的指标归类存疑" in panel.summary.text()
    assert "单位类型：司法行政" in panel.summary.text()
    doubtful = items(window)["860人次"]
    assert doubtful.text(1).endswith("？")
    assert doubtful.foreground(0).color() == QColor(DOUBTFUL_COLOUR)
    assert "指标归类存疑" in doubtful.toolTip(0)
    choose(window, "860人次", "confirm")
    assert items(window)["860人次"].text(1).endswith("✓")
    assert not panel.summary.text().count("存疑")
    stack = window.annotations.undo_stack
    assert stack.count() == 1 and window.actions_by_name["undo"].isEnabled()
    window.actions_by_name["undo"].trigger()
    assert items(window)["860人次"].text(1).endswith("？")
    window.actions_by_name["redo"].trigger()
    assert items(window)["860人次"].text(1).endswith("✓")


def test_exclude_strikes_a_figure_out_and_reset_brings_it_back(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = opened(qtbot, library, tmp_path)
    choose(window, "12场次", "exclude")
    item = items(window)["12场次"]
    assert item.font(0).strikeOut() and "已排除" in item.toolTip(0)
    choose(window, "12场次", "reset")
    assert not items(window)["12场次"].font(0).strikeOut()
    assert window.annotations.undo_stack.count() == 2


def test_correcting_key_and_value_in_the_dialog(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    window = opened(qtbot, library, tmp_path)

    def fill() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, FigureDialog) and w.isVisible()
        )
        dialog.key.setCurrentIndex(dialog.key.findData("legal_reviews"))
        dialog.value.setText("14")
        dialog.accept()

    QTimer.singleShot(200, fill)
    choose(window, "13件", "correct")
    data = items(window)["13件"].data(0, FigureRole)
    assert (data.key, data.value, data.decision) == ("legal_reviews", 14, "corrected")
    assert data.review is not None and data.review.author == "王审阅" and data.review.label == "已更正"


def test_a_failed_decision_is_shown_and_leaves_no_undo_step(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = opened(qtbot, library, tmp_path)
    data = items(window)["46件"].data(0, FigureRole)
    with library.sessions.begin() as session:  # the figure's row is gone (another window re-processed it)
        session.delete(session.get(models.MetricMention, data.id))
    shown: list[str] = []

    def close() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(200, close)
    window.figures.review(data.id, "confirm")
    assert shown and "未能保存" in shown[0] and "没有编号为" in shown[0]
    assert window.annotations.undo_stack.count() == 0
