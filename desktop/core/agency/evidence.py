"""Where a report says who issued it: the title, 主送 and 落款, the page's info table, the opening
sentences, and (least trusted) names that only occur inside cited documents."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.core.agency.gazetteer import COUNTY, PREFECTURE, PROVINCE, Division, gazetteer
from desktop.core.agency.lexicon import DEPARTMENT_RE
from desktop.core.agency.parse import Issuer, Place, parse_issuer

TRUST = {
    "title": 1,
    "signature": 2,
    "addressee": 2,
    "page": 3,
    "body": 4,
    "page_source": 5,
    "mention": 5,
    "cited": 6,
}
"""Lower is more trusted. ``page`` is the info table's 发布机构; ``page_source`` its 来源/发布者, which
often name the drafting office or the portal rather than the issuer."""

_YEAR_LEAD_RE = re.compile(r"(?:(?:19|20)\d{2}\s*年(?:度|以来|全年)?|今年以来|一年来|过去一年)\s*[，,、]?\s*")
_AFTER_CLAUSE_RE = re.compile(r"(?:下|中|后|来)[，,]\s*")
_REPORT_AS_RE = re.compile(r"现将")
ADDRESSEE_RE = re.compile(r"^[^。！？]{2,40}[：:]$")
_PAGE_NOT_AGENCY = re.compile(r"^(本网|本站|网站|门户网站|中国政府网)")
_FOLLOW_OK = re.compile(r"[^的之、和与及]|$")


@dataclass
class Candidate:
    source: str
    issuer: Issuer
    position: int = -1

    @property
    def trust(self) -> int:
        return TRUST[self.source]


def _strip_title(title: str) -> str:
    return re.sub(r"(?<=[^委\s])\s+", "", title.strip()).removeprefix("关于")


def title_candidates(title: str | None) -> list[Candidate]:
    if not title:
        return []
    stripped = _strip_title(title)
    issuer = parse_issuer(stripped, free=True, place_only=True)
    if issuer is None and "关于" in stripped:
        issuer = parse_issuer(stripped, stripped.index("关于") + 2, free=True, place_only=True)
    return [Candidate("title", issuer)] if issuer else []


def signature_candidates(closing: str) -> list[Candidate]:
    found = []
    for line in closing.split("\n")[:8]:
        line = line.strip()
        issuer = parse_issuer(line, free=True) if 2 < len(line) <= 40 else None
        if issuer is not None and issuer.end == len(line):
            found.append(Candidate("signature", issuer))
    return found


def addressees(lines: list[str]) -> list[Issuer]:
    found = []
    for line in lines[:6]:
        if not ADDRESSEE_RE.match(line):
            continue
        for part in re.split(r"[、，,\s]+", line.rstrip("：:")):
            part = part.removeprefix("中共")
            issuer = parse_issuer(part, free=False)
            if issuer is not None:
                found.append(issuer)
            else:
                places = [p for p in _leading_places(part)]
                if places:
                    found.append(Issuer(part, tuple(places), None, "委", None, "party", True, len(part)))
    return found


def _leading_places(part: str) -> Iterator[Place]:
    g = gazetteer()
    i = 0
    while True:
        matches = g.matches_at(part, i, short=False)
        if not matches:
            return
        end, divisions, short = matches[0]
        yield Place(part[i:end], divisions, "division", short)
        i = end


def page_candidates(container: dict[str, str]) -> list[Candidate]:
    found = []
    for key, source in (("agency", "page"), ("source", "page_source"), ("publisher", "page_source")):
        value = (container.get(key) or "").strip()
        if not value or _PAGE_NOT_AGENCY.match(value):
            continue
        issuer = parse_issuer(value, free=True, place_only=False)
        if issuer is not None and issuer.end == len(value):
            found.append(Candidate(source, issuer))
    return found


def body_candidates(paragraphs: list[str], offset_of: list[int]) -> list[Candidate]:
    """Issuers in subject position in the opening paragraphs: ``2023年，X坚持…``, ``…领导下，X…``,
    ``现将X2023年…报告如下``. A name followed by ``的`` or inside a list is not a subject."""
    found = []
    for paragraph, offset in zip(paragraphs, offset_of, strict=True):
        anchors = {0}
        if m := _YEAR_LEAD_RE.match(paragraph):
            anchors.add(m.end())
        for m in _AFTER_CLAUSE_RE.finditer(paragraph[:200]):
            anchors.add(m.end())
        for m in _REPORT_AS_RE.finditer(paragraph):
            anchors.add(m.end())
        for m in re.finditer(r"[。；;]\s*", paragraph):
            anchors.add(m.end())
        for anchor in sorted(anchors):
            issuer = parse_issuer(paragraph, anchor, free=False)
            if issuer is None or not _FOLLOW_OK.match(paragraph[issuer.end : issuer.end + 1]):
                continue
            found.append(Candidate("body", issuer, offset + anchor))
    return found


def _cited_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"《[^《》\n]{0,120}》", text)]


def mention_candidates(text: str) -> list[Candidate]:
    """Every department named with its place anywhere in the text (for completing a short form)."""
    g = gazetteer()
    cited = _cited_spans(text)
    found = []
    for m in DEPARTMENT_RE.finditer(text):
        start = m.start()
        while True:
            matches = g.matches_ending_at(text, start)
            usable = [(s, d, short) for s, d, short in matches if not short or _top(d)]
            if not usable:
                break
            start = usable[0][0]
        if start == m.start():
            continue
        issuer = parse_issuer(text[start : m.end() + 12], 0, free=False)
        if issuer is None or not issuer.places:
            continue
        in_cited = any(a <= start < b for a, b in cited)
        found.append(Candidate("cited" if in_cited else "mention", issuer, start))
    return found


def _top(divisions: tuple[Division, ...]) -> bool:
    return any(d.level in (PROVINCE, PREFECTURE) for d in divisions)


def place_mentions(text: str, level: int) -> dict[str, Division]:
    """Divisions of ``level`` named anywhere in the text (full names; short forms of provinces)."""
    found: dict[str, Division] = {}
    for division in gazetteer().by_code.values():
        if division.level == level and mentioned(text, division):
            found[division.code] = division
    # 城区 is only named inside 上城区: a name found only within a longer found name does not count.
    names = [d.name for d in found.values()]
    return {
        code: d
        for code, d in found.items()
        if not any(d.name != other and d.name in other for other in names)
        or text.count(d.name) > sum(text.count(o) for o in names if d.name != o and d.name in o)
    }


def mentioned(text: str, division: Division) -> bool:
    """The division or its short form is named in the text (天津 for 天津市)."""
    from desktop.core.agency.gazetteer import short_forms

    names = [division.name] + (short_forms(division) if division.level < COUNTY else [])
    return any(name in text for name in names)
