"""Deleting reports from the library (a lead's right in a team library; the server refuses it to a
reviewer's login, and the window disables it).

A report goes with its original file, sections, figures, comparison and review state; its annotations
stay, detached (they come back if the same file is imported again: see ``attach_orphans_by_sha``).
An older version that the report had superseded becomes the current one again, and reports compared
with it are compared afresh. One transaction: all the chosen reports go, or none.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from db import models
from db.search import remove_report


class ReportNotFound(LookupError):
    """A report id that is not in the library (Chinese message)."""


def delete_reports(sessions: sessionmaker[Session], report_ids: Iterable[int]) -> list[int]:
    """Delete the reports; returns the ids of the reports whose comparison was brought up to date."""
    with sessions.begin() as session:
        return delete_in_session(session, report_ids)


def delete_in_session(session: Session, report_ids: Iterable[int]) -> list[int]:
    """:func:`delete_reports` inside the caller's transaction (moving reports to the bin uses it)."""
    from desktop.core.metrics.store import default_catalog
    from desktop.core.prior_year import refresh_summary

    wanted = list(dict.fromkeys(report_ids))
    reports = [session.get(models.Report, report_id) for report_id in wanted]
    missing = [i for i, r in zip(wanted, reports, strict=True) if r is None]
    if missing:
        raise ReportNotFound(f"资料库中没有编号为 {'、'.join(map(str, missing))} 的报告，未删除任何报告。")
    affected = set(
        session.scalars(
            select(models.ComparisonSummary.report_id).where(models.ComparisonSummary.prior_id.in_(wanted))
        )
    )
    affected |= set(
        session.scalars(select(models.Report.id).where(models.Report.superseded_by_id.in_(wanted)))
    )
    for report_id in wanted:
        remove_report(session, report_id)
    # The database's own cascades (files, sections, figures, review state) and SET NULLs
    # (annotations, newer-version links, comparisons) do the rest.
    session.execute(delete(models.Report).where(models.Report.id.in_(wanted)))
    session.expire_all()
    refreshed = sorted(affected - set(wanted))
    catalog = default_catalog()
    for report_id in refreshed:
        refresh_summary(session, report_id, catalog)
    return refreshed
