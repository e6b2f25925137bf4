"""The review memo (审查意见) as a Word file laid out after GB/T 9704-2012, from a replaceable template.

The template (``resources/templates/memo_template.docx``, or ``memo_template.docx`` in the
ReviewDesk data folder, or one given explicitly) carries the page setup, the footers with page
numbers, any letterhead, and the paragraph styles named in :data:`STYLE_NAMES`. The memo is
written where the template's marker paragraph (:data:`MARKER`) stands, so what an office puts before
or after it (letterhead, 抄送 lines) is kept. Styles a template lacks are copied from the built-in one.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, time
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.export.memo_content import (
    MemoData,
    MemoError,
    gather_memo,
)
from desktop.core.export.memo_text import compose
from desktop.core.resources import resource

TEMPLATE_NAME = "memo_template.docx"
MARKER = "{{MEMO_BODY}}"
LATIN = "Times New Roman"
CHAR = 320
"""One 三号 (16 pt) character in twips: indents are whole characters."""


STYLE_NAMES = (
    "MemoTitle", "MemoAddressee", "MemoBody", "MemoHeading1", "MemoHeading2", "MemoSignature",
    "MemoTableHeader", "MemoTableText", "MemoPageNumber",
)  # fmt: skip
"""Paragraph styles the memo uses; their layout is defined once, in build_memo_template.py."""


def w_element(tag: str, **attrs: str) -> Any:
    """A ``w:`` element with ``w:`` attributes, e.g. ``w_element("w:jc", val="center")``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def font_properties(east_asia: str, latin: str, size: float) -> list[Any]:
    """``w:rFonts`` (East Asian font explicitly: Word's font name sets only ascii/hAnsi) and sizes."""
    half_points = str(round(size * 2))
    fonts = w_element("w:rFonts", ascii=latin, hAnsi=latin, eastAsia=east_asia, cs=latin, hint="eastAsia")
    return [fonts, w_element("w:sz", val=half_points), w_element("w:szCs", val=half_points)]


