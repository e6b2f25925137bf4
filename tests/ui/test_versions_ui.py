"""Mistakes and versions in the window: the bin with undo, earlier versions hidden or shown, pinyin order,
and a carried review undone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from db.session import Library
from desktop.core.library import ReportSummary
from desktop.ui.bin_flow import BinDialog
from desktop.ui.library_model import LibraryModel
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskRunner
from tests.helpers import sample
from tests.ui.test_main_window import import_and_wait


def background_window(qtbot: QtBot, library: Library, tmp_path: Path) -> MainWindow:
    """A window whose work runs in the background, as it does for the reviewer (undo, the bin and
    imports complete after the call that started them); the reviewer's name was asked before."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/asked", True)
    window = MainWindow(settings, TaskRunner())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        window.set_library(library)
    window.import_flow.show_summary = False
    window.show()
    return window


def test_a_report_moved_to_the_bin_comes_back_with_undo_and_from_the_bin(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = background_window(qtbot, library, tmp_path)
    outcomes = import_and_wait(qtbot, window, [sample("shili_2023.docx"), sample("shili_2024.docx")])
    first = outcomes[0].report_id
    qtbot.waitUntil(lambda: window.model.row_of(first) >= 0, timeout=10000)
    window.select_report(first)
    qtbot.waitUntil(lambda: window.report_view.report_id == first, timeout=10000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    with qtbot.waitSignal(window.bins.changed, timeout=15000):
        qtbot.keyClick(window.table, Qt.Key.Key_Delete)  # Del in the list moves the selection
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10000)
    assert window.model.row_of(first) < 0
    undo = window.actions_by_name["undo"]
    assert undo.isEnabled() and window.context.undo_stack.undoText().startswith("移到回收站")
    with qtbot.waitSignal(window.bins.changed, timeout=30000):
        undo.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10000)
    # Redo puts it in the bin again; the bin's dialog restores it.
    with qtbot.waitSignal(window.bins.changed, timeout=15000):
        window.actions_by_name["redo"].trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10000)
    dialog = BinDialog(window.bins, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.table.item(0, 2).text() == "shili_2023.docx" and not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.bins.changed, timeout=30000):
        dialog.restore_button.click()
    qtbot.waitUntil(
        lambda: dialog.table.rowCount() == 0 and dialog.empty_label.isVisibleTo(dialog), timeout=10000
    )
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10000)


def test_del_outside_the_library_list_does_not_touch_the_library(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = background_window(qtbot, library, tmp_path)
    import_and_wait(qtbot, window, [sample("shili_2024.docx")])
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.report_view.report_id is not None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    text = window.report_view.body.text
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_Delete)  # reading the report, not managing the library
    qtbot.wait(500)
    assert window.model.total == 1 and not window.actions_by_name["undo"].isEnabled()


