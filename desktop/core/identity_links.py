"""Versions and prior-year reports: what happens automatically, what the reviewer decides.

A report supersedes another only when both have the same *confident* agency identity, the same
year, and substantially the same text (openings such as ``现将…报告如下`` and the usual political
phrases do not count). Anything less is shown as "possible earlier version" for the reviewer to
confirm. The reviewer's decisions (this is / is not an earlier version; compare with that report)
are stored by the files' sha256 in ``report_links``, so they survive re-processing and re-import.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, undefer

from db import models
from desktop.core.agency import AgencyIdentity, identity_of_name

VERSION_OVERLAP = 0.5
"""Share of the shorter text's substantive 8-character shingles found in the other. Two files of
one report (Word and PDF, a corrected re-issue) share far more; two different reports of one
issuer and year (a report and a work summary) share far less."""
_SHINGLE = 8
_BOILERPLATE = re.compile(
    "|".join(
        (
            r"现将[^。]{0,60}?(?:报告|汇报)如下",
            r"习近平新时代中国特色社会主义思想",
            r"习近平法治思想",
            r"党的二十大(?:和二十届[一二三四五六七]中(?:、[一二三四五六七]中)*全会)?精神",
            r"法治政府建设",
            r"党政主要负责人履行推进法治建设第一责任人职责(?:情况)?",
            r"存在的(?:不足|问题)和(?:原因|不足)",
            r"下一(?:年度|步)(?:主要)?(?:工作)?(?:安排|打算|计划)",
            r"其他需要报告的情况",
            r"来源[:：]\S*",
        )
    )
)
VERSION, PRIOR = "version", "prior"
CONFIRMED, REJECTED = "confirmed", "rejected"


def _shingles(text: str) -> set[int]:
    letters = re.sub(r"[^\u4e00-\u9fff]+", "", _BOILERPLATE.sub("", text))
    return {hash(letters[i : i + _SHINGLE]) for i in range(max(0, len(letters) - _SHINGLE + 1))}


def substantive_overlap(a: str, b: str) -> float:
    """How much of the shorter text, boilerplate aside, is also in the other (0–1)."""
    first, second = _shingles(a), _shingles(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def identity_of(report: models.Report) -> AgencyIdentity:
    return AgencyIdentity.from_json(report.agency_evidence)


def compatible(a: models.Report, b: models.Report) -> bool:
    """Could the two reports be of one issuer? Same kind of body, and no place that differs
    (山西省司法厅 and 陕西省司法厅 are not; 省司法厅 and 山西省司法厅 may be)."""
    if a.agency_confident and b.agency_confident and a.agency_key and b.agency_key:
        return a.agency_key == b.agency_key
    first, second = identity_of(a), identity_of(b)
    if not first.name or not second.name:
        return False
    bodies = {first.body, second.body}
    if len(bodies) > 1 and not bodies <= {"人民政府"}:
        return False
    return _places_fit(_places(first), _places(second))


def _places(identity: AgencyIdentity) -> list[str]:
    if identity.places:
        return identity.places
    if identity.suggestion:
        return identity_of_name(identity.suggestion).places
    return []


def _places_fit(first: list[str], second: list[str]) -> bool:
    if not first or not second:
        return True
    short, long = sorted((first, second), key=len)
    return all(place in long for place in short)


def decisions(session: Session, kind: str, sha256: str) -> list[models.ReportLink]:
    """Decisions of ``kind`` that involve the file ``sha256`` on either side."""
    link = models.ReportLink
    query = select(link).where(link.kind == kind, or_(link.sha256 == sha256, link.other_sha256 == sha256))
    return list(session.scalars(query))


def record(session: Session, kind: str, sha256: str, other: str, decision: str, by: str | None) -> None:
    link = models.ReportLink
    row = session.scalar(
        select(link).where(link.kind == kind, link.sha256 == sha256, link.other_sha256 == other)
    )
    if row is None:
        row = link(kind=kind, sha256=sha256, other_sha256=other, decision=decision, decided_at=datetime.now())
        session.add(row)
    row.decision, row.decided_by, row.decided_at = decision, by, datetime.now()
    if kind == VERSION:  # one decision per pair, whichever way round it was made
        reverse = session.scalar(
            select(link).where(link.kind == kind, link.sha256 == other, link.other_sha256 == sha256)
        )
        if reverse is not None:
            session.delete(reverse)


@dataclass
class Superseding:
    older: int
    newer: int
    reason: str
    kind: str = "version"
    """``version``: a newer (corrected) version; ``format``: the same text in a richer format
    (:mod:`desktop.core.version_choice`); ``confirmed``: the reviewer's decision."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _by_sha(session: Session, sha256: str) -> models.Report | None:
    return session.scalar(select(models.Report).where(models.Report.sha256 == sha256))


