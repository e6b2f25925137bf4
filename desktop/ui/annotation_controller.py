"""Annotation actions of the main window: add, edit, delete, mark resolved, with undo and redo.

Every change is saved before it reaches the undo stack (see :mod:`desktop.ui.annotation_commands`):
a save that fails is reported and leaves no command behind; an undo or redo that fails leaves the
stack where it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack

from desktop.core.annotations.taxonomy import Taxonomy
from desktop.ui.annotation_dialog import AnnotationDialog

if TYPE_CHECKING:
    from desktop.ui.annotation_commands import _Command
    from desktop.ui.main_window import MainWindow


class AnnotationController(QObject):
    def __init__(self, window: MainWindow, taxonomy: Taxonomy) -> None:
        super().__init__(window)
        self.window = window
        self.taxonomy = taxonomy
        self.undo_stack = QUndoStack(self)
        panel = window.report_view.annotations
        panel.edit_requested.connect(self.edit)
        panel.delete_requested.connect(self.delete)
        panel.toggle_requested.connect(self.toggle_status)

    def push(self, command: _Command) -> bool:
        """Save ``command``'s change, and put it on the undo stack only if that worked."""
        if not command.apply():
            return False
        command.done_outside = True
        self.undo_stack.push(command)  # push() calls redo(), which only takes note
        return True

    def undo(self) -> None:
        stack = self.undo_stack
        command = stack.command(stack.index() - 1) if stack.canUndo() else None
        if command is not None and command.revert():  # type: ignore[attr-defined]
            command.done_outside = True  # type: ignore[attr-defined]
            stack.undo()

    def redo(self) -> None:
        stack = self.undo_stack
        command = stack.command(stack.index()) if stack.canRedo() else None
        if command is not None and command.apply():  # type: ignore[attr-defined]
            command.done_outside = True  # type: ignore[attr-defined]
            stack.redo()

    def report_failure(self, error: BaseException) -> None:
        from desktop.ui.storage_errors import show_storage_error, storage_message

        show_storage_error(self.window, storage_message(error, self.window.library))

    @property
    def reviewer(self) -> str | None:
        return str(self.window.settings.value("reviewer/name", "")) or None

    def reload(self) -> None:
        """Show the current report's annotations (after opening it, or after any change)."""
        library, report_id = self.window.library, self.window.report_view.report_id
        if library is None or report_id is None:
            self.window.report_view.show_annotations([])
            return
        from desktop.core.annotations.store import list_annotations
        from desktop.core.library import get_report

        with library.sessions() as session:
            report = get_report(session, report_id, with_text=True)
            views = list_annotations(session, report, self.taxonomy) if report else []
        self.window.report_view.show_annotations(views)

    def add(self) -> None:
        body = self.window.report_view.body
        span = body.selected_span()
        library, report_id = self.window.library, body.report_id
        if span is None or library is None or report_id is None:
            message = QCoreApplication.translate(
                "AnnotationController", "请先在清理后文本中选中要批注的文字。"
            )
            self.window.statusBar().showMessage(message, 5000)
            return
        quote = body.text.toPlainText()[span[0] : span[1]]
        dialog = AnnotationDialog(self.taxonomy, quote, parent=self.window)
        if not dialog.exec():
            return
        from desktop.ui.annotation_commands import AddAnnotation

        fields = dialog.values() | {"author": self.reviewer, "taxonomy": self.taxonomy}
        self.push(
            AddAnnotation(library, self.reload, report_id, span[0], span[1], fields, self.report_failure)
        )

    def edit(self, annotation_id: str) -> None:
        library = self.window.library
        if library is None:
            return
        from desktop.core.annotations.store import get_annotation
        from desktop.ui.annotation_commands import EditAnnotation

        with library.sessions() as session:
            annotation = get_annotation(session, annotation_id)
            values = {k: getattr(annotation, k) for k in ("category", "severity", "status", "comment")}
            quote = annotation.quote_exact
        dialog = AnnotationDialog(self.taxonomy, quote, values, self.window)
        if dialog.exec():
            after = {k: v for k, v in dialog.values().items() if values.get(k) != v}
            if after:
                self.push(EditAnnotation(library, self.reload, annotation_id, after, self.report_failure))

    def delete(self, annotation_id: str) -> None:
        from desktop.ui.annotation_commands import DeleteAnnotation

        if self.window.library is not None:
            self.push(DeleteAnnotation(self.window.library, self.reload, annotation_id, self.report_failure))

    def toggle_status(self, annotation_id: str) -> None:
        library = self.window.library
        if library is None:
            return
        from desktop.core.annotations.store import get_annotation
        from desktop.ui.annotation_commands import EditAnnotation

        with library.sessions() as session:
            status = get_annotation(session, annotation_id).status
        keys = [t.key for t in self.taxonomy.statuses]
        following = keys[(keys.index(status) + 1) % len(keys)] if status in keys else keys[0]
        self.push(
            EditAnnotation(library, self.reload, annotation_id, {"status": following}, self.report_failure)
        )
