"""Reviewers' decisions on findings: accept (→ an annotation), dismiss, and undo either.

Findings are recomputed from the report every time; a decision is kept and matched to today's
findings: by finding id (rule + quote), else by anchoring its quote as annotations are anchored,
else by rule and key when only one finding of that rule and key remains. Decisions are found for a
report by its file (sha256) and by its agency and year, so they survive re-processing, re-import
and a new version of the report.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from db import models
from desktop.core.annotations.anchoring import Selectors, anchor, make_selectors, text_hash
from desktop.core.annotations.store import create_annotation
from desktop.core.annotations.taxonomy import AnnotationError, Taxonomy, default_taxonomy
from desktop.core.findings.model import Finding

ACCEPTED, DISMISSED = "accepted", "dismissed"
DECISION_FIELDS = (
    "id", "report_id", "report_sha256", "agency_key", "year", "finding_id", "rule", "finding_key",
    "decision", "message", "quote_exact", "quote_prefix", "quote_suffix", "position_start",
    "position_end", "text_hash", "annotation_id", "decided_by", "decided_at",
)  # fmt: skip


def decisions_for(session: Session, report: models.Report) -> list[models.FindingDecision]:
    """Decisions made on this report, an earlier import of its file, or another version of it."""
    d = models.FindingDecision
    same = [d.report_sha256 == report.sha256, d.report_id == report.id]
    if report.agency_key and report.year:
        same.append(and_(d.agency_key == report.agency_key, d.year == report.year))
    query = select(d).where(or_(*same)).order_by(d.decided_at.desc(), d.id.desc())
    return list(session.scalars(query))


def _selectors(decision: models.FindingDecision) -> Selectors | None:
    if decision.position_start is None or decision.position_end is None or not decision.quote_exact:
        return None
    return Selectors(
        exact=decision.quote_exact,
        prefix=decision.quote_prefix,
        suffix=decision.quote_suffix,
        start=decision.position_start,
        end=decision.position_end,
        text_hash=decision.text_hash,
    )


def apply_decisions(findings: list[Finding], decisions: list[models.FindingDecision], text: str) -> None:
    """Mark each finding with the newest decision that matches it (each decision matches one finding)."""
    digest = text_hash(text)
    open_by_id = {f.id: f for f in findings}
    for decision in decisions:  # newest first
        target = open_by_id.get(decision.finding_id)
        if target is None:
            target = _anchored(findings, decision, text, digest) or _by_key(findings, decision)
        if target is None or target.decision is not None:
            continue
        target.decision = decision.decision
        target.annotation_id = decision.annotation_id
        open_by_id.pop(target.id, None)


def _anchored(
    findings: list[Finding], decision: models.FindingDecision, text: str, digest: str
) -> Finding | None:
    selectors = _selectors(decision)
    if selectors is None:
        return None
    span = anchor(text, selectors, digest)
    if span is None:
        return None
    candidates = [
        f
        for f in findings
        if f.rule == decision.rule
        and f.decision is None
        and f.start is not None
        and f.end is not None
        and f.start < span[1]
        and span[0] < f.end
    ]
    candidates.sort(key=lambda f: (f.key != decision.finding_key, abs((f.start or 0) - span[0])))
    return candidates[0] if candidates else None


def _by_key(findings: list[Finding], decision: models.FindingDecision) -> Finding | None:
    same = [
        f
        for f in findings
        if f.rule == decision.rule and f.key == decision.finding_key and f.decision is None
    ]
    return same[0] if len(same) == 1 else None


def annotation_span(text: str, finding: Finding) -> tuple[int, int]:
    """Where an accepted finding's annotation goes: its span, or the title line for a whole-report one."""
    if finding.start is not None and finding.end is not None and finding.start < finding.end:
        return finding.start, finding.end
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if end <= start:
        raise AnnotationError("报告正文为空，无法把该问题记为批注。")
    return start, end


def _key_of(terms: Any, key: str, fallback: str) -> str:
    return key if any(t.key == key for t in terms) else fallback


def _record(
    session: Session, report: models.Report, finding: Finding, decision: str, author: str | None
) -> models.FindingDecision:
    text = report.clean_text
    row = models.FindingDecision(
        report_id=report.id,
        report_sha256=report.sha256,
        agency_key=report.agency_key,
        year=report.year,
        finding_id=finding.id,
        rule=finding.rule,
        finding_key=finding.key,
        decision=decision,
        message=finding.message,
        decided_by=author,
        decided_at=datetime.now(),
    )
    if finding.start is not None and finding.end is not None and finding.start < finding.end:
        selectors = make_selectors(text, finding.start, finding.end)
        row.quote_exact, row.quote_prefix, row.quote_suffix = (
            selectors.exact,
            selectors.prefix,
            selectors.suffix,
        )
        row.position_start, row.position_end, row.text_hash = (
            selectors.start,
            selectors.end,
            selectors.text_hash,
        )
    session.add(row)
    return row


