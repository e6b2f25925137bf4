"""Undoable annotation operations. Each one is saved at once in its own transaction.

Every step is based on the version of the annotation that this window last saw: the one shown when
the reviewer started an edit, then the one its own last save left (``versions``, shared by the
commands of one undo stack). When another reviewer of a team library saved in between, nothing is
overwritten: an edit's unsaved version is kept as a conflict to choose from, the command leaves the
undo stack (undoing it would now overwrite the other's work), and ``conflicted`` is called."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from db.session import Library
from desktop.core.annotations.concurrency import EditConflict, save_annotation_change
from desktop.core.annotations.store import (
    create_annotation,
    delete_annotation,
    edit_annotation,
    get_annotation,
    restore_annotation,
    snapshot,
)
from desktop.core.library import get_report

Conflicted = Callable[[str, int | None], None]
"""Told the message and the conflict kept (None: nothing to choose, e.g. the annotation is gone)."""
CONTENT = ("category", "severity", "status", "comment")


class _Command(QUndoCommand):
    def __init__(self, library: Library, changed: Callable[[], None], text: str) -> None:
        super().__init__(text)
        self.library = library
        self.changed = changed
        self.conflicted: Conflicted | None = None
        self.versions: dict[str, int] = {}
        """Annotation id → the version this window's last save left (set by the controller)."""

    def _lost(self, message: str, conflict_id: int | None = None) -> None:
        self.setObsolete(True)
        self.changed()
        if self.conflicted is not None:
            self.conflicted(message, conflict_id)


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
                created = create_annotation(session, report, self.start, self.end, **self.fields)
                self.saved = snapshot(created)
            else:
                created = restore_annotation(session, self.saved)
            self.versions[created.id] = created.version
        self.changed()

    def undo(self) -> None:
        assert self.saved is not None
        annotation_id = self.saved["id"]
        try:
            with self.library.sessions.begin() as session:
                delete_annotation(session, annotation_id, self.versions.get(annotation_id))
        except EditConflict as conflict:
            self._lost(str(conflict))
            return
        self.versions.pop(annotation_id, None)
        self.changed()

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
        version: int | None = None,
        reviewer: str | None = None,
    ) -> None:
        """``version``: the one the reviewer edited (None: whatever is stored when it first runs)."""
        super().__init__(library, changed, QCoreApplication.translate("AnnotationCommands", "修改批注"))
        self.annotation_id, self.after, self.reviewer = annotation_id, after, reviewer
        self.before: dict[str, Any] | None = None
        self.first_version = version

    def redo(self) -> None:
        expected = self.versions.get(self.annotation_id, self.first_version)

        def change(session: Session) -> None:
            annotation = get_annotation(session, self.annotation_id)
            if self.before is None:
                self.before = snapshot(annotation)
            edited = edit_annotation(
                session, self.annotation_id, **self.after, expected_version=expected, by=self.reviewer
            )
            self.versions[self.annotation_id] = edited.version

        taxonomy = self.after.get("taxonomy")
        mine = {k: _key(taxonomy, k, v) for k, v in self.after.items() if k in CONTENT}
        result = save_annotation_change(
            self.library.sessions, self.annotation_id, expected or 0, change, mine, self.reviewer
        )
        if not result.saved:
            self._lost(result.message, result.conflict_id)
            return
        self.changed()

    def undo(self) -> None:
        assert self.before is not None
        try:
            with self.library.sessions.begin() as session:
                expected = self.versions.get(self.annotation_id)
                restored = restore_annotation(session, self.before, expected)
                self.versions[self.annotation_id] = restored.version
        except EditConflict as conflict:
            self._lost(str(conflict))
            return
        self.changed()


class DeleteAnnotation(_Command):
    def __init__(
        self, library: Library, changed: Callable[[], None], annotation_id: str, version: int | None = None
    ) -> None:
        super().__init__(library, changed, QCoreApplication.translate("AnnotationCommands", "删除批注"))
        self.annotation_id = annotation_id
        self.saved: dict[str, Any] | None = None
        self.first_version = version

    def redo(self) -> None:
        expected = self.versions.get(self.annotation_id, self.first_version)
        try:
            with self.library.sessions.begin() as session:
                self.saved = snapshot(get_annotation(session, self.annotation_id))
                delete_annotation(session, self.annotation_id, expected)
        except EditConflict as conflict:
            self._lost(str(conflict))
            return
        self.versions.pop(self.annotation_id, None)
        self.changed()

    def undo(self) -> None:
        assert self.saved is not None
        with self.library.sessions.begin() as session:
            self.versions[self.annotation_id] = restore_annotation(session, self.saved).version
        self.changed()


def _key(taxonomy: Any, field: str, value: str) -> str:
    """The stored key of a field given as key or label (what a kept conflict must hold)."""
    from desktop.core.annotations.taxonomy import default_taxonomy

    taxonomy = taxonomy or default_taxonomy()
    resolve = {
        "category": taxonomy.resolve_category,
        "severity": taxonomy.resolve_severity,
        "status": taxonomy.resolve_status,
    }.get(field)
    return resolve(value) if resolve else value
