"""Looking after the open library: one window per library, read-only mode, automatic backups,
restoring a backup, and what to do with a damaged library file.

Backups and restores run on the task runner (a 1,000-report library takes a few seconds), so the
window never waits for them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from desktop.ui.single_instance import LibraryLock, ask_holder_to_raise, library_file, other_window_message
from desktop.ui.storage_errors import show_storage_error

if TYPE_CHECKING:
    from db.session import Library, LibraryDamaged
    from desktop.ui.main_window import MainWindow

log = logging.getLogger("reviewdesk.ui.library")

AUTO_BACKUP_INTERVAL_MS = 30 * 60 * 1000
"""How often a changed library is backed up while the window is open (also once after opening,
and once more when the window closes)."""
FIRST_BACKUP_DELAY_MS = 5000


class LibraryCare(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lock: LibraryLock | None = None
        self.backing_up = False
        self.warned_backup = False
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_BACKUP_INTERVAL_MS)
        self.timer.timeout.connect(self.auto_backup)
        window.report_view.review.failed.connect(lambda message: show_storage_error(window, message))

    # One window per library -----------------------------------------------------------------

    def hold(self, location: str | Path) -> bool:
        """Take ``location``'s lock (keeping the current one if it is the same library); False,
        with the reviewer told and the other window brought forward, if another window has it."""
        path = library_file(location)
        if path is None:  # a server library: the server keeps the writes apart
            self.release()
            return True
        if self.lock is not None and self.lock.library == path:
            return True
        lock = LibraryLock(path, self)
        if not lock.acquire():
            lock.deleteLater()
            self.refuse(lock)
            return False
        self.adopt(lock)
        return True

    def adopt(self, lock: LibraryLock) -> None:
        """Keep ``lock`` (taken before the window existed) as this window's."""
        if self.lock is not None and self.lock is not lock:
            self.release()
        lock.setParent(self)
        lock.raise_requested.connect(self.bring_forward)
        self.lock = lock

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock.deleteLater()
            self.lock = None

    def refuse(self, lock: LibraryLock) -> None:
        if ask_holder_to_raise(lock.library):
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "LibraryCare", "该资料库已在另一个 ReviewDesk 窗口中打开，已切换到那个窗口。"
                ),
                10000,
            )
            return
        show_storage_error(
            self.window,
            other_window_message(lock),
            QCoreApplication.translate("LibraryCare", "资料库已被占用"),
        )

    def bring_forward(self) -> None:
        """Another launch asked for this library: show this window and say why."""
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        box = QMessageBox(window)
        box.setObjectName("alreadyOpenNotice")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("ReviewDesk")
        box.setText(
            QCoreApplication.translate(
                "LibraryCare",
                "这个资料库已在本窗口中打开。每个资料库只开一个窗口，以免两个窗口互相覆盖审阅结论；"
                "请在这里继续工作。",
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # The open library -----------------------------------------------------------------------

    def explain_no_import(self) -> None:
        """Importing was asked for but cannot happen: say why (it must never do nothing silently)."""
        message = (
            QCoreApplication.translate("MainWindow", "资料库是只读的，不能导入。")
            if self.window.library is not None
            else QCoreApplication.translate(
                "MainWindow", "没有打开资料库，无法导入。请用“文件 → 打开资料库”打开或新建一个资料库。"
            )
        )
        self.window.statusBar().showMessage(message, 10000)

    def library_set(self, library: Library) -> None:
        from desktop.ui.read_only import apply_library_mode

        apply_library_mode(self.window, library)
        self.window.annotations.undo_stack.clear()  # its commands belong to the library before
        if library.file is not None and not library.read_only:
            self.timer.start()
            QTimer.singleShot(FIRST_BACKUP_DELAY_MS, self.auto_backup)
        else:
            self.timer.stop()

    def shutdown(self) -> None:
        self.timer.stop()
        self.release()

    # Backups --------------------------------------------------------------------------------

    def auto_backup(self) -> None:
        library = self.window.library
        if library is None or library.read_only or library.file is None or self.backing_up:
            return
        self.backing_up = True

        def work(_context: Any) -> Any:
            from db.backup import auto_backup

            return auto_backup(library)

        self.window.runner.run(work, self._auto_done, self._auto_failed)

    def _auto_done(self, backup: Any) -> None:
        self.backing_up = False
        if backup is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("LibraryCare", "已自动备份资料库。"), 5000
            )

    def _auto_failed(self, error: BaseException, _trace: str) -> None:
        self.backing_up = False
        message = QCoreApplication.translate("LibraryCare", "自动备份未完成：") + str(error)
        log.warning("automatic backup failed: %s", error)
        self.window.statusBar().showMessage(message, 30000)
        if not self.warned_backup:  # once per session: the reviewer should know, not be nagged
            self.warned_backup = True
            show_storage_error(
                self.window, message, QCoreApplication.translate("LibraryCare", "自动备份未完成")
            )

    def final_backup(self) -> None:
        """When the window has closed: one last backup if the library changed (nothing to block)."""
        library = self.window.library
        if library is None or library.read_only or library.file is None:
            return
        try:
            from db.backup import auto_backup

            auto_backup(library)
        except Exception:
            log.warning("backup at exit failed", exc_info=True)

    def backup_now(self) -> None:
        library = self.window.library
        if library is None:
            return

        def work(_context: Any) -> Any:
            from db.backup import backup_library

            return backup_library(library)

        def done(backup: Any) -> None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("LibraryCare", "已备份到 %1（已通过完整性检查）").replace(
                    "%1", str(backup.path)
                ),
                10000,
            )

        def failed(error: BaseException, _trace: str) -> None:
            show_storage_error(
                self.window, str(error), QCoreApplication.translate("LibraryCare", "备份未完成")
            )

        self.window.runner.run(work, done, failed)

    def open_backups(self) -> None:
        """File → 恢复备份."""
        from db.backup import BackupError, keep_count, list_library_backups, set_keep_count
        from desktop.ui.backup_dialog import BackupDialog

        library = self.window.library
        if library is None:
            return
        if library.file is None:
            from db.backup import SERVER_MESSAGE

            show_storage_error(
                self.window, SERVER_MESSAGE, QCoreApplication.translate("LibraryCare", "恢复备份")
            )
            return
        keep = keep_count(library)
        dialog = BackupDialog(library.file, list_library_backups(library.file), keep, self.window)
        accepted = dialog.exec()
        if dialog.keep.value() != keep and not library.read_only:
            try:
                set_keep_count(library, dialog.keep.value())
            except (BackupError, Exception) as error:
                from desktop.ui.storage_errors import storage_message

                show_storage_error(self.window, storage_message(error, library))
        if dialog.backup_now_requested:
            self.backup_now()
        elif accepted and dialog.chosen is not None:
            self.restore(library.file, [dialog.chosen])

    def restore(self, path: Path, candidates: list[Path], damaged: bool = False) -> None:
        """Put the first usable backup of ``candidates`` in place of the library at ``path`` (the
        current file is kept aside), then open it."""
        window = self.window
        window.report_view.review.flush()
        if window.library is not None:
            window.library.close()
            window.library = None
        window.report_view.clear()
        window.model.set_reports([])

        def work(_context: Any) -> Any:
            from db.backup import BackupError, restore_library

            problems = []
            for backup in candidates:
                try:
                    return backup, restore_library(path, backup, damaged)
                except BackupError as error:
                    problems.append(str(error))
            raise BackupError(
                "；".join(problems) or QCoreApplication.translate("LibraryCare", "没有可用的备份。")
            )

        def done(result: Any) -> None:
            from desktop.ui.app import start_library

            backup, aside = result
            kept = (
                QCoreApplication.translate("LibraryCare", "原资料库文件已改名保留为“%1”。").replace(
                    "%1", str(aside)
                )
                if aside
                else ""
            )
            window.statusBar().showMessage(
                QCoreApplication.translate("LibraryCare", "已从备份恢复：") + Path(backup).name + " " + kept,
                20000,
            )
            start_library(window, str(path), offer_samples=False)

        def failed(error: BaseException, _trace: str) -> None:
            from desktop.ui.app import start_library

            show_storage_error(
                window,
                QCoreApplication.translate("LibraryCare", "恢复未完成：") + str(error),
                QCoreApplication.translate("LibraryCare", "恢复备份"),
            )
            if path.exists() and not damaged:
                start_library(window, str(path), offer_samples=False)

        window.runner.run(work, done, failed)

    def offer_restore(self, error: LibraryDamaged) -> None:
        """The library file is damaged: offer its newest backup (the damaged file is kept aside)."""
        if not error.backups:
            show_storage_error(
                self.window, str(error), QCoreApplication.translate("LibraryCare", "资料库已损坏")
            )
            return
        box = QMessageBox(self.window)
        box.setObjectName("damagedLibrary")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("LibraryCare", "资料库已损坏"))
        box.setText(
            QCoreApplication.translate(
                "LibraryCare",
                "资料库文件“%1”已损坏，无法打开。\n\n最新的备份是“%2”。要用它恢复吗？损坏的文件会改名保留，不会被覆盖。",
            )
            .replace("%1", str(error.path))
            .replace("%2", error.backups[0].name)
        )
        restore = box.addButton(
            QCoreApplication.translate("LibraryCare", "恢复最新备份"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: Any) -> None:
            if button is restore:
                self.restore(error.path, list(error.backups), damaged=True)

        box.buttonClicked.connect(answered)
        box.open()


def confirm_unsaved_review(window: MainWindow) -> bool:
    """Before closing: try once more to save review conclusions whose save failed; if some still
    cannot be saved, ask whether to close anyway (they would be lost)."""
    review = window.report_view.review
    if not review.drafts or review.save_drafts():
        return True
    answer = QMessageBox.warning(
        window,
        QCoreApplication.translate("LibraryCare", "有未保存的审阅结论"),
        QCoreApplication.translate(
            "LibraryCare",
            "%1 份报告的审阅状态或结论未能存入资料库（见审阅面板中的红字）。现在关闭，这些修改将丢失。\n\n仍要关闭吗？",
        ).replace("%1", str(len(review.drafts))),
        QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Close
