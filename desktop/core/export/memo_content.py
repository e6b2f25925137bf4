"""What a review memo (审查意见) says, gathered from the library into plain data (no Word, no Qt).

:func:`gather_memo` reads one report with its sections, figures, prior-year comparison, annotations
and review state; :mod:`desktop.core.export.memo_docx` lays the result out. Keeping the two apart
lets tests check the content without opening a document, and another renderer reuse it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session, selectinload, undefer

from db import models
from desktop.core.annotations import (
    AnnotationView,
    Taxonomy,
    default_taxonomy,
    get_review_state,
    list_annotations,
)
from desktop.core.export.privacy import base_name
from desktop.core.metrics.catalog import Catalog
from desktop.core.metrics.display import format_figure
from desktop.core.metrics.extract import Mention
from desktop.core.metrics.store import default_catalog, from_rows, report_metrics
from desktop.core.prior_year import YearOverYear, compare_in_library, find_prior, year_over_year
from desktop.core.resources import load_json
from desktop.core.sections import REQUIRED_KINDS
from desktop.core.text.headings import numeral_text

PART_KINDS = (*REQUIRED_KINDS, "other")
"""The five parts a report must cover (the fifth, 其他需要报告的情况, is optional in practice)."""
QUOTE_LIMIT = 150
"""Longer quotes are shortened in the memo: the agency finds the passage from its beginning."""


class MemoError(Exception):
    """A memo that cannot be made, with a Chinese message for the user."""


@dataclass(frozen=True)
class PartStatus:
    kind: str
    label: str
    required: bool
    present: bool
    heading: str | None
    """Where the part is (``三、存在的不足和原因``), when found."""


@dataclass(frozen=True)
class FigureRow:
    label: str
    prior: str | None
    """As written in the report (``1.9万余项``); None when that year's report does not give it."""
    current: str | None
    change: str
    assessment: str
    """``good``, ``bad`` or ``neutral`` (the catalog's direction)."""


@dataclass(frozen=True)
class Finding:
    """One annotation as the memo states it."""

    id: str
    quote: str
    comment: str
    category: str
    category_label: str
    severity_label: str
    status_label: str
    author: str | None
    resolved: bool
    rule: str | None = None
    """The finding rule it was accepted from; None for the reviewer's own annotations."""


@dataclass(frozen=True)
class CategoryGroup:
    label: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class SectionGroup:
    place: str
    """How the memo names the part of the report, e.g. ``第一部分“2024年……主要举措和成效”``."""
    categories: tuple[CategoryGroup, ...]


@dataclass(frozen=True)
class MemoData:
    report_id: int
    agency: str | None
    """The issuing agency, only when it is confident or the reviewer confirmed it."""
    year: int | None
    report_title: str
    """The report's own title, or the standard title when the importer had to make one up."""
    title_generated: bool
    report_date: date | None
    """落款 (the date under the signature)."""
    written_date: date | None
    published_date: date | None
    source_name: str
    parts: tuple[PartStatus, ...]
    timeliness: tuple[str, ...]
    prior_id: int | None
    prior_year: int | None
    figures: tuple[FigureRow, ...]
    checks: tuple[str, ...]
    findings: tuple[SectionGroup, ...]
    orphans: tuple[Finding, ...]
    """Annotations whose passage is gone from the current text: always listed, never dropped."""
    resolved_count: int
    carried_over: float | None
    carried_flags: tuple[str, ...]
    review_status: str
    review_status_label: str
    reviewer: str | None
    review_updated_at: datetime | None
    conclusion: str
    unconfirmed_figures: int = 0
    """Keyed figures left out of the memo because their key is doubtful and nobody confirmed them."""
    agency_unconfirmed: str | None = None
    """The agency as recognised when nobody confirmed it: kept out of the memo, named in the cautions."""

    @property
    def memo_title(self) -> str:
        return f"关于《{self.report_title}》的审查意见"

    @property
    def missing_labels(self) -> list[str]:
        return [p.label for p in self.parts if p.required and not p.present]

    @property
    def finding_count(self) -> int:
        return sum(len(c.findings) for g in self.findings for c in g.categories)


