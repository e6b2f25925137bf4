"""Undoable annotation operations. Each one is saved at once in its own transaction.

A command goes on the undo stack only after its first save landed; an undo or redo whose save
fails leaves the stack where it was. Either way the reviewer is told why (``failed`` callback),
so the stack never offers to undo something that was never stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from db.session import Library
from desktop.core.annotations.store import (
    create_annotation,
    delete_annotation,
    edit_annotation,
    get_annotation,
    restore_annotation,
    snapshot,
)
from desktop.core.library import get_report


class _Command(QUndoCommand):
    def __init__(
        self,
        library: Library,
        changed: Callable[[], None],
        text: str,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(text)
        self.library = library
        self.changed = changed
        self.failed = failed
        self.done_outside = False
        """The work of the next redo()/undo() was already done (and saved) by apply()/revert()."""

    # The work itself, one transaction each; they raise when the save fails.
    def forward(self) -> None:
        raise NotImplementedError

    def backward(self) -> None:
        raise NotImplementedError

    def apply(self) -> bool:
        """Do (or redo) the change; True once it is stored. Reports a failure and returns False."""
        return self._attempt(self.forward)

    def revert(self) -> bool:
        """Undo the change; True once that is stored."""
        return self._attempt(self.backward)

    def _attempt(self, work: Callable[[], None]) -> bool:
        try:
            work()
        except Exception as error:
            from db.errors import is_storage_error

            if self.failed is None or not is_storage_error(error):
                raise
            self.failed(error)
            return False
        self.changed()
        return True

    # QUndoStack calls these; when the controller already did the work they only take note.
    def redo(self) -> None:
        if self.done_outside:
            self.done_outside = False
            return
        self.apply()

    def undo(self) -> None:
        if self.done_outside:
            self.done_outside = False
            return
        self.revert()


class AddAnnotation(_Command):
    def __init__(
        self,
        library: Library,
        changed: Callable[[], None],
        report_id: int,
        start: int,
        end: int,
        fields: dict[str, Any],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(
            library, changed, QCoreApplication.translate("AnnotationCommands", "添加批注"), failed
        )
        self.report_id, self.start, self.end, self.fields = report_id, start, end, fields
        self.saved: dict[str, Any] | None = None

    def forward(self) -> None:
        with self.library.sessions.begin() as session:
            if self.saved is None:
                report = get_report(session, self.report_id, with_text=True)
                assert report is not None
                created = snapshot(create_annotation(session, report, self.start, self.end, **self.fields))
            else:
                restore_annotation(session, self.saved)
                created = self.saved
        self.saved = created  # only once committed: a failed first save leaves nothing to undo

    def backward(self) -> None:
        assert self.saved is not None
        with self.library.sessions.begin() as session:
            delete_annotation(session, self.saved["id"])

    @property
    def annotation_id(self) -> str | None:
        return self.saved["id"] if self.saved else None


class EditAnnotation(_Command):
    def __init__(
        self,
        library: Library,
        changed: Callable[[], None],
        annotation_id: str,
        after: dict[str, Any],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(
            library, changed, QCoreApplication.translate("AnnotationCommands", "修改批注"), failed
        )
        self.annotation_id, self.after = annotation_id, after
        self.before: dict[str, Any] | None = None

    def forward(self) -> None:
        with self.library.sessions.begin() as session:
            before = self.before or snapshot(get_annotation(session, self.annotation_id))
            edit_annotation(session, self.annotation_id, **self.after)
        self.before = before

    def backward(self) -> None:
        assert self.before is not None
        with self.library.sessions.begin() as session:
            restore_annotation(session, self.before)


class DeleteAnnotation(_Command):
    def __init__(
        self,
        library: Library,
        changed: Callable[[], None],
        annotation_id: str,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(
            library, changed, QCoreApplication.translate("AnnotationCommands", "删除批注"), failed
        )
        self.annotation_id = annotation_id
        self.saved: dict[str, Any] | None = None

    def forward(self) -> None:
        with self.library.sessions.begin() as session:
            saved = snapshot(get_annotation(session, self.annotation_id))
            delete_annotation(session, self.annotation_id)
        self.saved = saved

    def backward(self) -> None:
        assert self.saved is not None
        with self.library.sessions.begin() as session:
            restore_annotation(session, self.saved)
