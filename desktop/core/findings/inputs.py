"""The one adapter from the other modules' results to :class:`ReportFacts`.

Sections, missing parts, metadata, the figure checks and the prior-year comparison are produced
elsewhere (``sections``, ``metadata``, ``metrics.checks``, ``compare``/``prior_year``); the rules only
read :class:`ReportFacts`. When those results change shape, this module is the place to adjust.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from desktop.core.findings.model import CarriedPart, CheckFacts, PartFacts, ReportFacts

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db import models
    from desktop.core.analysis import AnalysedReport
    from desktop.core.compare.result import StatedChange
    from desktop.core.metrics.catalog import Catalog
    from desktop.core.metrics.extract import Mention


def _parts(sections: Iterable[Any]) -> list[PartFacts]:
    return [
        PartFacts(
            level=s.level,
            number=s.number,
            title=s.title,
            kind=s.kind,
            covers=tuple(s.covers or ()),
            start=s.start,
            end=s.end,
            heading_end=s.heading_end,
        )
        for s in sorted(sections, key=lambda s: (s.start, s.level))
    ]


def _checks(text: str, mentions: Sequence[Mention], catalog: Catalog) -> list[CheckFacts]:
    from desktop.core.metrics.checks import run_checks

    return [
        CheckFacts(
            kind=c.kind,
            severity=c.severity,
            message=c.message,
            spans=tuple((m.sentence_start, m.sentence_end) for m in c.mentions),
        )
        for c in run_checks(text, mentions, catalog)
    ]


def _stated(checks: Iterable[StatedChange]) -> list[CheckFacts]:
    return [
        CheckFacts(
            kind=c.kind,
            severity=c.severity,
            message=c.message,
            # The first mention is this year's stated change; the others are last year's and this year's counts.
            spans=tuple((m.sentence_start, m.sentence_end) for m in c.mentions[:1]),
        )
        for c in checks
    ]


def _carried(compared: dict[str, Any], parts: list[PartFacts]) -> list[CarriedPart]:
    headings = {p.start: p.heading_end for p in parts if p.level == 1}
    carried = []
    for section in compared.get("sections", []):
        if section.get("kind") in ("preamble", "closing") or section.get("title") is None:
            continue
        start, end = int(section["b_start"]), int(section["b_end"])
        carried.append(
            CarriedPart(
                kind=str(section["kind"]),
                title=section.get("title"),
                share=section.get("carried_over"),
                start=start,
                end=end,
                heading_end=headings.get(start, start),
            )
        )
    return carried


def _body_end(text: str, parts: list[PartFacts]) -> int:
    level1 = [p.end for p in parts if p.level == 1]
    if level1:
        return max(level1)
    from desktop.core.sections import parse_sections

    return parse_sections(text).body_end


def facts_from_analysed(
    current: AnalysedReport, prior: AnalysedReport | None = None, catalog: Catalog | None = None
) -> ReportFacts:
    """Facts of a report analysed in memory (and of its prior-year report, when given)."""
    from desktop.core.metrics.store import default_catalog

    catalog = catalog or default_catalog()
    text = current.cleaned.text
    parts = _parts(current.sections.sections)
    meta = current.metadata
    facts = ReportFacts(
        text=text,
        title=meta.title,
        title_generated=meta.title_generated,
        agency=meta.agency,
        year=meta.year,
        report_date=meta.report_date,
        published_date=meta.published_date,
        sections=parts,
        missing=list(current.sections.missing),
        body_end=current.sections.body_end,
        source_format=current.document.format,
        written_date=meta.written_date,
        checks=_checks(text, current.metrics, catalog),
    )
    if prior is not None:
        from desktop.core.compare import compare_reports
        from desktop.core.prior_year import stated_change_checks

        compared = compare_reports(prior, current).to_dict()
        facts.carried = _carried(compared, parts)
        facts.checks += _stated(stated_change_checks(prior.metrics, current.metrics, catalog))
        facts.prior_year = prior.metadata.year
    return facts


def facts_from_library(session: Session, report: models.Report, catalog: Catalog) -> ReportFacts:
    """Facts of a stored report (text, sections and figures loaded) and its prior-year comparison."""
    from desktop.core.metrics.store import from_rows
    from desktop.core.prior_year import compare_in_library

    text = report.clean_text
    parts = _parts(report.sections)
    mentions = from_rows(report.metrics, text)
    facts = ReportFacts(
        text=text,
        title=report.title,
        title_generated=report.title_generated,
        agency=report.agency,
        year=report.year,
        report_date=report.report_date,
        published_date=report.published_date,
        sections=parts,
        missing=list(report.missing_sections),
        body_end=_body_end(text, parts),
        source_format=report.source_format,
        written_date=report.written_date,
        checks=_checks(text, mentions, catalog),
    )
    compared = compare_in_library(session, report.id, catalog)
    if compared is not None and compared.prior_id is not None and compared.comparison is not None:
        facts.prior_id = compared.prior_id
        from db import models as orm

        prior = session.get(orm.Report, facts.prior_id)
        facts.prior_year = prior.year if prior is not None else None
        facts.carried = _carried(compared.comparison.to_dict(), parts)
        facts.checks += _stated(compared.checks)
    return facts
