"""Extracting figures from a cleaned report and classifying them with the metric catalog.

Every figure becomes a :class:`Mention`: its key (or None: another figure), value as written and as a
number, the clause and sentence it came from, and how sure the key is. The work is linear in the
length of the text (see :mod:`desktop.core.metrics.spans`): no figure copies more than a bounded
window of text, and every look-up of neighbouring figures is a bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from desktop.core.metrics.catalog import Catalog
from desktop.core.metrics.classify import Choice, Classifier
from desktop.core.metrics.numbers import NumberToken, find_numbers
from desktop.core.metrics.sector import Sector, classify_sector
from desktop.core.metrics.spans import Span, TextIndex

MONEY_UNIT = "万元"
SURE = "sure"
DOUBTFUL = "doubtful"
_COMPARED = ("同比", "较上年", "比上年", "较去年", "比去年", "较上一年", "环比", "较", "比")
_COUNT_CHANGE_GAP = re.compile(
    r"(?:了|约|近|超过|超|逾)?(?:[\d.,]+[万亿]?[余多]?[起件人次家项宗名个处条户场所]+[、和及]?)*"
)
_ENDINGS = "。！？；…”’）」』"
_LISTED_REACH = 120


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
    confidence: str = SURE
    """``sure`` or ``doubtful`` (the key may be wrong): only sure figures are stated as facts."""
    doubt: str | None = None
    """Why the key is doubtful, for the reviewer."""
    written: str = ""
    """The figure as the report words it (``超过10万人``, ``零败诉``)."""
    id: int | None = None
    """The stored row's id (``reviewdesk figure ID``), once in the library."""
    review: dict[str, Any] | None = None
    """The reviewer's decision on this figure (:mod:`desktop.core.metrics.reviews`), if any."""

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["value"] = _plain(self.value)
        data["low"] = _plain(self.low)
        data["high"] = _plain(self.high)
        return data

    @property
    def decision(self) -> str | None:
        return self.review.get("decision") if self.review else None

    @property
    def is_fact(self) -> bool:
        """A figure the memo and the summary may state: keyed, not excluded, sure or confirmed."""
        if self.key is None or self.decision == "excluded":
            return False
        return self.confidence == SURE or self.decision in ("confirmed", "corrected")


def _plain(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value


def _not_a_figure(text: str, token: NumberToken, catalog: Catalog) -> bool:
    before = text[max(0, token.start - 4) : token.start]
    if any(before.endswith(word) for word in catalog.not_a_figure_before):
        return True
    after = text[token.end : token.end + 4]
    return token.unit in ("项", "个", "次", "条") and after.startswith(catalog.fixed_expression_after)


def extract_metrics(
    text: str,
    sections: Sequence[Any],
    catalog: Catalog,
    agency: str | None = None,
    sector: Sector | None = None,
) -> list[Mention]:
    """Every figure of ``text`` with its key (or None), value, unit, sentence and confidence.

    A full catalog is narrowed to the packs that fit the issuer (``agency``, else the text); a
    catalog already narrowed with :meth:`Catalog.with_packs` is used as it is.
    """
    if catalog.active_packs is None:
        sector = sector or classify_sector(agency, text, catalog)
        view = catalog.with_packs(sector.packs)
    else:
        view = catalog
    from_text = set(sector.from_text) if sector else set()
    index = TextIndex(text, sections)
    tokens = [t for t in find_numbers(text) if not _not_a_figure(text, t, view)]
    classifier = Classifier(text, index, view)
    classifier.set_tokens(tokens)
    ends = [t.end for t in tokens]
    cut = _cut_clause_start(text)
    mentions: list[Mention] = []
    for position, token in enumerate(tokens):
        unit = view.unit_aliases.get(token.unit or "", token.unit)
        clause, sentence = index.clause(token.start, token.end), index.sentence(token.start, token.end)
        change = _change_direction(classifier, text, token, unit, clause)
        choice: Choice | None = None
        if _is_listed_part(text, tokens, ends, position):
            choice = Choice(None)
        else:
            choice = _respectively(text, tokens, position, clause, classifier, mentions)
        if choice is None:
            if change is not None and unit not in ("%", "个百分点"):
                choice = Choice(None)  # 同比减少5起: a change of a count, not the count
            else:
                choice = classifier.choose(token, unit, clause, sentence)
                if choice.key is None and change is not None:
                    choice = _change_of_previous(classifier, token, clause, sentence, mentions)
        value = -abs(token.value) if change == "down" else token.value
        doubt = choice.doubt
        if choice.key is not None and doubt is None:
            if token.start >= cut:
                doubt = "报告在此分句中断，数字可能不完整"
            elif any(word in text[clause.start : token.start] for word in view.averages):
                doubt = "这是平均数，不是总量"
            elif view.pack_of(choice.key) in from_text:
                doubt = "单位类型不明，按正文用语推断所属行业"
        mention = _mention(text, token, choice.key, unit, value, clause, sentence, index, view, doubt)
        if change is not None:
            mention.written = _change_words(text, clause, token, view) + mention.written
        mentions.append(mention)
    mentions += _zero_mentions(text, index, view, from_text)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _mention(
    text: str,
    token: NumberToken,
    key: str | None,
    unit: str | None,
    value: float,
    clause: Span,
    sentence: Span,
    index: TextIndex,
    catalog: Catalog,
    doubt: str | None = None,
) -> Mention:
    sign = -1 if value < 0 else 1
    low = token.low * sign if token.low is not None else None
    high = token.high * sign if token.high is not None else None
    if sign < 0:
        low, high = high, low
    factor = catalog.money_units.get(unit or "") if unit != MONEY_UNIT else None
    if factor is not None:  # money is compared in 万元 (罚款5000元 → 0.5); the words stay as written
        value, unit = _money(value, factor), MONEY_UNIT
        low = _money(low, factor) if low is not None else None
        high = _money(high, factor) if high is not None else None
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
        section_kind=index.section_kind(token.start),
        confidence=DOUBTFUL if key is not None and doubt else SURE,
        doubt=doubt if key is not None else None,
        written=text[token.start : token.end],
    )


