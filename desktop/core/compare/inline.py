"""Word-level diff inside one aligned sentence pair.

Diffing characters would report ``1300``→``1250`` as ``13``→``12`` plus ``00``→``50`` and break
words apart, so the keys are cut into jieba words and whole numbers and diffed as token lists.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Indel

from desktop.core.compare.model import Op, OpKind
from desktop.core.compare.tokens import coarse_tokens, normalise_with_map, words

CONFETTI = 2
"""Equal islands of at most this many characters between changes are folded into the change."""

_Span = tuple[str, int, int, int, int]


def inline_ops(a_text: str, a_start: int, a_end: int, b_text: str, b_start: int, b_end: int) -> list[Op]:
    """Ops that tile ``a_text[a_start:a_end]`` and ``b_text[b_start:b_end]`` in order."""
    key_a, map_a = normalise_with_map(a_text[a_start:a_end])
    key_b, map_b = normalise_with_map(b_text[b_start:b_end])

    def pos(i: int, size: int, start: int, end: int, mapping: Sequence[int]) -> int:
        # Whitespace before a key character goes with it; the span's edges stay where they are.
        if i == 0:
            return start
        return end if i == size else start + mapping[i]

    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in key_opcodes(key_a, key_b):
        a1, a2 = pos(i1, len(key_a), a_start, a_end, map_a), pos(i2, len(key_a), a_start, a_end, map_a)
        b1, b2 = pos(j1, len(key_b), b_start, b_end, map_b), pos(j2, len(key_b), b_start, b_end, map_b)
        if a1 == a2 and b1 == b2:
            continue  # inside one NFKC expansion (``…`` → ``...``): nothing of the text is left
        kind: OpKind = "equal" if tag == "equal" else _kind(a1 == a2, b1 == b2)
        if ops and ops[-1].op == kind and kind != "move":
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


def key_opcodes(key_a: str, key_b: str) -> list[_Span]:
    """Word-level opcodes over two keys, in key-character offsets, without confetti.

    A first pass diffs coarse tokens (numbers, marks, whole Han runs) without jieba, so a changed
    figure costs no segmentation; only regions where Han runs differ are cut into words and
    diffed again.
    """
    coarse_a, coarse_b = coarse_tokens(key_a), coarse_tokens(key_b)
    ids: dict[str, int] = {}
    bounds_a, bounds_b = _bounds([t for t, _ in coarse_a], 0), _bounds([t for t, _ in coarse_b], 0)
    spans: list[_Span] = []
    region: list[int] | None = None  # [a_from, a_to, b_from, b_to] in coarse-token indices
    opcodes = Indel.opcodes(
        [ids.setdefault(t, len(ids)) for t, _ in coarse_a], [ids.setdefault(t, len(ids)) for t, _ in coarse_b]
    )
    for op in [*opcodes, None]:
        if op is not None and op.tag != "equal":
            if region is None:
                region = [op.src_start, op.src_end, op.dest_start, op.dest_end]
            else:
                region[1], region[3] = op.src_end, op.dest_end
            continue
        if region is not None:
            spans.extend(_refine(coarse_a, coarse_b, bounds_a, bounds_b, *region))
            region = None
        if op is not None:
            spans.append(
                (
                    "equal",
                    bounds_a[op.src_start],
                    bounds_a[op.src_end],
                    bounds_b[op.dest_start],
                    bounds_b[op.dest_end],
                )
            )
    return merge_confetti(spans)


def _refine(
    coarse_a: list[tuple[str, bool]],
    coarse_b: list[tuple[str, bool]],
    bounds_a: list[int],
    bounds_b: list[int],
    a_from: int,
    a_to: int,
    b_from: int,
    b_to: int,
) -> list[_Span]:
    region_a, region_b = coarse_a[a_from:a_to], coarse_b[b_from:b_to]
    whole: _Span = ("replace", bounds_a[a_from], bounds_a[a_to], bounds_b[b_from], bounds_b[b_to])
    if not any(han for _, han in region_a) or not any(han for _, han in region_b):
        return [whole]  # nothing a word split could keep equal
    tokens_a = [w for t, han in region_a for w in (words(t) if han else (t,))]
    tokens_b = [w for t, han in region_b for w in (words(t) if han else (t,))]
    ids: dict[str, int] = {}
    fine_a, fine_b = _bounds(tokens_a, whole[1]), _bounds(tokens_b, whole[3])
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


def _join(first: _Span, second: _Span) -> _Span:
    a1, a2, b1, b2 = first[1], second[2], first[3], second[4]
    return (_kind(a1 == a2, b1 == b2), a1, a2, b1, b2)


def _kind(a_empty: bool, b_empty: bool) -> OpKind:
    if a_empty:
        return "insert"
    return "delete" if b_empty else "replace"
