"""After an export the done message offers 打开所在文件夹, which asks the system to show that folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from db.session import Library
from tests.helpers import sample
from tests.ui.test_annotations_ui import make_window
from tests.ui.test_exports_ui import finish
from tests.ui.test_main_window import import_and_wait


class FileUrls(QObject):
    """Stands in for the file manager: Qt hands it the file URLs the application opens."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(url)


def test_the_done_message_opens_the_export_folder(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    window = make_window(qtbot, library, tmp_path / "s.ini")
    import_and_wait(qtbot, window, [sample("shili_2024.docx")])
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "summary.xlsx"
    finish(qtbot, window, lambda: window.exports.export_summary_to(target))
    box = window.exports.done_box
    assert box is not None and box.isVisible() and str(target) in box.text()
    button = box.findChild(QPushButton, "openFolderButton")
    assert button is not None
    handler = FileUrls()
    QDesktopServices.setUrlHandler("file", handler, "show")  # type: ignore[arg-type]
    try:
        button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in handler.opened] == [str(folder)]
    box.close()
