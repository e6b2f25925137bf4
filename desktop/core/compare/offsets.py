"""Mapping positions between the two texts of a comparison, for panes that scroll together.

Offsets are string offsets of the cleaned texts. A position inside an op maps proportionally into
the other side's span of that op, so the prior and current texts stay side by side.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from desktop.core.compare.model import Comparison

Span = tuple[int, int, int, int]
"""``(source_start, source_end, target_start, target_end)``: one op seen from one side."""


def offset_spans(comparison: Comparison, source: str) -> list[Span]:
    """Spans that map offsets of ``source`` (``a`` or ``b``) to the other text, sorted by source.

    Moves are left out: scrolling follows the ordinary diff, and a moved sentence's position
    falls between its neighbours (see the tiling invariant in ``desktop.core.compare.model``).
    """
    spans: list[Span] = []
    for op in comparison.ops:
        if op.op == "move":
            continue
        span = (op.a_start, op.a_end, op.b_start, op.b_end)
        if source == "b":
            span = (op.b_start, op.b_end, op.a_start, op.a_end)
        if span[1] > span[0]:
            spans.append(span)
    return sorted(spans)


def map_offset(position: int, spans: Sequence[Span], starts: Sequence[int]) -> int:
    """The other text's offset for ``position``, interpolating inside the op that contains it."""
    i = bisect_right(starts, position) - 1
    if i < 0:
        return spans[0][2] if spans else 0
    s0, s1, t0, t1 = spans[i]
    if position >= s1:
        return t1  # in a gap left by a move: stay where the ordinary diff is
    return t0 + (position - s0) * (t1 - t0) // (s1 - s0)