def chinese_date(value: date) -> str:
    """``2025年1月20日``: Arabic digits, not zero-padded (GB/T 9704)."""
    return f"{value.year}年{value.month}月{value.day}日"


def standard_title(agency: str | None, year: int | None) -> str:
    return f"{agency or ''}{f'{year}年' if year else ''}法治政府建设年度报告"


def gather_memo(
    session: Session, report_id: int, *, catalog: Catalog | None = None, taxonomy: Taxonomy | None = None
) -> MemoData:
    """Everything the memo of ``report_id`` needs; :class:`MemoError` when there is no such report.

    Stored figures are used as they are: callers run ``ensure_current`` first when the catalog may
    have changed (the command line does).
    """
    catalog = catalog or default_catalog()
    taxonomy = taxonomy or default_taxonomy()
    options = [undefer(models.Report.clean_text), selectinload(models.Report.sections)]
    report = session.get(models.Report, report_id, options=options)
    if report is None:
        raise MemoError(f"资料库中没有编号为 {report_id} 的报告，无法生成审查意见。")
    title = (report.title or "").strip().strip("《》")
    generated = report.title_generated or not title
    # An unsure agency never reaches the memo as fact: the reviewer confirms it first.
    agency = report.agency if report.agency_confident else None
    views = list_annotations(session, report, taxonomy)
    placed = [v for v in views if not v.orphan]
    open_views = [v for v in placed if not _resolved(v, taxonomy)]
    state = get_review_state(session, report_id)
    prior = find_prior(session, report)
    figures, checks, carried, flags, unconfirmed = _comparison(session, report, prior, catalog)
    return MemoData(
        report_id=report_id,
        agency=agency,
        agency_unconfirmed=None if report.agency_confident else report.agency,
        year=report.year,
        report_title=standard_title(agency, report.year) if generated else title,
        title_generated=generated,
        report_date=report.report_date,
        written_date=report.written_date,
        published_date=report.published_date,
        source_name=base_name(report.source_name),  # never a folder of this computer
        parts=_parts(report),
        timeliness=_timeliness(report),
        prior_id=prior.id if prior else None,
        prior_year=prior.year if prior else None,
        figures=figures,
        checks=checks,
        findings=_group(open_views, report.sections, taxonomy),
        orphans=tuple(_finding(v, taxonomy) for v in views if v.orphan),
        resolved_count=len(placed) - len(open_views),
        carried_over=carried,
        carried_flags=flags,
        unconfirmed_figures=unconfirmed,
        review_status=state.status,
        review_status_label=state.status_label,
        reviewer=state.reviewer,
        review_updated_at=state.updated_at,
        conclusion=state.conclusion.strip(),
    )


def _resolved(view: AnnotationView, taxonomy: Taxonomy) -> bool:
    # Office taxonomies may rename or add statuses: anything past the first (open) one whose key
    # or label says it is done (resolved, 已处理/已解决/已整改) no longer belongs among the findings.
    if view.status == taxonomy.default_status:
        return False
    return view.status == "resolved" or view.status_label.startswith("已")


def _parts(report: models.Report) -> tuple[PartStatus, ...]:
    labels: dict[str, str] = load_json("section_kinds.json")["labels"]
    missing = set(report.missing_sections)
    parts = []
    for kind in PART_KINDS:
        where = next(
            (
                s
                for s in report.sections
                if s.level <= 3 and (kind in s.covers or (s.level == 1 and s.kind == kind))
            ),
            None,
        )
        required = kind in REQUIRED_KINDS
        present = kind not in missing if required else where is not None
        heading = f"{where.number}{where.title}" if where is not None and present else None
        parts.append(PartStatus(kind, labels.get(kind, kind), required, present, heading))
    return tuple(parts)


