"""Who issued a report: the best-trusted evidence, completed and resolved, with a confidence.

A name is *confident* when the report states it in a trusted place (title, 落款, the page's info
table, the opening sentence), its place resolves to one division (or it is a national body), and
no other trusted evidence names someone else. A short form (``省司法厅``) is completed only from
evidence in the same report; a completion that rests on a cited document or on a place merely
mentioned is offered as a *suggestion* and the name stays unsure. Only a confident name gets an
identity ``key``, and only the key drives superseding and prior-year pairing.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from desktop.core.agency.evidence import (
    ADDRESSEE_RE,
    TRUST,
    Candidate,
    addressees,
    body_candidates,
    mention_candidates,
    mentioned,
    page_candidates,
    place_mentions,
    signature_candidates,
    title_candidates,
)
from desktop.core.agency.gazetteer import COUNTY, PREFECTURE, PROVINCE, Division, gazetteer
from desktop.core.agency.lexicon import BODY_FULL_FORMS, full_body
from desktop.core.agency.parse import Issuer, parse_issuer
from desktop.core.text.headings import HEADING_START_RE

SOURCE_LABELS = {
    "title": "标题",
    "signature": "落款",
    "addressee": "主送机关",
    "page": "网页信息（发布机构）",
    "page_source": "网页信息（来源/发布者）",
    "body": "正文开头",
    "mention": "正文",
    "cited": "引用的文件名",
    "gazetteer": "行政区划表",
    "reviewer": "审阅人确认",
}
_KIND_BODY = {"government": "人民政府", "town": "人民政府", "street": "办事处", "zone": "管理委员会"}
_LEVEL_OF_CHAR = {"省": PROVINCE, "州": PREFECTURE, "县": COUNTY, "区": COUNTY, "旗": COUNTY}
_DISPLAY_FORMS = {short: full for short, full in BODY_FULL_FORMS.items() if short != "管委会"}


@dataclass
class AgencyIdentity:
    name: str | None = None
    confident: bool = False
    key: str | None = None
    """The normalised identity (division code / units / official body); None unless confident."""
    kind: str | None = None
    region: str | None = None
    suggestion: str | None = None
    """A fuller name the report hints at but does not state as its issuer (for the reviewer)."""
    body: str | None = None
    places: list[str] = field(default_factory=list)
    """Canonical names of the places, outermost first (for telling two issuers apart)."""
    evidence: list[dict[str, str]] = field(default_factory=list)
    note: str | None = None
    """Why the name is unsure, in the reviewer's words."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> AgencyIdentity:
        if not data:
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def add(self, source: str, text: str, role: str, note: str = "") -> None:
        item = {"source": source, "label": SOURCE_LABELS.get(source, source), "text": text, "role": role}
        if note:
            item["note"] = note
        if item not in self.evidence:
            self.evidence.append(item)


@dataclass
class _Resolved:
    divisions: list[Division | None]
    ambiguous: list[str] = field(default_factory=list)
    unresolved: str | None = None

    @property
    def last(self) -> Division | None:
        return next((d for d in reversed(self.divisions) if d is not None), None)


def _resolve(issuer: Issuer, text: str, identity: AgencyIdentity) -> _Resolved:
    g = gazetteer()
    chosen: list[Division | None] = []
    previous: Division | None = None
    places = list(issuer.places)
    for index, place in enumerate(places):
        if place.kind != "division":
            chosen.append(None)
            continue
        options = [d for d in place.divisions if previous is None or g.within(d, previous)]
        following = next((p for p in places[index + 1 :] if p.divisions), None)
        if len(options) > 1 and following is not None:
            options = [d for d in options if any(g.within(f, d) for f in following.divisions)] or options
        if len(options) > 1:
            in_text = [d for d in options if any(mentioned(text, a) for a in g.chain(d)[:-1])]
            if len(in_text) == 1:
                options = in_text
                parent = g.chain(in_text[0])[-2]
                identity.add("gazetteer", g.filing_name(in_text[0]), "context", f"报告中提到{parent.name}")
        if len(options) > 1:
            return _Resolved(chosen, ambiguous=[g.filing_name(d) for d in options])
        previous = options[0]
        chosen.append(previous)
    resolved = _Resolved(chosen)
    first = places[0] if places else None
    if first is not None and first.kind in ("township", "street", "zone"):
        resolved.unresolved = f"报告只写了“{first.text}”，未写明所属县（市、区）"
    return resolved


def _body_start(issuer: Issuer) -> int:
    return sum(len(p.text) for p in issuer.places) + (1 if issuer.level else 0)


def _display(issuer: Issuer, resolved: _Resolved | None) -> str:
    if issuer.kind == "joint":
        return issuer.text
    start = _body_start(issuer)
    if not issuer.body:  # a bare place in the title: the government (镇政府, 街道办事处…) of that place
        name = issuer.text + _KIND_BODY.get(issuer.kind, "人民政府")
    else:
        body = _DISPLAY_FORMS.get(issuer.body, issuer.body)
        name = issuer.text[:start] + body + issuer.text[start + len(issuer.body) :]
    if resolved is not None and resolved.divisions and resolved.divisions[0] is not None:
        first = resolved.divisions[0]
        parent = gazetteer().parent(first)
        if first.is_district and parent is not None and not name.startswith(parent.name):
            name = parent.name + name
    return name


