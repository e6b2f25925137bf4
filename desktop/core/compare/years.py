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


def relative_key(key: str, year: int) -> str:
    """``key`` with each year expression replaced by its offset from ``year``."""

    def swap(match: re.Match[str]) -> str:
        offset = _offset(match, year)
        return match.group() if offset is None else _marker(offset)

    return _YEAR_RE.sub(swap, key)


def relative_with_map(key: str, positions: Sequence[int], year: int) -> tuple[str, list[int]]:
    """:func:`relative_key` that also maps each character of the result to a text position (a
    marker maps to where its expression starts)."""
    out: list[str] = []
    mapped: list[int] = []
    last = 0
    for match in _YEAR_RE.finditer(key):
        offset = _offset(match, year)
        if offset is None:
            continue
        out.append(key[last : match.start()])
        mapped.extend(positions[last : match.start()])
        out.append(_marker(offset))
        mapped.append(positions[match.start()])
        last = match.end()
    if last == 0:
        return key, list(positions)
    out.append(key[last:])
    mapped.extend(positions[last:])
    return "".join(out), mapped
