"""Which kind of issuer wrote a report, and which sector packs of the metric catalog fit it.

A 司法局 report is read with the core metrics, a 应急管理局 report with the core and the 应急 pack, a
公安分局 report with the core and the 公安 pack. The issuer's type comes from the agency name when it
is known, else from the report's own title or first sentence. Governments, towns, streets and
development zones (comprehensive issuers) and unknown issuers get the core, plus a pack only when its
vocabulary clearly dominates the text; figures of such a pack are marked doubtful, since no name
backs the choice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.core.metrics.catalog import Catalog

TEXT_DENSITY = 5.0
"""Pack words per 1,000 characters above which a pack is taken from the text alone."""
TEXT_MIN_HITS = 1
TEXT_LEAD = 2.0
"""The chosen pack's words must outnumber the next pack's by this factor."""
_OPENING_CHARS = 600
_UNDER_GUIDANCE = re.compile(r"在[^，。；,;]{0,60}?(?:领导|指导|支持|帮助)下")


@dataclass(frozen=True)
class Sector:
    issuer_type: str | None
    """``应急管理``, ``司法行政``, ``人民政府`` …; None when nothing names the issuer."""
    type_source: str
    """``agency`` (the agency name), ``title`` (the report's title or first sentence) or ``none``."""
    packs: tuple[str, ...]
    from_text: tuple[str, ...] = field(default=())
    """Packs chosen from the wording alone (no issuer name behind them): their figures are doubtful."""

    def as_json(self, catalog: Catalog) -> dict[str, Any]:
        return {
            "issuer_type": self.issuer_type,
            "type_source": self.type_source,
            "packs": [{"pack": p, "label": catalog.packs[p].label, "from_text": p in self.from_text}
                      for p in self.packs if p in catalog.packs],
        }  # fmt: skip


def issuer_type_of(name: str | None, catalog: Catalog) -> str | None:
    """The type whose word ends last in ``name`` (the head of the name): 广州市公安局增城区分局 → 公安."""
    if not name:
        return None
    best: tuple[int, int, str] | None = None
    for issuer in catalog.issuer_types:
        for word in issuer.words:
            at = name.rfind(word)
            if at >= 0:
                candidate = (at + len(word), len(word), issuer.type)
                if best is None or candidate[:2] > best[:2]:
                    best = candidate
    return best[2] if best else None


def _first_type(text: str, catalog: Catalog) -> str | None:
    """The earliest issuer word in ``text`` (a title line or an opening sentence)."""
    best: tuple[int, int, str] | None = None
    for issuer in catalog.issuer_types:
        for word in issuer.words:
            at = text.find(word)
            if at >= 0 and (best is None or (at, -len(word)) < best[:2]):
                best = (at, -len(word), issuer.type)
    return best[2] if best else None


def type_from_text(text: str, catalog: Catalog) -> str | None:
    """The issuer named by the title (a line with 报告) or, failing that, by the opening sentence."""
    opening = text[:_OPENING_CHARS]
    for line in opening.splitlines()[:8]:
        if "报告" in line and len(line) <= 80:
            found = issuer_type_of(line.split("关于")[0], catalog) or issuer_type_of(line, catalog)
            if found:
                return found
    year_start = re.search(r"\d{4}年(?:以来|度)?[，,]", opening)
    if year_start is None:
        return None
    sentence = re.split(r"[。；;]", opening[year_start.end() :], maxsplit=1)[0]
    return _first_type(_UNDER_GUIDANCE.sub("", sentence), catalog)


def text_packs(text: str, catalog: Catalog) -> tuple[str, ...]:
    """The pack whose vocabulary clearly dominates ``text`` (empty when none does)."""
    if not text:
        return ()
    hits = sorted(
        ((sum(text.count(w) for w in pack.text_words), name) for name, pack in catalog.packs.items()),
        reverse=True,
    )
    if not hits:
        return ()
    count, name = hits[0]
    runner_up = hits[1][0] if len(hits) > 1 else 0
    dense = count * 1000 / len(text) >= TEXT_DENSITY and count >= TEXT_MIN_HITS
    return (name,) if dense and count >= TEXT_LEAD * runner_up else ()


def classify_sector(agency: str | None, text: str, catalog: Catalog) -> Sector:
    """The issuer's type and the packs its report is read with."""
    issuer_type, source = issuer_type_of(agency, catalog), "agency"
    if issuer_type is None:
        issuer_type, source = type_from_text(text, catalog), "title"
    if issuer_type is None:
        source = "none"
    own = tuple(
        name for name, pack in catalog.packs.items() if issuer_type and issuer_type in pack.issuer_types
    )
    if own:
        return Sector(issuer_type, source, own)
    if issuer_type is not None and issuer_type not in catalog.comprehensive_types:
        return Sector(issuer_type, source, ())  # a department of another sector: the core only
    chosen = text_packs(text, catalog)
    return Sector(issuer_type, source, chosen, chosen)
