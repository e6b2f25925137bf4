"""Sentence alignment across two reports: parts first, then sentences inside and across them.

Order of the passes, each only on what the previous ones left unmatched:

1. exact anchors inside each pair of parts (LCS over sentence ids), and gaps that differ only in
   line wrapping;
2. exact moves anywhere in the report (a sentence that changed place or part);
3. near-identical pairs (>= 0.9) inside the gaps of each pair of parts;
4. near-identical moves anywhere;
5. looser pairs (>= 0.5) inside the gaps, which get a word diff instead of delete + insert.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from desktop.core.compare.matching import exact_blocks, gap_pairs, similar_pairs
from desktop.core.compare.model import CARRIED_SIMILARITY
from desktop.core.compare.parts import Part, in_order, pair_parts
from desktop.core.compare.tokens import MIN_COUNTED, Unit

PAIR_SIMILARITY = 0.5
"""Below this two sentences in the same place are different sentences, not one edited."""

# (a_start, a_end, b_start, b_end, kind, similarity) in unit indices; kind "equal" or "pair".
Block = tuple[int, int, int, int, str, float]


@dataclass
class PairState:
    a: Part | None
    b: Part | None
    a_units: range
    b_units: range
    a_anchor: int
    """Where the part sits in the prior text (its start, or an insertion point when absent)."""
    b_anchor: int
    reordered: bool = False
    blocks: list[Block] = field(default_factory=list)


class Aligner:
    def __init__(self, prior: list[Part], current: list[Part], splits: bool = True) -> None:
        self.prior, self.current = prior, current
        self.splits = splits
        """Sentences broken across lines differently still match (the ``ignore_splits`` option)."""
        self.ua: list[Unit] = [u for p in prior for u in p.units]
        self.ub: list[Unit] = [u for p in current for u in p.units]
        self.ranges_a = _ranges(prior)
        self.ranges_b = _ranges(current)
        ids: dict[str, int] = {}
        self.id_a = [ids.setdefault(u.key, len(ids)) for u in self.ua]
        self.id_b = [ids.setdefault(u.key, len(ids)) for u in self.ub]
        self.done_a = [False] * len(self.ua)
        self.done_b = [False] * len(self.ub)
        self.moves: dict[int, tuple[int, float]] = {}
        """Current unit → (prior unit, similarity) for sentences that changed place."""
        self.moved_a: set[int] = set()
        self.states = self._layout()

    def run(self) -> list[PairState]:
        matched = [s for s in self.states if s.a is not None and s.b is not None]
        for state in matched:
            self._anchor(state)
        self._moves(exact=True)
        for state in matched:
            self._pair_gaps(state, CARRIED_SIMILARITY)
        self._moves(exact=False)
        for state in matched:
            self._pair_gaps(state, PAIR_SIMILARITY)
        return self.states

    def _layout(self) -> list[PairState]:
        """Pair states in current-text order, prior-only parts where they sat in the prior text."""
        pairs = pair_parts(self.prior, self.current)
        weights = [
            max(1, self.prior[i].end - self.prior[i].start + self.current[j].end - self.current[j].start)
            for i, j in pairs
        ]
        spine = in_order(pairs, weights)
        by_b = {j: (k, i) for k, (i, j) in enumerate(pairs)}
        # Prior-only parts, last first, so the next one to place is popped off the end.
        pending = sorted(set(range(len(self.prior))) - {i for i, _ in pairs}, reverse=True)
        states: list[PairState] = []
        a_cursor = 0
        for j, part_b in enumerate(self.current):
            if j not in by_b:
                states.append(self._state(None, j, a_cursor, part_b.start))
                continue
            k, i = by_b[j]
            if k in spine:
                while pending and pending[-1] < i:
                    gone = pending.pop()
                    states.append(self._state(gone, None, self.prior[gone].start, part_b.start))
                    a_cursor = self.prior[gone].end
                a_cursor = self.prior[i].end
            states.append(self._state(i, j, self.prior[i].start, part_b.start, reordered=k not in spine))
        for gone in reversed(pending):  # only when the closing block did not pair (build_parts prevents it)
            states.append(self._state(gone, None, self.prior[gone].start, self.current[-1].end))
        return states

    def _state(
        self, i: int | None, j: int | None, a_anchor: int, b_anchor: int, reordered: bool = False
    ) -> PairState:
        return PairState(
            a=None if i is None else self.prior[i],
            b=None if j is None else self.current[j],
            a_units=range(0) if i is None else self.ranges_a[i],
            b_units=range(0) if j is None else self.ranges_b[j],
            a_anchor=a_anchor,
            b_anchor=b_anchor,
            reordered=reordered,
        )

    def gaps(self, state: PairState) -> list[tuple[int, int, int, int]]:
        """Unit ranges between the blocks of a pair (possibly empty on one or both sides)."""
        result = []
        i, j = state.a_units.start, state.b_units.start
        for i0, i1, j0, j1, _kind, _sim in [*state.blocks, _end_block(state)]:
            result.append((i, i0, j, j0))
            i, j = i1, j1
        return result

    def _anchor(self, state: PairState) -> None:
        ra, rb = state.a_units, state.b_units
        for i0, i1, j0, j1 in exact_blocks(
            self.id_a[ra.start : ra.stop], self.id_b[rb.start : rb.stop], ra.start, rb.start
        ):
            state.blocks.append((i0, i1, j0, j1, "equal", 1.0))
            self._mark(range(i0, i1), range(j0, j1))
        # A gap whose sentences read the same once joined differs only in where lines were broken;
        # so do its first and last sentences when they join up the same (a paragraph split at a
        # page break next to a sentence that really changed).
        rewrapped: list[Block] = []
        for i0, i1, j0, j1 in self.gaps(state) if self.splits else ():
            if i1 > i0 and j1 > j0:
                joined_a = "".join(u.key for u in self.ua[i0:i1])
                if joined_a == "".join(u.key for u in self.ub[j0:j1]):
                    rewrapped.append((i0, i1, j0, j1, "equal", 1.0))
                    self._mark(range(i0, i1), range(j0, j1))
                else:
                    for block in self._rejoined_edges(i0, i1, j0, j1):
                        rewrapped.append(block)
                        self._mark(range(block[0], block[1]), range(block[2], block[3]))
        # Blocks are added in bulk and sorted once: inserting one by one would cost their square.
        state.blocks = sorted(state.blocks + rewrapped)

    def _rejoined_edges(self, i0: int, i1: int, j0: int, j1: int) -> list[Block]:
        """Runs at the start and at the end of a gap that are the same text split into a different
        number of units (at least one side more than one unit: single units are exact matches)."""
        found: list[Block] = []
        head = _joined_run(self.ua, self.ub, range(i0, i1), range(j0, j1))
        if head is not None:
            found.append((i0, head[0], j0, head[1], "equal", 1.0))
            i0, j0 = head
        if i0 < i1 and j0 < j1:
            tail = _joined_run(self.ua, self.ub, range(i1 - 1, i0 - 1, -1), range(j1 - 1, j0 - 1, -1))
            if tail is not None:
                found.append((tail[0] + 1, i1, tail[1] + 1, j1, "equal", 1.0))
        return found

    def _pair_gaps(self, state: PairState, cutoff: float) -> None:
        paired: list[Block] = []
        for i0, i1, j0, j1 in self.gaps(state):
            free_a = [i for i in range(i0, i1) if not self.done_a[i]]
            free_b = [j for j in range(j0, j1) if not self.done_b[j]]
            if not free_a or not free_b:
                continue
            keys_a = [self.ua[i].key for i in free_a]
            keys_b = [self.ub[j].key for j in free_b]
            for x, y, similarity in gap_pairs(keys_a, keys_b, cutoff):
                i, j = free_a[x], free_b[y]
                paired.append((i, i + 1, j, j + 1, "pair", similarity))
                self._mark(range(i, i + 1), range(j, j + 1))
        if paired:
            state.blocks = sorted(state.blocks + paired)

    def _moves(self, exact: bool) -> None:
        free_a = [i for i, u in enumerate(self.ua) if not self.done_a[i] and len(u.key) >= MIN_COUNTED]
        free_b = [j for j, u in enumerate(self.ub) if not self.done_b[j] and len(u.key) >= MIN_COUNTED]
        found: list[tuple[int, int, float]] = []
        if exact:
            waiting: dict[int, list[int]] = defaultdict(list)
            for i in reversed(free_a):
                waiting[self.id_a[i]].append(i)
            for j in free_b:
                if waiting.get(self.id_b[j]):
                    found.append((j, waiting[self.id_b[j]].pop(), 1.0))
        else:
            keys_a = [self.ua[i].key for i in free_a]
            keys_b = [self.ub[j].key for j in free_b]
            found = [
                (free_b[y], free_a[x], s) for y, x, s in similar_pairs(keys_b, keys_a, CARRIED_SIMILARITY)
            ]
        for j, i, similarity in found:
            self.moves[j] = (i, similarity)
            self.moved_a.add(i)
            self._mark(range(i, i + 1), range(j, j + 1))

    def _mark(self, a: range, b: range) -> None:
        for i in a:
            self.done_a[i] = True
        for j in b:
            self.done_b[j] = True


def _joined_run(ua: list[Unit], ub: list[Unit], ia: range, ib: range) -> tuple[int, int] | None:
    """Walk both unit runs (forwards, or backwards for reversed ranges) joining keys while one side's
    text is the start (end) of the other's; where they meet, return the next indexes on each side."""
    forward = ia.step > 0
    taken_a = taken_b = 1
    acc_a, acc_b = ua[ia[0]].key, ub[ib[0]].key
    while acc_a != acc_b:
        a_is_start = acc_b.startswith(acc_a) if forward else acc_b.endswith(acc_a)
        b_is_start = acc_a.startswith(acc_b) if forward else acc_a.endswith(acc_b)
        if a_is_start and taken_a < len(ia):
            key = ua[ia[taken_a]].key
            acc_a = acc_a + key if forward else key + acc_a
            taken_a += 1
        elif b_is_start and taken_b < len(ib):
            key = ub[ib[taken_b]].key
            acc_b = acc_b + key if forward else key + acc_b
            taken_b += 1
        else:
            return None
    if taken_a == taken_b == 1 or len(acc_a) < MIN_COUNTED:
        return None
    step_a, step_b = (taken_a, taken_b) if forward else (-taken_a, -taken_b)
    return ia.start + step_a, ib.start + step_b


def _ranges(parts: list[Part]) -> list[range]:
    ranges, start = [], 0
    for part in parts:
        ranges.append(range(start, start + len(part.units)))
        start += len(part.units)
    return ranges


def _end_block(state: PairState) -> Block:
    a, b = state.a_units.stop, state.b_units.stop
    return (a, a, b, b, "end", 0.0)
