"""The English interface is complete: with a report open, every tab and panel a reviewer visits
shows no Chinese except the reports' own data, and no label, button or column title is cut off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from db import models
from db.session import Library
from desktop.ui.app import install_translator
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskRunner
from tests.helpers import sample
from tests.ui.visible_text import HAN, clipped, untranslated

SIZES = [(1200, 760), (1600, 1000)]


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    installed = install_translator(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def _report_data(library: Library) -> list[str]:
    """What the library holds (shown as it is, in Chinese, in any language)."""
    data: list[str] = []
    with library.sessions() as session:
        for report in session.query(models.Report):
            data += [report.agency or "", report.title or "", report.source_name or "", report.region or ""]
            data += [f"{s.number}{s.title}" for s in report.sections] + [s.title for s in report.sections]
    return data


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_english_main_window_with_a_report_open_is_translated_and_not_clipped(
    qtbot: QtBot, english: None, library: Library, tmp_path: Path, size: tuple[int, int]
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, TaskRunner())
    qtbot.addWidget(window)
    window.resize(*size)
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        window.set_library(library)
    window.import_flow.show_summary = False
    window.show()
    with qtbot.waitSignal(window.import_flow.finished, timeout=60000):
        assert window.import_paths([sample("shili_2023.docx"), sample("shili_2024.docx")])
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10000)
    qtbot.waitUntil(lambda: window.report_view.report_id is not None, timeout=10000)
    data = _report_data(library)
    problems: dict[str, list[str]] = {}

    def visit(tabs: QTabWidget, where: str) -> None:
        for tab in range(tabs.count()):
            tabs.setCurrentIndex(tab)
            qtbot.wait(300)
            for seen in untranslated(window, data):
                problems.setdefault("untranslated", []).append(f"{where} {seen.where}: {seen.text}")
            for seen in clipped(window):
                problems.setdefault("clipped", []).append(
                    f"{where} {tabs.tabText(tab)} {seen.where}: {seen.text}"
                )

    visit(window.report_view.side, "report")
    window.actions_by_name["show_comparison"].trigger()
    qtbot.waitUntil(lambda: window.comparison.compared_id is not None, timeout=20000)
    visit(window.comparison_view.tabs, "comparison")
    for key in problems:
        problems[key] = sorted(set(problems[key]))
    assert not problems, "\n".join(f"{k}: {v}" for k, vs in problems.items() for v in vs)


def test_english_import_summary_says_every_result_in_english(
    qtbot: QtBot, english: None, library: Library, tmp_path: Path
) -> None:
    from desktop.core.importing import import_files
    from desktop.ui.import_flow import ImportSummaryDialog

    empty = tmp_path / "空白报告.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "not_text.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    files = [sample("shili_2023.docx"), sample("shili_2024.txt"), sample("shili_2024.docx"), empty, binary]
    outcomes = import_files(library.sessions, files)
    assert [o.ok for o in outcomes] == [True, True, True, False, False]
    dialog = ImportSummaryDialog(outcomes)
    qtbot.addWidget(dialog)
    dialog.show()
    cells = [
        dialog.table.item(row, column).text()
        for row in range(dialog.table.rowCount())
        for column in range(dialog.table.columnCount())
    ]
    data = [p.name for p in files] + _report_data(library)
    left = [cell for cell in cells if HAN.search(_without(cell, data))]
    assert not left, left
    notes = cells[2::3]
    assert "Replaced the earlier version" in notes[2] or "Kept as another format" in " ".join(notes)
    assert notes[3] == "The file is empty; there is nothing to import."
    assert not untranslated(dialog, data)


def _without(text: str, data: list[str]) -> str:
    for piece in sorted({d for d in data if d}, key=len, reverse=True):
        text = text.replace(piece, "")
    return text


def test_english_dialogs_are_translated_and_not_clipped(qtbot: QtBot, english: None, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from desktop.core.annotations.taxonomy import load_taxonomy
    from desktop.ui.annotation_dialog import AnnotationDialog
    from desktop.ui.help_dialogs import ShortcutsDialog, UserGuideDialog
    from desktop.ui.settings import AppSettings
    from desktop.ui.settings_dialog import SettingsDialog

    settings = AppSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, TaskRunner())
    qtbot.addWidget(window)
    quote = "全年全市共发生生产安全事故23起"
    dialogs = [
        SettingsDialog(settings),
        AnnotationDialog(load_taxonomy(), quote),
        AnnotationDialog(load_taxonomy(), quote, {"category": "other", "severity": "serious", "comment": ""}),
        ShortcutsDialog(list(window.actions_by_name.values())),
        UserGuideDialog("en"),
    ]
    problems = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(50)
        problems += [
            f"untranslated {dialog.objectName()} {s.where}: {s.text}"
            for s in untranslated(dialog, [quote, "简体中文"])  # a language is offered under its own name
        ]
        problems += [f"clipped {dialog.objectName()} {s.where}: {s.text}" for s in clipped(dialog)]
    assert not problems, "\n".join(problems)
