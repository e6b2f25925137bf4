"""After an export: say where the file went, with a button that opens its folder in the file manager."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def open_folder(target: Path) -> bool:
    """Show the folder holding ``target`` (a local file URL: the system's file manager, no network)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(target.parent)))


def show_export_done(parent: QWidget, message: str, target: Path) -> QMessageBox:
    """A non-blocking message with 打开所在文件夹 and 关闭; returned so a caller (or test) can reach it."""
    box = QMessageBox(
        QMessageBox.Icon.Information, "ReviewDesk", message, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("exportDoneBox")
    folder = box.addButton(
        QCoreApplication.translate("ExportDone", "打开所在文件夹"), QMessageBox.ButtonRole.ActionRole
    )
    folder.setObjectName("openFolderButton")
    folder.clicked.connect(lambda: open_folder(target))
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    return box
