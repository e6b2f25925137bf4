"""File → 恢复备份: the library's backups, newest first; back up now, restore one, and how many
automatic backups to keep."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from db.backup_sqlite import BackupFile

PathRole = Qt.ItemDataRole.UserRole + 1


class BackupDialog(QDialog):
    """Lists backups; ``chosen`` is the backup to restore once the dialog is accepted."""

    def __init__(
        self, library_file: Path, backups: list[BackupFile], keep: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(QCoreApplication.translate("BackupDialog", "恢复备份"))
        self.library_file = library_file
        self.chosen: Path | None = None
        self.backup_now_requested = False
        intro = QLabel(
            QCoreApplication.translate(
                "BackupDialog",
                "资料库有改动时会自动备份（存放在资料库旁的“%1”文件夹中，每份都已通过完整性检查）。"
                "恢复后，当前的资料库文件会改名保留在原处，不会被覆盖。",
            ).replace("%1", f"{library_file.stem}-backups"),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(backups), 3, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("BackupDialog", "备份时间"),
                QCoreApplication.translate("BackupDialog", "类型"),
                QCoreApplication.translate("BackupDialog", "大小"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, backup in enumerate(backups):
            kind = (
                QCoreApplication.translate("BackupDialog", "升级前")
                if backup.kind == "upgrade"
                else QCoreApplication.translate("BackupDialog", "自动/手动")
            )
            cells = (f"{backup.created:%Y-%m-%d %H:%M:%S}", kind, f"{backup.size / 1024 / 1024:.1f} MB")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PathRole, str(backup.path))
                item.setToolTip(str(backup.path))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if backups:
            self.table.selectRow(0)
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 200)
        self.keep.setValue(keep)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(QCoreApplication.translate("BackupDialog", "自动备份保留份数："), self))
        keep_row.addWidget(self.keep)
        keep_row.addStretch(1)
        self.backup_button = QPushButton(QCoreApplication.translate("BackupDialog", "立即备份"), self)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self._backup_now)
        keep_row.addWidget(self.backup_button)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            QCoreApplication.translate("BackupDialog", "恢复所选备份"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.setEnabled(bool(backups))
        other = buttons.addButton(
            QCoreApplication.translate("BackupDialog", "从其他文件恢复…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        other.clicked.connect(self._choose_file)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self._restore_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if not backups:
            layout.addWidget(QLabel(QCoreApplication.translate("BackupDialog", "还没有备份。"), self))
        layout.addWidget(self.table)
        layout.addLayout(keep_row)
        layout.addWidget(buttons)
        self.resize(620, 380)

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return Path(str(item.data(PathRole))) if item is not None else None

    def _backup_now(self) -> None:
        self.backup_now_requested = True
        self.reject()

    def _restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and self._confirm(chosen):
            self.chosen = chosen
            self.accept()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("BackupDialog", "选择备份文件"),
            str(self.library_file.parent),
            QCoreApplication.translate("BackupDialog", "ReviewDesk 资料库 (*.sqlite);;所有文件 (*)"),
        )
        if name and self._confirm(Path(name)):
            self.chosen = Path(name)
            self.accept()

    def _confirm(self, backup: Path) -> bool:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("BackupDialog", "恢复备份"),
            QCoreApplication.translate(
                "BackupDialog",
                "用备份“%1”替换当前资料库？\n备份之后的修改不在其中；当前的资料库文件会改名保留，不会被删除。",
            ).replace("%1", backup.name),
        )
        return answer == QMessageBox.StandardButton.Yes
