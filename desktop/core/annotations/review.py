"""Where the review of each report stands: 未审 → 审阅中 → 已完成, who reviewed it and the conclusion."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db import models
from db.types import utc_now
from desktop.core.annotations.concurrency import EditConflict
from desktop.core.annotations.taxonomy import AnnotationError
from desktop.core.annotations.workflow import REVIEW_STATUSES, REVIEW_STATUSES_EN


@dataclass(frozen=True)
class ReviewStateView:
    report_id: int
    status: str
    reviewer: str | None
    conclusion: str
    updated_at: datetime | None
    """None while the report has never been touched."""
    version: int = 0
    """The stored version (0: no row yet); a save based on an older one is a conflict."""

    @property
    def status_label(self) -> str:
        return REVIEW_STATUSES.get(self.status, self.status)

    def as_json(self) -> dict[str, Any]:
        return {
            "report_id": self.report_id,
            "status": self.status,
            "status_label": self.status_label,
            "reviewer": self.reviewer,
            "conclusion": self.conclusion,
            "updated_at": self.updated_at.isoformat(timespec="seconds") if self.updated_at else None,
            "version": self.version,
        }


def resolve_review_status(text: str) -> str:
    """A review status from its key, Chinese or English label."""
    wanted = text.strip()
    for key, label in REVIEW_STATUSES.items():
        if wanted in (key, label) or wanted.casefold() == REVIEW_STATUSES_EN[key].casefold():
            return key
    choices = "、".join(f"{label}（{key}）" for key, label in REVIEW_STATUSES.items())
    raise AnnotationError(f"未知的审阅状态“{text}”。可选：{choices}。")


def get_review_state(session: Session, report_id: int) -> ReviewStateView:
    row = session.get(models.ReviewState, report_id)
    if row is None:
        return ReviewStateView(report_id, "unreviewed", None, "", None)
    return _view(row)


def set_review_state(
    session: Session,
    report_id: int,
    *,
    status: str | None = None,
    reviewer: str | None = None,
    conclusion: str | None = None,
    expected_version: int | None = None,
) -> ReviewStateView:
    """Change what is given (status: key or label); the row is created on first use.

    ``expected_version``: the version the change is based on (0: the report had no review state);
    if another reviewer saved since, :class:`EditConflict` is raised and nothing is written."""
    if session.get(models.Report, report_id) is None:
        raise AnnotationError(f"资料库中没有编号为 {report_id} 的报告。")
    row = session.get(models.ReviewState, report_id)
    if expected_version is not None and (row.version if row else 0) != expected_version:
        raise EditConflict("review", report_id)
    if row is None:
        row = models.ReviewState(report_id=report_id, status="unreviewed", conclusion="")
        session.add(row)
    if status is not None:
        row.status = resolve_review_status(status)
    if reviewer is not None:
        row.reviewer = reviewer.strip() or None
    if conclusion is not None:
        row.conclusion = conclusion
    row.updated_at = utc_now()
    try:
        session.flush()
    except StaleDataError as error:  # saved by another reviewer between our read and our write
        raise EditConflict("review", report_id) from error
    except Exception as error:  # two first saves of one report at once: the second insert fails
        if expected_version == 0 and "review_states" in str(error) and _duplicate(error):
            raise EditConflict("review", report_id) from error
        raise
    return _view(row)


def _duplicate(error: Exception) -> bool:
    text = str(error).lower()
    return "unique" in text or "duplicate" in text


def review_statuses(session: Session, report_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Status key per report for a library list column (reports without a row are ``unreviewed``)."""
    query = select(models.ReviewState.report_id, models.ReviewState.status)
    ids = list(report_ids) if report_ids is not None else None
    if ids is not None:
        query = query.where(models.ReviewState.report_id.in_(ids))
    found = {row[0]: row[1] for row in session.execute(query)}
    return {i: found.get(i, "unreviewed") for i in ids} if ids is not None else found


def _view(row: models.ReviewState) -> ReviewStateView:
    return ReviewStateView(
        row.report_id, row.status, row.reviewer, row.conclusion, row.updated_at, row.version or 1
    )
