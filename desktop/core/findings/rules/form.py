"""Form: the title, and the issuing agency, signature and date of the closing block."""

from __future__ import annotations

import re

from desktop.core.findings.config import FindingsConfig
from desktop.core.findings.model import Finding, ReportFacts
from desktop.core.findings.rules.base import Settings, finding
from desktop.core.findings.rules.spans import closing_lines

_TRIM = " \t\u3000《》"


def _title_span(facts: ReportFacts) -> tuple[int, int] | None:
    """Where the title stands in the text (it may be broken over two lines)."""
    title = (facts.title or "").strip(_TRIM)
    if not title:
        return None
    text = facts.text
    head = text[: max(400, len(title) * 3)]
    compact = re.sub(r"\s+", "", head)
    if not compact.startswith(re.sub(r"\s+", "", title)[:6]):
        return None
    # Walk the text until as many non-space characters as the title has are behind us.
    wanted, seen, start, end = len(re.sub(r"\s+", "", title)), 0, None, 0
    for index, ch in enumerate(head):
        if ch.isspace():
            continue
        if start is None:
            start = index
        seen += 1
        if seen == wanted:
            end = index + 1
            break
    return (start, end) if start is not None and end > start else None


def title_nonstandard(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    standard = str(settings.get("standard", ""))
    title = (facts.title or "").strip(_TRIM)
    if facts.title_generated or not title:
        return [
            finding(
                "title_nonstandard",
                settings,
                f"报告没有标题（列表中显示的是软件生成的标题）。年度报告应有规范标题，如“{standard}”。",
                key="missing",
                evidence={"standard": standard},
            )
        ]
    problems = [w for w in settings.get("wrong_words", []) if w in title]
    # 工作总结 contains 总结: name the longest word only.
    problems = [w for w in problems if not any(w != o and w in o for o in problems)]
    missing = [w for w in settings.get("required", []) if w not in title]
    if not problems and not missing and title.endswith("报告"):
        return []
    if problems:
        why = f"标题写作“{problems[0]}”，"
    elif missing:
        why = f"标题未体现“{missing[0]}”，"
    else:
        why = "标题不是“…报告”的形式，"
    return [
        finding(
            "title_nonstandard",
            settings,
            f"{why}不是法治政府建设年度报告的规范名称。规范标题如“{standard}”。",
            _title_span(facts),
            key="form",
            evidence={"title": title, "wrong_words": problems, "missing_words": missing},
        )
    ]


def closing_incomplete(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    checks = settings.get("check", ["agency", "date", "signature"])
    web = facts.source_format in ("html", "htm")
    note = "（网页转载件常省略落款，请以正式报送件为准。）" if web else ""
    found: list[Finding] = []
    if "agency" in checks and not facts.agency:
        found.append(
            finding(
                "closing_incomplete",
                settings,
                "报告的标题、主送和落款都没有写明报告单位。报告应写明报告单位全称。",
                key="agency",
            )
        )
    signature = re.compile(str(settings.get("signature_pattern", "$^")))
    lines = closing_lines(facts.text, facts.body_end)
    signed = any(signature.match(line) or (facts.agency and line == facts.agency) for _o, line in lines)
    no_date = "date" in checks and facts.report_date is None
    no_signature = "signature" in checks and not signed
    if no_date and no_signature:
        message, key = (
            "报告文末没有落款单位和成文日期。正式报告应署报告单位并注明成文日期。",
            "signature_date",
        )
    elif no_date:
        message, key = "报告文末没有成文日期，无法判断是否按时报送。正式报告应注明成文日期。", "date"
    elif no_signature:
        message, key = "报告文末没有落款单位。正式报告应署报告单位全称。", "signature"
    else:
        return found
    found.append(finding("closing_incomplete", settings, message + note, key=key, evidence={"web_copy": web}))
    return found
