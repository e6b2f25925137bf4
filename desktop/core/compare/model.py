"""The comparison model the views observe: plain data, no Qt, serialisable to JSON.

Offsets are into the *cleaned* texts: ``a`` is the prior (earlier) report, ``b`` the current one.

Tiling invariant (tested in ``tests/test_compare_properties.py``):

1. In list order the b-spans of :attr:`Comparison.ops` are consecutive and cover ``b`` exactly:
   the first starts at 0, each starts where the previous ended, the last ends at ``len(b)``.
2. The non-empty a-spans of all ops, moves included, cover ``a`` exactly once (no gaps, no overlaps).
3. Each section pair's ops are one contiguous run of :attr:`Comparison.ops`; inside a pair the
   non-move ops advance monotonically through ``a`` (``a_start`` >= the previous ``a_end``).
4. Ignoring moves and the pairs marked ``reordered``, that monotonic order holds for the whole list,
   so a two-pane view can draw the remaining ops as an ordinary diff; moves and reordered parts are
   the only connections that cross.

Shapes: ``equal``/``replace``/``move`` have both spans non-empty, ``insert`` an empty a-span (its
position in ``a``), ``delete`` an empty b-span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

OpKind = Literal["equal", "insert", "delete", "replace", "move"]

FLAG_KINDS = ("shortcomings", "next_year")
"""Parts that reviewers flag as 照搬往年 when most of their sentences are last year's."""
FLAG_SHARE = 0.5
CARRIED_SIMILARITY = 0.9
"""Identical or near-identical: rapidfuzz ``ratio`` / 100 at or above this."""


@dataclass(frozen=True, slots=True)
class Op:
    op: OpKind
    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "a_start": self.a_start,
            "a_end": self.a_end,
            "b_start": self.b_start,
            "b_end": self.b_end,
        }


@dataclass(frozen=True, slots=True)
class CarriedSentence:
    """A current sentence that repeats a prior one; spans exclude trailing whitespace."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float
    boilerplate: bool = False
    """A formula every report repeats (``现将…报告如下``, page chrome, a standard heading): it is
    carried over, but says nothing about copying and is left out of the substantive share."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "a_start": self.a_start,
            "a_end": self.a_end,
            "b_start": self.b_start,
            "b_end": self.b_end,
            "similarity": round(self.similarity, 3),
            "boilerplate": self.boilerplate,
        }


@dataclass
class SectionPair:
    """A level-1 part of the current report with its prior counterpart (either may be missing).

    ``kind`` is one of the section kinds, or ``preamble`` (text before the first level-1 heading,
    all of it when there is none) or ``closing`` (signature, date, 抄送 after the body).
    """

    kind: str
    title: str | None
    """Current heading without its number; ``None`` when the part exists only in the prior report."""
    prior_title: str | None
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    ops: list[Op] = field(default_factory=list)
    sentences: int = 0
    """Current sentences counted for the carried-over share (level-1 heading lines excluded)."""
    carried: int = 0
    """Of those, the ones that repeat a sentence from anywhere in the prior report, so a part
    copied from a differently named or placed part still counts."""
    boilerplate: int = 0
    """Counted sentences that are boilerplate (formulae, chrome, standard headings)."""
    carried_boilerplate: int = 0
    """Carried sentences that are boilerplate."""
    reordered: bool = False
    """Matched, but out of order relative to the other parts (see the tiling invariant)."""

    @property
    def carried_over(self) -> float | None:
        """The substantive share: carried sentences among those that are not boilerplate."""
        substantive = self.sentences - self.boilerplate
        return (self.carried - self.carried_boilerplate) / substantive if substantive else None

    @property
    def carried_over_raw(self) -> float | None:
        """Every carried sentence among every counted one, boilerplate included."""
        return self.carried / self.sentences if self.sentences else None

    @property
    def flagged(self) -> bool:
        share = self.carried_over
        return self.kind in FLAG_KINDS and share is not None and share >= FLAG_SHARE

    @property
    def message(self) -> str | None:
        if not self.flagged:
            return None
        name = self.title or self.prior_title or self.kind
        note = f"，不计 {self.boilerplate} 句套话" if self.boilerplate else ""
        return (
            f"“{name}”部分有 {_percent(self.carried_over)}% 的句子与上年报告相同或几乎相同（照搬往年{note}）"
        )

    def to_dict(self) -> dict[str, Any]:
        share = self.carried_over
        raw = self.carried_over_raw
        return {
            "kind": self.kind,
            "title": self.title,
            "prior_title": self.prior_title,
            "carried_over": None if share is None else round(share, 3),
            "carried_over_raw": None if raw is None else round(raw, 3),
            "boilerplate_sentences": self.boilerplate,
            "flagged": self.flagged,
            "message": self.message,
            "reordered": self.reordered,
            "a_start": self.a_start,
            "a_end": self.a_end,
            "b_start": self.b_start,
            "b_end": self.b_end,
            "ops": [op.to_dict() for op in self.ops],
        }


@dataclass
class Comparison:
    prior_length: int
    current_length: int
    sections: list[SectionPair]
    carried_sentences: list[CarriedSentence]
    sentences: int
    """Current sentences counted for the whole-report share (closing block excluded)."""
    boilerplate: int = 0
    """Of those, the boilerplate ones (formulae, chrome, standard headings)."""
    notes: list[str] = field(default_factory=list)
    """Chinese notes for the reviewer, e.g. that the office's boilerplate file could not be read."""
    years: tuple[int, int] | None = None
    """The prior and current report years when year-only changes were ignored: an ``equal`` op's two
    texts are then the same once their years are made relative to these
    (:func:`desktop.core.compare.years.relative_key`)."""

    @property
    def ops(self) -> list[Op]:
        """All operations in current-text order (see the tiling invariant)."""
        return [op for pair in self.sections for op in pair.ops]

    @property
    def substantive_carried(self) -> int:
        return sum(1 for c in self.carried_sentences if not c.boilerplate)

    @property
    def substantive_sentences(self) -> int:
        return self.sentences - self.boilerplate

    @property
    def carried_over(self) -> float | None:
        """The substantive share: carried sentences among those that are not boilerplate.

        This is the share the library stores and the memo quotes."""
        substantive = self.substantive_sentences
        return self.substantive_carried / substantive if substantive else None

    @property
    def carried_over_raw(self) -> float | None:
        """Every carried sentence among every counted one, boilerplate included."""
        return len(self.carried_sentences) / self.sentences if self.sentences else None

    @property
    def flags(self) -> list[str]:
        return [pair.message for pair in self.sections if pair.message]

    def to_dict(self) -> dict[str, Any]:
        share, raw = self.carried_over, self.carried_over_raw
        return {
            "carried_over": None if share is None else round(share, 3),
            "carried_over_raw": None if raw is None else round(raw, 3),
            "sentences": self.sentences,
            "boilerplate_sentences": self.boilerplate,
            "carried_boilerplate": len(self.carried_sentences) - self.substantive_carried,
            "sections": [pair.to_dict() for pair in self.sections],
            "carried_sentences": [c.to_dict() for c in self.carried_sentences],
            "notes": list(self.notes),
        }


def _percent(share: float | None) -> int:
    # Half up, so 0.825 reads 83 % as a reviewer would round it.
    return int((share or 0.0) * 100 + 0.5)
