"""Annotation actions of the main window: add, edit, delete, mark resolved, with undo and redo.

Every change is saved before it reaches the undo stack (see :mod:`desktop.ui.annotation_commands`):
a save that fails is reported and leaves no command behind; an undo or redo that fails leaves the
stack where it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from desktop.core.annotations.taxonomy import Taxonomy
from desktop.ui.annotation_dialog import AnnotationDialog
from desktop.ui.labels import label

if TYPE_CHECKING:
    from desktop.core.annotations.store import AnnotationView
    from desktop.ui.annotation_commands import _Command
    from desktop.ui.main_window import MainWindow


def annotation_notes(views: list[AnnotationView]) -> list[tuple[int, int, str]]:
    """Each anchored annotation as the text shown when hovering its passage."""
    notes = []
    for view in views:
        if view.start is None or view.end is None:
            continue
        heading = f"{label(view.category_label)} · {label(view.severity_label)} · {label(view.status_label)}"
        author = view.author or QCoreApplication.translate("AnnotationController", "（未署名）")
        body = view.comment or QCoreApplication.translate("AnnotationController", "（无意见）")
        notes.append((view.start, view.end, f"{heading}\n{body}\n—— {author}"))
    return notes


class AnnotationController(QObject):
    def __init__(self, window: MainWindow, taxonomy: Taxonomy) -> None:
        super().__init__(window)
        self.window = window
        self.taxonomy = taxonomy
        self.undo_stack = QUndoStack(self)
        self.versions: dict[str, int] = {}
        """Annotation id → version after this window's last save of it (what undo and redo expect)."""
        panel = window.report_view.annotations
        panel.edit_requested.connect(self.edit)
        panel.delete_requested.connect(self.delete)
        panel.toggle_requested.connect(self.toggle_status)

    def push(self, command: _Command) -> bool:
        """Save ``command``'s change, and put it on the undo stack only if that worked."""
        command.conflicted = self.conflicted
        command.versions = self.versions
        if not command.apply():
            return False
        command.done_outside = True
        self.undo_stack.push(command)  # push() calls redo(), which only takes note
        return True

    def undo(self) -> None:
        stack = self.undo_stack
        command = stack.command(stack.index() - 1) if stack.canUndo() else None
        if command is None:
            return
        if not hasattr(command, "revert"):  # figure and finding decisions save in undo() themselves
            stack.undo()
            return
        # A step that lost a race with another reviewer is obsolete: the stack drops it.
        if command.revert() or command.isObsolete():
            command.done_outside = True  # type: ignore[attr-defined]
            stack.undo()

    def redo(self) -> None:
        stack = self.undo_stack
        command = stack.command(stack.index()) if stack.canRedo() else None
        if command is None:
            return
        if not hasattr(command, "apply"):
            stack.redo()
            return
        if command.apply() or command.isObsolete():
            command.done_outside = True  # type: ignore[attr-defined]
            stack.redo()

    def report_failure(self, error: BaseException) -> None:
        from desktop.ui.storage_errors import show_storage_error, storage_message

        show_storage_error(self.window, storage_message(error, self.window.library))

    @property
    def reviewer(self) -> str | None:
        return self.window.settings.reviewer()

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
        self.window.report_view.body.set_annotation_notes(annotation_notes(views))

    def changed(self) -> None:
        """After an annotation was saved, undone or redone: the panel, and the library's 批注 count."""
        self.reload()
        self.window.refresh()

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
            AddAnnotation(library, self.changed, report_id, span[0], span[1], fields, self.report_failure)
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
            quote, version = annotation.quote_exact, annotation.version
        dialog = AnnotationDialog(self.taxonomy, quote, values, self.window)
        if dialog.exec():
            after = {k: v for k, v in dialog.values().items() if values.get(k) != v}
            if after:
                # Based on the version the dialog showed: another reviewer's save meanwhile is a conflict.
                self.push(
                    EditAnnotation(
                        library,
                        self.changed,
                        annotation_id,
                        after,
                        version,
                        self.reviewer,
                        self.report_failure,
                    )
                )

    def delete(self, annotation_id: str) -> None:
        from desktop.ui.annotation_commands import DeleteAnnotation

        if self.window.library is not None:
            shown = next(
                (v.version for v in self.window.report_view.annotations.views if v.id == annotation_id), None
            )
            self.push(
                DeleteAnnotation(self.window.library, self.changed, annotation_id, shown, self.report_failure)
            )

    def conflicted(self, message: str, conflict_id: int | None) -> None:
        """A save lost a race with another reviewer's: show both versions, the reviewer chooses."""
        self.window.statusBar().showMessage(message, 10000)
        library = self.window.library
        if library is None:
            return
        if conflict_id is None:
            QMessageBox.information(
                self.window, QCoreApplication.translate("AnnotationController", "批注已被修改"), message
            )
            return
        from desktop.ui.conflict_dialog import ConflictDialog

        dialog = ConflictDialog(library, self.window, select=conflict_id)
        dialog.exec()
        self.reload()
        self.window.refresh()

    def toggle_status(self, annotation_id: str) -> None:
        library = self.window.library
        if library is None:
            return
        from desktop.core.annotations.store import get_annotation
        from desktop.ui.annotation_commands import EditAnnotation

        with library.sessions() as session:
            annotation = get_annotation(session, annotation_id)
            status, version = annotation.status, annotation.version
        keys = [t.key for t in self.taxonomy.statuses]
        following = keys[(keys.index(status) + 1) % len(keys)] if status in keys else keys[0]
        self.push(
            EditAnnotation(
                library,
                self.changed,
                annotation_id,
                {"status": following},
                version,
                self.reviewer,
                self.report_failure,
            )
        )
