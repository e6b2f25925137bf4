"""Undoable annotation operations. Each one is saved at once in its own transaction."""

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
    def __init__(self, library: Library, changed: Callable[[], None], text: str) -> None:
        super().__init__(text)
        self.library = library
        self.changed = changed


class AddAnnotation(_Command):
    def __init__(
        self,
        library: Library,
        changed: Callable[[], None],
        report_id: int,
        start: int,
        end: int,
        fields: dict[str, Any],
    ) -> None:
        super().__init__(library, changed, QCoreApplication.translate("AnnotationCommands", "添加批注"))
        self.report_id, self.start, self.end, self.fields = report_id, start, end, fields
        self.saved: dict[str, Any] | None = None

    def redo(self) -> None:
        with self.library.sessions.begin() as session:
            if self.saved is None:
                report = get_report(session, self.report_id, with_text=True)
                assert report is not None
                self.saved = snapshot(create_annotation(session, report, self.start, self.end, **self.fields))
            else:
                restore_annotation(session, self.saved)
        self.changed()

    def undo(self) -> None:
        assert self.saved is not None
        with self.library.sessions.begin() as session:
            delete_annotation(session, self.saved["id"])
        self.changed()

    @property
    def annotation_id(self) -> str | None:
        return self.saved["id"] if self.saved else None


class EditAnnotation(_Command):
    def __init__(
        self, library: Library, changed: Callable[[], None], annotation_id: str, after: dict[str, Any]
    ) -> None:
        super().__init__(library, changed, QCoreApplication.translate("AnnotationCommands", "修改批注"))
        self.annotation_id, self.after = annotation_id, after
        self.before: dict[str, Any] | None = None

    def redo(self) -> None:
        with self.library.sessions.begin() as session:
            if self.before is None:
                self.before = snapshot(get_annotation(session, self.annotation_id))
            edit_annotation(session, self.annotation_id, **self.after)
        self.changed()

    def undo(self) -> None:
        assert self.before is not None
        with self.library.sessions.begin() as session:
            restore_annotation(session, self.before)
        self.changed()


class DeleteAnnotation(_Command):
    def __init__(self, library: Library, changed: Callable[[], None], annotation_id: str) -> None:
        super().__init__(library, changed, QCoreApplication.translate("AnnotationCommands", "删除批注"))
        self.annotation_id = annotation_id
        self.saved: dict[str, Any] | None = None

    def redo(self) -> None:
        with self.library.sessions.begin() as session:
            self.saved = snapshot(get_annotation(session, self.annotation_id))
            delete_annotation(session, self.annotation_id)
        self.changed()

    def undo(self) -> None:
        assert self.saved is not None
        with self.library.sessions.begin() as session:
            restore_annotation(session, self.saved)
        self.changed()
