"""The operation layer: no database session on the GUI thread while a reviewer works, results only
after commit, change notices that the list and panels follow, and the inline runner for tests."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from db.session import Library
from desktop.core.annotations.review import get_review_state
from desktop.core.importing import import_file
from desktop.ui.changes import Changes
from desktop.ui.main_window import MainWindow
from desktop.ui.metadata_dialog import MetadataDialog
from desktop.ui.operations import CollectionOp, QueryOp
from desktop.ui.tasks import InlineRunner, TaskRunner
from tests.helpers import sample
from tests.ui.test_annotations_ui import answer_dialog, select_quote


class GuiThreadSessions:
    """Notes every transaction SQLAlchemy begins on the GUI thread (a real event of the library's
    sessionmaker; nothing of ours is replaced)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.seen: list[str] = []
        self.watching = False

    def __enter__(self) -> GuiThreadSessions:
        event.listen(self.library.sessions, "after_begin", self._began)
        self.watching = True
        return self

    def __exit__(self, *_exc: object) -> None:
        self.watching = False
        event.remove(self.library.sessions, "after_begin", self._began)

    def _began(self, _session: object, _transaction: object, _connection: object) -> None:
        if self.watching and threading.current_thread() is threading.main_thread():
            import traceback

            self.seen.append("".join(traceback.format_stack(limit=12)))


def real_window(qtbot: QtBot, library: Library, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "王审阅")
    window = MainWindow(settings, TaskRunner())  # the real thread pool: this is about threads
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=10000):
        window.set_library(library)
    window.show()
    return window


def test_no_session_is_opened_on_the_gui_thread_while_reviewing(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    first = import_file(library.sessions, sample("shili_2023.docx")).report_id or 0
    report_id = import_file(library.sessions, sample("shili_2024.docx")).report_id or 0
    window = real_window(qtbot, library, tmp_path)
    panel = window.report_view.annotations
    with GuiThreadSessions(library) as guard:
        window.select_report(report_id)  # open_report
        qtbot.waitUntil(lambda: window.report_view.report_id == report_id, timeout=10000)
        window.select_report(first)
        qtbot.waitUntil(lambda: window.report_view.report_id == first, timeout=10000)
        window.select_report(report_id)
        qtbot.waitUntil(lambda: window.report_view.report_id == report_id, timeout=10000)
        select_quote(window, "执法力量与监管任务不相匹配")  # annotation add, edit, undo, redo, delete
        answer_dialog("问题查摆不深", "只列现象。")
        window.actions_by_name["add_annotation"].trigger()
        qtbot.waitUntil(lambda: len(panel.views) == 1, timeout=10000)
        panel.toggle_requested.emit(panel.views[0].id)
        qtbot.waitUntil(lambda: panel.views[0].status_label == "已处理", timeout=10000)
        window.actions_by_name["undo"].trigger()
        qtbot.waitUntil(lambda: panel.views[0].status_label == "未处理", timeout=10000)
        window.actions_by_name["redo"].trigger()
        qtbot.waitUntil(lambda: panel.views[0].status_label == "已处理", timeout=10000)
        panel.delete_requested.emit(panel.views[0].id)
        qtbot.waitUntil(lambda: panel.views == [], timeout=10000)
        review = window.report_view.review  # the review panel's status and conclusion
        with qtbot.waitSignal(review.saved, timeout=10000):
            review.status.setCurrentIndex(review.status.findData("in_review"))
        review.conclusion.setPlainText("结论")
        with qtbot.waitSignal(review.saved, timeout=10000):
            review.flush()
        window.identity.edit_metadata()  # the metadata dialog: read, then save
        dialog = window.identity.dialog
        assert isinstance(dialog, MetadataDialog)
        qtbot.waitUntil(lambda: bool(dialog.edits), timeout=10000)
        dialog.edits["title"].setText("示例市应急管理局2024年度法治政府建设情况的报告")
        with qtbot.waitSignal(dialog.finished, timeout=10000):
            dialog.save()
        assert dialog.result() == QDialog.DialogCode.Accepted
        qtbot.waitUntil(lambda: "2024年度法治政府建设情况" in window.report_view.header.text(), timeout=10000)
        window.identity.choose_prior()  # the pairing dialog
        pairing = window.identity.dialog
        qtbot.waitUntil(lambda: bool(pairing.rows), timeout=10000)  # type: ignore[union-attr]
        pairing.reject()  # type: ignore[union-attr]
        QTimer.singleShot(300, lambda: QApplication.activeModalWidget().reject())  # type: ignore[union-attr]
        window.packages.resolve_conflicts()  # the conflict dialog lists in the background
        window.runner.wait()
        qtbot.wait(50)
    assert guard.seen == [], guard.seen[0]
    with library.sessions() as session:
        assert get_review_state(session, report_id).conclusion == "结论"


def test_success_comes_after_commit_and_the_notice_after_success(
    qtbot: QtBot, library: Library, tmp_path: Path, inline_runner: InlineRunner
) -> None:
    report_id = import_file(library.sessions, sample("shili_2024.docx")).report_id or 0
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, inline_runner)
    qtbot.addWidget(window)
    window.set_library(library)
    events: list[object] = []
    window.context.bus.changed.connect(lambda changes, _by: events.append(changes))

    def store(session: object) -> str:
        from desktop.core.annotations.review import set_review_state

        set_review_state(session, report_id, status="done", reviewer="甲", conclusion="退回")  # type: ignore[arg-type]
        return "done"

    def stored(result: str) -> None:  # the commit is done: another session sees it
        with library.sessions() as session:
            events.append((result, get_review_state(session, report_id).status))

    assert CollectionOp(window.context, store, Changes.of(report_id, review=True)).success(stored).run()
    assert events[0] == ("done", "done")
    assert isinstance(events[1], Changes) and events[1].review and events[1].concerns(report_id)
    assert not events[1].concerns(report_id + 1)
    # The list observes the notice: its review column shows the stored status without a refresh.
    assert window.model.report_at(0).review_status == "done"


