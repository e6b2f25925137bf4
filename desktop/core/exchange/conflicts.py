"""Conflicts from review packages, for the GUI and the command line: both versions side by side, and
settling one by keeping the local or the incoming version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import models
from desktop.core.annotations.store import AnnotationView, annotation_view
from desktop.core.annotations.taxonomy import AnnotationError, Taxonomy, default_taxonomy
from desktop.core.exchange.merge import apply_incoming
from desktop.core.exchange.package import content_hash, merge_history

CONTENT_FIELDS = ("category", "severity", "status", "comment")


class ConflictError(AnnotationError):
    """A conflict that cannot be settled as asked (unknown id, or neither side chosen)."""


@dataclass(frozen=True)
class IncomingVersion:
    """The package's version of the reviewer's fields, labelled like an AnnotationView."""

    category: str
    category_label: str
    severity: str
    severity_label: str
    status: str
    status_label: str
    comment: str
    author: str | None
    modified_at: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "category_label": self.category_label,
            "severity": self.severity,
            "severity_label": self.severity_label,
            "status": self.status,
            "status_label": self.status_label,
            "comment": self.comment,
            "author": self.author,
            "modified_at": self.modified_at.isoformat(timespec="seconds") if self.modified_at else None,
        }


@dataclass(frozen=True)
class ConflictView:
    id: int
    annotation_id: str
    report_id: int | None
    source: str
    """The package's file name."""
    detected_at: datetime
    local: AnnotationView
    """The library's version, anchored in the report's current text (as the annotation list shows it)."""
    incoming: IncomingVersion
    kind: str = "package"
    """``package``: the incoming version came in a review package; ``edit``: it is another reviewer's
    save that lost a race with the library's version (team libraries), ``source`` names the reviewer."""

    @property
    def differences(self) -> tuple[str, ...]:
        """Which of category, severity, status and comment differ."""
        return tuple(f for f in CONTENT_FIELDS if getattr(self.local, f) != getattr(self.incoming, f))

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "annotation_id": self.annotation_id,
            "report_id": self.report_id,
            "source": self.source,
            "detected_at": self.detected_at.isoformat(timespec="seconds"),
            "kind": self.kind,
            "differences": list(self.differences),
            "local": self.local.as_json(),
            "incoming": self.incoming.as_json(),
        }


def count_conflicts(session: Session) -> int:
    return session.scalar(select(func.count(models.AnnotationConflict.id))) or 0


def list_conflicts(
    session: Session, report_id: int | None = None, taxonomy: Taxonomy | None = None
) -> list[ConflictView]:
    """Open conflicts (of one report, or all), oldest first."""
    taxonomy = taxonomy or default_taxonomy()
    query = (
        select(models.AnnotationConflict, models.Annotation)
        .join(models.Annotation, models.Annotation.id == models.AnnotationConflict.annotation_id)
        .order_by(models.AnnotationConflict.detected_at, models.AnnotationConflict.id)
    )
    if report_id is not None:
        query = query.where(models.Annotation.report_id == report_id)
    rows = list(session.execute(query))
    report_ids = {a.report_id for _, a in rows if a.report_id is not None}
    texts: dict[int, str] = {}
    if report_ids:
        text_query = select(models.Report.id, models.Report.clean_text).where(
            models.Report.id.in_(report_ids)
        )
        texts = {row.id: row.clean_text for row in session.execute(text_query)}
    return [
        ConflictView(
            id=conflict.id,
            annotation_id=annotation.id,
            report_id=annotation.report_id,
            source=conflict.source,
            detected_at=conflict.detected_at,
            local=annotation_view(
                annotation, texts.get(annotation.report_id) if annotation.report_id else None, taxonomy
            ),
            incoming=_incoming(conflict.incoming, taxonomy),
            kind=conflict.kind or "package",
        )
        for conflict, annotation in rows
    ]


def resolve_conflict(
    session: Session, conflict_id: int, keep: Literal["local", "incoming"]
) -> models.Annotation:
    """Settle a conflict; the chosen version wins the next exchanges too.

    ``incoming``: the package's fields replace the local ones. ``local``: nothing changes here, but the
    incoming version joins the annotation's history, so our version counts as the newer one when the
    other side imports our next package (and a re-import of the same package no longer conflicts).
    """
    if keep not in ("local", "incoming"):
        raise ConflictError(f"请选择保留本地版本（local）或导入的版本（incoming），而不是“{keep}”。")
    conflict = session.get(models.AnnotationConflict, conflict_id)
    if conflict is None:
        raise ConflictError(f"没有编号为 {conflict_id} 的批注冲突（可能已经处理过）。")
    annotation = session.get(models.Annotation, conflict.annotation_id)
    if annotation is None:  # only if the database ignored ON DELETE CASCADE
        session.delete(conflict)
        session.flush()
        raise ConflictError(f"编号为 {conflict_id} 的冲突所属的批注已被删除。")
    incoming = conflict.incoming
    if conflict.kind == "edit":  # a lost save: no package history to keep in step
        if keep == "incoming":
            apply_incoming(annotation, incoming)
            annotation.modified_by = incoming.get("author")
        session.delete(conflict)
        session.flush()
        return annotation
    local_hash = content_hash(annotation.category, annotation.severity, annotation.status, annotation.comment)
    versions = [conflict.incoming_hash, local_hash]
    if keep == "incoming":
        apply_incoming(annotation, incoming)
        versions.reverse()
    # Both versions join the history, the kept one last: it now descends from the other.
    annotation.sync_hashes = merge_history(
        annotation.sync_hashes or [], incoming.get("history") or [], versions
    )
    session.delete(conflict)
    session.flush()
    return annotation


def _incoming(stored: dict[str, Any], taxonomy: Taxonomy) -> IncomingVersion:
    modified = stored.get("modified_at")
    return IncomingVersion(
        category=stored["category"],
        category_label=taxonomy.category(stored["category"]).label,
        severity=stored["severity"],
        severity_label=taxonomy.severity(stored["severity"]).label,
        status=stored["status"],
        status_label=taxonomy.status(stored["status"]).label,
        comment=stored["comment"],
        author=stored.get("author"),
        modified_at=_moment(modified) if modified else None,
    )


def _moment(value: str) -> datetime:
    """A stored time: older conflicts kept local wall-clock times without an offset."""
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment.astimezone(timezone.utc)