def _key(issuer: Issuer, resolved: _Resolved) -> str:
    parts: list[str] = []
    last = resolved.last
    if last is not None:
        parts.append(last.code)
    after_last = last is None
    for place, division in zip(issuer.places, resolved.divisions, strict=True):
        if division is not None:
            after_last = division is last
            continue
        if after_last:
            parts.append(place.text)
    if issuer.kind == "ministry":
        parts.append("CN")
    body = full_body(issuer.body) if issuer.body else _KIND_BODY.get(issuer.kind, "人民政府")
    if issuer.kind == "joint":
        body = "人民政府"
    parts.append(body)
    if issuer.sub:
        parts.append(issuer.sub)
    return "/".join(parts)


def _canonical_places(issuer: Issuer, resolved: _Resolved | None) -> list[str]:
    g = gazetteer()
    names: list[str] = []
    if resolved is not None and resolved.last is not None:
        names = [d.name for d in g.chain(resolved.last)]
    names += [
        p.text
        for p, d in zip(issuer.places, resolved.divisions if resolved else [], strict=False)
        if d is None
    ]
    return names or [p.text for p in issuer.places]


def _region(issuer: Issuer, resolved: _Resolved) -> str | None:
    """The place of the issuer: its division as filed (天津市静海区), or the places it names."""
    last = resolved.last
    if last is not None:
        return gazetteer().filing_name(last)
    named = "".join(p.text for p in issuer.places if p.kind == "unknown")
    return named or None


def _fits_level(level: str | None, issuer: Issuer) -> bool:
    """Does ``issuer``'s place fit the bare level of a short form (市 for 市公安局…)?"""
    if not issuer.places or level is None:
        return False
    last = issuer.places[-1]
    if level in ("镇", "乡"):
        return last.kind == "township"
    if last.kind == "zone":
        return level == "区"
    if last.divisions:
        names = [d.name for d in last.divisions]
        if level == "市":
            return any(n.endswith("市") for n in names)
        return any(
            d.level == _LEVEL_OF_CHAR.get(level) and d.name.endswith(level) for d in last.divisions
        ) or (level == "省" and any(d.level == PROVINCE for d in last.divisions))
    return last.text.endswith(level)


def _complete(short: Issuer, pool: list[Candidate]) -> list[Candidate]:
    body = full_body(short.body)
    return [
        c
        for c in pool
        if c.issuer.places
        and full_body(c.issuer.body) == body
        and c.issuer.sub == short.sub
        and _fits_level(short.level, c.issuer)
    ]


def _superior_completion(short: Issuer, superiors: list[Issuer]) -> Issuer | None:
    """``市应急管理局`` addressed to ``鹤山市人民政府``: the department of that city."""
    for superior in superiors:
        if superior.places and _fits_level(short.level, superior):
            text = "".join(p.text for p in superior.places) + short.text[1:]
            completed = parse_issuer(text, free=True)
            if completed is not None and completed.end == len(text):
                return completed
    return None


def _place_suggestion(short: Issuer, text: str) -> str | None:
    """The short form with the only place of its level that the report names (unsure by nature)."""
    level = {"省": PROVINCE, "市": PREFECTURE, "州": PREFECTURE}.get(short.level or "", COUNTY)
    found = place_mentions(text, level)
    if short.level in ("区", "县"):
        found = {c: d for c, d in found.items() if d.name.endswith(short.level or "")}
    if len(found) != 1:
        return None
    division = next(iter(found.values()))
    return gazetteer().filing_name(division) + _DISPLAY_FORMS.get(short.body, short.body)


def identify_agency(
    title: str | None, lines: list[str], closing: str, container: dict[str, str], text: str
) -> AgencyIdentity:
    """``lines`` are the report's first lines after the title; ``closing`` its 落款 block."""
    identity = AgencyIdentity()
    paragraphs: list[str] = []
    for line in lines[:8]:
        if HEADING_START_RE.match(line) and paragraphs:
            break
        if not ADDRESSEE_RE.match(line):
            paragraphs.append(line[:600])
    primary_pool = (
        title_candidates(title)
        + signature_candidates(closing)
        + [c for c in page_candidates(container) if c.source == "page"]
        + body_candidates(paragraphs, [0] * len(paragraphs))
    )
    weak = [c for c in page_candidates(container) if c.source == "page_source"]
    superiors = addressees(lines)
    for superior in superiors:
        identity.add("addressee", superior.text, "superior")
    if not primary_pool:
        identity.note = "报告中没有写明报告单位"
        return identity
    full = [c for c in primary_pool if c.issuer.places or c.issuer.kind == "ministry"]
    chosen = primary_pool[0]
    if not (chosen.issuer.places or chosen.issuer.kind == "ministry") and full:
        completions = _complete(chosen.issuer, full + weak)
        if completions:
            identity.add(chosen.source, chosen.issuer.text, "short_form")
            chosen = min(completions, key=lambda c: c.trust)
            identity.add(chosen.source, chosen.issuer.text, "completion")
            return _finish(identity, chosen, primary_pool, text)
    if not (chosen.issuer.places or chosen.issuer.kind == "ministry"):
        return _short_form(identity, chosen, primary_pool + weak, superiors, text)
    identity.add(chosen.source, chosen.issuer.text, "chosen")
    return _finish(identity, chosen, primary_pool, text)


