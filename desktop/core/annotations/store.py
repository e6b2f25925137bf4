"""Reviewer annotations in the library: create, edit, delete and list, on a session the caller owns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db import models
from db.types import utc_now
from desktop.core.annotations.anchoring import Selectors, anchor, make_selectors, occurrences, text_hash
from desktop.core.annotations.concurrency import EditConflict, check_version
from desktop.core.annotations.taxonomy import AnnotationError, Taxonomy, default_taxonomy


@dataclass(frozen=True)
class AnnotationView:
    """An annotation as the UI and the CLI show it: stored fields plus where it is in the text now."""

    id: str
    report_id: int | None
    report_sha256: str
    category: str
    category_label: str
    color: str | None
    severity: str
    severity_label: str
    status: str
    status_label: str
    comment: str
    author: str | None
    created_at: datetime
    modified_at: datetime
    selectors: Selectors
    start: int | None
    """Current span in the report's cleaned text; None (with ``orphan``) when the passage is gone."""
    end: int | None
    text: str | None
    """What the span holds now: differs from the quote when the passage was edited (fuzzy anchor)."""
    rule: str | None = None
    """The finding rule it was accepted from (None: written by a reviewer)."""
    version: int = 1
    """The stored version: an edit based on it fails if another reviewer saved a newer one."""
    modified_by: str | None = None

    @property
    def orphan(self) -> bool:
        return self.start is None

    def as_json(self) -> dict[str, Any]:
        s = self.selectors
        return {
            "id": self.id,
            "report_id": self.report_id,
            "report_sha256": self.report_sha256,
            "category": self.category,
            "category_label": self.category_label,
            "severity": self.severity,
            "severity_label": self.severity_label,
            "status": self.status,
            "status_label": self.status_label,
            "comment": self.comment,
            "author": self.author,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "modified_at": self.modified_at.isoformat(timespec="seconds"),
            "quote": {"exact": s.exact, "prefix": s.prefix, "suffix": s.suffix},
            "position": {"start": s.start, "end": s.end},
            "text_hash": s.text_hash,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "orphan": self.orphan,
            "rule": self.rule,
            "version": self.version,
            "modified_by": self.modified_by,
        }


def selectors_of(annotation: models.Annotation) -> Selectors:
    return Selectors(
        exact=annotation.quote_exact,
        prefix=annotation.quote_prefix,
        suffix=annotation.quote_suffix,
        start=annotation.position_start,
        end=annotation.position_end,
        text_hash=annotation.text_hash,
    )


def annotation_view(
    annotation: models.Annotation,
    text: str | None,
    taxonomy: Taxonomy | None = None,
    digest: str | None = None,
) -> AnnotationView:
    """``text``: the report's cleaned text now (None for an annotation whose report was deleted)."""
    taxonomy = taxonomy or default_taxonomy()
    span = anchor(text, selectors_of(annotation), digest) if text is not None else None
    category = taxonomy.category(annotation.category)
    return AnnotationView(
        id=annotation.id,
        report_id=annotation.report_id,
        report_sha256=annotation.report_sha256,
        category=annotation.category,
        category_label=category.label,
        color=category.color,
        severity=annotation.severity,
        severity_label=taxonomy.severity(annotation.severity).label,
        status=annotation.status,
        status_label=taxonomy.status(annotation.status).label,
        comment=annotation.comment,
        author=annotation.author,
        created_at=annotation.created_at,
        modified_at=annotation.modified_at,
        selectors=selectors_of(annotation),
        start=span[0] if span else None,
        end=span[1] if span else None,
        text=text[span[0] : span[1]] if span and text is not None else None,
        rule=annotation.rule,
        version=annotation.version or 1,
        modified_by=annotation.modified_by,
    )


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int, int]:
    """The ``occurrence``-th (1-based) place of ``quote`` in ``text``: (start, end, how many there are)."""
    quote = quote.strip()
    if not quote:
        raise AnnotationError("引文不能为空。")
    starts = occurrences(text, quote)
    if not starts:
        raise AnnotationError(f"正文中找不到“{_short(quote)}”。请从报告正文中原样复制引文（注意全角标点）。")
    if not 1 <= occurrence <= len(starts):
        raise AnnotationError(
            f"“{_short(quote)}”在正文中出现 {len(starts)} 处，第 {occurrence} 处不存在（应为 1–{len(starts)}）。"
        )
    start = starts[occurrence - 1]
    return start, start + len(quote), len(starts)


def create_annotation(
    session: Session,
    report: models.Report,
    start: int,
    end: int,
    *,
    category: str,
    severity: str | None = None,
    comment: str = "",
    author: str | None = None,
    taxonomy: Taxonomy | None = None,
) -> models.Annotation:
    """Annotate ``report.clean_text[start:end]`` (a reviewer's selection); category/severity: key or label."""
    taxonomy = taxonomy or default_taxonomy()
    text = report.clean_text
    if not 0 <= start < end <= len(text):
        raise AnnotationError(f"所选范围 {start}–{end} 不在正文内（正文共 {len(text)} 字），或为空。")
    category = taxonomy.resolve_category(category)
    severity = taxonomy.resolve_severity(severity or taxonomy.default_severity)
    selectors = make_selectors(text, start, end)
    now = utc_now()
    annotation = models.Annotation(
        report_id=report.id,
        report_sha256=report.sha256,
        category=category,
        severity=severity,
        status=taxonomy.default_status,
        comment=comment,
        author=author,
        modified_by=author,
        created_at=now,
        modified_at=now,
        quote_exact=selectors.exact,
        quote_prefix=selectors.prefix,
        quote_suffix=selectors.suffix,
        position_start=selectors.start,
        position_end=selectors.end,
        text_hash=selectors.text_hash,
        orphan=False,
    )
    session.add(annotation)
    session.flush()
    return annotation


