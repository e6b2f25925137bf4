"""Findings of reports in the library, and the reviewer's decisions on them (the CLI and UI call these)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, undefer

from db import models
from desktop.core.annotations.store import restore_annotation, snapshot
from desktop.core.annotations.taxonomy import AnnotationError, Taxonomy, default_taxonomy
from desktop.core.findings.config import FindingsConfig, default_config
from desktop.core.findings.decisions import (
    ACCEPTED,
    DISMISSED,
    accept,
    apply_decisions,
    decision_snapshot,
    decisions_for,
    dismiss,
    forget,
    restore_decision,
)
from desktop.core.findings.engine import run_rules
from desktop.core.findings.inputs import facts_from_library
from desktop.core.findings.model import Finding, ReportFacts
from desktop.core.metrics.catalog import Catalog


@dataclass
class ReportFindings:
    report_id: int
    findings: list[Finding]
    facts: ReportFacts | None = None

    @property
    def open(self) -> list[Finding]:
        return [f for f in self.findings if f.decision is None]

    def as_json(self, include_decided: bool = False) -> dict[str, Any]:
        shown = self.findings if include_decided else self.open
        return {"report_id": self.report_id, "findings": [f.as_json() for f in shown]}


def load_report(session: Session, report_id: int) -> models.Report | None:
    options = [
        undefer(models.Report.clean_text),
        selectinload(models.Report.sections),
        selectinload(models.Report.metrics),
    ]
    return session.get(models.Report, report_id, options=options)


def _catalog(catalog: Catalog | None) -> Catalog:
    if catalog is not None:
        return catalog
    from desktop.core.metrics.store import default_catalog

    return default_catalog()


def findings_of(
    session: Session,
    report: models.Report,
    *,
    catalog: Catalog | None = None,
    config: FindingsConfig | None = None,
    taxonomy: Taxonomy | None = None,
) -> ReportFindings:
    facts = facts_from_library(session, report, _catalog(catalog))
    findings = run_rules(facts, config or default_config(), taxonomy or default_taxonomy())
    apply_decisions(findings, decisions_for(session, report), report.clean_text)
    return ReportFindings(report.id, findings, facts)


def report_findings(
    session: Session,
    report_id: int,
    *,
    catalog: Catalog | None = None,
    config: FindingsConfig | None = None,
    taxonomy: Taxonomy | None = None,
) -> ReportFindings | None:
    """A report's findings with the decisions taken on them; None when there is no such report."""
    report = load_report(session, report_id)
    if report is None:
        return None
    return findings_of(session, report, catalog=catalog, config=config, taxonomy=taxonomy)


def current_report_ids(session: Session, year: int | None = None) -> list[int]:
    query = select(models.Report.id).where(models.Report.superseded_by_id.is_(None))
    if year is not None:
        query = query.where(models.Report.year == year)
    return list(session.scalars(query.order_by(models.Report.agency, models.Report.year, models.Report.id)))


@dataclass
class DecisionChange:
    """What one accept or dismiss changed, so it can be undone and redone exactly."""

    report_id: int
    finding_id: str
    decision: str
    removed: list[dict[str, Any]] = field(default_factory=list)
    """Earlier decisions on the finding that this one replaced."""
    removed_annotations: list[dict[str, Any]] = field(default_factory=list)
    """Annotations of an earlier acceptance, removed when the finding is taken back to open."""
    added: dict[str, Any] | None = None
    annotation: dict[str, Any] | None = None

    def undo(self, session: Session) -> None:
        _delete(session, models.FindingDecision, [self.added["id"]] if self.added else [])
        _delete(session, models.Annotation, [self.annotation["id"]] if self.annotation else [])
        for saved in self.removed_annotations:
            restore_annotation(session, saved)
        for saved in self.removed:
            restore_decision(session, saved)

    def redo(self, session: Session) -> None:
        _delete(session, models.FindingDecision, [saved["id"] for saved in self.removed])
        _delete(session, models.Annotation, [saved["id"] for saved in self.removed_annotations])
        if self.annotation is not None:
            restore_annotation(session, self.annotation)
        if self.added is not None:
            restore_decision(session, self.added)


def _delete(session: Session, model: Any, ids: list[Any]) -> None:
    for key in ids:
        row = session.get(model, key)
        if row is not None:
            session.delete(row)
    session.flush()


def _find(session: Session, report_id: int, finding_id: str, **kwargs: Any) -> tuple[models.Report, Finding]:
    report = load_report(session, report_id)
    if report is None:
        raise AnnotationError(f"资料库中没有编号为 {report_id} 的报告。")
    result = findings_of(session, report, **kwargs)
    for finding in result.findings:
        if finding.id == finding_id:
            return report, finding
    raise AnnotationError(
        f"报告 #{report_id} 没有编号为 {finding_id} 的问题提示（报告内容或检查规则可能已改变）。"
    )


def decide(
    session: Session,
    report_id: int,
    finding_id: str,
    decision: str,
    *,
    author: str | None = None,
    comment: str | None = None,
    catalog: Catalog | None = None,
    config: FindingsConfig | None = None,
    taxonomy: Taxonomy | None = None,
) -> DecisionChange:
    """Accept or dismiss one finding by id (replacing an earlier decision on it); restore with ``open``."""
    if decision not in (ACCEPTED, DISMISSED, "open"):
        raise AnnotationError(f"未知的处理方式“{decision}”（可选：accepted、dismissed、open）。")
    taxonomy = taxonomy or default_taxonomy()
    report, finding = _find(session, report_id, finding_id, catalog=catalog, config=config, taxonomy=taxonomy)
    return record_decision(
        session, report, finding, decision, author=author, comment=comment, taxonomy=taxonomy
    )


def record_decision(
    session: Session,
    report: models.Report,
    finding: Finding,
    decision: str,
    *,
    author: str | None = None,
    comment: str | None = None,
    taxonomy: Taxonomy | None = None,
) -> DecisionChange:
    """Decide on a finding the caller already has (the window's list): no recomputation."""
    taxonomy = taxonomy or default_taxonomy()
    change = DecisionChange(report.id, finding.id, decision)
    # Taking a finding back to "open" from accepted also removes the annotation it became.
    for saved in forget(session, report, finding):
        change.removed.append(saved)
        if decision == "open" and saved["decision"] == ACCEPTED and saved["annotation_id"]:
            annotation = session.get(models.Annotation, saved["annotation_id"])
            if annotation is not None:
                change.removed_annotations.append(snapshot(annotation))
                session.delete(annotation)
    if decision == ACCEPTED:
        row, annotation = accept(session, report, finding, author, comment, taxonomy)
        change.annotation = snapshot(annotation)
        change.added = decision_snapshot(row)
    elif decision == DISMISSED:
        change.added = decision_snapshot(dismiss(session, report, finding, author))
    session.flush()
    return change
