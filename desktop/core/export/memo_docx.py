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
from collections.abc import Callable
from datetime import date, datetime, time
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.export.memo_content import (
    MemoData,
    MemoError,
    chinese_date,
    gather_memo,
    short_quote,
)
from desktop.core.resources import resource
from desktop.core.text.headings import numeral_text

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

    def table(self, header: list[str], rows: list[list[str]], widths_mm: list[float]) -> Any:
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Mm

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
            if index == 0:
                row._tr.get_or_add_trPr().append(w_element("w:tblHeader"))  # repeat on each page
            for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                cell.width = Mm(widths_mm[column])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
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


def compose(w: DocWriter, data: MemoData, *, signer: str | None, addressee: str | None, today: date) -> None:
    """The memo, in order: title, 主送, opening, parts 一 to 六, then the reviewer and the date."""
    w.para(data.memo_title, "MemoTitle")
    w.para("", "MemoAddressee")  # one blank line under the title
    w.para(f"{(addressee or data.agency or '报送单位').strip().rstrip('：:')}：", "MemoAddressee")
    dated = f"（{chinese_date(data.report_date)}）" if data.report_date else ""
    w.para(f"你单位报送的《{data.report_title}》{dated}收悉。经审查，现提出如下意见：")
    for number, (heading, part) in enumerate(_PARTS, 1):
        w.para(f"{numeral_text(number)}、{heading}", "MemoHeading1")
        part(w, data, today)
    w.para("", "MemoSignature")
    date_text = chinese_date(today)
    name = signer or "（审阅人）"
    # 成文日期右空四字; the name is centred over the date.
    w.para(name, "MemoSignature", right_chars=4 + max(0.0, (_width(date_text) - _width(name)) / 2))
    w.para(date_text, "MemoSignature", right_chars=4)


def _basics(w: DocWriter, data: MemoData, today: date) -> None:
    generated = "（原文未见规范标题，此为按标准名称拟定）" if data.title_generated else ""
    dates = [
        ("落款日期", data.report_date),
        ("成文日期", data.written_date),
        ("公开日期", data.published_date),
    ]
    shown = [
        f"{label}：{chinese_date(d) if d else '未注明'}" for label, d in dates if d or label != "成文日期"
    ]
    for line in (
        f"报告单位：{data.agency or '未能识别'}。",
        f"报告年度：{f'{data.year}年度' if data.year else '未能识别'}。",
        f"报告标题：《{data.report_title}》{generated}。",
        "；".join(shown) + "。",
        f"报送文件：{data.source_name}。",
        *data.timeliness,
    ):
        w.para(line)


def _structure(w: DocWriter, data: MemoData, today: date) -> None:
    missing = data.missing_labels
    if missing:
        w.para(f"经核对，报告缺少“{'”“'.join(missing)}”，请予补充。各部分情况如下：")
    else:
        w.para("经核对，报告具备法治政府建设年度报告要求的各项必备内容。各部分情况如下：")
    for index, part in enumerate(data.parts, 1):
        if part.present:
            state = f"具备（见“{short_quote(part.heading)}”）" if part.heading else "具备"
        else:
            state = "缺失" if part.required else "未单列（可根据实际情况报告）"
        w.para(f"{index}.{part.label}：{state}。")


def _figures(w: DocWriter, data: MemoData, today: date) -> None:
    w.para("（一）主要数据同比变化", "MemoHeading2")
    if not data.figures:
        w.para("报告中未识别出可比较的主要数据。")
    elif data.prior_id is None:
        w.para("资料库中没有该单位上一年度的报告，无法进行同比比较。本年度报告的主要数据如下：")
        w.table(["指标", "本年"], [[f.label, f.current or "—"] for f in data.figures], [96, 60])
    else:
        w.para(f"与该单位{data.prior_year}年度报告相比，主要数据变化如下（数值按报告原文摘录）：")
        rows = [[f.label, f.prior or "—", f.current or "—", f.change] for f in data.figures]
        w.table(["指标", "上年", "本年", "同比变化"], rows, [58, 26, 26, 46])
    w.para("（二）数据一致性核查", "MemoHeading2")
    if not data.checks:
        w.para("经核对，未发现比率与数量、合计与分项、同比变化与上年数据之间的矛盾。")
        return
    w.para("经核对，以下数据存在疑点，请核实并更正或在报告中说明：")
    for index, check in enumerate(data.checks, 1):
        w.para(f"{index}.{_sentence(check)}")


