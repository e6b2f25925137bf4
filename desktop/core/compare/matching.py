"""Bounded sentence matching: exact anchors, fuzzy pairs inside gaps, fuzzy candidates anywhere.

No step builds a whole-document similarity matrix. Exact anchors come from an LCS over sentence
ids (bit-parallel in rapidfuzz); very long runs first take patience anchors (ids unique on both
sides), so the LCS only ever sees the gaps between them. Fuzzy scoring is limited to a window
around the diagonal of a gap, or to candidates that share rare character bigrams.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

LCS_CELLS = 25_000_000
"""Above this many id pairs (the LCS keeps a bit matrix of cells / 8 bytes) a run is first cut
at patience anchors."""
PAIR_WINDOW = 24
"""Fuzzy pairing inside a large gap looks this many sentences either side of the diagonal."""
DIRECT_PAIRS = 1_000_000
"""Candidate search scores every pair of similar length below this many pairs (about 0.1 µs each
in rapidfuzz); above, only candidates that share rare bigrams."""
_POSTING_LIMIT = 24

Block = tuple[int, int, int, int]


def exact_blocks(xs: list[int], ys: list[int], x0: int = 0, y0: int = 0) -> list[Block]:
    """Runs of identical ids in order, as ``(x_start, x_end, y_start, y_end)`` offset by x0/y0."""
    head = 0
    while head < min(len(xs), len(ys)) and xs[head] == ys[head]:
        head += 1
    tail = 0
    while tail < min(len(xs), len(ys)) - head and xs[-1 - tail] == ys[-1 - tail]:
        tail += 1
    blocks: list[Block] = [(x0, x0 + head, y0, y0 + head)] if head else []
    mid_x, mid_y = xs[head : len(xs) - tail], ys[head : len(ys) - tail]
    if mid_x and mid_y:
        blocks.extend(_middle_blocks(mid_x, mid_y, x0 + head, y0 + head))
    if tail:
        blocks.append((x0 + len(xs) - tail, x0 + len(xs), y0 + len(ys) - tail, y0 + len(ys)))
    return blocks


def _middle_blocks(xs: list[int], ys: list[int], x0: int, y0: int) -> list[Block]:
    if len(xs) * len(ys) <= LCS_CELLS:
        return [
            (x0 + o.src_start, x0 + o.src_end, y0 + o.dest_start, y0 + o.dest_end)
            for o in Indel.opcodes(xs, ys)
            if o.tag == "equal"
        ]
    anchors = _patience_anchors(xs, ys)
    if not anchors:
        return []  # nothing unique to hold on to: leave the run to the fuzzy passes
    blocks: list[Block] = []
    prev_x = prev_y = 0
    for x, y in [*anchors, (len(xs), len(ys))]:
        if x > prev_x and y > prev_y:
            blocks.extend(exact_blocks(xs[prev_x:x], ys[prev_y:y], x0 + prev_x, y0 + prev_y))
        if x < len(xs):
            blocks.append((x0 + x, x0 + x + 1, y0 + y, y0 + y + 1))
        prev_x, prev_y = x + 1, y + 1
    return blocks


def _patience_anchors(xs: list[int], ys: list[int]) -> list[tuple[int, int]]:
    count_x, count_y = Counter(xs), Counter(ys)
    where_y = {y: j for j, y in enumerate(ys) if count_y[y] == 1}
    points = [(i, where_y[x]) for i, x in enumerate(xs) if count_x[x] == 1 and x in where_y]
    return longest_increasing(points)


def longest_increasing(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of points increasing in both coordinates (points sorted by the first)."""
    tails: list[int] = []
    tail_index: list[int] = []
    back: list[int] = []
    for k, (_x, y) in enumerate(points):
        slot = bisect_left(tails, y)
        if slot == len(tails):
            tails.append(y)
            tail_index.append(k)
        else:
            tails[slot] = y
            tail_index[slot] = k
        back.append(tail_index[slot - 1] if slot else -1)
    chain: list[tuple[int, int]] = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(points[k])
        k = back[k]
    return chain[::-1]


