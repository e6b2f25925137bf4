"""Read a Word .docx report: its text in document order, with layout facts for each paragraph.

The zip is checked and inflated by :mod:`safe_zip`, and the three parts we need (document, styles,
core properties) are parsed with its hardened :func:`~safe_zip.parse_xml` rather than by python-docx,
which would inflate every part without limits, accept xxe.docx (dropping the entity silently), let
libxml2's amplification error escape on billion_laughs.docx, and cost ~150 ms to import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from lxml.etree import _Element as Element

from desktop.core.errors import ImportRefused
from desktop.core.importers import safe_zip
from desktop.core.importers.docx_styles import (
    PPR,
    RPR,
    WORD_NS,
    Look,
    Styles,
    flag,
    font_size,
    look_of,
    val,
    w,
)
from desktop.core.importers.model import Block, BlockKind, ExtractedDocument
from desktop.core.importers.safe_zip import DAMAGED_MESSAGE, XML_ERRORS

_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_PARTS = ("word/document.xml", "word/styles.xml", "docProps/core.xml")

P, R, T, TBL, TR, TC, BODY, BR = (w(t) for t in ("p", "r", "t", "tbl", "tr", "tc", "body", "br"))
TYPE, SDT_CONTENT = w("type"), w("sdtContent")
TXBX, RUBY, RUBY_BASE = w("txbxContent"), w("ruby"), w("rubyBase")
ALTERNATE, CHOICE, FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"
_RUN_TEXT = {w("tab"): "\t", w("ptab"): "\t", w("cr"): "\n", w("noBreakHyphen"): "-"}
_GRAPHICS = frozenset({w("drawing"), w("pict"), ALTERNATE})
_MATH_ZONES = frozenset({_MATH + "oMath", _MATH + "oMathPara"})
# Wrappers whose contents Word shows: links, smart tags, fields' results, tracked insertions and
# moves, content controls. w:del and w:moveFrom (deleted text) are skipped by not being listed.
_INLINE_WRAPPERS = frozenset(
    w(t) for t in ("hyperlink", "smartTag", "fldSimple", "ins", "moveTo", "customXml", "bdo", "dir")
) | {w("sdt"), SDT_CONTENT}
_BLOCK_WRAPPERS = frozenset({w("sdt"), SDT_CONTENT, w("customXml")})

_HEADING_NAME = re.compile(r"Heading [1-9]|Title")
_CHINA = timezone(timedelta(hours=8))
_RECOVERED = "正文的 XML 结构有误，已尽量读取，个别段落可能缺失或错位"
_TRUNCATED = (
    "Word 文件不完整（缺少压缩包目录，通常是下载未完成或复制中断），为避免导入残缺的报告，已拒绝导入。"
    "请重新获取完整的原文件。"
)
_PARTIAL = "文件已损坏，仅读取了部分内容：{}。请核对或向报送单位重新获取完整的原文件。"


def read_docx(data: bytes) -> ExtractedDocument:
    """Extract the text and layout facts of a .docx, or refuse it with a Chinese message."""
    try:
        with safe_zip.SafeZip(data) as archive:
            # sniff_format calls a zip a .docx only when it holds word/document.xml, and Word, WPS
            # and LibreOffice all use these part names, so relationships are not followed.
            document, styles, core = (archive.read(name) for name in _PARTS)
    except safe_zip.UnreadableZip as error:
        # A partial download could be read in part, but a report silently missing its end is
        # worse than a refusal: the reviewer asks for the whole file instead.
        raise ImportRefused("damaged", _TRUNCATED) from error
    if document is None:
        message = "Word 文件不完整：缺少正文部分（word/document.xml），无法读取。请重新获取原文件。"
        raise ImportRefused("damaged", message)
    root, recovered = _parse_document(document)
    result = _extract(root, _optional_xml(styles), _optional_xml(core), [])
    if recovered:
        if not result.text.strip():
            raise ImportRefused("damaged", DAMAGED_MESSAGE)
        result.warnings.append(_PARTIAL.format(_RECOVERED))
    return result


# --- parts --------------------------------------------------------------------------------------


def _parse_part(data: bytes, recover: bool = False) -> Element | None:
    if _STRICT_W in data:  # "Strict Open XML" names the same elements in another namespace
        data = data.replace(_STRICT_W, WORD_NS.encode())
    return safe_zip.parse_xml(data, recover)


def _optional_xml(data: bytes | None) -> Element | None:
    """A part that only adds facts (styles, properties): unreadable means absent."""
    try:
        return None if data is None else _parse_part(data)
    except XML_ERRORS:
        return None


def _parse_document(data: bytes) -> tuple[Element, bool]:
    """The main part's root, and whether lxml's recover mode had to repair it."""
    for recover in (False, True):
        try:
            root = _parse_part(data, recover)
        except XML_ERRORS:
            continue
        if root is not None:
            return root, recover
    raise ImportRefused("damaged", DAMAGED_MESSAGE)


# --- text ---------------------------------------------------------------------------------------


@dataclass
class _Para:
    look: Look
    centered: bool
    heading: bool
    pieces: list[str] = field(default_factory=list)
    bold: bool | None = None
    """Bold of the first run with visible text: true for a bold paragraph and for a run-in heading."""
    size: float | None = None
    boxes: list[Element] = field(default_factory=list)
    """Text boxes anchored in the paragraph; their paragraphs follow it."""


def _children(parent: Element, tag: str) -> Iterator[Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, tag)


def _text_boxes(parent: Element, found: list[Element]) -> None:
    for child in parent:
        if child.tag == TXBX:
            found.append(child)
        elif child.tag == ALTERNATE:
            # Choice and Fallback carry the same text box twice; read only the first choice.
            for choice in child.iterchildren(CHOICE):
                _text_boxes(choice, found)
                break
        elif child.tag != FALLBACK:
            _text_boxes(child, found)


def _lines_of(text: str) -> str:
    """The text without blank lines (a paragraph may end in a line break)."""
    if "\n" not in text:
        return text if text.strip() else ""
    return "\n".join(line for line in text.split("\n") if line.strip())


class _Collector:
    """Walks the body in document order and makes one line per paragraph or table row."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.texts: list[str] = []
        self.blocks: list[Block] = []
        self._position = 0

    def emit(self, text: str, kind: BlockKind, para: _Para | None, bold: bool, size: float | None) -> None:
        end = self._position + len(text)
        style, centered = (para.look.name, para.centered) if para is not None else (None, False)
        self.blocks.append(Block(self._position, end, kind, style, bold, centered, size))
        self.texts.append(text)
        self._position = end + 1  # the "\n" between lines

    def blocks_of(self, parent: Element, cell: list[_Para] | None = None) -> None:
        """Emit the paragraphs and tables of ``parent``; inside a table cell, gather them in ``cell``."""
        for child in parent:
            if child.tag == P:
                para = self.paragraph(child)
                if cell is not None:
                    cell.append(para)
                elif text := _lines_of("".join(para.pieces)):
                    kind: BlockKind = "heading" if para.heading else "paragraph"
                    self.emit(text, kind, para, bool(para.bold), para.size)
                for box in para.boxes:
                    self.blocks_of(box, cell)
            elif child.tag == TBL:
                self.table(child, cell)
            elif child.tag in _BLOCK_WRAPPERS:
                self.blocks_of(child, cell)

    def table(self, table: Element, outer: list[_Para] | None) -> None:
        for row in _children(table, TR):
            cells = list(_children(row, TC))
            if outer is not None or len(cells) == 1:
                # A nested table flattens into its outer cell. A one-cell row is a frame (版记, a
                # boxed note, a whole report laid out in a table): its paragraphs stay lines.
                for cell in cells:
                    self.blocks_of(cell, outer)
                continue
            texts: list[str] = []
            paras: list[_Para] = []
            for cell in cells:
                found: list[_Para] = []
                self.blocks_of(cell, found)
                flat = ("".join(p.pieces).replace("\t", " ").replace("\n", " ").strip() for p in found)
                texts.append(" ".join(text for text in flat if text))
                paras.extend(found)
            if (line := "\t".join(texts)).strip():
                bold = next((p.bold for p in paras if p.bold is not None), False)
                size = max((p.size for p in paras if p.size is not None), default=None)
                self.emit(line, "table_row", None, bold, size)

    def paragraph(self, element: Element) -> _Para:
        props = element.find(PPR)
        look = self.styles.paragraph(val(props, w("pStyle")))
        direct = look_of(props, None, look.name).under(look)
        heading = direct.outline is not None and direct.outline < 9
        heading = heading or bool(direct.name and _HEADING_NAME.fullmatch(direct.name))
        para = _Para(direct, direct.centered is True, heading)
        self.inline(element, para)
        return para

    def inline(self, parent: Element, para: _Para) -> None:
        for child in parent:
            tag = child.tag
            if tag == R:
                self.run(child, para)
            elif tag in _INLINE_WRAPPERS:
                self.inline(child, para)
            elif tag == ALTERNATE:
                for choice in child.iterchildren(CHOICE):
                    self.inline(choice, para)
                    break
            elif tag in _MATH_ZONES:
                para.pieces.append("".join(t.text or "" for t in child.iter(_MATH + "t")))

    def run(self, run: Element, para: _Para) -> None:
        props = run.find(RPR)
        if flag(props, w("vanish")):
            return  # hidden text is not shown in Word
        start = len(para.pieces)
        for child in run:
            tag = child.tag
            if tag == T:
                # Word shows a raw newline inside w:t as a space; only w:br breaks the line.
                para.pieces.append((child.text or "").replace("\r", " ").replace("\n", " "))
            elif tag == BR:
                if child.get(TYPE) in (None, "textWrapping"):  # page and column breaks add nothing
                    para.pieces.append("\n")
            elif tag in _RUN_TEXT:
                para.pieces.append(_RUN_TEXT[tag])
            elif tag in _GRAPHICS:
                _text_boxes(child, para.boxes)
            elif tag == RUBY:  # phonetic guide: the base text only
                for base in child.iterchildren(RUBY_BASE):
                    self.inline(base, para)
        if len(para.pieces) == start:
            return
        char = self.styles.chain(val(props, w("rStyle")))
        size = font_size(props) or char.size or para.look.size
        if size is not None and (para.size is None or size > para.size):
            para.size = size
        if para.bold is None and "".join(para.pieces[start:]).strip():
            bold = flag(props, w("b"))
            para.bold = bool(
                bold if bold is not None else char.bold if char.bold is not None else para.look.bold
            )


