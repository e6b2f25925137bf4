"""Where a figure's clause and sentence are, which part of the report holds it: in bounded time.

Everything here is computed once per text in one pass (break positions, book titles, the section of
every offset) and then looked up by bisection, and every span is capped: a "sentence" of half a
megabyte with no full stop gives each of its figures a window of a few hundred characters, never
a copy of the whole.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

CLAUSE_BREAKS = "，。；：！？\n"
SENTENCE_BREAKS = "。！？\n"
CLAUSE_REACH = 160
"""Characters a clause may reach either side of its figure (a real clause is rarely over 100)."""
SENTENCE_REACH = 240
"""Characters a sentence may reach either side of its figure."""
_TITLE_REACH = 80


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class TextIndex:
    """Break positions, 《》 titles and sections of one text, for figure after figure."""

    def __init__(self, text: str, sections: Sequence[Any] = ()) -> None:
        self.text = text
        self.clause_breaks = [i for i, ch in enumerate(text) if ch in CLAUSE_BREAKS]
        self.sentence_breaks = [i for i in self.clause_breaks if text[i] in SENTENCE_BREAKS]
        self._titles = _titles(text)
        self._title_starts = [s for s, _e in self._titles]
        self._segments = _section_segments(sections)
        self._segment_starts = [s for s, _e, _k in self._segments]

    def _around(self, breaks: list[int], start: int, end: int, reach: int) -> tuple[int, int]:
        index = bisect_left(breaks, start)
        before = breaks[index - 1] if index else -1
        after_index = bisect_left(breaks, end)
        after = breaks[after_index] if after_index < len(breaks) else len(self.text)
        return max(before, start - reach - 1), min(after, end + reach)

    def clause(self, start: int, end: int) -> Span:
        """The text between ``，。；：！？`` or line ends around ``start``–``end``; inside a parenthesis,
        what is inside it; a parenthesis after the figure (a list of parts) is left out."""
        text = self.text
        before, stop = self._around(self.clause_breaks, start, end, CLAUSE_REACH)
        begin = before + 1
        opening = text.rfind("（", begin, start)
        inside = opening >= 0 and text.find("）", opening, start) < 0
        if inside:
            begin = opening + 1
        paren = text.find("（", end, stop)
        if paren >= 0 and _lists_figures(text, paren, stop):
            stop = paren
        closing = text.find("）", end, stop)
        if closing >= 0 and (inside or paren < 0 or closing < paren):
            stop = closing  # the figure stands inside a parenthesis: its clause ends with it
        return Span(begin, stop)

    def sentence(self, start: int, end: int) -> Span:
        """The sentence around ``start``–``end``, with its full stop (at most a window around the figure)."""
        before, stop = self._around(self.sentence_breaks, start, end, SENTENCE_REACH)
        if stop < len(self.text) and self.text[stop] in "。！？":
            stop += 1
        return Span(before + 1, stop)

    def in_title(self, position: int) -> bool:
        """Inside 《…》: ``《行政处罚法》`` names a law, not a penalty."""
        index = bisect_right(self._title_starts, position) - 1
        return index >= 0 and self._titles[index][0] < position < self._titles[index][1]

    def section_kind(self, position: int) -> str | None:
        index = bisect_right(self._segment_starts, position) - 1
        if index < 0:
            return None
        start, end, kind = self._segments[index]
        return kind if start <= position < end else None


def _lists_figures(text: str, paren: int, stop: int) -> bool:
    """A parenthesis after a figure that lists other figures (``142件（其中…96件、…38件）``) ends the
    figure's quote; one that is part of a name (``法治绍兴（法治政府）建设工作推进会``) does not."""
    closing = text.find("）", paren, stop + CLAUSE_REACH)
    inside = text[paren + 1 : closing if closing >= 0 else stop]
    return inside.startswith("其中") or any(ch.isdigit() for ch in inside)


def _titles(text: str) -> list[tuple[int, int]]:
    """(《, 》) pairs within one sentence; an unclosed 《 reaches the end of its sentence."""
    found: list[tuple[int, int]] = []
    position = text.find("《")
    while position >= 0:
        limit = min(len(text), position + 1 + _TITLE_REACH * 4)
        stops = [p for p in (text.find(ch, position + 1, limit) for ch in "》。！？\n") if p >= 0]
        end = min(stops) if stops else limit
        found.append((position, end))
        position = text.find("《", end if end > position else position + 1)
    return found


def _section_segments(sections: Sequence[Any]) -> list[tuple[int, int, str | None]]:
    """Non-overlapping pieces of the text, each with the kind of the innermost section holding it."""
    ordered = sorted(sections, key=lambda s: (s.start, -s.end, s.level))
    points = sorted({p for s in ordered for p in (s.start, s.end)})
    segments: list[tuple[int, int, str | None]] = []
    stack: list[Any] = []
    index = 0
    for left, right in pairwise(points):
        while stack and stack[-1].end <= left:
            stack.pop()
        while index < len(ordered) and ordered[index].start <= left:
            section = ordered[index]
            index += 1
            if section.end > left:
                while stack and stack[-1].end <= section.start:
                    stack.pop()
                stack.append(section)
        inside = [s for s in stack[-3:] if s.start <= left and right <= s.end]
        if inside:
            segments.append((left, right, max(inside, key=lambda s: s.level).kind))
    return segments
