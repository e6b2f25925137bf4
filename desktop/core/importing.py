"""Importing files into the library: duplicates, versions, corrections, and a result per file."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db import models
from db.search import index_report
from db.search import prepare as prepare_search_entry
from desktop.core.analysis import PIPELINE_VERSION, AnalysedReport, analyse
from desktop.core.annotations.reanchor import attach_orphans_by_sha
from desktop.core.corrections import apply_corrections
from desktop.core.errors import ImportRefused
from desktop.core.identity_links import supersede_older_versions
from desktop.core.limits import MAX_FILE_BYTES
from desktop.core.metrics.store import default_catalog, remember_digest, stored_digest, to_rows
from desktop.core.prior_year import refresh_around

log = logging.getLogger("reviewdesk.import")


@dataclass
class ImportOutcome:
    """What happened to one file; serialised as-is by ``reviewdesk import --json``."""

    file: str
    ok: bool
    report_id: int | None = None
    agency: str | None = None
    year: int | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    error_code: str | None = None
    duplicate: bool = False
    superseded: list[int] = field(default_factory=list)
    """Reports this file superseded (earlier versions of the same report)."""
    agency_confident: bool = False
    agency_note: str | None = None
    """Why the agency is unsure (the reviewer is asked to confirm it)."""
    identity: dict[str, Any] = field(default_factory=dict)
    """What was superseded or paired and why, and what the reviewer is asked to confirm
    (see :func:`desktop.core.identity_summary.describe`)."""

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def read_file_bytes(path: Path) -> bytes:
    """Read a file, refusing oversized ones before reading them into memory."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportRefused(
                "too_large",
                f"文件过大（{size / 1024 / 1024:.1f} MB），超过 {MAX_FILE_BYTES // 1024 // 1024} MB 的上限。"
                "年度报告通常不足 5 MB，请确认是否选错了文件。",
            )
        return path.read_bytes()
    except FileNotFoundError as error:
        raise ImportRefused("not_found", f"找不到文件：{path}") from error
    except IsADirectoryError as error:
        raise ImportRefused("not_found", f"这是一个文件夹而不是文件：{path}") from error
    except PermissionError as error:
        raise ImportRefused("unreadable", f"没有读取该文件的权限：{path}") from error
    except OSError as error:
        raise ImportRefused("unreadable", f"无法读取文件：{path}（{error.strerror}）") from error


def import_file(sessions: sessionmaker[Session], path: Path) -> ImportOutcome:
    """Import one file; never raises for a bad file (the outcome carries the message)."""
    outcome = ImportOutcome(file=str(path), ok=False)
    try:
        data = read_file_bytes(path)
        return import_bytes(sessions, data, path.name, outcome)
    except ImportRefused as refused:
        outcome.error, outcome.error_code = refused.message, refused.code
    except Exception as error:  # a bug must not stop a batch; it is logged with its traceback
        log.exception("import of %s failed", path)
        outcome.error, outcome.error_code = (
            f"导入时发生内部错误：{error!r}。文件未导入，资料库未受影响。",
            "internal",
        )
    return outcome


