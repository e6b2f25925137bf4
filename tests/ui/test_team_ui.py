"""Team mode in the window: others' changes appear, a lost save shows both versions, a reviewer login
cannot import, and the connection dialog logs in (or says in Chinese why not)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.postgres import Capabilities
from db.session import Library, open_library
from desktop.core.annotations.review import get_review_state, set_review_state
from desktop.core.annotations.store import create_annotation, edit_annotation, get_annotation
from desktop.core.library import get_report
from desktop.ui.conflict_dialog import ConflictDialog, VersionChoiceDialog
from desktop.ui.connection_dialog import ConnectionDialog, compose_url, parse_url
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskRunner
from tests.conftest import PG_URL, require_postgres
from tests.helpers import sample
from tests.ui.test_annotations_ui import make_window
from tests.ui.test_main_window import import_and_wait

QUOTE = "执法力量与监管任务不相匹配"


def opened_report(qtbot: QtBot, library: Library, tmp_path: Path) -> tuple[MainWindow, int]:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    [outcome] = import_and_wait(qtbot, window, [sample("shili_2024.docx")])
    qtbot.waitUntil(lambda: window.report_view.report_id == outcome.report_id)
    return window, outcome.report_id


def when_shown(kind: type, act: object, delay: int = 200) -> list[object]:
    """Answer the next modal dialog of ``kind`` as a reviewer would; returns what it saw."""
    seen: list[object] = []

    def answer() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None
        )
        if dialog is None:
            QTimer.singleShot(100, answer)
            return
        seen.append(act(dialog))  # type: ignore[operator]

    QTimer.singleShot(delay, answer)
    return seen


def test_a_change_committed_elsewhere_appears_without_a_restart(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window, report_id = opened_report(qtbot, library, tmp_path)
    window.team.watcher.interval = 0.2  # type: ignore[union-attr]
    other = open_library(library.url)  # another reviewer's app, or the command line
    try:
        with other.sessions.begin() as session:
            set_review_state(session, report_id, status="已完成", reviewer="乙审阅", conclusion="乙的结论")
            report = get_report(session, report_id, with_text=True)
            assert report is not None
            start = report.clean_text.index(QUOTE)
            create_annotation(
                session, report, start, start + len(QUOTE), category="问题查摆不深", author="乙审阅"
            )
    finally:
        other.close()
    with qtbot.waitSignal(window.team.refreshed, timeout=15000):
        pass
    qtbot.waitUntil(lambda: len(window.report_view.annotations.views) == 1, timeout=5000)
    assert window.report_view.review.conclusion.toPlainText() == "乙的结论"
    assert "乙审阅" in window.report_view.review.stamp.text()


def test_a_review_saved_meanwhile_by_another_reviewer_shows_both_versions(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window, report_id = opened_report(qtbot, library, tmp_path)
    window.team.library_closing()  # no refresh in between: the panel still shows the old version
    with library.sessions.begin() as session:
        set_review_state(session, report_id, conclusion="乙的结论", reviewer="乙审阅")
    seen = when_shown(
        VersionChoiceDialog, lambda d: (d.saved.toPlainText(), d.mine.toPlainText(), d.accept())
    )
    panel = window.report_view.review
    panel.conclusion.setPlainText("王的结论")
    panel.flush()  # saves the typing now: the save finds version 1 where it expected none
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    saved, mine, _ = seen[0]  # type: ignore[misc]
    assert "乙的结论" in saved and "乙审阅" in saved and "王的结论" in mine
    with library.sessions() as session:  # the reviewer chose to keep their own
        state = get_review_state(session, report_id)
    assert (state.conclusion, state.reviewer, state.version) == ("王的结论", "王审阅", 2)


def test_an_annotation_edit_that_lost_a_race_opens_the_conflict_dialog(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    from desktop.ui.annotation_commands import EditAnnotation

    window, report_id = opened_report(qtbot, library, tmp_path)
    with library.sessions.begin() as session:
        report = get_report(session, report_id, with_text=True)
        assert report is not None
        start = report.clean_text.index(QUOTE)
        annotation_id = create_annotation(
            session, report, start, start + len(QUOTE), category="问题查摆不深"
        ).id
    with library.sessions.begin() as session:  # another reviewer saves first (version 2)
        edit_annotation(session, annotation_id, comment="乙的意见", expected_version=1, by="乙审阅")

    def look(dialog: ConflictDialog) -> tuple[str, str, str]:
        shown = (dialog.local.toPlainText(), dialog.incoming.toPlainText(), dialog.incoming_title.text())
        dialog.keep_local.click()
        dialog.reject()
        return shown

    seen = when_shown(ConflictDialog, look)
    controller = window.annotations
    controller.push(EditAnnotation(library, annotation_id, {"comment": "王的意见"}, 1, "王审阅"))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    local, incoming, title = seen[0]  # type: ignore[misc]
    assert "乙的意见" in local and "乙审阅" in local and "王的意见" in incoming and "未能保存" in title
    assert controller.undo_stack.count() == 0  # nothing to undo: nothing was written
    with library.sessions() as session:
        assert get_annotation(session, annotation_id).comment == "乙的意见"


def test_a_reviewer_login_cannot_import(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    window.team._apply(Capabilities(import_reports=False, delete_reports=False, annotate=True, user="li"))
    assert not any(
        window.actions_by_name[n].isEnabled() for n in ("import", "import_folder", "import_samples")
    )
    assert not window.import_paths([sample("shili_2024.docx")])
    assert "组长" in window.statusBar().currentMessage()
    window.team._apply(Capabilities())
    assert window.actions_by_name["import"].isEnabled()


def test_connection_addresses() -> None:
    url = compose_url("/run/postgresql", 5433, "reviews", "li")
    assert url == "postgresql://li@/reviews?host=%2Frun%2Fpostgresql&port=5433"
    assert parse_url(url) == {"host": "/run/postgresql", "port": 5433, "database": "reviews", "user": "li"}
    assert (
        compose_url("db.sfj.local", 5432, "reviewdesk", "zhang")
        == "postgresql://zhang@db.sfj.local/reviewdesk"
    )
    assert parse_url("postgresql://zhang@10.0.0.5:6000/rd")["port"] == 6000


def test_the_connection_dialog_says_why_it_cannot_connect(qtbot: QtBot) -> None:
    runner = TaskRunner()
    dialog = ConnectionDialog(runner, "postgresql://li@/reviews?host=/nonexistent-folder&port=1")
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value(), dialog.user.text()) == ("/nonexistent-folder", 1, "li")
    dialog.try_connect()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=15000)
    assert "无法连接团队资料库服务器" in dialog.status.text() and dialog.location == ""


def test_the_connection_dialog_logs_in_to_a_server(qtbot: QtBot) -> None:
    require_postgres()
    runner = TaskRunner()
    dialog = ConnectionDialog(runner, PG_URL)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.try_connect()
    assert dialog.location == PG_URL


def test_the_lead_moves_a_report_to_the_bin_and_a_reviewer_may_not(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window, report_id = opened_report(qtbot, library, tmp_path)
    window.select_report(report_id)
    with qtbot.waitSignal(window.bins.changed, timeout=15000):
        window.actions_by_name["delete_reports"].trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10000)
    assert window.report_view.report_id is None
    window.team._apply(Capabilities(import_reports=False, delete_reports=False, annotate=True, user="li"))
    assert not window.actions_by_name["delete_reports"].isEnabled()
