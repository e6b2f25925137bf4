"""``compare_texts``: the aligned units turned into ops, section pairs and carried-over sentences."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from desktop.core.compare.align import Aligner, PairState
from desktop.core.compare.boilerplate import Boilerplate, default_boilerplate
from desktop.core.compare.inline import inline_ops
from desktop.core.compare.model import CARRIED_SIMILARITY, CarriedSentence, Comparison, Op, SectionPair
from desktop.core.compare.options import DEFAULT_OPTIONS, CompareOptions
from desktop.core.compare.parts import SectionLike, build_parts, is_heading_unit
from desktop.core.compare.tokens import MIN_COUNTED
from desktop.core.compare.years import relative_key


def compare_texts(
    prior_text: str,
    prior_sections: Sequence[SectionLike],
    current_text: str,
    current_sections: Sequence[SectionLike],
    boilerplate: Boilerplate | None = None,
    options: CompareOptions | None = None,
) -> Comparison:
    """Compare last year's report (``a``) with this year's (``b``); both cleaned texts.

    ``boilerplate`` decides which sentences are formulae (the built-in lists and the office's
    file when None); ``options`` what counts as a change (:mod:`desktop.core.compare.options`;
    years are made relative only when it names both reports' years)."""
    if boilerplate is None:
        boilerplate = default_boilerplate()
    options = options or DEFAULT_OPTIONS
    years: tuple[int, int] | None = None
    keyer_a = keyer_b = None
    if options.years_apply:
        assert options.prior_year is not None and options.current_year is not None
        years = (options.prior_year, options.current_year)
        keyer_a = partial(relative_key, year=options.prior_year)
        keyer_b = partial(relative_key, year=options.current_year)
    aligner = Aligner(
        build_parts(prior_text, prior_sections, keyer_a),
        build_parts(current_text, current_sections, keyer_b),
        splits=options.ignore_splits,
    )
    builder = _Builder(prior_text, current_text, aligner, boilerplate, years)
    pairs: list[SectionPair] = []
    carried: list[CarriedSentence] = []
    for state in aligner.run():
        pair, pair_carried = builder.section(state)
        pairs.append(pair)
        carried.extend(pair_carried)
    return Comparison(
        prior_length=len(prior_text),
        current_length=len(current_text),
        sections=pairs,
        carried_sentences=carried,
        sentences=sum(p.sentences for p in pairs),
        boilerplate=sum(p.boilerplate for p in pairs),
        notes=list(boilerplate.problems),
        years=years,
    )


class _Builder:
    def __init__(
        self,
        a_text: str,
        b_text: str,
        aligner: Aligner,
        boilerplate: Boilerplate,
        years: tuple[int, int] | None = None,
    ) -> None:
        self.a_text, self.b_text, self.al = a_text, b_text, aligner
        self.boilerplate = boilerplate
        self.years = years
        self.first_a: dict[str, int] = {}
        for i, unit in enumerate(aligner.ua):
            self.first_a.setdefault(unit.key, i)

    def section(self, state: PairState) -> tuple[SectionPair, list[CarriedSentence]]:
        a, b = state.a, state.b
        a_start, a_end = (a.start, a.end) if a else (state.a_anchor, state.a_anchor)
        b_start, b_end = (b.start, b.end) if b else (state.b_anchor, state.b_anchor)
        pair = SectionPair(
            kind=b.kind if b else a.kind if a else "unclassified",
            title=None if b is None else b.title or "",
            prior_title=None if a is None else a.title or "",
            a_start=a_start,
            a_end=a_end,
            b_start=b_start,
            b_end=b_end,
            reordered=state.reordered,
        )
        pair.ops = _coalesce(self._ops(state, a_start, b_start))
        # The closing block (signature, date) is the same every year and no one copied it.
        carried = self._count(pair, state) if b is not None and b.kind != "closing" else []
        return pair, carried

    def _ops(self, state: PairState, a_start: int, b_start: int) -> list[Op]:
        ua, ub = self.al.ua, self.al.ub
        ops: list[Op] = []
        ra, rb = state.a_units, state.b_units
        if state.a is None or state.b is None:
            self._gap(ops, ra.start, ra.stop, rb.start, rb.stop, a_start, b_start)
            return ops
        i, j, a_pos, b_pos = ra.start, rb.start, a_start, b_start
        for i0, i1, j0, j1, kind, _similarity in state.blocks:
            self._gap(ops, i, i0, j, j0, a_pos, b_pos)
            first_a, first_b = ua[i0], ub[j0]
            if kind == "equal":
                ops.append(Op("equal", first_a.start, ua[i1 - 1].end, first_b.start, ub[j1 - 1].end))
            else:
                ops.extend(
                    inline_ops(
                        self.a_text,
                        first_a.start,
                        first_a.end,
                        self.b_text,
                        first_b.start,
                        first_b.end,
                        self.years,
                    )
                )
            i, j, a_pos, b_pos = i1, j1, ua[i1 - 1].end, ub[j1 - 1].end
        self._gap(ops, i, ra.stop, j, rb.stop, a_pos, b_pos)
        return ops

    def _gap(self, ops: list[Op], i0: int, i1: int, j0: int, j1: int, a_pos: int, b_pos: int) -> None:
        """Unmatched sentences between two blocks: replace/insert/delete, and moves arriving here."""
        ua, ub, moves = self.al.ua, self.al.ub, self.al.moves
        runs: list[list[int]] = []  # [start, end] text spans of prior sentences still here
        for i in range(i0, i1):
            if i in self.al.moved_a:
                continue
            if runs and runs[-1][1] == ua[i].start:
                runs[-1][1] = ua[i].end
            else:
                runs.append([ua[i].start, ua[i].end])
        runs.reverse()  # taken from the front, in text order: popped off the end of the reversed list
        a_cursor = ua[i0].start if i1 > i0 else a_pos
        plain: list[int] | None = None

        def flush() -> None:
            nonlocal a_cursor, plain
            if plain is None:
                return
            if runs:
                start, end = runs.pop()
                ops.append(Op("replace", start, end, plain[0], plain[1]))
                a_cursor = end
            else:
                ops.append(Op("insert", a_cursor, a_cursor, plain[0], plain[1]))
            plain = None

        for j in range(j0, j1):
            if j in moves:
                flush()
                source = ua[moves[j][0]]
                ops.append(Op("move", source.start, source.end, ub[j].start, ub[j].end))
            elif plain is not None and plain[1] == ub[j].start:
                plain[1] = ub[j].end
            else:
                flush()
                plain = [ub[j].start, ub[j].end]
        flush()
        b_end = ub[j1 - 1].end if j1 > j0 else b_pos
        ops.extend(Op("delete", start, end, b_end, b_end) for start, end in reversed(runs))

    def _count(self, pair: SectionPair, state: PairState) -> list[CarriedSentence]:
        """Carried-over sentences of one current part: identical or >= 0.9 similar to a prior one."""
        part = state.b
        assert part is not None
        links: dict[int, tuple[int, float]] = {}
        for i0, i1, j0, j1, _kind, similarity in state.blocks:
            for offset, j in enumerate(range(j0, j1)):
                links[j] = (min(i0 + offset, i1 - 1), similarity)
        found: list[CarriedSentence] = []
        for j in state.b_units:
            unit = self.al.ub[j]
            if len(unit.plain_key) < MIN_COUNTED or is_heading_unit(part, unit):
                continue
            pair.sentences += 1
            boilerplate = self.boilerplate.is_boilerplate(unit.plain_key)
            pair.boilerplate += boilerplate
            link = self.al.moves.get(j) or links.get(j)
            if link is None and unit.key in self.first_a:
                link = (self.first_a[unit.key], 1.0)  # a repeat of a sentence already matched elsewhere
            if link is not None and link[1] >= CARRIED_SIMILARITY:
                source = self.al.ua[link[0]]
                found.append(
                    CarriedSentence(
                        source.start, source.text_end, unit.start, unit.text_end, link[1], boilerplate
                    )
                )
        pair.carried = len(found)
        pair.carried_boilerplate = sum(1 for c in found if c.boilerplate)
        return found


def _coalesce(ops: list[Op]) -> list[Op]:
    """Join neighbouring ops of one kind that continue each other in both texts."""
    out: list[Op] = []
    for op in ops:
        if op.a_start == op.a_end and op.b_start == op.b_end:
            continue
        last = out[-1] if out else None
        if (
            last is not None
            and op.op == last.op != "move"
            and last.a_end == op.a_start
            and last.b_end == op.b_start
        ):
            out[-1] = Op(op.op, last.a_start, op.a_end, last.b_start, op.b_end)
        else:
            out.append(op)
    return out
