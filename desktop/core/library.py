"""Reading the library for the command line and the UI: summaries, details, originals."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session, selectinload, undefer

from db import models
from desktop.core.corrections import corrected_fields, iso
from desktop.core.identity_summary import identity_of
from desktop.core.report_detail import ReportDetail, SectionInfo


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
    agency_confident: bool = True
    """False: the agency is a short form or otherwise unsure (see ``reviewdesk show``)."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


_REPORTS = models.Report.__table__.c
# Core columns (not ORM attributes): 10,000 summaries load without the ORM's per-row bookkeeping.
# Dates and JSON lists come as the database gives them (text from SQLite, objects from servers
# whose drivers convert): parsing 10,000 of each only to print them again costs more than the query.
_SUMMARY_COLUMNS = (
    _REPORTS.id,
    _REPORTS.agency,
    _REPORTS.region,
    _REPORTS.year,
    _REPORTS.title,
    type_coerce(_REPORTS.report_date, String),
    type_coerce(_REPORTS.published_date, String),
    _REPORTS.source_name,
    _REPORTS.source_format,
    _REPORTS.superseded_by_id,
    _REPORTS.is_annual_report,
    type_coerce(_REPORTS.missing_sections, String),
    type_coerce(_REPORTS.warnings, String),
    type_coerce(_REPORTS.imported_at, String),
    _REPORTS.agency_confident,
)


def _raw_date(value: Any, length: int = 10) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value[:length].replace(" ", "T")
    return str(value.isoformat())[:length]


def _raw_list(value: Any) -> list[Any]:
    if value is None or value == "[]":
        return []
    return list(json.loads(value) if isinstance(value, str) else value)


def list_reports(session: Session, include_superseded: bool = True) -> list[ReportSummary]:
    """One summary per report; plain column queries, so 10,000 rows load quickly (no ORM objects)."""
    query = select(*_SUMMARY_COLUMNS).order_by(_REPORTS.agency, _REPORTS.year.desc(), _REPORTS.id)
    if not include_superseded:
        query = query.where(_REPORTS.superseded_by_id.is_(None))
    annotations, summaries_table = models.Annotation.__table__.c, models.ComparisonSummary.__table__.c
    count_query = select(annotations.report_id, func.count(annotations.id)).group_by(annotations.report_id)
    counts: dict[int | None, int] = dict(session.execute(count_query).all())
    carried_query = select(summaries_table.report_id, summaries_table.carried_over)
    carried = dict(session.execute(carried_query).all())
    states = models.ReviewState.__table__.c
    statuses = dict(session.execute(select(states.report_id, states.status)).all())
    summaries = []
    for (
        report_id,
        agency,
        region,
        year,
        title,
        report_date,
        published_date,
        source_name,
        source_format,
        superseded_by_id,
        is_annual_report,
        missing_sections,
        warnings,
        imported_at,
        agency_confident,
    ) in session.execute(query):
        summaries.append(
            ReportSummary(
                id=report_id,
                agency=agency,
                region=region,
                year=year,
                title=title,
                date=_raw_date(report_date),
                published=_raw_date(published_date),
                source_name=source_name,
                source_format=source_format,
                current=superseded_by_id is None,
                superseded_by=superseded_by_id,
                is_annual_report=is_annual_report,
                missing_sections=_raw_list(missing_sections),
                warnings_count=len(_raw_list(warnings)),
                imported_at=_raw_date(imported_at, 19) or "",
                review_status=statuses.get(report_id, "unreviewed"),
                annotations=counts.get(report_id, 0),
                carried_over=carried.get(report_id),
                agency_confident=bool(agency_confident),
            )
        )
    # By pinyin, as a reviewer looks an issuer up (the database's own order is by code point on SQLite
    # and by the server's collation on PostgreSQL); this also warms the sort keys off the GUI thread.
    from desktop.core.collation import agency_sort_key

    summaries.sort(key=lambda r: (agency_sort_key(r.agency), -(r.year or 0), r.id))
    return summaries


def get_report(session: Session, report_id: int, with_text: bool = False) -> models.Report | None:
    options = [selectinload(models.Report.sections)]
    if with_text:
        options += [undefer(models.Report.clean_text), undefer(models.Report.original_text)]
    return session.get(models.Report, report_id, options=options)


def report_detail(session: Session, report_id: int) -> ReportDetail | None:
    """One report with its outline, identity links and both texts (``as_json()``: ``reviewdesk show --json``)."""
    report = get_report(session, report_id, with_text=True)
    if report is None:
        return None
    corrections = corrected_fields(session, report.sha256)
    identity = report.agency_evidence or {}
    return ReportDetail(
        id=report.id,
        agency=report.agency,
        agency_confident=bool(report.agency_confident),
        agency_kind=identity.get("kind"),
        agency_note=None if report.agency_confident else identity.get("note"),
        agency_evidence=tuple(identity.get("evidence") or []),
        region=report.region,
        year=report.year,
        title=report.title,
        title_generated=report.title_generated,
        date=iso(report.report_date),
        published=iso(report.published_date),
        written_date=iso(report.written_date),
        source_name=report.source_name,
        source_format=report.source_format,
        sha256=report.sha256,
        size=report.size,
        current=report.superseded_by_id is None,
        superseded_by=report.superseded_by_id,
        is_annual_report=report.is_annual_report,
        corrected_fields=tuple(sorted(corrections)),
        imported_at=report.imported_at.isoformat(timespec="seconds"),
        sections=tuple(
            SectionInfo(s.level, s.number, s.title, s.kind, s.start, s.end, s.heading_end)
            for s in report.sections
        ),
        missing_sections=tuple(report.missing_sections),
        warnings=tuple(report.warnings),
        source_metadata=dict(report.source_metadata),
        identity=identity_of(session, report),
        text=report.clean_text,
        original_text=report.original_text,
    )


def original_file(session: Session, report_id: int) -> tuple[str, bytes] | None:
    """The original file's name and bytes, for "open original" and "export original"."""
    row = session.get(models.ReportFile, report_id)
    report = session.get(models.Report, report_id)
    if row is None or report is None:
        return None
    return report.source_name, row.data
