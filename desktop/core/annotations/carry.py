"""Carrying the review of earlier versions to a newer version of the same report, and undoing it.

When an issuer sends a corrected report, the reviewer's work must not stay behind on the hidden old
version: its annotations move to the new version (re-anchored on the new text by quote and context;
those whose passage is gone stay, as orphans), its review status, reviewer and conclusion go with
them when the new version has none of its own, and the reviewer's decisions on figures and findings
(keyed by file) follow. Everything is recorded in one ``version_carries`` row, so the whole carry can
be undone as a unit.

Several reviewers on one library: every annotation and review state carries an optimistic version.
Moving one bumps it; a row changed by another reviewer between the read and the write makes the
carry raise :class:`~desktop.core.annotations.concurrency.EditConflict` (nothing is written). Undoing
puts a row back only if it is still as the carry left it: if anyone changed or re-annotated it since,
the undo refuses as a whole and says what changed, rather than undo someone's later work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db import models
from db.types import utc_now
from desktop.core.annotations.anchoring import anchor, text_hash
from desktop.core.annotations.concurrency import EditConflict
from desktop.core.annotations.store import annotations_of, selectors_of
from desktop.core.annotations.taxonomy import AnnotationError
from desktop.core.annotations.workflow import REVIEW_STATUSES

_ANNOTATION_PLACE = ("report_sha256", "position_start", "position_end", "text_hash", "orphan")
_REVIEW_FIELDS = ("status", "reviewer", "conclusion")


@dataclass(frozen=True)
class CarryResult:
    """What one carry moved to ``newer_id`` (``carry_id`` None: there was nothing to carry)."""

    carry_id: int | None
    newer_id: int
    older_ids: tuple[int, ...]
    annotations: int = 0
    anchored: int = 0
    """Of the annotations, those placed on the new text."""
    orphaned: int = 0
    """Those whose passage is not in the new text: kept, listed apart (never dropped)."""
    status: str | None = None
    """The review status carried (None: none carried)."""
    reviewer: str | None = None
    conclusion: bool = False
    """A conclusion was carried."""
    figure_reviews: int = 0
    finding_decisions: int = 0
    notes: tuple[str, ...] = ()

    @property
    def moved_anything(self) -> bool:
        return self.carry_id is not None

    @property
    def status_label(self) -> str | None:
        return REVIEW_STATUSES.get(self.status, self.status) if self.status else None

    def describe(self) -> str:
        """The import summary's sentence: what moved from which version."""
        olders = "、".join(f"#{i}" for i in self.older_ids)
        if not self.moved_anything:
            return f"旧版本 {olders} 没有需要转移的审阅记录"
        parts = [
            f"{self.annotations} 条批注（{self.anchored} 条已定位到新文本，{self.orphaned} 条原文已无法定位）"
        ]
        if self.status:
            parts.append(f"审阅状态“{self.status_label}”")
        if self.conclusion:
            parts.append("审阅结论")
        if self.figure_reviews:
            parts.append(f"{self.figure_reviews} 项数字核对")
        if self.finding_decisions:
            parts.append(f"{self.finding_decisions} 项提示处理")
        text = f"已从旧版本 {olders} 转移审阅记录：" + "、".join(parts)
        return text + "".join(f"；{note}" for note in self.notes)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["older_ids"] = list(self.older_ids)
        data["notes"] = list(self.notes)
        data["status_label"] = self.status_label
        data["message"] = self.describe()
        return data


@dataclass(frozen=True)
class UndoResult:
    """What undoing a carry put back on the earlier versions."""

    carry_id: int
    newer_id: int
    older_ids: tuple[int, ...]
    annotations: int = 0
    review_restored: bool = False
    figure_reviews: int = 0
    finding_decisions: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)

    def describe(self) -> str:
        olders = "、".join(f"#{i}" for i in self.older_ids) or "旧版本"
        text = f"已撤销向 #{self.newer_id} 的转移：{self.annotations} 条批注已移回 {olders}"
        if self.review_restored:
            text += f"，#{self.newer_id} 的审阅状态和结论已恢复为转移前"
        return text + "".join(f"；{note}" for note in self.notes)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["older_ids"] = list(self.older_ids)
        data["notes"] = list(self.notes)
        data["message"] = self.describe()
        return data


