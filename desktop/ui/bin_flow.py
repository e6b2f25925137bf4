"""Mistakes undone: reports moved to the bin (undoable), the bin's dialog, and earlier versions shown or hidden.

A report imported by mistake goes to the bin, not away: its original and its annotations are kept, Edit →
撤销 brings it back, and File → 回收站 lists what is there to restore (or to delete for good). Every step
runs in the background and says it is done only after the library stored it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.changes import Changes
from desktop.ui.columns import fit_titles
from desktop.ui.stored_commands import StoredCommand

if TYPE_CHECKING:
    from db.session import Library
    from desktop.core.report_bin import BinEntry
    from desktop.ui.stored_commands import UndoOperations
    from desktop.ui.tasks import TaskRunner

ErrorHandler = Callable[[BaseException, str], None]
BIN_CHANGES = Changes(reports=True, annotations=True, review=True, links=True)


class BinFlow(QObject):
    """Moves reports to the bin and back. ``changed`` is emitted after every stored change."""

    changed = Signal(str)
    """A message for the status bar: what was stored."""

    def __init__(
        self,
        runner: TaskRunner,
        undo: UndoOperations,
        library: Callable[[], Library | None],
        reviewer: Callable[[], str | None],
        on_error: ErrorHandler,
        notify: Callable[[Changes], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.undo = undo
        self.library = library
        self.reviewer = reviewer
        self.on_error = on_error
        self.notify = notify
        """Sends the change notice of a stored change the undo stack does not send itself."""

    def move_to_bin(self, report_ids: list[int]) -> None:
        """Move the reports to the bin; Edit → 撤销 brings them back (each step stored off the GUI thread)."""
        library = self.library()
        if library is None or not report_ids:
            return
        self.undo.push(_BinCommand(self, library, list(report_ids), self.reviewer()))

    def restore(self, report_ids: list[int], done: Callable[[list[int]], None] | None = None) -> None:
        library = self.library()
        if library is None or not report_ids:
            return

        def work(_context: Any) -> list[int]:
            from desktop.core.report_bin import restore_report

            return [restore_report(library.sessions, report_id).report_id for report_id in report_ids]

        def restored(ids: list[int]) -> None:
            self.notify(BIN_CHANGES)
            self.changed.emit(
                QCoreApplication.translate("BinFlow", "已从回收站恢复 %1 份报告").replace("%1", str(len(ids)))
            )
            if done is not None:
                done(ids)

        self.runner.run(work, restored, self.on_error, serial=True)

    def empty(self, done: Callable[[list[int]], None]) -> None:
        library = self.library()
        if library is None:
            return

        def work(_context: Any) -> list[int]:
            from desktop.core.report_bin import empty_bin

            return empty_bin(library.sessions)

        def emptied(ids: list[int]) -> None:
            self.notify(BIN_CHANGES)
            self.changed.emit(
                QCoreApplication.translate("BinFlow", "已清空回收站（%1 份报告原件已永久删除）").replace(
                    "%1", str(len(ids))
                )
            )
            done(ids)

        self.runner.run(work, emptied, self.on_error, serial=True)

    def list_bin(self, done: Callable[[list[BinEntry]], None]) -> None:
        library = self.library()
        if library is None:
            return

        def work(_context: Any) -> list[BinEntry]:
            from desktop.core.report_bin import list_bin

            with library.sessions() as session:
                return list_bin(session)

        self.runner.run(work, done, self.on_error, serial=True)


def _binned_message(count: int) -> str:
    return QCoreApplication.translate("BinFlow", "已将 %1 份报告移到回收站（编辑 → 撤销 可恢复）").replace(
        "%1", str(count)
    )


class _BinCommand(StoredCommand):
    """Forward moves the reports to the bin; backward brings them back from it."""

    def __init__(self, flow: BinFlow, library: Library, report_ids: list[int], by: str | None) -> None:
        super().__init__(
            QCoreApplication.translate("BinFlow", "移到回收站（%1 份报告）").replace(
                "%1", str(len(report_ids))
            )
        )
        self.flow, self.library, self.report_ids, self.by = flow, library, report_ids, by

    @property
    def changes(self) -> Changes:
        return BIN_CHANGES

    def forward(self) -> None:
        from desktop.core.report_bin import bin_reports

        bin_reports(self.library.sessions, self.report_ids, self.by)

    def backward(self) -> None:
        from desktop.core.report_bin import restore_report

        # A restored report may get a new id when its old one was taken meanwhile.
        self.report_ids = [restore_report(self.library.sessions, i).report_id for i in self.report_ids]

    def redo(self) -> None:
        super().redo()
        self.flow.changed.emit(_binned_message(len(self.report_ids)))

    def undo(self) -> None:
        super().undo()
        self.flow.changed.emit(
            QCoreApplication.translate("BinFlow", "已从回收站恢复 %1 份报告").replace(
                "%1", str(len(self.report_ids))
            )
        )


class BinDialog(QDialog):
    """The reports in the bin, with restore and empty."""

    def __init__(self, flow: BinFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.entries: list[BinEntry] = []
        self.setObjectName("binDialog")
        self.setWindowTitle(QCoreApplication.translate("BinDialog", "回收站"))
        self.resize(760, 420)
        self.hint = QLabel(
            QCoreApplication.translate(
                "BinDialog", "移到回收站的报告保留原件和批注，恢复后重新分析；清空回收站将永久删除原件。"
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("binTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("BinDialog", "报告单位"),
                QCoreApplication.translate("BinDialog", "年度"),
                QCoreApplication.translate("BinDialog", "文件"),
                QCoreApplication.translate("BinDialog", "批注"),
                QCoreApplication.translate("BinDialog", "移入时间"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 200), (1, 50), (3, 50), (4, 140)):
            header.resizeSection(column, width)
        fit_titles(header)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty_label = QLabel(QCoreApplication.translate("BinDialog", "回收站是空的。"), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(QCoreApplication.translate("BinDialog", "恢复(&R)"), self)
        self.restore_button.setObjectName("restoreFromBin")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton(QCoreApplication.translate("BinDialog", "清空回收站…"), self)
        self.empty_button.setObjectName("emptyBin")
        self.empty_button.clicked.connect(self.ask_empty)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.flow.list_bin(self.show_entries)

    def show_entries(self, entries: list[BinEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                entry.agency or QCoreApplication.translate("BinDialog", "（未识别）"),
                str(entry.year or ""),
                entry.source_name,
                str(entry.annotations or ""),
                entry.binned_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.report_id)
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not entries)
        self.empty_button.setEnabled(bool(entries))
        self._selection_changed()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.entries[row].report_id for row in rows if row < len(self.entries)]

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.selected_ids()))

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.restore_button.setEnabled(False)
            self.flow.restore(ids, lambda _ids: self.reload())

    def ask_empty(self) -> None:
        question = QCoreApplication.translate(
            "BinDialog", "永久删除回收站中全部 %1 份报告的原件？此操作不能撤销（批注仍保留）。"
        ).replace("%1", str(len(self.entries)))
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        title = QCoreApplication.translate("BinDialog", "清空回收站")
        if QMessageBox.question(self, title, question, buttons, QMessageBox.StandardButton.No) == (
            QMessageBox.StandardButton.Yes
        ):
            self.flow.empty(lambda _ids: self.reload())
