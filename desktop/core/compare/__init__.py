"""Prior-year comparison: which parts, sentences and words of a report changed since last year.

Qt-free and pure: ``compare_texts`` takes two cleaned texts with their sections and returns a
:class:`Comparison` that the views observe and the CLI serialises with ``to_dict()``.
"""

from __future__ import annotations

from typing import Any, Protocol

from desktop.core.compare.engine import compare_texts
from desktop.core.compare.inline import inline_ops
from desktop.core.compare.model import (
    CARRIED_SIMILARITY,
    FLAG_KINDS,
    FLAG_SHARE,
    CarriedSentence,
    Comparison,
    Op,
    OpKind,
    SectionPair,
)
from desktop.core.compare.options import DEFAULT_OPTIONS, CompareOptions
from desktop.core.compare.tokens import normalise, tokenize, warm_up


class _Analysed(Protocol):
    @property
    def cleaned(self) -> Any: ...
    @property
    def sections(self) -> Any: ...


def compare_reports(
    prior: _Analysed, current: _Analysed, options: CompareOptions | None = None
) -> Comparison:
    """Compare two :class:`~desktop.core.analysis.AnalysedReport` objects (prior year first), with
    ``options`` (default: :data:`DEFAULT_OPTIONS`) and the years their metadata gives."""
    years = (getattr(getattr(r, "metadata", None), "year", None) for r in (prior, current))
    return compare_texts(
        prior.cleaned.text,
        prior.sections.sections,
        current.cleaned.text,
        current.sections.sections,
        options=(options or DEFAULT_OPTIONS).with_years(*years),
    )


__all__ = [
    "CARRIED_SIMILARITY",
    "DEFAULT_OPTIONS",
    "FLAG_KINDS",
    "FLAG_SHARE",
    "CarriedSentence",
    "CompareOptions",
    "Comparison",
    "Op",
    "OpKind",
    "SectionPair",
    "compare_reports",
    "compare_texts",
    "inline_ops",
    "normalise",
    "tokenize",
    "warm_up",
]
