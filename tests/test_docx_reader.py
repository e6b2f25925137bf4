"""The .docx importer: text order and layout facts, and refusal of damaged or hostile files.

Most tests build their .docx with python-docx so they mean something without the corpus; the corpus
tests (real reports, hostile files in bad/) are skipped when ../shared/corpus is absent.
"""

from __future__ import annotations

import json
import random
import re
import socket
import struct
import time
import tracemalloc
import warnings
import zipfile
from collections.abc import Callable
from datetime import datetime
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import ImportRefused
from desktop.core.importers.docx_reader import read_docx
from desktop.core.importers.model import Block, ExtractedDocument
from desktop.core.importers.safe_zip import is_unsafe_name
from desktop.core.importers.safe_zip import parse_xml as safe_parse_xml
from desktop.core.limits import MAX_ZIP_ENTRIES
from tests.conftest import corpus_path

CHINESE = re.compile(r"[\u4e00-\u9fff]")
_HOSTNAME_FILE = Path("/etc/hostname")
HOSTNAME = _HOSTNAME_FILE.read_text().strip() if _HOSTNAME_FILE.exists() else socket.gethostname()
W_NS = nsdecls("w")


# --- helpers ------------------------------------------------------------------------------------


def build(fill: Callable[[docx.document.Document], object]) -> bytes:
    document = docx.Document()
    fill(document)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(
    data: bytes,
    replace: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
    extra: tuple[tuple[str, bytes], ...] = (),
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """The same package with some parts replaced, dropped or added."""
    replace = replace or {}
    source = zipfile.ZipFile(BytesIO(data))
    out = BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", compression) as target:
        warnings.simplefilter("ignore")  # duplicate names are written on purpose
        for info in source.infolist():
            if info.filename not in drop:
                target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, content in extra:
            target.writestr(name, content)
    return out.getvalue()


def part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(BytesIO(data)).read(name)


def simple(*texts: str) -> bytes:
    """A .docx of plain paragraphs."""
    return build(lambda document: [document.add_paragraph(text) for text in texts])


def lines(result: ExtractedDocument) -> list[str]:
    return result.text.split("\n")


def block_at(result: ExtractedDocument, needle: str) -> tuple[str, Block]:
    for block in result.blocks:
        if needle in result.text[block.start : block.end]:
            return result.text[block.start : block.end], block
    raise AssertionError(f"no block holds {needle!r}")


def refused(data: bytes) -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        read_docx(data)
    assert CHINESE.search(caught.value.message), caught.value.message
    return caught.value


def check_blocks(result: ExtractedDocument) -> None:
    """Blocks tile the text line by line: in order, no overlap, no empty lines anywhere."""
    position = 0
    for block in result.blocks:
        assert block.start == position, (block, position)
        assert block.end > block.start
        position = block.end + 1
    assert position - 1 == len(result.text) or not result.blocks
    assert all(line.strip() for line in lines(result)) or not result.text


def paragraph_xml(inner: str) -> object:
    return parse_xml(f"<w:p {W_NS}>{inner}</w:p>")


def append_xml(document: docx.document.Document, inner: str) -> None:
    document.element.body.insert(len(document.element.body) - 1, paragraph_xml(inner))


# --- text in document order ---------------------------------------------------------------------


def test_paragraph_table_paragraph_keep_their_order() -> None:
    def fill(document: docx.document.Document) -> None:
        document.add_paragraph("前言段落")
        table = document.add_table(rows=2, cols=3)
        for r, row in enumerate([["指标", "2023年", "2024年"], ["检查企业", "1200家", "1300家"]]):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        document.add_paragraph("结尾段落")

    result = read_docx(build(fill))
    assert lines(result) == ["前言段落", "指标\t2023年\t2024年", "检查企业\t1200家\t1300家", "结尾段落"]
    assert [b.kind for b in result.blocks] == ["paragraph", "table_row", "table_row", "paragraph"]
    check_blocks(result)


def test_nested_table_is_flattened_into_its_cell_and_one_cell_rows_stay_lines() -> None:
    def fill(document: docx.document.Document) -> None:
        outer = document.add_table(rows=1, cols=2)
        outer.cell(0, 0).text = "外层"
        inner = outer.cell(0, 1).add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "内层甲"
        inner.cell(0, 1).text = "内层乙"
        frame = document.add_table(rows=1, cols=1)
        frame.cell(0, 0).text = "抄送：市委依法治市办。"
        frame.cell(0, 0).add_paragraph("鹤山市应急管理局办公室")

    result = read_docx(build(fill))
    assert lines(result) == ["外层\t内层甲 内层乙", "抄送：市委依法治市办。", "鹤山市应急管理局办公室"]
    assert [b.kind for b in result.blocks] == ["table_row", "paragraph", "paragraph"]


def test_breaks_tabs_and_empty_paragraphs() -> None:
    def fill(document: docx.document.Document) -> None:
        title = document.add_paragraph()
        title.add_run("鹤山市应急管理局关于2024年").add_break()
        title.add_run("法治政府建设情况的报告")
        document.add_paragraph("")
        document.add_paragraph("   ")
        paged = document.add_paragraph("第一页末尾")
        paged.add_run().add_break(WD_BREAK.PAGE)
        paged.add_run("续")
        tabbed = document.add_paragraph("姓名")
        tabbed.add_run().add_tab()
        tabbed.add_run("职务")
        trailing = document.add_paragraph("末尾换行")
        trailing.add_run().add_break()

    result = read_docx(build(fill))
    assert lines(result) == [
        "鹤山市应急管理局关于2024年",
        "法治政府建设情况的报告",
        "第一页末尾续",
        "姓名\t职务",
        "末尾换行",
    ]
    assert result.text.count("\n") == 4
    first = result.blocks[0]
    assert result.text[first.start : first.end] == "鹤山市应急管理局关于2024年\n法治政府建设情况的报告"
    check_blocks(result)


def test_links_fields_smart_tags_and_insertions_are_read_but_deletions_are_not() -> None:
    def fill(document: docx.document.Document) -> None:
        append_xml(
            document,
            '<w:r><w:t xml:space="preserve">详见</w:t></w:r>'
            '<w:hyperlink w:anchor="x"><w:r><w:t>政府网站</w:t></w:r></w:hyperlink>'
            "<w:ins w:id='1' w:author='a'><w:r><w:t>（新增）</w:t></w:r></w:ins>"
            "<w:del w:id='2' w:author='a'><w:r><w:delText>删除的字</w:delText></w:r></w:del>"
            "<w:smartTag w:uri='u' w:element='date'><w:r><w:t>11月21日</w:t></w:r></w:smartTag>"
            "<w:fldSimple w:instr='PAGE'><w:r><w:t>3</w:t></w:r></w:fldSimple>"
            "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>DATE</w:instrText></w:r>"
            "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>2024年</w:t></w:r>"
            "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>",
        )

    assert read_docx(build(fill)).text == "详见政府网站（新增）11月21日32024年"


def test_text_box_is_read_once_after_its_paragraph() -> None:
    box = (
        "<w:r><mc:AlternateContent xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006'>"
        "<mc:Choice Requires='wps'><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p>"
        "</w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r>"
    )
    result = read_docx(build(lambda document: append_xml(document, box)))
    assert lines(result) == ["正文", "文本框内容"]


def test_headers_and_footers_are_left_out() -> None:
    def fill(document: docx.document.Document) -> None:
        document.sections[0].footer.paragraphs[0].text = "— 1 —"
        document.sections[0].header.paragraphs[0].text = "页眉文字"
        document.add_paragraph("正文")

    assert read_docx(build(fill)).text == "正文"


# --- layout facts -------------------------------------------------------------------------------


def test_bold_from_runs_styles_and_character_styles() -> None:
    def fill(document: docx.document.Document) -> None:
        document.add_paragraph().add_run("整段加粗").bold = True
        run_in = document.add_paragraph()
        run_in.add_run("一是强化学习。").bold = True
        run_in.add_run("全局干部参加学法考试。")
        middle = document.add_paragraph("（一）明确责任。")
        middle.add_run("四是提升素质。").bold = True
        strong = document.styles.add_style("报告加粗", WD_STYLE_TYPE.PARAGRAPH)
        strong.base_style = document.styles["Normal"]
        strong.font.bold = True
        derived = document.styles.add_style("报告加粗派生", WD_STYLE_TYPE.PARAGRAPH)
        derived.base_style = strong
        document.add_paragraph("样式加粗", style=derived)
        document.add_paragraph(style=strong).add_run("样式加粗但直接取消").bold = False
        emphasis = document.styles.add_style("要点", WD_STYLE_TYPE.CHARACTER)
        emphasis.font.bold = True
        document.add_paragraph().add_run("字符样式加粗", style=emphasis)
        document.add_paragraph().add_run("   ").bold = False
        document.paragraphs[-1].add_run("空白后加粗").bold = True

    result = read_docx(build(fill))
    flags = {result.text[b.start : b.end]: b.bold for b in result.blocks}
    assert flags == {
        "整段加粗": True,
        "一是强化学习。全局干部参加学法考试。": True,
        "（一）明确责任。四是提升素质。": False,
        "样式加粗": True,
        "样式加粗但直接取消": False,
        "字符样式加粗": True,
        "   空白后加粗": True,
    }


def test_style_names_headings_centring_and_font_size() -> None:
    def fill(document: docx.document.Document) -> None:
        document.add_heading("年度报告", level=0)
        document.add_heading("一、主要举措和成效", level=1)
        centred = document.add_paragraph()
        centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
        centred.add_run("鹤山市应急管理局").font.size = Pt(16)
        centred.add_run("关于2024年").font.size = Pt(22)
        document.add_paragraph("正文")

    result = read_docx(build(fill))
    title, heading, centred, body = result.blocks
    assert (title.style, title.kind) == ("Title", "heading")
    assert (heading.style, heading.kind) == ("Heading 1", "heading")
    assert heading.font_size == 14  # from the Heading 1 style of python-docx's template
    assert centred.centered and not body.centered and not heading.centered
    assert centred.font_size == 22
    assert (body.style, body.kind, body.font_size) == ("Normal", "paragraph", 11)


def test_core_properties_become_metadata() -> None:
    def fill(document: docx.document.Document) -> None:
        document.add_paragraph("正文")
        properties = document.core_properties
        properties.title = "2024年法治政府建设年度报告"
        properties.author = "Administrator"
        properties.created = datetime(2024, 11, 20, 17, 0)  # stored as UTC: the 21st in China
        properties.modified = datetime(2024, 11, 22, 1, 30)

    assert read_docx(build(fill)).metadata == {
        "title": "2024年法治政府建设年度报告",
        "author": "Administrator",
        "created_date": "2024-11-21",
        "modified_date": "2024-11-22",
    }


# --- the corpus ---------------------------------------------------------------------------------

FIRST_LINES = {
    "heshan_2024": ["鹤山市应急管理局关于2024年", "法治政府建设情况的报告", "中共鹤山市委、鹤山市人民政府："],
    "heshan_2023": ["鹤山市应急管理局关于2023年", "法治政府建设情况的报告", "中共鹤山市委、鹤山市人民政府："],
    "xiangxiang_2024": ["湘乡市应急管理局2024年度", "法治建设工作报告"],
    "kaiping_2025": ["开平市应急管理局2025年", "法治政府建设年度报告"],
}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(FIRST_LINES))
def test_corpus_report_reads_in_order(name: str) -> None:
    result = read_docx(corpus_path("reports", f"{name}.docx").read_bytes())
    expected = FIRST_LINES[name]
    assert lines(result)[: len(expected)] == expected
    title = result.blocks[0]
    assert title.centered and title.font_size == 22
    assert result.text[title.start : title.end] == "\n".join(expected[:2])
    assert result.metadata["author"] == "Administrator"
    assert not result.warnings
    check_blocks(result)


