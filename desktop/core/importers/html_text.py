"""Saved web pages: whitespace and character counts shared by the reader's modules."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from lxml.html import HtmlElement as _Element

SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")


def collapse(text: str) -> str:
    """The text on one line: invisible characters dropped, each run of whitespace one space."""
    return SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


class Count(NamedTuple):
    """Characters under one element, counted once bottom-up; ``own_*`` leave out child elements.

    ``cjk`` counts characters beyond Latin-1 (Chinese characters and full-width punctuation): as a
    measure of text it is as good as a CJK-only count and 25 times faster to take.
    """

    chars: int
    cjk: int
    commas: int
    linked: int
    """Wide characters inside links."""
    own_cjk: int
    own_commas: int

    @property
    def link_density(self) -> float:
        return self.linked / max(self.cjk, 1)


def count_text(root: _Element) -> dict[_Element, Count]:
    """The :class:`Count` of every element under ``root`` (comments included), in one pass."""
    counts: dict[_Element, Count] = {}
    for el in reversed(list(root.iter())):
        own = el.text if isinstance(el.tag, str) and el.text else ""
        chars = cjk = commas = linked = 0
        for child in el:
            own += child.tail or ""
            c = counts[child]
            chars, cjk, commas, linked = chars + c.chars, cjk + c.cjk, commas + c.commas, linked + c.linked
        own_cjk, own_commas = wide(own), sum(map(own.count, "，。；、,;"))
        cjk += own_cjk
        linked = cjk if el.tag == "a" else linked
        counts[el] = Count(chars + len(own), cjk, commas + own_commas, linked, own_cjk, own_commas)
    return counts


def wide(text: str) -> int:
    """How many characters of ``text`` lie beyond Latin-1."""
    return len(text) - len(text.encode("latin-1", errors="ignore"))
