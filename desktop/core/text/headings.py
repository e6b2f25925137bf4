"""Heading numbers of Chinese official documents (一、 → （一） → 1. → （1） → 一是) and where they are.

:func:`find_markers` finds the heading numbers of a cleaned report, whether they open a line or
were run into the text (a flattened web copy, a heading glued to the preamble), and leaves out
numbers that only enumerate inside a sentence (``如下：一、…；二、…。``, ``（一）…；（二）…``), cite a
document (``《…》``) or count something (``一、二季度``). It works in one pass over the text plus
bisection, so its cost grows with the length of the text times a logarithm, never faster.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

NUMERAL = "[一二三四五六七八九十]{1,3}"
_NUMERAL_CHARS = "一二三四五六七八九十"

LEVEL1_RE = re.compile(rf"^({NUMERAL})[、.．]")
LEVEL2_RE = re.compile(rf"^[（(]({NUMERAL})[）)]")
LEVEL3_RE = re.compile(r"^(\d{1,2})[.．、](?!\d)")
LEVEL4_RE = re.compile(r"^[（(](\d{1,2})[）)]")
POINT_RE = re.compile(rf"(?:^|(?<=[。；：！？\s]))(?:({NUMERAL})是|第({NUMERAL})[，、,])")
"""Inline points ``一是…二是…`` (and ``第一，…``) inside a paragraph."""

_HEADING_START = rf"(?:第{NUMERAL}部分|{NUMERAL}[、.．，,]|[（(](?:{NUMERAL}|\d{{1,2}})[）)]|\d{{1,2}}[.．、](?:(?!\d)|(?=(?:19|20)\d{{2}}年))|{NUMERAL}是)"
HEADING_START_RE = re.compile("^" + _HEADING_START)
"""Any heading or point marker at the start of a line."""
HEADING_AT_RE = re.compile(_HEADING_START)
"""The same, for ``match(text, pos)`` at a position inside a text (``^`` only matches at 0)."""

# One alternative per way of writing a heading number; the group name says the level.
_MARKER_RE = re.compile(
    rf"第(?P<part>{NUMERAL})部分[、，,：:.．]?"
    # 一、 一. 一， but not the tail of a longer number (统一、 / 第一，), nor 一、二季度 / 一、二级.
    rf"|(?<![{_NUMERAL_CHARS}第其之])(?P<l1>{NUMERAL})(?P<l1mark>[、.．，,])(?![{_NUMERAL_CHARS}]{{1,3}}[、季月级类批等])"
    rf"|[（(](?P<l2>{NUMERAL})[）)]"
    # 1. 1． 1、 but not a decimal (3.5万) or a date (2024.11.21), though 1.2024年… is a heading.
    r"|(?<![\d.．])(?P<l3>\d{1,2})[.．、](?:(?![\d.．])|(?=(?:19|20)\d{2}年))"
    r"|[（(](?P<l4>\d{1,2})[）)]"
)
_LEVELS = {"part": 1, "l1": 1, "l2": 2, "l3": 3, "l4": 4}

Context = Literal["line", "sentence", "colon", "semicolon", "space", "runon"]
_SENTENCE_END = "。！？!?"
_CLOSERS = "”’」』）)】"
_SPACES = " \t\u3000\u00a0"
_RUN_ON_REACH = 80
"""A first subheading runs on from its heading (``一、…成效（一）依法…``) within this many characters."""


@dataclass(frozen=True, slots=True)
class Marker:
    """A heading number found in the text."""

    level: int
    """1 ``一、``/``第一部分``, 2 ``（一）``, 3 ``1.``, 4 ``（1）``."""
    value: int
    number: str
    """The number as written, e.g. ``一、`` or ``（二）``."""
    start: int
    line_end: int
    """End of the line the number is on."""
    context: Context
    """What precedes it: a line start, a sentence end, a colon, a semicolon, spaces, or text."""
    comma: bool = False
    """Written ``一，``: a heading only when it opens a line."""


_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def numeral_value(numeral: str) -> int:
    """Value of a heading numeral up to 99 (``十二`` → 12, ``二十`` → 20)."""
    if numeral.isdigit():
        return int(numeral)
    if "十" not in numeral:
        return _DIGITS.get(numeral, 0)
    tens, _, ones = numeral.partition("十")
    return (_DIGITS.get(tens, 1) if tens else 1) * 10 + (_DIGITS.get(ones, 0) if ones else 0)


def numeral_text(value: int) -> str:
    """``12`` → ``十二``: the inverse of :func:`numeral_value` for 1–99."""
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


class _Positions:
    """Sorted positions of one kind of character, for 'the next/last one before p' by bisection."""

    def __init__(self, text: str, pattern: str) -> None:
        self.at = [m.start() for m in re.finditer(pattern, text)]

    def last_before(self, position: int) -> int:
        index = bisect_left(self.at, position)
        return self.at[index - 1] if index else -1

    def first_from(self, position: int, default: int) -> int:
        index = bisect_left(self.at, position)
        return self.at[index] if index < len(self.at) else default

    def any_between(self, start: int, end: int) -> bool:
        return bisect_left(self.at, start) < bisect_right(self.at, end - 1)


def candidates(text: str) -> list[Marker]:
    """Every well-formed heading number of ``text`` outside 《…》, with what precedes it."""
    newlines = _Positions(text, "\n")
    opens, closes = _Positions(text, "《"), _Positions(text, "》")
    found: list[Marker] = []
    for m in _MARKER_RE.finditer(text):
        name = m.lastgroup
        if name == "l1mark":
            name = "l1"
        numeral = m.group(name or "")
        if not name or not numeral:
            continue
        start = m.start()
        line_start = newlines.last_before(start) + 1
        line_end = newlines.first_from(start, len(text))
        if opens.last_before(start) >= line_start and opens.last_before(start) > closes.last_before(start):
            continue  # inside a cited title: 《关于…（一）…》
        value = numeral_value(numeral)
        if value == 0:
            continue
        comma = name == "l1" and m.group("l1mark") in "，,"
        found.append(
            Marker(_LEVELS[name], value, m.group(), start, line_end, _context(text, line_start, start), comma)
        )
    return found


def _context(text: str, line_start: int, start: int) -> Context:
    before = text[max(line_start, start - 6) : start]
    stripped = before.rstrip(_SPACES)
    if not stripped:
        return "line" if start - line_start <= len(before) else "space"
    last = stripped[-1]
    if last in _CLOSERS and len(stripped) > 1 and stripped[-2] in _SENTENCE_END:
        return "sentence"
    if last in _SENTENCE_END:
        return "sentence"
    if last in "：:":
        return "colon"
    if last in "；;":
        return "semicolon"
    return "space" if len(stripped) < len(before) else "runon"


def find_markers(text: str) -> list[Marker]:
    """The heading numbers that structure the report, in text order (see the module docstring).

    A number that opens a line is a heading when it continues the numbering (or, for a short
    level-1 line, skips ahead). A number inside a line must continue the numbering exactly and
    follow a sentence end, a colon or spaces, or be the first subheading running on from its
    heading; and it must not be one item of a list that ends within the same sentence.
    """
    found = candidates(text)
    ends = _Positions(text, "[。！？!?\n]")
    following = _next_of_same_level(found)
    expected = [1, 1, 1, 1, 1]
    accepted: list[Marker] = []
    min_level = 9
    list_next = 0  # a numbered list restarted inside a part (一、二、… below 二、) continues with this
    for index, marker in enumerate(found):
        if marker.level == 1 and marker.context == "line":
            if marker.value == list_next:
                list_next += 1
                continue
            list_next = marker.value + 1 if marker.value < expected[1] else 0
        if not _acceptable(marker, expected, accepted, min_level, ends):
            continue
        later = following[index]
        if marker.context != "line" and later is not None:
            nxt = found[later]
            # Another item of the same list before this sentence ends: an enumeration, not a heading.
            if nxt.value == marker.value + 1 and nxt.start < ends.first_from(marker.start, len(text)):
                continue
        accepted.append(marker)
        min_level = min(min_level, marker.level)
        expected[marker.level] = marker.value + 1
        for deeper in range(marker.level + 1, len(expected)):
            expected[deeper] = 1
    return accepted


def _acceptable(
    marker: Marker, expected: list[int], accepted: list[Marker], min_level: int, ends: _Positions
) -> bool:
    level, value = marker.level, marker.value
    if marker.context == "line":
        if level != 1:
            return True
        if marker.comma:
            return value == expected[1]
        return value == expected[1] or (value > expected[1] and marker.line_end - marker.start <= 40)
    if marker.comma or value != expected[level]:
        return False
    if marker.context in ("sentence", "colon", "space"):
        # Below level 1, a run-in number needs a heading above it first (else it is a list).
        return level == 1 or (bool(accepted) and min_level < level)
    if marker.context == "runon" and value == 1 and accepted:
        parent = accepted[-1]
        return (
            parent.level == level - 1
            and marker.start - parent.start <= _RUN_ON_REACH
            and marker.start < parent.line_end
            and not ends.any_between(parent.start, marker.start)
        )
    return False


def _next_of_same_level(found: list[Marker]) -> list[int | None]:
    following: list[int | None] = [None] * len(found)
    last: dict[int, int] = {}
    for index in range(len(found) - 1, -1, -1):
        following[index] = last.get(found[index].level)
        last[found[index].level] = index
    return following
