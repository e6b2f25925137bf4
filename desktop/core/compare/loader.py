"""Everything the comparison view shows, loaded in one go off the GUI thread.

Usage from the window: ``runner.run(lambda _ctx: load_comparison(library, report_id), view.show_data)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from db import models
from db.session import Library
from desktop.core.compare.model import Comparison
from desktop.core.compare.options import CompareOptions
from desktop.core.compare.result import NoPrior, PriorComparison


@dataclass(frozen=True)
class ComparisonData:
    report_id: int
    prior_id: int | None
    compared: PriorComparison
    """The comparison with its figures and checks, or the reason there is none."""
    prior_text: str
    current_text: str
    prior_title: str
    current_title: str
    prior_agency: str
    """The prior report's agency and year (the window writes them in its own language)."""
    prior_year: int | None
    current_agency: str
    current_year: int | None

    @property
    def comparison(self) -> Comparison | None:
        return self.compared.comparison

    @property
    def reason(self) -> NoPrior | None:
        return self.compared.reason


def load_comparison(
    library: Library,
    report_id: int,
    prior_id: int | None = None,
    options: CompareOptions | None = None,
) -> ComparisonData | None:
    """The comparison of ``report_id`` with its prior year (or ``prior_id``); None if the report is gone."""
    from desktop.core.metrics.store import default_catalog
    from desktop.core.prior_year import compare_in_library

    with library.sessions() as session:
        compared = compare_in_library(session, report_id, default_catalog(), prior_id, options)
        if compared is None:
            return None
        # compare_in_library loaded both reports with their texts; these come from the session's map.
        current = session.get(models.Report, report_id)
        prior = session.get(models.Report, compared.prior_id) if compared.prior_id is not None else None
        assert current is not None
        return ComparisonData(
            report_id=report_id,
            prior_id=compared.prior_id,
            compared=compared,
            prior_text=prior.clean_text if prior is not None else "",
            current_text=current.clean_text,
            prior_title=(prior.title or "") if prior is not None else "",
            current_title=current.title or "",
            prior_agency=(prior.agency or "") if prior is not None else "",
            prior_year=prior.year if prior is not None else None,
            current_agency=current.agency or "",
            current_year=current.year,
        )
