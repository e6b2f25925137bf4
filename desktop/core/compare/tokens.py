"""Comparison keys, sentence units and word tokens for Chinese report text.

Everything is compared on a *key*: NFKC (full/half width folded) with all whitespace removed, so
line wrapping, spaces around digits and ``，``/``,`` never count as changes. NFKC is applied
character by character where offsets matter (inline diffs), so every key character maps back to
a character of the text. The texts are already simplified by cleaning, so no OpenCC pass here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

_WHITESPACE_RE = re.compile(r"\s+")
_WIDE_RE = re.compile("[\uff01-\uff5e\u3000]")
_ENDERS = "。！？；!?;"
# Content up to and including a sentence ender (plus closing quotes/brackets), or up to a line end.
_UNIT_RE = re.compile(rf"[^{_ENDERS}\n]*[{_ENDERS}]+[”’」』）)]*|[^{_ENDERS}\n]+")
MIN_COUNTED = 5
"""Units with shorter keys (a lone ``一、``) are neither counted as carried nor reported as moves."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence or line. Units tile their part of the text: trailing whitespace belongs to them."""

    start: int
    end: int
    text_end: int
    """End without the trailing whitespace: what a reader calls the sentence."""
    key: str
    """What is compared: NFKC, no whitespace, and years relative to the report's own when the
    comparison ignores year-only changes (:mod:`desktop.core.compare.years`)."""
    written: str = ""
    """The key with its years as written, when that differs from ``key`` (boilerplate is judged on it)."""

    @property
    def plain_key(self) -> str:
        return self.written or self.key


class _Fold(dict[int, str]):
    """``str.translate`` table: NFKC of one character, whitespace dropped; filled on first sight."""

    irregular: set[str]
    """Characters that fold to other than exactly one character (``…`` → ``...``, spaces → ``""``)."""

    def __missing__(self, code: int) -> str:
        folded = "".join(c for c in unicodedata.normalize("NFKC", chr(code)) if not c.isspace())
        self[code] = folded
        if len(folded) != 1:
            self.irregular.add(chr(code))
        return folded


_FOLD = _Fold()
_FOLD.irregular = set()


def normalise(text: str) -> str:
    """The comparison key: NFKC, whitespace removed."""
    return _key(_fold_width(text))


def _fold_width(text: str) -> str:
    # Full-width ASCII and the ideographic space are most of what NFKC changes in report text;
    # folding them first (one for one, offsets kept) lets most keys skip NFKC proper.
    return _WIDE_RE.sub(_wide, text)


def _wide(m: re.Match[str]) -> str:
    return " " if m.group() == "\u3000" else chr(ord(m.group()) - 0xFEE0)


def _key(folded: str) -> str:
    key = _WHITESPACE_RE.sub("", folded)
    if unicodedata.is_normalized("NFKC", key):
        return key
    return _WHITESPACE_RE.sub("", unicodedata.normalize("NFKC", key))


def normalise_with_map(text: str) -> tuple[str, Sequence[int]]:
    """The key of ``text`` and, for each key character, the index in ``text`` it came from."""
    core = text.strip()
    lead = len(text) - len(text.lstrip())
    key = core.translate(_FOLD)
    if _FOLD.irregular.isdisjoint(core):  # the usual case: one key character per text character
        return key, range(lead, lead + len(core))
    positions: list[int] = []
    for index, char in enumerate(text):
        positions.extend([index] * len(_FOLD[ord(char)]))
    return key, positions


MAX_UNIT = 600
"""A "sentence" longer than this (report sentences stay under ~350 characters) is cut at a comma,
so that scoring and diffing one pair of units costs a bounded amount whatever the input."""
_CLAUSE_END = "，,、："


def split_units(text: str, start: int, end: int, keyer: Callable[[str], str] | None = None) -> list[Unit]:
    """Sentences of ``text[start:end]`` split at 。！？； and line ends; they tile the range.

    ``keyer`` turns a key into what is compared (e.g. :func:`~desktop.core.compare.years.relative_key`)."""
    starts: list[int] = []
    for m in _UNIT_RE.finditer(text, start, end):
        content = m.group()
        stripped = len(content) - len(content.lstrip())
        if stripped < len(content):
            starts.append(m.start() + stripped)
            starts.extend(_long_cuts(text, m.start() + stripped, m.end()))
    if not starts:
        return [Unit(start, end, start, "")] if end > start else []
    starts[0] = start
    starts.append(end)
    folded = _fold_width(text[start:end])
    units = []
    for unit_start, unit_end in pairwise(starts):
        piece = folded[unit_start - start : unit_end - start]
        key = _key(piece)
        compared = keyer(key) if keyer is not None else key
        written = key if compared != key else ""
        units.append(Unit(unit_start, unit_end, unit_start + len(piece.rstrip()), compared, written))
    return units


def _long_cuts(text: str, start: int, end: int) -> list[int]:
    """Where to cut a unit longer than :data:`MAX_UNIT`: after the last comma of each window."""
    cuts = []
    position = start
    while end - position > MAX_UNIT:
        window_end = position + MAX_UNIT
        cut = max(text.rfind(mark, position + MAX_UNIT // 2, window_end) for mark in _CLAUSE_END)
        position = cut + 1 if cut >= 0 else window_end
        cuts.append(position)
    return cuts


# Coarse tokens: whole numbers (1300, 94.16%, 2.6万, 12.5亿; ``％`` is ``%`` after NFKC), Latin
# words, single marks, and Han runs that jieba splits into words only where a diff needs it.
_TOKEN_RE = re.compile(
    r"\d+(?:[.,]\d+)*(?:%|‰|万|亿)*|[A-Za-z]+|(?P<han>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|.",
    re.S,
)


def coarse_tokens(key: str) -> list[tuple[str, bool]]:
    """``(token, is_han_run)`` pairs covering ``key``."""
    return [(m.group(), m.lastgroup == "han") for m in _TOKEN_RE.finditer(key)]


_dictionary: Any = None


@lru_cache(maxsize=16384)
def words(run: str) -> tuple[str, ...]:
    """Dictionary segmentation (jieba, HMM off) of a run of Han characters.

    Uses the metrics engine's tokenizer, so the process loads jieba's dictionary once and the
    domain words (党纪学习教育, 重大事故隐患…) stay whole. ``cut`` first re-splits the run with its
    regexes and a generator; calling the DAG and route directly gives the same words faster.
    """
    global _dictionary
    if _dictionary is None:
        from desktop.core.metrics.segmenter import tokenizer  # about a second to load: lazily

        _dictionary = tokenizer()
    dag = _dictionary.get_DAG(run)
    route: dict[int, tuple[float, int]] = {}
    _dictionary.calc(run, dag, route)
    result = []
    x = 0
    while x < len(run):
        y = route[x][1] + 1
        result.append(run[x:y])
        x = y
    return tuple(result)


def tokenize(key: str) -> list[str]:
    """Word tokens of a key: jieba words, whole numbers, single punctuation marks."""
    tokens: list[str] = []
    for token, han in coarse_tokens(key):
        if han:
            tokens.extend(words(token))
        else:
            tokens.append(token)
    return tokens


def clear_caches() -> None:
    """Forget segmented words (benchmarks use this to time cold runs)."""
    words.cache_clear()


def warm_up() -> None:
    """Load the segmenter now (e.g. in a worker thread at start-up) rather than on first use."""
    words("检查企业")
