"""Agency names: finding them in text, telling a full name from a generic one, and region."""

from __future__ import annotations

import re

_UNIT = r"(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|州|盟|地区|县|区|旗)"
_ADMIN_RE = re.compile(rf"[\u4e00-\u9fff]{{1,8}}?{_UNIT}")
AGENCY_SUFFIX = r"(?:管理局|局|委员会|委|办公室|厅|院|人民政府|政府|中心|署|支队|大队)"
AGENCY_RE = re.compile(rf"[\u4e00-\u9fff]{{2,24}}?{AGENCY_SUFFIX}")
_GENERIC_PREFIXES = ("市", "县", "区", "州", "省", "我", "本", "该", "全", "各", "旗", "镇", "乡")
_NOT_AGENCY = re.compile(r"中共|党委|委员会委员|人民政府：|^关于")
_SHORT_FORMS = (
    ("应急管理局", "应急局"),
    ("市场监督管理局", "市场监管局"),
    ("人力资源和社会保障局", "人社局"),
)


def is_generic(name: str) -> bool:
    """``市应急管理局`` or ``我局``: an agency name without its place."""
    return name.startswith(_GENERIC_PREFIXES) or region_of(name) is None


def region_of(agency: str) -> str | None:
    """The place part of an agency name: ``鹤山市应急管理局`` → ``鹤山市``; ``湖南省湘乡市…`` → ``湖南省湘乡市``."""
    region = ""
    rest = agency
    while True:
        m = _ADMIN_RE.match(rest)
        # The rest must still hold a department name, so ``市场监督管理局`` is not read as a place.
        if not m or not AGENCY_RE.search(rest[m.end() :]) or rest[m.end() :].startswith(("场", "政")):
            break
        region += m.group()
        rest = rest[m.end() :]
    if not region or region.startswith(_GENERIC_PREFIXES):
        return None
    return region


def find_agencies(text: str) -> list[str]:
    """Agency-like names in ``text`` in order of appearance (may include generic ones)."""
    names = []
    for m in AGENCY_RE.finditer(text):
        name = _trim(m.group())
        if name and not _NOT_AGENCY.search(name):
            names.append(name)
    return names


_LEADING_NOISE_RE = re.compile(r"^.*?(?:年|，|、|：|关于|根据|按照|由|在|对|向|经)(?=[\u4e00-\u9fff]{2})")


def _trim(name: str) -> str:
    """Cut words that precede the name in running text: ``2024年，湘乡市应急管理局`` → the name."""
    best = name
    while True:
        m = _LEADING_NOISE_RE.match(best)
        if not m or len(best) - m.end() < 3:
            return best
        best = best[m.end() :]


def complete_agency(name: str, region: str | None) -> str:
    """Put the region in front of a generic name: ``市应急管理局`` + ``鹤山市`` → ``鹤山市应急管理局``."""
    if not region or not is_generic(name) or name.startswith(("我", "本", "该")):
        return name
    unit = region[-1]
    stripped = name[1:] if name.startswith(unit) else name
    return region + stripped


def agency_key(name: str) -> str:
    """A key that treats the usual short forms alike: 鹤山市应急管理局 / 鹤山市应急局."""
    key = re.sub(r"\s+", "", name)
    for full, short in _SHORT_FORMS:
        key = key.replace(full, short)
    return key
