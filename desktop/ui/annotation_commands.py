"""Undoable annotation operations. Each one is saved at once in its own transaction, off the GUI
thread (run by :class:`desktop.ui.stored_commands.UndoOperations`).

A command goes on the undo stack only after its first save landed; an undo or redo whose save
fails leaves the stack where it was. Either way the reviewer is told why, so the stack never
offers to undo something that was never stored.

Every step is based on the version of the annotation that this window last saw: the one shown when
the reviewer started an edit, then the one its own last save left (``versions``, shared by the
commands of one undo stack). When another reviewer of a team library saved in between, nothing is
overwritten: an edit's unsaved version is kept as a conflict to choose from, the command becomes
obsolete (undoing it would now overwrite the other's work), and the reviewer chooses.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
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
from desktop.ui.changes import Changes
from desktop.ui.stored_commands import StoredCommand

CONTENT = ("category", "severity", "status", "comment")


class _Lost(Exception):
    """The save lost a race with another reviewer's (``conflict_id``: the unsaved version kept)."""

    def __init__(self, message: str, conflict_id: int | None = None) -> None:
        super().__init__(message)
        self.conflict_id = conflict_id


class _Command(StoredCommand):
    def __init__(self, library: Library, text: str, report_id: int | None = None) -> None:
        super().__init__(text)
        self.library = library
        self.report_id = report_id
        """The annotated report (None: not known to the command; the change concerns any)."""
        self.versions: dict[str, int] = {}
        """Annotation id → the version this window's last save left (set by the controller)."""

    @property
    def changes(self) -> Changes:
        # An annotation counts in the library list and may settle a finding.
        return Changes.of(self.report_id, annotations=True, findings=True)

    def lost(self, error: BaseException) -> tuple[str, int | None] | None:
        if isinstance(error, (EditConflict, _Lost)):
            return str(error), getattr(error, "conflict_id", None)
        return None


class AddAnnotation(_Command):
    def __init__(
        self, library: Library, report_id: int, start: int, end: int, fields: dict[str, Any]
    ) -> None:
        super().__init__(library, QCoreApplication.translate("AnnotationCommands", "添加批注"), report_id)
        self.report_id, self.start, self.end, self.fields = report_id, start, end, fields
        self.saved: dict[str, Any] | None = None

    def forward(self) -> None:
        with self.library.sessions.begin() as session:
            if self.saved is None:
                assert self.report_id is not None  # an added annotation always knows its report
                report = get_report(session, self.report_id, with_text=True)
                assert report is not None
                made = create_annotation(session, report, self.start, self.end, **self.fields)
            else:
                made = restore_annotation(session, self.saved)
            session.flush()
            created, version = snapshot(made), made.version
        self.saved = created  # only once committed: a failed first save leaves nothing to undo
        self.versions[created["id"]] = version

    def backward(self) -> None:
        assert self.saved is not None
        annotation_id = self.saved["id"]
        with self.library.sessions.begin() as session:
            delete_annotation(session, annotation_id, self.versions.get(annotation_id))
        self.versions.pop(annotation_id, None)

    @property
    def annotation_id(self) -> str | None:
        return self.saved["id"] if self.saved else None


class EditAnnotation(_Command):
    def __init__(
        self,
        library: Library,
        annotation_id: str,
        after: dict[str, Any],
        version: int | None = None,
        reviewer: str | None = None,
        report_id: int | None = None,
    ) -> None:
        """``version``: the one the reviewer edited (None: whatever is stored when it first runs)."""
        super().__init__(library, QCoreApplication.translate("AnnotationCommands", "修改批注"), report_id)
        self.annotation_id, self.after, self.reviewer = annotation_id, after, reviewer
        self.before: dict[str, Any] | None = None
        self.first_version = version

    def forward(self) -> None:
        expected = self.versions.get(self.annotation_id, self.first_version)
        seen: dict[str, Any] = {}

        def change(session: Session) -> None:
            annotation = get_annotation(session, self.annotation_id)
            seen["before"] = self.before or snapshot(annotation)
            edited = edit_annotation(
                session, self.annotation_id, **self.after, expected_version=expected, by=self.reviewer
            )
            session.flush()
            seen["version"] = edited.version

        taxonomy = self.after.get("taxonomy")
        mine = {k: _key(taxonomy, k, v) for k, v in self.after.items() if k in CONTENT}
        result = save_annotation_change(
            self.library.sessions, self.annotation_id, expected or 0, change, mine, self.reviewer
        )
        if not result.saved:
            raise _Lost(result.message, result.conflict_id)
        # Only once committed: a failed save changes nothing this command remembers.
        self.before = seen["before"]
        self.versions[self.annotation_id] = seen["version"]

    def backward(self) -> None:
        assert self.before is not None
        with self.library.sessions.begin() as session:
            restored = restore_annotation(session, self.before, self.versions.get(self.annotation_id))
            session.flush()
            version = restored.version
        self.versions[self.annotation_id] = version


class DeleteAnnotation(_Command):
    def __init__(
        self, library: Library, annotation_id: str, version: int | None = None, report_id: int | None = None
    ) -> None:
        super().__init__(library, QCoreApplication.translate("AnnotationCommands", "删除批注"), report_id)
        self.annotation_id = annotation_id
        self.saved: dict[str, Any] | None = None
        self.first_version = version

    def forward(self) -> None:
        expected = self.versions.get(self.annotation_id, self.first_version)
        with self.library.sessions.begin() as session:
            saved = snapshot(get_annotation(session, self.annotation_id))
            delete_annotation(session, self.annotation_id, expected)
        self.saved = saved
        self.versions.pop(self.annotation_id, None)

    def backward(self) -> None:
        assert self.saved is not None
        with self.library.sessions.begin() as session:
            restored = restore_annotation(session, self.saved)
            session.flush()
            version = restored.version
        self.versions[self.annotation_id] = version


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
