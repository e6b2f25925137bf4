"""Report metadata: agency, region, the year reported on, report date, publication date, title."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from desktop.core.agency import AgencyIdentity, identify_agency
from desktop.core.metrics.numbers import chinese_value
from desktop.core.text.headings import HEADING_START_RE

_YEAR_RE = re.compile(r"(?<![\d\-—–~～至到])((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
_PERIOD_RE = re.compile(
    r"(?:19|20)\d{2}\s*(?:年\s*)?[-—–~～至到]+\s*(?:19|20)\d{2}\s*年?|(?:19|20)\d{2}(?:19|20)\d{2}年"
)
"""A plan period (``2021-2025年``, ``（2021—2025年）``, ``20212025年`` with its dash lost)."""
_CITED_RE = re.compile(r"《[^《》\n]{0,120}》")
_TITLE_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年|(?=法治|度|工作))")
_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CN_DATE_RE = re.compile(
    r"([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,4})日"
)
_TITLE_WORDS = ("报告", "总结", "情况", "通知", "意见", "方案", "要点", "函")
_GENERATED_TITLE = "{agency}{year}年法治政府建设年度报告"


@dataclass
class ReportMetadata:
    agency: str | None = None
    region: str | None = None
    identity: AgencyIdentity = field(default_factory=AgencyIdentity)
    """How the agency was found and how sure that is (see :mod:`desktop.core.agency`)."""
    year: int | None = None
    title: str | None = None
    title_generated: bool = False
    report_date: date | None = None
    published_date: date | None = None
    written_date: date | None = None
    """成文日期 from a web page's info table (kept apart: the page frame is not the report)."""
    warnings: list[str] = field(default_factory=list)


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip())
    return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _cn_number(text: str) -> int:
    """``二〇二四`` (digit by digit, as years are written) or ``二十一`` (positional)."""
    if "十" in text:
        return chinese_value(text) or 0
    return int("".join(str(chinese_value(ch.translate(_ZERO_FORMS)) or 0) for ch in text))


_ZERO_FORMS = str.maketrans({"○": "〇", "Ｏ": "〇", "O": "〇"})


def find_date(line: str) -> date | None:
    m = _DATE_RE.search(line)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _CN_DATE_RE.search(line)
    if m:
        return _safe_date(_cn_number(m.group(1)), _cn_number(m.group(2)), _cn_number(m.group(3)))
    return None


def _title_lines(lines: list[str]) -> list[str]:
    """The opening lines that form the title (a title is often broken over two lines)."""
    title: list[str] = []
    for line in lines[:4]:
        if (
            not line
            or len(line) > 50
            or "。" in line
            or line.endswith(("：", ":"))
            or HEADING_START_RE.match(line)
            or (_YEAR_RE.match(line) and "，" in line)
        ):
            break
        title.append(line)
        if line.endswith(_TITLE_WORDS):
            break
    joined = "".join(title)
    return title if any(word in joined for word in _TITLE_WORDS) else []


def _without_periods(text: str) -> str:
    """Plan periods and cited document titles blanked out: their years are never the report's."""
    text = _CITED_RE.sub(lambda m: " " * len(m.group()), text)
    return _PERIOD_RE.sub(lambda m: " " * len(m.group()), text)


def _report_year(title: str | None, lines: list[str], report_date: date | None) -> int | None:
    """The year reported on: the title first, then the report's own opening words, then its date.

    A plan period (``2021-2025年``) or a page's date never outranks what the report says of itself.
    """
    if title and (m := _TITLE_YEAR_RE.search(_without_periods(title))):
        return int(m.group(1))
    opening = [_without_periods(line) for line in lines[:6]]
    for line in opening:
        if m := re.match(r"\s*((?:19|20)\d{2})\s*年(?:度|以来|全年)?\s*[，,]", line):
            return int(m.group(1))
    for line in opening:
        if m := re.search(r"现将[^。]{0,30}?((?:19|20)\d{2})\s*年", line):
            return int(m.group(1))
        if m := re.search(r"((?:19|20)\d{2})\s*年度", line):
            return int(m.group(1))
    if report_date:
        return report_date.year - 1 if report_date.month <= 6 else report_date.year
    body = _without_periods("\n".join(lines[:40]))
    years = Counter(int(m.group(1)) for m in _YEAR_RE.finditer(body))
    return years.most_common(1)[0][0] if years else None


def _closing_date(closing: str) -> date | None:
    """The date that stands on its own line in the closing block (not the 印发 line)."""
    for line in closing.split("\n"):
        stripped = line.strip()
        found = find_date(stripped)
        if found and len(stripped) <= 14:
            return found
    return None


def extract_metadata(text: str, body_end: int, container: dict[str, str]) -> ReportMetadata:
    """Metadata from the cleaned text, its closing block and the container's own facts."""
    lines = [line.strip() for line in text[:4000].split("\n") if line.strip()]
    closing = text[body_end:]
    meta = ReportMetadata()
    title_lines = _title_lines(lines)
    meta.title = "".join(title_lines) or container.get("title") or None
    meta.report_date = _closing_date(closing)
    meta.published_date = parse_iso(container.get("published_date"))
    meta.written_date = parse_iso(container.get("written_date"))
    meta.identity = identify_agency(meta.title, lines[len(title_lines) :], closing, container, text)
    meta.agency = meta.identity.name
    meta.region = meta.identity.region
    meta.year = _report_year(meta.title, lines[len(title_lines) :], meta.report_date)
    if not meta.title and meta.agency and meta.year:
        meta.title = _GENERATED_TITLE.format(agency=meta.agency, year=meta.year)
        meta.title_generated = True
    if not meta.agency:
        meta.warnings.append("未能识别报告单位，请在报告信息中补充。")
    if not meta.year:
        meta.warnings.append("未能识别报告年度，请在报告信息中补充。")
    return meta
