"""Section structure of a cleaned report: the heading hierarchy and the five required parts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from desktop.core.resources import load_json
from desktop.core.text.headings import (
    LEVEL1_RE,
    LEVEL2_RE,
    LEVEL3_RE,
    LEVEL4_RE,
    NUMERAL,
    POINT_RE,
    numeral_text,
    numeral_value,
)

REQUIRED_KINDS = ("measures", "shortcomings", "leader_duty", "next_year")
_MAX_HEADING_LINE = 60
_TRAILING_YEAR_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:19|20)\d{2}年度?$")


@dataclass
class Section:
    level: int
    """1 ``一、``, 2 ``（一）``, 3 ``1.``, 4 ``（1）``, 5 inline ``一是``."""
    number: str
    """The number as written, e.g. ``一、`` or ``（二）`` or ``三是``."""
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


@dataclass
class _Marker:
    level: int
    value: int
    number: str
    start: int
    line_end: int


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    raw = load_json("section_kinds.json")
    return {
        "patterns": {k: [re.compile(p) for p in v] for k, v in raw["patterns"].items()},
        "strict": {k: [re.compile(p) for p in v] for k, v in raw["strict"].items()},
    }


def classify_heading(title: str) -> list[str]:
    """Kinds a level-1 heading names, ordered by where they appear in it (may be empty)."""
    found: list[tuple[int, str]] = []
    for kind, patterns in _config()["patterns"].items():
        positions = [m.start() for p in patterns if (m := p.search(title))]
        if positions:
            found.append((min(positions), kind))
    kinds = [kind for _, kind in sorted(found)]
    if len(kinds) > 1 and "measures" in kinds:
        kinds.remove("measures")
    return kinds


def strict_kind(title: str) -> str | None:
    """The required part a level-2 heading clearly names, if any."""
    for kind, patterns in _config()["strict"].items():
        if any(p.search(title) for p in patterns):
            return str(kind)
    return None


def _find_markers(text: str) -> list[_Marker]:
    markers: list[_Marker] = []
    expected = {1: 1, 2: 1}
    offset = 0
    for line in text.split("\n"):
        line_end = offset + len(line)
        marker = _line_marker(line, offset, line_end, expected)
        position = 1
        if marker:
            markers.append(marker)
            _advance(expected, marker)
        # Headings flattened into running text: "…工作。二、全面提升…" with the expected numbers.
        while True:
            found = [
                m
                for level in (1, 2)
                if (m := _inline_marker(line, offset, line_end, level, expected[level], position))
            ]
            if not found:
                break
            inline = min(found, key=lambda m: m.start)
            markers.append(inline)
            _advance(expected, inline)
            position = inline.start - offset + 1
        offset = line_end + 1
    return markers


def _advance(expected: dict[int, int], marker: _Marker) -> None:
    if marker.level == 1:
        expected[1] = marker.value + 1
        expected[2] = 1
    elif marker.level == 2:
        expected[2] = marker.value + 1


def _line_marker(line: str, offset: int, line_end: int, expected: dict[int, int]) -> _Marker | None:
    for level, pattern in ((1, LEVEL1_RE), (2, LEVEL2_RE), (3, LEVEL3_RE), (4, LEVEL4_RE)):
        m = pattern.match(line)
        if not m:
            continue
        value = numeral_value(m.group(1))
        if level == 1 and value != expected[1] and not (value > expected[1] - 1 and len(line) <= 40):
            return None
        return _Marker(level, value, m.group(0), offset, line_end)
    return None


def _inline_marker(
    line: str, offset: int, line_end: int, level: int, value: int, start: int
) -> _Marker | None:
    numeral = numeral_text(value)
    mark = f"{numeral}、" if level == 1 else f"（{numeral}）"
    # A first subsection may run straight on from its level-1 heading: "四、…成效（一）依法…".
    runs_on = level == 2 and value == 1 and bool(LEVEL1_RE.match(line))
    position = line.find(mark, max(1, start))
    while position > 0:
        if (runs_on or line[position - 1] in "。！？；") and len(line) - position > 4:
            return _Marker(level, value, mark, offset + position, line_end)
        position = line.find(mark, position + 1)
    return None


_HEADING_FINAL_RE = re.compile(r"成效|情况|原因|不足|问题|安排|计划|打算|举措|措施|做法|思路|建议|领导|素养")
_FINAL_THEN_YEAR_RE = re.compile(rf"({_HEADING_FINAL_RE.pattern})(?:19|20)\d{{2}}年")


def _heading_end(text: str, marker: _Marker, next_start: int) -> int:
    """End of the heading text: the whole line when short, else its first sentence.

    A level-1 heading that runs into its text without punctuation (flattened copies) ends after
    its last typical closing word (成效, 原因, 安排…) or before a year that starts the text.
    """
    limit = min(marker.line_end, next_start)
    body = text[marker.start : limit]
    if len(body) <= _MAX_HEADING_LINE and body.count("。") <= 1 and ("。" not in body or body.endswith("。")):
        end = limit
    else:
        cut = re.search(r"[。！？]", body)
        end = marker.start + (cut.start() if cut else min(len(body), _MAX_HEADING_LINE))
        sentence = text[marker.start : end]
        if marker.level == 1 and len(sentence) > 20:
            finals = [m for m in _HEADING_FINAL_RE.finditer(sentence, 0, 34) if len(sentence) - m.end() >= 2]
            if finals:
                end = marker.start + finals[-1].end()
    heading = text[marker.start : end]
    if marker.level == 1 and (run_on := _FINAL_THEN_YEAR_RE.search(heading, len(marker.number))):
        end = marker.start + run_on.end(1)
        heading = text[marker.start : end]
    year = _TRAILING_YEAR_RE.search(heading)
    if year and year.start() > len(marker.number) + 4:
        end = marker.start + year.start()
    return end


_CLOSING_RE = re.compile(
    r"^(?:\d{4}年\d{1,2}月\d{1,2}日|[二〇零一三四五六七八九十]{4}年.{1,3}月.{1,4}日"
    r"|（?公开方式|抄送|附件[:：]?|相关附件|印发|[^，。；]{2,30}(?:局|委员会|委|办公室|办|政府|厅|院|中心)(?:（印章）)?)"
)


def _body_end(text: str) -> int:
    """Start of the closing block: trailing lines that are a signature, a date or 抄送/公开方式."""
    lines = text.split("\n")
    end = len(text)
    offset = len(text)
    for line in reversed(lines[-8:]):
        offset -= len(line) + (1 if offset < len(text) else 0)
        if not line.strip():
            continue
        if len(line) > 60 or not _CLOSING_RE.match(line):
            break
        end = max(0, offset)
    return end


def parse_sections(text: str) -> SectionResult:
    body_end = _body_end(text)
    markers = [m for m in _find_markers(text) if m.start < body_end]
    sections = _build_sections(text, markers, body_end)
    _add_points(text, sections, body_end)
    _classify(sections)
    sections.sort(key=lambda s: (s.start, s.level))
    return SectionResult(sections, _missing(sections), body_end)


def _build_sections(text: str, markers: list[_Marker], body_end: int) -> list[Section]:
    sections = []
    for index, marker in enumerate(markers):
        end = body_end
        for later in markers[index + 1 :]:
            if later.level <= marker.level:
                end = later.start
                break
        next_start = markers[index + 1].start if index + 1 < len(markers) else body_end
        heading_end = _heading_end(text, marker, next_start)
        title = text[marker.start + len(marker.number) : heading_end].strip()
        sections.append(Section(marker.level, marker.number, title, marker.start, end, heading_end))
    return sections


def _add_points(text: str, sections: list[Section], body_end: int) -> None:
    """Inline points (一是…二是…) become level-5 sections inside their paragraph's section."""
    boundaries = sorted({s.start for s in sections} | {body_end})
    points = []
    for m in POINT_RE.finditer(text, 0, body_end):
        numeral = m.group(1) or m.group(2)
        points.append((m.start(), numeral, m.group(0)))
    for index, (start, _numeral, number) in enumerate(points):
        end = next((b for b in boundaries if b > start), body_end)
        if index + 1 < len(points):
            end = min(end, points[index + 1][0])
        sentence = re.search(r"[。；！？]", text[start:end])
        heading_end = start + (sentence.start() if sentence else min(end - start, 40))
        title = text[start + len(number) : heading_end]
        sections.append(Section(5, number, title, start, end, heading_end))


def _classify(sections: list[Section]) -> None:
    level1 = [s for s in sections if s.level == 1]
    later_kind_seen = False
    for section in level1:
        kinds = classify_heading(section.title)
        if not kinds:
            kinds = ["unclassified"] if later_kind_seen else ["measures"]
        section.kind = kinds[0]
        section.covers = [k for k in kinds if k in REQUIRED_KINDS]
        later_kind_seen = later_kind_seen or any(k in ("shortcomings", "next_year", "other") for k in kinds)
    for section in sections:
        if section.level == 1:
            continue
        parent = next((p for p in reversed(level1) if p.start <= section.start < p.end), None)
        own = strict_kind(section.title) if section.level in (2, 3) else None
        if own:
            section.kind = own
            section.covers = [own] if own in REQUIRED_KINDS else []
        else:
            section.kind = parent.kind if parent else "unclassified"


def _missing(sections: list[Section]) -> list[str]:
    present = {kind for s in sections if s.level <= 3 for kind in s.covers}
    return [kind for kind in REQUIRED_KINDS if kind not in present]


__all__ = ["NUMERAL", "REQUIRED_KINDS", "Section", "SectionResult", "classify_heading", "parse_sections"]
