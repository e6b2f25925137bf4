"""Time: 今年 in a report written after the year, data periods that stop early, late reports."""

from __future__ import annotations

import re
from datetime import date

from desktop.core.findings.config import FindingsConfig
from desktop.core.findings.model import Finding, ReportFacts
from desktop.core.findings.rules.base import Settings, finding
from desktop.core.findings.rules.spans import clause_span, closing_lines, outside_next_year, patterns
from desktop.core.text.headings import numeral_value

_DATE_TEXT_RE = re.compile(
    r"(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○一二三四五六七八九]{4}年.{1,3}月.{1,4}日"
)


def _cn(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _cap(found: list[Finding], settings: Settings) -> list[Finding]:
    limit = int(settings.get("max_findings", 6))
    return found[:limit]


def time_word_this_year(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    if facts.year is None:
        return []
    written = facts.report_date or facts.written_date
    if written is not None and written.year <= facts.year:
        return []  # written within the year: 今年 is that year
    if written is None and facts.published_date is not None and facts.published_date.year <= facts.year:
        return []  # published within the year, so written in it too
    if written is None and not settings.get("when_date_unknown", True):
        return []
    text = facts.text
    found: list[Finding] = []
    # The title may name the year (关于今年…) only when it is the report's own first line.
    title_end = text.find("\n") if "\n" in text and not facts.title_generated else 0
    for pattern in patterns(settings, "patterns"):
        for m in pattern.finditer(text, title_end, facts.body_end):
            if not outside_next_year(facts, m.start()):
                continue
            word = m.group(0)
            if written is not None:
                message = (
                    f"报告写于{_cn(written)}，却称“{word}”：所指应为{facts.year}年。"
                    f"可能是照抄年中总结的文字，应改为“{facts.year}年”。"
                )
                severity = None
            else:
                message = (
                    f"报告称“{word}”，而报告是关于{facts.year}年的，且未注明成文日期。若成文于次年，"
                    f"“{word}”应改为“{facts.year}年”；也可能是照抄年中总结的文字，请核实。"
                )
                severity = "normal"
            found.append(
                finding(
                    "time_word_this_year",
                    settings,
                    message,
                    clause_span(text, m.start(), m.end()),
                    key=word,
                    evidence={
                        "word": word,
                        "year": facts.year,
                        "report_date": written.isoformat() if written else None,
                    },
                    severity=severity,
                )
            )
    found.sort(key=lambda f: f.start or 0)
    return _cap(found, settings)


def _month(value: str | None) -> int | None:
    if not value:
        return None
    return int(value) if value.isdigit() else numeral_value(value) or None


def data_period_early(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    """``截至11月``, ``1-10月``, ``截至目前``: the year's figures stop before the year ends."""
    text = facts.text
    last_month = int(settings.get("last_month", 12))
    last_day = int(settings.get("last_day", 20))
    found: list[Finding] = []
    seen: set[int] = set()
    for pattern in patterns(settings, "patterns"):
        for m in pattern.finditer(text, 0, facts.body_end):
            if m.start() in seen or not outside_next_year(facts, m.start()):
                continue
            groups = m.groupdict()
            year = groups.get("year") or groups.get("year2")
            if year and facts.year and int(year[:4]) != facts.year:
                continue  # 截至2025年2月 in a 2024 report: a status after the year, not a short period
            month = _month(groups.get("month") or groups.get("month2"))
            day = int(groups["day"]) if groups.get("day") else None
            if month is not None and (
                month > last_month or (month == last_month and (day is None or day >= last_day))
            ):
                continue
            if month is not None and month > 12:
                continue
            seen.add(m.start())
            found.append(
                finding(
                    "data_period_early",
                    settings,
                    f"“{m.group(0)}”：统计截止时间早于年底，全年数据不完整。年度报告应反映全年情况，"
                    "请核实是否补充完整年度数据。",
                    clause_span(text, m.start(), m.end()),
                    key=m.group(0),
                    evidence={"period": m.group(0), "month": month, "day": day},
                )
            )
    found.sort(key=lambda f: f.start or 0)
    return _cap(found, settings)


def late(facts: ReportFacts, settings: Settings, config: FindingsConfig) -> list[Finding]:
    """Dated after the reporting deadline, or published after the publication deadline."""
    if facts.year is None:
        return []
    found: list[Finding] = []
    following = facts.year + 1
    due = config.deadlines.get("report_by")
    if due and facts.report_date is not None:
        deadline = date(following, *due)
        if facts.report_date > deadline:
            found.append(
                finding(
                    "late",
                    settings,
                    f"报告落款日期为{_cn(facts.report_date)}，晚于{_cn(deadline)}的报送时限"
                    f"（晚 {(facts.report_date - deadline).days} 天）。",
                    _date_span(facts),
                    key="report_date",
                    evidence={"date": facts.report_date.isoformat(), "deadline": deadline.isoformat()},
                )
            )
    publish = config.deadlines.get("publish_by")
    if publish and facts.published_date is not None:
        deadline = date(following, *publish)
        if facts.published_date > deadline:
            found.append(
                finding(
                    "late",
                    settings,
                    f"报告公开日期为{_cn(facts.published_date)}，晚于{_cn(deadline)}的公开时限"
                    f"（晚 {(facts.published_date - deadline).days} 天）。",
                    key="published_date",
                    evidence={"date": facts.published_date.isoformat(), "deadline": deadline.isoformat()},
                )
            )
    return found


def _date_span(facts: ReportFacts) -> tuple[int, int] | None:
    """The date line of the closing block, so the finding points at the 落款."""
    for offset, line in reversed(closing_lines(facts.text, facts.body_end)):
        m = _DATE_TEXT_RE.search(line)
        if m:
            return offset + m.start(), offset + m.end()
    return None
