"""Writing a review package (``.rdpkg``) from the library."""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import models
from desktop import __version__
from desktop.core.exchange.package import (
    FORMAT,
    VERSION,
    W3C_CONTEXT,
    PackageError,
    content_hash,
    merge_history,
)
from desktop.core.export.privacy import base_name
from desktop.core.importers.sniff import EXTENSION_FORMATS

_CHUNK = 500
"""Ids per ``IN (…)``: well under every database's limit on bound parameters."""


@dataclass
class ExportStats:
    path: str
    annotations: int = 0
    detached: int = 0
    """Annotations whose report is no longer in the library (exported by the file's sha256)."""
    reports: int = 0
    originals: int = 0

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def export_package(
    session: Session,
    report_ids: list[int] | None,
    out_path: str | Path,
    *,
    include_originals: bool = False,
    exported_by: str | None = None,
) -> ExportStats:
    """Write the annotations (and review states) of ``report_ids`` — or of the whole library,
    detached annotations included — to ``out_path``.

    Writes to the session too: every exported annotation remembers its current content hash in
    ``sync_hashes``, so a later import can tell whether the other side changed it or we did. The
    caller commits (``with library.sessions.begin() as session``); if writing the file fails, nothing
    is remembered.
    """
    out = Path(out_path)
    if report_ids is None:
        annotations = list(session.scalars(_annotation_query()))
        wanted = {a.report_id for a in annotations if a.report_id is not None}
        wanted |= set(session.scalars(select(models.ReviewState.report_id)))
        reports = _reports(session, sorted(wanted))
    else:
        ids = sorted(set(report_ids))
        reports = _reports(session, ids)
        missing = sorted(set(ids) - {r.id for r in reports})
        if missing:
            raise PackageError("资料库中没有编号为 " + "、".join(map(str, missing)) + " 的报告。")
        annotations = [
            a
            for chunk in _chunks(ids)
            for a in session.scalars(_annotation_query().where(models.Annotation.report_id.in_(chunk)))
        ]
    by_id = {r.id: r for r in reports}
    reviews = _reviews(session, list(by_id))
    stats = ExportStats(str(out), reports=len(reports))
    items = []
    for annotation in annotations:
        report = by_id.get(annotation.report_id) if annotation.report_id is not None else None
        history = merge_history(
            annotation.sync_hashes or [],
            [content_hash(annotation.category, annotation.severity, annotation.status, annotation.comment)],
        )
        annotation.sync_hashes = history  # a new list: JSON columns do not track in-place changes
        values = {name: getattr(annotation, name) for name in _FIELDS}
        items.append(annotation_json(values, _source(report, annotation.report_sha256), history))
        stats.annotations += 1
        stats.detached += report is None
    with_files = _with_files(session, list(by_id)) if include_originals else set()
    entries = [_report_entry(r, reviews.get(r.id), r.id in with_files) for r in reports]
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": datetime.now().astimezone().isoformat(timespec="seconds"),
        "exported_by": exported_by,
        "generator": f"ReviewDesk {__version__}",
        "annotations": len(items),
        "reports": len(entries),
    }
    collection = {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "total": len(items),
        "items": items,
    }
    files = {"manifest.json": manifest, "annotations.json": collection, "reports.json": entries}
    originals = [(e["original"], r.id) for e, r in zip(entries, reports, strict=True) if e["original"]]
    _write(session, out, files, originals)
    stats.originals = len(originals)
    session.flush()
    return stats


_FIELDS = (
    "id", "category", "severity", "status", "comment", "author", "created_at", "modified_at",
    "quote_exact", "quote_prefix", "quote_suffix", "position_start", "position_end", "text_hash", "rule",
)  # fmt: skip


def _annotation_query() -> Any:
    return select(models.Annotation).order_by(models.Annotation.created_at, models.Annotation.id)


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def _reports(session: Session, ids: list[int]) -> list[models.Report]:
    query = select(models.Report).order_by(models.Report.id)
    return [r for chunk in _chunks(ids) for r in session.scalars(query.where(models.Report.id.in_(chunk)))]


def _reviews(session: Session, ids: list[int]) -> dict[int, models.ReviewState]:
    query = select(models.ReviewState)
    return {
        row.report_id: row
        for chunk in _chunks(ids)
        for row in session.scalars(query.where(models.ReviewState.report_id.in_(chunk)))
    }


def _with_files(session: Session, ids: list[int]) -> set[int]:
    query = select(models.ReportFile.report_id)
    return {
        i
        for chunk in _chunks(ids)
        for i in session.scalars(query.where(models.ReportFile.report_id.in_(chunk)))
    }


def _source(report: models.Report | None, sha256: str) -> dict[str, Any]:
    if report is None:
        return {"sha256": sha256, "agency": None, "year": None, "title": None, "source_name": None}
    return {
        "sha256": report.sha256,
        "agency": report.agency,
        "year": report.year,
        "title": report.title,
        "source_name": base_name(report.source_name),  # never a folder of this computer
    }


def _report_entry(
    report: models.Report, review: models.ReviewState | None, include_original: bool
) -> dict[str, Any]:
    ext = report.source_format if f".{report.source_format}" in EXTENSION_FORMATS else "bin"
    return {
        **_source(report, report.sha256),
        "source_format": report.source_format,
        "original": f"originals/{report.sha256}.{ext}" if include_original else None,
        "review": None
        if review is None
        else {
            "status": review.status,
            "reviewer": review.reviewer,
            "conclusion": review.conclusion,
            "updated_at": review.updated_at.isoformat(),
        },
    }


def _write(session: Session, out: Path, files: dict[str, Any], originals: list[tuple[str, int]]) -> None:
    """Write next to ``out`` and rename at the end, so a failed export never leaves half a package."""
    part = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                archive.writestr(name, package_json(data))
            for name, report_id in originals:
                # One original at a time: a whole library's files never sit in memory together.
                data = session.scalar(
                    select(models.ReportFile.data).where(models.ReportFile.report_id == report_id)
                )
                archive.writestr(name, data or b"")
        os.replace(part, out)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise PackageError(f"无法写入审阅包 {out}：{error.strerror or error}") from error


def annotation_json(values: dict[str, Any], source: dict[str, Any], history: list[str]) -> dict[str, Any]:
    """One W3C-style annotation from the stored fields (``models.Annotation`` attribute names)."""
    item: dict[str, Any] = {
        "id": f"urn:uuid:{values['id']}",
        "type": "Annotation",
        "motivation": "commenting",
        "created": values["created_at"].isoformat(),
        "modified": values["modified_at"].isoformat(),
        "body": {
            "type": "TextualBody",
            "value": values["comment"],
            "format": "text/plain",
            "language": "zh-CN",
            "category": values["category"],
            "severity": values["severity"],
            "status": values["status"],
            **({"rule": values["rule"]} if values.get("rule") else {}),
        },
        "target": {
            "source": source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": values["quote_exact"],
                    "prefix": values["quote_prefix"],
                    "suffix": values["quote_suffix"],
                },
                {
                    "type": "TextPositionSelector",
                    "start": values["position_start"],
                    "end": values["position_end"],
                },
            ],
            "text_hash": values["text_hash"],
        },
        "history": history,
    }
    if values.get("author"):
        item["creator"] = {"type": "Person", "name": values["author"]}
    return item


def package_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
