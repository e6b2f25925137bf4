"""Heading-number patterns of Chinese official documents (一、 → （一） → 1. → （1） → 一是)."""

from __future__ import annotations

import re

NUMERAL = "[一二三四五六七八九十]{1,3}"

LEVEL1_RE = re.compile(rf"^({NUMERAL})[、.．]")
LEVEL2_RE = re.compile(rf"^[（(]({NUMERAL})[）)]")
LEVEL3_RE = re.compile(r"^(\d{1,2})[.．、](?!\d)")
LEVEL4_RE = re.compile(r"^[（(](\d{1,2})[）)]")
POINT_RE = re.compile(rf"(?:^|(?<=[。；：！？\s]))(?:({NUMERAL})是|第({NUMERAL})[，、,])")
"""Inline points ``一是…二是…`` (and ``第一，…``) inside a paragraph."""

HEADING_START_RE = re.compile(
    rf"^(?:{NUMERAL}[、.．]|[（(](?:{NUMERAL}|\d{{1,2}})[）)]|\d{{1,2}}[.．、](?!\d)|{NUMERAL}是)"
)
"""Any heading or point marker at the start of a line."""

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
