#!/usr/bin/env python3
"""Build ``memo_template.docx``, the built-in template of the review memo (审查意见), deterministically.

GB/T 9704-2012 layout: A4; margins top 37, bottom 35, left 28, right 26 mm (text block 156 × 225 mm);
22 lines × 28 characters a page (a 28.95 pt line grid, 三号 text condensed by 0.25 pt);
page numbers ``— N —`` in 宋体 四号, odd pages right and even pages left, one character in; the
paragraph styles of :data:`STYLES` (the names the renderer uses, ``memo_docx.STYLE_NAMES``); and one
marker paragraph where the memo goes. Fixed dates and zip timestamps: rebuilding gives the same bytes.

Usage::

    .venv/bin/python resources/templates/build_memo_template.py [OUT.docx]
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core.export.memo_docx import (  # noqa: E402  (needs the checkout on sys.path)
    CHAR,
    LATIN,
    MARKER,
    STYLE_NAMES,
    font_properties,
    set_run_fonts,
    w_element,
)
from resources.samples.build_samples import normalize_zip  # noqa: E402  (same deterministic zip)

OUT = Path(__file__).resolve().parent / "memo_template.docx"

# twips (1 mm = 56.7 twips, 1 pt = 20 twips)
PAGE_W, PAGE_H = 11906, 16838  # A4
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2098, 1984, 1587, 1474  # 37/35/28/26 mm
HEADER_DIST, FOOTER_DIST = 850, 1417  # the page number sits about 7 mm under the text block
LINE_PITCH = 579  # 225 mm / 22 lines = 28.95 pt
# A line grid only: 28 characters a line come from the styles' condensed spacing (memo_docx.TRACKING).
# A character grid (type linesAndChars, charSpace −842) gives 28 in Word but makes LibreOffice put
# every character into two cells (about 14 a line).
BODY_FONT, BODY_SIZE = "仿宋_GB2312", 16
FIXED_TIME = datetime(2025, 1, 1, 0, 0, 0)
KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
"""Built-in styles Word expects; the rest of python-docx's default template is dropped (size)."""
TRACKING = -5
"""Character spacing of 三号 text in twips: 28 × (16 pt − 0.25 pt) fits the 156 mm line, 29 do not.
Word's character grid (``charSpace``) would do the same, but LibreOffice then gives each character
two grid cells; condensing works alike in Word, WPS and LibreOffice."""


@dataclass(frozen=True)
class StyleSpec:
    east_asia: str
    latin: str
    size: float
    """Points: 22 二号, 16 三号, 14 四号."""
    align: str
    line: int
    """Exact line spacing in twips (579 = 28.95 pt: 22 lines on the 225 mm text block)."""
    alias: str
    """The Chinese name Word shows beside the style name."""
    first_line: bool = False
    keep_next: bool = False
    outline: int | None = None
    snap: bool = True
    """Snap to the document grid; off for lines of another size, which the grid would spread."""
    tracking: int = 0


def _text(east_asia: str, align: str, alias: str, **more: Any) -> StyleSpec:
    """A 三号 style on the 22 × 28 grid."""
    return StyleSpec(east_asia, LATIN, BODY_SIZE, align, LINE_PITCH, alias, tracking=TRACKING, **more)


STYLES: dict[str, StyleSpec] = {
    "MemoTitle": StyleSpec(
        "方正小标宋简体", "方正小标宋简体", 22, "center", 700, "审查意见标题", keep_next=True, snap=False
    ),
    "MemoAddressee": _text(BODY_FONT, "both", "主送机关"),
    "MemoBody": _text(BODY_FONT, "both", "审查意见正文", first_line=True),
    "MemoHeading1": _text("黑体", "both", "一级标题", first_line=True, keep_next=True, outline=0),
    "MemoHeading2": _text("楷体_GB2312", "both", "二级标题", first_line=True, keep_next=True, outline=1),
    "MemoSignature": _text(BODY_FONT, "right", "署名和日期"),
    "MemoTableHeader": StyleSpec("黑体", LATIN, 14, "center", 360, "表头", snap=False),
    "MemoTableText": StyleSpec(BODY_FONT, LATIN, 14, "center", 360, "表格文字", snap=False),
    "MemoPageNumber": StyleSpec("宋体", "宋体", 14, "right", 400, "页码", snap=False),
}
assert tuple(STYLES) == STYLE_NAMES


