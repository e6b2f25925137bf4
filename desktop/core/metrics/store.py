"""Figures in the library: stored at import, recomputed when the metric catalog changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker, undefer

from db import models
from desktop.core.metrics.catalog import Catalog, load_catalog
from desktop.core.metrics.checks import run_checks
from desktop.core.metrics.extract import Mention, extract_metrics
from desktop.core.text.offsets import OffsetMap

CATALOG_SETTING = "metrics_catalog_digest"


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
        )
        for index, m in enumerate(mentions)
    ]


def from_rows(rows: Sequence[models.MetricMention], text: str) -> list[Mention]:
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
        )
        for r in rows
    ]


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
                report.metrics = to_rows(extract_metrics(report.clean_text, report.sections, catalog))
    with sessions.begin() as session:
        remember_digest(session, catalog.digest)
    return len(ids)


def ensure_current(sessions: sessionmaker[Session], catalog: Catalog) -> bool:
    """Recompute stored figures when the catalog changed since they were extracted."""
    with sessions() as session:
        current = stored_digest(session) == catalog.digest
    if not current:
        recompute_all(sessions, catalog)
    return not current


def report_metrics(session: Session, report_id: int, catalog: Catalog) -> dict[str, Any] | None:
    """The ``reviewdesk metrics --json`` object, with offsets into the cleaned and original text."""
    report = session.get(
        models.Report,
        report_id,
        options=[undefer(models.Report.clean_text), undefer(models.Report.offset_map)],
    )
    if report is None:
        return None
    rows = session.scalars(
        select(models.MetricMention)
        .where(models.MetricMention.report_id == report_id)
        .order_by(models.MetricMention.ordinal)
    ).all()
    mentions = from_rows(rows, report.clean_text)
    offsets = OffsetMap.from_bytes(report.offset_map)
    figures = []
    for mention in mentions:
        data = mention.as_json()
        data["original_start"], data["original_end"] = offsets.to_original(mention.start, mention.end)
        figures.append(data)
    checks = [c.as_json() for c in run_checks(report.clean_text, mentions, catalog)]
    return {"report_id": report_id, "metrics": figures, "checks": checks}
