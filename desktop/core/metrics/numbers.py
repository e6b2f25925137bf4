"""Finding the numbers in report text: Arabic and Chinese numerals, magnitudes, qualifiers, units.

Only numbers that carry a measure word (or ``%``) are figures; years, dates, document numbers,
heading numbers, codes in quotes (“1310”, “1+6+3”) and hotlines have none, or are ruled out here.
So are numbers inside names and slogans: 《…十件实事工作方案》, “四个深化年”, 八个新突破, 两人以上执法.

Every scan here is linear in the length of the text: each regular expression is matched once from
left to right, runs of Chinese numerals are taken whole, and every look-around is a fixed number of
characters (a report of 30,000 repeated numerals once took minutes).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

UNITS = (
    "个百分点", "百分点", "家（次）", "家(次)", "人次", "家次", "场次", "户次", "宗次", "件次", "批次",
    "万元", "亿元", "元", "%", "％", "家", "次", "起", "人", "名", "项", "件", "场", "期", "份", "宗",
    "个", "处", "条", "批", "户", "所", "篇", "本", "轮", "班", "册", "张", "台", "辆", "支", "座",
    "类", "种", "套", "部", "卷",
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
_CN_COUNT_UNITS = (
    "场次|人次|家次|户次|件次|次|起|人|名|项|件|场|期|份|宗|家|户|个|批|轮|条|处|篇|所|部|卷|张|班"
)
_CN_RUN_RE = re.compile(r"[一二两三四五六七八九十百千]+")
_CN_AFTER_RE = re.compile(rf"(?P<qa>余|多)?(?P<unit>{_CN_COUNT_UNITS})(?P<qa3>以上|左右)?")
_CN_SLOGAN_UNITS = frozenset("个件项条类种大批张部所篇")
"""Measure words after which a Chinese numeral and a noun make a name: 三个年, 十件实事, 八个新突破."""
_FIGURE_AFTER = frozenset("，。；：、！？,.;:!?）)”’」』》 \t\n\r　")
_PUNCTUATION = frozenset("，。；：、！？,.;:!?（）()“”‘’「」『』《》〔〕【】[]…—- \t\n\r　")
_WORD_AFTER_UNIT = {
    "人": "民", "条": "例件", "处": "罚理置", "名": "单录", "项": "目", "部": "门署",
    "场": "所", "家": "庭", "台": "账", "座": "谈", "班": "子", "本": "级",
}  # fmt: skip
"""A measure word that is really the first half of a word: 12人民…, 3部门, 5项目, 120场所."""
_DURATION_AFTER = ("工作日", "自然日", "小时", "星期", "季度", "月", "周")
"""``3个工作日``, ``6个月``: a duration, not a count."""
_QUOTED_LIMIT = 15
"""Longest “…” whose numbers are a name or slogan (“四个深化年”) rather than a stated figure."""
_TITLE_LIMIT = 80
"""Longest 《…》 that is taken for a title (an unclosed 《 must not swallow the report)."""


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


def _not_a_measure(text: str, token: NumberToken) -> bool:
    """The measure word begins another word (``12部门``) or counts time (``3个工作日``)."""
    if token.qualifier is not None and token.qualifier in ("以上", "左右"):
        return False
    following = text[token.end : token.end + 1]
    if token.unit in _WORD_AFTER_UNIT and following and following in _WORD_AFTER_UNIT[token.unit]:
        return True
    return token.unit == "个" and text.startswith(_DURATION_AFTER, token.end)


def _threshold(text: str, token: NumberToken) -> bool:
    """``两人以上执法``, ``500人以上的企业``: 以上 followed by words is a threshold, not a count."""
    if token.qualifier != "以上":
        return False
    following = text[token.end : token.end + 1]
    return bool(following) and following not in _PUNCTUATION


class _Names:
    """Spans of short quotations and book titles, found in one pass: numbers there are names."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for opening, closing, limit in (("“", "”", _QUOTED_LIMIT), ("《", "》", _TITLE_LIMIT)):
            position = text.find(opening)
            while position >= 0:
                end = text.find(closing, position + 1, position + 2 + limit)
                stop = text.find("\n", position + 1, end) if end >= 0 else -1
                if end >= 0 and stop < 0 and text.find(opening, position + 1, end) < 0:
                    self.starts.append(position)
                    self.ends.append(end)
                    position = text.find(opening, end + 1)
                else:
                    position = text.find(opening, position + 1)
        order = sorted(range(len(self.starts)), key=self.starts.__getitem__)
        self.starts = [self.starts[i] for i in order]
        self.ends = [self.ends[i] for i in order]

    def inside(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start) - 1
        return index >= 0 and self.starts[index] < start and end <= self.ends[index]