def test_a_failed_write_is_shown_and_announces_nothing(
    qtbot: QtBot, library: Library, tmp_path: Path, inline_runner: InlineRunner
) -> None:
    from desktop.ui.storage_errors import show_storage_error

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, inline_runner)
    qtbot.addWidget(window)
    window.set_library(library)
    events: list[object] = []
    window.context.bus.changed.connect(lambda changes, _by: events.append(changes))

    def store(_session: object) -> None:
        raise OSError(28, "No space left on device")

    assert CollectionOp(window.context, store, Changes(annotations=True)).success(events.append).run()
    assert events == []
    boxes = [w for w in window.findChildren(QDialog) if w.objectName() == "storageError"]
    assert boxes and "磁盘" in boxes[0].text()  # type: ignore[attr-defined]
    assert show_storage_error is not None
    read = QueryOp(window.context, lambda session: 42, events.append)
    assert read.run() and events == [42]


def test_the_library_count_follows_annotations_without_a_refresh(
    qtbot: QtBot, library: Library, tmp_path: Path, inline_runner: InlineRunner
) -> None:
    from desktop.ui.annotation_commands import AddAnnotation

    report_id = import_file(library.sessions, sample("shili_2024.docx")).report_id or 0
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, inline_runner)
    qtbot.addWidget(window)
    window.set_library(library)
    window.open_report(report_id)
    assert window.model.report_at(0).annotations == 0
    text = window.report_view.text.toPlainText()
    start = text.index("执法力量与监管任务不相匹配")
    command = AddAnnotation(library, report_id, start, start + 4, {"category": "其他", "author": "甲"})
    assert window.annotations.push(command)
    # The notice reached the list, the panel and the count; F5 was never pressed.
    assert window.model.report_at(0).annotations == 1
    assert len(window.report_view.annotations.views) == 1
    window.actions_by_name["undo"].trigger()
    assert window.model.report_at(0).annotations == 0 and window.report_view.annotations.views == []
