"""Year expressions in comparison keys, made relative to the report's own year.

``2024年`` in the 2024 report and ``2023年`` in the 2023 report both mean "the year reported on";
``上一年度``, ``去年`` and ``2022年`` in those reports all mean "the year before". Each expression is
replaced in the key by one private-use character that encodes its offset from the report's year, so
two sentences that differ only by such a year have equal keys (alignment, carried-over share) and the
word diff sees one equal token (:func:`relative_with_map` keeps every key character mapped to the
text). Only years that carry 年 are taken: ``2024`` alone may be a count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_HAN_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_RELATIVE = {
    "本年度": 0, "本年": 0, "今年": 0,
    "上一年度": -1, "上年度": -1, "上一年": -1, "上年": -1, "去年": -1, "前一年": -1,
    "前年": -2,
    "下一年度": 1, "下年度": 1, "下一年": 1, "明年": 1, "来年": 1,
}  # fmt: skip
_YEAR_RE = re.compile(
    r"(?P<arabic>(?:19|20)\d{2})年度?"
    rf"|(?P<han>[{''.join(_HAN_DIGITS)}]{{4}})年度?"
    "|(?P<rel>" + "|".join(sorted(_RELATIVE, key=len, reverse=True)) + ")"
)
_BASE = 0xE100
"""Private-use characters ``_BASE - 64`` … ``_BASE + 64``: never in a report's cleaned text."""


ROLLING = 1
"""Sentence keys mark only the years that roll over with the report (the year reported on, the one
before and the one after): a fixed year such as ``2021年以来`` stays as written, so a sentence that
repeats it word for word still matches exactly."""


def _offset(match: re.Match[str], year: int) -> int | None:
    if match.group("arabic"):
        value = int(match.group("arabic"))
    elif match.group("han"):
        value = int("".join(str(_HAN_DIGITS[c]) for c in match.group("han")))
        if not 1900 <= value <= 2099:
            return None
    else:
        return _RELATIVE[match.group("rel")]
    offset = value - year
    return offset if -60 <= offset <= 60 else None


def _marker(offset: int) -> str:
    return chr(_BASE + offset)


def relative_key(key: str, year: int, window: int = ROLLING) -> str:
    """``key`` with each year expression within ``window`` years of ``year`` replaced by its offset."""

    def swap(match: re.Match[str]) -> str:
        offset = _offset(match, year)
        return match.group() if offset is None or abs(offset) > window else _marker(offset)

    return _YEAR_RE.sub(swap, key)


def relative_with_map(key: str, positions: Sequence[int], year: int) -> tuple[str, list[int], dict[int, str]]:
    """Every year expression of ``key`` replaced by its offset from ``year``, each character mapped to
    a text position (a marker maps to where its expression starts); and, by the key index of each
    marker, the expression as written."""
    out: list[str] = []
    mapped: list[int] = []
    written: dict[int, str] = {}
    last = length = 0
    for match in _YEAR_RE.finditer(key):
        offset = _offset(match, year)
        if offset is None:
            continue
        out.append(key[last : match.start()])
        mapped.extend(positions[last : match.start()])
        length += match.start() - last
        out.append(_marker(offset))
        mapped.append(positions[match.start()])
        written[length] = match.group()
        length += 1
        last = match.end()
    if last == 0:
        return key, list(positions), {}
    out.append(key[last:])
    mapped.extend(positions[last:])
    return "".join(out), mapped, written


def _tokens(key: str, year: int) -> list[str | tuple[int, str]]:
    marked, _, written = relative_with_map(key, range(len(key)), year)
    return [(ord(c) - _BASE, written[i]) if i in written else c for i, c in enumerate(marked)]


def same_but_years(a: str, b: str, year_a: int, year_b: int) -> bool:
    """Are two keys the same but for years that moved on by the reports' difference or are written
    the same (what the comparison shows as equal when it ignores year-only changes)?"""
    first, second = _tokens(a, year_a), _tokens(b, year_b)
    return len(first) == len(second) and all(
        x == y or (isinstance(x, tuple) and isinstance(y, tuple) and (x[0] == y[0] or x[1] == y[1]))
        for x, y in zip(first, second, strict=True)
    )