def _timeliness(report: models.Report) -> tuple[str, ...]:
    """The 1 March reporting and 1 April publication deadlines of the year after the one reported on."""
    if not report.year:
        return ()
    notes = []
    due, publish_by = date(report.year + 1, 3, 1), date(report.year + 1, 4, 1)
    if report.report_date and report.report_date > due:
        notes.append(f"报告落款日期（{chinese_date(report.report_date)}）晚于{chinese_date(due)}的报送时限。")
    if report.published_date and report.published_date > publish_by:
        notes.append(
            f"报告公开日期（{chinese_date(report.published_date)}）晚于{chinese_date(publish_by)}的公开时限。"
        )
    return tuple(notes)


def _comparison(
    session: Session, report: models.Report, prior: models.Report | None, catalog: Catalog
) -> tuple[tuple[FigureRow, ...], tuple[str, ...], float | None, tuple[str, ...], int]:
    """Year-over-year figures, data checks, carried-over share, the parts flagged as 照搬往年, and how
    many keyed figures were left out for want of the reviewer's confirmation.

    Only figures that may be stated as facts go into the table (sure ones, and those the reviewer
    confirmed or corrected); a check is repeated only when every figure it names is such a fact.
    """
    current_all = from_rows(report.metrics, report.clean_text, catalog)
    current = [m for m in current_all if m.is_fact]
    before = [m for m in from_rows(prior.metrics, prior.clean_text, catalog) if m.is_fact] if prior else []
    rows = year_over_year(before, current, catalog)
    first_before, first_now = _first_mentions(before, catalog), _first_mentions(current, catalog)
    figures = tuple(
        FigureRow(
            label=row.label,
            prior=_figure(first_before.get((row.key, row.unit))),
            current=_figure(first_now.get((row.key, row.unit))),
            change=change_text(row) if prior is not None else "—",
            assessment=row.assessment,
        )
        for row in rows
    )
    found = report_metrics(session, report.id, catalog)
    checks = [str(c["message"]) for c in (found or {}).get("checks", []) if _states_facts(c)]
    carried: float | None = None
    flags: tuple[str, ...] = ()
    if prior is not None:
        compared = compare_in_library(session, report.id, catalog, prior.id)
        if compared is not None:
            result = compared[0]
            checks.extend(str(c["message"]) for c in result.get("checks", []) if _states_facts(c))
            carried = result.get("carried_over")
            flags = tuple(str(s["message"]) for s in result.get("sections", []) if s.get("flagged"))
    unconfirmed = sum(1 for m in current_all if m.key and not m.is_fact)
    return figures, tuple(dict.fromkeys(checks)), carried, flags, unconfirmed


def _states_facts(check: dict[str, Any]) -> bool:
    """A check is stated in the memo only if every figure it names may be stated as a fact."""
    return all(_fact(m) for m in check.get("mentions", []))


def _fact(data: dict[str, Any]) -> bool:
    review = data.get("review") or {}
    if not data.get("key") or review.get("decision") == "excluded":
        return False
    return data.get("confidence", "sure") == "sure" or review.get("decision") in ("confirmed", "corrected")


def _first_mentions(mentions: list[Mention], catalog: Catalog) -> dict[tuple[str, str | None], Mention]:
    # Same pairing as prior_year.year_over_year (first figure per metric and unit), kept here to
    # write each value as the report did: qualifiers such as 余 and 约 matter to a reviewer.
    first: dict[tuple[str, str | None], Mention] = {}
    for mention in mentions:
        if mention.key:
            unit = mention.unit
            if unit is None and mention.key in catalog.kinds:
                unit = catalog.kinds[mention.key].units[0]
            first.setdefault((mention.key, unit), mention)
    return first


def _figure(mention: Mention | None) -> str | None:
    """The figure as the report words it (``超过10万人``, ``零诉讼``); a value the reviewer corrected is
    written out from the number, since the report's words no longer hold it."""
    if mention is None:
        return None
    corrected = mention.review is not None and mention.review.get("value") is not None
    return format_figure(mention) if corrected or not mention.written else mention.written


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def change_text(row: YearOverYear) -> str:
    """``+170家（+17.3%）``, ``−3起（−11.5%）``, ``+17.676万元``: with the unit, so a change is never read
    in the wrong one; rates change by 个百分点; a missing year says so."""
    if row.prior is None:
        return "上年未报告"
    if row.current is None:
        return "本年未报告"
    change = row.change or 0.0
    if change == 0:
        return "持平"
    sign = "+" if change > 0 else "−"
    if row.unit == "%":
        return f"{sign}{_number(abs(change))}个百分点"
    pct = row.pct
    text = f"{sign}{_number(abs(change))}{row.unit or ''}"
    return text + (f"（{'+' if pct > 0 else '−'}{abs(pct):.1f}%）" if pct is not None else "")


