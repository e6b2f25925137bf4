"""Word-level diff inside one aligned sentence pair.

A plain character diff would report ``1300``→``1250`` as ``3``→``2`` plus ``0``→``5`` and cut
words apart, so every change is widened to whole numbers and jieba words before it is shown, and
equal islands of one or two characters between changes ("confetti") are folded into them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rapidfuzz.distance import Indel

from desktop.core.compare.model import Op, OpKind
from desktop.core.compare.tokens import coarse_tokens, normalise_with_map, words
from desktop.core.compare.years import relative_with_map

CONFETTI = 2
"""Equal islands of at most this many characters between changes are folded into the change."""

_Span = tuple[str, int, int, int, int]
_CLAUSE_MARKS = frozenset(",;:、。!?“”《》()")


def inline_ops(
    a_text: str,
    a_start: int,
    a_end: int,
    b_text: str,
    b_start: int,
    b_end: int,
    years: tuple[int, int] | None = None,
) -> list[Op]:
    """Ops that tile ``a_text[a_start:a_end]`` and ``b_text[b_start:b_end]`` in order.

    ``years``: the two reports' years; a year that moved on by their difference is no change."""
    key_a, map_a = normalise_with_map(a_text[a_start:a_end])
    key_b, map_b = normalise_with_map(b_text[b_start:b_end])
    spans: list[_Span] | None = None
    if years is not None:
        key_a, map_a, written_a = relative_with_map(key_a, map_a, years[0])
        key_b, map_b, written_b = relative_with_map(key_b, map_b, years[1])
        spans = _years_kept(key_opcodes(key_a, key_b), written_a, written_b)

    def pos(i: int, size: int, start: int, end: int, mapping: Sequence[int]) -> int:
        # Whitespace before a key character goes with it; the span's edges stay where they are.
        if i == 0:
            return start
        return end if i == size else start + mapping[i]

    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in spans if spans is not None else key_opcodes(key_a, key_b):
        a1, a2 = pos(i1, len(key_a), a_start, a_end, map_a), pos(i2, len(key_a), a_start, a_end, map_a)
        b1, b2 = pos(j1, len(key_b), b_start, b_end, map_b), pos(j2, len(key_b), b_start, b_end, map_b)
        if a1 == a2 and b1 == b2:
            continue  # inside one NFKC expansion (``…`` → ``...``): nothing of the text is left
        kind: OpKind = "equal" if tag == "equal" else _kind(a1 == a2, b1 == b2)
        if ops and ops[-1].op == kind:
            last = ops.pop()
            ops.append(Op(kind, last.a_start, a2, last.b_start, b2))
        else:
            ops.append(Op(kind, a1, a2, b1, b2))
    if not ops and (a_end > a_start or b_end > b_start):
        # Only whitespace on either side: nothing a reader would call a change.
        both = a_end > a_start and b_end > b_start
        kind = "equal" if both else _kind(a_end == a_start, b_end == b_start)
        ops.append(Op(kind, a_start, a_end, b_start, b_end))
    return ops


def _years_kept(spans: list[_Span], written_a: dict[int, str], written_b: dict[int, str]) -> list[_Span]:
    """A year replaced by another year written the same (``2021年以来`` repeated a year later: its
    offset from the report's year changed, its words did not) is no change either."""
    if not written_a or not written_b:
        return spans
    out: list[_Span] = []
    for span in spans:
        tag, i1, i2, j1, j2 = span
        if tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1 and written_a.get(i1, "") == written_b.get(j1):
            span = ("equal", i1, i2, j1, j2)
        out.append(span)
    return out


def key_opcodes(key_a: str, key_b: str) -> list[_Span]:
    """Word-level opcodes over two keys, in key-character offsets, without confetti.

    A character diff (cheap, and unlike a token LCS it weighs a long equal clause above a comma)
    finds the changed regions; each is widened to whole coarse tokens (numbers, marks, Han runs)
    on both sides and, where Han runs are involved, cut into jieba words and diffed again. A
    changed figure therefore costs no segmentation at all.
    """
    bounds_a = _bounds([t for t, _ in coarse_a], 0) if (coarse_a := coarse_tokens(key_a)) else [0]
    bounds_b = _bounds([t for t, _ in coarse_b], 0) if (coarse_b := coarse_tokens(key_b)) else [0]
    index_a = {offset: k for k, offset in enumerate(bounds_a)}
    index_b = {offset: k for k, offset in enumerate(bounds_b)}
    regions = _regions(Indel.opcodes(key_a, key_b), index_a, index_b)
    spans: list[_Span] = []
    a_pos = b_pos = 0
    for la, ra, lb, rb in regions:
        if la > a_pos:
            spans.append(("equal", a_pos, la, b_pos, lb))
        region_a = coarse_a[index_a[la] : index_a[ra]]
        region_b = coarse_b[index_b[lb] : index_b[rb]]
        spans.extend(_refine(region_a, region_b, la, lb))
        a_pos, b_pos = ra, rb
    if a_pos < len(key_a):
        spans.append(("equal", a_pos, len(key_a), b_pos, len(key_b)))
    return merge_confetti(slide(merge_confetti(spans), key_a, key_b))