def set_run_fonts(run: Any, east_asia: str, latin: str, size: float) -> None:
    """Give one run its fonts and size directly, replacing whatever it had."""
    from docx.oxml.ns import qn

    rpr = run._r.get_or_add_rPr()
    for tag in ("w:rFonts", "w:sz", "w:szCs"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    fonts, sz, sz_cs = font_properties(east_asia, latin, size)
    rpr.insert(0, fonts)  # rFonts leads w:rPr; sz/szCs follow b, i, color… in schema order
    rpr.append(sz)
    rpr.append(sz_cs)


def ensure_styles(doc: Any) -> None:
    """Copy the memo styles a template lacks from the built-in template (an office's bare letterhead)."""
    import copy

    import docx

    missing = [name for name in STYLE_NAMES if name not in {style.name for style in doc.styles}]
    if not missing:
        return
    with resource("templates", TEMPLATE_NAME).open("rb") as handle:
        built_in = docx.Document(io.BytesIO(handle.read()))
    for name in missing:
        doc.styles.element.append(copy.deepcopy(built_in.styles[name].element))


def style_fonts(doc: Any, name: str) -> tuple[str, str, float]:
    """(East Asian font, Latin font, size) of a style, following ``basedOn``: runs repeat them
    explicitly, so the template's fonts win while every run still names its East Asian font."""
    from docx.oxml.ns import qn

    east, latin, size = None, None, None
    style = doc.styles[name]
    while style is not None and (east is None or latin is None or size is None):
        rpr = style.element.rPr
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is not None:
            east = east or fonts.get(qn("w:eastAsia"))
            latin = latin or fonts.get(qn("w:ascii"))
        if size is None and style.font.size is not None:
            size = style.font.size.pt
        style = style.base_style
    return east or "仿宋_GB2312", latin or LATIN, size or 16.0


def user_template_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("ReviewDesk", appauthor=False)


def find_template(template: str | Path | None = None, user_folder: Path | None = None) -> Path | Traversable:
    """An explicit template, else ``memo_template.docx`` in the data folder, else the built-in one."""
    if template is not None:
        path = Path(template)
        if not path.is_file():
            raise MemoError(f"找不到审查意见模板“{path}”。")
        return path
    folder = user_folder if user_folder is not None else user_template_folder()
    if (folder / TEMPLATE_NAME).is_file():
        return folder / TEMPLATE_NAME
    return resource("templates", TEMPLATE_NAME)


def open_template(source: Path | Traversable) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with source.open("rb") as handle:
            doc = docx.Document(io.BytesIO(handle.read()))
    except (OSError, ValueError, KeyError, SyntaxError, zipfile.BadZipFile, PackageNotFoundError) as error:
        raise MemoError(f"无法打开审查意见模板“{source}”：{error}。模板应为 Word（.docx）文件。") from error
    ensure_styles(doc)
    return doc


class DocWriter:
    """Inserts paragraphs and tables before the marker paragraph, every run with explicit fonts."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        found = next((p for p in doc.paragraphs if p.text.strip() == MARKER), None)
        self.marker = found if found is not None else doc.add_paragraph(MARKER)
        self._fonts: dict[str, tuple[str, str, float]] = {}

    def fonts(self, style: str) -> tuple[str, str, float]:
        if style not in self._fonts:
            self._fonts[style] = style_fonts(self.doc, style)
        return self._fonts[style]

    def run(self, paragraph: Any, text: str, style: str) -> Any:
        run = paragraph.add_run(text)
        set_run_fonts(run, *self.fonts(style))
        return run

    def para(self, text: str, style: str = "MemoBody", *, right_chars: float | None = None) -> Any:
        from docx.shared import Twips

        paragraph = self.marker.insert_paragraph_before(style=style)
        if text:
            self.run(paragraph, text, style)
        if right_chars is not None:
            paragraph.paragraph_format.right_indent = Twips(round(right_chars * CHAR))
        return paragraph

    def table(
        self,
        header: list[str],
        rows: list[list[str]],
        widths_mm: list[float],
        keep_whole: Sequence[int] = (),
    ) -> Any:
        """A table as wide as ``widths_mm`` together; the ``keep_whole`` columns (figures) are made
        as wide as their longest text so that a figure never wraps inside its cell, and the first
        column (the labels, which may wrap) takes the rest."""
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Mm

        if keep_whole:
            size = self.fonts("MemoTableText")[2]
            widths_mm = fit_columns([header, *rows], widths_mm, keep_whole, size)

        table = self.doc.add_table(rows=0, cols=len(header))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        width = tbl_pr.find(qn("w:tblW"))
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(round(Mm(sum(widths_mm)).twips)))
        borders = w_element("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(w_element(f"w:{edge}", val="single", sz="4", space="0", color="000000"))
        margins = w_element("w:tblCellMar")
        for edge in ("left", "right"):
            margins.append(w_element(f"w:{edge}", w="57", type="dxa"))  # 1 mm: figures stay on one line
        # Explicit borders (an office template need not carry "Table Grid"), in schema order.
        layout = tbl_pr.find(qn("w:tblLayout"))
        layout.addprevious(borders)
        layout.addnext(margins)
        for index, values in enumerate([header, *rows]):
            row = table.add_row()
            row._tr.get_or_add_trPr().append(w_element("w:cantSplit"))  # a row never breaks across pages
            if index == 0:
                row._tr.get_or_add_trPr().append(w_element("w:tblHeader"))  # repeat on each page
            for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                cell.width = Mm(widths_mm[column])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                if column in keep_whole:
                    cell._tc.get_or_add_tcPr().append(w_element("w:noWrap"))
                paragraph = cell.paragraphs[0]
                style = "MemoTableHeader" if index == 0 else "MemoTableText"
                paragraph.style = self.doc.styles[style]
                if index and column == 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                self.run(paragraph, value, style)
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        self.marker._p.addprevious(table._tbl)
        return table

    def finish(self) -> None:
        self.marker._p.getparent().remove(self.marker._p)


_MM_PER_POINT = 25.4 / 72
CELL_PADDING_MM = 2.0 + 1.5
"""The cell's left and right margins (1 mm each, see ``w:tblCellMar``) and a little slack for
rounding in the word processor's own measurement."""
MIN_LABEL_MM = 24.0


_LATIN_EMS = {**dict.fromkeys("0123456789", 0.64), "+": 0.84, "%": 0.95, ".": 0.32, ",": 0.32, " ": 0.32}
"""Widths of the half-width characters figures use, in ems, of the widest Latin font a memo may be
set in: Times New Roman's digits are 0.5 em, but a machine without it substitutes a wider one
(DejaVu Serif: 0.64), and a figure must not wrap there either."""


def text_width_mm(text: str, size_pt: float) -> float:
    """Width of ``text`` set at ``size_pt``: full-width and East Asian ambiguous characters (``−``,
    ``％``: runs carry the East Asian font hint) take a whole em, half-width ones
    :data:`_LATIN_EMS` (0.7 em when not listed)."""
    import unicodedata

    ems = sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else _LATIN_EMS.get(ch, 0.7) for ch in text)
    return ems * size_pt * _MM_PER_POINT


