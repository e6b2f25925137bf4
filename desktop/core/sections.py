"""Section structure of a cleaned report: the heading hierarchy and the five required parts.

Every step is one pass over the text or over the headings (with bisection), so a file of
200,000 heading lines costs what its length says, not its square.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from desktop.core.resources import load_json
from desktop.core.text.headings import HEADING_START_RE, NUMERAL, POINT_RE, Marker, find_markers

REQUIRED_KINDS = ("measures", "shortcomings", "leader_duty", "next_year")
_MAX_HEADING_LINE = 60
_HEADING_LOOKAHEAD = 400
"""Headings are short: nothing beyond this many characters after a number is looked at."""
_TRAILING_YEAR_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:19|20)\d{2}年度?$")
_CITED_RE = re.compile(r"《[^《》\n]*》")


@dataclass
class Section:
    level: int
    """1 ``一、`` (or the top level of an outline without one), 2 ``（一）``, 3 ``1.``, 4 ``（1）``,
    5 inline ``一是``."""
    number: str
    """The number as written, e.g. ``一、`` or ``（二）`` or ``三是``; empty for an unnumbered heading."""
    title: str
    """Heading text without its number."""
    start: int
    end: int
    heading_end: int
    kind: str = "unclassified"
    covers: list[str] = field(default_factory=list)
    """Required parts this heading covers (a combined part may cover two)."""

    @property
    def heading(self) -> str:
        return self.number + self.title


@dataclass
class SectionResult:
    sections: list[Section]
    missing: list[str]
    body_end: int
    """Where the closing block (signature, date, 抄送) starts; sections end there."""


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    raw = load_json("section_kinds.json")
    # One alternation per kind: a title is searched once per kind, not once per pattern.
    return {
        "patterns": {k: re.compile("|".join(f"(?:{p})" for p in v)) for k, v in raw["patterns"].items()},
        "strict": {k: re.compile("|".join(f"(?:{p})" for p in v)) for k, v in raw["strict"].items()},
        "not_headings": [re.compile(p) for p in raw.get("not_headings", [])],
    }


def _own_words(title: str) -> str:
    # A cited document names parts of other documents: 《党政主要负责人履行…第一责任人职责规定》.
    return _CITED_RE.sub("《》", title)


def classify_heading(title: str) -> list[str]:
    """Kinds a level-1 heading names, ordered by where they appear in it (may be empty)."""
    return list(_classify_title(title))


@lru_cache(maxsize=4096)
def _classify_title(title: str) -> tuple[str, ...]:
    title = _own_words(title)
    found: list[tuple[int, str]] = []
    for kind, pattern in _config()["patterns"].items():
        if m := pattern.search(title):
            found.append((m.start(), kind))
    kinds = [kind for _, kind in sorted(found)]
    if len(kinds) > 1 and "measures" in kinds:
        kinds.remove("measures")
    return tuple(kinds)


@lru_cache(maxsize=4096)
def strict_kind(title: str) -> str | None:
    """The required part a level-2 heading clearly names, if any."""
    title = _own_words(title)
    for kind, pattern in _config()["strict"].items():
        if pattern.search(title):
            return str(kind)
    return None


_HEADING_FINAL_RE = re.compile(r"成效|情况|原因|不足|问题|安排|计划|打算|举措|措施|做法|思路|建议|领导|素养")
_FINAL_THEN_YEAR_RE = re.compile(rf"({_HEADING_FINAL_RE.pattern})(?:19|20)\d{{2}}年")


def _heading_end(text: str, start: int, number: str, level: int, limit: int) -> int:
    """End of the heading text: the whole line when short, else its first sentence.

    A level-1 heading that runs into its text without punctuation (flattened copies) ends after
    its last typical closing word (成效, 原因, 安排…) or before a year that starts the text.
    """
    limit = min(limit, start + _HEADING_LOOKAHEAD)
    body = text[start:limit]
    if len(body) <= _MAX_HEADING_LINE and body.count("。") <= 1 and ("。" not in body or body.endswith("。")):
        end = limit
    else:
        cut = re.search(r"[。！？]", body)
        end = start + (cut.start() if cut else min(len(body), _MAX_HEADING_LINE))
        sentence = text[start:end]
        if level == 1 and len(sentence) > 20:
            finals = [m for m in _HEADING_FINAL_RE.finditer(sentence, 0, 34) if len(sentence) - m.end() >= 2]
            if finals:
                end = start + finals[-1].end()
    heading = text[start:end]
    if level == 1 and (run_on := _FINAL_THEN_YEAR_RE.search(heading, len(number))):
        end = start + run_on.end(1)
        heading = text[start:end]
    year = _TRAILING_YEAR_RE.search(heading)
    if year and year.start() > len(number) + 4:
        end = start + year.start()
    return end


_DATE_LINE_RE = re.compile(
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[二〇零○一三四五六七八九十]{4}年.{1,3}月.{1,4}日)"
)
_SIGNATURE_RE = re.compile(
    r"[^，。；：:！？]{2,40}(?:局|委员会|委|办公室|办|政府|厅|院|中心|处|所|部)(?:\s*[（(]印章[)）])?"
)
_TAIL_LINE_RE = re.compile(
    r"(?:[（(]?公开方式|抄送|附件[:：]?|相关附件|印发|[（(][^（()）]{1,40}[)）]$"
    r"|[^，。；]{2,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发?$)"
)
"""Lines that may stand after the signature and date: 公开方式, 抄送, 附件, 印发 (``X办公室2024年11月21日印``),
a note in brackets."""


def _is_closing_line(line: str) -> bool:
    """A 落款 line (the whole line is a signature or a date) or a line of the 版记 after it.

    A body sentence that starts like a name (``下一年度我局将……``) is not a signature: the whole line
    must be the name.
    """
    stripped = line.strip()
    if _DATE_LINE_RE.fullmatch(stripped) or _TAIL_LINE_RE.match(stripped):
        return True
    return len(stripped) <= 40 and _SIGNATURE_RE.fullmatch(stripped) is not None


def _body_end(text: str) -> int:
    """Start of the closing block: trailing lines that are a signature, a date or 抄送/公开方式."""
    end = len(text)
    cursor = len(text)
    for _ in range(8):
        if cursor <= 0:
            break
        line_start = text.rfind("\n", 0, cursor) + 1
        line = text[line_start:cursor]
        if line.strip():
            if len(line) > 200 or not _is_closing_line(line):
                break
            end = line_start
        cursor = line_start - 1
    return end


@dataclass(frozen=True)
class _Heading:
    level: int
    number: str
    start: int
    line_end: int


def parse_sections(text: str) -> SectionResult:
    body_end = _body_end(text)
    headings = _outline(text, [m for m in find_markers(text) if m.start < body_end], body_end)
    sections = _build_sections(text, headings, body_end)
    _add_points(text, sections, body_end)
    _classify(sections)
    sections.sort(key=lambda s: (s.start, s.level))
    return SectionResult(sections, _missing(sections), body_end)


def _outline(text: str, markers: list[Marker], body_end: int) -> list[_Heading]:
    """The numbered headings; without any ``一、`` the top of the outline is level 1.

    A report whose parts are not numbered at all (Word's automatic numbering is not in the text,
    or the parts are only set in bold) gets its level 1 from lines that name a required part.
    """
    headings = [_Heading(m.level, m.number, m.start, m.line_end) for m in markers]
    if any(h.level == 1 for h in headings):
        return headings
    top = min((m.level for m in markers if m.context == "line"), default=None)
    values = [m.value for m in markers if m.level == top]
    # Only a real outline moves up: its top level opens lines and counts up without restarting.
    if top is not None and len(values) >= 2 and all(b > a for a, b in pairwise(values)):
        return [
            _Heading(h.level - top + 1, h.number, h.start, h.line_end) for h in headings if h.level >= top
        ]
    named = _named_part_lines(text, body_end)
    return sorted(named + headings, key=lambda h: h.start) if named else headings


_NAMED_PART_MAX = 36


def _named_part_lines(text: str, body_end: int) -> list[_Heading]:
    """Short lines after the first sentence that name a required part and say nothing else."""
    found: list[_Heading] = []
    seen: set[str] = set()
    not_headings = _config()["not_headings"]
    offset = 0
    body_started = False
    for line in text[:body_end].split("\n"):
        line_end = offset + len(line)
        stripped = line.strip().rstrip("：:")
        if (
            body_started
            and 4 <= len(stripped) <= _NAMED_PART_MAX
            and not re.search("[。！？；，,]", stripped)
            and not HEADING_START_RE.match(stripped)
        ):
            kinds = classify_heading(stripped)
            # Each part is named once; a repeated name is a phrase of the text, not a heading.
            if kinds and kinds[0] not in seen and not any(p.search(stripped) for p in not_headings):
                seen.add(kinds[0])
                found.append(_Heading(1, "", offset + len(line) - len(line.lstrip()), line_end))
        body_started = body_started or "。" in line
        offset = line_end + 1
    return found


def _build_sections(text: str, headings: list[_Heading], body_end: int) -> list[Section]:
    sections: list[Section] = []
    open_sections: list[Section] = []  # the chain of headings the current text sits in
    for index, heading in enumerate(headings):
        while open_sections and open_sections[-1].level >= heading.level:
            open_sections.pop().end = heading.start
        next_start = headings[index + 1].start if index + 1 < len(headings) else body_end
        limit = min(heading.line_end, next_start)
        heading_end = _heading_end(text, heading.start, heading.number, heading.level, limit)
        title = text[heading.start + len(heading.number) : heading_end].strip(" \t：:")
        section = Section(heading.level, heading.number, title, heading.start, body_end, heading_end)
        sections.append(section)
        open_sections.append(section)
    return sections


def _add_points(text: str, sections: list[Section], body_end: int) -> None:
    """Inline points (一是…二是…) become level-5 sections inside their paragraph's section."""
    boundaries = sorted({s.start for s in sections} | {body_end})
    points = [(m.start(), m.group(0)) for m in POINT_RE.finditer(text, 0, body_end)]
    for index, (start, number) in enumerate(points):
        end = boundaries[min(bisect_right(boundaries, start), len(boundaries) - 1)]
        end = max(end, start)
        if index + 1 < len(points):
            end = min(end, points[index + 1][0])
        limit = min(end, start + _HEADING_LOOKAHEAD)
        sentence = re.compile(r"[。；！？]").search(text, start, limit)
        heading_end = sentence.start() if sentence else min(end, start + 40)
        title = text[start + len(number) : heading_end]
        sections.append(Section(5, number, title, start, end, heading_end))


