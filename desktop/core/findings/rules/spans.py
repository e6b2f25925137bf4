"""Text helpers the rules share: bodies of parts, clauses, sentences and items (一是…二是…)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from desktop.core.findings.model import PartFacts, ReportFacts
from desktop.core.resources import load_json

_CLAUSE_END = "，。；：！？\n"
_SENTENCE_RE = re.compile(r"[^。！？；\n]+[。！？；]?")
_POINT_RE = re.compile(
    r"(?:^|(?<=[。；：！？\s]))(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，、,])"
)
_WORD_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


@lru_cache(maxsize=1)
def kind_labels() -> dict[str, str]:
    labels: dict[str, str] = load_json("section_kinds.json")["labels"]
    return labels


def label(kind: str) -> str:
    return kind_labels().get(kind, kind)


def body_span(part: PartFacts) -> tuple[int, int]:
    """The part's text after its heading."""
    return max(part.start, part.heading_end), part.end


def heading_span(text: str, part: PartFacts) -> tuple[int, int]:
    """The heading line of a part (number and title), trimmed; never empty inside the text."""
    start, end = part.start, max(part.heading_end, part.start)
    if end <= start:
        end = min(part.end, start + 30)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, max(end, min(len(text), start + 1))


def chars(text: str) -> int:
    """Counted characters: letters, digits and CJK (no spaces or punctuation)."""
    return len(_WORD_RE.findall(text))


def clause_span(text: str, start: int, end: int, limit: int = 60) -> tuple[int, int]:
    """The clause around ``text[start:end]`` (between ，。；： or line ends), at most ``limit`` each side."""
    lo = start
    while lo > 0 and start - lo < limit and text[lo - 1] not in _CLAUSE_END:
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < limit and text[hi] not in _CLAUSE_END:
        hi += 1
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo, hi


def sentence_span(text: str, start: int, end: int, limit: int = 160) -> tuple[int, int]:
    """The sentence around a span (between 。！？ or line ends)."""
    lo = start
    while lo > 0 and start - lo < limit and text[lo - 1] not in "。！？\n":
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < limit and text[hi] not in "。！？\n":
        hi += 1
    if hi < len(text) and text[hi] in "。！？":
        hi += 1
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo, hi


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [
        (start + m.start(), start + m.end())
        for m in _SENTENCE_RE.finditer(text[start:end])
        if chars(m.group(0)) >= 2
    ]


def items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Enumerated items (``一是…``, ``第一，…``) when there are two or more; otherwise sentences.

    The text before the first item (an introduction such as “还存在以下不足：”) is left out.
    """
    points = [start + m.start() for m in _POINT_RE.finditer(text[start:end])]
    if len(points) >= 2:
        bounds = [*points, end]
        found = []
        for a, b in pairwise(bounds):
            # An item ends at its paragraph's end: what follows on a new line is another part.
            newline = text.find("\n", a, b)
            found.append((a, newline if newline > 0 else b))
        return found
    return sentences(text, start, end)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found, at = [], start
    for index in range(start, end + 1):
        if index == end or text[index] in _CLAUSE_END:
            if chars(text[at:index]) >= 2:
                found.append((at, index))
            at = index + 1
    return found


def any_match(patterns: Iterable[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return m
    return None


@lru_cache(maxsize=256)
def compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def patterns(settings: dict[str, object], key: str) -> tuple[re.Pattern[str], ...]:
    value = settings.get(key) or []
    return compiled(tuple(str(p) for p in value)) if isinstance(value, list) else ()


def outside_next_year(facts: ReportFacts, position: int) -> bool:
    """Plans for next year legitimately say 今年 (the year they are written in) and give deadlines."""
    return facts.kind_at(position) != "next_year"


def closing_lines(text: str, body_end: int) -> list[tuple[int, str]]:
    """Non-empty lines of the closing block with their offsets."""
    lines, offset = [], body_end
    for line in text[body_end:].split("\n"):
        if line.strip():
            lines.append((offset + len(line) - len(line.lstrip()), line.strip()))
        offset += len(line) + 1
    return lines