@pytest.mark.corpus
@pytest.mark.parametrize("name,date", [("heshan_2024", "2024年11月21日"), ("heshan_2023", "2023年11月17日")])
def test_heshan_ends_with_signature_date_and_record_table(name: str, date: str) -> None:
    result = read_docx(corpus_path("reports", f"{name}.docx").read_bytes())
    tail = lines(result)[-5:]
    assert tail[:2] == ["鹤山市应急管理局", date]
    assert tail[-3:] == ["公开方式：主动公开", "抄送：市委依法治市办。", f"鹤山市应急管理局办公室\t{date}印"]
    assert result.blocks[-1].kind == "table_row"
    assert result.metadata["created_date"] == "-".join(f"{int(n):02d}" for n in re.findall(r"\d+", date))


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["heshan_2024", "xiangxiang_2024", "kaiping_2025"])
def test_gold_headings_are_lines_and_gold_quotes_are_in_the_text(name: str) -> None:
    result = read_docx(corpus_path("reports", f"{name}.docx").read_bytes())
    gold = json.loads(corpus_path("gold", f"{name}.json").read_text(encoding="utf-8"))
    text_lines = set(lines(result))
    assert [s["heading"] for s in gold["sections"] if s["heading"] not in text_lines] == []
    assert [m["quote"] for m in gold["metrics"] if m["quote"] not in result.text] == []


