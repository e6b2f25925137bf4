"""Comparing a report with its agency's prior-year report: pairing, the diff, and year-over-year figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, undefer

from db import models
from desktop.core.compare import DEFAULT_OPTIONS, CompareOptions, Comparison, compare_texts
from desktop.core.identity_links import CONFIRMED, PRIOR, REJECTED, decisions
from desktop.core.metrics.catalog import Catalog
from desktop.core.metrics.extract import Mention
from desktop.core.metrics.store import from_rows

STATED_CHANGE_TOLERANCE = 0.5
"""Percentage points: reports round changes to one decimal, and periods may differ slightly."""


def prior_choice(session: Session, report: models.Report) -> tuple[models.Report | None, str | None]:
    """The report to compare ``report`` with, and why: ``chosen`` (the reviewer chose it),
    ``none`` (the reviewer chose to compare with nothing), ``same_issuer`` (the same confident
    agency identity, the year before), or None when there is none."""
    links = decisions(session, PRIOR, report.sha256)
    mine = [link for link in links if link.sha256 == report.sha256]
    for link in mine:
        if link.decision == CONFIRMED:
            if link.other_sha256 == "":
                return None, "none"
            chosen = session.scalar(select(models.Report).where(models.Report.sha256 == link.other_sha256))
            if chosen is not None:
                return chosen, "chosen"
    if not report.agency_confident or not report.agency_key or not report.year:
        return None, None
    rejected = {link.other_sha256 for link in mine if link.decision == REJECTED}
    query = (
        select(models.Report)
        .where(
            models.Report.agency_key == report.agency_key,
            models.Report.agency_confident.is_(True),
            models.Report.year == report.year - 1,
        )
        .order_by(models.Report.superseded_by_id.is_not(None), models.Report.id.desc())
    )
    for candidate in session.scalars(query):
        if candidate.sha256 not in rejected:
            return candidate, "same_issuer"
    return None, None


def find_prior(session: Session, report: models.Report) -> models.Report | None:
    """The report of the year before to compare with: the reviewer's choice, else the same
    confident agency's (its current version when there are several)."""
    return prior_choice(session, report)[0]


def find_next(session: Session, report: models.Report) -> list[models.Report]:
    """Reports whose comparison changes when this one arrives: the same confident agency's of
    the year after, and those the reviewer paired with this one."""
    following: dict[int, models.Report] = {}
    if report.agency_confident and report.agency_key and report.year:
        query = select(models.Report).where(
            models.Report.agency_key == report.agency_key,
            models.Report.agency_confident.is_(True),
            models.Report.year == report.year + 1,
            models.Report.superseded_by_id.is_(None),
        )
        following.update((r.id, r) for r in session.scalars(query))
    for link in decisions(session, PRIOR, report.sha256):
        if link.other_sha256 == report.sha256 and link.decision == CONFIRMED:
            chooser = session.scalar(select(models.Report).where(models.Report.sha256 == link.sha256))
            if chooser is not None:
                following[chooser.id] = chooser
    return list(following.values())


def _load(session: Session, report_id: int) -> models.Report | None:
    options = [
        undefer(models.Report.clean_text),
        selectinload(models.Report.sections),
        selectinload(models.Report.metrics),
    ]
    return session.get(models.Report, report_id, options=options)


@dataclass
class YearOverYear:
    key: str
    label: str
    unit: str | None
    prior: float | None
    current: float | None
    direction: str

    @property
    def change(self) -> float | None:
        if self.prior is None or self.current is None:
            return None
        return round(self.current - self.prior, 6)

    @property
    def pct(self) -> float | None:
        change = self.change
        if change is None or not self.prior:
            return None
        return round(change / self.prior * 100, 2)

    @property
    def assessment(self) -> str:
        """``good``, ``bad`` or ``neutral``, from the catalog's direction (for colouring)."""
        change = self.change
        if not change or self.direction == "neutral":
            return "neutral"
        rising_good = self.direction == "up_good"
        return "good" if (change > 0) == rising_good else "bad"

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "prior": self.prior,
            "current": self.current,
            "change": self.change,
            "pct": self.pct,
            "assessment": self.assessment,
        }


def _first_by_key_and_unit(
    mentions: list[Mention], catalog: Catalog | None = None
) -> dict[tuple[str, str | None], Mention]:
    """The first figure of each metric and unit; ``零复议`` (no unit) counts in the metric's first unit."""
    first: dict[tuple[str, str | None], Mention] = {}
    for mention in mentions:
        if mention.key:
            unit = mention.unit
            if unit is None and catalog is not None and mention.key in catalog.kinds:
                unit = catalog.kinds[mention.key].units[0]
            first.setdefault((mention.key, unit), mention)
    return first


