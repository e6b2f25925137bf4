"""Importing files into the library: duplicates, versions, corrections, and a result per file."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db import models
from db.errors import describe, is_storage_error
from db.search import index_report
from db.search import prepare as prepare_search_entry
from desktop.core.analysis import PIPELINE_VERSION, AnalysedReport, analyse_isolated
from desktop.core.annotations.reanchor import attach_orphans_by_sha
from desktop.core.corrections import apply_corrections
from desktop.core.errors import ImportRefused
from desktop.core.identity_links import supersede_older_versions
from desktop.core.limits import IMPORT_TIMEOUT_SECONDS, MAX_FILE_BYTES, STORE_RESERVE_SECONDS
from desktop.core.metrics.store import default_catalog, remember_digest, stored_digest, to_rows
from desktop.core.prior_year import refresh_around
from desktop.core.sizes import too_large_message

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
    superseded_by: int | None = None
    """The report this file is another version of, which stays current (the same text in a richer
    format, or the reviewer's decision)."""
    current_id: int | None = None
    """After the whole batch: the current version of this file's report (this file's own id when it
    is current)."""
    carry: dict[str, Any] | None = None
    """The review carried from the versions this file replaced (``CarryResult.as_json()``)."""
    restored_from_bin: bool = False

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def read_file_bytes(path: Path) -> bytes:
    """Read a file, refusing oversized ones before reading them into memory."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportRefused("too_large", too_large_message(size))
        return path.read_bytes()
    except FileNotFoundError as error:
        raise ImportRefused("not_found", f"找不到文件：{path}") from error
    except IsADirectoryError as error:
        raise ImportRefused("not_found", f"这是一个文件夹而不是文件：{path}") from error
    except PermissionError as error:
        raise ImportRefused("unreadable", f"没有读取该文件的权限：{path}") from error
    except OSError as error:
        raise ImportRefused("unreadable", f"无法读取文件：{path}（{error.strerror}）") from error


_TYPE_HINTS = {
    **dict.fromkeys((".wps", ".wpt"), "WPS 文字文件请在 WPS 中另存为 .docx 后导入"),
    **dict.fromkeys((".ofd",), "OFD 版式文件请在阅读器中另存为 PDF 后导入"),
    **dict.fromkeys((".rtf", ".odt", ".wpd", ".pages"), "请在文字处理软件中另存为 .docx 后导入"),
    **dict.fromkeys((".xls", ".xlsx", ".et", ".csv", ".ods"), "这是表格文件，不是报告"),
    **dict.fromkeys((".ppt", ".pptx", ".dps", ".odp"), "这是演示文稿，不是报告"),
    **dict.fromkeys((".zip", ".rar", ".7z", ".tar", ".gz"), "这是压缩包，请解压后导入其中的报告"),
    **dict.fromkeys(
        (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp"),
        "这是图片；扫描件须先经文字识别（OCR）转为 Word 或带文字层的 PDF",
    ),
}


def refuse_unsupported_type(path: Path) -> None:
    """Refuse a file whose extension names a type ReviewDesk does not read, with what to do instead.

    A file without an extension is read by its content (downloads often lack one)."""
    from desktop.core.importers import SUPPORTED_EXTENSIONS

    suffix = path.suffix.lower()
    if not suffix or suffix in SUPPORTED_EXTENSIONS:
        return
    hint = _TYPE_HINTS.get(suffix, "请将报告另存为 Word（.docx）、PDF 或文本（.txt）文件后导入")
    raise ImportRefused(
        "unsupported_type",
        f"不支持导入“{path.name}”这类文件（{suffix}）：{hint}。"
        "ReviewDesk 导入 .docx、.doc、.pdf、.txt 和 .html 格式的报告。",
    )


STOPS_BATCH = ("disk_full", "read_only", "no_permission", "damaged", "cannot_open", "io_error")
"""Storage problems that no later file of a batch can get past: the batch stops at the first."""


def import_file(sessions: sessionmaker[Session], path: Path) -> ImportOutcome:
    """Import one file; never raises for a bad file or a failed write (the outcome says why).

    ``ok`` is set only once the report is committed: a write that fails (full disk, read-only or
    locked library) is a failure with the storage problem's message and ``storage_<kind>`` code.
    """
    outcome = ImportOutcome(file=str(path), ok=False)
    started = time.monotonic()
    try:
        refuse_unsupported_type(path)
        data = read_file_bytes(path)
        return import_bytes(sessions, data, path.name, outcome, started)
    except ImportRefused as refused:
        outcome.error, outcome.error_code = refused.message, refused.code
    except Exception as error:  # a bug must not stop a batch; it is logged with its traceback
        if is_storage_error(error):
            problem = describe(error)
            if problem.known:
                log.warning("import of %s not stored (%s)", path, problem.kind, exc_info=True)
                outcome.ok, outcome.report_id, outcome.superseded = False, None, []
                outcome.error = f"文件未能存入资料库：{problem.message}"
                outcome.error_code = f"storage_{problem.kind}"
                return outcome
        log.exception("import of %s failed", path)
        outcome.ok, outcome.report_id = False, None
        outcome.error, outcome.error_code = (
            f"导入时发生内部错误：{type(error).__name__}: {str(error)[:200]}。文件未导入，资料库未受影响。",
            "internal",
        )
    return outcome


def import_bytes(
    sessions: sessionmaker[Session],
    data: bytes,
    filename: str,
    outcome: ImportOutcome | None = None,
    started: float | None = None,
) -> ImportOutcome:
    """Analyse and store one file's bytes; ``started`` (``time.monotonic()``) is when the import of
    the file began: the time limit covers all of it, storing included."""
    outcome = outcome or ImportOutcome(file=filename, ok=False)
    started = time.monotonic() if started is None else started
    from desktop.core.analysis import sha256_of
    from desktop.core.export.privacy import base_name

    filename = base_name(filename) or "report"  # the library keeps the file's name, not where it was

    digest = sha256_of(data)
    with sessions() as session:
        existing = session.scalar(select(models.Report).where(models.Report.sha256 == digest))
        if existing is not None:
            outcome.ok, outcome.duplicate, outcome.report_id = True, True, existing.id
            outcome.agency, outcome.year = existing.agency, existing.year
            outcome.warnings = [f"该文件已在资料库中（报告编号 {existing.id}），未重复导入。"]
            return outcome
        # A file in the bin comes back from it: its id, review state and version links with it.
        binned = session.scalar(select(models.BinnedReport.id).where(models.BinnedReport.sha256 == digest))
    # Heavy parsing happens in the import worker with no session open (bounded in time and
    # memory); the write below is one short transaction.
    budget = IMPORT_TIMEOUT_SECONDS - STORE_RESERVE_SECONDS - (time.monotonic() - started)
    analysed = analyse_isolated(data, filename, limit=max(budget, 1.0), shown_limit=IMPORT_TIMEOUT_SECONDS)
    with sessions.begin() as session:
        report = _new_report(analysed, data)
        entry = session.get(models.BinnedReport, binned) if binned is not None else None
        if entry is not None:
            from desktop.core.report_bin import before_restore

            before_restore(session, entry, report)
        session.add(report)
        if stored_digest(session) is None:
            remember_digest(session, analysed.catalog_digest)
        apply_corrections(session, report)
        session.flush()
        # Annotations left behind when this file was deleted come back with it.
        attach_orphans_by_sha(session, report)
        if entry is not None:
            from desktop.core.report_bin import after_restore

            supersedings = after_restore(session, entry, report)
            outcome.restored_from_bin = True
        else:
            supersedings = supersede_older_versions(session, report)
        stored = (report.id, report.agency, report.year, list(report.warnings))
        confident = report.agency_confident
        note = None if report.agency_confident else (report.agency_evidence or {}).get("note")
    # Only now is it stored: a failed commit raised above and left the outcome a failure.
    outcome.superseded = [s.older for s in supersedings if s.newer == stored[0]]
    outcome.superseded_by = next((s.newer for s in supersedings if s.older == stored[0]), None)
    outcome.identity["superseding"] = [s.as_json() for s in supersedings]
    outcome.report_id, outcome.agency, outcome.year, outcome.warnings = stored
    outcome.agency_confident, outcome.agency_note = confident, note
    if outcome.restored_from_bin:
        outcome.warnings.append(f"该文件原在回收站中，已从回收站恢复为报告 #{stored[0]}，审阅记录随之恢复。")
    outcome.ok = True
    return outcome


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given (whatever their type: one ReviewDesk does not read is refused with a message in
    its outcome, never dropped), plus the supported files inside given folders (recursively, sorted)."""
    from desktop.core.importers import SUPPORTED_EXTENSIONS

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS and not _housekeeping(p)
            )
        else:
            files.append(path)
    return files


