"""Required parts: missing altogether, or present only as a sentence."""

from __future__ import annotations

from desktop.core.findings.config import FindingsConfig
from desktop.core.findings.model import Finding, ReportFacts
from desktop.core.findings.rules.base import Settings, finding
from desktop.core.findings.rules.spans import (
    body_span,
    chars,
    compiled,
    heading_span,
    label,
    sentence_span,
    sentences,
)

DEFAULT_PARTS = ("measures", "shortcomings", "leader_duty", "next_year")


def part_missing(facts: ReportFacts, settings: Settings, config: FindingsConfig) -> list[Finding]:
    """A required part the section analysis did not find (``part_only_sentence`` when it is only named)."""
    found: list[Finding] = []
    structured = any(s.level == 1 for s in facts.sections)
    sentence_rule = config.rule("part_only_sentence") if config.enabled("part_only_sentence") else None
    mentions: dict[str, list[str]] = dict(settings.get("mentions", {}))
    first_line_end = facts.text.find("\n") if "\n" in facts.text else 0
    for kind in settings.get("parts", DEFAULT_PARTS):
        if kind not in facts.missing:
            continue
        name = label(kind)
        mention = _mention(facts, tuple(mentions.get(kind, ())), first_line_end)
        if mention is not None and sentence_rule is not None:
            found.append(
                finding(
                    "part_only_sentence",
                    sentence_rule,
                    f"报告未单列“{name}”部分，只在这句话中提及。该部分是年度报告的必备内容，"
                    "应单独成部分并写实写具体。",
                    mention,
                    key=kind,
                    evidence={"part": kind, "label": name},
                )
            )
            continue
        if structured:
            message = f"报告缺少必备部分“{name}”。法治政府建设年度报告应包括这一部分，请补充。"
            severity = None
        else:
            # Without any level-1 heading the analysis cannot tell a missing part from an unusual layout.
            message = f"未能识别报告的章节结构，也未找到“{name}”部分。请人工确认报告是否包括这一部分。"
            severity = "normal"
        found.append(
            finding(
                "part_missing",
                settings,
                message,
                key=kind,
                evidence={"part": kind, "label": name, "structure_recognised": structured},
                severity=severity,
            )
        )
    return found


def _mention(facts: ReportFacts, patterns: tuple[str, ...], skip_before: int) -> tuple[int, int] | None:
    text = facts.text
    for pattern in compiled(patterns):
        for m in pattern.finditer(text, skip_before, facts.body_end):
            return sentence_span(text, m.start(), m.end())
    return None


def part_only_sentence(facts: ReportFacts, settings: Settings, config: FindingsConfig) -> list[Finding]:
    """A required part that has a heading but hardly any text under it."""
    found: list[Finding] = []
    minimum = int(settings.get("min_chars", 60))
    one_sentence = int(settings.get("sentence_chars", 150))
    most = int(settings.get("max_sentences", 1))
    parts = config.rule("part_missing").get("parts", DEFAULT_PARTS)
    for kind in parts:
        if kind in facts.missing:
            continue  # reported by part_missing (or as a mention above)
        sections = facts.parts(kind)
        if not sections:
            continue
        size = sum(chars(facts.text[slice(*body_span(s))]) for s in sections)
        count = sum(len(sentences(facts.text, *body_span(s))) for s in sections)
        if size >= minimum and (count > most or size >= one_sentence):
            continue
        name = label(kind)
        found.append(
            finding(
                "part_only_sentence",
                settings,
                f"“{name}”部分只有 {count} 句、{size} 字，没有展开。该部分是年度报告的必备内容，"
                "应写实写具体。",
                heading_span(facts.text, sections[0]),
                key=kind,
                evidence={"part": kind, "label": name, "chars": size, "sentences": count},
            )
        )
    return found