def _short_form(
    identity: AgencyIdentity, chosen: Candidate, pool: list[Candidate], superiors: list[Issuer], text: str
) -> AgencyIdentity:
    short = chosen.issuer
    identity.add(chosen.source, short.text, "short_form")
    superior = _superior_completion(short, superiors)
    if superior is not None:
        identity.add("addressee", superior.text, "completion")
        return _finish(identity, Candidate("addressee", superior), pool, text)
    mentions = _complete(short, mention_candidates(text))
    running = {c.issuer.text for c in mentions if c.source == "mention"}
    if len(running) == 1:
        completed = next(c for c in mentions if c.source == "mention")
        identity.add("mention", completed.issuer.text, "completion")
        return _finish(identity, completed, pool, text)
    identity.name = short.text
    identity.kind = short.kind
    identity.body = full_body(short.body)
    cited = {c.issuer.text for c in mentions if c.source == "cited"}
    if len(cited) == 1:
        identity.suggestion = _display(
            mentions[0].issuer, _resolve(mentions[0].issuer, text, AgencyIdentity())
        )
        identity.add("cited", mentions[0].issuer.text, "suggestion")
    else:
        identity.suggestion = _place_suggestion(short, text)
        if identity.suggestion:
            identity.add("mention", identity.suggestion, "suggestion", "只依据报告中提到的地名")
    where = {"省": "哪个省（区、市）", "市": "哪个市", "区": "哪个区", "县": "哪个县", "州": "哪个州"}
    identity.note = (
        f"报告只写了“{short.text}”，未写明是{where.get(short.level or '', '哪一级、哪个地方')}的单位"
    )
    return identity


def _finish(identity: AgencyIdentity, chosen: Candidate, pool: list[Candidate], text: str) -> AgencyIdentity:
    issuer = chosen.issuer
    resolved = _resolve(issuer, text, identity)
    identity.kind = issuer.kind
    identity.body = full_body(issuer.body) if issuer.body else _KIND_BODY.get(issuer.kind, "人民政府")
    identity.places = _canonical_places(issuer, resolved)
    if resolved.ambiguous:
        identity.name = _display(issuer, None)
        identity.note = (
            f"“{issuer.places[0].text}”不止一处（{'、'.join(resolved.ambiguous)}），报告未写明是哪一处"
        )
        return identity
    identity.name = _display(issuer, resolved)
    identity.region = _region(issuer, resolved)
    if resolved.unresolved:
        identity.note = resolved.unresolved
        return identity
    if not issuer.known_body and chosen.source not in ("title", "signature", "page"):
        identity.note = "单位名称不在常见机构名录中，请核对"
        return identity
    key = _key(issuer, resolved)
    for other in pool:
        if other.trust > TRUST["body"] or not (other.issuer.places or other.issuer.kind == "ministry"):
            continue
        other_resolved = _resolve(other.issuer, text, AgencyIdentity())
        if other_resolved.ambiguous or other_resolved.unresolved:
            continue
        if _key(other.issuer, other_resolved) != key and not _compatible(other.issuer, issuer):
            identity.add(other.source, other.issuer.text, "conflict")
            identity.note = (
                f"{SOURCE_LABELS[other.source]}写的是“{other.issuer.text}”，与“{issuer.text}”不一致"
            )
            return identity
    identity.confident = True
    identity.key = key
    return identity


def _compatible(a: Issuer, b: Issuer) -> bool:
    """Two readings of one issuer: the same body, one's places a part of the other's."""
    if a.kind == "joint" or b.kind == "joint":
        return {a.kind, b.kind} <= {"joint", "government"}
    short, long = sorted((a, b), key=lambda i: len(i.places))
    texts = [p.text for p in long.places]
    return full_body(a.body) == full_body(b.body) and all(p.text in texts for p in short.places)


def identity_of_name(name: str, source: str = "reviewer") -> AgencyIdentity:
    """The identity of a name the reviewer typed or confirmed: confident by definition."""
    identity = AgencyIdentity(name=name.strip(), confident=True)
    identity.add(source, name.strip(), "chosen")
    issuer = parse_issuer(re.sub(r"\s+", " ", name.strip()), free=True, place_only=True)
    if issuer is not None and issuer.end == len(name.strip()):
        resolved = _resolve(issuer, name, AgencyIdentity())
        identity.kind = issuer.kind
        identity.body = full_body(issuer.body) if issuer.body else _KIND_BODY.get(issuer.kind, "人民政府")
        identity.places = _canonical_places(issuer, resolved)
        if not resolved.ambiguous:
            identity.key = _key(issuer, resolved)
            identity.region = _region(issuer, resolved)
    if identity.key is None:
        identity.key = "name:" + re.sub(r"\s+", "", name)
    return identity