def _housekeeping(path: Path) -> bool:
    """Files a folder holds that nobody means to import: hidden files, Office's lock files
    (``~$报告.docx``, left while the document is open) and the system's thumbnails."""
    return path.name.startswith((".", "~$")) or path.name.lower() in ("thumbs.db", "desktop.ini")


def skipped_in_folders(paths: Iterable[Path]) -> list[Path]:
    """Files inside given folders that :func:`expand_paths` leaves out (not a report format), for the
    summary to name; hidden files and Office lock files (``~$报告.docx``) are not worth naming."""
    from desktop.core.importers import SUPPORTED_EXTENSIONS

    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            skipped += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() not in SUPPORTED_EXTENSIONS and not _housekeeping(p)
            )
    return skipped


def import_files(
    sessions: sessionmaker[Session],
    paths: Iterable[Path],
    progress: Callable[[int, str], bool] | None = None,
    *,
    carry: bool = True,
    by: str | None = None,
) -> list[ImportOutcome]:
    """Import many files, carry the review of the versions they replace, then update what the
    library derives from them.

    ``progress(index, name)`` returning False cancels the rest (what was imported stays).
    ``carry``: move annotations, review status and conclusion, and the reviewer's decisions of each
    replaced version to the new current version (:mod:`desktop.core.annotations.carry`; undoable).
    """
    from desktop.core.importers.worker import warm_up

    warm_up()  # the worker starts while the first file is read
    outcomes: list[ImportOutcome] = []
    stopped: ImportOutcome | None = None
    for index, path in enumerate(paths):
        if stopped is not None:
            outcomes.append(_not_attempted(path, stopped))
            continue
        if progress is not None and not progress(index, path.name):
            break
        outcome = import_file(sessions, path)
        outcomes.append(outcome)
        if outcome.error_code and outcome.error_code.removeprefix("storage_") in STOPS_BATCH:
            stopped = outcome
    new = [o for o in outcomes if o.ok and not o.duplicate and o.report_id]
    if carry and new:
        from desktop.core.version_carry import carry_batch

        carry_batch(sessions, new, by)
    try:
        update_derived(sessions, [o.report_id for o in new if o.report_id])
        from desktop.core.identity_summary import describe as describe_identity

        describe_identity(sessions, outcomes)
    except Exception as error:
        if not is_storage_error(error):
            raise
        log.warning("derived data not updated: %s", error)
        note = (
            "报告已保存，但搜索索引和上年比较未能更新："
            f"{describe(error).message} 问题解决后，下次搜索时会自动补上索引。"
        )
        for outcome in new:
            outcome.warnings.append(note)
    return outcomes


def _not_attempted(path: Path, cause: ImportOutcome) -> ImportOutcome:
    return ImportOutcome(
        file=str(path),
        ok=False,
        error=f"未导入：前面的文件已因资料库无法写入而失败（{cause.error_code}），其余文件未尝试。",
        error_code="not_attempted",
    )


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
