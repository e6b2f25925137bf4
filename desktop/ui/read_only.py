"""Read-only mode: a library that cannot be written (read-only file, folder or disk) opens for
reading, with a banner that says why, and every action that would change it disabled with the
reason in its tooltip, so nothing the reviewer does can be lost silently."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from db.session import Library
    from desktop.ui.report_view import ReportView

EDITING_ACTIONS = (
    "import",
    "import_folder",
    "import_samples",
    "add_annotation",
    "edit_metadata",
    "import_package",
    "export_package",  # remembers what was exchanged, in the library
    "resolve_conflicts",
    "undo",
    "redo",
    "delete_reports",
    "show_bin",
    "undo_carry",
    "choose_prior",
    "versions",
)
"""Actions that write to the library."""
_ANNOTATION_BUTTONS = ("editAnnotation", "toggleAnnotation", "deleteAnnotation")


class ReadOnlyBanner(QFrame):
    """A yellow bar above the workspace, shown only while the library is read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet(
            "#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }"
            "#readOnlyBanner QLabel { color: #5c4500; }"
        )
        self.label = QLabel(self)
        self.label.setObjectName("readOnlyReason")
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # a bar, not a pane
        self.hide()

    def above(self, content: QWidget) -> QWidget:
        """A widget with this banner above ``content`` (the window's central widget)."""
        holder = QWidget(self.parentWidget())
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        stack.addWidget(self)
        stack.addWidget(content, 1)
        return holder

    def show_reason(self, reason: str | None) -> None:
        if reason is None:
            self.hide()
            return
        self.label.setText(banner_text(reason))
        self.show()


def banner_text(reason: str) -> str:
    return QCoreApplication.translate(
        "ReadOnly",
        "只读模式：%1。可以查看、搜索和导出；导入、批注和审阅结论都不能保存。要修改，请把资料库复制到可写的位置后打开。",
    ).replace("%1", reason)


def disabled_tip(reason: str) -> str:
    return QCoreApplication.translate("ReadOnly", "资料库是只读的，不能修改：") + reason


class EditingWindow(Protocol):
    """What read-only mode switches: the banner, the editing actions, the report's panels, drops."""

    read_only_banner: ReadOnlyBanner
    actions_by_name: dict[str, QAction]
    report_view: ReportView

    def setAcceptDrops(self, on: bool) -> None: ...


def apply_library_mode(window: EditingWindow, library: Library | None) -> None:
    """Show or hide the banner and enable or disable every editing action for ``library``."""
    reason = library.read_only if library is not None else None
    window.read_only_banner.show_reason(reason)
    for name in EDITING_ACTIONS:
        action = window.actions_by_name.get(name)
        if action is None:
            continue
        original = action.property("writableTip")
        if original is None:
            original = action.statusTip()
            action.setProperty("writableTip", original)
        if reason is None:
            action.setStatusTip(str(original))
            action.setToolTip(str(original) or action.text().replace("&", ""))
            if name not in ("undo", "redo"):  # those follow the undo stack
                action.setEnabled(True)
        else:
            action.setEnabled(False)
            action.setStatusTip(disabled_tip(reason))
            action.setToolTip(disabled_tip(reason))
    panel = window.report_view.annotations
    for name in _ANNOTATION_BUTTONS:
        button = panel.findChild(QWidget, name)
        if button is not None:
            button.setEnabled(reason is None)
            button.setToolTip(disabled_tip(reason) if reason else "")
    window.report_view.review.set_read_only(reason)
    window.setAcceptDrops(reason is None)