def find_numbers(text: str) -> list[NumberToken]:
    """Every figure-like number in ``text``, in order; numbers without a measure word are skipped."""
    names = _Names(text)
    arabic = [t for m in ARABIC_RE.finditer(text) if (t := _arabic(text, m))]
    chinese = [t for m in _CN_RUN_RE.finditer(text) if (t := _chinese(text, m))]
    tokens = _merge(arabic, chinese)
    return [
        t
        for t in tokens
        if not names.inside(t.start, t.end) and not _threshold(text, t) and not _not_a_measure(text, t)
    ]


def _merge(arabic: list[NumberToken], chinese: list[NumberToken]) -> list[NumberToken]:
    """Both lists are in text order; a Chinese numeral overlapping an Arabic figure is dropped."""
    merged: list[NumberToken] = []
    index = 0
    for token in chinese:
        while index < len(arabic) and arabic[index].end <= token.start:
            merged.append(arabic[index])
            index += 1
        if index < len(arabic) and arabic[index].start < token.end:
            continue
        merged.append(token)
    merged.extend(arabic[index:])
    return merged


def _arabic(text: str, m: re.Match[str]) -> NumberToken | None:
    unit = m.group("unit")
    magnitude = m.group("mult")
    if not unit and not (magnitude and _bare_magnitude(text, m)):
        return None
    if _is_code(text, m.start("num"), m.end("num2") if m.group("num2") else m.end("num")):
        return None
    if m.group("dash") and not m.group("num2"):
        return None
    value = float(m.group("num").replace(",", ""))
    second = float(m.group("num2")) if m.group("num2") else None
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


def _bare_magnitude(text: str, m: re.Match[str]) -> bool:
    """``总阅读量超1850万。``: a magnitude with no measure word, closing its clause, is a count."""
    following = text[m.end() : m.end() + 1]
    return not following or following in _FIGURE_AFTER


def _chinese(text: str, run: re.Match[str]) -> NumberToken | None:
    """A whole run of Chinese numerals followed by a measure word (``十余次``, ``三四次``, ``两起``)."""
    numeral = run.group(0)
    after = _CN_AFTER_RE.match(text, run.end())
    if after is None:
        return None
    start = run.start()
    if start and text[start - 1] in "第届周":
        return None
    span = _range(numeral)
    if span is None:
        return None
    low, high = span
    if high < 2:
        return None  # 一次性, 一起, 一批: "one" is almost never a reported count in prose
    unit = after.group("unit")
    end = after.end()
    following = text[end : end + 1]
    if unit in _CN_SLOGAN_UNITS and following and following not in _PUNCTUATION and following != "等":
        return None  # 三个年, 十件实事, 八个新突破: a name, not a count
    qualifier_before = next(
        (q for q in ("超过", "突破", "约", "近", "超", "逾") if text.endswith(q, 0, start)), None
    )
    qualifier = _qualifier(qualifier_before, after.group("qa"), after.group("qa3"))
    if qualifier_before:
        start -= len(qualifier_before)
    bounded_low, bounded_high = _bounds(float(low), qualifier) if low == high else (float(low), float(high))
    return NumberToken(start, end, float(low), unit, qualifier, bounded_low, bounded_high, text[start:end])


def _range(numeral: str) -> tuple[int, int] | None:
    """``三四`` → (3, 4); plain numerals → (n, n)."""
    if len(numeral) == 2 and all(ch in _CN_DIGIT for ch in numeral):
        a, b = _CN_DIGIT[numeral[0]], _CN_DIGIT[numeral[1]]
        return (a, b) if b == a + 1 else None
    value = chinese_value(numeral)
    return None if value is None else (value, value)


def _tidy(value: float) -> float:
    return round(value, 6)
