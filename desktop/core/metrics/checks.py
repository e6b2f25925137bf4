"""Consistency checks on a report's figures: rates against counts, impossible values,
one metric with two values, stated totals against their listed parts."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.metrics.catalog import Catalog
from desktop.core.metrics.extract import Mention

_PARTS_REACH = 400
"""A parenthesis listing the parts of a total closes within this many characters, or it is not one."""
RATE_TOLERANCE = 0.05
"""Percentage points: 4388 ÷ 4782 = 91.7608…% is reported as 91.76%."""


@dataclass
class Check:
    kind: str
    """``rate_mismatch``, ``impossible_value``, ``conflicting_values`` or ``total_mismatch``."""
    severity: str
    """``error`` (cannot be true), ``warning`` (does not add up) or ``info`` (worth a look)."""
    message: str
    mentions: list[Mention] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "mentions": [m.as_json() for m in self.mentions],
        }


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e7 else f"{value:,.0f}"


class _ByKey:
    """Mentions of each key in text order, for bisection (a report may hold thousands of figures)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.starts: dict[str | None, list[int]] = {}
        self.items: dict[str | None, list[Mention]] = {}
        for mention in sorted(mentions, key=lambda m: m.start):
            self.starts.setdefault(mention.key, []).append(mention.start)
            self.items.setdefault(mention.key, []).append(mention)

    def last_before(self, key: str | None, start: int, end: int) -> Mention | None:
        """The last mention of ``key`` starting in [start, end)."""
        starts = self.starts.get(key, [])
        index = bisect_left(starts, end) - 1
        return self.items[key][index] if index >= 0 and starts[index] >= start else None


def _scope_start(text: str, by_key: _ByKey, rate: Mention) -> int:
    """Counts belong to a rate when they stand in its sentence, after the previous rate and ``；``."""
    start = max(rate.sentence_start, text.rfind("；", rate.sentence_start, rate.start) + 1)
    earlier = by_key.last_before(rate.key, start, rate.start)
    return max(start, earlier.end) if earlier is not None and earlier.end <= rate.start else start


def rate_checks(text: str, mentions: Sequence[Mention], catalog: Catalog) -> list[Check]:
    checks = []
    by_key = _ByKey(mentions)
    for rate in mentions:
        kind = catalog.kinds.get(rate.key or "")
        if kind is None or kind.rate_of is None or rate.qualifier:
            continue
        start = _scope_start(text, by_key, rate)
        part = by_key.last_before(kind.rate_of[0], start, rate.start)
        whole = by_key.last_before(kind.rate_of[1], start, rate.start)
        if part is None or whole is None or part.qualifier or whole.qualifier:
            continue
        part_label, whole_label = catalog.label(part.key), catalog.label(whole.key)
        if part.value > whole.value:
            checks.append(
                Check(
                    "impossible_value",
                    "error",
                    f"{part_label} {_number(part.value)} 多于{whole_label} {_number(whole.value)}，不可能成立。",
                    [part, whole],
                )
            )
            continue
        if whole.value <= 0:
            continue
        computed = part.value / whole.value * 100
        if abs(computed - rate.value) > RATE_TOLERANCE:
            checks.append(
                Check(
                    "rate_mismatch",
                    "warning",
                    f"{kind.label}写作 {_number(rate.value)}%，但 {part_label} {_number(part.value)} ÷ "
                    f"{whole_label} {_number(whole.value)} = {computed:.2f}%。",
                    [rate, part, whole],
                )
            )
    return checks


def impossible_checks(text: str, mentions: Sequence[Mention]) -> list[Check]:
    checks = []
    for mention in mentions:
        if mention.unit != "%" or mention.value <= 100 or (mention.key or "").endswith("_change"):
            continue
        before = text[max(mention.sentence_start, mention.start - 6) : mention.start]
        if mention.key in ("rectification_rate", "satisfaction_rate") or "率" in before:
            label = mention.label if mention.key else "比率"
            checks.append(
                Check(
                    "impossible_value",
                    "error",
                    f"{label}为 {_number(mention.value)}%，超过 100%。",
                    [mention],
                )
            )
    return checks


def conflicting_checks(mentions: Sequence[Mention], catalog: Catalog) -> list[Check]:
    """One metric given different values in one report (same unit, no qualifier): show both places."""
    checks = []
    by_key: dict[tuple[str, str | None], list[Mention]] = {}
    for mention in mentions:
        if mention.key and not mention.qualifier:
            by_key.setdefault((mention.key, mention.unit), []).append(mention)
    words = _words_pattern(catalog)
    for (key, unit), group in by_key.items():
        if len({m.value for m in group}) < 2:
            continue
        # Figures stated side by side, or with different qualifying words (重大事故隐患整改率 vs
        # 隐患整改率), describe different scopes; the same words in two places should agree.
        contexts: dict[frozenset[str], list[Mention]] = {}
        for mention in group:
            contexts.setdefault(_scope_words(mention, words), []).append(mention)
        group = next((g for g in contexts.values() if len({m.value for m in g}) > 1), [])
        if len({m.sentence_start for m in group}) < 2:
            continue
        values = sorted({m.value for m in group})
        shown = "、".join(f"{_number(v)}{unit or ''}" for v in values)
        checks.append(
            Check(
                "conflicting_values",
                "info",
                f"“{catalog.label(key)}”在报告中出现不同数值：{shown}。请确认口径是否不同。",
                list(group),
            )
        )
    return checks


def _words_pattern(catalog: Catalog) -> re.Pattern[str]:
    words = sorted(catalog.triggers(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def _scope_words(mention: Mention, words: re.Pattern[str]) -> frozenset[str]:
    """The trigger words of a figure's quote, longest first where they overlap."""
    return frozenset(words.findall(mention.quote))


_COUNT_UNITS = frozenset({"项", "个", "件", "宗", "起", "处", "条"})


def _same_measure(a: str | None, b: str | None) -> bool:
    return a == b or (a in _COUNT_UNITS and b in _COUNT_UNITS)


def total_checks(text: str, mentions: Sequence[Mention]) -> list[Check]:
    """``共受理85项（…56项、…2项、…22项、…3项）``: the listed parts must add up to the total."""
    checks = []
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for total in ordered:
        opening = total.end
        while opening < len(text) and text[opening] not in "（，。；\n" and opening - total.end < 20:
            opening += 1
        if opening >= len(text) or text[opening] != "（":
            continue
        closing = text.find("）", opening, opening + _PARTS_REACH)
        if closing < 0:
            continue
        inside = ordered[bisect_right(starts, opening) : bisect_left(starts, closing)]
        parts = [m for m in inside if _same_measure(m.unit, total.unit)]
        clause = text[max(total.sentence_start, total.start - 30) : total.start]
        stated = any(word in clause for word in ("共", "合计", "总计", "累计")) or text.startswith(
            "其中", opening + 1
        )
        if len(parts) < 2 or not stated or total.qualifier or any(p.qualifier for p in parts):
            continue
        summed = sum(p.value for p in parts)
        if abs(summed - total.value) > 1e-6:
            listed = " + ".join(_number(p.value) for p in parts)
            checks.append(
                Check(
                    "total_mismatch",
                    "warning",
                    f"合计写作 {_number(total.value)}{total.unit or ''}，但所列各项 {listed} = {_number(summed)}。",
                    [total, *parts],
                )
            )
    return checks


def run_checks(text: str, mentions: Sequence[Mention], catalog: Catalog) -> list[Check]:
    return [
        *rate_checks(text, mentions, catalog),
        *impossible_checks(text, mentions),
        *total_checks(text, mentions),
        *conflicting_checks(mentions, catalog),
    ]
