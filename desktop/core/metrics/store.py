"""Figures in the library: stored at import, recomputed when the metric catalog or the rules change.

Reading figures back (:func:`from_rows`) applies the reviewer's decisions
(:mod:`desktop.core.metrics.reviews`): excluded figures are left out and corrected ones carry the
reviewer's key and value, wherever figures are used (panel, comparison, memo, summary).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session, selectinload, sessionmaker, undefer

from db import models
from desktop.core.metrics.catalog import Catalog, load_catalog
from desktop.core.metrics.checks import run_checks
from desktop.core.metrics.extract import SURE, Mention, extract_metrics
from desktop.core.metrics.result import Figure, ReportMetrics, SectorView
from desktop.core.metrics.reviews import apply_reviews, reviews_for
from desktop.core.metrics.sector import classify_sector
from desktop.core.text.offsets import OffsetMap

CATALOG_SETTING = "metrics_catalog_digest"
_WRITTEN_LIMIT = 80


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The built-in catalog plus the reviewer's additions in the ReviewDesk data folder."""
    from platformdirs import user_data_path

    return load_catalog(user_data_path("ReviewDesk", appauthor=False))


def to_rows(mentions: Sequence[Mention]) -> list[models.MetricMention]:
    return [
        models.MetricMention(
            ordinal=index,
            key=m.key,
            label=m.label,
            value=m.value,
            unit=m.unit,
            qualifier=m.qualifier,
            low=m.low,
            high=m.high,
            start=m.start,
            end=m.end,
            sentence_start=m.sentence_start,
            sentence_end=m.sentence_end,
            quote=m.quote,
            section_kind=m.section_kind,
            confidence=m.confidence,
            doubt=m.doubt,
            written=m.written[:_WRITTEN_LIMIT],
        )
        for index, m in enumerate(mentions)
    ]


def mentions_of_rows(rows: Sequence[models.MetricMention], text: str) -> list[Mention]:
    """Stored figures as mentions, as extracted (no reviewer decisions applied)."""
    return [
        Mention(
            key=r.key,
            label=r.label,
            value=r.value,
            unit=r.unit,
            qualifier=r.qualifier,
            low=r.low,
            high=r.high,
            start=r.start,
            end=r.end,
            sentence=text[r.sentence_start : r.sentence_end],
            sentence_start=r.sentence_start,
            sentence_end=r.sentence_end,
            quote=r.quote,
            section_kind=r.section_kind,
            confidence=r.confidence or SURE,
            doubt=r.doubt,
            written=r.written or (text[r.start : r.end] if text else ""),
            id=r.id,
        )
        for r in rows
    ]


def from_rows(
    rows: Sequence[models.MetricMention],
    text: str,
    catalog: Catalog | None = None,
    *,
    keep_excluded: bool = False,
) -> list[Mention]:
    """Stored figures of one report as mentions, with the reviewer's decisions applied.

    ``text`` is the report's cleaned text ("" when not loaded: decisions then match by stored offsets).
    Excluded figures are left out unless ``keep_excluded``.
    """
    mentions = mentions_of_rows(rows, text)
    session = object_session(rows[0]) if rows else None
    if session is None:
        return mentions
    report_ids = {r.report_id for r in rows}
    shas = dict(
        session.execute(
            select(models.Report.id, models.Report.sha256).where(models.Report.id.in_(report_ids))
        ).all()
    )
    reviews = reviews_for(session, shas.values())
    if not reviews:
        return mentions
    catalog = catalog or default_catalog()
    result: list[Mention] = []
    for report_id, sha in shas.items():
        own = [m for m, r in zip(mentions, rows, strict=True) if r.report_id == report_id]
        result += apply_reviews(own, reviews.get(sha, []), text, catalog, keep_excluded=keep_excluded)
    return sorted(result, key=lambda m: m.start) if len(shas) > 1 else result


def stored_digest(session: Session) -> str | None:
    row = session.get(models.LibrarySetting, CATALOG_SETTING)
    return row.value if row else None


def remember_digest(session: Session, digest: str) -> None:
    row = session.get(models.LibrarySetting, CATALOG_SETTING)
    if row is None:
        session.add(models.LibrarySetting(name=CATALOG_SETTING, value=digest))
    else:
        row.value = digest


def recompute_all(
    sessions: sessionmaker[Session],
    catalog: Catalog,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Extract the figures of every report again (one short transaction each); returns the count."""
    with sessions() as session:
        ids = list(session.scalars(select(models.Report.id).order_by(models.Report.id)))
    for index, report_id in enumerate(ids):
        if progress is not None and not progress(index, len(ids)):
            return index
        with sessions.begin() as session:
            report = session.get(
                models.Report,
                report_id,
                options=[undefer(models.Report.clean_text), selectinload(models.Report.sections)],
            )
            if report is not None:
                found = extract_metrics(report.clean_text, report.sections, catalog, agency=report.agency)
                report.metrics = to_rows(found)
    with sessions.begin() as session:
        remember_digest(session, catalog.digest)
    return len(ids)


def ensure_current(sessions: sessionmaker[Session], catalog: Catalog) -> bool:
    """Recompute stored figures when the catalog or the rules changed since they were extracted."""
    with sessions() as session:
        current = stored_digest(session) == catalog.digest
    if not current:
        recompute_all(sessions, catalog)
    return not current


def report_figures(
    session: Session, report: models.Report, catalog: Catalog | None = None, *, keep_excluded: bool = False
) -> list[Mention]:
    """The figures of a loaded report (its clean text loaded), as the reviewer left them."""
    rows = session.scalars(
        select(models.MetricMention)
        .where(models.MetricMention.report_id == report.id)
        .order_by(models.MetricMention.ordinal)
    ).all()
    return from_rows(rows, report.clean_text, catalog, keep_excluded=keep_excluded)


def report_metrics(session: Session, report_id: int, catalog: Catalog) -> ReportMetrics | None:
    """Every figure of a report (excluded ones too), with offsets into the cleaned and original text.

    Each figure has its ``id``, its ``confidence`` (``sure``/``doubtful``), the reason for a doubt,
    the reviewer's decision, and ``fact``: whether the memo and the summary may state it. Checks run
    on the figures as the reviewer left them. ``as_json()`` is the ``reviewdesk metrics --json`` object.
    """
    report = session.get(
        models.Report,
        report_id,
        options=[undefer(models.Report.clean_text), undefer(models.Report.offset_map)],
    )
    if report is None:
        return None
    mentions = report_figures(session, report, catalog, keep_excluded=True)
    offsets = OffsetMap.from_bytes(report.offset_map)
    figures = tuple(Figure.of(m, offsets.to_original(m.start, m.end)) for m in mentions)
    kept = [m for m in mentions if m.decision != "excluded"]
    checks = tuple(run_checks(report.clean_text, kept, catalog))
    sector = classify_sector(report.agency, report.clean_text, catalog)
    return ReportMetrics(report_id, SectorView.of(sector, catalog), figures, checks)