# --- assembly -----------------------------------------------------------------------------------


def _extract(
    root: Element, styles: Element | None, core: Element | None, warnings: list[str]
) -> ExtractedDocument:
    body = root.find(BODY)
    if body is None:
        raise ImportRefused("damaged", "Word 文件已损坏：找不到正文内容，无法读取。请重新获取原文件。")
    collector = _Collector(Styles(styles))
    collector.blocks_of(body)
    text = "\n".join(collector.texts)
    return ExtractedDocument("docx", text, collector.blocks, [], _metadata(core), warnings)


_CORE_FIELDS = {
    "{http://purl.org/dc/elements/1.1/}title": "title",
    "{http://purl.org/dc/elements/1.1/}creator": "author",
    "{http://purl.org/dc/terms/}created": "created_date",
    "{http://purl.org/dc/terms/}modified": "modified_date",
}


def _metadata(core: Element | None) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for child in () if core is None else core:
        key, value = _CORE_FIELDS.get(child.tag), (child.text or "").strip()[:500]
        if key is not None and value:
            if key.endswith("_date"):
                value = _iso_date(value) or ""
            if value:
                metadata[key] = value
    return metadata


def _iso_date(value: str) -> str | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            # Word stores UTC; the reports are written in China, where 2024-11-20T17:00Z is the 21st.
            moment = moment.astimezone(_CHINA)
    except (ValueError, OverflowError):
        return None
    return moment.date().isoformat()