def import_bytes(
    sessions: sessionmaker[Session], data: bytes, filename: str, outcome: ImportOutcome | None = None
) -> ImportOutcome:
    outcome = outcome or ImportOutcome(file=filename, ok=False)
    from desktop.core.analysis import sha256_of

    digest = sha256_of(data)
    with sessions() as session:
        existing = session.scalar(select(models.Report).where(models.Report.sha256 == digest))
        if existing is not None:
            outcome.ok, outcome.duplicate, outcome.report_id = True, True, existing.id
            outcome.agency, outcome.year = existing.agency, existing.year
            outcome.warnings = [f"该文件已在资料库中（报告编号 {existing.id}），未重复导入。"]
            return outcome
    # Heavy parsing happens with no session open; the write below is one short transaction.
    analysed = analyse(data, filename)
    with sessions.begin() as session:
        report = _new_report(analysed, data)
        session.add(report)
        if stored_digest(session) is None:
            remember_digest(session, analysed.catalog_digest)
        apply_corrections(session, report)
        session.flush()
        # Annotations left behind when this file was deleted come back with it.
        attach_orphans_by_sha(session, report)
        supersedings = supersede_older_versions(session, report)
        outcome.superseded = [s.older for s in supersedings if s.newer == report.id]
        outcome.identity["superseding"] = [s.as_json() for s in supersedings]
        outcome.ok, outcome.report_id = True, report.id
        outcome.agency, outcome.year, outcome.warnings = report.agency, report.year, list(report.warnings)
        outcome.agency_confident = report.agency_confident
        outcome.agency_note = None if report.agency_confident else (report.agency_evidence or {}).get("note")
    return outcome


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, plus the supported files inside given folders (recursively, sorted)."""
    from desktop.core.importers import SUPPORTED_EXTENSIONS

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS
            )
        else:
            files.append(path)
    return files


def import_files(
    sessions: sessionmaker[Session],
    paths: Iterable[Path],
    progress: Callable[[int, str], bool] | None = None,
) -> list[ImportOutcome]:
    """Import many files, then update what the library derives from them.

    ``progress(index, name)`` returning False cancels the rest (what was imported stays).
    """
    outcomes = []
    for index, path in enumerate(paths):
        if progress is not None and not progress(index, path.name):
            break
        outcomes.append(import_file(sessions, path))
    update_derived(sessions, [o.report_id for o in outcomes if o.ok and not o.duplicate and o.report_id])
    from desktop.core.identity_summary import describe

    describe(sessions, outcomes)
    return outcomes


def update_derived(sessions: sessionmaker[Session], report_ids: Iterable[int]) -> None:
    """Library data derived from new reports: the search index and the prior-year comparisons.

    Run once per batch, after the files themselves are stored (a batch of one agency's versions
    would otherwise compare the same pair again and again). Search also indexes what is missing
    before it searches, so an interrupted batch never loses hits.
    """
    catalog = default_catalog()
    for report_id in dict.fromkeys(report_ids):
        with sessions() as session:
            text = session.scalar(select(models.Report.clean_text).where(models.Report.id == report_id))
        if text is None:
            continue
        entry = prepare_search_entry(text)
        with sessions.begin() as session:
            report = session.get(models.Report, report_id)
            if report is not None:
                index_report(session, report_id, entry)
                refresh_around(session, report, catalog)


def _new_report(analysed: AnalysedReport, data: bytes) -> models.Report:
    meta = analysed.metadata
    report = models.Report(
        source_name=analysed.filename,
        source_format=analysed.document.format,
        sha256=analysed.sha256,
        size=analysed.size,
        imported_at=datetime.now(),
        file=models.ReportFile(data=data),
    )
    fill_analysis(report, analysed)
    log.info("imported %s as %s %s", analysed.filename, meta.agency, meta.year)
    return report


def fill_analysis(report: models.Report, analysed: AnalysedReport) -> None:
    """Write the analysis into a report row (new, or re-processed from its stored bytes)."""
    meta = analysed.metadata
    report.agency = meta.agency
    report.agency_confident = meta.identity.confident
    report.agency_key = meta.identity.key if meta.identity.confident else None
    report.agency_evidence = meta.identity.as_json()
    report.region = meta.region
    report.year = meta.year
    report.title = meta.title
    report.title_generated = meta.title_generated
    report.report_date = meta.report_date
    report.published_date = meta.published_date
    report.written_date = meta.written_date
    report.is_annual_report = analysed.is_annual_report
    report.original_text = analysed.document.text
    report.clean_text = analysed.cleaned.text
    report.offset_map = analysed.cleaned.offsets.to_bytes()
    report.missing_sections = list(analysed.sections.missing)
    report.warnings = list(analysed.warnings)
    report.source_metadata = dict(analysed.document.metadata)
    report.pipeline_version = PIPELINE_VERSION
    report.metrics = to_rows(analysed.metrics)
    report.sections = [
        models.Section(
            ordinal=index,
            level=s.level,
            number=s.number,
            title=s.title,
            kind=s.kind,
            covers=list(s.covers),
            start=s.start,
            end=s.end,
            heading_end=s.heading_end,
        )
        for index, s in enumerate(analysed.sections.sections)
    ]