def _regions(opcodes: Any, cuts_a: dict[int, int], cuts_b: dict[int, int]) -> list[list[int]]:
    """Changed character regions ``[la, ra, lb, rb]`` widened until all four edges are token cuts.

    Widening moves through the equal run next to the region, where both texts advance in step;
    a region that reaches its neighbour joins it.
    """
    raw: list[list[int]] = []
    for op in opcodes:
        if op.tag == "equal":
            continue
        if raw and raw[-1][1] == op.src_start and raw[-1][3] == op.dest_start:
            raw[-1][1], raw[-1][3] = op.src_end, op.dest_end
        else:
            raw.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    out: list[list[int]] = []
    k = 0
    while k < len(raw):
        la, ra, lb, rb = raw[k]
        while not (la in cuts_a and lb in cuts_b):
            if out and out[-1][1] == la:  # reached the previous region: one region from there
                previous = out.pop()
                la, lb = previous[0], previous[2]
                break
            la, lb = la - 1, lb - 1
        while not (ra in cuts_a and rb in cuts_b):
            if k + 1 < len(raw) and raw[k + 1][0] == ra:
                k += 1
                ra, rb = raw[k][1], raw[k][3]
            else:
                ra, rb = ra + 1, rb + 1
        out.append([la, ra, lb, rb])
        k += 1
    return out


def _refine(
    region_a: list[tuple[str, bool]], region_b: list[tuple[str, bool]], a0: int, b0: int
) -> list[_Span]:
    """Word diff of one widened region starting at key offsets ``a0``/``b0``."""
    tokens_a = [w for t, han in region_a for w in (words(t) if han else (t,))]
    tokens_b = [w for t, han in region_b for w in (words(t) if han else (t,))]
    if not any(han for _, han in region_a) or not any(han for _, han in region_b):
        # Numbers and marks only on one side: no word split could keep anything equal.
        a1, b1 = a0 + sum(map(len, tokens_a)), b0 + sum(map(len, tokens_b))
        return [(_kind(a1 == a0, b1 == b0), a0, a1, b0, b1)]
    ids: dict[str, int] = {}
    fine_a, fine_b = _bounds(tokens_a, a0), _bounds(tokens_b, b0)
    return [
        (o.tag, fine_a[o.src_start], fine_a[o.src_end], fine_b[o.dest_start], fine_b[o.dest_end])
        for o in Indel.opcodes(
            [ids.setdefault(t, len(ids)) for t in tokens_a], [ids.setdefault(t, len(ids)) for t in tokens_b]
        )
    ]


def _bounds(tokens: list[str], offset: int) -> list[int]:
    bounds = [offset]
    for token in tokens:
        bounds.append(bounds[-1] + len(token))
    return bounds


def merge_confetti(spans: list[_Span]) -> list[_Span]:
    """Join adjacent changes, and fold short equal islands between changes into one replace."""
    out: list[_Span] = []
    for span in spans:
        if span[1] == span[2] and span[3] == span[4]:
            continue
        if span[0] == "equal":
            if out and out[-1][0] == "equal":
                span = ("equal", out[-1][1], span[2], out[-1][3], span[4])
                out.pop()
            out.append(span)
            continue
        if out and out[-1][0] != "equal":
            span = _join(out.pop(), span)
        elif len(out) >= 2 and out[-1][2] - out[-1][1] <= CONFETTI and out[-2][0] != "equal":
            out.pop()
            span = _join(out.pop(), span)
        out.append(span)
    return out


def slide(spans: list[_Span], key_a: str, key_b: str) -> list[_Span]:
    """Move a pure insertion or deletion along repeated text to where it ends at a clause mark.

    ``零复议`` → ``零投诉、零复议`` is the same edit as inserting ``投诉、零`` or ``零投诉、``; the
    second is what a reader wrote, so among equally short diffs prefer the one on clause marks.
    """
    out = list(spans)
    for k in range(1, len(out) - 1):
        before, span, after = out[k - 1], out[k], out[k + 1]
        if before[0] != "equal" or after[0] != "equal" or span[0] not in ("insert", "delete"):
            continue
        key, lo, hi = (key_b, span[3], span[4]) if span[0] == "insert" else (key_a, span[1], span[2])
        floor = lo - (before[2] - before[1]) + 1  # keep at least one character of each equal run
        ceiling = hi + (after[2] - after[1]) - 1
        best, best_score = 0, _clause_score(key, lo, hi)
        shift = 0
        while lo + shift - 1 >= floor and key[lo + shift - 1] == key[hi + shift - 1]:
            shift -= 1
            if (score := _clause_score(key, lo + shift, hi + shift)) > best_score:
                best, best_score = shift, score
        shift = 0
        while hi + shift + 1 <= ceiling and key[hi + shift] == key[lo + shift]:
            shift += 1
            if (score := _clause_score(key, lo + shift, hi + shift)) > best_score:
                best, best_score = shift, score
        if best:
            out[k - 1] = ("equal", before[1], before[2] + best, before[3], before[4] + best)
            out[k] = (span[0], span[1] + best, span[2] + best, span[3] + best, span[4] + best)
            out[k + 1] = ("equal", after[1] + best, after[2], after[3] + best, after[4])
    return out


def _clause_score(key: str, lo: int, hi: int) -> int:
    return 2 * (key[hi - 1] in _CLAUSE_MARKS) + (lo == 0 or key[lo - 1] in _CLAUSE_MARKS)


def _join(first: _Span, second: _Span) -> _Span:
    a1, a2, b1, b2 = first[1], second[2], first[3], second[4]
    return (_kind(a1 == a2, b1 == b2), a1, a2, b1, b2)


def _kind(a_empty: bool, b_empty: bool) -> OpKind:
    if a_empty:
        return "insert"
    return "delete" if b_empty else "replace"
