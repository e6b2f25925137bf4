"""Re-processing stored originals with the current pipeline (corrections are kept)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from db import models
from db.search import index_report
from db.search import prepare as prepare_search_entry
from desktop.core.analysis import analyse_isolated
from desktop.core.annotations.reanchor import reanchor_report
from desktop.core.corrections import apply_corrections
from desktop.core.errors import ImportRefused
from desktop.core.importing import fill_analysis
from desktop.core.metrics.store import default_catalog
from desktop.core.prior_year import refresh_around


def reprocess_report(sessions: sessionmaker[Session], report_id: int) -> list[str]:
    """Analyse the stored original again and replace the derived data; returns its warnings."""
    with sessions() as session:
        row = session.get(models.ReportFile, report_id)
        report = session.get(models.Report, report_id)
        if row is None or report is None:
            raise ImportRefused("not_found", f"资料库中没有编号为 {report_id} 的报告。")
        data, name = row.data, report.source_name
    analysed = analyse_isolated(data, name)
    search_entry = prepare_search_entry(analysed.cleaned.text)
    with sessions.begin() as session:
        report = session.get(models.Report, report_id)
        if report is None:
            raise ImportRefused("not_found", f"资料库中没有编号为 {report_id} 的报告。")
        fill_analysis(report, analysed)
        apply_corrections(session, report)
        index_report(session, report.id, search_entry)
        # The cleaned text may have changed: annotations find their quotes again or become orphans.
        reanchor_report(session, report)
        session.flush()
        refresh_around(session, report, default_catalog())
        return list(report.warnings)


def stale_report_ids(session: Session) -> list[int]:
    """Reports analysed by an older ReviewDesk (its cleaning, sections, identity or figures differ):
    they are analysed again from their stored originals when a library opens after an upgrade."""
    from sqlalchemy import select

    from desktop.core.analysis import PIPELINE_VERSION

    query = select(models.Report.id).where(models.Report.pipeline_version < PIPELINE_VERSION)
    return list(session.scalars(query.order_by(models.Report.id)))
