"""Finding the numbers in report text: Arabic and Chinese numerals, magnitudes, qualifiers, units.

Only numbers that carry a measure word (or ``%``) are figures; years, dates, document numbers,
heading numbers, codes in quotes (“1310”, “1+6+3”) and hotlines have none, or are ruled out here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = (
    "个百分点", "百分点", "家（次）", "家(次)", "人次", "家次", "场次", "户次", "宗次", "万元", "亿元",
    "元", "%", "％", "家", "次", "起", "人", "名", "项", "件", "场", "期", "份", "宗", "个", "处", "条",
    "批", "户", "所", "篇", "本", "轮", "班", "册", "张", "台", "辆", "支", "座", "类", "种", "套",
)  # fmt: skip
_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_QUALIFIER_BEFORE = {"约": "约", "近": "近", "超过": "超", "超": "超", "突破": "超", "逾": "超"}
_QUALIFIER_RE = "超过|突破|约|近|超|逾"

ARABIC_RE = re.compile(
    rf"(?P<qb>{_QUALIFIER_RE})?(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)"
    rf"(?:(?P<dash>[-—~～至])(?P<num2>\d+(?:\.\d+)?))?"
    rf"(?P<qa1>余|多)?(?P<mult>万|亿)?(?P<qa2>余|多)?(?P<unit>{_UNIT_RE})?(?P<qa3>以上|左右)?"
)
_CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_COUNT_UNITS = "场次|人次|家次|次|起|人|名|项|件|场|期|份|宗|家|个|批|轮|条|处|篇"
CHINESE_RE = re.compile(
    rf"(?P<qb>{_QUALIFIER_RE})?(?P<cn>[一二两三四五六七八九十百千]+)(?P<qa>余|多)?(?P<unit>{_CN_COUNT_UNITS})"
)
ZERO_RE = re.compile(r"零(?P<word>[\u4e00-\u9fff]{2})")


@dataclass(frozen=True)
class NumberToken:
    start: int
    end: int
    value: float
    unit: str | None
    qualifier: str | None
    low: float | None
    high: float | None
    raw: str
    magnitude: str | None = None
    """``万``/``亿`` as written; money keeps it in the unit (``326.5万元``)."""


def chinese_value(text: str) -> int | None:
    """``十二`` → 12, ``三百五十`` → 350, ``两`` → 2; None for what is not a plain numeral."""
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGIT:
            current = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            total += (current or 1) * _CN_UNIT[ch]
            current = 0
        else:
            return None
    return total + current


def _bounds(value: float, qualifier: str | None) -> tuple[float | None, float | None]:
    if qualifier in ("余", "多", "超", "以上"):
        return value, None
    if qualifier == "近":
        return None, value
    return value, value


def _qualifier(*parts: str | None) -> str | None:
    for part in parts:
        if part:
            return _QUALIFIER_BEFORE.get(part, part)
    return None


def _is_code(text: str, start: int, end: int) -> bool:
    """“1310”, “1+6+3”, 5·12, 12345热线, 〔2024〕5号, 2024年, 1-8月: identifiers and dates, not figures."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in '“"‘〔[【+·.' or after in '”"’〕]】+·':
        return True
    if after in "年月日号时届" or text.startswith(("热线", "号", "线"), end):
        return True
    return bool(re.match(r"[.．、]\D", text[end : end + 2])) and not text[end : end + 1].isdigit()


def find_numbers(text: str) -> list[NumberToken]:
    """Every figure-like number in ``text``, in order; numbers without a measure word are skipped."""
    tokens = [t for m in ARABIC_RE.finditer(text) if (t := _arabic(text, m))]
    taken = [(t.start, t.end) for t in tokens]
    for m in CHINESE_RE.finditer(text):
        token = _chinese(text, m)
        if token and not any(s < token.end and token.start < e for s, e in taken):
            tokens.append(token)
    tokens.sort(key=lambda t: t.start)
    return tokens


def _arabic(text: str, m: re.Match[str]) -> NumberToken | None:
    unit = m.group("unit")
    if not unit or _is_code(text, m.start("num"), m.end("num2") if m.group("num2") else m.end("num")):
        return None
    if m.group("dash") and not m.group("num2"):
        return None
    value = float(m.group("num").replace(",", ""))
    second = float(m.group("num2")) if m.group("num2") else None
    magnitude = m.group("mult")
    factor = {"万": 10_000, "亿": 100_000_000}.get(magnitude or "", 1)
    if magnitude and unit in ("元",):
        unit, factor = magnitude + unit, 1  # money stays in 万元/亿元 as written
    qualifier = _qualifier(m.group("qb"), m.group("qa1"), m.group("qa2"), m.group("qa3"))
    value *= factor
    low, high = _bounds(value, qualifier)
    if second is not None:
        low, high = value, second * factor
    start = m.start("qb") if m.group("qb") else m.start("num")
    return NumberToken(start, m.end(), _tidy(value), unit, qualifier, low, high, m.group(0), magnitude)


def _chinese(text: str, m: re.Match[str]) -> NumberToken | None:
    numeral = m.group("cn")
    if m.start("cn") and text[m.start("cn") - 1] in "第届周":
        return None
    span = _range(numeral)
    if span is None:
        return None
    low, high = span
    if high < 2:
        return None  # 一次性, 一起, 一批: "one" is almost never a reported count in prose
    qualifier = _qualifier(m.group("qb"), m.group("qa"))
    start = m.start("qb") if m.group("qb") else m.start("cn")
    bounded_low, bounded_high = _bounds(float(low), qualifier) if low == high else (float(low), float(high))
    return NumberToken(
        start, m.end(), float(low), m.group("unit"), qualifier, bounded_low, bounded_high, m.group(0)
    )


def _range(numeral: str) -> tuple[int, int] | None:
    """``三四`` → (3, 4); plain numerals → (n, n)."""
    if len(numeral) == 2 and all(ch in _CN_DIGIT for ch in numeral):
        a, b = _CN_DIGIT[numeral[0]], _CN_DIGIT[numeral[1]]
        return (a, b) if b == a + 1 else None
    value = chinese_value(numeral)
    return None if value is None else (value, value)


def _tidy(value: float) -> float:
    return round(value, 6)
