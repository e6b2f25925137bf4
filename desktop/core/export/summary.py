"""The summary across reports (审阅汇总): one row per current report, written as .xlsx or .csv.

Each row: agency, year, title, review status, reviewer and conclusion, the required parts that are
missing, a few key figures with their change against the prior year's report, annotation counts by
severity and by category (orphans included), and the share of text carried over from last year.

Key figures: :data:`KEY_METRICS`, a fixed handful of catalog metrics that an enforcing agency's
法治政府建设 report usually states and a reviewer compares across agencies — enforcement
(inspections, cases, penalty decisions, fines), legality review, administrative reconsideration and
litigation — plus accidents, the headline figure of the emergency bureaus. Keys a user catalog lacks
are skipped; callers may pass their own ``key_metrics``. Only figures that may be stated as facts
fill these columns: sure ones and those the reviewer confirmed or corrected, never a figure whose key
is doubtful or that the reviewer excluded. Only the stored figures are compared (the year-over-year
table of :mod:`desktop.core.prior_year`), never the texts: 200 reports take well under a second, in
a fixed number of queries.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from db import models
from desktop.core.annotations.review import REVIEW_STATUSES
from desktop.core.annotations.taxonomy import Taxonomy, default_taxonomy
from desktop.core.metrics.catalog import Catalog
from desktop.core.metrics.extract import Mention
from desktop.core.metrics.reviews import apply_reviews, reviews_for
from desktop.core.metrics.store import default_catalog, mentions_of_rows
from desktop.core.prior_year import YearOverYear, year_over_year
from desktop.core.resources import load_json

KEY_METRICS = (
    "inspections",
    "cases_filed",
    "penalty_decisions",
    "fines",
    "legal_reviews",
    "reconsiderations",
    "litigations",
    "accidents",
)
SHEET_TITLE = "审阅汇总"
_MAX_WIDTH = 30
_MAX_WIDE = 50
_MIN_WIDTH = 6


class SummaryExportError(ValueError):
    """A summary that cannot be written, with a Chinese message for the user."""


@dataclass(frozen=True)
class FigureCell:
    """One key figure as numbers, for spreadsheet cells that sum and sort (None: not stated)."""

    current: float | None
    prior: float | None
    unit: str | None
    change: float | None
    """Current minus prior; None without both (or without a prior report)."""
    ratio: float | None
    """``change / prior`` (0.173 for +17.3 %); None from zero, for rates (changes in 个百分点)
    and without both values."""


@dataclass
class SummaryRow:
    report_id: int
    agency: str | None
    year: int | None
    title: str | None
    review_status: str
    review_status_label: str
    reviewer: str | None
    conclusion: str
    missing_parts: list[str]
    """Chinese labels of the required parts the report lacks."""
    figures: dict[str, str]
    """Key-metric label → ``1150家（+170，+17.3%）``; empty text when neither year states it."""
    figure_cells: dict[str, FigureCell] = field(default_factory=dict)
    """Key-metric label → the same figure as numbers (the spreadsheet's columns)."""
    prior_id: int | None = None
    annotations: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    carried_over: float | None = None
    """Share of sentences carried over from the prior year (None until compared)."""


def summary_rows(
    session: Session,
    catalog: Catalog | None = None,
    taxonomy: Taxonomy | None = None,
    key_metrics: Sequence[str] = KEY_METRICS,
) -> list[SummaryRow]:
    """One row per current report (not superseded), by agency and year."""
    catalog = catalog or default_catalog()
    taxonomy = taxonomy or default_taxonomy()
    keys = [k for k in key_metrics if k in catalog.kinds]
    part_labels: dict[str, str] = load_json("section_kinds.json")["labels"]
    current = session.execute(
        select(
            models.Report.id,
            models.Report.agency,
            models.Report.year,
            models.Report.title,
            models.Report.missing_sections,
        )
        .where(models.Report.superseded_by_id.is_(None))
        .order_by(models.Report.agency, models.Report.year, models.Report.id)
    ).all()
    priors, shas = _priors(session)
    mentions = _key_mentions(session, keys, shas, catalog)
    reviews = {r.report_id: r for r in session.scalars(select(models.ReviewState))}
    carried_query = select(models.ComparisonSummary.report_id, models.ComparisonSummary.carried_over)
    carried = {report_id: share for report_id, share in session.execute(carried_query)}
    counts = _annotation_counts(session)
    rows = []
    for report in current:
        review = reviews.get(report.id)
        status = review.status if review else "unreviewed"
        prior_id = priors.get(report.id)
        table = year_over_year(
            mentions.get(prior_id, []) if prior_id else [], mentions.get(report.id, []), catalog
        )
        by_severity: dict[str, int] = defaultdict(int)
        by_category: dict[str, int] = defaultdict(int)
        for (category, severity), count in counts.get(report.id, {}).items():
            by_severity[taxonomy.severity(severity).label] += count
            by_category[taxonomy.category(category).label] += count
        rows.append(
            SummaryRow(
                report_id=report.id,
                agency=report.agency,
                year=report.year,
                title=report.title,
                review_status=status,
                review_status_label=REVIEW_STATUSES.get(status, status),
                reviewer=review.reviewer if review else None,
                conclusion=review.conclusion if review else "",
                missing_parts=[part_labels.get(kind, kind) for kind in report.missing_sections],
                figures={catalog.label(k): _figure(table, k, catalog, prior_id is not None) for k in keys},
                figure_cells={catalog.label(k): _cell(table, k, catalog, prior_id is not None) for k in keys},
                prior_id=prior_id,
                annotations=sum(by_severity.values()),
                by_severity=dict(by_severity),
                by_category=dict(by_category),
                carried_over=carried.get(report.id),
            )
        )
    from desktop.core.collation import agency_sort_key

    rows.sort(key=lambda r: (agency_sort_key(r.agency), r.year or 0, r.report_id))
    return rows


def _priors(session: Session) -> tuple[dict[int, int], dict[int, str]]:
    """Each report's prior-year report by the rule of :func:`desktop.core.prior_year.prior_choice`
    (the reviewer's choice first, else the same confident agency's report of the year before, its
    current version first, never one the reviewer rejected), for all reports in two queries; and
    every report's sha256 (the reviewer's decisions on figures are tied to it)."""
    from desktop.core.identity_links import CONFIRMED, PRIOR, REJECTED

    rows = session.execute(
        select(
            models.Report.id,
            models.Report.agency_key,
            models.Report.agency_confident,
            models.Report.year,
            models.Report.superseded_by_id,
            models.Report.sha256,
        )
    ).all()
    by_sha = {row.sha256: row.id for row in rows}
    chosen: dict[str, str] = {}
    rejected: dict[str, set[str]] = {}
    for link in session.scalars(select(models.ReportLink).where(models.ReportLink.kind == PRIOR)):
        if link.decision == CONFIRMED:
            chosen[link.sha256] = link.other_sha256
        elif link.decision == REJECTED:
            rejected.setdefault(link.sha256, set()).add(link.other_sha256)
    candidates: dict[tuple[str, int], list[tuple[bool, int, str]]] = {}
    for row in rows:
        if row.agency_confident and row.agency_key and row.year:
            rank = (row.superseded_by_id is None, row.id, row.sha256)
            candidates.setdefault((row.agency_key, row.year), []).append(rank)
    for ranks in candidates.values():
        ranks.sort(reverse=True)
    found = {}
    for row in rows:
        if row.sha256 in chosen:
            other = by_sha.get(chosen[row.sha256])
            if other is not None:
                found[row.id] = other
            if other is not None or chosen[row.sha256] == "":
                continue
        if not (row.agency_confident and row.agency_key and row.year):
            continue
        refused = rejected.get(row.sha256, set())
        for _current, prior_id, sha in candidates.get((row.agency_key, row.year - 1), []):
            if sha not in refused:
                found[row.id] = prior_id
                break
    return found, {row.id: row.sha256 for row in rows}


def _key_mentions(
    session: Session, keys: list[str], shas: dict[int, str], catalog: Catalog
) -> dict[int, list[Mention]]:
    """The key figures of every report that may be stated as facts, with the reviewer's decisions."""
    if not keys:
        return {}
    reviews = reviews_for(session, shas.values())
    reviewed = [report_id for report_id, sha in shas.items() if sha in reviews]
    wanted: ColumnElement[bool] = models.MetricMention.key.in_(keys)
    if reviewed:  # a figure may have been corrected into (or out of) a key metric
        wanted = or_(wanted, models.MetricMention.report_id.in_(reviewed))
    query = (
        select(models.MetricMention)
        .where(wanted)
        .order_by(models.MetricMention.report_id, models.MetricMention.ordinal)
    )
    grouped: dict[int, list[models.MetricMention]] = defaultdict(list)
    for mention in session.scalars(query):
        grouped[mention.report_id].append(mention)
    # The year-over-year table reads values, not sentences: only reviewed reports' texts are loaded,
    # to find each decision's figure again.
    texts: dict[int, str] = {}
    if reviewed:
        texts = dict(
            session.execute(
                select(models.Report.id, models.Report.clean_text).where(models.Report.id.in_(reviewed))
            ).all()
        )
    found: dict[int, list[Mention]] = {}
    for report_id, rows in grouped.items():
        mentions = mentions_of_rows(rows, texts.get(report_id, ""))
        decisions = reviews.get(shas.get(report_id, ""), [])
        mentions = apply_reviews(mentions, decisions, texts.get(report_id, ""), catalog)
        found[report_id] = [m for m in mentions if m.is_fact and m.key in keys]
    return found


def _annotation_counts(session: Session) -> dict[int, dict[tuple[str, str], int]]:
    query = select(
        models.Annotation.report_id,
        models.Annotation.category,
        models.Annotation.severity,
        func.count(models.Annotation.id),
    ).group_by(models.Annotation.report_id, models.Annotation.category, models.Annotation.severity)
    counts: dict[int, dict[tuple[str, str], int]] = defaultdict(dict)
    for report_id, category, severity, count in session.execute(query):
        if report_id is not None:
            counts[report_id][(category, severity)] = count
    return counts


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{round(value, 2):g}"


def _first_stated(table: list[YearOverYear], key: str, catalog: Catalog) -> YearOverYear | None:
    """The metric's row in its first stated unit (the catalog's order), this year's first."""
    rows = [r for r in table if r.key == key]
    units = catalog.kinds[key].units
    rows.sort(key=lambda r: (r.current is None, units.index(r.unit) if r.unit in units else len(units)))
    return rows[0] if rows else None


def _cell(table: list[YearOverYear], key: str, catalog: Catalog, has_prior: bool) -> FigureCell:
    row = _first_stated(table, key, catalog)
    if row is None:
        return FigureCell(None, None, None, None, None)
    prior = row.prior if has_prior else None
    change = row.change if has_prior else None
    ratio = change / prior if change is not None and prior and row.unit != "%" else None
    return FigureCell(row.current, prior, row.unit, change, ratio)


def _figure(table: list[YearOverYear], key: str, catalog: Catalog, has_prior: bool) -> str:
    """``1150家（+170，+17.3%）`` for the metric's first stated unit (the catalog's order)."""
    row = _first_stated(table, key, catalog)
    if row is None:
        return ""
    unit = row.unit or ""
    if row.current is None:
        return f"未报（上年 {_number(row.prior)}{unit}）" if row.prior is not None else ""
    text = f"{_number(row.current)}{unit}"
    if not has_prior:
        return text
    if row.prior is None or row.change is None:
        return f"{text}（上年未报）"
    if row.change == 0:
        return f"{text}（持平）"
    change = ("+" if row.change > 0 else "-") + _number(abs(row.change))
    # From the values, not from the already rounded ``pct`` (17.35 would round up to 17.4).
    pct = f"，{row.change / row.prior * 100:+.1f}%" if row.prior else ""
    return f"{text}（{change}{pct}）"


# ---- writing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    header: str
    kind: str = "text"
    """``text``, ``wide`` (wrapped), ``int``, ``number`` or ``percent`` (a 0–1 share)."""


def summary_table(
    rows: list[SummaryRow], taxonomy: Taxonomy | None = None
) -> tuple[list[_Column], list[list[Any]]]:
    """Columns and cell values shared by both writers (counts per severity and category in taxonomy order)."""
    taxonomy = taxonomy or default_taxonomy()
    figures = list(rows[0].figures) if rows else [default_catalog().label(k) for k in KEY_METRICS]
    severities = _ordered([t.label for t in taxonomy.severities], (s for r in rows for s in r.by_severity))
    categories = _ordered([t.label for t in taxonomy.categories], (c for r in rows for c in r.by_category))
    columns = [
        _Column("编号", "int"),
        _Column("单位"),
        _Column("年度", "int"),
        _Column("标题", "wide"),
        _Column("审阅状态"),
        _Column("审阅人"),
        _Column("缺少的必备部分", "wide"),
        *(column for label in figures for column in _figure_columns(label)),
        _Column("沿用上年比例", "percent"),
        _Column("批注数", "int"),
        *(_Column(f"批注·{label}", "int") for label in severities),
        *(_Column(f"批注·{label}", "int") for label in categories),
        _Column("审阅结论", "wide"),
    ]
    values = [
        [
            r.report_id,
            r.agency or "",
            r.year,
            r.title or "",
            r.review_status_label,
            r.reviewer or "",
            "、".join(r.missing_parts),
            *(value for label in figures for value in _figure_values(r.figure_cells.get(label))),
            r.carried_over,
            r.annotations,
            *(r.by_severity.get(label, 0) for label in severities),
            *(r.by_category.get(label, 0) for label in categories),
            r.conclusion,
        ]
        for r in rows
    ]
    return columns, values


FIGURE_PARTS = ("", "·单位", "·上年", "·增减", "·增减率")
"""The columns of each key figure: this year's value, its unit, last year's, the change, the change
as a share of last year's (a rate's change is in 个百分点, in the 增减 column only)."""


def _figure_columns(label: str) -> list[_Column]:
    kinds = ("number", "text", "number", "number", "percent")
    return [_Column(label + part, kind) for part, kind in zip(FIGURE_PARTS, kinds, strict=True)]


def _figure_values(cell: FigureCell | None) -> list[Any]:
    if cell is None:
        return [None] * len(FIGURE_PARTS)
    return [_plain(cell.current), cell.unit or "", _plain(cell.prior), _plain(cell.change), cell.ratio]


def _plain(value: float | None) -> float | int | None:
    """Whole numbers as integers: a spreadsheet shows ``1150``, not ``1150.0``."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


def _ordered(known: list[str], seen: Any) -> list[str]:
    """The taxonomy's labels, then labels of keys a user taxonomy no longer lists."""
    extra = sorted(set(seen) - set(known))
    return known + extra


def write_summary(rows: list[SummaryRow], path: str | Path, taxonomy: Taxonomy | None = None) -> None:
    """Write ``rows`` as .xlsx or .csv (by the suffix of ``path``)."""
    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise SummaryExportError(
            f"不支持导出为“{out.suffix or '无扩展名'}”格式：请将文件名以 .xlsx 或 .csv 结尾。"
        )
    columns, values = summary_table(rows, taxonomy)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".xlsx":
            _write_xlsx(columns, values, out)
        else:
            _write_csv(columns, values, out)
    except PermissionError as error:
        raise SummaryExportError(
            f"无法写入 {out}：文件可能正在 Excel 或 WPS 中打开，请关闭后重试。"
        ) from error
    except OSError as error:
        raise SummaryExportError(f"无法写入 {out}：{error.strerror or error}") from error


def export_summary(session: Session, path: str | Path) -> int:
    """Write the summary of the library to ``path``; returns the number of report rows."""
    taxonomy = default_taxonomy()
    rows = summary_rows(session, taxonomy=taxonomy)
    write_summary(rows, path, taxonomy)
    return len(rows)


def _display(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "percent":
        return f"{value:.1%}"
    if kind == "number":
        return _number(value)
    return str(value)


def _safe_text(text: str) -> str:
    """Text a spreadsheet will not run as a formula (CSV injection): a leading quote, as Excel does."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _write_csv(columns: list[_Column], values: list[list[Any]], out: Path) -> None:
    # utf-8-sig: Excel and WPS take a CSV without a byte-order mark for the local code page (GBK).
    with out.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([c.header for c in columns])
        for row in values:
            writer.writerow(
                [
                    _safe_text(_display(v, c.kind)) if c.kind in ("text", "wide") else _display(v, c.kind)
                    for c, v in zip(columns, row, strict=True)
                ]
            )


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: CJK and full-width characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _write_xlsx(columns: list[_Column], values: list[list[Any]], out: Path) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    book.properties.title = "法治政府建设年度报告" + SHEET_TITLE
    book.properties.creator = "ReviewDesk"
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    for r, row in enumerate(values, start=2):
        for c, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl would store "=…" as a formula
            if column.kind == "percent":
                cell.number_format = "0.0%"
            elif column.kind == "number" and value is not None:
                cell.number_format = "0" if float(value).is_integer() else "0.0###"
            elif column.kind == "wide":
                cell.alignment = wrap
    for c, column in enumerate(columns, start=1):
        cap = _MAX_WIDE if column.kind == "wide" else _MAX_WIDTH
        longest = max(
            [display_width(column.header)]
            + [display_width(_display(row[c - 1], column.kind)) for row in values]
        )
        sheet.column_dimensions[get_column_letter(c)].width = max(_MIN_WIDTH, min(cap, longest + 2))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(values) + 1}"
    book.save(out)