@pytest.mark.corpus
def test_xiangxiang_bold_runs_are_read_but_only_opening_bold_flags_a_block() -> None:
    data = corpus_path("reports", "xiangxiang_2024.docx").read_bytes()
    result = read_docx(data)
    # Its 11 bold spans (the ** of the seed) all sit inside paragraphs, after a non-bold （一） heading
    # or lead-in, so by the Block contract (bold as a whole, or opening bold) no block is bold.
    assert part(data, "word/document.xml").count(b"<w:b/>") == 11
    text, block = block_at(result, "四是提升执法人员素质。")
    assert text.startswith("（一）明确法治建设责任") and not block.bold
    assert not any(b.bold for b in result.blocks)
    # Bold on the opening （一） run flags the block: run properties are honoured.
    opening = '<w:sz w:val="32"/></w:rPr><w:t>（一）明确法治建设责任，强化理论学习。</w:t>'.encode()
    xml = part(data, "word/document.xml")
    assert xml.count(opening) == 1
    xml = xml.replace(opening, b"<w:b/>" + opening)
    _, block = block_at(read_docx(rezip(data, {"word/document.xml": xml})), "四是提升执法人员素质。")
    assert block.bold


# --- damaged and hostile files ------------------------------------------------------------------


@pytest.mark.corpus
def test_xxe_is_refused_fast_and_never_reads_the_file() -> None:
    data = corpus_path("bad", "xxe.docx").read_bytes()
    started = time.perf_counter()
    error = refused(data)
    assert time.perf_counter() - started < 1
    assert error.code == "unsafe_xml"
    assert "外部实体" in error.message
    assert HOSTNAME not in error.message


