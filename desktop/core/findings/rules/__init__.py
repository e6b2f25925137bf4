"""The rules, by their stable ids (the keys of ``rules`` in ``resources/findings.json``).

Order is the order findings of equal position are listed in: whole-report matters first.
"""

from __future__ import annotations

from desktop.core.findings.rules.base import Rule
from desktop.core.findings.rules.comparison import (
    carried_over,
    figures_inconsistent,
    stated_change_contradicts,
)
from desktop.core.findings.rules.form import closing_incomplete, title_nonstandard
from desktop.core.findings.rules.numbering import bracket_slip, numbering_slip
from desktop.core.findings.rules.structure import part_missing, part_only_sentence
from desktop.core.findings.rules.substance import (
    leader_duty_vague,
    next_year_not_concrete,
    shortcomings_generic,
    shortcomings_no_cause,
    shortcomings_short,
)
from desktop.core.findings.rules.timing import data_period_early, late, time_word_this_year

RULES: dict[str, Rule] = {
    "part_missing": part_missing,
    "part_only_sentence": part_only_sentence,
    "shortcomings_no_cause": shortcomings_no_cause,
    "shortcomings_generic": shortcomings_generic,
    "shortcomings_short": shortcomings_short,
    "next_year_not_concrete": next_year_not_concrete,
    "leader_duty_vague": leader_duty_vague,
    "carried_over": carried_over,
    "figures_inconsistent": figures_inconsistent,
    "stated_change_contradicts": stated_change_contradicts,
    "time_word_this_year": time_word_this_year,
    "data_period_early": data_period_early,
    "late": late,
    "title_nonstandard": title_nonstandard,
    "closing_incomplete": closing_incomplete,
    "numbering_slip": numbering_slip,
    "bracket_slip": bracket_slip,
}

__all__ = ["RULES", "Rule"]
