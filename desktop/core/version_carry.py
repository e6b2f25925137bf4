"""Carrying the review to the current version of a report, for the import and for a reviewer's command.

The moves themselves are in :mod:`desktop.core.annotations.carry` (on a session the caller owns);
here they run as whole operations: after an import batch (:func:`carry_batch`), or for one report on
the reviewer's word (:func:`carry_to`, :func:`undo_last_carry`, each one transaction returning a
plain result for the window's undo stack or the command line).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db import models
from db.errors import describe, is_storage_error
from desktop.core.annotations.carry import CarryResult, UndoResult, carry_review, olders_of, undo_carry
from desktop.core.annotations.taxonomy import AnnotationError

if TYPE_CHECKING:
    from desktop.core.importing import ImportOutcome

log = logging.getLogger("reviewdesk.carry")


def current_version(session: Session, report_id: int) -> int:
    """Follow ``superseded_by`` to the current version (the id itself when it is current)."""
    seen = {report_id}
    current = report_id
    while True:
        newer = session.scalar(select(models.Report.superseded_by_id).where(models.Report.id == current))
        if newer is None or newer in seen:
            return current
        seen.add(newer)
        current = newer


def carry_batch(sessions: sessionmaker[Session], outcomes: Sequence[ImportOutcome], by: str | None) -> None:
    """After a batch: carry each replaced version's review to its report's current version.

    Only versions that were current before the batch carry anything (the batch's own files have no
    review yet), and each goes straight to the version that is current after the whole batch (a
    folder with the report in four formats carries once, to the richest). A carry that cannot be
    stored is a warning on the file's outcome: the import itself is kept.
    """
    batch = {o.report_id for o in outcomes if o.report_id is not None}
    replaced: set[int] = set()
    for outcome in outcomes:
        for item in outcome.identity.get("superseding", []):
            if item["older"] not in batch:
                replaced.add(item["older"])
    if not replaced:
        return
    with sessions() as session:
        groups: dict[int, list[int]] = {}
        for older in sorted(replaced):
            current = current_version(session, older)
            if current in batch and current != older:
                groups.setdefault(current, []).append(older)
    by_report = {o.report_id: o for o in outcomes}
    for newer_id, older_ids in groups.items():
        outcome = by_report[newer_id]
        try:
            with sessions.begin() as session:
                newer = session.get(models.Report, newer_id)
                olders = [r for i in older_ids if (r := session.get(models.Report, i)) is not None]
                if newer is None or not olders:
                    continue
                result = carry_review(session, newer, olders, by)
            outcome.carry = result.as_json()
        except AnnotationError as error:
            outcome.warnings.append(f"旧版本的审阅记录未能转移到本文件：{error}")
        except Exception as error:
            if not is_storage_error(error):
                raise
            log.warning("review not carried to %s", newer_id, exc_info=True)
            outcome.warnings.append(f"旧版本的审阅记录未能转移到本文件：{describe(error).message}")


def carry_to(
    sessions: sessionmaker[Session],
    newer_id: int,
    older_ids: Iterable[int] | None = None,
    by: str | None = None,
) -> CarryResult:
    """Carry the review of ``older_ids`` (default: the versions ``newer_id`` superseded) to it."""
    with sessions.begin() as session:
        newer = session.get(models.Report, newer_id)
        if newer is None:
            raise AnnotationError(f"资料库中没有编号为 {newer_id} 的报告。")
        if older_ids is None:
            olders = olders_of(session, newer)
            if not olders:
                raise AnnotationError(f"报告 #{newer_id} 没有被它取代的旧版本，没有可转移的审阅记录。")
        else:
            olders = []
            for older_id in older_ids:
                older = session.get(models.Report, older_id)
                if older is None or older.id == newer_id:
                    raise AnnotationError(f"资料库中没有编号为 {older_id} 的另一份报告。")
                olders.append(older)
        return carry_review(session, newer, olders, by)


def undo_last_carry(
    sessions: sessionmaker[Session], newer_id: int, by: str | None = None, carry_id: int | None = None
) -> UndoResult:
    """Undo the newest carry into ``newer_id`` (or carry ``carry_id``), as one transaction."""
    with sessions.begin() as session:
        if session.get(models.Report, newer_id) is None:
            raise AnnotationError(f"资料库中没有编号为 {newer_id} 的报告。")
        return undo_carry(session, newer_id, by, carry_id)