def fit_columns(
    rows: Sequence[Sequence[str]], widths_mm: Sequence[float], keep_whole: Sequence[int], size_pt: float
) -> list[float]:
    """Column widths (same total as ``widths_mm``) where every ``keep_whole`` column fits its longest
    text on one line; the first column gets what is left (at least :data:`MIN_LABEL_MM`)."""
    total = sum(widths_mm)
    widths = list(widths_mm)
    for column in keep_whole:
        longest = max(text_width_mm(row[column], size_pt) for row in rows)
        widths[column] = round(longest + CELL_PADDING_MM, 1)
    others = [c for c in range(len(widths)) if c not in keep_whole]
    spare = total - sum(widths[c] for c in keep_whole)
    if others:
        share = max(MIN_LABEL_MM, spare) / len(others)
        for column in others:
            widths[column] = round(share, 1)
    return widths


def render_memo(
    data: MemoData,
    out_path: str | Path,
    *,
    reviewer: str | None = None,
    addressee: str | None = None,
    template: str | Path | None = None,
    today: date | None = None,
    user_folder: Path | None = None,
) -> Path:
    """Write ``data`` as a .docx at ``out_path`` (replaced atomically) and return the path."""
    out = _check_target(Path(out_path))
    today = today or date.today()
    signer = (reviewer or data.reviewer or "").strip() or None
    doc = open_template(find_template(template, user_folder))
    writer = DocWriter(doc)
    compose(writer, data, signer=signer, addressee=addressee, today=today)
    writer.finish()
    stamp = datetime.combine(today, time())
    props = doc.core_properties
    props.title, props.subject = data.memo_title, "审查意见"
    props.author = props.last_modified_by = signer or "ReviewDesk"
    props.created = props.modified = stamp
    props.revision = 1
    from desktop.core.export.privacy import scrub_document

    scrub_document(doc, signer or "ReviewDesk")  # no traces of whoever made the template
    _save(doc, out)
    return out


def export_memo(
    session: Session,
    report_id: int,
    out_path: str | Path,
    *,
    reviewer: str | None = None,
    addressee: str | None = None,
    template: str | Path | None = None,
    today: date | None = None,
) -> Path:
    """The review memo of ``report_id`` as a .docx; :class:`MemoError` (Chinese message) on failure."""
    _check_target(Path(out_path))  # before the work: a wrong path should fail fast
    data = gather_memo(session, report_id)
    return render_memo(data, out_path, reviewer=reviewer, addressee=addressee, template=template, today=today)


def _check_target(out: Path) -> Path:
    if out.suffix.lower() != ".docx":
        raise MemoError(f"审查意见应保存为 .docx 文件，而不是“{out.name}”。")
    if out.is_dir():
        raise MemoError(f"“{out}”是一个文件夹，请给出文件名，例如 审查意见.docx。")
    if not out.parent.is_dir():
        raise MemoError(f"无法保存审查意见：文件夹“{out.parent}”不存在。")
    return out


def _save(doc: Any, out: Path) -> None:
    # Written beside the target, then renamed: a failure never leaves half a memo or clobbers the old one.
    temp = out.with_name(f".{out.stem}.{os.getpid()}.tmp.docx")
    try:
        doc.save(str(temp))
        os.replace(temp, out)
    except OSError as error:
        raise MemoError(
            f"无法写入“{out}”：{error.strerror or error}。请确认该文件夹可写，且文件未在 Word/WPS 中打开。"
        ) from error
    finally:
        temp.unlink(missing_ok=True)