def supersede_older_versions(session: Session, report: models.Report) -> list[Superseding]:
    """Mark what ``report`` (just imported) supersedes, or what supersedes it, by the reviewer's
    decisions first and then by a confident identity and substantially the same text.

    A file with the same text as the current version in a richer format (the PDF of a Word file
    already here) does not replace it: it becomes another version of it, whatever the import order.
    """
    from desktop.core import version_choice

    done: list[Superseding] = []
    decided: set[str] = set()
    for link in decisions(session, VERSION, report.sha256):
        newer_sha, older_sha = link.sha256, link.other_sha256
        decided.add(older_sha if newer_sha == report.sha256 else newer_sha)
        if link.decision != CONFIRMED:
            continue
        newer, older = _by_sha(session, newer_sha), _by_sha(session, older_sha)
        if newer is None or older is None:
            continue
        older.superseded_by_id = newer.id
        if newer.superseded_by_id == older.id:
            newer.superseded_by_id = None
        done.append(Superseding(older.id, newer.id, "审阅人已确认为旧版本", "confirmed"))
    if not report.agency_confident or not report.agency_key or not report.year:
        return done
    if report.superseded_by_id is not None:
        return done  # the reviewer's decision made it an earlier version of another report
    same = session.scalars(
        select(models.Report)
        .options(undefer(models.Report.clean_text))
        .where(
            models.Report.agency_key == report.agency_key,
            models.Report.year == report.year,
            models.Report.agency_confident.is_(True),
            models.Report.id != report.id,
            models.Report.superseded_by_id.is_(None),
        )
        .order_by(models.Report.id)
    ).all()
    candidates: list[tuple[models.Report, float, bool]] = []
    for version in same:
        if version.sha256 in decided:
            continue
        overlap = substantive_overlap(version.clean_text, report.clean_text)
        if overlap >= VERSION_OVERLAP:
            candidates.append((version, overlap, version_choice.same_text(session, version, report)))
    richer = [
        v
        for v, _o, same_text in candidates
        if same_text and version_choice.richness(v) > version_choice.richness(report)
    ]
    if richer:
        keeper = max(richer, key=lambda v: (version_choice.richness(v), v.id))
        report.superseded_by_id = keeper.id
        reason = (
            f"与 #{keeper.id}（{keeper.source_name}）正文相同，仅格式不同："
            f"{version_choice.why_richer(keeper, report)}，#{keeper.id} 仍为当前版本"
        )
        done.append(Superseding(report.id, keeper.id, reason, "format"))
        return done
    for version, overlap, same_text in candidates:
        version.superseded_by_id = report.id
        if same_text:
            why = version_choice.why_richer(report, version)
            if version_choice.richness(report) == version_choice.richness(version):
                why = "两份文件同样完整，以后导入的为准"
            reason = f"与 #{version.id}（{version.source_name}）正文相同，仅格式不同：{why}，本文件为当前版本"
            done.append(Superseding(version.id, report.id, reason, "format"))
        else:
            reason = f"同一单位（{report.agency}）同一年度（{report.year}年），正文 {overlap:.0%} 相同"
            done.append(Superseding(version.id, report.id, reason))
    return done


def give_back_review(
    session: Session, newer: models.Report | None, older: models.Report, by: str | None
) -> None:
    """Undo the carries that took ``older``'s review to ``newer`` (they are not one report after
    all); raises ``EditConflict`` (nothing written) when it was changed since. A carry undone as a
    unit gave back the other versions' review too: what still is an earlier version of ``newer``
    has it carried again."""
    from desktop.core.annotations.carry import carries_from, carry_review, undo_carry

    for record in carries_from(session, older):
        if newer is not None and record.newer_id != newer.id:
            continue
        undo_carry(session, record.newer_id, by, record.id)
        others = [
            other
            for sha in record.older_sha256s
            if sha != older.sha256
            and (other := _by_sha(session, sha)) is not None
            and other.superseded_by_id == record.newer_id
        ]
        target = session.get(models.Report, record.newer_id)
        if others and target is not None:
            carry_review(session, target, others, by)


def restore_version(session: Session, older: models.Report, by: str | None) -> None:
    """Undo a superseding: ``older`` is current again, and stays so after re-import; the review
    carried from it to the newer version comes back to it."""
    newer = session.get(models.Report, older.superseded_by_id) if older.superseded_by_id else None
    give_back_review(session, newer, older, by)
    older.superseded_by_id = None
    if newer is not None:
        record(session, VERSION, newer.sha256, older.sha256, REJECTED, by)


def mark_earlier_version(
    session: Session, newer: models.Report, older: models.Report, by: str | None
) -> None:
    """The reviewer's word that ``older`` is an earlier version of ``newer``."""
    record(session, VERSION, newer.sha256, older.sha256, CONFIRMED, by)
    older.superseded_by_id = newer.id
    if newer.superseded_by_id == older.id:
        newer.superseded_by_id = None


