"""The reviewer's control over figures: confirm, correct (key and/or value) or exclude one.

A decision is stored in ``figure_reviews`` (never in the figure rows, which are recomputed whenever
the text or the catalog changes), tied to the file's sha256 and anchored to the figure's words the
way annotations are: the exact words with context, their offsets, and the hash of the text they were
taken from. Applying the decisions to freshly extracted figures finds each figure again by its
anchor, so decisions survive re-processing, a new catalog, and deleting and importing the file again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from db import models
from desktop.core.annotations.anchoring import Selectors, anchor, make_selectors, text_hash
from desktop.core.metrics.catalog import Catalog
from desktop.core.metrics.extract import Mention

DECISIONS = {"confirmed": "已确认", "corrected": "已更正", "excluded": "已排除"}


class FigureReviewError(ValueError):
    """A decision that cannot be stored, with a Chinese message for the reviewer."""


@dataclass(frozen=True)
class Decision:
    """What the reviewer decided, as shown and exported (``Mention.review``)."""

    id: str
    decision: str
    key: str | None
    value: float | None
    extracted_key: str | None
    extracted_value: float
    author: str | None
    modified_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "decision": self.decision,
            "label": DECISIONS.get(self.decision, self.decision),
            "key": self.key,
            "value": self.value,
            "extracted_key": self.extracted_key,
            "extracted_value": self.extracted_value,
            "author": self.author,
            "modified_at": self.modified_at.isoformat(timespec="seconds"),
        }


def _selectors(row: models.FigureReview) -> Selectors:
    return Selectors(
        exact=row.quote_exact,
        prefix=row.quote_prefix,
        suffix=row.quote_suffix,
        start=row.position_start,
        end=row.position_end,
        text_hash=row.text_hash,
    )


def _decision(row: models.FigureReview) -> Decision:
    return Decision(
        id=row.id,
        decision=row.decision,
        key=row.key,
        value=row.value,
        extracted_key=row.extracted_key,
        extracted_value=row.extracted_value,
        author=row.author,
        modified_at=row.modified_at,
    )


def reviews_for(session: Session, sha256s: Iterable[str]) -> dict[str, list[models.FigureReview]]:
    """Every stored decision, by the sha256 of the file it belongs to."""
    wanted = sorted(set(sha256s))
    found: dict[str, list[models.FigureReview]] = {}
    for start in range(0, len(wanted), 500):
        query = select(models.FigureReview).where(
            models.FigureReview.report_sha256.in_(wanted[start : start + 500])
        )
        for row in session.scalars(query.order_by(models.FigureReview.created_at)):
            found.setdefault(row.report_sha256, []).append(row)
    return found


def apply_reviews(
    mentions: Sequence[Mention],
    reviews: Sequence[models.FigureReview],
    text: str,
    catalog: Catalog | None = None,
    *,
    keep_excluded: bool = False,
) -> list[Mention]:
    """The figures as the reviewer left them: corrections applied, exclusions dropped (or kept, marked).

    Each decision is anchored in ``text`` (its words, context and offsets); without the text (an empty
    string) the stored offsets and words must still match. A decision whose figure is gone is skipped.
    """
    if not reviews:
        return list(mentions)
    by_span = {(m.start, m.end): m for m in mentions}
    digest = text_hash(text) if text else None
    for row in reviews:
        span = _anchor(row, text, digest)
        mention = by_span.get(span) if span else None
        if mention is None or (text and text[mention.start : mention.end] != row.quote_exact):
            continue
        decision = _decision(row)
        mention.review = decision.as_json()
        if row.decision == "corrected":
            if row.key is not None:  # "" is a correction to "no metric"
                mention.key = row.key or None
                mention.label = catalog.label(mention.key) if catalog is not None else mention.label
            if row.value is not None:
                mention.value = row.value
                mention.low = mention.high = row.value
    if keep_excluded:
        return list(mentions)
    return [m for m in mentions if m.decision != "excluded"]


def _anchor(row: models.FigureReview, text: str, digest: str | None) -> tuple[int, int] | None:
    if not text:
        return row.position_start, row.position_end
    return anchor(text, _selectors(row), digest)


def review_figure(
    session: Session,
    figure_id: int,
    decision: str,
    catalog: Catalog,
    *,
    key: str | None = None,
    value: float | None = None,
    author: str | None = None,
) -> models.FigureReview:
    """Store the reviewer's ``decision`` on the figure with row id ``figure_id`` (replacing an earlier one).

    ``corrected`` needs a new ``key`` (a catalog key, or ``""`` for "no metric") and/or a new ``value``.
    """
    if decision not in DECISIONS:
        raise FigureReviewError(f"未知的处理方式“{decision}”：应为确认、更正或排除。")
    figure = session.get(models.MetricMention, figure_id)
    if figure is None:
        raise FigureReviewError(
            f"资料库中没有编号为 {figure_id} 的数字（报告重新分析后编号会变化，请重新查看）。"
        )
    if decision == "corrected":
        if key is None and value is None:
            raise FigureReviewError("更正数字时请给出新的指标或数值。")
        if key and key not in catalog.all_kinds:
            known = "、".join(sorted(catalog.all_kinds))
            raise FigureReviewError(f"指标“{key}”不在指标目录中。可用的指标：{known}。")
        if value is not None and not _finite(value):
            raise FigureReviewError(f"数值“{value}”无效。")
    report = session.get(models.Report, figure.report_id, options=[undefer(models.Report.clean_text)])
    assert report is not None
    text = report.clean_text
    if not 0 <= figure.start < figure.end <= len(text):
        raise FigureReviewError("该数字在报告文本中的位置无效，请先重新分析报告。")
    row = _existing(session, report, figure) or models.FigureReview(report_sha256=report.sha256)
    selectors = make_selectors(text, figure.start, figure.end)
    now = datetime.now()
    if row.created_at is None:
        row.created_at = now
        session.add(row)
    row.modified_at = now
    row.decision = decision
    row.key = key if decision == "corrected" else None
    row.value = value if decision == "corrected" else None
    row.extracted_key, row.extracted_value = figure.key, figure.value
    row.quote_exact, row.quote_prefix, row.quote_suffix = selectors.exact, selectors.prefix, selectors.suffix
    row.position_start, row.position_end, row.text_hash = selectors.start, selectors.end, selectors.text_hash
    row.author = author
    session.flush()
    return row


def reset_figure(session: Session, figure_id: int) -> bool:
    """Forget the reviewer's decision on a figure; True when there was one."""
    figure = session.get(models.MetricMention, figure_id)
    if figure is None:
        raise FigureReviewError(f"资料库中没有编号为 {figure_id} 的数字。")
    report = session.get(models.Report, figure.report_id, options=[undefer(models.Report.clean_text)])
    assert report is not None
    row = _existing(session, report, figure)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def snapshot(row: models.FigureReview | None) -> dict[str, Any] | None:
    """Every column of a decision (for undo)."""
    if row is None:
        return None
    return {c.key: getattr(row, c.key) for c in models.FigureReview.__table__.columns}


