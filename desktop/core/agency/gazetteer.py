"""The administrative-division gazetteer: province → prefecture → county, with common short forms.

The list ships as ``resources/divisions.tsv`` (source and date in its header). Township-level
units (镇, 乡, 街道) and development zones are not in it; :mod:`desktop.core.agency.parse`
recognises them by their structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.core.resources import resource

PROVINCE, PREFECTURE, COUNTY = 1, 2, 3
_ETHNIC_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,6}?族)+")
_PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: int
    parent: str

    @property
    def is_municipality(self) -> bool:
        """北京、天津、上海、重庆: provinces whose districts have no prefecture above them."""
        return self.level == PROVINCE and self.name.endswith("市")

    @property
    def is_district(self) -> bool:
        """A 市辖区: its name is only unique together with its city (和平区, 朝阳区, 鼓楼区)."""
        return self.level == COUNTY and self.name.endswith("区")


def short_forms(division: Division) -> list[str]:
    """The names a report may use instead of the full one: 山西, 东莞, 静海, 恩施州."""
    name = division.name
    forms: list[str] = []
    if division.level == PROVINCE:
        for suffix in _PROVINCE_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                forms.append(name[: -len(suffix)])
                break
    elif name.endswith(("自治州", "自治县", "自治旗")):
        stem = _ETHNIC_RE.sub("", name[:-3]) or name[:2]
        stem = stem if len(stem) >= 2 else name[:2]
        forms += [stem, stem + name[-1]]
    elif name.endswith("地区") and len(name) >= 4:
        forms.append(name[:-2])
    elif name.endswith(("市", "县", "区", "旗", "盟")) and len(name) >= 3:
        forms.append(name[:-1])
    return [form for form in forms if form != name]


class Gazetteer:
    def __init__(self, divisions: list[Division]) -> None:
        self.by_code = {d.code: d for d in divisions}
        self.full: dict[str, tuple[Division, ...]] = {}
        self.short: dict[str, tuple[Division, ...]] = {}
        for division in divisions:
            self.full[division.name] = (*self.full.get(division.name, ()), division)
            for form in short_forms(division):
                self.short[form] = (*self.short.get(form, ()), division)
        self.max_len = max(len(name) for name in [*self.full, *self.short])

    def lookup(self, name: str, short: bool = True) -> tuple[Division, ...]:
        found = self.full.get(name, ())
        if not found and short:
            found = self.short.get(name, ())
        return found

    def matches_at(
        self, text: str, pos: int, short: bool = True
    ) -> list[tuple[int, tuple[Division, ...], bool]]:
        """Names starting at ``pos``, longest first: ``(end, divisions, is_short_form)``."""
        found = []
        for length in range(min(self.max_len, len(text) - pos), 1, -1):
            piece = text[pos : pos + length]
            if piece in self.full:
                found.append((pos + length, self.full[piece], False))
            elif short and piece in self.short:
                found.append((pos + length, self.short[piece], True))
        return found

    def matches_ending_at(
        self, text: str, end: int, short: bool = True
    ) -> list[tuple[int, tuple[Division, ...], bool]]:
        """Names ending at ``end``, longest first: ``(start, divisions, is_short_form)``."""
        found = []
        for length in range(min(self.max_len, end), 1, -1):
            piece = text[end - length : end]
            if piece in self.full:
                found.append((end - length, self.full[piece], False))
            elif short and piece in self.short:
                found.append((end - length, self.short[piece], True))
        return found

    def parent(self, division: Division) -> Division | None:
        return self.by_code.get(division.parent) if division.parent else None

    def chain(self, division: Division) -> list[Division]:
        """From the province down to ``division``."""
        chain = [division]
        while (up := self.parent(chain[0])) is not None:
            chain.insert(0, up)
        return chain

    def within(self, division: Division, ancestor: Division) -> bool:
        return any(d.code == ancestor.code for d in self.chain(division))

    def filing_name(self, division: Division) -> str:
        """The place as reviewers file it: a district with its city (天津市静海区), else its own name."""
        parent = self.parent(division)
        if division.is_district and parent is not None:
            return parent.name + division.name
        return division.name


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    divisions = []
    for line in resource("divisions.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, level, parent = line.split("\t")
        divisions.append(Division(code, name, int(level), parent))
    return Gazetteer(divisions)