def define_style(doc: Any, name: str, spec: StyleSpec) -> Any:
    """Add paragraph style ``name`` laid out as ``spec``."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    element = style.element
    element.find(qn("w:name")).addnext(w_element("w:aliases", val=spec.alias))
    style.quick_style = True
    ppr = element.get_or_add_pPr()
    for child in list(ppr):
        ppr.remove(child)
    if spec.keep_next:
        ppr.append(w_element("w:keepNext"))
    ppr.append(w_element("w:widowControl", val="0"))  # fill every page to 22 lines, as printed 公文 do
    if not spec.snap:
        ppr.append(w_element("w:snapToGrid", val="0"))
    ppr.append(w_element("w:spacing", before="0", after="0", line=str(spec.line), lineRule="exact"))
    if spec.first_line:
        ppr.append(w_element("w:ind", firstLine=str(2 * CHAR), firstLineChars="200"))
    ppr.append(w_element("w:jc", val=spec.align))
    if spec.outline is not None:
        ppr.append(w_element("w:outlineLvl", val=str(spec.outline)))
    rpr = element.get_or_add_rPr()
    for child in list(rpr):
        rpr.remove(child)
    for child in font_properties(spec.east_asia, spec.latin, spec.size):
        rpr.append(child)
    if spec.tracking:
        rpr.find(qn("w:sz")).addprevious(w_element("w:spacing", val=str(spec.tracking)))  # schema order
    return style


def _drop_extra_parts(doc: Any) -> None:
    # Word 2010 styles copy, a customXml item and a thumbnail: not needed, and most of the size.
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            doc.part.drop_rel(rel_id)
    package_rels = doc.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(rel_id)


def _base_styles(doc: Any) -> None:
    from docx.oxml.ns import qn

    root = doc.styles.element
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEEP_STYLES:
            root.remove(style)
    for latent in root.findall(qn("w:latentStyles")):
        root.remove(latent)
    # Defaults and Normal: 仿宋 三号, because the grid's character pitch is counted from Normal's size.
    defaults = root.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    for child in font_properties(BODY_FONT, LATIN, BODY_SIZE):
        rpr.append(child)
    rpr.append(w_element("w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(ppr):
        ppr.remove(child)
    ppr.append(w_element("w:spacing", before="0", after="0", line=str(LINE_PITCH), lineRule="exact"))
    ppr.append(w_element("w:jc", val="both"))
    normal = doc.styles["Normal"].element.get_or_add_rPr()
    for child in list(normal):
        normal.remove(child)
    for child in font_properties(BODY_FONT, LATIN, BODY_SIZE):
        normal.append(child)
    for name, spec in STYLES.items():
        define_style(doc, name, spec)


def _page(doc: Any) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Twips

    section = doc.sections[0]
    section.page_width, section.page_height = Twips(PAGE_W), Twips(PAGE_H)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    section.header_distance, section.footer_distance = Twips(HEADER_DIST), Twips(FOOTER_DIST)
    section.gutter = Twips(0)
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(old)
    grid = w_element("w:docGrid", type="lines", linePitch=str(LINE_PITCH))
    sect_pr.append(grid)  # docGrid is the last child of w:sectPr that python-docx writes
    doc.settings.odd_and_even_pages_header_footer = True
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _page_number(doc, section.footer, "right")
    _page_number(doc, section.even_page_footer, "left")


def _page_number(doc: Any, footer: Any, align: str) -> None:
    """``— N —`` with a PAGE field, one character (14 pt) in from the outer edge."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    spec = STYLES["MemoPageNumber"]
    paragraph = footer.paragraphs[0]
    paragraph.style = doc.styles["MemoPageNumber"]
    paragraph.paragraph_format.alignment = (
        WD_ALIGN_PARAGRAPH.RIGHT if align == "right" else WD_ALIGN_PARAGRAPH.LEFT
    )
    if align == "right":
        paragraph.paragraph_format.right_indent = Pt(spec.size)
    else:
        paragraph.paragraph_format.left_indent = Pt(spec.size)

    def run(text: str | None = None, field: str | None = None, instruction: str | None = None) -> None:
        r = paragraph.add_run()
        set_run_fonts(r, spec.east_asia, spec.latin, spec.size)
        if text is not None:
            r.text = text
        elif instruction is not None:
            code = w_element("w:instrText")
            code.text = instruction
            code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r._r.append(code)
        else:
            r._r.append(w_element("w:fldChar", fldCharType=field or "begin"))

    run("— ")
    run(field="begin")
    run(instruction=" PAGE ")
    run(field="separate")
    run("1")
    run(field="end")
    run(" —")


def build() -> bytes:
    import docx

    doc = docx.Document()
    _drop_extra_parts(doc)
    _base_styles(doc)
    _page(doc)
    marker = doc.add_paragraph(style="MemoBody")
    spec = STYLES["MemoBody"]
    set_run_fonts(marker.add_run(MARKER), spec.east_asia, spec.latin, spec.size)
    props = doc.core_properties
    props.title, props.subject = "审查意见模板", "审查意见"
    props.author = props.last_modified_by = "ReviewDesk"
    props.keywords = props.comments = props.category = ""
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT
    data = build()
    out.write_bytes(data)
    print(f"{out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
