"""Extracting figures from a cleaned report and classifying them with the metric catalog."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from desktop.core.metrics.catalog import Catalog, MetricKind
from desktop.core.metrics.numbers import NumberToken, find_numbers
from desktop.core.metrics.segmenter import dictionary_words, token_bounds, tokenizer

_CLAUSE_BREAKS = "，。；：！？\n"
_SENTENCE_BREAKS = "。！？\n"
_AFTER_PENALTY = 15
_SENTENCE_PENALTY = 40
_NO_KEY = "\x00none"
"""Returned when the words around a figure say it is none of the catalog's metrics."""


@dataclass
class Mention:
    key: str | None
    label: str
    value: float
    unit: str | None
    qualifier: str | None
    low: float | None
    high: float | None
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    quote: str
    section_kind: str | None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["value"] = _plain(self.value)
        data["low"] = _plain(self.low)
        data["high"] = _plain(self.high)
        return data


def _plain(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


@lru_cache(maxsize=8)
def _breaks(text: str, chars: str) -> list[int]:
    """Positions of ``chars`` in ``text`` (cached: every figure of a report looks them up)."""
    return [i for i, ch in enumerate(text) if ch in chars]


def _around(text: str, chars: str, start: int, end: int) -> tuple[int, int]:
    """The last break before ``start`` (-1 if none) and the first at or after ``end`` (None if none)."""
    breaks = _breaks(text, chars)
    index = bisect_left(breaks, start)
    before = breaks[index - 1] if index else -1
    after_index = bisect_left(breaks, end)
    return before, breaks[after_index] if after_index < len(breaks) else len(text)


def _clause(text: str, token: NumberToken) -> _Span:
    before, end = _around(text, _CLAUSE_BREAKS, token.start, token.end)
    start = before + 1
    opening = text.rfind("（", start, token.start)
    if opening >= 0 and text.find("）", opening, token.start) < 0:
        start = opening + 1  # inside a parenthesis: the clause is what is inside it
    paren = text.find("（", token.end, end)
    if paren >= 0:
        end = paren  # a parenthesis after the figure lists other figures; the quote stops there
    closing = text.find("）", token.end, end)
    if closing >= 0:
        end = closing
    return _Span(start, end)


def _sentence(text: str, position: int, end_position: int) -> _Span:
    before, end = _around(text, _SENTENCE_BREAKS, position, end_position)
    if end < len(text) and text[end] != "\n":
        end += 1  # the sentence keeps its full stop
    return _Span(before + 1, end)


class _Classifier:
    """Chooses a metric key for a number from the words around it."""

    def __init__(self, text: str, catalog: Catalog) -> None:
        self.text = text
        self.catalog = catalog
        self.words = sorted(catalog.triggers())
        self._by_first: dict[str, list[str]] = {}
        for word in self.words:
            self._by_first.setdefault(word[0], []).append(word)
        self.starts: list[int] = []
        self._hits: dict[int, list[tuple[int, int, str]]] = {}
        self._trigger_sets: dict[str, frozenset[str]] = {}
        tokenizer(self.words)  # trigger words become dictionary words, so jieba keeps them whole

    def occurrences(self, span: _Span, sentence: _Span, words: frozenset[str]) -> list[tuple[int, int, str]]:
        """Trigger words in ``span`` that jieba also sees as whole words (``建立案件`` has no 立案)."""
        wanted = words
        return [
            hit
            for hit in self._sentence_hits(sentence)
            if hit[2] in wanted and span.start <= hit[0] and hit[1] <= span.end
        ]

    def _sentence_hits(self, sentence: _Span) -> list[tuple[int, int, str]]:
        # Segmenting whole sentences once is enough: jieba words never cross punctuation.
        cached = self._hits.get(sentence.start)
        if cached is not None:
            return cached
        segment = self.text[sentence.start : sentence.end]
        found = [
            (position, word)
            for position, ch in enumerate(segment)
            for word in self._by_first.get(ch, ())
            if segment.startswith(word, position)
        ]
        hits = [
            (sentence.start + s, sentence.start + s + len(w), w)
            for s, w in found
            # Words of three characters or more are specific enough; short ones (立案, 检查)
            # hide inside longer words (建立案件), so jieba decides for them.
            if (len(w) > 2 or _whole_word(segment, s, s + len(w))) and not _in_book_title(segment, s)
        ]
        self._hits[sentence.start] = hits
        return hits

    def _words_of(self, kind: MetricKind) -> frozenset[str]:
        words = self._trigger_sets.get(kind.key)
        if words is None:
            words = self._trigger_sets[kind.key] = frozenset(kind.triggers)
        return words

    def set_tokens(self, tokens: list[NumberToken]) -> None:
        self.starts = sorted(t.start for t in tokens)

    def _between(self, a: int, b: int) -> bool:
        """Another figure stands between ``a`` and ``b``: a trigger there names that figure."""
        index = bisect_left(self.starts, a)
        return index < len(self.starts) and self.starts[index] < b

    def best(self, token: NumberToken, unit: str | None, clause: _Span, sentence: _Span) -> str | None:
        clause_text = self.text[clause.start : clause.end]
        sentence_text = self.text[sentence.start : sentence.end]
        best: tuple[int, int, str] | None = None
        for kind in self.catalog.kinds.values():
            if unit not in kind.units or any(word in clause_text for word in kind.exclude):
                continue
            if any(word in sentence_text for word in kind.sentence_exclude):
                continue
            if self.text.startswith(kind.counted_exclude, token.end):
                continue
            if kind.change_of and not self._change_word(clause, token):
                continue
            score = self._score(kind, token, clause, sentence)
            if score is not None and (best is None or score < best[:2]):
                best = (*score, kind.key)
        return best[2] if best else None

    def _score(
        self, kind: MetricKind, token: NumberToken, clause: _Span, sentence: _Span
    ) -> tuple[int, int] | None:
        scores = []
        for start, end, word in self.occurrences(clause, sentence, self._words_of(kind)):
            if end <= token.start and not self._between(end, token.start):
                scores.append((token.start - end, -len(word)))
            elif start >= token.end and not self._between(token.end, start):
                scores.append((start - token.end + _AFTER_PENALTY, -len(word)))
        if not scores and kind.sentence_triggers:
            for start, end, word in self.occurrences(sentence, sentence, frozenset(kind.sentence_triggers)):
                distance = token.start - end if end <= token.start else start - token.end
                scores.append((abs(distance) + _SENTENCE_PENALTY, -len(word)))
        return min(scores) if scores else None

    def _change_word(self, clause: _Span, token: NumberToken) -> str | None:
        before = self.text[clause.start : token.start]
        positions = [(before.rfind(w), "down") for w in self.catalog.down_words if w in before]
        positions += [(before.rfind(w), "up") for w in self.catalog.up_words if w in before]
        return max(positions)[1] if positions else None

    def signed(self, kind: MetricKind, clause: _Span, token: NumberToken, value: float) -> float:
        if kind.change_of and self._change_word(clause, token) == "down":
            return -abs(value)
        return value


def _is_listed_part(text: str, tokens: list[NumberToken], index: int) -> bool:
    """``共办理142件（其中…96件、…38件）``: the figures in the parenthesis are parts of the total.

    They stay as other figures (the totals check adds them up) rather than counting again.
    """
    token = tokens[index]
    opening = text.rfind("（", max(0, token.start - 120), token.start)
    if opening < 0 or text.find("）", opening, token.start) >= 0:
        return False
    return any(
        t.unit == token.unit and opening - 40 <= t.end <= opening and "。" not in text[t.end : opening]
        for t in tokens[:index]
    )


_WINDOW = 8


def _whole_word(segment: str, start: int, end: int) -> bool:
    """Does jieba see ``segment[start:end]`` as whole words? Only a window around it is cut:
    jieba's choices depend on a few characters either side, and cutting whole sentences for
    every trigger would be the slowest part of extraction."""
    if not _may_straddle(segment, start, end):
        return True
    left = max(0, start - _WINDOW)
    starts, ends = token_bounds(segment[left : min(len(segment), end + _WINDOW)])
    return start - left in starts and end - left in ends


def _may_straddle(segment: str, start: int, end: int) -> bool:
    """Could a dictionary word of up to four characters cross the trigger's edges (建立案件 around
    立案, 工伤事故 around 事故)? If none does, the edges are word boundaries and jieba need not be asked."""
    words = dictionary_words()
    for edge in (start, end):
        for left in range(max(0, edge - 3), edge):
            for right in range(edge + 1, min(len(segment), left + 4) + 1):
                if words.get(segment[left:right], 0) > 0:
                    return True
    return False


def _in_book_title(segment: str, position: int) -> bool:
    """Inside 《…》: ``《行政处罚法》`` names a law, not a penalty."""
    opening = segment.rfind("《", 0, position)
    return opening >= 0 and segment.rfind("》", opening, position) < 0


def _section_kind(sections: Sequence[Any], position: int) -> str | None:
    inside = [s for s in sections if s.start <= position < s.end]
    return max(inside, key=lambda s: s.level).kind if inside else None


def _not_a_figure(text: str, token: NumberToken, catalog: Catalog) -> bool:
    before = text[max(0, token.start - 4) : token.start]
    if any(before.endswith(word) for word in catalog.not_a_figure_before):
        return True
    after = text[token.end : token.end + 4]
    return token.unit in ("项", "个", "次", "条") and after.startswith(catalog.fixed_expression_after)


def extract_metrics(text: str, sections: Sequence[Any], catalog: Catalog) -> list[Mention]:
    """Every figure of ``text`` with its key (or None), value, unit and the sentence it came from."""
    classifier = _Classifier(text, catalog)
    mentions: list[Mention] = []
    tokens = [t for t in find_numbers(text) if not _not_a_figure(text, t, catalog)]
    classifier.set_tokens(tokens)
    for index, token in enumerate(tokens):
        unit = catalog.unit_aliases.get(token.unit or "", token.unit)
        clause, sentence = _clause(text, token), _sentence(text, token.start, token.end)
        key = _NO_KEY if _is_listed_part(text, tokens, index) else None
        key = key or _respectively(text, tokens, index, clause, classifier, mentions)
        if key is _NO_KEY:
            key = None
        elif key is None:
            key = classifier.best(token, unit, clause, sentence) or _change_of_previous(
                classifier, token, unit, clause, mentions
            )
        value = token.value
        if key is not None:
            value = classifier.signed(catalog.kinds[key], clause, token, value)
        mentions.append(_mention(text, token, key, unit, value, clause, sentence, sections, catalog))
    mentions += _zero_mentions(text, sections, catalog)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _mention(
    text: str,
    token: NumberToken,
    key: str | None,
    unit: str | None,
    value: float,
    clause: _Span,
    sentence: _Span,
    sections: Sequence[Any],
    catalog: Catalog,
) -> Mention:
    sign = -1 if value < 0 else 1
    low = token.low * sign if token.low is not None else None
    high = token.high * sign if token.high is not None else None
    if sign < 0:
        low, high = high, low
    return Mention(
        key=key,
        label=catalog.label(key),
        value=value,
        unit=unit,
        qualifier=token.qualifier,
        low=low,
        high=high,
        start=token.start,
        end=token.end,
        sentence=text[sentence.start : sentence.end],
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        quote=text[clause.start : clause.end],
        section_kind=_section_kind(sections, token.start),
    )


def _respectively(
    text: str,
    tokens: list[NumberToken],
    index: int,
    clause: _Span,
    classifier: _Classifier,
    earlier: list[Mention],
) -> str | None:
    """``事故起数和死亡人数同比分别下降64.5%和42.1%``: the n-th figure belongs to the n-th noun."""
    clause_text = text[clause.start : clause.end]
    marker = clause_text.find("分别")
    token = tokens[index]
    if marker < 0 or token.start < clause.start + marker:
        return None
    in_list = [t for t in tokens if clause.start + marker <= t.start < clause.end and t.unit == token.unit]
    if len(in_list) < 2:
        return None
    position = in_list.index(token)
    head = re.sub(r"同比|较去年同期|较上年|全市|全县|全区|发生", "", clause_text[:marker])
    nouns = [n for n in re.split(r"[、和及与]", head) if n]
    catalog = classifier.catalog
    unit = catalog.unit_aliases.get(token.unit or "", token.unit)
    if len(nouns) == len(in_list):
        noun = nouns[position]
        for kind in catalog.kinds.values():
            if unit in kind.units and any(trigger in noun for trigger in kind.triggers):
                return kind.key
        return _NO_KEY  # a noun no metric counts (受伤人数)
    # The nouns were in the clause before: "发生事故23起、死亡9人，同比分别下降11.5%和10%".
    counted = [m.key for m in earlier if m.key and m.sentence_start <= clause.start and m.end <= clause.start]
    changes = [next((k.key for k in catalog.kinds.values() if k.change_of == key), None) for key in counted]
    changes = [c for c in changes if c]
    if len(changes) >= len(in_list):
        return changes[len(changes) - len(in_list) + position]
    return None


def _change_of_previous(
    classifier: _Classifier, token: NumberToken, unit: str | None, clause: _Span, earlier: list[Mention]
) -> str | None:
    """``发生事故108起，同比下降13.6%``: a bare change refers to the count just before it."""
    if unit != "%" or not classifier._change_word(clause, token):
        return None
    previous = next((m for m in reversed(earlier) if m.end <= clause.start), None)
    if (
        previous is None
        or previous.key is None
        or previous.sentence_start != _sentence(classifier.text, token.start, token.end).start
    ):
        return None
    return next((k.key for k in classifier.catalog.kinds.values() if k.change_of == previous.key), None)


def _zero_mentions(text: str, sections: Sequence[Any], catalog: Catalog) -> list[Mention]:
    """``零复议、零诉讼``: a count of zero, written without a number."""
    mentions = []
    for kind in catalog.kinds.values():
        for word in kind.zero_words:
            for m in re.finditer(re.escape(word), text):
                token = NumberToken(m.start(), m.end(), 0.0, None, None, 0.0, 0.0, word)
                clause, sentence = _clause(text, token), _sentence(text, m.start(), m.end())
                mentions.append(
                    _mention(text, token, kind.key, None, 0.0, clause, sentence, sections, catalog)
                )
    return mentions
