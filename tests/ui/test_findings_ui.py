"""Findings in the window (suggestions beside the annotations, accept and dismiss with undo) and the
season overview tab (table, charts, click to open a report)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from db.session import Library
from desktop.ui.findings_panel import IdRole, SpanRole
from tests.helpers import sample
from tests.ui.test_annotations_ui import make_window
from tests.ui.test_main_window import import_and_wait


def _open_pair(qtbot: QtBot, library: Library, tmp_path: Path):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, library, tmp_path / "s.ini")
    outcomes = import_and_wait(qtbot, window, [sample("shili_2023.docx"), sample("shili_2024.docx")])
    current = outcomes[-1].report_id
    qtbot.waitUntil(lambda: window.report_view.report_id == current, timeout=10000)
    panel = window.findings.panel
    qtbot.waitUntil(
        lambda: window.findings.loaded_for == current and panel.tree.topLevelItemCount() >= 2, timeout=15000
    )
    return window, panel


def test_findings_link_to_their_passage_and_accept_dismiss_undo(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window, panel = _open_pair(qtbot, library, tmp_path)
    side = window.report_view.side
    assert side.tabText(side.indexOf(panel)).startswith("提示（")
    side.setCurrentWidget(panel)
    item = next(
        panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
        if "照搬往年" in panel.tree.topLevelItem(i).text(1) and "不足" in panel.tree.topLevelItem(i).text(2)
    )
    start, end = item.data(0, SpanRole)
    panel.tree.setCurrentItem(item)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.report_view.body.highlighted_text() == [window.report_view.text.toPlainText()[start:end]]
    finding_id = item.data(0, IdRole)
    # Accept: the finding becomes an annotation (with its rule) and leaves the open list.
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    annotations = window.report_view.annotations
    qtbot.waitUntil(lambda: len(annotations.views) == 1, timeout=10000)
    assert annotations.views[0].rule == "carried_over"
    qtbot.waitUntil(
        lambda: all(f.id != finding_id or f.decision == "accepted" for f in panel.findings), timeout=10000
    )
    qtbot.waitUntil(lambda: finding_id not in _ids(panel), timeout=10000)
    # Undo brings it back as a suggestion and removes the annotation.
    window.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: finding_id in _ids(panel) and not annotations.views, timeout=10000)
    # Dismiss, then show decided findings: it is there, marked, and can be reopened.
    panel.tree.setCurrentItem(
        next(
            panel.tree.topLevelItem(i)
            for i in range(panel.tree.topLevelItemCount())
            if panel.tree.topLevelItem(i).data(0, IdRole) == finding_id
        )
    )
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finding_id not in _ids(panel), timeout=10000)
    panel.show_decided.setChecked(True)
    assert finding_id in _ids(panel)
    assert any(
        "〔已忽略〕" in panel.tree.topLevelItem(i).text(2) for i in range(panel.tree.topLevelItemCount())
    )
    window.runner.wait()


def _ids(panel) -> set[str]:  # type: ignore[no-untyped-def]
    return {panel.tree.topLevelItem(i).data(0, IdRole) for i in range(panel.tree.topLevelItemCount())}


def test_overview_tab_shows_the_season_and_opens_a_report(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window, _panel = _open_pair(qtbot, library, tmp_path)
    window.actions_by_name["show_overview"].trigger()
    view = window.overview_view
    assert view is not None and window.workspace.currentWidget() is view
    qtbot.waitUntil(lambda: view.overview is not None and view.table.rowCount() == 1, timeout=30000)
    assert view.year.currentData() == 2024
    assert view.table.item(0, 0).text() == "示例市应急管理局"
    carried = view.charts["carried"]
    assert carried.pixmap() is not None and not carried.pixmap().isNull() and carried.hits
    # Clicking the issuer's bar opens its report.
    window.select_report(1)
    qtbot.waitUntil(lambda: window.report_view.report_id == 1, timeout=10000)
    hit = carried.hits[0]
    point = QPoint(int((hit.left + hit.right) / 2), int((hit.top + hit.bottom) / 2))
    qtbot.mouseClick(carried, Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.report_view.report_id == hit.report_id, timeout=10000)
    assert window.workspace.currentWidget() is window.report_view
    # Export as an image for a briefing.
    out = tmp_path / "overview.png"
    view.export(str(out))
    qtbot.waitUntil(out.exists, timeout=30000)
    window.runner.wait()
