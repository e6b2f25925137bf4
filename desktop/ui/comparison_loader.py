"""The comparison view's data comes from the core (:mod:`desktop.core.compare.loader`)."""

from desktop.core.compare.loader import ComparisonData, load_comparison, report_label

__all__ = ["ComparisonData", "load_comparison", "report_label"]
