"""The window when the library cannot be written, a save fails, a second launch comes, a lock is
stale, a backup is restored or the library file is damaged: real files, real widgets."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from db import models
from db import sqlite as sqlite_db
from db.backup import backup_library, list_library_backups
from db.session import Library, open_library
from desktop.core.annotations.review import get_review_state, set_review_state
from desktop.ui.main_window import MainWindow
from desktop.ui.read_only import EDITING_ACTIONS
from desktop.ui.single_instance import LibraryLock
from desktop.ui.tasks import TaskRunner
from tests.conftest import ROOT
from tests.fs_helpers import read_only
from tests.helpers import sample
from tests.ui.test_annotations_ui import answer_dialog, make_window, select_quote
from tests.ui.test_main_window import import_and_wait


def read_only_twin(library: Library) -> Library:
    """The same file as a write-protected disk would leave it, before the window knows: every
    write fails in SQLite itself."""
    path = library.file
    assert path is not None
    engine = create_engine(library.url, creator=sqlite_db.creator(path, "ro"))
    sqlite_db.configure_sqlite(engine)
    return Library(library.url, engine, sessionmaker(engine, expire_on_commit=False))


@contextlib.contextmanager
def turned_read_only(library: Library) -> Iterator[None]:
    """The open library's disk becomes write-protected (for everything already holding it)."""
    twin = read_only_twin(library)
    saved = library.engine, library.sessions
    library.engine, library.sessions = twin.engine, twin.sessions
    try:
        yield
    finally:
        library.engine, library.sessions = saved
        twin.close()


def storage_errors() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "storageError" and w.isVisible()]


def close_boxes() -> None:
    for box in storage_errors():
        box.close()


