"""Level-1 parts of a report and their pairing across years (renamed and reordered parts too)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz, process

from desktop.core.compare.tokens import MIN_COUNTED, Unit, normalise, split_units

ACCEPT = 0.45
"""Weighted score above which two level-1 parts are the same part renamed or moved."""
_YEARS_RE = re.compile(r"\d+年度?|\d+")
_SOLO_KINDS = ("leader_duty", "shortcomings", "next_year", "other")


class SectionLike(Protocol):
    level: int
    kind: str
    title: str
    number: str
    start: int
    end: int
    heading_end: int


@dataclass
class Part:
    kind: str
    title: str | None
    start: int
    end: int
    heading_end: int
    """End of the level-1 heading line; 0 for the preamble and the closing block."""
    units: list[Unit]


def build_parts(
    text: str, sections: Sequence[SectionLike], keyer: Callable[[str], str] | None = None
) -> list[Part]:
    """Preamble, the level-1 parts, closing block; they tile the text so the ops can tile it too.

    A preamble or closing block of whitespace only joins its neighbour, so a blank line before the
    first heading is not a difference.
    """
    level1: list[SectionLike] = []
    for section in sorted((s for s in sections if s.level == 1), key=lambda s: s.start):
        if 0 <= section.start < len(text) and (not level1 or section.start > level1[-1].start):
            level1.append(section)
    if not level1:
        whole = _part(text, "preamble", None, 0, len(text), 0, keyer)
        return [whole, _part(text, "closing", None, len(text), len(text), 0, keyer)]
    starts = [s.start for s in level1]
    if not text[: starts[0]].strip():
        starts[0] = 0
    body_end = min(len(text), max(max(s.end for s in level1), starts[-1]))
    if not text[body_end:].strip():
        body_end = len(text)
    parts = [_part(text, "preamble", None, 0, starts[0], 0, keyer)]
    for index, section in enumerate(level1):
        end = starts[index + 1] if index + 1 < len(starts) else body_end
        heading_end = min(max(section.heading_end, section.start), end)
        parts.append(_part(text, section.kind, section.title, starts[index], end, heading_end, keyer))
    parts.append(_part(text, "closing", None, body_end, len(text), 0, keyer))
    return parts


def _part(
    text: str,
    kind: str,
    title: str | None,
    start: int,
    end: int,
    heading_end: int,
    keyer: Callable[[str], str] | None = None,
) -> Part:
    return Part(kind, title, start, end, heading_end, split_units(text, start, end, keyer))


def is_heading_unit(part: Part, unit: Unit) -> bool:
    """The level-1 heading line itself: a required title, not a sentence anyone copied."""
    return bool(part.units) and unit is part.units[0] and unit.text_end <= part.heading_end + 1


def pair_parts(prior: list[Part], current: list[Part]) -> list[tuple[int, int]]:
    """Index pairs ``(prior, current)`` of matching parts; preamble and closing always pair.

    Score = heading similarity, same kind, shared sentences, similar position; best pairs first.
    """
    pairs = [(0, 0), (len(prior) - 1, len(current) - 1)]
    inner_a, inner_b = prior[1:-1], current[1:-1]
    if not inner_a or not inner_b:
        return pairs
    kind_counts_a = Counter(p.kind for p in inner_a)
    kind_counts_b = Counter(p.kind for p in inner_b)
    titles_b = [_title_key(p.title) for p in inner_b]
    sizes_b = [len(_content_keys(p)) for p in inner_b]
    holders: dict[str, list[int]] = defaultdict(list)  # sentence key → current parts holding it
    for j, part in enumerate(inner_b):
        for key in _content_keys(part):
            holders[key].append(j)
    scored: list[tuple[float, int, int]] = []
    for i, part_a in enumerate(inner_a):
        keys_a = _content_keys(part_a)
        shared = Counter(j for key in keys_a for j in holders.get(key, ()))
        titles = process.extract(_title_key(part_a.title), titles_b, scorer=fuzz.ratio, limit=None)
        solo_a = part_a.kind in _SOLO_KINDS and kind_counts_a[part_a.kind] == 1
        where_a = _relative(i, len(inner_a))
        for _title, title_score, j in titles:
            kind_b = inner_b[j].kind
            same_kind = kind_b == part_a.kind != "unclassified"
            smaller = min(len(keys_a), sizes_b[j])
            content = shared[j] / smaller if smaller else 0.0
            position = 1 - abs(where_a - _relative(j, len(inner_b)))
            score = 0.004 * title_score + 0.25 * same_kind + 0.25 * content + 0.1 * position
            # A required part that occurs once in each report is the same part, however renamed.
            if same_kind and solo_a and kind_counts_b[kind_b] == 1:
                score += 0.5
            if score >= ACCEPT:
                scored.append((score, i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i + 1, j + 1))
    return sorted(pairs, key=lambda p: p[1])


def _relative(index: int, count: int) -> float:
    return index / (count - 1) if count > 1 else 0.0


def _title_key(title: str | None) -> str:
    # Years and counts change every year (``2023年法治政府建设…`` → ``2024年…``); they say nothing here.
    return _YEARS_RE.sub("", normalise(title or ""))


def _content_keys(part: Part) -> set[str]:
    return {u.key for u in part.units if len(u.key) >= MIN_COUNTED}


def in_order(pairs: list[tuple[int, int]], weights: list[int]) -> set[int]:
    """Indexes into ``pairs`` (sorted by current position) that keep prior order: the heaviest
    increasing subsequence, so a short part that swapped places is the one marked reordered."""
    best: list[int] = []
    back: list[int] = []
    for k, (a, _b) in enumerate(pairs):
        choices = [(best[m], m) for m in range(k) if pairs[m][0] < a]
        top = max(choices, default=(0, -1))
        best.append(top[0] + weights[k])
        back.append(top[1])
    keep: set[int] = set()
    k = max(range(len(pairs)), key=lambda m: best[m], default=-1)
    while k >= 0:
        keep.add(k)
        k = back[k]
    return keep