def _problems(w: DocWriter, data: MemoData, today: date) -> None:
    count = 0
    for group in data.findings:
        count += 1
        w.para(f"（{numeral_text(count)}）关于{group.place}", "MemoHeading2")
        for index, category in enumerate(group.categories, 1):
            w.para(f"{index}.{category.label}")
            for number, f in enumerate(category.findings, 1):
                w.para(
                    f"（{number}）原文“{short_quote(f.quote)}”（{f.severity_label}）。{_sentence(f.comment)}"
                )
    if data.orphans:
        w.para(f"（{numeral_text(count + 1)}）无法定位的批注", "MemoHeading2")
        w.para("以下批注所指的原文在报告更新后已无法定位，现照录批注时的引文，请核对：")
        for index, f in enumerate(data.orphans, 1):
            state = f"，{f.status_label}" if f.resolved else ""
            about = f"（{f.category_label}，{f.severity_label}{state}）"
            w.para(f"{index}.原文“{short_quote(f.quote)}”{about}。{_sentence(f.comment)}")
    if not data.findings and not data.orphans:
        w.para("审阅中未标注具体问题。")
    if data.resolved_count:
        w.para(f"另有{data.resolved_count}条批注已标记为已处理，未列入以上问题。")


def _carried(w: DocWriter, data: MemoData, today: date) -> None:
    if data.prior_id is None:
        w.para("资料库中没有该单位上一年度的报告，无法比对沿用往年内容的情况。")
        return
    share = f"约{data.carried_over:.0%}" if data.carried_over is not None else "部分"
    w.para(f"与该单位{data.prior_year}年度报告比对，全文{share}的句子与上年相同或几乎相同。")
    for index, message in enumerate(data.carried_flags, 1):
        w.para(f"{index}.{_sentence(''.join(message.split()))}")
    if data.carried_flags:
        w.para("存在的不足和下一年度安排应结合本年度实际重新查摆、研究部署，不宜沿用往年表述，请予修改。")
    else:
        w.para("“存在的不足和原因”“下一年度主要安排”部分未发现大段沿用往年内容的情况。")


def _conclusion(w: DocWriter, data: MemoData, today: date) -> None:
    lines = [line.strip() for line in data.conclusion.splitlines() if line.strip()]
    for line in lines or ["（审阅人尚未填写总体意见）"]:
        w.para(line)
    advice = []
    if data.missing_labels or data.finding_count or data.orphans or data.checks or data.carried_flags:
        advice.append("请对照上述意见修改完善报告。")
    if data.year and today <= date(data.year + 1, 4, 1):
        deadline = chinese_date(date(data.year + 1, 4, 1))
        advice.append(f"年度报告应于{deadline}前通过报刊、网站等方式向社会公开（涉及国家秘密的除外）。")
    if advice:
        w.para("".join(advice))


_PARTS: tuple[tuple[str, Callable[[DocWriter, MemoData, date], None]], ...] = (
    ("基本情况", _basics),
    ("报告结构完整性", _structure),
    ("主要数据及同比变化", _figures),
    ("存在的问题", _problems),
    ("沿用往年内容情况", _carried),
    ("总体意见和建议", _conclusion),
)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？；…）”" else text + "。"


def _width(text: str) -> float:
    """Width in characters: Latin letters and digits take half a 三号 character."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


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
