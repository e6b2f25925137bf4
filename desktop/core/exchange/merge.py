"""Importing a review package: new reports through the normal pipeline, then annotations merged by id.

Merge rules for an annotation of the package (``incoming``) against the library (``local``), by the
hash of what a reviewer can change (category, severity, status, comment) and the *history* of such
hashes each side had when it exported or imported the annotation (``Annotation.sync_hashes``; a
package carries each annotation's history, its current hash last):

- unknown id → **added**: anchored in the report with the same sha256; when that file is not in the
  library the annotation is kept detached (``report_id`` NULL, counted as *pending*) and
  :func:`~desktop.core.annotations.attach_orphans_by_sha` attaches it when the file is imported;
- same content → **unchanged** (a second import adds nothing);
- local hash in the incoming history → the other side built on our version: **updated**
  (fast-forward; the local positions are kept, they belong to our text);
- incoming hash in the local history → we built on theirs: **unchanged** (local kept);
- otherwise both sides edited it since they last shared it → local kept, a **conflict** recorded
  (one open conflict per annotation; the reviewer settles it, :mod:`desktop.core.exchange.conflicts`).

Histories rather than a single "last synced" hash make three or more libraries work: A's second
export is not mistaken for the base B edited. Deleting is not exchanged (no tombstones): an
annotation deleted here that comes in again is added again — a package never silently removes a
reviewer's comment. Review states: the newer ``updated_at`` wins, for reports in the library.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db import models
from db.session import Library
from desktop.core.annotations.reanchor import reanchor_report
from desktop.core.exchange.package import (
    IncomingAnnotation,
    IncomingReport,
    Package,
    content_hash,
    merge_history,
    read_package,
)

_CHUNK = 500
log = logging.getLogger("reviewdesk.exchange")


@dataclass
class ImportStats:
    """What an import did. added + updated + unchanged + conflicts = the package's annotations;
    ``pending`` counts those of them whose report is not in the library (kept detached)."""

    package: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    pending: int = 0
    orphaned: int = 0
    """Added annotations whose passage was not found in the report's text."""
    reports_imported: int = 0
    review_states: int = 0
    failed_originals: list[str] = field(default_factory=list)
    """One Chinese message per original file the import pipeline refused."""
    notes: list[str] = field(default_factory=list)
    """Values the package had that are not in the reviewer's taxonomy, and what they became."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def import_package(target: Library | sessionmaker[Session], path: str | Path) -> ImportStats:
    """Import ``path`` into the library; raises :class:`~desktop.core.exchange.package.PackageError`
    (library unchanged) when the package cannot be used. One transaction for the merge; new report
    files are imported first, one transaction each, like any imported file."""
    sessions = target.sessions if isinstance(target, Library) else target
    source = Path(path)
    package = read_package(source)
    stats = ImportStats(package=source.name, notes=list(package.notes))
    new_ids = _import_originals(sessions, package, stats)
    with sessions.begin() as session:
        merge_package(session, package, stats, source.name)
    if new_ids:
        from desktop.core.importing import update_derived

        update_derived(sessions, new_ids)
    return stats


def _import_originals(sessions: sessionmaker[Session], package: Package, stats: ImportStats) -> list[int]:
    if not package.originals:
        return []
    from desktop.core.errors import ImportRefused
    from desktop.core.importing import ImportOutcome, import_bytes

    with sessions() as session:
        present = _present(session, list(package.originals))
    new_ids = []
    for report in package.reports:
        data = package.originals.get(report.sha256)
        if data is None or report.sha256 in present:
            continue
        name = _filename(report)
        try:
            outcome = import_bytes(sessions, data, name, ImportOutcome(file=name, ok=False))
        except ImportRefused as refused:
            stats.failed_originals.append(f"{name}：{refused.message}")
            continue
        except Exception as error:  # a bug in one reader must not lose the package's annotations
            log.exception("import of %s from a review package failed", name)
            stats.failed_originals.append(f"{name}：导入时发生内部错误：{error!r}")
            continue
        if outcome.ok and outcome.report_id is not None and not outcome.duplicate:
            new_ids.append(outcome.report_id)
    stats.reports_imported = len(new_ids)
    return new_ids


def _filename(report: IncomingReport) -> str:
    """The original name when its extension says what it is (the readers check it against the bytes)."""
    from desktop.core.importers.sniff import EXTENSION_FORMATS

    name = report.source_name.strip()
    if name and PurePath(name).suffix.lower() in EXTENSION_FORMATS:
        return name
    return f"{report.sha256[:12]}.{report.source_format}"


def _present(session: Session, shas: list[str]) -> dict[str, int]:
    query = select(models.Report.sha256, models.Report.id)
    return {
        sha: report_id
        for i in range(0, len(shas), _CHUNK)
        for sha, report_id in session.execute(query.where(models.Report.sha256.in_(shas[i : i + _CHUNK])))
    }


def merge_package(session: Session, package: Package, stats: ImportStats, source: str = "") -> None:
    """Merge the annotations and review states of ``package`` into the library (caller commits)."""
    incoming = package.annotations
    shas = sorted({a.report_sha256 for a in incoming} | {r.sha256 for r in package.reports})
    reports = _present(session, shas)
    ids = [a.id for a in incoming]
    local = {
        a.id: a
        for i in range(0, len(ids), _CHUNK)
        for a in session.scalars(
            select(models.Annotation).where(models.Annotation.id.in_(ids[i : i + _CHUNK]))
        )
    }
    conflicts = {
        c.annotation_id: c
        for i in range(0, len(ids), _CHUNK)
        for c in session.scalars(
            select(models.AnnotationConflict).where(
                models.AnnotationConflict.annotation_id.in_(ids[i : i + _CHUNK])
            )
        )
    }
    added: dict[str, int] = {}
    for item in incoming:
        report_id = reports.get(item.report_sha256)
        stats.pending += report_id is None
        existing = local.get(item.id)
        if existing is None:
            session.add(_new_annotation(item, report_id))
            stats.added += 1
            if report_id is not None:
                added[item.id] = report_id
            continue
        _merge_one(session, existing, item, conflicts.get(item.id), stats, source)
    session.flush()
    for report_id in sorted(set(added.values())):
        report = session.get(models.Report, report_id)
        if report is not None:
            summary = reanchor_report(session, report)
            stats.orphaned += len(set(summary.orphaned) & set(added))
    for entry in package.reports:
        if entry.review is not None and entry.sha256 in reports:
            stats.review_states += _merge_review(session, reports[entry.sha256], entry)
    session.flush()


def decide(local_hash: str, local_history: list[str], item: IncomingAnnotation) -> str:
    """``unchanged``, ``update``, ``keep`` (local is newer) or ``conflict``; see the module docstring."""
    if local_hash == item.content_hash:
        return "unchanged"
    if local_hash in item.history:
        return "update"
    if item.content_hash in local_history:
        return "keep"
    return "conflict"


def _merge_one(
    session: Session,
    local: models.Annotation,
    item: IncomingAnnotation,
    conflict: models.AnnotationConflict | None,
    stats: ImportStats,
    source: str,
) -> None:
    history = local.sync_hashes or []
    local_hash = content_hash(local.category, local.severity, local.status, local.comment)
    outcome = decide(local_hash, history, item)
    if outcome == "conflict":
        stats.conflicts += 1
        _record_conflict(session, local, item, conflict, source)
        return
    if outcome == "update":
        apply_incoming(local, item.content())
        stats.updated += 1
        current = [local_hash, item.content_hash]
    else:
        stats.unchanged += 1
        current = [item.content_hash, local_hash]
    local.sync_hashes = merge_history(history, item.history, current)  # the version we now hold last
    if conflict is not None and outcome != "keep":
        # Both sides now agree (or the other side already built on ours): nothing left to settle.
        session.delete(conflict)


def apply_incoming(local: models.Annotation, content: dict[str, Any]) -> None:
    """Take the package's version of the reviewer's fields (the anchoring stays local)."""
    for name in ("category", "severity", "status", "comment"):
        setattr(local, name, content[name])
    local.modified_at = datetime.fromisoformat(content["modified_at"])


def _record_conflict(
    session: Session,
    local: models.Annotation,
    item: IncomingAnnotation,
    conflict: models.AnnotationConflict | None,
    source: str,
) -> None:
    if conflict is not None:
        known = conflict.incoming.get("history") or []
        if conflict.incoming_hash == item.content_hash or item.content_hash in known:
            return  # the same (or an older) incoming version is already waiting
    else:
        conflict = models.AnnotationConflict(annotation_id=local.id)
        session.add(conflict)
    conflict.incoming = item.content()
    conflict.incoming_hash = item.content_hash
    conflict.source = source[:500]
    conflict.detected_at = datetime.now()


def _new_annotation(item: IncomingAnnotation, report_id: int | None) -> models.Annotation:
    # Stored as the package gives it; re-anchoring (now, or when the file arrives) fixes positions.
    return models.Annotation(
        id=item.id,
        report_id=report_id,
        report_sha256=item.report_sha256,
        category=item.category,
        severity=item.severity,
        status=item.status,
        comment=item.comment,
        author=item.author,
        created_at=item.created_at,
        modified_at=item.modified_at,
        quote_exact=item.exact,
        quote_prefix=item.prefix,
        quote_suffix=item.suffix,
        position_start=item.start,
        position_end=item.end,
        text_hash=item.text_hash,
        orphan=False,
        sync_hashes=merge_history(item.history, [item.content_hash]),
        rule=item.rule,
    )


def _merge_review(session: Session, report_id: int, report: IncomingReport) -> int:
    review = report.review
    if review is None:
        return 0
    row = session.get(models.ReviewState, report_id)
    if row is not None and row.updated_at >= review.updated_at:
        return 0
    if row is None:
        row = models.ReviewState(report_id=report_id)
        session.add(row)
    row.status, row.reviewer, row.conclusion = review.status, review.reviewer, review.conclusion
    row.updated_at = review.updated_at
    return 1
