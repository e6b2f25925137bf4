"""Reading an issuer's name by its structure: places, then a body, then a sub-unit.

``广州市公安局增城区分局`` is place ``广州市`` + body ``公安局`` + sub-unit ``增城区分局``;
``河北唐山芦台经济开发区管委会`` is ``河北`` + ``唐山`` + zone ``芦台经济开发区`` + ``管委会``;
``中共浚县县委 浚县人民政府`` is a joint party–government issuer. Every way of reading the
string is tried and the best-scoring complete reading wins, so ``长安镇`` is a town and not the
short form of 长安区 followed by a stray 镇.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.agency.gazetteer import PREFECTURE, PROVINCE, Division, Gazetteer, gazetteer
from desktop.core.agency.lexicon import (
    CJK,
    DEPARTMENT_RE,
    LEVEL_CHARS,
    NATIONAL_PREFIXES,
    NOT_AGENCIES,
    STREET_BODIES,
    SUB_SUFFIXES,
    TOWNSHIP_TYPES,
    TYPE_SUFFIXES,
    ZONE_BODIES,
    ZONE_TYPES,
    clean_stem,
)

_FREE_BODY_RE = re.compile(rf"([{CJK}]{{1,12}}?)({'|'.join(TYPE_SUFFIXES)})")
_FREE_SUB_RE = re.compile(rf"([{CJK}]{{0,8}}?)({'|'.join(SUB_SUFFIXES)})")
_PARTY_RE = re.compile(r"[省市县区州旗镇乡]?委(?:员会)?[\s、，,]*")
_MAX_PLACES = 4


@dataclass(frozen=True)
class Place:
    text: str
    divisions: tuple[Division, ...] = ()
    """Gazetteer entries the name may stand for (empty: a 镇, 街道 or zone found by its structure)."""
    kind: str = "division"
    """``division``, ``township`` (镇/乡), ``street`` (街道), ``zone`` (开发区, 新区…) or ``unknown``
    (named like a division but not in the list)."""
    short: bool = False


@dataclass(frozen=True)
class Issuer:
    text: str
    places: tuple[Place, ...]
    level: str | None
    """A bare level character standing for an unnamed place: 市 in ``市公安局``."""
    body: str
    sub: str | None
    kind: str
    """government, town, street, zone, joint, department, provincial, sub_bureau or ministry."""
    known_body: bool
    end: int
    score: float = 0.0
    party: tuple[Place, ...] = field(default=())
    """For a joint issuer, the places of the party committee (中共浚县县委)."""

    @property
    def has_place(self) -> bool:
        return bool(self.places)


_KIND_WORDS = sorted(ZONE_TYPES + TOWNSHIP_TYPES, key=len, reverse=True)


def _structural(s: str, i: int) -> list[Place]:
    """Every reading of a 镇, 乡, 街道 or zone name at ``i``: 新华街道 and 新华路街道 alike."""
    found = []
    for stem_len in range(2, 7):
        stem = s[i : i + stem_len]
        if len(stem) < stem_len or not re.fullmatch(f"[{CJK}]+", stem) or not clean_stem(stem):
            break
        for kind_word in _KIND_WORDS:
            if s.startswith(kind_word, i + stem_len):
                kind = "zone" if kind_word in ZONE_TYPES else "street" if kind_word == "街道" else "township"
                found.append(Place(s[i : i + stem_len + len(kind_word)], (), kind))
                break
    return found


_UNKNOWN_SUFFIXES = "省市县区州旗盟"
_NOT_PLACE_START = tuple("全各本我该此每这那其局厅委办部署处")


def _unknown(s: str, i: int, g: Gazetteer) -> list[Place]:
    """A place named like one but not in the list (示例县, 某某市, a county set up last month)."""
    found = []
    for stem_len in range(1, 5):
        stem = s[i : i + stem_len]
        end = i + stem_len
        if len(stem) < stem_len or not re.fullmatch(f"[{CJK}]+", stem) or not clean_stem(stem):
            break
        if stem.startswith(_NOT_PLACE_START) or any(ch in _UNKNOWN_SUFFIXES for ch in stem):
            break
        if end < len(s) and s[end] in _UNKNOWN_SUFFIXES and s[i : end + 1] not in g.full:
            found.append(Place(s[i : end + 1], (), "unknown"))
    return found


def _places_at(s: str, i: int, g: Gazetteer) -> list[tuple[Place, int]]:
    options: list[tuple[Place, int]] = []
    for end, divisions, short in g.matches_at(s, i):
        options.append((Place(s[i:end], divisions, "division", short), end))
    for place in [*_structural(s, i), *_unknown(s, i, g)]:
        options.append((place, i + len(place.text)))
    return options


def _bodies_at(s: str, i: int, places: tuple[Place, ...], free: bool) -> list[tuple[str, str, bool]]:
    """``(body, kind, known)`` readings of what starts at ``i``."""
    found: list[tuple[str, str, bool]] = []
    last = places[-1] if places else None
    if s.startswith("人民政府办公室", i) and places:
        found.append(("人民政府办公室", "department", True))
    for word in ("人民政府", "政府"):
        if s.startswith(word, i) and places:
            kind = "government"
            if last is not None and last.kind == "township":
                kind = "town"
            elif last is not None and last.kind == "zone":
                kind = "zone"
            found.append((word, kind, True))
            break
    for word in STREET_BODIES:
        if s.startswith(word, i) and last is not None and last.kind == "street":
            found.append((word, "street", True))
    for word in ZONE_BODIES:
        if s.startswith(word, i) and last is not None and last.kind in ("zone", "division"):
            found.append((word, "zone", True))
    m = DEPARTMENT_RE.match(s, i)
    if m:
        found.append((m.group(), "department", True))
    if free:
        m = _FREE_BODY_RE.match(s, i)
        # Without a place, only a national body may go unlisted (国家X局, 国务院X办公室).
        national = m is not None and m.group().startswith(NATIONAL_PREFIXES)
        if (
            m
            and len(m.group(1)) >= 2
            and clean_stem(m.group(1))
            and (places or national)
            and not any(b == m.group() for b, _k, _n in found)
        ):
            found.append((m.group(), "department", False))
    return found


def _sub_at(s: str, i: int, g: Gazetteer) -> tuple[str, int] | None:
    """A sub-unit after a department: 增城区分局, 交通警察支队."""
    starts = [i] + [end for _place, end in _places_at(s, i, g)]
    best: tuple[str, int] | None = None
    for start in starts:
        m = _FREE_SUB_RE.match(s, start)
        if m and (not m.group(1) or clean_stem(m.group(1))):
            end = m.end()
            if best is None or end > best[1]:
                best = (s[i:end], end)
    return best


def _consistent(places: tuple[Place, ...], g: Gazetteer) -> bool:
    """Each named division lies inside the one before it (河北 → 唐山), when both are divisions."""
    previous: tuple[Division, ...] = ()
    for place in places:
        if not place.divisions:
            continue
        if previous and not any(g.within(d, p) for d in place.divisions for p in previous):
            return False
        previous = place.divisions
    return True


def _score(places: tuple[Place, ...], known: bool, level: str | None) -> float:
    score = 2.0 if known else 0.5
    for place in places:
        if place.kind == "division":
            top = any(d.level in (PROVINCE, PREFECTURE) for d in place.divisions)
            score += 0.8 if place.short and not top else 2.5 if place.short else 3.0
        elif place.kind == "unknown":
            score += 1.0
        else:
            stem = len(place.text) - max(
                len(w) for w in ZONE_TYPES + TOWNSHIP_TYPES if place.text.endswith(w)
            )
            score += 1.5 - 0.4 * max(0, stem - 3)
    return score - (0.5 if level else 0.0)


def _kind(places: tuple[Place, ...], level: str | None, body: str, body_kind: str) -> str:
    if body_kind != "department":
        return body_kind
    if not places and not level:
        return (
            "ministry"
            if body.endswith(("部", "署", "总局")) or body.startswith(NATIONAL_PREFIXES)
            else "department"
        )
    last = places[-1] if places else None
    provincial_place = last is not None and (
        (bool(last.divisions) and all(d.level == PROVINCE for d in last.divisions))
        or (last.kind == "unknown" and last.text.endswith(("省", "自治区")))
    )
    if level == "省" or provincial_place or body.endswith("厅"):  # a 厅 exists only at province level
        return "provincial"
    return "department"


def parse_issuer(s: str, pos: int = 0, free: bool = False, place_only: bool = False) -> Issuer | None:
    """The best reading of an issuer's name starting exactly at ``s[pos]`` (None: no issuer there).

    ``free`` accepts department names outside the lexicon (``X局``): only where the position says
    "issuer", such as a title or a signature line. ``place_only`` also accepts a bare place followed
    by a year (``静海区2023年度…``, ``下洋镇2023年…``): the title of a government's own report.
    """
    g = gazetteer()
    readings: list[Issuer] = []
    if s.startswith("中共", pos):
        joint = _joint(s, pos, pos + 2, free)
        return joint
    _search(s, pos, pos, (), g, free, place_only, readings, 0)
    if not readings:
        return None
    return max(readings, key=lambda r: (r.score, r.end))


def _joint(s: str, start: int, i: int, free: bool) -> Issuer | None:
    """``中共X县委 X县人民政府`` (or without 中共): a party committee and its government."""
    g = gazetteer()
    for place, end in sorted(_places_at(s, i, g), key=lambda item: -item[1]):
        m = _PARTY_RE.match(s, end)
        if not m:
            continue
        government = parse_issuer(s, m.end(), free)
        if government is not None and government.kind in ("government", "town"):
            # Written with one space between the two bodies, however the source spaced them.
            party = s[start : m.end()].rstrip(" \t\u3000、，,")
            return Issuer(
                f"{party} {s[m.end() : government.end]}",
                government.places,
                None,
                government.body,
                None,
                "joint",
                True,
                government.end,
                government.score + 1,
                (place,),
            )
    return None


def _search(
    s: str,
    start: int,
    i: int,
    places: tuple[Place, ...],
    g: Gazetteer,
    free: bool,
    place_only: bool,
    out: list[Issuer],
    depth: int,
) -> None:
    if places and not _consistent(places, g):
        return
    # A body right here.
    levels: list[str | None] = [None]
    if not places and i < len(s) and s[i] in LEVEL_CHARS and not DEPARTMENT_RE.match(s, i):
        levels.append(s[i])
    for level in levels:
        j = i + (1 if level else 0)
        for body, kind, known in _bodies_at(s, j, places or ((Place(level),) if level else ()), free):
            if level and kind in ("government", "town", "zone", "street"):
                continue  # 市政府 alone names no one
            end = j + len(body)
            name = s[start:end]
            if name in NOT_AGENCIES or (body in NOT_AGENCIES and not places and not level):
                continue
            sub = None
            if kind == "department" and body.endswith(("局", "厅")):
                found = _sub_at(s, end, g)
                if found:
                    sub, end = found
            issuer_kind = "sub_bureau" if sub else _kind(places, level, body, kind)
            score = _score(places, known, level) + (1.0 if sub else 0.0)
            out.append(Issuer(s[start:end], places, level, body, sub, issuer_kind, known, end, score))
    if place_only and places and (i >= len(s) or re.match(r"\s*(?:(?:19|20)\d{2}|关于|法治)", s[i:])):
        last = places[-1]
        kind = {"township": "town", "street": "street", "zone": "zone"}.get(last.kind, "government")
        out.append(
            Issuer(s[start:i], places, None, "", None, kind, True, i, _score(places, True, None) - 0.5)
        )
    if depth >= _MAX_PLACES:
        return
    for place, end in _places_at(s, i, g):
        _search(s, start, end, (*places, place), g, free, place_only, out, depth + 1)
        if not places and _PARTY_RE.match(s, end) and s[end] in "省市县区州旗委":
            joint = _joint(s, start, i, free)
            if joint is not None:
                out.append(joint)