def test_earlier_versions_are_hidden_and_shown_and_the_choice_is_remembered(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = background_window(qtbot, library, tmp_path)
    import_and_wait(qtbot, window, [sample("shili_2024.txt"), sample("shili_2024.docx")])
    assert window.model.rowCount() == 2  # one current, one superseded (shown greyed)
    toggle = window.actions_by_name["show_superseded"]
    assert toggle.isChecked()
    toggle.setChecked(False)
    assert window.model.rowCount() == 1 and window.model.report_at(0).current  # type: ignore[union-attr]
    assert window.settings.value("library/show_superseded", type=bool) is False
    again = background_window(qtbot, library, tmp_path)
    assert not again.actions_by_name["show_superseded"].isChecked() and again.model.rowCount() == 1


def _summary(report_id: int, agency: str) -> ReportSummary:
    return ReportSummary(
        id=report_id, agency=agency, region=None, year=2024, title="", date=None, published=None,
        source_name="x.txt", source_format="txt", current=True, superseded_by=None, is_annual_report=True,
        missing_sections=[], warnings_count=0, imported_at="", review_status="unreviewed", annotations=0,
        carried_over=None, agency_confident=True,
    )  # fmt: skip


def test_agencies_sort_by_pinyin() -> None:
    model = LibraryModel()
    names = [
        "重庆市某某区司法局",
        "长沙市某某区教育局",
        "安阳市公安局",
        "郑州市某某街道办事处",
        "北京市某某镇人民政府",
    ]
    model.set_reports([_summary(i, name) for i, name in enumerate(names)])
    model.sort(0, Qt.SortOrder.AscendingOrder)
    shown = [model.report_at(row).agency for row in range(model.rowCount())]  # type: ignore[union-attr]
    # ān, běi, cháng, chóng, zhèng: by code point 重 (U+91CD) would come after 郑 (U+90D1) and 长 first.
    assert shown == [
        "安阳市公安局",
        "北京市某某镇人民政府",
        "长沙市某某区教育局",
        "重庆市某某区司法局",
        "郑州市某某街道办事处",
    ]


def test_a_carried_review_is_undone_from_the_edit_menu(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    from desktop.core.annotations import create_annotation
    from desktop.core.library import get_report

    window = background_window(qtbot, library, tmp_path)
    [old] = import_and_wait(qtbot, window, [sample("shili_2024.txt")])
    with library.sessions.begin() as session:
        report = get_report(session, old.report_id, with_text=True)
        assert report is not None
        start = report.clean_text.index("示例市应急管理局")
        create_annotation(
            session, report, start, start + 8, category="other", severity="normal", comment="核对"
        )
    [new] = import_and_wait(qtbot, window, [sample("shili_2024.docx")])
    assert new.carry and new.carry["annotations"] == 1
    window.select_report(new.report_id)
    qtbot.waitUntil(lambda: window.report_view.report_id == new.report_id)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    window.actions_by_name["undo_carry"].trigger()
    qtbot.waitUntil(lambda: any("已撤销" in m for m in messages), timeout=15000)
    with library.sessions() as session:
        from sqlalchemy import func, select

        from db import models

        moved_back = session.scalar(
            select(func.count(models.Annotation.id)).where(models.Annotation.report_id == old.report_id)
        )
    assert moved_back == 1


def test_comparison_options_choose_the_baseline_and_what_counts_as_a_change(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    from desktop.core.baseline import AUTO
    from desktop.core.library import get_report
    from desktop.core.prior_year import prior_choice
    from tests.helpers import sample

    window = background_window(qtbot, library, tmp_path)
    prior, current = (
        o.report_id
        for o in import_and_wait(qtbot, window, [sample("shili_2023.docx"), sample("shili_2024.docx")])
    )
    qtbot.waitUntil(lambda: window.model.row_of(current or 0) >= 0, timeout=10000)
    window.select_report(current or 0)
    qtbot.waitUntil(lambda: window.report_view.report_id == current)
    window.comparison.show()
    view = window.comparison_view
    qtbot.waitUntil(lambda: window.comparison.compared_id == current, timeout=30000)
    assert view.options_bar.isVisible() and view.stack.currentIndex() == 1
    choices = [view.options_bar.baseline.itemData(i) for i in range(view.options_bar.baseline.count())]
    assert choices == [AUTO, prior, None] and view.options_bar.baseline.currentData() == AUTO
    assert f"#{prior}" in view.options_bar.baseline.itemText(0)
    with_years_ignored = view.changes.rowCount()
    # Counting year-only changes: more changes are listed, and the choice is remembered.
    view.options_bar.ignore_years.setChecked(False)
    assert window.comparison.compared_id is None
    qtbot.waitUntil(lambda: window.comparison.compared_id == current, timeout=30000)
    assert view.changes.rowCount() > with_years_ignored
    assert str(window.settings.value("comparison/ignore_years")).lower() == "false"
    # Compare with nothing: stored as the reviewer's decision, the view says there is no comparison.
    view.options_bar.baseline.setCurrentIndex(2)
    view.options_bar.baseline.activated.emit(2)
    qtbot.waitUntil(
        lambda: window.comparison.compared_id == current and view.stack.currentIndex() == 0,
        timeout=30000,
    )
    assert view.options_bar.baseline.currentData() is None and view.options_bar.isVisible()
    with library.sessions() as session:
        report = get_report(session, current or 0)
        assert report is not None and prior_choice(session, report) == (None, "none")
    # Back to automatic pairing.
    view.options_bar.baseline.setCurrentIndex(0)
    view.options_bar.baseline.activated.emit(0)
    qtbot.waitUntil(
        lambda: window.comparison.compared_id == current and view.stack.currentIndex() == 1, timeout=30000
    )
    with library.sessions() as session:
        report = get_report(session, current or 0)
        assert report is not None
        found, reason = prior_choice(session, report)
        assert found is not None and found.id == prior and reason == "same_issuer"
    again = MainWindow(window.settings, TaskRunner())
    qtbot.addWidget(again)
    assert (
        not again.comparison_view.options_bar.ignore_years.isChecked()
        and again.comparison_view.options_bar.ignore_splits.isChecked()
    )
    assert not again.comparison.options.ignore_years