def carry_review(
    session: Session, newer: models.Report, olders: Sequence[models.Report], by: str | None = None
) -> CarryResult:
    """Move the review of ``olders`` (earlier versions) to ``newer``, recorded as one undoable step."""
    key = newer.id  # read now: after a failed flush the session may not load it again
    try:
        return _carry(session, newer, olders, by)
    except StaleDataError as error:  # another reviewer saved one of these rows meanwhile
        raise EditConflict("annotation", key, _LOST_RACE) from error


_LOST_RACE = "其他审阅人刚刚修改了旧版本的批注或审阅状态，审阅记录未转移。请稍后重试。"


def _carry(
    session: Session, newer: models.Report, olders: Sequence[models.Report], by: str | None
) -> CarryResult:
    from desktop.core.findings.decisions import move_decisions
    from desktop.core.metrics.reviews import move_reviews

    olders = [o for o in olders if o.id != newer.id]
    if not olders:
        raise AnnotationError("没有可转移审阅记录的旧版本。")
    text = newer.clean_text
    digest = text_hash(text)
    moved: list[dict[str, Any]] = []
    anchored = orphaned = 0
    for older in olders:
        for annotation in annotations_of(session, older.id):
            before = {
                "report_id": older.id,
                **{name: getattr(annotation, name) for name in _ANNOTATION_PLACE},
            }
            span = anchor(text, selectors_of(annotation), digest)
            annotation.report_id, annotation.report_sha256 = newer.id, newer.sha256
            if span is None:
                annotation.orphan = True  # the old positions still describe the text they were made on
                orphaned += 1
            else:
                annotation.position_start, annotation.position_end = span
                annotation.text_hash, annotation.orphan = digest, False
                anchored += 1
            moved.append({"id": annotation.id, "before": before, "older_sha256": older.sha256})
    review, notes = _carry_state(session, newer, olders)
    figures = move_reviews(session, [o.sha256 for o in olders], newer.sha256, text)
    decisions = move_decisions(session, olders, newer)
    _flush(session, newer.id)
    if not moved and review is None and not figures and not decisions:
        return CarryResult(None, newer.id, tuple(o.id for o in olders), notes=tuple(notes))
    for entry in moved:  # the versions the moves produced: an undo checks nobody changed them since
        entry["version"] = session.get(models.Annotation, entry["id"]).version  # type: ignore[union-attr]
    if review is not None:
        state = session.get(models.ReviewState, newer.id)
        review["version"] = state.version if state is not None else None
    result = CarryResult(
        carry_id=None,
        newer_id=newer.id,
        older_ids=tuple(o.id for o in olders),
        annotations=len(moved),
        anchored=anchored,
        orphaned=orphaned,
        status=review["carried"]["status"] if review else None,
        reviewer=review["carried"]["reviewer"] if review else None,
        conclusion=bool(review and review["carried"]["conclusion"]),
        figure_reviews=len(figures),
        finding_decisions=len(decisions),
        notes=tuple(notes),
    )
    record = models.VersionCarry(
        newer_id=newer.id,
        newer_sha256=newer.sha256,
        older_ids=[o.id for o in olders],
        older_sha256s=[o.sha256 for o in olders],
        moves={
            "annotations": moved,
            "review": review,
            "figure_reviews": figures,
            "finding_decisions": decisions,
        },
        summary=result.as_json(),
        carried_by=by,
        carried_at=utc_now(),
    )
    session.add(record)
    session.flush()
    return replace(result, carry_id=record.id)