def restore(session: Session, remove_id: str | None, saved: dict[str, Any] | None) -> None:
    """Undo or redo a decision: drop the decision ``remove_id`` and put back ``saved`` (a
    :func:`snapshot`, None for "no decision")."""
    if remove_id is not None:
        current = session.get(models.FigureReview, remove_id)
        if current is not None:
            session.delete(current)
            session.flush()
    if saved is not None:
        session.add(models.FigureReview(**saved))
    session.flush()


def existing_review(session: Session, figure: models.MetricMention) -> models.FigureReview | None:
    """The decision now anchored to ``figure``, if any."""
    report = session.get(models.Report, figure.report_id, options=[undefer(models.Report.clean_text)])
    return _existing(session, report, figure) if report is not None else None


def _existing(
    session: Session, report: models.Report, figure: models.MetricMention
) -> models.FigureReview | None:
    rows = reviews_for(session, [report.sha256]).get(report.sha256, [])
    digest = text_hash(report.clean_text)
    for row in rows:
        if anchor(report.clean_text, _selectors(row), digest) == (figure.start, figure.end):
            return row
    return None


def _finite(value: float) -> bool:
    return value == value and value not in (float("inf"), float("-inf"))


# Carrying decisions to a newer version of the report (desktop.core.annotations.carry) -------------------


def _fingerprint(row: models.FigureReview) -> list[Any]:
    return [row.report_sha256, row.decision, row.key, row.value]


def move_reviews(
    session: Session, older_sha256s: Sequence[str], newer_sha256: str, text: str
) -> list[dict[str, Any]]:
    """Give the decisions on earlier versions' figures to the newer file, anchored in its ``text``
    (a decision whose words are not there stays, and simply finds no figure). Returns what moved."""
    digest = text_hash(text)
    moved: list[dict[str, Any]] = []
    for rows in reviews_for(session, older_sha256s).values():
        for row in rows:
            before = {
                "report_sha256": row.report_sha256,
                "position_start": row.position_start,
                "position_end": row.position_end,
                "text_hash": row.text_hash,
            }
            span = anchor(text, _selectors(row), digest)
            row.report_sha256 = newer_sha256
            if span is not None:
                row.position_start, row.position_end = span
                row.text_hash = digest
            moved.append({"id": row.id, "before": before, "after": _fingerprint(row)})
    return moved


def reviews_changed(session: Session, moved: Sequence[dict[str, Any]]) -> int:
    """How many moved decisions someone changed since (an undo would lose that change)."""
    changed = 0
    for entry in moved:
        row = session.get(models.FigureReview, entry["id"])
        if row is not None and _fingerprint(row) != entry["after"]:
            changed += 1
    return changed


def unmove_reviews(session: Session, moved: Sequence[dict[str, Any]]) -> int:
    """Put moved decisions back where they were; returns how many (those deleted since stay deleted)."""
    count = 0
    for entry in moved:
        row = session.get(models.FigureReview, entry["id"])
        if row is None:
            continue
        for name, value in entry["before"].items():
            setattr(row, name, value)
        count += 1
    return count
