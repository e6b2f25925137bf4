"""Rebuild paragraphs from plain text: flattened web copies, hard-wrapped PDF copies, page splits."""

from __future__ import annotations

import re
from itertools import pairwise

from desktop.core.importers.model import Edit
from desktop.core.text.chars import display_width
from desktop.core.text.headings import HEADING_AT_RE, HEADING_START_RE

_FLAT_LINE_CHARS = 100
"""A line this long, with spaces before heading markers, is a web page flattened into one line."""
# A space between paragraphs: after Chinese text or a mark that ends a clause (half-width too, as
# web copies folded to NFKC write them), before Chinese text, a heading number or a year.
_SEPARATOR_SPACE_RE = re.compile(
    r"(?<=[^\x00-\x7f]|[:;!?.,)])[ \t]+(?=[^\x00-\x7f]|\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|(?:19|20)\d{2}年)"
)
_MARKER_ONLY_RE = re.compile(HEADING_START_RE.pattern + r"[ \t]*$")
_MAX_WRAP_WIDTH = 120
_TERMINAL = tuple("。！？：；”’）)」』】…")
_SENTENCE_CLOSE = ("。", "：", "！", "？", ":", "!", "?")


def flattened_paragraph_edits(text: str) -> list[Edit]:
    """In a flattened copy, single spaces between Chinese characters separate paragraphs.

    A space right after a heading number (``（一） 深入学习…``) belongs to the heading.
    """
    edits: list[Edit] = []
    offset = 0
    for line in text.split("\n"):
        if len(line) >= _FLAT_LINE_CHARS:
            spaces = list(_SEPARATOR_SPACE_RE.finditer(line))
            before_heading = sum(1 for m in spaces if HEADING_AT_RE.match(line, m.end()))
            if before_heading >= 2:
                previous = 0
                for m in spaces:
                    if not _MARKER_ONLY_RE.match(line[previous : m.start()]):
                        edits.append(Edit(offset + m.start(), offset + m.end(), "\n"))
                        previous = m.end()
        offset += len(line) + 1
    return edits


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, ends exclusive of the newline."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


_INDENT_RE = re.compile(r"[ \t]{2,}|\u3000")


def _indented(text: str, start: int) -> bool:
    """A first-line indent (two spaces or a full-width space) opens a new paragraph."""
    return bool(_INDENT_RE.match(text, start))


def _wrap_width(widths: list[int]) -> int | None:
    """The right margin of a hard-wrapped text, or None when the text is not hard-wrapped."""
    if len(widths) < 8:
        return None
    ordered = sorted(widths)
    margin = ordered[int(len(ordered) * 0.9) - 1]
    # A page line holds 20 to 50 Chinese characters; lines of even length beyond that are
    # paragraphs of similar size, not a wrapped page.
    if margin < 30 or margin > _MAX_WRAP_WIDTH:
        return None
    full = [w for w in widths if w >= margin * 0.85]
    return margin if len(full) >= 0.4 * len(widths) else None


def hard_wrap_edits(text: str) -> list[Edit]:
    """Join lines that a PDF copy-paste broke at the right margin.

    A line that reaches the margin (by display width, or by characters for copies that wrap at
    a fixed count) continues on the next line, unless the next line is indented, or the line
    ends a sentence and the next opens with a heading or point marker.
    """
    spans = _line_spans(text)
    widths = [display_width(text[s:e].strip()) for s, e in spans]
    counts = [len(text[s:e].strip()) for s, e in spans]
    margin = _wrap_width(widths)
    count_margin = _wrap_width([c * 2 for c in counts])
    if margin is None and count_margin is None:
        return []
    # When paragraphs are marked by indentation, an unindented line always continues the last.
    indents_mark_paragraphs = sum(1 for s, _ in spans if _indented(text, s)) >= max(3, len(spans) // 10)
    edits = []
    for index, ((start, end), (next_start, next_end)) in enumerate(pairwise(spans)):
        line = text[start:end].rstrip()
        next_line = text[next_start:next_end]
        lead = len(next_line) - len(next_line.lstrip(" \t\u3000"))
        full = (margin is not None and widths[index] >= margin * 0.85) or (
            count_margin is not None and counts[index] * 2 >= count_margin * 0.85
        )
        if not full or _indented(text, next_start):
            continue
        if (
            not indents_mark_paragraphs
            and line.endswith(_SENTENCE_CLOSE)
            and HEADING_AT_RE.match(next_line, lead)
        ):
            continue
        edits.append(Edit(start + len(line), next_start + lead, ""))
    return edits


def split_paragraph_edits(text: str) -> list[Edit]:
    """Rejoin a body paragraph that a page break split in two (``…安全生产法`` / ``宣传周”等…``).

    Only long lines are joined (headings are short), only when the line does not end a sentence,
    and never before or after a heading marker or a table row.
    """
    spans = _line_spans(text)
    edits = []
    for (start, end), (next_start, next_end) in pairwise(spans):
        line = text[start:end].strip()
        following = text[next_start:next_end].strip()
        if len(line) < 40 or line.endswith(_TERMINAL) or "\t" in line or "\t" in following:
            continue
        if _indented(text, next_start):
            continue
        if HEADING_START_RE.match(following):
            continue
        # A heading line on its own (no sentence in it) is complete even without a full stop.
        if HEADING_START_RE.match(line) and not any(mark in line for mark in "。！？；"):
            continue
        edits.append(Edit(end, next_start, ""))
    return edits