def forget(session: Session, report: models.Report, finding: Finding) -> list[dict[str, Any]]:
    """Remove the decisions that match ``finding`` (undo, or "restore"); returns what was removed."""
    removed = []
    for row in decisions_for(session, report):
        probe = Finding(
            rule=finding.rule,
            severity="",
            category="",
            message="",
            start=finding.start,
            end=finding.end,
            key=finding.key,
            id=finding.id,
        )
        apply_decisions([probe], [row], report.clean_text)
        if probe.decision is not None:
            removed.append(decision_snapshot(row))
            session.delete(row)
    session.flush()
    return removed


def dismiss(
    session: Session, report: models.Report, finding: Finding, author: str | None = None
) -> models.FindingDecision:
    """Hide ``finding`` for this report (and its other versions), remembering who decided."""
    row = _record(session, report, finding, DISMISSED, author)
    session.flush()
    return row


def accept(
    session: Session,
    report: models.Report,
    finding: Finding,
    author: str | None = None,
    comment: str | None = None,
    taxonomy: Taxonomy | None = None,
) -> tuple[models.FindingDecision, models.Annotation]:
    """Turn ``finding`` into a normal annotation (with its rule id) and remember the decision."""
    taxonomy = taxonomy or default_taxonomy()
    start, end = annotation_span(report.clean_text, finding)
    # An office taxonomy may lack a built-in key: the finding still becomes an annotation.
    fallback_category = taxonomy.categories[-1].key
    annotation = create_annotation(
        session,
        report,
        start,
        end,
        category=_key_of(taxonomy.categories, finding.category, fallback_category),
        severity=_key_of(taxonomy.severities, finding.severity, taxonomy.default_severity),
        comment=comment if comment is not None else finding.message,
        author=author,
        taxonomy=taxonomy,
    )
    annotation.rule = finding.rule
    row = _record(session, report, finding, ACCEPTED, author)
    row.annotation_id = annotation.id
    session.flush()
    return row, annotation


def decision_snapshot(row: models.FindingDecision) -> dict[str, Any]:
    return {name: getattr(row, name) for name in DECISION_FIELDS}


def restore_decision(session: Session, saved: dict[str, Any]) -> models.FindingDecision:
    row = session.get(models.FindingDecision, saved["id"])
    if row is None:
        row = models.FindingDecision(**saved)
        session.add(row)
    else:
        for name, value in saved.items():
            setattr(row, name, value)
    session.flush()
    return row


__all__ = [
    "ACCEPTED",
    "DISMISSED",
    "accept",
    "annotation_span",
    "apply_decisions",
    "decision_snapshot",
    "decisions_for",
    "dismiss",
    "forget",
    "restore_decision",
]


# Carrying decisions to a newer version of the report (desktop.core.annotations.carry) -------------------

_PLACE = ("report_id", "report_sha256", "agency_key", "year", "position_start", "position_end", "text_hash")


def _fingerprint(row: models.FindingDecision) -> list[Any]:
    return [row.report_sha256, row.decision, row.annotation_id]


def move_decisions(
    session: Session, olders: list[models.Report], newer: models.Report
) -> list[dict[str, Any]]:
    """Give the decisions made on earlier versions (by their file or id) to ``newer``, anchored in its
    text when their passage is there. Decisions found by agency and year already apply to every
    version; moving them too keeps a version whose agency the reviewer confirmed by hand covered."""
    d = models.FindingDecision
    shas = [o.sha256 for o in olders]
    ids = [o.id for o in olders]
    rows = session.scalars(select(d).where(or_(d.report_sha256.in_(shas), d.report_id.in_(ids))))
    text = newer.clean_text
    digest = text_hash(text)
    moved: list[dict[str, Any]] = []
    for row in rows:
        before = {name: getattr(row, name) for name in _PLACE}
        before_sha = row.report_sha256
        row.report_id, row.report_sha256 = newer.id, newer.sha256
        row.agency_key, row.year = newer.agency_key or row.agency_key, newer.year or row.year
        selectors = _selectors(row)
        span = anchor(text, selectors, digest) if selectors is not None else None
        if span is not None:
            row.position_start, row.position_end = span
            row.text_hash = digest
        moved.append(
            {"id": row.id, "before": before, "before_sha256": before_sha, "after": _fingerprint(row)}
        )
    return moved


def decisions_changed(session: Session, moved: list[dict[str, Any]]) -> int:
    changed = 0
    for entry in moved:
        row = session.get(models.FindingDecision, entry["id"])
        if row is not None and _fingerprint(row) != entry["after"]:
            changed += 1
    return changed


def unmove_decisions(session: Session, moved: list[dict[str, Any]], report_of: Any) -> int:
    """Put moved decisions back; ``report_of(sha256)`` is the id that file has now (None: gone)."""
    count = 0
    for entry in moved:
        row = session.get(models.FindingDecision, entry["id"])
        if row is None:
            continue
        for name, value in entry["before"].items():
            setattr(row, name, value)
        row.report_id = report_of(entry["before_sha256"])
        count += 1
    return count
