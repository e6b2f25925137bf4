"""Choosing a metric key for a figure from the words around it, and saying how sure that choice is.

The nearest trigger word decides (before the number, or just after it in the same clause), subject to
rules that hold for every issuer:

- a noun that must head the counted phrase (事故) does not name ``审理事故定性案60宗``;
- a figure counting a list of unlike things (``宣传、培训活动4800余场次``) is no single metric, unless
  one metric covers them all (合法性审查 of 规范性文件、重大行政决策和合同 is one count);
- a meeting counts as a 法治 meeting only when its sentence says so; a 讲座 is 学法 for officials and
  普法 for the public;
- words before the figure can turn one key into a related one (备案 of 规范性文件 → filings).

A choice is *doubtful* when only a weak or distant word backs it, when two metrics are about as close,
or when the word comes from elsewhere in the sentence; doubtful figures are shown as such and stay out
of the memo until the reviewer confirms them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.metrics.catalog import Catalog, MetricKind
from desktop.core.metrics.numbers import NumberToken
from desktop.core.metrics.segmenter import dictionary_words, token_bounds, tokenizer
from desktop.core.metrics.spans import Span, TextIndex

AFTER_PENALTY = 15
SENTENCE_PENALTY = 40
NEAR_BEFORE = 15
"""A trigger further than this many characters before its figure makes the key doubtful."""
NEAR_AFTER = 6
RIVAL_MARGIN = 3
_BLOCK = 256
"""Another metric whose trigger is this close to the winner's makes the key doubtful."""
_WINDOW = 8
_LIST_SEPARATORS = re.compile(r"、|以及|(?<![参给])与(?![会])|和(?![谐平美睦])|及(?![时早])")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    word: str


@dataclass(frozen=True)
class Choice:
    key: str | None
    doubt: str | None = None
    """Why the key is doubtful (a Chinese phrase for the reviewer), or None when it is sure."""


NO_CHOICE = Choice(None)