def gap_pairs(keys_a: list[str], keys_b: list[str], cutoff: float) -> list[tuple[int, int, float]]:
    """Order-preserving fuzzy pairs ``(i, j, similarity)`` between the sentences of one gap."""
    candidates: list[tuple[float, int, int]] = []
    wide = len(keys_a) * len(keys_b) > 4 * PAIR_WINDOW * PAIR_WINDOW
    for j, key_b in enumerate(keys_b):
        if wide:
            centre = j * len(keys_a) // len(keys_b)
            lo, hi = max(0, centre - PAIR_WINDOW), min(len(keys_a), centre + PAIR_WINDOW + 1)
        else:
            lo, hi = 0, len(keys_a)
        for _key, score, i in process.extract(
            key_b, keys_a[lo:hi], scorer=fuzz.ratio, score_cutoff=cutoff * 100, limit=None
        ):
            candidates.append((score / 100, lo + i, j))
    # Best first; a pair is kept only when it does not cross the ones already kept.
    candidates.sort(key=lambda c: (-c[0], abs(c[1] - c[2]), c[1]))
    kept = _OrderedSet(len(keys_a))
    partner: dict[int, int] = {}
    result: list[tuple[int, int, float]] = []
    for score, i, j in candidates:
        if i in partner:
            continue
        before, after = kept.before(i), kept.after(i)
        if (before >= 0 and partner[before] >= j) or (after >= 0 and partner[after] <= j):
            continue
        kept.add(i)
        partner[i] = j
        result.append((i, j, score))
    return sorted(result)


class _OrderedSet:
    """Integers in ``range(size)`` with insertion and nearest-neighbour queries in O(log size).

    A Fenwick tree of counts: a sorted list with ``insert`` would cost the square of the number
    of pairs kept in one large gap."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.tree = [0] * (size + 1)
        self.top = 1 << max(0, size.bit_length() - 1) if size else 0

    def add(self, value: int) -> None:
        k = value + 1
        while k <= self.size:
            self.tree[k] += 1
            k += k & -k

    def _count_below(self, value: int) -> int:
        """How many members are < value."""
        total, k = 0, value
        while k > 0:
            total += self.tree[k]
            k -= k & -k
        return total

    def _kth(self, rank: int) -> int:
        """The member with ``rank`` members below it (0-based), by descending the tree."""
        position, step = 0, self.top
        while step:
            if position + step <= self.size and self.tree[position + step] <= rank:
                position += step
                rank -= self.tree[position]
            step >>= 1
        return position  # 0-based value: tree index position + 1

    def before(self, value: int) -> int:
        """The largest member < value, or -1."""
        below = self._count_below(value)
        return self._kth(below - 1) if below else -1

    def after(self, value: int) -> int:
        """The smallest member > value, or -1."""
        through = self._count_below(value + 1)
        if through >= self._count_below(self.size):
            return -1
        return self._kth(through)


def similar_pairs(queries: list[str], choices: list[str], cutoff: float) -> list[tuple[int, int, float]]:
    """One-to-one ``(query, choice, similarity)`` at or above ``cutoff``, best pairs first taken."""
    if not queries or not choices:
        return []
    # ratio = 2·LCS / (len a + len b) >= cutoff needs the shorter at least this share of the longer.
    floor = cutoff / (2 - cutoff)
    order = sorted(range(len(choices)), key=lambda c: len(choices[c]))
    by_length = [choices[c] for c in order]
    lengths = [len(key) for key in by_length]
    windows = [(bisect_left(lengths, len(q) * floor), bisect_right(lengths, len(q) / floor)) for q in queries]
    found: list[tuple[float, int, int]] = []
    if sum(hi - lo for lo, hi in windows) <= DIRECT_PAIRS:
        for q, (lo, hi) in enumerate(windows):
            if hi > lo:
                for _choice, score, k in process.extract(
                    queries[q], by_length[lo:hi], scorer=fuzz.ratio, score_cutoff=cutoff * 100, limit=3
                ):
                    found.append((score / 100, q, order[lo + k]))
    else:
        index = _bigram_index(choices)
        for q, query in enumerate(queries):
            for c in _candidates(query, index, cutoff):
                score = fuzz.ratio(query, choices[c], score_cutoff=cutoff * 100)
                if score:
                    found.append((score / 100, q, c))
    found.sort(key=lambda f: (-f[0], f[1], f[2]))
    used_q: set[int] = set()
    used_c: set[int] = set()
    result = []
    for score, q, c in found:
        if q not in used_q and c not in used_c:
            used_q.add(q)
            used_c.add(c)
            result.append((q, c, score))
    return result


def _bigrams(key: str) -> set[str]:
    return {key[k : k + 2] for k in range(len(key) - 1)}


def _bigram_index(keys: list[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for c, key in enumerate(keys):
        for gram in _bigrams(key):
            index[gram].append(c)
    return index


def _candidates(query: str, index: dict[str, list[int]], cutoff: float) -> list[int]:
    # Near-identical sentences share most bigrams; common ones (``法治``) only add noise and time.
    grams = [g for g in _bigrams(query) if 0 < len(index.get(g, ())) <= _POSTING_LIMIT]
    if not grams:
        return []
    counts = Counter(c for g in grams for c in index[g])
    need = max(1, int(len(grams) * (2 * cutoff - 1)))
    return [c for c, n in counts.most_common(8) if n >= need]
