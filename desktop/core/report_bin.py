"""The bin: reports removed by mistake, kept until the bin is emptied (a lead's right in a team library).

Moving a report to the bin removes it from the library as deleting does, so nothing that lists,
searches, summarises, pairs or compares reports sees it; its annotations and the reviewer's
decisions stay, detached and keyed by the file's sha256. The original file stays in ``report_bin``
with what restoring needs: the review state, which version it replaced or was replaced by, and when
it was imported. Restoring imports the file again (re-analysed like a re-import) under the same id
when no other report has taken it: its annotations, corrections and decisions come back by the
file's sha256, the review state and version links from the bin. Importing the same file again
restores it the same way. Emptying the bin (or part of it) deletes the originals for good.

In a team library the server enforces the roles: binning deletes reports and restoring inserts them
(the lead's grants), and a reviewer's login may read the bin but not change it (db/postgres.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from db import models
from db.types import utc_now
from desktop.core.errors import ImportRefused
from desktop.core.identity_links import Superseding
from desktop.core.report_admin import ReportNotFound, delete_in_session


@dataclass(frozen=True)
class BinEntry:
    """One report in the bin, as listed."""

    report_id: int
    agency: str | None
    year: int | None
    title: str | None
    source_name: str
    source_format: str
    size: int
    imported_at: datetime
    binned_at: datetime
    binned_by: str | None
    annotations: int
    """Its annotations, kept detached until it is restored (or the same file is imported again)."""
    bin_id: int

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["imported_at"] = self.imported_at.isoformat(timespec="seconds")
        data["binned_at"] = self.binned_at.isoformat(timespec="seconds")
        return data


@dataclass(frozen=True)
class BinResult:
    """What moving reports to the bin did."""

    binned: list[int]
    recompared: list[int] = field(default_factory=list)
    """Reports whose prior-year comparison was brought up to date."""
    current_again: list[int] = field(default_factory=list)
    """Earlier versions that are current again (their review carried back to them where it could be)."""
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        text = f"已将报告 {'、'.join(f'#{i}' for i in self.binned)} 移入回收站（可恢复）"
        if self.current_again:
            text += f"；旧版本 {'、'.join(f'#{i}' for i in self.current_again)} 恢复为当前版本"
        return text + "".join(f"；{note}" for note in self.notes) + "。"

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "message": self.describe()}


@dataclass(frozen=True)
class RestoreResult:
    report_id: int
    original_id: int
    """The id it had; differs from ``report_id`` only when another report took that id meanwhile."""
    annotations: int
    warnings: list[str] = field(default_factory=list)

    def describe(self) -> str:
        same = self.report_id == self.original_id
        where = f"报告 #{self.report_id}" + ("" if same else f"（原编号 #{self.original_id} 已被占用）")
        return f"已从回收站恢复为{where}，{self.annotations} 条批注随之恢复。"

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "message": self.describe()}


def bin_reports(
    sessions: sessionmaker[Session], report_ids: Iterable[int], by: str | None = None
) -> BinResult:
    """Move reports to the bin, all or none (one transaction)."""
    wanted = list(dict.fromkeys(report_ids))
    notes: list[str] = []
    with sessions.begin() as session:
        reports = [session.get(models.Report, i) for i in wanted]
        missing = [i for i, r in zip(wanted, reports, strict=True) if r is None]
        if missing:
            raise ReportNotFound(
                f"资料库中没有编号为 {'、'.join(map(str, missing))} 的报告，未移动任何报告。"
            )
        freed: dict[int, list[models.Report]] = {}
        for report in reports:
            assert report is not None
            carried_back = _give_back_carried_review(session, report, notes)
            freed[report.id] = list(
                session.scalars(select(models.Report).where(models.Report.superseded_by_id == report.id))
            )
            _keep(session, report, carried_back, by)
        recompared = delete_in_session(session, wanted)
        current_again = _settle_freed(
            session, [r for group in freed.values() for r in group if r.id not in wanted]
        )
    return BinResult(wanted, recompared, current_again, notes)


def _give_back_carried_review(session: Session, report: models.Report, notes: list[str]) -> bool:
    """Undo the carries into ``report``, so the review goes back to the versions that become current
    again; a carry changed since stays with the report (it comes back when the report does)."""
    from desktop.core.annotations.carry import carries_of, undo_carry
    from desktop.core.annotations.concurrency import EditConflict

    undone = False
    for record in carries_of(session, report.id):
        try:
            with session.begin_nested():
                undo_carry(session, report.id, carry_id=record.id)
            undone = True
        except EditConflict:
            notes.append(f"#{report.id} 的审阅记录在转移后有过修改，随报告一起保存在回收站中")
    return undone


def _keep(session: Session, report: models.Report, carried_back: bool, by: str | None) -> None:
    state = session.get(models.ReviewState, report.id)
    newer = session.get(models.Report, report.superseded_by_id) if report.superseded_by_id else None
    olders = session.scalars(select(models.Report.sha256).where(models.Report.superseded_by_id == report.id))
    saved = {
        "review": None
        if state is None
        else {"status": state.status, "reviewer": state.reviewer, "conclusion": state.conclusion},
        "superseded_by": newer.sha256 if newer is not None else None,
        "supersedes": list(olders),
        "carry_again": carried_back,
    }
    data = session.get(models.ReportFile, report.id)
    session.execute(delete(models.BinnedReport).where(models.BinnedReport.sha256 == report.sha256))
    session.add(
        models.BinnedReport(
            report_id=report.id,
            sha256=report.sha256,
            source_name=report.source_name,
            source_format=report.source_format,
            size=report.size,
            agency=report.agency,
            year=report.year,
            title=report.title,
            imported_at=report.imported_at,
            binned_at=utc_now(),
            binned_by=by,
            saved=saved,
            data=data.data if data is not None else b"",
        )
    )


def _settle_freed(session: Session, freed: list[models.Report]) -> list[int]:
    """Versions that a binned report had replaced: the richest becomes current, the rest stay its
    versions (a Word file binned by mistake leaves its PDF current, not the PDF and the text both)."""
    from desktop.core.version_choice import richness

    groups: dict[tuple[str | None, int | None], list[models.Report]] = {}
    for report in freed:
        session.refresh(report)
        groups.setdefault((report.agency_key, report.year), []).append(report)
    current: list[int] = []
    for group in groups.values():
        keeper = max(group, key=lambda r: (richness(r), r.id))
        for report in group:
            report.superseded_by_id = None if report is keeper else keeper.id
        current.append(keeper.id)
    session.flush()
    return sorted(current)


# Listing, restoring, emptying ---------------------------------------------------------------------------


def list_bin(session: Session) -> list[BinEntry]:
    """The reports in the bin, most recently binned first."""
    b = models.BinnedReport
    counts = dict(
        session.execute(
            select(models.Annotation.report_sha256, func.count(models.Annotation.id))
            .where(models.Annotation.report_id.is_(None))
            .group_by(models.Annotation.report_sha256)
        ).all()
    )
    rows = session.execute(
        select(
            b.id, b.report_id, b.agency, b.year, b.title, b.source_name, b.source_format, b.size,
            b.imported_at, b.binned_at, b.binned_by, b.sha256,
        ).order_by(b.binned_at.desc(), b.id.desc())
    )  # fmt: skip
    return [
        BinEntry(
            report_id=row.report_id,
            agency=row.agency,
            year=row.year,
            title=row.title,
            source_name=row.source_name,
            source_format=row.source_format,
            size=row.size,
            imported_at=row.imported_at,
            binned_at=row.binned_at,
            binned_by=row.binned_by,
            annotations=int(counts.get(row.sha256, 0)),
            bin_id=row.id,
        )
        for row in rows
    ]


def _entry(session: Session, report_id: int) -> models.BinnedReport:
    entry = session.scalar(
        select(models.BinnedReport)
        .where(models.BinnedReport.report_id == report_id)
        .order_by(models.BinnedReport.binned_at.desc(), models.BinnedReport.id.desc())
    )
    if entry is None:
        raise ReportNotFound(f"回收站中没有编号为 {report_id} 的报告。")
    return entry


def restore_report(sessions: sessionmaker[Session], report_id: int) -> RestoreResult:
    """Bring a report back from the bin (re-analysed from its original, as a re-import)."""
    from desktop.core.importing import ImportOutcome, import_bytes, update_derived

    with sessions() as session:
        entry = _entry(session, report_id)
        name, data = entry.source_name, entry.data
    outcome = import_bytes(sessions, data, name, ImportOutcome(file=name, ok=False))
    if not outcome.ok or outcome.report_id is None:
        raise ImportRefused(outcome.error_code or "restore", outcome.error or "报告未能从回收站恢复。")
    update_derived(sessions, [outcome.report_id])
    with sessions() as session:
        annotations = session.scalar(
            select(func.count(models.Annotation.id)).where(models.Annotation.report_id == outcome.report_id)
        )
    warnings = [w for w in outcome.warnings if "回收站" not in w]
    return RestoreResult(outcome.report_id, report_id, int(annotations or 0), warnings)


def empty_bin(sessions: sessionmaker[Session], older_than_days: float | None = None) -> list[int]:
    """Delete the originals in the bin for good (those binned more than ``older_than_days`` ago, or
    all); returns the report ids they had. Their detached annotations stay, as a deleted report's."""
    with sessions.begin() as session:
        query = select(models.BinnedReport.id, models.BinnedReport.report_id)
        if older_than_days is not None:
            query = query.where(models.BinnedReport.binned_at < utc_now() - timedelta(days=older_than_days))
        rows = session.execute(query).all()
        if rows:
            session.execute(
                delete(models.BinnedReport).where(models.BinnedReport.id.in_([r.id for r in rows]))
            )
    return sorted(r.report_id for r in rows)