def _money(value: float, factor: float) -> float:
    return round(value * factor, 6)


def _cut_clause_start(text: str) -> int:
    """Where the last clause starts when the text stops mid-sentence (an opening, a cut copy)."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] in _ENDINGS or stripped[-1] in "：:":
        return len(text) + 1
    last = max(stripped.rfind(ch) for ch in "，。；：！？\n")
    return last + 1


def _change_direction(
    classifier: Classifier, text: str, token: NumberToken, unit: str | None, clause: Span
) -> str | None:
    """``同比下降21.9%`` → ``down``; ``同比减少5起`` → ``down``; a plain count or rate → None."""
    if unit in ("%", "个百分点"):
        return classifier.change_word(clause, token)
    before = text[clause.start : token.start]
    catalog = classifier.catalog
    for direction, words in (("down", catalog.down_words), ("up", catalog.up_words)):
        for word in words:
            at = before.rfind(word)
            # 同比减少4起、100人: the change word, then nothing but other changes of the same list
            compared = at >= 0 and any(marker in before[:at] for marker in _COMPARED)
            if compared and _COUNT_CHANGE_GAP.fullmatch(before[at + len(word) :]):
                return direction
    return None


def _change_words(text: str, clause: Span, token: NumberToken, catalog: Catalog) -> str:
    """``下降`` of ``同比下降21.9%``: the change word right before a change, so it is quoted with it."""
    before = text[clause.start : token.start]
    for word in sorted((*catalog.down_words, *catalog.up_words), key=len, reverse=True):
        for tail in (word, word + "了"):
            if before.endswith(tail):
                return tail
    return ""


def _is_listed_part(text: str, tokens: list[NumberToken], ends: list[int], index: int) -> bool:
    """``共办理142件（其中…96件、…38件）``: the figures in the parenthesis are parts of the total.

    They stay as other figures (the totals check adds them up) rather than counting again.
    """
    token = tokens[index]
    opening = text.rfind("（", max(0, token.start - _LISTED_REACH), token.start)
    if opening < 0 or text.find("）", opening, token.start) >= 0:
        return False
    low = bisect_left(ends, opening - 40, 0, index)
    high = bisect_left(ends, opening + 1, 0, index)
    return any(
        tokens[i].unit == token.unit and not any(ch in text[tokens[i].end : opening] for ch in "）)。；，")
        for i in range(low, high)
    )


def _respectively(
    text: str,
    tokens: list[NumberToken],
    index: int,
    clause: Span,
    classifier: Classifier,
    earlier: list[Mention],
) -> Choice | None:
    """``事故起数和死亡人数同比分别下降64.5%和42.1%``: the n-th figure belongs to the n-th noun."""
    clause_text = text[clause.start : clause.end]
    marker = clause_text.find("分别")
    token = tokens[index]
    if marker < 0 or token.start < clause.start + marker:
        return None
    window = tokens[max(0, index - 50) : index + 50]
    low = bisect_left([t.start for t in window], clause.start + marker)
    in_list = [t for t in window[low:] if t.start < clause.end and t.unit == token.unit]
    if len(in_list) < 2 or token not in in_list:
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
                return Choice(kind.key)
        return Choice(None)  # a noun no metric counts (受伤人数)
    # The nouns were in the clause before: "发生事故23起、死亡9人，同比分别下降11.5%和10%".
    counted = []
    for mention in reversed(earlier[-50:]):
        if mention.sentence_start > clause.start or mention.end > clause.start:
            continue
        if mention.end < clause.start - 200:
            break
        if mention.key:
            counted.append(mention.key)
    counted.reverse()
    changes = [next((k.key for k in catalog.kinds.values() if k.change_of == key), None) for key in counted]
    found = [c for c in changes if c]
    if len(found) >= len(in_list):
        return Choice(found[len(found) - len(in_list) + position])
    return None


def _change_of_previous(
    classifier: Classifier, token: NumberToken, clause: Span, sentence: Span, earlier: list[Mention]
) -> Choice:
    """``发生事故108起，同比下降13.6%``: a bare change refers to the count just before it."""
    previous = next((m for m in reversed(earlier[-5:]) if m.end <= clause.start), None)
    if previous is None or previous.key is None or previous.sentence_start != sentence.start:
        return Choice(None)
    key = next((k.key for k in classifier.catalog.kinds.values() if k.change_of == previous.key), None)
    return Choice(key)


def _zero_mentions(text: str, index: TextIndex, catalog: Catalog, from_text: set[str]) -> list[Mention]:
    """``零复议``, ``行政诉讼零败诉``, ``无行政诉讼案件``: a count of zero, written without a number.

    Goals (``力争零事故``) and next year's plans are not counts.
    """
    patterns = _zero_patterns(catalog)
    found: list[tuple[int, int, str, int]] = []
    for rank, (pattern, subjects) in enumerate(patterns):
        for match in pattern.finditer(text):
            named = next((v for v in match.groupdict().values() if v), None)
            if named is None:
                found.append((match.start(), match.end(), subjects[match.group(0)], rank))
                continue
            for subject in re.split(r"[、和及与]", named):
                if subject in subjects:
                    found.append((match.start(), match.end(), subjects[subject], rank))
    mentions: list[Mention] = []
    covered: dict[int, tuple[int, int]] = {}
    said: set[tuple[str, int]] = set()
    # The catalog's own words (零诉讼) before the general forms (未发生行政诉讼案件) of the same zero.
    for start, end, key, _rank in sorted(found, key=lambda f: (f[3], f[0], -(f[1] - f[0]))):
        if any(covered.get(p, (start, end)) != (start, end) for p in range(start, end)):
            continue  # inside a longer zero already taken (无行政诉讼败诉案件 holds no 行政诉讼 zero)
        clause = index.clause(start, end)
        if any(word in text[clause.start : start] for word in catalog.goal_words):
            continue
        if index.section_kind(start) == "next_year":
            continue
        sentence = index.sentence(start, end)
        if (key, sentence.start) in said:
            continue  # 未发生行政诉讼案件，实现零诉讼: one zero, said twice
        said.add((key, sentence.start))
        covered.update((p, (start, end)) for p in range(start, end))
        token = NumberToken(start, end, 0.0, None, None, 0.0, 0.0, text[start:end])
        doubt = "单位类型不明，按正文用语推断所属行业" if catalog.pack_of(key) in from_text else None
        mentions.append(_mention(text, token, key, None, 0.0, clause, sentence, index, catalog, doubt))
    return mentions


_zero_cache: dict[str, list[tuple[re.Pattern[str], dict[str, str]]]] = {}


def _zero_patterns(catalog: Catalog) -> list[tuple[re.Pattern[str], dict[str, str]]]:
    cache_key = catalog.digest + "|".join(sorted(catalog.kinds))
    cached = _zero_cache.get(cache_key)
    if cached is not None:
        return cached
    words = {w: kind.key for kind in catalog.kinds.values() for w in kind.zero_words}
    subjects = {s: kind.key for kind in catalog.kinds.values() for s in kind.zero_subjects}
    patterns: list[tuple[re.Pattern[str], dict[str, str]]] = []
    if words:
        alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        patterns.append((re.compile(alternation), words))
    if subjects and catalog.zero_forms:
        one = "|".join(map(re.escape, sorted(subjects, key=len, reverse=True)))
        listed = f"(?P<subjects>(?:{one})(?:[、和及与](?:{one}))*)"
        forms = "|".join(
            re.escape(form).replace(re.escape("{}"), "{}").format(listed.replace("subjects", f"subjects{i}"))
            for i, form in enumerate(catalog.zero_forms)
        )
        patterns.append((re.compile(forms), subjects))
    if len(_zero_cache) > 16:
        _zero_cache.clear()
    _zero_cache[cache_key] = patterns
    return patterns
