"""PDF layout: the worker's text lines turned into the original text, the importer's edits and blocks.

``text`` keeps every extracted line (running headers, page numbers included), one per line;
``edits`` propose removing the page furniture and joining lines that wrapped inside a paragraph,
so that after applying them each paragraph is one line. Runs in the app's process, on the plain
data the worker (:mod:`desktop.core.importers.pdf_worker`) sends back.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from desktop.core.importers.model import Block, Edit, ExtractedDocument
from desktop.core.importers.pdf_worker import BOLD_ALL, BOLD_ANY, BOLD_FIRST

_PAGE_NUMBER = re.compile(
    r"[-—–－~･·]*\d{1,4}[-—–－~･·]*|第\d{1,4}页(共\d{1,4}页)?|\d{1,4}/\d{1,4}|共\d{1,4}页第\d{1,4}页"
    r"|(?i:page)\d{1,4}((?i:of)\d{1,4})?"
)
_HEADING = re.compile(
    r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十百]+[章节部分]"
)
_SENTENCE_END = tuple("。！？；：.!?;:")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    flags: int
    page: int
    start: int = 0
    end: int = 0
    centered: bool = False


def _lines(pages: list[dict[str, Any]]) -> tuple[str, list[_Line]]:
    lines: list[_Line] = []
    offset = 0
    for page in pages:
        for raw in page["lines"]:
            x0, x1, top, bottom, size = (float(v) for v in raw[1:6])
            line = _Line(str(raw[0]), x0, x1, top, bottom, size, int(raw[6]), int(page["n"]))
            line.start, line.end = offset, offset + len(line.text)
            offset = line.end + 1
            lines.append(line)
    return "\n".join(line.text for line in lines), lines


def _is_furniture_text(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return bool(_PAGE_NUMBER.fullmatch(compact))


def _furniture(lines: list[_Line], page_count: int) -> set[int]:
    """Indexes of page numbers and of running headers/footers (the outer two lines of a page
    whose text, digits aside, recurs on at least half of the pages)."""
    by_page: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(i)
    edges = [run for idx in by_page.values() for run in (idx[:2], idx[::-1][:2])]
    key = {i: re.sub(r"\d+", "#", re.sub(r"\s+", "", lines[i].text)) for run in edges for i in run}
    pages_with = Counter(k for _page, k in {(lines[i].page, k) for i, k in key.items()})
    repeated = {k for k, n in pages_with.items() if page_count >= 3 and n >= max(3, page_count / 2)}
    found: set[int] = set()
    for run in edges:
        for i in run:  # from the page edge inwards; stop at the first real line
            if not (_is_furniture_text(lines[i].text) or key[i] in repeated):
                break
            found.add(i)
    return found


def _margins(lines: list[_Line], body: float) -> dict[int, tuple[float, float]]:
    """Left and right edge of the text block, per page (falls back to the whole document)."""

    def edges(group: list[_Line]) -> tuple[float, float] | None:
        if len(group) < 3:
            return None
        left = Counter(round(line.x0) for line in group).most_common(1)[0][0]
        lefts = [line.x0 for line in group if abs(line.x0 - left) <= 3]
        lowest = min(lefts)
        widest = max(line.x1 for line in group)
        # Justified lines all end at the margin; hanging punctuation sticks out a little.
        long = [line.x1 for line in group if line.x1 >= lowest + 0.75 * (widest - lowest)]
        return lowest, statistics.median(long)

    body_lines = [line for line in lines if abs(line.size - body) <= 0.15 * body]
    whole = edges(body_lines) or (
        min((line.x0 for line in lines), default=0.0),
        max((line.x1 for line in lines), default=0.0),
    )
    result: dict[int, tuple[float, float]] = {}
    for page in {line.page for line in lines}:
        on_page = [line for line in body_lines if line.page == page]
        own = edges(on_page)
        # A page of indented short lines would fake a left margin; trust the document's
        # unless the page clearly has its own (mirrored margins).
        if own is None or any(abs(line.x0 - whole[0]) <= 3 for line in on_page):
            own = whole
        result[page] = own
    return result


def _breaks(a: _Line, b: _Line, margins: dict[int, tuple[float, float]], body: float, pitch: float) -> bool:
    """Whether line ``b`` starts a new paragraph after line ``a``."""
    # A title broken over two lines: centred, larger (or bold) type, at line distance.
    close = a.page == b.page and a.bottom - b.top < 1.2 * a.size and abs(a.size - b.size) < 0.5
    if close and (a.centered or b.centered) and (a.size > 1.15 * body or a.flags & b.flags & BOLD_ALL):
        return False
    if a.centered or b.centered or abs(a.size - b.size) > max(0.5, 0.1 * b.size):
        return True
    left_b = margins[b.page][0]
    right_a = margins[a.page][1]
    if b.x0 > left_b + 0.8 * b.size or a.x1 < right_a - 1.0 * a.size:
        return True  # first-line indent, or a line that stops short of the margin
    if a.page == b.page and a.top - b.top > 1.6 * pitch:
        return True  # a blank line or paragraph spacing
    if _HEADING.match(b.text):
        return True
    bold_heading = a.flags & BOLD_ALL and not b.flags & BOLD_ANY
    return bool(bold_heading and not a.text.endswith(_SENTENCE_END))


def build_document(pages: list[dict[str, Any]]) -> ExtractedDocument:
    """Turn the worker's lines into the original text, the importer's edits and the blocks."""
    text, lines = _lines(pages)
    if not lines:
        return ExtractedDocument(format="pdf", text="")
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    body = weights.most_common(1)[0][0]
    furniture = _furniture(lines, len(pages))
    content = [line for i, line in enumerate(lines) if i not in furniture]
    margins = _margins(content, body)
    for line in content:
        left, right = margins[line.page]
        middle = (left + right) / 2
        inset = 1.5 * line.size  # both sides clearly inside the block, or an indented full line
        line.centered = (
            abs((line.x0 + line.x1) / 2 - middle) <= max(line.size, 6.0)
            and line.x0 > left + inset
            and line.x1 < right - inset
        )
    steps = [
        a.top - b.top
        for a, b in itertools.pairwise(content)
        if a.page == b.page and abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5
    ]
    pitch = statistics.median(steps) if steps else 1.5 * body

    edits = _furniture_edits(lines, furniture, len(text))
    paragraphs: list[list[_Line]] = []
    for line in content:
        if paragraphs and not _breaks(paragraphs[-1][-1], line, margins, body, pitch):
            prev = paragraphs[-1][-1]
            # Chinese joins directly; two Latin words keep a space between them.
            latin = _is_latin(prev.text[-1:]) and _is_latin(line.text[:1])
            edits.append(Edit(prev.end, prev.end + 1, " " if latin else ""))
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    edits.sort(key=lambda e: e.start)
    blocks = [_block(group, text, body) for group in paragraphs]
    return ExtractedDocument(format="pdf", text=text, blocks=blocks, edits=edits)


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _furniture_edits(lines: list[_Line], furniture: set[int], length: int) -> list[Edit]:
    """One removal per run of consecutive furniture lines, each with its line break."""
    edits: list[Edit] = []
    i = 0
    while i < len(lines):
        if i not in furniture:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and j + 1 in furniture:
            j += 1
        start, end = lines[i].start, lines[j].end
        if end < length:
            edits.append(Edit(start, end + 1, ""))
        else:  # the text ends with furniture: drop the break before it instead
            edits.append(Edit(max(start - 1, 0), end, ""))
        i = j + 1
    return edits


def _block(group: list[_Line], text: str, body: float) -> Block:
    first = group[0]
    size = statistics.median(line.size for line in group)
    centered = all(line.centered for line in group)
    joined = "".join(text[line.start : line.end] for line in group)
    compact = re.sub(r"\s+", "", joined)
    short = len(compact) <= 60 and "。" not in compact.rstrip("。")
    headingish = all(line.flags & BOLD_ALL for line in group) or bool(_HEADING.match(compact))
    title = centered and size > 1.15 * body
    return Block(
        start=first.start,
        end=group[-1].end,
        kind="heading" if title or (short and headingish) else "paragraph",
        bold=bool(first.flags & BOLD_FIRST),
        centered=centered,
        font_size=round(size, 1),
        page=first.page,
    )
