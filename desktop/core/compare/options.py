"""What the comparison counts as a change: the reviewer's options, the same everywhere a share is shown.

Both are on by default, because a reviewer compares two years to find what was *copied*:

- ``ignore_years``: a sentence whose only change is its year, moved on by the years between the two
  reports (``2023年`` → ``2024年``, ``二〇二三年`` → ``二〇二四年``, ``2023年度`` → ``本年度``,
  ``2022年`` → ``上一年度``), is last year's sentence with the date updated. Showing it as new text
  hides exactly the copying the comparison is for, and paints every dated sentence as a change.
  A year that moved by anything else (``2023年`` → ``2025年`` in a report one year later) still counts.
- ``ignore_splits``: a sentence broken across lines or paragraphs differently (a page break, a
  re-typed paragraph) reads the same; whitespace inside a line never counts in any case.

The stored carried-over share (library list, overview, findings, memo) is computed with the defaults;
``reviewdesk compare --no-ignore-years`` shows the diff and the share without them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class CompareOptions:
    ignore_years: bool = True
    ignore_splits: bool = True
    prior_year: int | None = None
    """The years the two reports are about (from their metadata); without both, years are compared
    as written."""
    current_year: int | None = None

    def with_years(self, prior_year: int | None, current_year: int | None) -> CompareOptions:
        return replace(self, prior_year=prior_year, current_year=current_year)

    @property
    def years_apply(self) -> bool:
        return self.ignore_years and self.prior_year is not None and self.current_year is not None


DEFAULT_OPTIONS = CompareOptions()
