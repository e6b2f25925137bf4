"""One row per issuer for a year: dates and deadlines, parts, open findings, carried-over shares,
key figures against last year and the review status; plus the season's totals for the charts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import models
from desktop.core.annotations.taxonomy import Taxonomy, default_taxonomy
from desktop.core.annotations.workflow import REVIEW_STATUSES
from desktop.core.findings.config import FindingsConfig, default_config
from desktop.core.findings.rules.spans import label
from desktop.core.findings.service import current_report_ids, findings_of, load_report
from desktop.core.metrics.catalog import Catalog

REQUIRED = ("measures", "shortcomings", "leader_duty", "next_year")
ON_TIME, LATE, UNKNOWN = "on_time", "late", "unknown"
TIMELINESS_LABELS = {ON_TIME: "按时", LATE: "逾期", UNKNOWN: "日期不详"}


@dataclass
class IssuerRow:
    report_id: int
    agency: str
    title: str | None
    received: date | None
    """When the report entered the library (the office's 收文 date as far as the app knows)."""
    report_date: date | None
    published_date: date | None
    report_timeliness: str
    publish_timeliness: str
    parts_present: int
    missing_parts: list[str]
    open_by_severity: dict[str, int]
    open_by_category: dict[str, int]
    carried_shortcomings: float | None
    carried_next_year: float | None
    figures: dict[str, str]
    review_status: str
    review_status_label: str

    @property
    def complete(self) -> bool:
        return not self.missing_parts

    @property
    def open_findings(self) -> int:
        return sum(self.open_by_severity.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "report_id": self.report_id,
            "agency": self.agency,
            "title": self.title,
            "received": self.received.isoformat() if self.received else None,
            "report_date": self.report_date.isoformat() if self.report_date else None,
            "published_date": self.published_date.isoformat() if self.published_date else None,
            "report_timeliness": self.report_timeliness,
            "publish_timeliness": self.publish_timeliness,
            "parts_present": self.parts_present,
            "missing_parts": self.missing_parts,
            "complete": self.complete,
            "open_findings": self.open_findings,
            "open_by_severity": self.open_by_severity,
            "open_by_category": self.open_by_category,
            "carried_shortcomings": self.carried_shortcomings,
            "carried_next_year": self.carried_next_year,
            "figures": self.figures,
            "review_status": self.review_status,
            "review_status_label": self.review_status_label,
        }


@dataclass
class SeasonOverview:
    year: int
    rows: list[IssuerRow]
    severities: list[tuple[str, str, str | None]] = field(default_factory=list)
    """(key, label, colour) in taxonomy order."""
    categories: list[tuple[str, str, str | None]] = field(default_factory=list)
    figure_labels: list[str] = field(default_factory=list)
    deadlines: dict[str, date] = field(default_factory=dict)

    def timeliness_counts(self, which: str = "report") -> Counter[str]:
        return Counter(r.report_timeliness if which == "report" else r.publish_timeliness for r in self.rows)

    @property
    def on_time_rate(self) -> float | None:
        """Share of reports dated by the deadline, among those with a known date."""
        counts = self.timeliness_counts()
        known = counts[ON_TIME] + counts[LATE]
        return counts[ON_TIME] / known if known else None

    @property
    def complete_rate(self) -> float | None:
        return sum(r.complete for r in self.rows) / len(self.rows) if self.rows else None

    def part_counts(self) -> dict[str, int]:
        """How many reports have each required part."""
        return {kind: sum(label(kind) not in r.missing_parts for r in self.rows) for kind in REQUIRED}

    def findings_by_category(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for row in self.rows:
            total.update(row.open_by_category)
        return dict(total)

    def as_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "reports": len(self.rows),
            "on_time_rate": self.on_time_rate,
            "complete_rate": self.complete_rate,
            "deadlines": {k: v.isoformat() for k, v in self.deadlines.items()},
            "findings_by_category": self.findings_by_category(),
            "rows": [r.as_json() for r in self.rows],
        }


def _timeliness(value: date | None, deadline: date | None) -> str:
    if value is None or deadline is None:
        return UNKNOWN
    return ON_TIME if value <= deadline else LATE


def available_years(session: Session) -> list[int]:
    """Years of current reports, newest first."""
    return sorted(year_counts(session), reverse=True)


def year_counts(session: Session) -> dict[int, int]:
    query = select(models.Report.year).where(models.Report.superseded_by_id.is_(None))
    return dict(Counter(y for y in session.scalars(query) if y is not None))


def busiest_year(session: Session) -> int | None:
    """The year with the most current reports (the newest on a tie): the season being reviewed."""
    counts = year_counts(session)
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def _figures(session: Session, catalog: Catalog, taxonomy: Taxonomy) -> dict[int, dict[str, str]]:
    """Key figures against last year, as the review summary states them (same wording, same keys)."""
    from desktop.core.export.summary import summary_rows

    return {row.report_id: row.figures for row in summary_rows(session, catalog, taxonomy)}


def season_overview(
    session: Session,
    year: int,
    *,
    catalog: Catalog | None = None,
    config: FindingsConfig | None = None,
    taxonomy: Taxonomy | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> SeasonOverview:
    """The overview of ``year``; ``progress(done, total)`` returning False stops early (rows so far)."""
    from desktop.core.metrics.store import default_catalog

    catalog = catalog or default_catalog()
    config = config or default_config()
    taxonomy = taxonomy or default_taxonomy()
    deadlines = {name: date(year + 1, *md) for name, md in config.deadlines.items()}
    figures = _figures(session, catalog, taxonomy)
    ids = current_report_ids(session, year)
    states = {r.report_id: r.status for r in session.scalars(select(models.ReviewState))}
    rows = []
    for index, report_id in enumerate(ids):
        if progress is not None and not progress(index, len(ids)):
            break
        report = load_report(session, report_id)
        if report is None:
            continue
        result = findings_of(session, report, catalog=catalog, config=config, taxonomy=taxonomy)
        open_findings = result.open
        shares = {p.kind: p.share for p in (result.facts.carried if result.facts else [])}
        status = states.get(report_id, "unreviewed")
        rows.append(
            IssuerRow(
                report_id=report_id,
                agency=report.agency or f"（单位未识别，#{report_id}）",
                title=report.title,
                received=report.imported_at.date() if report.imported_at else None,
                report_date=report.report_date,
                published_date=report.published_date,
                report_timeliness=_timeliness(report.report_date, deadlines.get("report_by")),
                publish_timeliness=_timeliness(report.published_date, deadlines.get("publish_by")),
                parts_present=len(REQUIRED) - len([k for k in report.missing_sections if k in REQUIRED]),
                missing_parts=[label(k) for k in report.missing_sections if k in REQUIRED],
                open_by_severity=dict(Counter(f.severity for f in open_findings)),
                open_by_category=dict(Counter(f.category for f in open_findings)),
                carried_shortcomings=shares.get("shortcomings"),
                carried_next_year=shares.get("next_year"),
                figures=figures.get(report_id, {}),
                review_status=status,
                review_status_label=REVIEW_STATUSES.get(status, status),
            )
        )
    labels = list(next(iter(figures.values()), {}).keys()) if figures else []
    return SeasonOverview(
        year=year,
        rows=rows,
        severities=[(t.key, t.label, t.color) for t in taxonomy.severities],
        categories=[(t.key, t.label, t.color) for t in taxonomy.categories],
        figure_labels=labels,
        deadlines=deadlines,
    )