def test_read_only_library_has_a_banner_and_no_editing(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    writable = open_library(path)
    writable.close()
    with read_only(path):
        library = open_library(path)
        try:
            window = make_window(qtbot, library, tmp_path / "s.ini")
            assert window.read_only_banner.isVisible()
            assert library.read_only and library.read_only in window.read_only_banner.label.text()
            for name in EDITING_ACTIONS:
                action = window.actions_by_name[name]
                assert not action.isEnabled(), name
                assert library.read_only in action.toolTip()
            assert window.actions_by_name["export_memo"].isEnabled()
            assert not window.report_view.review.status.isEnabled()
            assert window.report_view.review.conclusion.isReadOnly()
            assert not window.acceptDrops()
            assert not window.import_paths([sample("shili_2024.docx")])
        finally:
            library.close()
    other = open_library(tmp_path / "other.sqlite")
    window.set_library(other)
    assert not window.read_only_banner.isVisible()
    assert window.actions_by_name["add_annotation"].isEnabled() and window.acceptDrops()
    other.close()


def _window_with_report(qtbot: QtBot, library: Library, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    outcomes = import_and_wait(qtbot, window, [sample("shili_2024.docx"), sample("shili_2023.docx")])
    qtbot.waitUntil(lambda: window.report_view.report_id == outcomes[-1].report_id)
    return window


def test_an_annotation_that_cannot_be_saved_leaves_nothing_to_undo(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = _window_with_report(qtbot, library, tmp_path)
    window.library = read_only_twin(library)
    select_quote(window, "示例市应急管理局")
    answer_dialog("其他", "这条意见存不进去")
    window.actions_by_name["add_annotation"].trigger()
    qtbot.waitUntil(lambda: bool(storage_errors()))
    assert "只读" in storage_errors()[0].text()
    close_boxes()
    assert window.annotations.undo_stack.count() == 0
    assert not window.actions_by_name["undo"].isEnabled()
    with library.sessions() as session:
        assert session.scalar(select(models.Annotation.id)) is None
    window.library.close()


def test_an_undo_that_cannot_be_saved_keeps_the_stack(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    window = _window_with_report(qtbot, library, tmp_path)
    select_quote(window, "示例市应急管理局")
    answer_dialog("其他", "保存成功的意见")
    window.actions_by_name["add_annotation"].trigger()
    panel = window.report_view.annotations
    qtbot.waitUntil(lambda: len(panel.views) == 1)
    with turned_read_only(library):
        window.actions_by_name["undo"].trigger()
        qtbot.waitUntil(lambda: bool(storage_errors()))
        close_boxes()
        assert window.annotations.undo_stack.index() == 1 and window.actions_by_name["undo"].isEnabled()
    with library.sessions() as session:
        assert session.scalar(select(models.Annotation.comment)) == "保存成功的意见"
    window.actions_by_name["undo"].trigger()  # with a writable library the undo goes through
    assert window.annotations.undo_stack.index() == 0 and panel.views == []


def test_an_unsaved_conclusion_is_marked_and_stays_with_its_report(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = _window_with_report(qtbot, library, tmp_path)
    review = window.report_view.review
    first = window.report_view.report_id
    assert first is not None
    window.library = read_only_twin(library)
    window.open_report(first)
    review.conclusion.setPlainText("还没存进去的结论")
    review.flush()
    qtbot.waitUntil(lambda: bool(storage_errors()))
    close_boxes()
    assert "未保存" in review.stamp.text()
    other = 1 if first != 1 else 2
    window.open_report(other)  # the next report shows its own (stored) state, not the draft
    assert review.conclusion.toPlainText() == "" and "未保存" not in review.stamp.text()
    window.open_report(first)
    assert review.conclusion.toPlainText() == "还没存进去的结论" and "未保存" in review.stamp.text()
    close_boxes()
    window.library.close()
    window.library = library
    window.open_report(first)
    review.conclusion.setPlainText("还没存进去的结论，补充后保存")
    review.flush()
    assert "未保存" not in review.stamp.text() and not review.drafts
    with library.sessions() as session:
        assert get_review_state(session, first).conclusion == "还没存进去的结论，补充后保存"


SECOND_LAUNCH = """
import sys
from desktop.ui.app import claim_library, create_application
create_application([])
print("CLAIMED" if claim_library(sys.argv[1]) is not None else "HANDED-OVER")
"""


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform has no window manager
def test_a_second_launch_brings_the_first_window_forward(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    path = library.file
    assert path is not None and window.care.hold(path) and window.care.lock is not None
    with qtbot.waitSignal(window.care.lock.raise_requested, timeout=30000):
        second = subprocess.Popen(
            [sys.executable, "-c", SECOND_LAUNCH, str(path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
    out, err = second.communicate()
    assert out.decode().strip() == "HANDED-OVER" and second.returncode == 0
    assert "已切换到那个窗口" in err.decode("utf-8")
    notice = [w for w in QApplication.topLevelWidgets() if w.objectName() == "alreadyOpenNotice"]
    assert notice and notice[0].isVisible()
    notice[0].close()
    window.care.release()


HOLD_LOCK = """
import sys, time
from desktop.ui.app import create_application
from desktop.ui.single_instance import LibraryLock
from pathlib import Path
create_application([])
lock = LibraryLock(Path(sys.argv[1]))
print("HELD" if lock.acquire() else "BUSY", flush=True)
time.sleep(600)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_lock_of_a_crashed_window_is_taken_over(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    open_library(path).close()
    crashed = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert crashed.stdout is not None and crashed.stdout.readline().strip() == b"HELD"
    lock = LibraryLock(path)
    assert not lock.acquire()  # while that window lives, the library is taken
    os.kill(crashed.pid, signal.SIGKILL)
    crashed.wait()
    assert lock.path.exists()  # the crash left its lock file behind
    assert lock.acquire()  # … and it is recognised as stale
    lock.release()


def test_restoring_a_backup_from_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = open_library(path)
    window = _window_with_report(qtbot, library, tmp_path)
    backup = backup_library(library)
    with library.sessions.begin() as session:
        set_review_state(session, 1, conclusion="备份之后写的")
    with qtbot.waitSignal(window.library_loaded, timeout=30000):
        window.care.restore(path, [backup.path])
    assert window.library is not None and window.model.rowCount() == 2
    with window.library.sessions() as session:
        assert get_review_state(session, 1).conclusion == ""
    assert list(tmp_path.glob("lib.sqlite.before-restore-*"))
    window.library.close()


def test_backup_dialog_lists_backups_newest_first(qtbot: QtBot, library: Library) -> None:
    from desktop.ui.backup_dialog import BackupDialog

    path = library.file
    assert path is not None
    backup_library(library)
    with library.sessions.begin() as session:
        session.add(models.LibrarySetting(name="changed", value="yes"))
    newest = backup_library(library)
    dialog = BackupDialog(path, list_library_backups(path), 7)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2 and dialog.selected() == newest.path
    assert dialog.keep.value() == 7 and dialog.restore_button.isEnabled()


def test_automatic_backup_runs_in_the_background(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    path = library.file
    assert path is not None
    window.care.auto_backup()
    qtbot.waitUntil(lambda: not window.care.backing_up, timeout=30000)
    assert [b.kind for b in list_library_backups(path)] == ["auto"]


def test_a_damaged_library_is_offered_its_newest_backup(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.ui.app import start_library

    path = tmp_path / "lib.sqlite"
    library = open_library(path)
    backup_library(library)
    library.close()
    damaged = b"\0" * 4096 + os.urandom(60_000)
    path.write_bytes(damaged)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), TaskRunner())
    qtbot.addWidget(window)
    window.show()
    start_library(window, str(path), offer_samples=False)
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox, "damagedLibrary")), timeout=30000)
    box = window.findChildren(QMessageBox, "damagedLibrary")[0]
    restore = next(b for b in box.findChildren(QPushButton) if "恢复" in b.text())
    with qtbot.waitSignal(window.library_loaded, timeout=30000):
        restore.click()
    assert window.library is not None and window.library.read_only is None
    kept = list(tmp_path.glob("lib.sqlite.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    window.care.release()
    window.library.close()
