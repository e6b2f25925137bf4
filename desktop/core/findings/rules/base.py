"""What every rule module shares: the rule signature and a constructor for findings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.core.findings.config import FindingsConfig
from desktop.core.findings.model import Finding, ReportFacts

Settings = dict[str, Any]
Rule = Callable[[ReportFacts, Settings, FindingsConfig], list[Finding]]


def finding(
    rule: str,
    settings: Settings,
    message: str,
    span: tuple[int, int] | None = None,
    *,
    key: str = "",
    evidence: dict[str, Any] | None = None,
    severity: str | None = None,
) -> Finding:
    """A finding with the rule's configured severity and category (``severity`` overrides)."""
    return Finding(
        rule=rule,
        severity=severity or str(settings.get("severity", "normal")),
        category=str(settings.get("category", "other")),
        message=message,
        start=span[0] if span else None,
        end=span[1] if span else None,
        evidence=evidence or {},
        key=key,
    )
