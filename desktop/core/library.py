"""Reading the library for the command line and the UI: summaries, details, originals."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, undefer

from db import models
from desktop.core.corrections import corrected_fields, iso


@dataclass
class ReportSummary:
    id: int
    agency: str | None
    region: str | None
    year: int | None
    title: str | None
    date: str | None
    published: str | None
    source_name: str
    source_format: str
    current: bool
    superseded_by: int | None
    is_annual_report: bool
    missing_sections: list[str]
    warnings_count: int
    imported_at: str
    review_status: str = "unreviewed"
    annotations: int = 0
    carried_over: float | None = None
    """Share of sentences carried over from the prior year's report (None until compared)."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


_SUMMARY_COLUMNS = (
    models.Report.id,
    models.Report.agency,
    models.Report.region,
    models.Report.year,
    models.Report.title,
    models.Report.report_date,
    models.Report.published_date,
    models.Report.source_name,
    models.Report.source_format,
    models.Report.superseded_by_id,
    models.Report.is_annual_report,
    models.Report.missing_sections,
    models.Report.warnings,
    models.Report.imported_at,
)


def list_reports(session: Session, include_superseded: bool = True) -> list[ReportSummary]:
    """One summary per report; plain column queries, so 10,000 rows load quickly (no ORM objects)."""
    query = select(*_SUMMARY_COLUMNS).order_by(
        models.Report.agency, models.Report.year.desc(), models.Report.id
    )
    if not include_superseded:
        query = query.where(models.Report.superseded_by_id.is_(None))
    count_query = select(models.Annotation.report_id, func.count(models.Annotation.id)).group_by(
        models.Annotation.report_id
    )
    counts = {report_id: count for report_id, count in session.execute(count_query)}
    carried_query = select(models.ComparisonSummary.report_id, models.ComparisonSummary.carried_over)
    carried = {report_id: share for report_id, share in session.execute(carried_query)}
    status_query = select(models.ReviewState.report_id, models.ReviewState.status)
    statuses = {report_id: status for report_id, status in session.execute(status_query)}
    summaries = []
    for row in session.execute(query):
        summaries.append(
            ReportSummary(
                id=row.id,
                agency=row.agency,
                region=row.region,
                year=row.year,
                title=row.title,
                date=iso(row.report_date),
                published=iso(row.published_date),
                source_name=row.source_name,
                source_format=row.source_format,
                current=row.superseded_by_id is None,
                superseded_by=row.superseded_by_id,
                is_annual_report=row.is_annual_report,
                missing_sections=list(row.missing_sections),
                warnings_count=len(row.warnings),
                imported_at=row.imported_at.isoformat(timespec="seconds"),
                review_status=statuses.get(row.id, "unreviewed"),
                annotations=counts.get(row.id, 0),
                carried_over=carried.get(row.id),
            )
        )
    return summaries


def get_report(session: Session, report_id: int, with_text: bool = False) -> models.Report | None:
    options = [selectinload(models.Report.sections)]
    if with_text:
        options += [undefer(models.Report.clean_text), undefer(models.Report.original_text)]
    return session.get(models.Report, report_id, options=options)


def report_detail(session: Session, report_id: int) -> dict[str, Any] | None:
    """The ``reviewdesk show --json`` object."""
    report = get_report(session, report_id, with_text=True)
    if report is None:
        return None
    corrections = corrected_fields(session, report.sha256)
    return {
        "id": report.id,
        "agency": report.agency,
        "region": report.region,
        "year": report.year,
        "title": report.title,
        "title_generated": report.title_generated,
        "date": iso(report.report_date),
        "published": iso(report.published_date),
        "written_date": iso(report.written_date),
        "source_name": report.source_name,
        "source_format": report.source_format,
        "sha256": report.sha256,
        "size": report.size,
        "current": report.superseded_by_id is None,
        "superseded_by": report.superseded_by_id,
        "is_annual_report": report.is_annual_report,
        "corrected_fields": sorted(corrections),
        "imported_at": report.imported_at.isoformat(timespec="seconds"),
        "sections": [
            {
                "level": s.level,
                "number": s.number,
                "title": s.title,
                "kind": s.kind,
                "start": s.start,
                "end": s.end,
                "heading_end": s.heading_end,
            }
            for s in report.sections
        ],
        "missing_sections": list(report.missing_sections),
        "warnings": list(report.warnings),
        "source_metadata": dict(report.source_metadata),
        "text": report.clean_text,
        "original_text": report.original_text,
    }


def original_file(session: Session, report_id: int) -> tuple[str, bytes] | None:
    """The original file's name and bytes, for "open original" and "export original"."""
    row = session.get(models.ReportFile, report_id)
    report = session.get(models.Report, report_id)
    if row is None or report is None:
        return None
    return report.source_name, row.data
