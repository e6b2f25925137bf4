"""What an import did to identities: superseded versions, prior-year pairs, and what the reviewer
is asked to confirm, for the import summary (command line, JSON and the GUI dialog)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

from db import models
from desktop.core.identity_links import possible_priors, possible_versions
from desktop.core.prior_year import find_next, prior_choice

if TYPE_CHECKING:
    from desktop.core.importing import ImportOutcome

PRIOR_REASONS = {
    "same_issuer": "同一单位的上一年度报告",
    "chosen": "审阅人指定",
    "none": "审阅人指定不比较",
}


def _label(report: models.Report) -> str:
    return f"#{report.id} {report.agency or '（单位未识别）'} {report.year or ''}".rstrip()


def describe(sessions: sessionmaker[Session], outcomes: Iterable[ImportOutcome]) -> None:
    """Fill ``outcome.identity`` of the newly imported files (after the batch's derived data)."""
    from desktop.core.version_carry import current_version

    outcomes = list(outcomes)
    # A file superseded by a later file of the batch hears of it too (the later file's outcome has it).
    later = [item for o in outcomes for item in o.identity.get("superseding", [])]
    for outcome in outcomes:
        own = outcome.identity.setdefault("superseding", [])
        own.extend(i for i in later if i["older"] == outcome.report_id and i not in own)
    for outcome in outcomes:
        if not outcome.ok or outcome.report_id is None:
            continue
        with sessions() as session:
            outcome.current_id = current_version(session, outcome.report_id)
            if outcome.duplicate:
                continue
            report = session.get(models.Report, outcome.report_id)
            if report is not None:
                outcome.identity.update(identity_facts(session, report))


def identity_facts(session: Session, report: models.Report) -> dict[str, Any]:
    prior, reason = prior_choice(session, report)
    facts: dict[str, Any] = {
        "agency_suggestion": None
        if report.agency_confident
        else (report.agency_evidence or {}).get("suggestion"),
        "prior": {"id": prior.id, "label": _label(prior), "reason": reason} if prior is not None else None,
        "paired_next": [
            {"id": r.id, "label": _label(r)}
            for r in find_next(session, report)
            if (found := prior_choice(session, r)[0]) is not None and found.id == report.id
        ],
        "possible_versions": [{"id": r.id, "label": _label(r)} for r in possible_versions(session, report)],
        "possible_priors": []
        if prior is not None or reason == "none"
        else [{"id": r.id, "label": _label(r)} for r in possible_priors(session, report)],
    }
    if report.superseded_by_id is not None:
        newer = session.get(models.Report, report.superseded_by_id)
        facts["superseded_by_report"] = (
            {"id": newer.id, "label": _label(newer)} if newer is not None else None
        )
    return facts


def summary_lines(outcome: ImportOutcome) -> list[str]:
    """The identity part of one file's line in the import summary, in the reviewer's words."""
    lines: list[str] = []
    facts = outcome.identity
    if outcome.ok and not outcome.duplicate and not outcome.agency_confident:
        note = f"（{outcome.agency_note}）" if outcome.agency_note else ""
        if facts.get("agency_suggestion"):
            note += f"，可能是“{facts['agency_suggestion']}”"
        lines.append(f"报告单位未确定{note}，请在“更正报告信息”中确认")
    for item in facts.get("superseding", []):
        if item["newer"] == outcome.report_id:
            lines.append(f"取代了旧版本 #{item['older']}：{item['reason']}")
        elif item.get("kind") == "format":
            lines.append(f"作为 #{item['newer']} 的另一格式保存：{item['reason']}")
        else:
            lines.append(f"已被 #{item['newer']} 取代：{item['reason']}")
    if outcome.ok and outcome.current_id is not None and outcome.current_id != outcome.report_id:
        lines.append(f"该报告的当前版本为 #{outcome.current_id}")
    if outcome.carry:
        lines.append(str(outcome.carry.get("message", "")))
    prior = facts.get("prior")
    if prior:
        lines.append(
            f"与上年报告 {prior['label']} 比较（{PRIOR_REASONS.get(prior['reason'], prior['reason'])}）"
        )
    for item in facts.get("paired_next", []):
        lines.append(f"作为 {item['label']} 的上年报告")
    for item in facts.get("possible_versions", []):
        lines.append(f"可能与 {item['label']} 是同一报告的不同版本，请确认")
    for item in facts.get("possible_priors", []):
        lines.append(f"可能的上年报告：{item['label']}，请确认")
    return lines
