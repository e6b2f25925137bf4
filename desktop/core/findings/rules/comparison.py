"""Against the prior year and the figures: carried-over parts, figures that do not hold together."""

from __future__ import annotations

from desktop.core.findings.config import FindingsConfig
from desktop.core.findings.model import Finding, ReportFacts
from desktop.core.findings.rules.base import Settings, finding
from desktop.core.findings.rules.spans import label

_WHY = {
    "rate_mismatch": "比率与其分子、分母对不上，",
    "impossible_value": "数值不可能成立，",
    "total_mismatch": "合计与分项之和不符，",
    "conflicting_values": "同一指标前后数值不同，",
}


def carried_over(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    """不足 and 下一年度 mostly repeated from last year's report (照搬往年)."""
    found: list[Finding] = []
    kinds = settings.get("parts", ["shortcomings", "next_year"])
    threshold = float(settings.get("min_share", 0.5))
    done: set[str] = set()
    for part in facts.carried:
        if part.kind not in kinds or part.share is None or part.share < threshold or part.kind in done:
            continue
        done.add(part.kind)
        end = max(part.heading_end, part.start)
        if end <= part.start:
            end = min(part.end, part.start + 30)
        share = int(part.share * 100 + 0.5)
        year = f"{facts.prior_year}年" if facts.prior_year else "上一年度"
        found.append(
            finding(
                "carried_over",
                settings,
                f"“{part.title or label(part.kind)}”部分有 {share}% 的内容与{year}报告相同或几乎相同（照搬往年）。"
                "去年查摆的问题和安排原样重复，说明问题未整改或报告未认真撰写。",
                (part.start, end),
                key=part.kind,
                evidence={
                    "part": part.kind,
                    "share": round(part.share, 3),
                    "prior_id": facts.prior_id,
                    "prior_year": facts.prior_year,
                },
            )
        )
    return found


def figures_inconsistent(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    """The metric checks: rates against counts, impossible values, totals against their parts."""
    found: list[Finding] = []
    severities: dict[str, str] = dict(settings.get("checks", {}))
    for check in facts.checks:
        severity = severities.get(check.kind)
        if check.kind == "stated_change_mismatch" or not severity or severity == "off":
            continue
        found.append(
            finding(
                "figures_inconsistent",
                settings,
                f"{check.message}{_WHY.get(check.kind, '')}数据不实或矛盾会影响报告的可信度，请核实。",
                check.spans[0] if check.spans else None,
                key=check.kind,
                evidence={"check": check.kind, "check_severity": check.severity},
                severity=severity,
            )
        )
    return found


def stated_change_contradicts(
    facts: ReportFacts, settings: Settings, _config: FindingsConfig
) -> list[Finding]:
    """``同比下降13.6%`` that last year's report does not bear out."""
    return [
        finding(
            "stated_change_contradicts",
            settings,
            f"{check.message}所述同比变化与上年报告的数据不符，请核实。",
            check.spans[0] if check.spans else None,
            key=check.kind,
            evidence={"prior_id": facts.prior_id, "prior_year": facts.prior_year},
        )
        for check in facts.checks
        if check.kind == "stated_change_mismatch"
    ]
