"""Annotation actions of the main window: add, edit, delete, mark resolved, with undo and redo.

Every change is saved by an operation before it reaches the undo stack (see
:mod:`desktop.ui.stored_commands`): a save that fails is reported and leaves no command behind; an
undo or redo that fails leaves the stack where it was. The list of annotations is read by an
operation too, and read again whenever the change bus says the open report's annotations changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from desktop.core.annotations.taxonomy import Taxonomy
from desktop.ui.annotation_dialog import AnnotationDialog
from desktop.ui.changes import Changes
from desktop.ui.operations import QueryOp

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.core.annotations.store import AnnotationView
    from desktop.ui.annotation_commands import _Command
    from desktop.ui.context import AppContext
    from desktop.ui.report_view import ReportView
    from desktop.ui.stored_commands import UndoOperations


class AnnotationController(QObject):
    def __init__(
        self, context: AppContext, undo: UndoOperations, report_view: ReportView, taxonomy: Taxonomy
    ) -> None:
        super().__init__(context)
        self.context, self.undo_ops, self.report_view = context, undo, report_view
        self.taxonomy = taxonomy
        self.versions: dict[str, int] = {}
        """Annotation id → version after this window's last save of it (what undo and redo expect)."""
        undo.conflicted = self.conflicted
        undo.failed = self.report_failure
        panel = report_view.annotations
        panel.edit_requested.connect(self.edit)
        panel.delete_requested.connect(self.delete)
        panel.toggle_requested.connect(self.toggle_status)
        context.bus.changed.connect(self._stored)
        self._loading = 0

    @property
    def undo_stack(self) -> QUndoStack:
        return self.context.undo_stack

    def push(self, command: _Command) -> bool:
        """Save ``command``'s change, and put it on the undo stack once that worked."""
        command.versions = self.versions
        if command.report_id is None:
            command.report_id = self.report_view.report_id
        return self.undo_ops.push(command)

    def undo(self) -> None:
        self.undo_ops.undo()

    def redo(self) -> None:
        self.undo_ops.redo()

    def report_failure(self, error: BaseException) -> None:
        from desktop.ui.storage_errors import show_storage_error, storage_message

        show_storage_error(self.context.parent_widget, storage_message(error, self.context.library))

    @property
    def reviewer(self) -> str | None:
        return self.context.reviewer

    def _stored(self, changes: Changes, _initiator: object) -> None:
        if changes.annotations and changes.concerns(self.report_view.report_id):
            self.reload()

    def reload(self) -> None:
        """Read the current report's annotations in the background and show them."""
        report_id = self.report_view.report_id
        self._loading += 1
        generation = self._loading
        if self.context.library is None or report_id is None:
            self.report_view.show_annotations([])
            return
        taxonomy = self.taxonomy

        def read(session: Session) -> list[AnnotationView]:
            from desktop.core.annotations.store import list_annotations
            from desktop.core.library import get_report

            report = get_report(session, report_id, with_text=True)
            return list_annotations(session, report, taxonomy) if report else []

        def shown(views: list[AnnotationView]) -> None:
            if generation == self._loading and report_id == self.report_view.report_id:
                self.report_view.show_annotations(views)

        QueryOp(self.context, read, shown).run()

    def _view(self, annotation_id: str) -> AnnotationView | None:
        return next((v for v in self.report_view.annotations.views if v.id == annotation_id), None)

    def add(self) -> None:
        body = self.report_view.body
        span = body.selected_span()
        library, report_id = self.context.library, body.report_id
        if span is None or library is None or report_id is None:
            message = QCoreApplication.translate(
                "AnnotationController", "请先在清理后文本中选中要批注的文字。"
            )
            self.context.show_status(message, 5000)
            return
        quote = body.text.toPlainText()[span[0] : span[1]]
        dialog = AnnotationDialog(self.taxonomy, quote, parent=self.context.parent_widget)
        if not dialog.exec():
            return
        from desktop.ui.annotation_commands import AddAnnotation

        fields = dialog.values() | {"author": self.reviewer, "taxonomy": self.taxonomy}
        self.push(AddAnnotation(library, report_id, span[0], span[1], fields))

    def edit(self, annotation_id: str) -> None:
        library, view = self.context.library, self._view(annotation_id)
        if library is None or view is None:
            return
        from desktop.ui.annotation_commands import EditAnnotation

        # What the panel shows is what the reviewer edits (read by the last reload).
        values = {k: getattr(view, k) for k in ("category", "severity", "status", "comment")}
        dialog = AnnotationDialog(self.taxonomy, view.selectors.exact, values, self.context.parent_widget)
        if dialog.exec():
            after = {k: v for k, v in dialog.values().items() if values.get(k) != v}
            if after:
                # Based on the version the dialog showed: another reviewer's save meanwhile is a conflict.
                self.push(EditAnnotation(library, annotation_id, after, view.version, self.reviewer))

    def delete(self, annotation_id: str) -> None:
        from desktop.ui.annotation_commands import DeleteAnnotation

        view = self._view(annotation_id)
        if self.context.library is not None:
            shown = view.version if view is not None else None
            self.push(DeleteAnnotation(self.context.library, annotation_id, shown))

    def conflicted(self, message: str, conflict_id: int | None) -> None:
        """A save lost a race with another reviewer's: show both versions, the reviewer chooses."""
        self.context.show_status(message, 10000)
        if self.context.library is None:
            return
        if conflict_id is None:
            QMessageBox.information(
                self.context.parent_widget,
                QCoreApplication.translate("AnnotationController", "批注已被修改"),
                message,
            )
            return
        from desktop.ui.conflict_dialog import ConflictDialog

        ConflictDialog(self.context, self.context.parent_widget, select=conflict_id).exec()

    def toggle_status(self, annotation_id: str) -> None:
        library, view = self.context.library, self._view(annotation_id)
        if library is None or view is None:
            return
        from desktop.ui.annotation_commands import EditAnnotation

        keys = [t.key for t in self.taxonomy.statuses]
        status = view.status
        following = keys[(keys.index(status) + 1) % len(keys)] if status in keys else keys[0]
        self.push(EditAnnotation(library, annotation_id, {"status": following}, view.version, self.reviewer))
