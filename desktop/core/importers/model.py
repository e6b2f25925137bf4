"""What every importer returns: the extracted original text plus layout facts about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading", "table_row"]


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (offsets into the original text).

    Importers propose edits they know from the layout (drop a page number, join a line that
    wrapped at the right margin); the cleaner applies them first and keeps the offset map.
    """

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True)
class Block:
    """One paragraph-like unit of the original text, ``text[start:end]``, with layout facts."""

    start: int
    end: int
    kind: BlockKind = "paragraph"
    style: str | None = None
    """Word style name (``Heading 1``, ``Title``…) when the source has styles."""
    bold: bool = False
    """The block is bold as a whole, or opens with a bold run (a run-in heading)."""
    centered: bool = False
    font_size: float | None = None
    page: int | None = None


@dataclass
class ExtractedDocument:
    """The result of reading one file.

    ``text`` is the original text as extracted: paragraphs separated by ``\\n``, nothing cleaned.
    It is stored and shown as "原文"; the cleaned text is derived from it with an offset map.
    """

    format: str
    """``docx``, ``pdf``, ``txt``, ``html`` or ``doc``."""
    text: str
    blocks: list[Block] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    """Facts the container gives: ``title``, ``agency`` (发布机构), ``written_date`` (成文日期),
    ``published_date`` (发布日期), ``author``… all as text; dates as ISO ``YYYY-MM-DD``."""
    warnings: list[str] = field(default_factory=list)
    """Chinese messages for the reviewer, e.g. that the file was damaged and only partly read."""