def _carry_state(
    session: Session, newer: models.Report, olders: Sequence[models.Report]
) -> tuple[dict[str, Any] | None, list[str]]:
    """The status, reviewer and conclusion of the most recently reviewed older version, unless the
    newer version has its own already (never overwritten)."""
    states = [s for o in olders if (s := session.get(models.ReviewState, o.id)) is not None and _worked(s)]
    if not states:
        return None, []
    source = max(states, key=lambda s: s.updated_at)
    own = session.get(models.ReviewState, newer.id)
    if own is not None and _worked(own):
        return None, [f"新版本已有自己的审阅状态（{REVIEW_STATUSES.get(own.status, own.status)}），未覆盖"]
    before = None if own is None else {name: getattr(own, name) for name in _REVIEW_FIELDS}
    if own is None:
        own = models.ReviewState(report_id=newer.id, status="unreviewed", conclusion="")
        session.add(own)
    carried = {name: getattr(source, name) for name in _REVIEW_FIELDS}
    for name, value in carried.items():
        setattr(own, name, value)
    own.updated_at = utc_now()
    return {"before": before, "carried": carried, "from": source.report_id}, []


def _worked(state: models.ReviewState) -> bool:
    return state.status != "unreviewed" or bool((state.conclusion or "").strip()) or bool(state.reviewer)


def _flush(session: Session, key: object, message: str = _LOST_RACE) -> None:
    try:
        session.flush()
    except StaleDataError as error:  # another reviewer saved one of these rows meanwhile
        raise EditConflict("annotation", key, message) from error


_UNDO_RACE = "其他审阅人刚刚修改了转移过来的批注或审阅状态，撤销未执行，没有改动任何内容。"


# Undo -----------------------------------------------------------------------------------------------


def carries_of(session: Session, report_id: int, active_only: bool = True) -> list[models.VersionCarry]:
    """The carries into ``report_id``, newest first."""
    query = select(models.VersionCarry).where(models.VersionCarry.newer_id == report_id)
    if active_only:
        query = query.where(models.VersionCarry.undone_at.is_(None))
    return list(session.scalars(query.order_by(models.VersionCarry.id.desc())))


def carries_from(session: Session, older: models.Report) -> list[models.VersionCarry]:
    """Active carries that took the review of ``older`` away."""
    rows = session.scalars(select(models.VersionCarry).where(models.VersionCarry.undone_at.is_(None)))
    return [row for row in rows if older.sha256 in (row.older_sha256s or [])]


def undo_carry(
    session: Session, report_id: int, by: str | None = None, carry_id: int | None = None
) -> UndoResult:
    """Put back what the newest carry into ``report_id`` (or carry ``carry_id``) moved.

    Refuses as a whole (:class:`EditConflict`, nothing written) when something it moved was changed
    since; annotations deleted since stay deleted. An earlier version no longer in the library gets
    its annotations back detached, as a deleted report's: they return when its file does.
    """
    try:
        return _undo(session, report_id, by, carry_id)
    except StaleDataError as error:
        raise EditConflict("annotation", report_id, _UNDO_RACE) from error


