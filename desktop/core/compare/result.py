"""The prior-year comparison of a report in the library, as the core hands it to the CLI and the UI.

:class:`PriorComparison` is what :func:`desktop.core.prior_year.compare_in_library` returns: the
pair of reports, the text comparison, the figures of both years and the stated changes that do
not add up. Without a prior report it carries a :class:`NoPrior` reason code instead of a message:
the command line words it with its command hints, the window with its own translated sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from desktop.core.compare.model import Comparison
from desktop.core.compare.options import CompareOptions
from desktop.core.metrics.extract import Mention


class NoPrior(str, Enum):
    """Why a report is compared with nothing (the JSON ``reason``)."""

    NOT_FOUND = "no_prior_found"
    """The agency and year are sure, and the library holds no report of the agency's year before."""
    UNCONFIRMED = "prior_unconfirmed"
    """A report of the year before may be this issuer's, but the pairing waits for the reviewer."""
    AGENCY_UNCONFIRMED = "agency_unconfirmed"
    """The report's own agency is unsure, so no report is paired with it automatically."""
    YEAR_UNKNOWN = "year_unknown"
    """The report's year is unknown, so there is no "year before" to look for."""
    BINNED = "prior_binned"
    """The report it would be compared with is in the bin."""
    REJECTED = "prior_rejected"
    """The reviewer rejected every report of the year before that would have been paired."""
    NONE_CHOSEN = "none_chosen"
    """The reviewer chose to compare this report with nothing."""
    MISSING = "prior_missing"
    """The report asked for (``--prior``) is not in the library."""


@dataclass(frozen=True)
class YearOverYear:
    """One metric (and unit) in both years: 家 and 家次 are never compared."""

    key: str
    label: str
    unit: str | None
    prior: float | None
    current: float | None
    direction: str

    @property
    def change(self) -> float | None:
        if self.prior is None or self.current is None:
            return None
        return round(self.current - self.prior, 6)

    @property
    def pct(self) -> float | None:
        change = self.change
        if change is None or not self.prior:
            return None
        return round(change / self.prior * 100, 2)

    @property
    def assessment(self) -> str:
        """``good``, ``bad`` or ``neutral``, from the catalog's direction (for colouring)."""
        change = self.change
        if not change or self.direction == "neutral":
            return "neutral"
        rising_good = self.direction == "up_good"
        return "good" if (change > 0) == rising_good else "bad"

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "prior": self.prior,
            "current": self.current,
            "change": self.change,
            "pct": self.pct,
            "assessment": self.assessment,
        }


@dataclass(frozen=True)
class StatedChange:
    """``同比下降13.6%`` in this year's report that last year's and this year's figures contradict."""

    message: str
    mentions: tuple[Mention, ...]
    """The stated change, then the figure of the year before and of this year."""
    kind: str = "stated_change_mismatch"
    severity: str = "warning"

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "mentions": [m.as_json() for m in self.mentions],
        }


@dataclass(frozen=True)
class PriorComparison:
    """A report compared with its prior-year report, or why it is compared with nothing."""

    report_id: int
    prior_id: int | None
    comparison: Comparison | None
    """The text comparison; None exactly when there is no prior report."""
    reason: NoPrior | None = None
    """Why there is no prior report (None when there is one)."""
    options: CompareOptions | None = None
    figures: tuple[YearOverYear, ...] = ()
    checks: tuple[StatedChange, ...] = ()

    @property
    def carried_over(self) -> float | None:
        """The substantive share carried over, rounded as stored and printed."""
        if self.comparison is None or self.comparison.carried_over is None:
            return None
        return round(self.comparison.carried_over, 3)

    @property
    def flagged_kinds(self) -> list[str]:
        """Parts copied from last year (the stored summary's ``flagged``)."""
        return [s.kind for s in self.comparison.sections if s.flagged] if self.comparison else []

    def as_json(self, message: str | None = None) -> dict[str, Any]:
        """The ``reviewdesk compare --json`` object; ``message`` words :attr:`reason` for the reader."""
        if self.comparison is None:
            return {
                "report_id": self.report_id,
                "prior_id": None,
                "message": message,
                "reason": self.reason.value if self.reason else None,
                "carried_over": None,
                "sections": [],
                "carried_sentences": [],
                "metrics": [],
                "checks": [],
            }
        data: dict[str, Any] = {
            "report_id": self.report_id,
            "prior_id": self.prior_id,
            **self.comparison.to_dict(),
        }
        if self.options is not None:
            data["options"] = {
                "ignore_years": self.options.ignore_years,
                "ignore_splits": self.options.ignore_splits,
            }
        data["metrics"] = [row.as_json() for row in self.figures]
        data["checks"] = [check.as_json() for check in self.checks]
        return data
