"""Importing from the GUI: a background job with a progress dialog, then a summary of results."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.import_messages import outcome_notes, refusal_text
from desktop.ui.labels import QT_TRANSLATE_NOOP
from desktop.ui.settings import IMPORT_DIR
from desktop.ui.tasks import Task, TaskContext, TaskRunner

if TYPE_CHECKING:
    from db.session import Library
    from desktop.core.importing import ImportOutcome
    from desktop.ui.main_window import MainWindow


FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportFlow", "报告文件 (*.docx *.pdf *.txt *.html *.htm *.doc);;所有文件 (*)"
)


class ImportFlow(QObject):
    """Runs one import job at a time; emits ``finished`` with the outcomes."""

    finished = Signal(list)

    def __init__(self, runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._runner = runner
        self._parent = parent_widget
        self.dialog: QProgressDialog | None = None
        self.show_summary = True
        self._summary_for_this_job = True
        self._task: Task | None = None
        self._quit_after = False
        """The reviewer chose 停止并退出: the window closes once the stopped import has said what it did."""
        self.close_question: QMessageBox | None = None
        self.summary: ImportSummaryDialog | None = None

    def start(self, library: Library, paths: list[Path], summary: bool = True) -> bool:
        """Import ``paths`` in the background; ``summary`` shows the per-file results afterwards."""
        from desktop.core.importing import expand_paths

        files = expand_paths(paths)
        if not files:
            return False
        dialog = QProgressDialog(
            QCoreApplication.translate("ImportFlow", "正在导入报告…"),
            QCoreApplication.translate("ImportFlow", "取消"),
            0,
            len(files),
            self._parent,
        )
        dialog.setWindowTitle(QCoreApplication.translate("ImportFlow", "导入报告"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setValue(0)
        self.dialog = dialog
        self._summary_for_this_job = summary
        task = self._runner.run(self._work(library, files), self._done, self._failed)
        # A runner that works inline (tests) has finished the job already: nothing is running then.
        self._task = task if task.running else None
        task.progress.connect(self._progress)
        dialog.canceled.connect(task.cancel)
        return True

    def choose_files(self, window: MainWindow) -> None:
        start = window.settings.get(IMPORT_DIR) or str(Path.home())
        names, _ = QFileDialog.getOpenFileNames(
            window,
            QCoreApplication.translate("ImportFlow", "导入报告"),
            start,
            QCoreApplication.translate("ImportFlow", FILE_FILTER),
        )
        if names:
            window.settings.put(IMPORT_DIR, str(Path(names[0]).parent))
            window.import_paths([Path(n) for n in names])

    def choose_folder(self, window: MainWindow) -> None:
        start = window.settings.get(IMPORT_DIR) or str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            window, QCoreApplication.translate("ImportFlow", "导入文件夹中的报告"), start
        )
        if folder:
            window.settings.put(IMPORT_DIR, folder)
            window.import_paths([Path(folder)])

    @staticmethod
    def _work(library: Library, files: list[Path]) -> Callable[[TaskContext], list[ImportOutcome]]:
        def work(context: TaskContext) -> list[ImportOutcome]:
            from desktop.core.importing import import_files

            def progress(index: int, name: str) -> bool:
                context.progress(index, len(files), name)
                return not context.cancelled

            # import_files stops a batch the library cannot store (full disk, read-only) and reports
            # derived data it could not update as warnings: every outcome reaches the summary.
            outcomes = import_files(library.sessions, files, progress)
            context.progress(len(files), len(files), "")
            return outcomes

        return work

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            if name:
                self.dialog.setLabelText(QCoreApplication.translate("ImportFlow", "正在导入：") + name)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def allow_close(self) -> bool:
        """Asked by the window before it closes: during an import, continue it or stop it and quit.

        Stopping keeps the reports already stored; the summary of what was imported shows, and the
        window closes when the reviewer has read it.
        """
        if not self.busy:
            return True
        if self._quit_after:
            return False  # already stopping: the summary comes, then the window closes
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("ImportFlow", "正在导入"),
            QCoreApplication.translate(
                "ImportFlow", "报告仍在导入。已导入的报告都已保存；停止后，尚未导入的文件不会导入。"
            ),
            QMessageBox.StandardButton.NoButton,
            self._parent,
        )
        box.setObjectName("importCloseQuestion")
        keep = box.addButton(
            QCoreApplication.translate("ImportFlow", "继续导入"), QMessageBox.ButtonRole.RejectRole
        )
        keep.setObjectName("continueImport")
        stop = box.addButton(
            QCoreApplication.translate("ImportFlow", "停止并退出"), QMessageBox.ButtonRole.DestructiveRole
        )
        stop.setObjectName("stopImport")
        box.setDefaultButton(keep)
        self.close_question = box
        box.exec()
        self.close_question = None
        if box.clickedButton() is not stop:
            return False
        if self._task is None:  # it finished while the question was open
            return True
        self._quit_after = True
        self._task.cancel()
        return False

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, outcomes: list[ImportOutcome]) -> None:
        self._task = None
        self._close_dialog()
        self.finished.emit(outcomes)
        quitting, self._quit_after = self._quit_after, False
        if quitting or (self.show_summary and self._summary_for_this_job and outcomes):
            self.summary = ImportSummaryDialog(outcomes, self._parent)
            if quitting:
                self.summary.finished.connect(lambda _result: self._parent.close())
            self.summary.open()

    def _failed(self, error: BaseException, _trace: str) -> None:
        self._task = None
        self._quit_after = False
        self._close_dialog()
        self.finished.emit([])
        from desktop.ui.storage_errors import show_storage_error, storage_message

        show_storage_error(
            self._parent, storage_message(error), QCoreApplication.translate("ImportFlow", "导入未完成")
        )


class ImportSummaryDialog(QDialog):
    """One row per file: imported, already there, or refused with the reason."""

    def __init__(self, outcomes: list[ImportOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        ok = sum(1 for o in outcomes if o.ok and not o.duplicate)
        dup = sum(1 for o in outcomes if o.duplicate)
        failed = sum(1 for o in outcomes if not o.ok)
        self.setWindowTitle(QCoreApplication.translate("ImportFlow", "导入结果"))
        self.table = QTableWidget(len(outcomes), 3, self)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportFlow", "文件"),
                QCoreApplication.translate("ImportFlow", "结果"),
                QCoreApplication.translate("ImportFlow", "说明"),
            ]
        )
        from desktop.core.identity_summary import summary_lines

        for row, outcome in enumerate(outcomes):
            state = (
                QCoreApplication.translate("ImportFlow", "已存在")
                if outcome.duplicate
                else (
                    QCoreApplication.translate("ImportFlow", "已导入")
                    if outcome.ok
                    else QCoreApplication.translate("ImportFlow", "未导入")
                )
            )
            note = (
                refusal_text(outcome.error_code, outcome.error) if outcome.error else outcome_notes(outcome)
            )
            # The tooltip keeps the core's full wording (in Chinese), with every warning.
            detail = outcome.error or "；".join([*outcome.warnings, *summary_lines(outcome)]) or note
            for column, text in enumerate((Path(outcome.file).name, state, note)):
                item = QTableWidgetItem(text)
                item.setToolTip(detail if column == 2 else text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        from PySide6.QtWidgets import QLabel

        layout.addWidget(
            QLabel(
                QCoreApplication.translate("ImportFlow", "已导入 %1 份，已存在 %2 份，未导入 %3 份。")
                .replace("%1", str(ok))
                .replace("%2", str(dup))
                .replace("%3", str(failed)),
                self,
            )
        )
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(860, 360)