# Hooks of the import (desktop.core.importing.import_bytes) ------------------------------------------------


def before_restore(session: Session, entry: models.BinnedReport, report: models.Report) -> None:
    """The restored report takes its old id (when free) and import time."""
    if session.get(models.Report, entry.report_id) is None:
        report.id = entry.report_id
    report.imported_at = entry.imported_at


def after_restore(session: Session, entry: models.BinnedReport, report: models.Report) -> list[Superseding]:
    """Put back what binning took: the review state, the version links, the carried review; then the
    entry leaves the bin."""
    saved = entry.saved or {}
    review = saved.get("review")
    if review and session.get(models.ReviewState, report.id) is None:
        session.add(models.ReviewState(report_id=report.id, updated_at=utc_now(), **review))
    done: list[Superseding] = []
    newer_sha = saved.get("superseded_by")
    newer = (
        session.scalar(select(models.Report).where(models.Report.sha256 == newer_sha)) if newer_sha else None
    )
    if newer is not None:
        report.superseded_by_id = newer.id
        done.append(Superseding(report.id, newer.id, "恢复为回收站前的版本关系"))
    else:
        for sha in saved.get("supersedes", []):
            older = session.scalar(select(models.Report).where(models.Report.sha256 == sha))
            # Only a version that is current again goes back under it; a newer one that arrived
            # meanwhile keeps what it replaced.
            if older is not None and older.superseded_by_id in (None, *_siblings(session, sha, saved)):
                older.superseded_by_id = report.id
                done.append(Superseding(older.id, report.id, "恢复为回收站前的版本关系"))
    session.delete(entry)
    session.flush()
    if saved.get("carry_again") and report.superseded_by_id is None:
        from desktop.core.annotations.carry import carry_review, olders_of

        olders = olders_of(session, report)
        if olders:
            carry_review(session, report, olders)
    return done


def _siblings(session: Session, sha: str, saved: dict[str, Any]) -> tuple[int, ...]:
    """Ids of the other versions the binned report had replaced (one of them may have become their
    current version while it was in the bin)."""
    others = [s for s in saved.get("supersedes", []) if s != sha]
    if not others:
        return ()
    return tuple(session.scalars(select(models.Report.id).where(models.Report.sha256.in_(others))))
