"""From a file's bytes to an analysed report: read, clean, find sections and metadata.

Pure and Qt-free; nothing here touches the library, so it can run in any worker thread.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from desktop.core.importers import read_document
from desktop.core.importers.model import ExtractedDocument
from desktop.core.metadata import ReportMetadata, extract_metadata
from desktop.core.metrics.catalog import Catalog
from desktop.core.metrics.extract import Mention, extract_metrics
from desktop.core.report_kind import assess_report
from desktop.core.sections import SectionResult, parse_sections
from desktop.core.text.cleaning import CleanedText, clean_text

PIPELINE_VERSION = 3
"""Raise when cleaning or analysis changes, so stored reports can be re-processed."""


@dataclass
class AnalysedReport:
    filename: str
    sha256: str
    size: int
    document: ExtractedDocument
    cleaned: CleanedText
    sections: SectionResult
    metadata: ReportMetadata
    is_annual_report: bool
    metrics: list[Mention] = field(default_factory=list)
    catalog_digest: str = ""
    warnings: list[str] = field(default_factory=list)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def analyse(data: bytes, filename: str, catalog: Catalog | None = None) -> AnalysedReport:
    """Read and analyse one file; raises :class:`~desktop.core.errors.ImportRefused` when it can't.

    ``catalog`` is the metric catalog (the default one, with the reviewer's additions, if None).
    """
    if catalog is None:
        from desktop.core.metrics.store import default_catalog

        catalog = default_catalog()
    document = read_document(data, filename)
    cleaned = clean_text(document.text, document.format, document.edits)
    # The page facts of a pasted web page are the report's source metadata; the importer's own win.
    document.metadata = {**cleaned.page_info, **document.metadata}
    sections = parse_sections(cleaned.text)
    metadata = extract_metadata(cleaned.text, sections.body_end, document.metadata)
    warnings = list(document.warnings) + metadata.warnings
    kind = assess_report(metadata.title, cleaned.text, sections)
    if kind.warning:
        warnings.insert(0, kind.warning)
    return AnalysedReport(
        filename=filename,
        sha256=sha256_of(data),
        size=len(data),
        document=document,
        cleaned=cleaned,
        sections=sections,
        metadata=metadata,
        is_annual_report=kind.is_annual_report,
        metrics=extract_metrics(cleaned.text, sections.sections, catalog, agency=metadata.agency),
        catalog_digest=catalog.digest,
        warnings=warnings,
    )


def analyse_isolated(
    data: bytes,
    filename: str,
    catalog: Catalog | None = None,
    limit: float | None = None,
    shown_limit: float | None = None,
) -> AnalysedReport:
    """:func:`analyse` in the import worker process, within the time and memory limits for one file.

    Every import goes through here: a file that makes a parser (or our own analysis) loop or eat
    memory is stopped and refused with a clear message, and the app and the library are untouched.
    The result lacks the document's layout blocks and edits, which are not stored.
    """
    from desktop.core.importers.worker import call
    from desktop.core.limits import IMPORT_TIMEOUT_SECONDS

    if catalog is None:
        from desktop.core.metrics.store import default_catalog

        catalog = default_catalog()
    result: AnalysedReport = call(
        "analyse",
        (data, filename, catalog),
        filename,
        IMPORT_TIMEOUT_SECONDS if limit is None else limit,
        shown_limit,
    )
    return result
