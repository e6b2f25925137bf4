"""Cleaning: from the original extracted text to the text ReviewDesk analyses.

Every step returns edits on the text it is given; ``clean_text`` applies them one after another
and composes the offset maps, so any span of the cleaned text maps back to the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.importers.model import Edit
from desktop.core.text import layout, web_chrome
from desktop.core.text.offsets import OffsetMap, apply_edits
from desktop.core.text.punctuation import (
    doubled_punctuation_edits,
    pinyin_annotation_edits,
    space_edits,
    width_edits,
)
from desktop.core.text.traditional import traditional_edits

Step = Callable[[str], list[Edit]]


@dataclass
class CleanedText:
    text: str
    offsets: OffsetMap
    steps: list[str] = field(default_factory=list)
    """Names of the steps that changed something, for the import log."""
    page_info: dict[str, str] = field(default_factory=dict)
    """Facts of the web page the text was copied from (发布日期, 来源…), removed from the text."""


_INVISIBLE_RE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EDGE_SPACES = " \t\u3000\u00a0"
_BLANK_LINES_RE = re.compile(r"\n{2,}")
_MARKDOWN_RE = re.compile(r"\*\*|__(?=\S)|(?<=\S)__|^#{1,6}[ \t]+|^>[ \t]?", re.MULTILINE)


def invisible_edits(text: str) -> list[Edit]:
    """Drop zero-width characters, soft hyphens and control characters; \\r\\n → \\n."""
    edits = [Edit(m.start(), m.end(), "") for m in _INVISIBLE_RE.finditer(text)]
    edits += [Edit(m.start(), m.end(), "\n") for m in re.finditer(r"\r\n?", text)]
    edits += [Edit(m.start(), m.end(), " ") for m in re.finditer("\u00a0", text)]
    return edits


def line_edge_edits(text: str) -> list[Edit]:
    """Strip indentation and trailing spaces of every line.

    Line by line rather than with ``[ …]+$``: that pattern retries at every space of a long run
    that does not end its line, which costs the square of the run.
    """
    edits = []
    offset = 0
    for line in text.split("\n"):
        core = line.strip(_EDGE_SPACES)
        if core:
            lead = len(line) - len(line.lstrip(_EDGE_SPACES))
            if lead:
                edits.append(Edit(offset, offset + lead, ""))
            trail = len(line) - len(line.rstrip(_EDGE_SPACES))
            if trail:
                edits.append(Edit(offset + len(line) - trail, offset + len(line), ""))
        elif line:
            edits.append(Edit(offset, offset + len(line), ""))
        offset += len(line) + 1
    return edits


def blank_line_edits(text: str) -> list[Edit]:
    """One paragraph per line: collapse blank lines, drop leading and trailing newlines."""
    edits = [Edit(m.start(), m.end(), "\n") for m in _BLANK_LINES_RE.finditer(text)]
    leading = len(text) - len(text.lstrip("\n"))
    if leading:
        edits = [e for e in edits if e.start >= leading] + [Edit(0, leading, "")]
    trailing = len(text) - len(text.rstrip("\n"))
    if trailing and trailing < len(text):
        edits = [e for e in edits if e.end <= len(text) - trailing] + [
            Edit(len(text) - trailing, len(text), "")
        ]
    return edits


def markdown_edits(text: str) -> list[Edit]:
    """Drop Markdown emphasis, heading and quote markers that web copies carry."""
    return [Edit(m.start(), m.end(), "") for m in _MARKDOWN_RE.finditer(text)]


def _chrome_edits(text: str) -> list[Edit]:
    return web_chrome.scan(text).edits  # clean_text calls scan() itself to keep the page facts


def _steps_for(source_format: str) -> list[tuple[str, Step]]:
    steps: list[tuple[str, Step]] = [
        ("invisible", invisible_edits),
        ("markdown", markdown_edits),
    ]
    if source_format in ("txt", "html"):
        # Before paragraphs are rebuilt, so chrome lines are never joined to report text.
        steps.append(("web_chrome", _chrome_edits))
        # Before indentation is stripped: an indented line starts a paragraph.
        steps.append(("flattened", layout.flattened_paragraph_edits))
        steps.append(("hard_wraps", layout.hard_wrap_edits))
        steps.append(("split_paragraphs", layout.split_paragraph_edits))
    steps.append(("line_edges", line_edge_edits))
    steps += [
        ("blank_lines", blank_line_edits),
        ("width", width_edits),
        ("spaces", space_edits),
        ("pinyin", pinyin_annotation_edits),
        ("punctuation", doubled_punctuation_edits),
        ("traditional", traditional_edits),
        ("blank_lines", blank_line_edits),
    ]
    return steps


def clean_text(
    original: str, source_format: str = "txt", importer_edits: list[Edit] | None = None
) -> CleanedText:
    """Clean ``original`` (the importer's text) for analysis, keeping an offset map back to it."""
    text, offsets = apply_edits(original, importer_edits or [])
    applied = ["layout"] if importer_edits else []
    page_info: dict[str, str] = {}
    for name, step in _steps_for(source_format):
        if name == "web_chrome":
            found = web_chrome.scan(text)
            edits, page_info = found.edits, found.info
        else:
            edits = step(text)
        if not edits:
            continue
        if all(len(e.replacement) == e.end - e.start for e in edits):
            # Same-length replacements (width, traditional characters) map each character to
            # itself: the map stays as it is, which saves composing it again.
            text = _replace_in_place(text, edits)
        else:
            text, step_map = apply_edits(text, edits)
            offsets = offsets.compose(step_map)
        if name not in applied:
            applied.append(name)
    return CleanedText(text, offsets, applied, page_info)


def _replace_in_place(text: str, edits: list[Edit]) -> str:
    """Apply same-length, non-overlapping edits (as :func:`apply_edits` would, without a map)."""
    pieces: list[str] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor or edit.end > len(text):
            continue
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)