class Classifier:
    """Trigger words of one text, found once; then a key for figure after figure."""

    def __init__(self, text: str, index: TextIndex, catalog: Catalog) -> None:
        self.text = text
        self.index = index
        self.catalog = catalog
        words = sorted(catalog.triggers())
        tokenizer(words)  # trigger words become dictionary words, so jieba keeps them whole
        self._by_first: dict[str, list[str]] = {}
        for word in words:
            self._by_first.setdefault(word[0], []).append(word)
        self._firsts = re.compile("[" + re.escape("".join(self._by_first)) + "]") if words else None
        self._blocks: dict[int, list[Hit]] = {}
        self._checked: dict[Hit, bool] = {}
        self.starts: list[int] = []
        self._word_sets = {k: frozenset(kind.triggers) for k, kind in catalog.kinds.items()}
        self._sentence_sets = {k: frozenset(kind.sentence_triggers) for k, kind in catalog.kinds.items()}
        unit_words: dict[str | None, set[str]] = {}
        for kind in catalog.kinds.values():
            for kind_unit in kind.units:
                unit_words.setdefault(kind_unit, set()).update(kind.triggers)
        self._unit_words = {u: frozenset(w) for u, w in unit_words.items()}
        self._linker_re = re.compile("(?:" + "|".join(map(re.escape, catalog.linkers)) + r"|\s)*") if (
            catalog.linkers
        ) else re.compile(r"\s*")  # fmt: skip

    def _block(self, number: int) -> list[Hit]:
        """Trigger words starting in one block of the text, found when a figure first needs them.

        Blocks are fixed slices of the text, each scanned at most once: the work stays linear however
        the figures are spread, and text far from any figure is never segmented.
        """
        cached = self._blocks.get(number)
        if cached is not None:
            return cached
        text, hits = self.text, []
        start, end = number * _BLOCK, min(len(self.text), (number + 1) * _BLOCK)
        if self._firsts is not None:
            for found in self._firsts.finditer(text, start, end):
                position = found.start()
                for word in self._by_first[text[position]]:
                    if text.startswith(word, position) and not self.index.in_title(position):
                        hits.append(Hit(position, position + len(word), word))
        self._blocks[number] = hits
        return hits

    def set_tokens(self, tokens: Sequence[NumberToken]) -> None:
        self.starts = [t.start for t in tokens]

    def hits_in(self, span: Span, words: frozenset[str] | None = None) -> list[Hit]:
        """Trigger words inside ``span`` (of ``words`` only, when given) that are whole words."""
        found: list[Hit] = []
        for number in range(span.start // _BLOCK, (max(span.end, span.start + 1) - 1) // _BLOCK + 1):
            for hit in self._block(number):
                inside = span.start <= hit.start and hit.end <= span.end
                if inside and (words is None or hit.word in words) and self._whole(hit):
                    found.append(hit)
        return found

    def _whole(self, hit: Hit) -> bool:
        """Words of three characters or more are specific enough; short ones (立案, 检查) hide inside
        longer words (建立案件), so jieba decides for them (once per place, when first needed)."""
        if len(hit.word) > 2:
            return True
        known = self._checked.get(hit)
        if known is None:
            known = self._checked[hit] = _whole_word(self.text, hit.start, hit.end)
        return known

    def _candidates(self, span: Span) -> list[Hit]:
        """Every trigger occurrence in ``span``, not yet checked for being a whole word."""
        found: list[Hit] = []
        for number in range(span.start // _BLOCK, (max(span.end, span.start + 1) - 1) // _BLOCK + 1):
            found += [h for h in self._block(number) if span.start <= h.start and h.end <= span.end]
        return found

    def _between(self, a: int, b: int) -> bool:
        """Another figure stands between ``a`` and ``b``: a trigger there names that figure."""
        position = bisect_left(self.starts, a)
        return position < len(self.starts) and self.starts[position] < b

    def change_word(self, clause: Span, token: NumberToken) -> str | None:
        """``down`` or ``up`` when the clause says the figure is a change (同比下降13.6%), else None."""
        before = self.text[clause.start : token.start]
        found = [(before.rfind(w), len(w), "down") for w in self.catalog.down_words if w in before]
        found += [(before.rfind(w), len(w), "up") for w in self.catalog.up_words if w in before]
        if not found:
            return None
        at, length, direction = max(found)
        gap = before[at + length :]
        if gap.startswith(("至", "到")) or not _CHANGE_GAP.fullmatch(gap):
            return None  # 下降至5%: a level; 下降的情况下整改率95%: another figure's word
        return direction

    # ---- choosing a key ---------------------------------------------------------------------

    def choose(self, token: NumberToken, unit: str | None, clause: Span, sentence: Span) -> Choice:
        text = self.text
        clause_text = text[clause.start : clause.end]
        sentence_text = text[sentence.start : sentence.end]
        is_change = unit in ("%", "个百分点") and self.change_word(clause, token) is not None
        search = self._search_span(token, clause)
        candidates = self._candidates(search)
        scored: list[tuple[tuple[int, int], MetricKind, Hit]] = []
        fallback: list[tuple[tuple[int, int], MetricKind, Hit]] = []
        for kind in self.catalog.kinds.values():
            if not self._accepts(kind, token, unit, clause_text, sentence_text, is_change):
                continue
            best = self._score(kind, token, candidates, sentence_text)
            if best is not None:
                scored.append((best[0], kind, best[1]))
            elif kind.sentence_triggers:
                found = self._sentence_score(kind, token, self._neighbourhood(clause, sentence))
                if found is not None:
                    fallback.append((found[0], kind, found[1]))
        if not scored and fallback and not any(self._whole(h) for h in candidates):
            fallback.sort(key=lambda item: item[0])
            return Choice(fallback[0][1].key, "指标名称不在数字所在的分句中")
        if not scored:
            return NO_CHOICE
        scored.sort(key=lambda item: item[0])
        (score, kind, hit) = scored[0]
        listed = self._list_key(token, clause, [k for _s, k, _h in scored], unit)
        if listed is not None:
            return listed
        key = self._refined(kind, clause, token)
        doubt = self._doubt(clause, score, kind, hit, scored)
        if doubt is None and kind.requires and not self._near(clause, kind.requires):
            doubt = "所述内容是否属于此项指标不明确"
        return Choice(key, doubt)

    def _near(self, clause: Span, words: tuple[str, ...]) -> bool:
        """One of ``words`` in the clause or the clause either side of it."""
        breaks = self.index.clause_breaks
        position = bisect_left(breaks, clause.start - 1)
        start = breaks[position - 1] + 1 if position > 0 else 0
        following = bisect_left(breaks, clause.end + 1)
        end = breaks[following] if following < len(breaks) else len(self.text)
        start, end = max(start, clause.start - 200), min(end, clause.end + 200)
        near = self.text[start:end]
        return any(word in near for word in words)

    def _search_span(self, token: NumberToken, clause: Span) -> Span:
        """The clause; for a figure opening a parenthesis (``警情（同比下降21.9%）``) also the words
        right before the parenthesis, which name what it is a change of."""
        text = self.text
        opens = clause.start and text[clause.start - 1] in "（("
        if opens and _ONLY_CHANGE.fullmatch(text[clause.start : token.start]):
            previous = self.index.clause(clause.start - 1, clause.start - 1)
            return Span(previous.start, clause.end)
        return clause

    def _accepts(
        self,
        kind: MetricKind,
        token: NumberToken,
        unit: str | None,
        clause_text: str,
        sentence_text: str,
        is_change: bool,
    ) -> bool:
        if unit is None:
            if not (kind.bare and token.magnitude):
                return False
        elif unit not in kind.units:
            return False
        if kind.change_of is not None and not is_change:
            return False
        if kind.change_of is None and is_change:
            return False  # 满意率较上年提高2%: a change, not the rate itself
        if any(word in clause_text for word in kind.exclude):
            return False
        if any(word in sentence_text for word in kind.sentence_exclude):
            return False
        if kind.counted_exclude and self.text.startswith(kind.counted_exclude, token.end):
            return False
        if kind.requires and not any(word in sentence_text for word in kind.requires):
            return False
        if kind.items_need and _lists_items(kind.items_need, unit, clause_text):
            return False  # 行政许可事项218项 lists kinds of items; 受理85项审批服务事项 handles them
        return not kind.requires_clause or any(word in clause_text for word in kind.requires_clause)

    def _score(
        self, kind: MetricKind, token: NumberToken, hits: list[Hit], sentence_text: str
    ) -> tuple[tuple[int, int], Hit] | None:
        """The nearest trigger of ``kind``: (distance, -length) and the hit; after the figure costs more."""
        words = self._word_sets[kind.key]
        best: tuple[tuple[int, int], Hit] | None = None
        starts = {h.start for h in hits}
        for hit in hits:
            if hit.word not in words:
                continue
            if hit.end <= token.start:
                score = (self._distance(hit.end, token.start), -len(hit.word))
            elif hit.start >= token.end:
                if hit.end in starts and self._head_at(hits, hit.end, token.unit):
                    continue  # 1件行政处罚案卷: a word right after names a longer thing (the head)
                score = (self._distance(token.end, hit.start) + AFTER_PENALTY, -len(hit.word))
            else:
                continue
            if best is not None and score >= best[0]:
                continue
            if not self._whole(hit) or not self._usable(kind, hit, token, sentence_text):
                continue
            best = (score, hit)
        return best

    def _head_at(self, hits: list[Hit], start: int, unit: str | None) -> bool:
        """A trigger of a metric counted in ``unit`` starts at ``start`` (行政处罚|案卷 in 件)."""
        words = self._unit_words.get(self.catalog.unit_aliases.get(unit or "", unit), frozenset())
        return any(h.start == start and h.word in words and self._whole(h) for h in hits)

    def _usable(self, kind: MetricKind, hit: Hit, token: NumberToken, sentence_text: str) -> bool:
        context = kind.context_triggers.get(hit.word)
        if context is not None and not any(word in sentence_text for word in context):
            return False
        if hit.end <= token.start:
            if self._between(hit.end, token.start):
                return False
            return hit.word not in kind.head_triggers or self._linked(hit.end, token.start)
        return not self._between(token.end, hit.start) and hit.word not in kind.head_triggers

    def _distance(self, start: int, end: int) -> int:
        """Characters between a trigger and its figure, a 《title》 counting as one (``开展2次《行政复议法》
        《行政处罚法》专题培训``: the titles name the subject, they do not part the words)."""
        gap = self.text[start:end]
        if "《" not in gap:
            return end - start
        return len(_TITLES.sub("《", gap))

    def _neighbourhood(self, clause: Span, sentence: Span) -> Span:
        """The clause with the clause either side of it, within the sentence: where a word elsewhere in
        the sentence may still name the figure (``干部980多人次，举办了24场次…培训考试``)."""
        breaks = self.index.clause_breaks
        position = bisect_left(breaks, clause.start - 1)
        start = breaks[position - 1] + 1 if position > 0 else 0
        following = bisect_left(breaks, clause.end + 1)
        end = breaks[following] if following < len(breaks) else len(self.text)
        return Span(max(start, sentence.start, clause.start - 200), min(end, sentence.end, clause.end + 200))

    def _sentence_score(
        self, kind: MetricKind, token: NumberToken, sentence: Span
    ) -> tuple[tuple[int, int], Hit] | None:
        words = self._sentence_sets[kind.key]
        best: tuple[tuple[int, int], Hit] | None = None
        for hit in self.hits_in(sentence, words):
            if hit.word in words:
                distance = token.start - hit.end if hit.end <= token.start else hit.start - token.end
                score = (abs(distance) + SENTENCE_PENALTY, -len(hit.word))
                if best is None or score < best[0]:
                    best = (score, hit)
        return best

    def _linked(self, start: int, end: int) -> bool:
        """Only linking words (等, 共, 达, 起数 …) stand between a head noun and its figure."""
        gap = self.text[start:end]
        return self._linker_re.fullmatch(gap) is not None

    def _doubt(
        self,
        clause: Span,
        score: tuple[int, int],
        kind: MetricKind,
        hit: Hit,
        scored: list[tuple[tuple[int, int], MetricKind, Hit]],
    ) -> str | None:
        if hit.word in kind.weak_triggers:
            return f"仅凭“{hit.word}”一词判断"
        distance = score[0]
        if distance >= AFTER_PENALTY:
            # 对全市78家企业开展指导检查: the activity that closes the clause counts its objects.
            if distance - AFTER_PENALTY > NEAR_AFTER and hit.end < clause.end - 1:
                return f"指标名称“{hit.word}”在数字之后较远处"
        elif distance > NEAR_BEFORE:
            return f"指标名称“{hit.word}”离数字较远"
        for other_score, other, other_hit in scored[1:]:
            if other.key == kind.key or other.key in kind.covers or kind.key in other.covers:
                continue
            if other_hit.word in other.weak_triggers or other_hit.start <= hit.start < other_hit.end:
                continue
            if other_hit.start < hit.start and other_hit.end >= hit.end:
                continue
            if other_score[0] - distance <= RIVAL_MARGIN and not _nested(hit, other_hit):
                return f"也可能是“{other.label}”"
        return None

    def _refined(self, kind: MetricKind, clause: Span, token: NumberToken) -> str:
        before = self.text[clause.start : token.start]
        for words, key in kind.refine:
            if key in self.catalog.kinds and any(word in before for word in words):
                return key
        return kind.key

    def _list_key(
        self, token: NumberToken, clause: Span, ranked: list[MetricKind], unit: str | None
    ) -> Choice | None:
        """``宣传、培训活动4800余场次``: a figure counting unlike things is no single metric.

        The clause before the figure is split at 、和及与; when two items name different metrics that
        fit the figure's unit, the figure is left unkeyed, unless one of those metrics covers the
        others (合法性审查 of 规范性文件、重大行政决策 and 合同 is one count of reviews).
        """
        before = self.text[clause.start : token.start]
        if not _LIST_SEPARATORS.search(before):
            return None
        items, offset = [], clause.start
        for separator in _LIST_SEPARATORS.finditer(before):
            items.append(Span(offset, clause.start + separator.start()))
            offset = clause.start + separator.end()
        items.append(Span(offset, token.start))
        groups: list[set[str]] = []
        for item in items:
            keys = set()
            for hit in self.hits_in(item):
                for kind in self.catalog.kinds.values():
                    if hit.word in self._word_sets[kind.key] and (unit in kind.units or unit is None):
                        keys.add(kind.key)
            if keys:
                groups.append(keys)
        if len(groups) < 2:
            return None
        winner = ranked[0]
        common = set.intersection(*groups)
        if winner.key in common:
            return None
        for kind in ranked:
            if kind.key in common:
                return Choice(kind.key, "所列各项口径不一")
        for key in sorted(set.union(*groups)):
            covering = self.catalog.kinds[key]
            if all(key in group or group & set(covering.covers) for group in groups):
                return Choice(key)
        return Choice(None)


_ONLY_CHANGE = re.compile(r"(?:同比|较上年|较去年|比上年|分别|下降|减少|增加|上升|提高|降低|增长|了|为|达)*")
_TITLES = re.compile(r"《[^《》]{0,80}》")
_CHANGE_GAP = re.compile(
    r"(?:了|为|达到|达|幅度|幅|分别|约|近|超过|超|逾|比例|[\d.,%％、和与及]|个百分点|\s)*"
)


def _lists_items(need: tuple[tuple[str, ...], ...], unit: str | None, clause_text: str) -> bool:
    nouns, units, verbs = need
    if unit not in units or not any(noun in clause_text for noun in nouns):
        return False
    return not any(verb in clause_text for verb in verbs)


def _nested(a: Hit, b: Hit) -> bool:
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _whole_word(text: str, start: int, end: int) -> bool:
    """Does jieba see ``text[start:end]`` as whole words? Only a window around it is cut: jieba's
    choices depend on a few characters either side, and cutting whole sentences for every trigger
    would be the slowest part of extraction."""
    if not _may_straddle(text, start, end):
        return True
    left = max(0, start - _WINDOW)
    starts, ends = token_bounds(text[left : min(len(text), end + _WINDOW)])
    return start - left in starts and end - left in ends


def _may_straddle(text: str, start: int, end: int) -> bool:
    """Could a dictionary word of up to four characters cross the trigger's edges (建立案件 around
    立案, 工伤事故 around 事故)? If none does, the edges are word boundaries and jieba need not be asked."""
    words = dictionary_words()
    for edge in (start, end):
        for left in range(max(0, edge - 3), edge):
            for right in range(edge + 1, min(len(text), left + 4) + 1):
                if words.get(text[left:right], 0) > 0:
                    return True
    return False