def edit_annotation(
    session: Session,
    annotation_id: str,
    *,
    category: str | None = None,
    severity: str | None = None,
    status: str | None = None,
    comment: str | None = None,
    taxonomy: Taxonomy | None = None,
    expected_version: int | None = None,
    by: str | None = None,
) -> models.Annotation:
    """Change what is given (keys or labels); ``modified_at`` and ``modified_by`` move only when
    something changed. ``expected_version``: the version the reviewer's change is based on; if
    another reviewer saved since, :class:`EditConflict` is raised and nothing is written."""
    taxonomy = taxonomy or default_taxonomy()
    annotation = get_annotation(session, annotation_id)
    check_version("annotation", annotation_id, annotation.version, expected_version)
    changes: dict[str, str] = {}
    if category is not None:
        changes["category"] = taxonomy.resolve_category(category)
    if severity is not None:
        changes["severity"] = taxonomy.resolve_severity(severity)
    if status is not None:
        changes["status"] = taxonomy.resolve_status(status)
    if comment is not None:
        changes["comment"] = comment
    changed = {field: value for field, value in changes.items() if getattr(annotation, field) != value}
    for field, value in changed.items():
        setattr(annotation, field, value)
    if changed:
        annotation.modified_at = utc_now()
        annotation.modified_by = by if by is not None else annotation.modified_by
    _flush(session, annotation_id)
    return annotation


def delete_annotation(session: Session, annotation_id: str, expected_version: int | None = None) -> None:
    annotation = get_annotation(session, annotation_id)
    check_version("annotation", annotation_id, annotation.version, expected_version)
    session.delete(annotation)
    _flush(session, annotation_id)


def _flush(session: Session, annotation_id: str) -> None:
    """Write now; a row changed by another reviewer between our read and this write is a conflict."""
    try:
        session.flush()
    except StaleDataError as error:
        raise EditConflict("annotation", annotation_id) from error


def get_annotation(session: Session, annotation_id: str) -> models.Annotation:
    annotation = session.get(models.Annotation, annotation_id)
    if annotation is None:
        raise AnnotationError(f"资料库中没有编号为 {annotation_id} 的批注。")
    return annotation


def annotations_of(session: Session, report_id: int) -> list[models.Annotation]:
    query = select(models.Annotation).where(models.Annotation.report_id == report_id)
    return list(session.scalars(query.order_by(models.Annotation.created_at, models.Annotation.id)))


def list_annotations(
    session: Session, report: models.Report, taxonomy: Taxonomy | None = None
) -> list[AnnotationView]:
    """A report's annotations in reading order, anchored in its current text; orphans last.

    Read-only: positions are worked out afresh, so the list is right even before
    :func:`~desktop.core.annotations.reanchor.reanchor_report` has stored them.
    """
    text = report.clean_text
    digest = text_hash(text)
    views = [annotation_view(a, text, taxonomy, digest) for a in annotations_of(session, report.id)]
    return sorted(views, key=lambda v: (v.orphan, v.start or 0, v.created_at))


def detached_annotations(session: Session, taxonomy: Taxonomy | None = None) -> list[AnnotationView]:
    """Annotations whose report was deleted: kept (by the file's sha256) until it is imported again."""
    query = select(models.Annotation).where(models.Annotation.report_id.is_(None))
    rows = session.scalars(query.order_by(models.Annotation.created_at, models.Annotation.id))
    return [annotation_view(a, None, taxonomy) for a in rows]


def _short(quote: str, limit: int = 30) -> str:
    return quote if len(quote) <= limit else quote[:limit] + "…"


SNAPSHOT_FIELDS = (
    "id", "report_id", "report_sha256", "category", "severity", "status", "comment", "author",
    "created_at", "modified_at", "quote_exact", "quote_prefix", "quote_suffix", "position_start",
    "position_end", "text_hash", "orphan", "sync_hashes", "rule", "modified_by",
)  # fmt: skip
"""Not ``version``: the database counts versions itself, also when a snapshot is put back."""


def snapshot(annotation: models.Annotation) -> dict[str, Any]:
    """Every stored field, so a deleted annotation can come back exactly as it was (undo)."""
    return {name: getattr(annotation, name) for name in SNAPSHOT_FIELDS}


def restore_annotation(
    session: Session, saved: dict[str, Any], expected_version: int | None = None
) -> models.Annotation:
    """Put back an annotation from :func:`snapshot`, with its id, or update it to those values
    (``expected_version``: as for :func:`edit_annotation`)."""
    annotation = session.get(models.Annotation, saved["id"])
    if annotation is None:
        annotation = models.Annotation(**saved)
        session.add(annotation)
    else:
        check_version("annotation", saved["id"], annotation.version, expected_version)
        for name, value in saved.items():
            setattr(annotation, name, value)
    _flush(session, saved["id"])
    return annotation
