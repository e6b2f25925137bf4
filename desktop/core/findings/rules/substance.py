"""Substance of the parts a reviewer reads hardest: 不足和原因, 下一年度安排, 第一责任人."""

from __future__ import annotations

import re

from desktop.core.findings.config import FindingsConfig
from desktop.core.findings.model import Finding, PartFacts, ReportFacts
from desktop.core.findings.rules.base import Settings, finding
from desktop.core.findings.rules.spans import (
    any_match,
    body_span,
    chars,
    clauses,
    compiled,
    heading_span,
    items,
    patterns,
)

_FIGURE_RE = re.compile(r"\d|[一两二三四五六七八九十百千万]+(?:名|人|个|起|件|项|次|家|份|宗|卷|条|处)")
_CASE_RE = re.compile(r"《[^》]+》|例如|比如|譬如|如[“《]|其中|个别[^，。；]{0,20}(案卷|文书|单位|企业)")
_INTRO_RE = re.compile(
    r"存在(以下|如下|一些|一定|的)?(问题|不足)|(问题|不足)(如下|主要有|主要是|主要表现)|对照.{0,20}(要求|目标)"
)
_CAUSE_ITEM_RE = re.compile(r"原因")


def _bodies(facts: ReportFacts, kind: str) -> list[tuple[PartFacts, tuple[int, int]]]:
    return [(part, body_span(part)) for part in facts.parts(kind)]


def shortcomings_no_cause(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    parts = _bodies(facts, "shortcomings")
    if not parts:
        return []
    text = facts.text
    words = patterns(settings, "cause_words")
    if any(any_match(words, text[a:b]) for _part, (a, b) in parts):
        return []
    first = parts[0][0]
    promised = "原因" in first.title
    message = (
        "标题写明“不足和原因”，但正文只列出问题，没有分析原因。"
        if promised
        else "“存在的不足”部分只列出问题，没有分析原因（必备内容为“存在的不足和原因”）。"
    )
    return [
        finding(
            "shortcomings_no_cause",
            settings,
            message + "查摆问题应说明成因，整改才有方向。",
            heading_span(text, first),
            key="shortcomings",
            evidence={"heading_mentions_cause": promised},
        )
    ]


def shortcomings_generic(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    """Items made of stock phrases (有待进一步提高, 还不够深入…) with no figure and no concrete case."""
    parts = _bodies(facts, "shortcomings")
    if not parts:
        return []
    text = facts.text
    generic = patterns(settings, "generic_phrases")
    listed: list[tuple[int, int]] = []
    for _part, (a, b) in parts:
        listed += [
            (s, e)
            for s, e in items(text, a, b)
            if not _CAUSE_ITEM_RE.search(text[s:e]) and not _INTRO_RE.search(text[s:e])
        ]
    if not listed:
        return []
    if any(_FIGURE_RE.search(text[s:e]) or _CASE_RE.search(text[s:e]) for s, e in listed):
        return []
    generic_items = [(s, e) for s, e in listed if _all_generic(text, s, e, generic)]
    share = len(generic_items) / len(listed)
    if share < float(settings.get("generic_share", 0.67)):
        return []
    phrases = sorted({m.group(0) for s, e in generic_items for p in generic for m in p.finditer(text, s, e)})
    return [
        finding(
            "shortcomings_generic",
            settings,
            f"“存在的不足”所列 {len(listed)} 项问题中有 {len(generic_items)} 项只是套话"
            f"（如“{'”“'.join(phrases[:3])}”），没有具体事例、数据或表现。问题查摆不深，难以整改。",
            heading_span(text, parts[0][0]),
            key="shortcomings",
            evidence={"items": len(listed), "generic_items": len(generic_items), "phrases": phrases[:8]},
        )
    ]


def _all_generic(text: str, start: int, end: int, generic: tuple[re.Pattern[str], ...]) -> bool:
    """Every substantial clause of the item is a stock phrase (short clauses are its subject)."""
    substantial = [(a, b) for a, b in clauses(text, start, end) if chars(text[a:b]) >= 6]
    if not substantial:
        return any_match(generic, text[start:end]) is not None
    return all(any_match(generic, text[a:b]) for a, b in substantial)


def shortcomings_short(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    parts = _bodies(facts, "shortcomings")
    if not parts:
        return []
    size = sum(chars(facts.text[a:b]) for _part, (a, b) in parts)
    minimum = int(settings.get("min_chars", 150))
    if size >= minimum:
        return []
    return [
        finding(
            "shortcomings_short",
            settings,
            f"“存在的不足和原因”部分只有 {size} 字。寥寥数语难以说清问题和原因，请要求充实。",
            heading_span(facts.text, parts[0][0]),
            key="shortcomings",
            evidence={"chars": size, "min_chars": minimum},
        )
    ]


def next_year_not_concrete(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    """A plan with no action, target, deadline or figure: nothing to check next year."""
    parts = _bodies(facts, "next_year")
    if not parts:
        return []
    text = facts.text
    counts: dict[str, int] = {}
    for name, listed in dict(settings.get("signals", {})).items():
        if name.startswith("_"):
            continue
        found = 0
        for pattern in compiled(tuple(listed)):
            for _part, (a, b) in parts:
                found += len(pattern.findall(text, a, b))
        counts[name] = found
    if sum(counts.values()) >= int(settings.get("min_signals", 1)):
        return []
    return [
        finding(
            "next_year_not_concrete",
            settings,
            "“下一年度主要安排”只有原则性表述，没有具体措施、目标、时限或数量，明年无从对照检查落实情况。",
            heading_span(text, parts[0][0]),
            key="next_year",
            evidence={"signals": counts},
        )
    ]


def leader_duty_vague(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    """The 第一责任人 part says nothing concrete: no meeting, study, instruction, 述法 or count."""
    parts = _bodies(facts, "leader_duty")
    if not parts:
        return []
    text = facts.text
    signals = patterns(settings, "signals")
    hits = sorted({m.group(0) for _part, (a, b) in parts for p in signals for m in p.finditer(text, a, b)})
    if len(hits) >= int(settings.get("min_signals", 1)):
        return []
    return [
        finding(
            "leader_duty_vague",
            settings,
            "“党政主要负责人履行推进法治建设第一责任人职责”部分没有具体内容：未写主要负责人召开或主持的会议、"
            "带头学法、作出的批示或述法等情况，也没有次数。",
            heading_span(text, parts[0][0]),
            key="leader_duty",
            evidence={"signals": hits},
        )
    ]
