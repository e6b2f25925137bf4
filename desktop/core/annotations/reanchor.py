"""Keeping annotations attached when a report's cleaned text changes or its file comes back.

Where the pipeline must call these (inside its own write transaction, after the new text is set):

- ``desktop.core.reprocess.reprocess_report``: ``reanchor_report(session, report)`` right after
  ``fill_analysis(report, analysed)`` / ``apply_corrections`` — the text may differ when the
  cleaning pipeline changed.
- ``desktop.core.importing.import_bytes``: ``attach_orphans_by_sha(session, report)`` after
  ``session.flush()`` (the report needs its id) — brings back the annotations of a deleted report
  whose very file is imported again.
- Anything else that rewrites ``Report.clean_text`` (e.g. a future text edit) calls
  ``reanchor_report`` the same way.

Listing stays correct even if a call is missed (it anchors afresh), but the stored positions,
``text_hash`` and ``orphan`` flag — what exports and counts read — are only updated here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db import models
from desktop.core.annotations.anchoring import anchor, text_hash
from desktop.core.annotations.store import annotations_of, selectors_of


@dataclass
class ReanchorSummary:
    """What re-anchoring did to one report's annotations (ids of those it could not place)."""

    report_id: int
    total: int = 0
    moved: int = 0
    orphaned: list[str] = field(default_factory=list)
    recovered: int = 0
    """Former orphans that found their passage again (e.g. the text change was undone)."""


def reanchor_report(session: Session, report: models.Report) -> ReanchorSummary:
    """Re-anchor every annotation of ``report`` in its current ``clean_text`` and store the result.

    Found: positions and ``text_hash`` now refer to the current text (the quote and its context stay
    as the reviewer made them). Not found: flagged ``orphan`` and otherwise left alone — the old
    positions and hash still describe the text they were made on, so a later text that brings the
    passage back (or the same text again) re-attaches it.
    """
    session.flush()  # so a report filled in this transaction is what we read
    text = report.clean_text
    digest = text_hash(text)
    summary = ReanchorSummary(report.id)
    for annotation in annotations_of(session, report.id):
        summary.total += 1
        span = anchor(text, selectors_of(annotation), digest)
        if span is None:
            annotation.orphan = True
            summary.orphaned.append(annotation.id)
            continue
        if annotation.orphan:
            summary.recovered += 1
        if span != (annotation.position_start, annotation.position_end):
            summary.moved += 1
        annotation.position_start, annotation.position_end = span
        annotation.text_hash = digest
        annotation.orphan = False
    session.flush()
    return summary


def attach_orphans_by_sha(session: Session, report: models.Report) -> ReanchorSummary:
    """Give ``report`` the annotations left by a deleted report of the same file, re-anchored."""
    session.flush()
    query = select(models.Annotation).where(
        models.Annotation.report_id.is_(None), models.Annotation.report_sha256 == report.sha256
    )
    for annotation in session.scalars(query):
        annotation.report_id = report.id
    return reanchor_report(session, report)


def reanchor_reports(
    sessions: sessionmaker[Session], report_ids: Iterable[int] | None = None
) -> list[ReanchorSummary]:
    """Convenience for callers without an open transaction: re-anchor these (or all) reports, one
    transaction each (after a batch re-process, or from a background job)."""
    with sessions() as session:
        if report_ids is None:
            report_ids = {i for i in session.scalars(select(models.Annotation.report_id)) if i is not None}
        ids = sorted(set(report_ids))
    summaries = []
    for report_id in ids:
        with sessions.begin() as session:
            report = session.get(models.Report, report_id)
            if report is not None:
                summaries.append(reanchor_report(session, report))
    return summaries
