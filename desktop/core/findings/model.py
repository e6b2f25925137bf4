"""What a rule proposes (a :class:`Finding`) and what the rules read (:class:`ReportFacts`).

Plain data, no ORM and no Qt: the rules run the same on a report in the library, on a report
analysed in memory (the benchmark) and on a hand-written text (the tests).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class PartFacts:
    """A section of the report as the rules see it (level 1–5, its kind and its span)."""

    level: int
    number: str
    title: str
    kind: str
    covers: tuple[str, ...]
    start: int
    end: int
    heading_end: int


@dataclass(frozen=True)
class CheckFacts:
    """One figure check (metric checks, or a stated change against the prior report)."""

    kind: str
    severity: str
    """``error``, ``warning`` or ``info`` as the checks say."""
    message: str
    spans: tuple[tuple[int, int], ...]
    """Sentence spans of the figures involved, first the one the check is about."""


@dataclass(frozen=True)
class CarriedPart:
    kind: str
    title: str | None
    share: float | None
    start: int
    end: int
    heading_end: int


@dataclass
class ReportFacts:
    """Everything the rules read about one report; built by :mod:`desktop.core.findings.inputs`."""

    text: str
    title: str | None
    title_generated: bool
    agency: str | None
    year: int | None
    report_date: date | None
    published_date: date | None
    sections: list[PartFacts]
    missing: list[str]
    body_end: int
    """Where the closing block (signature, date, 抄送) starts."""
    source_format: str = "txt"
    written_date: date | None = None
    """成文日期 given outside the text (a web page's info table)."""
    checks: list[CheckFacts] = field(default_factory=list)
    prior_year: int | None = None
    prior_id: int | None = None
    carried: list[CarriedPart] = field(default_factory=list)
    """Level-1 parts with their carried-over share (empty without a prior report)."""

    def parts(self, kind: str, max_level: int = 3) -> list[PartFacts]:
        """Sections of ``kind`` up to ``max_level``, outermost only (a 不足 part's own 不足 item is inside)."""
        found = [s for s in self.sections if s.level <= max_level and (s.kind == kind or kind in s.covers)]
        return [
            s for s in found if not any(o is not s and o.start <= s.start and s.end <= o.end for o in found)
        ]

    def kind_at(self, position: int) -> str | None:
        """Kind of the level-1 part holding ``position`` (None before the first or in the closing)."""
        for section in self.sections:
            if section.level == 1 and section.start <= position < section.end:
                return section.kind
        return None


@dataclass
class Finding:
    """One proposal. ``start``/``end`` are offsets of the cleaned text, None for the whole report."""

    rule: str
    severity: str
    category: str
    message: str
    start: int | None
    end: int | None
    evidence: dict[str, Any] = field(default_factory=dict)
    key: str = ""
    """What tells two findings of one rule apart besides their quote (a part kind, ``date``…)."""
    quote: str = ""
    id: str = ""
    decision: str | None = None
    """``accepted`` or ``dismissed`` once the reviewer decided; None while open."""
    annotation_id: str | None = None
    severity_label: str = ""
    category_label: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "severity": self.severity,
            "severity_label": self.severity_label,
            "category": self.category,
            "category_label": self.category_label,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "evidence": self.evidence,
            "decision": self.decision,
            "annotation_id": self.annotation_id,
        }


_SPACE_RE = re.compile(r"\s+")


def finding_id(rule: str, key: str, quote: str) -> str:
    """Stable across re-processing: from the rule and the anchored quote, never from offsets."""
    basis = "\x1f".join((rule, key, _SPACE_RE.sub("", quote)))
    return f"{rule}-{hashlib.sha1(basis.encode('utf-8')).hexdigest()[:10]}"


def assign_ids(findings: list[Finding], text: str) -> None:
    """Quote and id of each finding; the n-th identical (rule, key, quote) gets ``-n``."""
    seen: dict[str, int] = {}
    for finding in findings:
        if finding.start is not None and finding.end is not None:
            finding.quote = text[finding.start : finding.end]
        base = finding_id(finding.rule, finding.key, finding.quote)
        seen[base] = seen.get(base, 0) + 1
        finding.id = base if seen[base] == 1 else f"{base}-{seen[base]}"
