"""The reviewer's say on identities in the window: confirm an unsure agency, choose the prior-year
report, undo a superseding; the header says what is unsure and links to each dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.session import Library
from desktop.core.importing import import_files
from desktop.core.library import get_report
from desktop.core.prior_year import find_prior
from desktop.ui.import_flow import ImportSummaryDialog
from desktop.ui.metadata_dialog import MetadataDialog
from desktop.ui.pairing_dialogs import PriorDialog, VersionsDialog
from tests.test_identity_links import report, write
from tests.ui.test_annotations_ui import make_window


def show(qtbot: QtBot, window, report_id: int) -> str:  # type: ignore[no-untyped-def]
    window.select_report(report_id)
    qtbot.waitUntil(lambda: window.report_view.report_id == report_id)
    return window.report_view.header.text()


def test_unsure_agency_is_shown_and_confirmed_with_the_suggestion(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    text = report(
        "", "2023年，市公安局坚持依法行政，制定了《宜春市公安局执法规范化实施方案》。", "局党委", 2023, 3
    )
    [outcome] = import_files(library.sessions, [write(tmp_path, "a.txt", text)])
    window = make_window(qtbot, library, tmp_path / "s.ini")
    header = show(qtbot, window, outcome.report_id or 0)
    assert "（未确认）" in header and "宜春市公安局" in header and "rd:confirm-agency" in header

    def confirm() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MetadataDialog) and w.isVisible()
        )
        assert dialog.confirm_agency.isChecked() and dialog.use_suggestion is not None
        dialog.use_suggestion.click()
        dialog.save()

    QTimer.singleShot(200, confirm)
    window.identity.link("rd:confirm-agency")
    qtbot.waitUntil(lambda: "（未确认）" not in window.report_view.header.text())
    assert "宜春市公安局" in window.report_view.header.text()
    with library.sessions() as session:
        found = get_report(session, outcome.report_id or 0)
        assert found is not None and found.agency == "宜春市公安局" and found.agency_confident


def test_choosing_the_prior_report_in_a_dialog(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    prior = report("", "2023年，区教育局坚持依法治教。", "局党委", 2023, 2)
    current = report(
        "示例区教育局2024年法治政府建设年度报告", "2024年，我局坚持依法治教。", "局党委", 2024, 3
    )
    outcomes = import_files(
        library.sessions, [write(tmp_path, "p.txt", prior), write(tmp_path, "c.txt", current)]
    )
    prior_id, current_id = (o.report_id or 0 for o in outcomes)
    window = make_window(qtbot, library, tmp_path / "s.ini")
    assert "可能的上年报告" in show(qtbot, window, current_id)
    window.actions_by_name["choose_prior"].trigger()
    dialog = window.identity.dialog
    assert isinstance(dialog, PriorDialog)
    qtbot.waitUntil(lambda: bool(dialog.rows))
    assert dialog.rows[0].id == prior_id and dialog.rows[0].relation == "possible_prior"
    assert dialog.selected() is not None  # a likely report is preselected
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.findChild(type(dialog.button_list[0]), "usePrior").click()
    qtbot.waitUntil(lambda: "上年报告：#" in window.report_view.header.text())
    with library.sessions() as session:
        this = get_report(session, current_id)
        assert this is not None
        found = find_prior(session, this)
        assert found is not None and found.id == prior_id


def test_undoing_a_superseding_in_the_versions_dialog(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    text = report("示例县司法局2024年法治政府建设年度报告", "2024年，我局坚持依法行政。", "局党组", 2024, 5)
    outcomes = import_files(
        library.sessions,
        [write(tmp_path, "v1.txt", text), write(tmp_path, "v2.txt", text + "\n示例县司法局")],
    )
    old_id, new_id = (o.report_id or 0 for o in outcomes)
    assert outcomes[1].superseded == [old_id]
    window = make_window(qtbot, library, tmp_path / "s.ini")
    assert "已被" in show(qtbot, window, old_id)
    show(qtbot, window, new_id)
    window.identity.versions()
    dialog = window.identity.dialog
    assert isinstance(dialog, VersionsDialog)
    qtbot.waitUntil(lambda: bool(dialog.rows))
    assert [(r.id, r.relation) for r in dialog.rows] == [(old_id, "superseded_by_this")]
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.findChild(type(dialog.button_list[0]), "notSame").click()
    with library.sessions() as session:
        older = get_report(session, old_id)
        assert older is not None and older.superseded_by_id is None


def test_import_summary_says_what_was_superseded_and_paired(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    text = report("示例县司法局2024年法治政府建设年度报告", "2024年，我局坚持依法行政。", "局党组", 2024, 5)
    earlier = report(
        "示例县司法局2023年法治政府建设年度报告", "2023年，我局坚持依法行政。", "局党组", 2023, 4
    )
    outcomes = import_files(
        library.sessions,
        [
            write(tmp_path, "x.txt", earlier),
            write(tmp_path, "y.txt", text),
            write(tmp_path, "z.txt", text + "\n示例县司法局"),
        ],
    )
    dialog = ImportSummaryDialog(outcomes)
    qtbot.addWidget(dialog)
    notes = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
    assert "作为" in notes[0] and "取代了旧版本" in notes[2] and "与上年报告" in notes[2]