def year_over_year(prior: list[Mention], current: list[Mention], catalog: Catalog) -> list[YearOverYear]:
    """One row per catalog metric (and unit: 家 and 家次 are never compared) present in either year."""
    before, after = _first_by_key_and_unit(prior, catalog), _first_by_key_and_unit(current, catalog)
    rows = []
    order = list(catalog.kinds)
    for key, unit in sorted(
        set(before) | set(after), key=lambda k: (order.index(k[0]) if k[0] in order else 99, k[1] or "")
    ):
        kind = catalog.kinds.get(key)
        rows.append(
            YearOverYear(
                key=key,
                label=catalog.label(key),
                unit=unit,
                prior=before[(key, unit)].value if (key, unit) in before else None,
                current=after[(key, unit)].value if (key, unit) in after else None,
                direction=kind.direction if kind else "neutral",
            )
        )
    return rows


def stated_change_checks(
    prior: list[Mention], current: list[Mention], catalog: Catalog
) -> list[dict[str, Any]]:
    """``同比下降13.6%`` in this year's report against last year's and this year's figures."""
    checks = []
    before, after = _first_by_key_and_unit(prior, catalog), _first_by_key_and_unit(current, catalog)
    for mention in current:
        kind = catalog.kinds.get(mention.key or "")
        if kind is None or kind.change_of is None:
            continue
        counts = [(k, u) for (k, u) in after if k == kind.change_of and (k, u) in before]
        if not counts:
            continue
        old, new = before[counts[0]].value, after[counts[0]].value
        if not old:
            continue
        actual = (new - old) / old * 100
        if abs(actual - mention.value) > STATED_CHANGE_TOLERANCE:
            label = catalog.label(kind.change_of)
            checks.append(
                {
                    "kind": "stated_change_mismatch",
                    "severity": "warning",
                    "message": f"报告称{label}同比变化 {mention.value:g}%，但上年报告为 {old:g}、本年为 {new:g}，"
                    f"实际变化 {actual:.1f}%（统计口径或截止时间可能不同）。",
                    "mentions": [mention.as_json(), before[counts[0]].as_json(), after[counts[0]].as_json()],
                }
            )
    return checks


def compare_in_library(
    session: Session,
    report_id: int,
    catalog: Catalog,
    prior_id: int | None = None,
    options: CompareOptions | None = None,
) -> tuple[dict[str, Any], Comparison | None] | None:
    """The ``reviewdesk compare --json`` object and the comparison model (None without a prior report).

    ``options``: what counts as a change (default :data:`DEFAULT_OPTIONS`, as every stored share)."""
    report = _load(session, report_id)
    if report is None:
        return None
    prior = _load(session, prior_id) if prior_id is not None else None
    if prior_id is None:
        found = find_prior(session, report)
        prior = _load(session, found.id) if found else None
    if prior is None:
        result: dict[str, Any] = {
            "report_id": report_id,
            "prior_id": None,
            "message": "资料库中没有该单位上一年度的报告，无法比较。可用 --prior 指定要比较的报告。",
            "carried_over": None,
            "sections": [],
            "carried_sentences": [],
            "metrics": [],
            "checks": [],
        }
        return result, None
    options = (options or DEFAULT_OPTIONS).with_years(prior.year, report.year)
    comparison = compare_texts(
        prior.clean_text, prior.sections, report.clean_text, report.sections, options=options
    )
    prior_mentions = from_rows(prior.metrics, prior.clean_text)
    current_mentions = from_rows(report.metrics, report.clean_text)
    result = {"report_id": report_id, "prior_id": prior.id, **comparison.to_dict()}
    result["options"] = {"ignore_years": options.ignore_years, "ignore_splits": options.ignore_splits}
    result["metrics"] = [row.as_json() for row in year_over_year(prior_mentions, current_mentions, catalog)]
    result["checks"] = stated_change_checks(prior_mentions, current_mentions, catalog)
    return result, comparison


def refresh_summary(session: Session, report_id: int, catalog: Catalog) -> None:
    """Store the carried-over share of ``report_id`` against its prior year (or clear it)."""
    compared = compare_in_library(session, report_id, catalog)
    if compared is None:
        return
    result, comparison = compared
    row = session.get(models.ComparisonSummary, report_id)
    if row is None:
        row = models.ComparisonSummary(report_id=report_id, computed_at=datetime.now())
        session.add(row)
    row.prior_id = result["prior_id"]
    row.carried_over = comparison.carried_over if comparison else None
    row.flagged = [s["kind"] for s in result["sections"] if s.get("flagged")]
    row.computed_at = datetime.now()


def refresh_around(session: Session, report: models.Report, catalog: Catalog) -> None:
    """After importing or re-processing ``report``: its own comparison, and the next year's."""
    refresh_summary(session, report.id, catalog)
    for following in find_next(session, report):
        refresh_summary(session, following.id, catalog)
