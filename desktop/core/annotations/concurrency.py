"""Several reviewers on one library: optimistic versions, and what happens to a save that lost a race.

Annotations, review states and metadata corrections carry a ``version`` that the database bumps on
every change (SQLAlchemy's ``version_id_col``: each UPDATE says ``WHERE version = <the one read>``).
A change is based on the version the reviewer saw; if another reviewer saved in between, the save
raises :class:`EditConflict` and writes nothing. For an annotation the losing version is then kept
as a conflict (``annotation_conflicts``, kind ``edit``): the conflict dialog shows both versions and
the reviewer chooses, so neither is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db import models
from db.types import utc_now
from desktop.core.annotations.taxonomy import AnnotationError

KINDS = {"annotation": "批注", "review": "审阅状态和结论", "correction": "报告信息更正"}


class EditConflict(AnnotationError):
    """Another reviewer saved this row after it was read here: nothing was written."""

    def __init__(self, kind: str, key: object, message: str | None = None) -> None:
        what = KINDS.get(kind, kind)
        super().__init__(message or f"其他审阅人刚刚修改了这条{what}，您的修改没有覆盖对方的版本。")
        self.kind = kind
        self.key = key


def check_version(kind: str, key: object, stored: int | None, expected: int | None) -> None:
    """Raise :class:`EditConflict` when the stored version is not the one the change is based on."""
    if expected is not None and (stored or 1) != expected:
        raise EditConflict(kind, key)


@dataclass(frozen=True)
class SaveResult:
    """``saved``: the change is stored; otherwise ``conflict_id`` is the kept losing version (None:
    the annotation is gone, deleted by another reviewer) and ``message`` says what happened."""

    saved: bool
    conflict_id: int | None = None
    message: str = ""


def save_annotation_change(
    sessions: sessionmaker[Session],
    annotation_id: str,
    expected_version: int,
    change: Callable[[Session], object],
    mine: dict[str, Any],
    reviewer: str | None,
) -> SaveResult:
    """Run ``change`` (which checks ``expected_version``) in its own transaction; if it lost a race,
    keep ``mine`` (category, severity, status, comment as the reviewer wanted them) as a conflict."""
    try:
        with sessions.begin() as session:
            change(session)
        return SaveResult(True)
    except EditConflict as conflict:
        with sessions.begin() as session:
            kept = keep_losing_version(session, annotation_id, mine, reviewer)
        if kept is None:
            return SaveResult(False, None, "其他审阅人已删除这条批注，您的修改无法保存。")
        return SaveResult(False, kept, str(conflict))


def keep_losing_version(
    session: Session, annotation_id: str, mine: dict[str, Any], reviewer: str | None
) -> int | None:
    """Store an unsaved version of an annotation as a conflict beside the saved one; returns its id.

    ``mine`` holds the reviewer's fields (keys); fields not given are the saved version's. An open
    conflict of the same annotation is replaced by this newer unsaved version."""
    from desktop.core.exchange.package import content_hash

    annotation = session.get(models.Annotation, annotation_id)
    if annotation is None:
        return None
    fields = {name: mine.get(name, getattr(annotation, name)) for name in _CONTENT}
    incoming = {
        **fields,
        "author": reviewer,
        "modified_at": utc_now().isoformat(timespec="seconds"),
        "history": [],
    }
    conflict = session.scalar(
        select(models.AnnotationConflict).where(models.AnnotationConflict.annotation_id == annotation_id)
    )
    if conflict is None:
        conflict = models.AnnotationConflict(annotation_id=annotation_id)
        session.add(conflict)
    conflict.incoming = incoming
    conflict.incoming_hash = content_hash(*(fields[name] for name in _CONTENT))
    conflict.source = reviewer or ""
    conflict.kind = "edit"
    conflict.detected_at = utc_now()
    session.flush()
    return conflict.id


_CONTENT = ("category", "severity", "status", "comment")