def _finding(view: AnnotationView, taxonomy: Taxonomy) -> Finding:
    return Finding(
        id=view.id,
        quote=view.selectors.exact,
        comment=view.comment.strip(),
        category=view.category,
        category_label=view.category_label,
        severity_label=view.severity_label,
        status_label=view.status_label,
        author=view.author,
        resolved=_resolved(view, taxonomy),
        rule=view.rule,
    )


def _group(
    views: list[AnnotationView], sections: list[models.Section], taxonomy: Taxonomy
) -> tuple[SectionGroup, ...]:
    """Findings by the level-1 part holding each annotation's start, then by category (taxonomy order)."""
    level1 = sorted((s for s in sections if s.level == 1), key=lambda s: s.start)
    places: dict[int, tuple[str, list[AnnotationView]]] = {}
    for view in views:
        order, place = _place(view.start or 0, level1)
        places.setdefault(order, (place, []))[1].append(view)
    category_order = [c.key for c in taxonomy.categories]
    groups = []
    for order in sorted(places):
        place, members = places[order]
        by_category: dict[str, list[AnnotationView]] = {}
        for view in members:
            by_category.setdefault(view.category, []).append(view)
        keys = sorted(by_category, key=lambda k: category_order.index(k) if k in category_order else 99)
        categories = tuple(
            CategoryGroup(
                by_category[k][0].category_label, tuple(_finding(v, taxonomy) for v in by_category[k])
            )
            for k in keys
        )
        groups.append(SectionGroup(place, categories))
    return tuple(groups)


def memo_cautions(data: MemoData) -> list[str]:
    """What the reviewer should know before sending the memo (the GUI words these itself)."""
    cautions = []
    if data.agency_unconfirmed is not None or data.agency is None:
        seen = f"（识别为“{data.agency_unconfirmed}”）" if data.agency_unconfirmed else ""
        cautions.append(
            f"报告单位尚未确认{seen}，审查意见中不写单位名称。请先在“更正报告信息”中确认报告单位。"
        )
    if data.unconfirmed_figures:
        cautions.append(
            f"有 {data.unconfirmed_figures} 项数据的归类存疑且未经确认，未写入审查意见的数据对比表。"
        )
    if not data.conclusion:
        cautions.append("尚未填写总体审查结论。")
    return cautions


def _place(start: int, level1: list[models.Section]) -> tuple[int, str]:
    for index, section in enumerate(level1):
        if section.start <= start < section.end:
            return index + 1, f"第{_part_numeral(section.number, index)}部分“{section.title}”"
    if not level1:
        return 0, "报告正文"
    if start < level1[0].start:
        return 0, "标题、主送及开头部分"
    return len(level1) + 1, "落款及其他部分"


def _part_numeral(number: str, index: int) -> str:
    """``一、`` → 一; ``第二部分`` → 二; a part without a number (or numbered ``1．``) by its position."""
    numeral = number.strip().rstrip("、.．，, ")
    if numeral.startswith("第") and numeral.endswith("部分"):
        numeral = numeral[1:-2]
    if not numeral or not all(ch in "一二三四五六七八九十" for ch in numeral):
        numeral = numeral_text(index + 1)
    return numeral


def short_quote(quote: str, limit: int = QUOTE_LIMIT) -> str:
    """The quote for “…”: inner double quotes become single ones, long quotes end in ……."""
    text = " ".join(quote.split()).replace("“", "‘").replace("”", "’")
    return text if len(text) <= limit else text[:limit] + "……"
