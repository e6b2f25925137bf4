"""Which report a report is compared with (its baseline): what the reviewer can choose from, and
storing the choice, the same way as ``reviewdesk prior`` (a decision kept by file, so it survives
re-processing and re-import).

The choices are the agency's other reports (by the agency's identity key, any year, newest first),
the reports that may be its prior year when the agency is unsure, and the current choice wherever
it comes from; any other report can still be chosen from the full list (the prior-year dialog).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db import models
from desktop.core.identity_links import CandidateRow, choose_prior, possible_priors, reset_prior
from desktop.core.prior_year import prior_choice, refresh_summary

AUTO: Literal["auto"] = "auto"
Choice = int | None | Literal["auto"]
"""A report id, None (compare with nothing) or ``"auto"`` (the same agency's report of the year before)."""
LIMIT = 200


@dataclass(frozen=True)
class Baselines:
    report_id: int
    prior_id: int | None
    """The report it is compared with now (None: none)."""
    reason: str | None
    """``chosen``, ``none``, ``same_issuer`` or None (see :func:`prior_choice`)."""
    candidates: list[CandidateRow] = field(default_factory=list)

    @property
    def choice(self) -> Choice:
        """What the reviewer's choice is: a report, nothing, or automatic pairing."""
        if self.reason == "chosen":
            return self.prior_id
        if self.reason == "none":
            return None
        return AUTO


def _row(report: models.Report, relation: str) -> CandidateRow:
    return CandidateRow(report.id, report.agency, report.year, report.title, report.source_name, relation)


def baselines(session: Session, report_id: int) -> Baselines | None:
    """The baseline of ``report_id`` and the reports offered instead (None: no such report)."""
    report = session.get(models.Report, report_id)
    if report is None:
        return None
    prior, reason = prior_choice(session, report)
    rows: list[CandidateRow] = []
    seen = {report.id}
    if prior is not None:
        rows.append(_row(prior, "current_prior"))
        seen.add(prior.id)
    for other in possible_priors(session, report):
        if other.id not in seen:
            rows.append(_row(other, "possible_prior"))
            seen.add(other.id)
    if report.agency_key:
        query = (
            select(models.Report)
            .where(models.Report.agency_key == report.agency_key, models.Report.id != report.id)
            .order_by(
                models.Report.year.desc(),
                models.Report.superseded_by_id.is_not(None),
                models.Report.id.desc(),
            )
            .limit(LIMIT)
        )
        for other in session.scalars(query):
            if other.id not in seen:
                rows.append(_row(other, "other"))
                seen.add(other.id)
    return Baselines(report.id, prior.id if prior is not None else None, reason, rows)


def set_baseline(
    sessions: sessionmaker[Session], report_id: int, choice: Choice, by: str | None
) -> Baselines:
    """Store the reviewer's choice and bring the report's stored comparison up to date (one transaction)."""
    from desktop.core.metrics.store import default_catalog
    from desktop.core.report_admin import ReportNotFound

    with sessions.begin() as session:
        report = session.get(models.Report, report_id)
        if report is None:
            raise ReportNotFound(f"资料库中没有编号为 {report_id} 的报告。")
        if choice == AUTO:
            reset_prior(session, report)
        elif choice is None:
            choose_prior(session, report, None, by)
        else:
            prior = session.get(models.Report, choice)
            if prior is None or prior.id == report.id:
                raise ReportNotFound(f"不能与报告 {choice} 比较：资料库中没有它，或它就是本报告。")
            choose_prior(session, report, prior, by)
        session.flush()
        refresh_summary(session, report.id, default_catalog())
        found = baselines(session, report_id)
        assert found is not None
        return found
