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

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _summary(report: models.Report) -> ReportSummary:
    return ReportSummary(
        id=report.id,
        agency=report.agency,
        region=report.region,
        year=report.year,
        title=report.title,
        date=iso(report.report_date),
        published=iso(report.published_date),
        source_name=report.source_name,
        source_format=report.source_format,
        current=report.superseded_by_id is None,
        superseded_by=report.superseded_by_id,
        is_annual_report=report.is_annual_report,
        missing_sections=list(report.missing_sections),
        warnings_count=len(report.warnings),
        imported_at=report.imported_at.isoformat(timespec="seconds"),
    )


def list_reports(session: Session, include_superseded: bool = True) -> list[ReportSummary]:
    query = select(models.Report).order_by(models.Report.agency, models.Report.year.desc(), models.Report.id)
    if not include_superseded:
        query = query.where(models.Report.superseded_by_id.is_(None))
    return [_summary(report) for report in session.scalars(query)]


def count_reports(session: Session) -> int:
    return int(session.scalar(select(func.count(models.Report.id))) or 0)


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
