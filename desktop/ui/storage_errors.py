"""Failed reads and writes of the library, as the reviewer sees them: a clear Chinese message in a
window-modal box that does not block the event loop (background work and timers go on)."""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

if TYPE_CHECKING:
    from db.session import Library

log = logging.getLogger("reviewdesk.ui")


def storage_message(error: BaseException, library: Library | None = None) -> str:
    """The Chinese message for a failed read or write (``error`` may also be a message already)."""
    from db.errors import StorageError
    from db.session import storage_problem

    problem = storage_problem(error, library.url if library is not None else "")
    if library is not None and library.read_only and problem.kind in ("read_only", "no_permission"):
        return (
            QCoreApplication.translate("StorageErrors", "资料库是只读的，修改未能保存：") + library.read_only
        )
    if not problem.known and not isinstance(error, StorageError):
        log.error("storage operation failed", exc_info=(type(error), error, error.__traceback__))
    return problem.message


def show_storage_error(parent: QWidget | None, message: str, title: str | None = None) -> QMessageBox:
    """Show ``message`` (window-modal, non-blocking); returns the box (tests find it by object name)."""
    box = QMessageBox(parent)
    box.setObjectName("storageError")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("StorageErrors", "未能保存"))
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


def install_excepthook() -> None:
    """In the running app: a storage error that escapes a slot is shown as its message, not lost
    in a traceback on the terminal; anything else is logged and shown as an internal error."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        from db.errors import is_storage_error

        log.error("uncaught exception", exc_info=(kind, error, trace))
        app = QApplication.instance()
        if not isinstance(app, QApplication) or isinstance(error, KeyboardInterrupt):
            previous(kind, error, trace)
            return
        if is_storage_error(error):
            message = storage_message(error)
        else:
            message = QCoreApplication.translate(
                "StorageErrors",
                "发生内部错误，操作未完成：%1。请重试；如果问题重复出现，请把日志发给技术支持。",
            ).replace("%1", f"{type(error).__name__}")
        show_storage_error(app.activeWindow(), message, QCoreApplication.translate("StorageErrors", "出错了"))

    sys.excepthook = hook