def choose_prior(
    session: Session, report: models.Report, prior: models.Report | None, by: str | None
) -> None:
    """Compare ``report`` with ``prior`` from now on (None: with no report)."""
    link = models.ReportLink
    for row in session.scalars(select(link).where(link.kind == PRIOR, link.sha256 == report.sha256)):
        if row.decision == CONFIRMED:
            session.delete(row)
    session.flush()
    record(session, PRIOR, report.sha256, prior.sha256 if prior is not None else "", CONFIRMED, by)


def reset_prior(session: Session, report: models.Report) -> None:
    """Back to automatic pairing (by confident identity)."""
    link = models.ReportLink
    for row in session.scalars(select(link).where(link.kind == PRIOR, link.sha256 == report.sha256)):
        session.delete(row)


def possible_versions(session: Session, report: models.Report) -> list[models.Report]:
    """Reports of the same year that may be versions of this one, for the reviewer to decide."""
    if not report.year or not report.agency:
        return []
    decided = {
        link.other_sha256 if link.sha256 == report.sha256 else link.sha256
        for link in decisions(session, VERSION, report.sha256)
    }
    everyone = session.scalars(select(models.Report).where(models.Report.year == report.year)).all()
    newer = {r.id: r.superseded_by_id for r in everyone}

    def current_of(report_id: int) -> int:
        seen = {report_id}
        while (after := newer.get(report_id)) is not None and after not in seen:
            seen.add(after)
            report_id = after
        return report_id

    family = current_of(report.id)  # versions of one current report are settled already
    return [
        other
        for other in everyone
        if other.id != report.id
        and other.sha256 not in decided
        and current_of(other.id) != family
        and compatible(report, other)
    ]


def possible_priors(session: Session, report: models.Report) -> list[models.Report]:
    """Reports of the year before that may be this issuer's, when none is paired automatically."""
    if not report.year or not report.agency:
        return []
    rejected = {
        link.other_sha256
        for link in decisions(session, PRIOR, report.sha256)
        if link.sha256 == report.sha256 and link.decision == REJECTED
    }
    others = session.scalars(select(models.Report).where(models.Report.year == report.year - 1)).all()
    return [o for o in others if o.sha256 not in rejected and compatible(report, o)]


@dataclass
class CandidateRow:
    """One report offered in the version or prior-year dialog (plain data, for any thread)."""

    id: int
    agency: str | None
    year: int | None
    title: str | None
    source_name: str
    relation: str
    """``superseded_by_this``, ``supersedes_this``, ``possible``, ``current_prior``, ``possible_prior``,
    ``same_year_before`` or ``other``."""


def _row(report: models.Report, relation: str) -> CandidateRow:
    return CandidateRow(report.id, report.agency, report.year, report.title, report.source_name, relation)


def version_candidates(session: Session, report: models.Report) -> list[CandidateRow]:
    """Reports that are, or may be, other versions of ``report``."""
    rows: list[CandidateRow] = []
    seen = {report.id}
    for older in session.scalars(select(models.Report).where(models.Report.superseded_by_id == report.id)):
        rows.append(_row(older, "superseded_by_this"))
        seen.add(older.id)
    if report.superseded_by_id is not None and (newer := session.get(models.Report, report.superseded_by_id)):
        rows.append(_row(newer, "supersedes_this"))
        seen.add(newer.id)
    for other in possible_versions(session, report):
        if other.id not in seen:
            rows.append(_row(other, "possible"))
            seen.add(other.id)
    return rows


def reject_version(session: Session, report: models.Report, other: models.Report, by: str | None) -> None:
    """Not the same report: neither supersedes the other, now or after re-import (a review carried
    between them goes back)."""
    for newer, older in ((report, other), (other, report)):
        give_back_review(session, newer, older, by)
        if older.superseded_by_id == newer.id:
            older.superseded_by_id = None
    record(session, VERSION, report.sha256, other.sha256, REJECTED, by)


def prior_candidates(session: Session, report: models.Report, limit: int = 500) -> list[CandidateRow]:
    """Reports to choose the prior year from: the current choice, likely ones, then the year before."""
    from desktop.core.prior_year import prior_choice

    rows: list[CandidateRow] = []
    seen = {report.id}
    current, _reason = prior_choice(session, report)
    if current is not None:
        rows.append(_row(current, "current_prior"))
        seen.add(current.id)
    for other in possible_priors(session, report):
        if other.id not in seen:
            rows.append(_row(other, "possible_prior"))
            seen.add(other.id)
    if report.year:
        query = (
            select(models.Report)
            .where(models.Report.year == report.year - 1)
            .order_by(models.Report.agency, models.Report.id)
            .limit(limit)
        )
        for other in session.scalars(query):
            if other.id not in seen:
                rows.append(_row(other, "same_year_before"))
                seen.add(other.id)
    query = select(models.Report).order_by(models.Report.year.desc(), models.Report.agency).limit(limit)
    for other in session.scalars(query):
        if other.id not in seen and len(rows) < limit:
            rows.append(_row(other, "other"))
            seen.add(other.id)
    return rows