@pytest.mark.corpus
def test_billion_laughs_is_refused_fast_without_memory() -> None:
    data = corpus_path("bad", "billion_laughs.docx").read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        error = refused(data)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.code == "unsafe_xml"
    assert elapsed < 1
    assert peak < 20 * 1024 * 1024


@pytest.mark.corpus
def test_zipbomb_is_refused_fast_without_inflating() -> None:
    data = corpus_path("bad", "zipbomb.docx").read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        error = refused(data)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.code == "zip_bomb"
    assert elapsed < 5
    assert peak < 20 * 1024 * 1024


@pytest.mark.corpus
def test_zipbomb_cut_short_is_refused() -> None:
    data = corpus_path("bad", "zipbomb.docx").read_bytes()
    assert refused(data[: len(data) // 2]).code in ("zip_bomb", "damaged")


@pytest.mark.corpus
def test_truncated_download_is_refused_rather_than_read_in_part() -> None:
    error = refused(corpus_path("bad", "truncated.docx").read_bytes())
    assert error.code == "damaged"
    assert "不完整" in error.message and "重新获取" in error.message


@pytest.mark.corpus
def test_not_zip_is_refused_as_damaged() -> None:
    error = refused(corpus_path("bad", "not_zip.docx").read_bytes())
    assert error.code == "damaged"


@pytest.mark.corpus
def test_not_a_report_reads_fine() -> None:
    result = read_docx(corpus_path("bad", "not_a_report.docx").read_bytes())
    assert lines(result)[:2] == ["开平市应急管理局关于召开全市2025年", "安全生产工作会议的通知"]
    assert not result.warnings


def test_cut_inside_document_xml_is_refused() -> None:
    text = "".join(random.Random(0).choices("安全生产监督检查执法隐患整改培训宣传应急管理法治政府", k=40_000))
    data = simple(*(f"第{i}段：{text[i * 200 : i * 200 + 200]}" for i in range(200)))
    info = zipfile.ZipFile(BytesIO(data)).getinfo("word/document.xml")
    for share in (0.0, 0.1, 0.5, 0.9):
        cut = info.header_offset + 60 + int(info.compress_size * share)
        assert refused(data[:cut]).code == "damaged"


def test_malformed_document_xml_is_recovered_with_a_warning() -> None:
    data = simple("第一段", "第二段")
    xml = part(data, "word/document.xml").replace(b"</w:body>", b"").replace(b"</w:document>", b"<w:p>")
    result = read_docx(rezip(data, {"word/document.xml": xml}))
    assert lines(result) == ["第一段", "第二段"]
    assert result.warnings and "XML 结构有误" in result.warnings[0]


def test_missing_document_xml_and_garbage_document_xml_are_damaged() -> None:
    data = simple("正文")
    assert refused(rezip(data, drop=("word/document.xml",))).code == "damaged"
    assert refused(rezip(data, {"word/document.xml": b"\x00\x01 not xml"})).code == "damaged"
    assert refused(rezip(data, {"word/document.xml": b"<a/>"})).code == "damaged"


def test_broken_styles_or_properties_only_lose_layout_facts() -> None:
    data = simple("正文")
    result = read_docx(rezip(data, {"word/styles.xml": b"<w:styles", "docProps/core.xml": b"garbage"}))
    assert result.text == "正文" and result.blocks[0].style is None and result.metadata == {}


@pytest.mark.parametrize("name", ["word/document.xml", "word/styles.xml", "docProps/core.xml"])
def test_any_dtd_in_a_part_we_parse_is_refused(name: str) -> None:
    data = simple("正文")
    original = part(data, name)
    declaration = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
    hostile = original.replace(
        declaration, declaration + b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
    )
    assert hostile != original
    assert refused(rezip(data, {name: hostile})).code == "unsafe_xml"


def test_dtd_in_a_utf16_part_is_refused() -> None:
    data = simple("正文")
    xml = part(data, "word/document.xml").decode("utf-8")
    dtd = "<!DOCTYPE w:document [<!ENTITY a 'b'>]>"
    xml = xml.replace("encoding='UTF-8' standalone='yes'?>", "encoding='UTF-16'?>" + dtd)
    assert refused(rezip(data, {"word/document.xml": xml.encode("utf-16")})).code == "unsafe_xml"
    plain = part(data, "word/document.xml").decode("utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
    assert read_docx(rezip(data, {"word/document.xml": plain.encode("utf-16")})).text == "正文"


def test_parse_xml_never_expands_entities() -> None:
    with pytest.raises(ImportRefused):
        safe_parse_xml(b'<!doctype a [<!entity x "y">]><a>&x;</a>')
    root = safe_parse_xml(b"<a>&amp;&#x4e2d;</a>")
    assert root is not None and root.text == "&中"


def test_unsafe_and_duplicate_entry_names_are_refused() -> None:
    data = simple("正文")
    for name in ("../evil.txt", "word/../../evil.txt", "/etc/cron.d/x", "C:/windows/x", "..\\evil"):
        assert is_unsafe_name(name)
        assert refused(rezip(data, extra=((name, b"x"),))).code == "damaged"
    assert not is_unsafe_name("word/media/image..1.png")
    assert refused(rezip(data, extra=(("word/document.xml", b"<w:document/>"),))).code == "damaged"


def test_too_many_entries_is_a_zip_bomb() -> None:
    data = simple("正文")
    many = tuple((f"customXml/x{i}.xml", b"") for i in range(MAX_ZIP_ENTRIES))
    assert refused(rezip(data, extra=many)).code == "zip_bomb"


def _bomb(data: bytes, megabytes: int) -> bytes:
    """``data`` with word/document.xml replaced by ``megabytes`` MB of well-compressing XML."""
    out = BytesIO(rezip(data, drop=("word/document.xml",)))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        f = archive.open("word/document.xml", "w")
        f.write(part(data, "word/document.xml").split(b"<w:body>")[0] + b"<w:body>")
        chunk = b"<w:p/>" * (1024 * 1024 // 6)
        for _ in range(megabytes):
            f.write(chunk)
        f.close()
    return out.getvalue()


def _declare_size(data: bytes, name: str, size: int) -> bytes:
    """Make the local header and the central directory both claim ``size`` inflated bytes."""
    buffer = bytearray(data)
    struct.pack_into("<I", buffer, zipfile.ZipFile(BytesIO(data)).getinfo(name).header_offset + 22, size)
    position = buffer.find(b"PK\x01\x02")
    while position >= 0:
        length = struct.unpack_from("<H", buffer, position + 28)[0]
        if buffer[position + 46 : position + 46 + length] == name.encode():
            struct.pack_into("<I", buffer, position + 24, size)
        position = buffer.find(b"PK\x01\x02", position + 4)
    return bytes(buffer)


def test_declared_size_and_ratio_limits() -> None:
    data = simple("正文")
    big = _bomb(data, 80)  # declares 80 MB: more than one entry may hold
    assert refused(big).code == "zip_bomb"
    dense = _bomb(data, 2)  # 2 MB of <w:p/> compress about 1000:1
    assert refused(dense).code == "zip_bomb"


def test_bomb_that_understates_its_size_is_stopped_without_inflating() -> None:
    data = simple("正文")
    liar = _declare_size(_bomb(data, 80), "word/document.xml", 4096)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        error = refused(liar)
        elapsed, peak = time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.code == "damaged"  # zipfile stops at the declared size and the checksum fails
    assert elapsed < 5 and peak < 20 * 1024 * 1024


# --- random damage ------------------------------------------------------------------------------

_SMALL_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W_NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
<w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>
<w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>
</w:styles>""".encode()


def _small_docx(compression: int) -> bytes:
    def fill(document: docx.document.Document) -> None:
        document.add_heading("鹤山市应急管理局2024年法治政府建设情况的报告", level=1)
        document.add_paragraph("中共鹤山市委、鹤山市人民政府：")
        run_in = document.add_paragraph()
        run_in.add_run("一是强化学习。").bold = True
        run_in.add_run("全年组织学法12次。")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "检查企业", "1300家"
        document.add_paragraph("2024年11月21日")

    drop = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "word/theme/theme1.xml")
    return rezip(build(fill), {"word/styles.xml": _SMALL_STYLES}, drop=drop, compression=compression)


SMALL = {"stored": _small_docx(zipfile.ZIP_STORED), "deflated": _small_docx(zipfile.ZIP_DEFLATED)}


def test_small_docx_used_for_fuzzing_reads() -> None:
    for data in SMALL.values():
        result = read_docx(data)
        assert lines(result)[0] == "鹤山市应急管理局2024年法治政府建设情况的报告"
        heading = result.blocks[0]
        assert heading.kind == "heading" and heading.bold and heading.centered and heading.font_size == 22
        assert "检查企业\t1300家" in lines(result)


def _outcome(data: bytes) -> None:
    try:
        result = read_docx(data)
    except ImportRefused as error:
        assert error.code in {"damaged", "zip_bomb", "unsafe_xml", "encrypted"}
        assert CHINESE.search(error.message)
        return
    assert isinstance(result, ExtractedDocument)
    check_blocks(result)


_MUTATIONS = st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8)
_FUZZ = settings(max_examples=50, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(kind=st.sampled_from(sorted(SMALL)), mutations=_MUTATIONS, cut=st.none() | st.integers(min_value=0))
def test_random_byte_damage_only_ever_refuses(
    kind: str, mutations: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(SMALL[kind])
    for position, value in mutations:
        data[position % len(data)] = value
    _outcome(bytes(data[: cut % len(data)] if cut is not None else data))


@_FUZZ
@given(mutations=_MUTATIONS, cut=st.none() | st.integers(min_value=0))
def test_random_xml_damage_only_ever_refuses(mutations: list[tuple[int, int]], cut: int | None) -> None:
    base = SMALL["deflated"]
    xml = bytearray(part(base, "word/document.xml"))
    for position, value in mutations:
        xml[position % len(xml)] = value
    if cut is not None:
        xml = xml[: cut % len(xml)]
    _outcome(rezip(base, {"word/document.xml": bytes(xml)}))