def _classify(sections: list[Section]) -> None:
    level1 = sorted((s for s in sections if s.level == 1), key=lambda s: s.start)
    later_kind_seen = False
    for section in level1:
        kinds = classify_heading(section.title)
        if not kinds:
            # A thematic first part (一、坚持党的领导…) reports measures; after the shortcomings
            # or plans, an unnamed part is not known.
            kinds = ["unclassified"] if later_kind_seen else ["measures"]
        section.kind = kinds[0]
        section.covers = [k for k in kinds if k in REQUIRED_KINDS]
        later_kind_seen = later_kind_seen or any(k in ("shortcomings", "next_year", "other") for k in kinds)
    starts = [s.start for s in level1]
    for section in sections:
        if section.level == 1:
            continue
        index = bisect_right(starts, section.start) - 1
        parent = level1[index] if index >= 0 and section.start < level1[index].end else None
        own = strict_kind(section.title) if section.level in (2, 3) else None
        if own:
            section.kind = own
            section.covers = [own] if own in REQUIRED_KINDS else []
        else:
            section.kind = parent.kind if parent else "unclassified"


def _missing(sections: list[Section]) -> list[str]:
    present = {kind for s in sections if s.level <= 3 for kind in s.covers}
    return [kind for kind in REQUIRED_KINDS if kind not in present]


__all__ = [
    "NUMERAL",
    "REQUIRED_KINDS",
    "Section",
    "SectionResult",
    "classify_heading",
    "parse_sections",
    "strict_kind",
]
