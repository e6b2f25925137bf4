"""Where the review of each report stands: 未审 → 审阅中 → 已完成, who reviewed it and the conclusion."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import models
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
) -> ReviewStateView:
    """Change what is given (status: key or label); the row is created on first use."""
    if session.get(models.Report, report_id) is None:
        raise AnnotationError(f"资料库中没有编号为 {report_id} 的报告。")
    row = session.get(models.ReviewState, report_id)
    if row is None:
        row = models.ReviewState(report_id=report_id, status="unreviewed", conclusion="")
        session.add(row)
    if status is not None:
        row.status = resolve_review_status(status)
    if reviewer is not None:
        row.reviewer = reviewer.strip() or None
    if conclusion is not None:
        row.conclusion = conclusion
    row.updated_at = datetime.now()
    session.flush()
    return _view(row)


def review_statuses(session: Session, report_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Status key per report for a library list column (reports without a row are ``unreviewed``)."""
    query = select(models.ReviewState.report_id, models.ReviewState.status)
    ids = list(report_ids) if report_ids is not None else None
    if ids is not None:
        query = query.where(models.ReviewState.report_id.in_(ids))
    found = {row[0]: row[1] for row in session.execute(query)}
    return {i: found.get(i, "unreviewed") for i in ids} if ids is not None else found


def _view(row: models.ReviewState) -> ReviewStateView:
    return ReviewStateView(row.report_id, row.status, row.reviewer, row.conclusion, row.updated_at)
