"""Running the rules on one report's facts: configured, labelled, ordered and given stable ids."""

from __future__ import annotations

import logging

from desktop.core.annotations.taxonomy import Taxonomy, default_taxonomy
from desktop.core.findings.config import FindingsConfig, default_config
from desktop.core.findings.model import Finding, ReportFacts, assign_ids
from desktop.core.findings.rules import RULES

log = logging.getLogger("reviewdesk.findings")
SEVERITY_ORDER = ("critical", "serious", "normal")


def run_rules(
    facts: ReportFacts, config: FindingsConfig | None = None, taxonomy: Taxonomy | None = None
) -> list[Finding]:
    """Every enabled rule's findings, in text order (whole-report findings first)."""
    config = config or default_config()
    taxonomy = taxonomy or default_taxonomy()
    findings: list[Finding] = []
    for rule_id, rule in RULES.items():
        if not config.enabled(rule_id):
            continue
        try:
            findings += rule(facts, config.rule(rule_id), config)
        except Exception:  # one broken rule (a user pattern, an odd text) must not hide the others
            log.exception("finding rule %s failed", rule_id)
    findings = [f for f in findings if f.severity != "off"]
    order = list(RULES)
    findings.sort(key=lambda f: (f.start is not None, f.start or 0, order.index(f.rule)))
    for f in findings:
        f.severity_label = taxonomy.severity(f.severity).label
        f.category_label = taxonomy.category(f.category).label
    assign_ids(findings, facts.text)
    return findings


def severity_rank(severity: str) -> int:
    """0 for the most severe; unknown severities (a user taxonomy) last."""
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else len(SEVERITY_ORDER)