def _undo(session: Session, report_id: int, by: str | None, carry_id: int | None) -> UndoResult:
    if carry_id is not None:
        record = session.get(models.VersionCarry, carry_id)
        if record is None or record.newer_id != report_id or record.undone_at is not None:
            raise AnnotationError(f"报告 #{report_id} 没有编号为 {carry_id} 的待撤销转移。")
    else:
        found = carries_of(session, report_id)
        if not found:
            raise AnnotationError(f"报告 #{report_id} 没有从旧版本转移来的审阅记录可撤销。")
        record = found[0]
    moves = record.moves or {}
    changed, notes = _check_unchanged(session, record, moves)
    if changed:
        raise EditConflict(
            "annotation",
            record.id,
            "转移之后又有人修改了" + "、".join(changed) + "：撤销未执行，没有改动任何内容。"
            "请先撤销或处理这些修改后再试。",
        )
    ids_by_sha: dict[str, int | None] = {}

    def report_of(sha: str) -> int | None:
        if sha not in ids_by_sha:
            ids_by_sha[sha] = session.scalar(select(models.Report.id).where(models.Report.sha256 == sha))
        return ids_by_sha[sha]

    annotations = 0
    for entry in moves.get("annotations", []):
        row = session.get(models.Annotation, entry["id"])
        if row is None:
            continue
        before = entry["before"]
        row.report_id = report_of(before["report_sha256"])
        for name in _ANNOTATION_PLACE:
            setattr(row, name, before[name])
        annotations += 1
    review_restored = _undo_state(session, record.newer_id, moves.get("review"))
    from desktop.core.findings.decisions import unmove_decisions
    from desktop.core.metrics.reviews import unmove_reviews

    figures = unmove_reviews(session, moves.get("figure_reviews", []))
    decisions = unmove_decisions(session, moves.get("finding_decisions", []), report_of)
    record.undone_at, record.undone_by = utc_now(), by
    _flush(session, record.id, _UNDO_RACE)
    olders = tuple(i for sha in record.older_sha256s if (i := report_of(sha)) is not None)
    gone = [sha for sha in record.older_sha256s if report_of(sha) is None]
    if gone:
        notes.append(f"{len(gone)} 份旧版本已不在资料库中，其批注暂时分离保存，重新导入该文件后恢复")
    return UndoResult(
        record.id, record.newer_id, olders, annotations, review_restored, figures, decisions, tuple(notes)
    )


def _check_unchanged(
    session: Session, record: models.VersionCarry, moves: dict[str, Any]
) -> tuple[list[str], list[str]]:
    changed: list[str] = []
    notes: list[str] = []
    edited = deleted = 0
    for entry in moves.get("annotations", []):
        row = session.get(models.Annotation, entry["id"])
        if row is None:
            deleted += 1
        elif row.version != entry.get("version") or row.report_id != record.newer_id:
            edited += 1
    if edited:
        changed.append(f"{edited} 条转移过来的批注")
    if deleted:
        notes.append(f"{deleted} 条批注在转移后已被删除，不再恢复")
    review = moves.get("review")
    if review is not None:
        state = session.get(models.ReviewState, record.newer_id)
        if (state.version if state is not None else None) != review.get("version"):
            changed.append("新版本的审阅状态或结论")
    from desktop.core.findings.decisions import decisions_changed
    from desktop.core.metrics.reviews import reviews_changed

    if count := reviews_changed(session, moves.get("figure_reviews", [])):
        changed.append(f"{count} 项数字核对")
    if count := decisions_changed(session, moves.get("finding_decisions", [])):
        changed.append(f"{count} 项提示处理")
    return changed, notes


def _undo_state(session: Session, newer_id: int, review: dict[str, Any] | None) -> bool:
    if review is None:
        return False
    state = session.get(models.ReviewState, newer_id)
    before = review.get("before")
    if state is None:
        return False
    if before is None:
        session.delete(state)
    else:
        for name in _REVIEW_FIELDS:
            setattr(state, name, before[name])
        state.updated_at = utc_now()
    return True


def carried_summary(session: Session, report_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The newest active carry's summary of each report (for ``show`` and the import summary)."""
    if not report_ids:
        return {}
    query = (
        select(models.VersionCarry)
        .where(models.VersionCarry.newer_id.in_(list(report_ids)), models.VersionCarry.undone_at.is_(None))
        .order_by(models.VersionCarry.id)
    )
    return {row.newer_id: {**(row.summary or {}), "carry_id": row.id} for row in session.scalars(query)}


def olders_of(session: Session, newer: models.Report) -> list[models.Report]:
    """The versions ``newer`` superseded directly (what a carry into it takes from)."""
    query = select(models.Report).where(
        models.Report.superseded_by_id == newer.id, models.Report.id != newer.id
    )
    return list(session.scalars(query.order_by(models.Report.id)))
