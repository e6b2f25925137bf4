"""PDF importer: paragraphs rebuilt from layout, page furniture removed, hostile files refused.

Synthetic PDFs are written byte by byte here (a non-embedded Adobe-GB1 CJK font, which pdfium
maps to Unicode without needing the font file), so most tests run without the corpus.
"""

from __future__ import annotations

import difflib
import itertools
import re
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from desktop.core.errors import ImportRefused
from desktop.core.importers import pdf_reader, read_document, worker
from desktop.core.importers.model import Edit, ExtractedDocument
from desktop.core.importers.pdf_reader import _is_furniture_text, read_pdf, shutdown_worker
from desktop.core.importers.pdf_worker import garble_reason
from tests.conftest import ROOT, corpus_path

WS = re.compile(r"\s+")

# --- helpers --------------------------------------------------------------------------------


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    out: list[str] = []
    pos = 0
    for edit in edits:
        assert edit.start >= pos, f"overlapping or unsorted edit {edit}"
        assert edit.end <= len(text)
        out.append(text[pos : edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def paragraphs(document: ExtractedDocument) -> list[str]:
    return [WS.sub("", p) for p in apply_edits(document.text, document.edits).split("\n") if p.strip()]


def check_invariants(document: ExtractedDocument) -> None:
    assert document.format == "pdf"
    previous_end = 0
    for edit in document.edits:
        assert 0 <= edit.start < edit.end <= len(document.text)
        assert edit.start >= previous_end
        previous_end = edit.end
    for a, b in itertools.pairwise(document.blocks):
        assert a.end < b.start
    for block in document.blocks:
        assert 0 <= block.start < block.end <= len(document.text)
        assert block.page is not None and block.page >= 1


_TYPE0 = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
    b"/DescendantFonts [4 0 R] >>"
)
_CID = (
    b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
    b"<< /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>"
)
_IDENTITY_TYPE0 = _TYPE0.replace(b"/UniGB-UCS2-H", b"/Identity-H")
_IDENTITY_CID = _CID.replace(b"(GB1) /Supplement 4", b"(Identity) /Supplement 0").replace(
    b"CIDFontType0", b"CIDFontType2"
)
_DESCRIPTOR = (
    b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 880] "
    b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
)

Run = tuple[float, float, float, str]
"""``(x, baseline y, font size, text)`` of one text run on an A4 page."""


def make_pdf(
    pages: list[list[Run]],
    info: bytes | None = None,
    identity_font: bool = False,
    extra_kid: bytes | None = None,
    extra_stream: bytes | None = None,
) -> bytes:
    """A minimal PDF: one CJK font (every glyph 1 em wide), one content stream per page."""
    fonts = [_IDENTITY_TYPE0, _IDENTITY_CID] if identity_font else [_TYPE0, _CID]
    objects = [b"", b"", *fonts, _DESCRIPTOR]
    kids: list[int] = []
    for runs in pages:
        ops = []
        for x, y, size, text in runs:
            if identity_font:  # raw glyph ids and no ToUnicode: a garbled text layer
                code = "".join(f"{0x0F00 + (ord(c) % 3000):04X}" for c in text).encode()
            else:
                code = text.encode("utf-16-be").hex().upper().encode()
            ops.append(b"BT /F1 %g Tf %g %g Td <%s> Tj ET" % (size, x, y, code))
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (len(objects))
        )
        kids.append(len(objects))
    if extra_stream is not None:  # one more page with this (Flate-compressed) content stream
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream"
            % (len(extra_stream), extra_stream)
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>" % len(objects)
        )
        kids.append(len(objects))
    if extra_kid is not None:
        objects.append(extra_kid)
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    trailer_info = b""
    if info is not None:
        objects.append(info)
        trailer_info = b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_info,
        xref,
    )
    return bytes(out)


LEFT, CHARS, PITCH, SIZE = 80.0, 28, 29.0, 16.0


def official_layout(
    paras: list[str], footer: str = "— {n} —", header: str | None = None, per_page: int = 12
) -> list[list[Run]]:
    """Lay paragraphs out like GB/T 9704: 28 characters a line, a 2-character first-line indent,
    ``per_page`` lines a page, a page number at the foot and optionally a running header."""
    lines: list[tuple[float, str]] = []
    for text in paras:
        x, width = LEFT + 2 * SIZE, CHARS - 2
        while text:
            lines.append((x, text[:width]))
            text = text[width:]
            x, width = LEFT, CHARS
    pages: list[list[Run]] = []
    for n, first in enumerate(range(0, len(lines), per_page), 1):
        runs: list[Run] = []
        if header:
            runs.append((LEFT, 790.0, 10.5, header))
        for row, (x, text) in enumerate(lines[first : first + per_page]):
            runs.append((x, 720.0 - row * PITCH, SIZE, text))
        label = footer.format(n=n)
        runs.append((297.0 - 7 * len(label) / 2, 60.0, 14.0, label))
        pages.append(runs)
    return pages


BODY = [
    "2024年，市应急管理局坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和"
    "二十届三中全会精神，围绕中央、省、市关于建设法治政府的工作目标，立足高质量发展。",
    "一、主要举措和成效",
    "一是坚持政治引领。召开三次专题会议，深入学习贯彻党的二十届三中全会精神、省委十三届五次全会"
    "精神、江门市委十四届七次全会精神和鹤山市委十三届七次全会精神，提出贯彻落实意见；组织全体干部"
    "职工参加学习贯彻党的二十届三中全会精神网上专题培训班，以全会精神为指引，推动应急管理法治观念"
    "入心入脑。",
    "二是压实学法之责。制定普法责任清单、领导干部应知应会党内法规和法律法规月度学考计划。",
]

# --- synthetic PDFs (no corpus needed) --------------------------------------------------------


def test_synthetic_report_paragraphs_titles_and_page_numbers() -> None:
    title = [
        (132.5, 760.0, 22.0, "鹤山市应急管理局关于2024年"),
        (176.5, 725.0, 22.0, "法治政府建设情况的报告"),
    ]
    pages = official_layout(BODY, per_page=8)
    pages[0] = title + [(x, y - 40.0, s, t) for x, y, s, t in pages[0][:-1]] + pages[0][-1:]
    document = read_pdf(make_pdf(pages))
    check_invariants(document)
    assert "— 1 —" in document.text and "— 2 —" in document.text  # the original keeps them
    assert paragraphs(document) == ["鹤山市应急管理局关于2024年法治政府建设情况的报告", *BODY]
    assert len(document.blocks) == len(BODY) + 1
    title_block = document.blocks[0]
    assert title_block.centered and title_block.font_size == 22.0 and title_block.kind == "heading"
    assert [b.page for b in document.blocks] == [1, 1, 1, 1, 2]
    assert not any(b.centered for b in document.blocks[1:])
    assert document.blocks[2].kind == "heading"
    # The paragraph that continues on page 2 spans the removed page number in the original.
    assert "— 1 —" in document.text[document.blocks[3].start : document.blocks[3].end]


@pytest.mark.parametrize(
    "footer", ["— {n} —", "- {n} -", "-{n}-", "{n}", "第 {n} 页 共 3 页", "第{n}页", "{n}/3", "{n} / 3"]
)
def test_page_number_forms_are_removed(footer: str) -> None:
    document = read_pdf(make_pdf(official_layout(BODY, footer=footer, per_page=6)))
    assert paragraphs(document) == BODY
    assert len(document.blocks) == len(BODY)


def test_running_header_is_removed() -> None:
    pages = official_layout(BODY, header="鹤山市应急管理局 法治政府建设情况报告", per_page=4)
    assert len(pages) >= 3
    document = read_pdf(make_pdf(pages))
    assert document.text.count("法治政府建设情况报告") == len(pages)
    assert paragraphs(document) == BODY


def test_furniture_patterns() -> None:
    for text in ("— 3 —", "- 3 -", "-3-", "3", "第3页 共9页", "第 3 页", "3/9", "－ 12 －", "Page 3 of 9"):
        assert _is_furniture_text(text), text
    for text in ("2024年", "一、主要举措和成效", "3 家企业", "11 月 20 日"):
        assert not _is_furniture_text(text), text


def test_two_runs_on_one_line_and_latin_join() -> None:
    # 26 one-em glyphs fill an indented line; the next line continues a pair of Latin words.
    body = [
        (112.0, 720.0, 16.0, "本局今年采用的审阅平台英文名称为ReviewDesk"),
        (80.0, 691.0, 16.0, "software，用于报告审阅。"),
    ]
    assert len(body[0][3]) == 26
    footer_row = [(93.0, 500.0, 14.0, "鹤山市应急管理局办公室"), (370.0, 500.0, 14.0, "2024年11月21日印")]
    document = read_pdf(make_pdf([body + footer_row]))
    lines = document.text.split("\n")
    assert lines[-1] == "鹤山市应急管理局办公室 2024年11月21日印"
    joined = apply_edits(document.text, document.edits).split("\n")
    assert joined[0] == "本局今年采用的审阅平台英文名称为ReviewDesk software，用于报告审阅。"


def test_metadata_from_document_info() -> None:
    info = b"<< /Title (Annual report) /Author (Administrator) /CreationDate (D:20241121093000+08'00') >>"
    document = read_pdf(make_pdf(official_layout(BODY[:1]), info=info))
    assert document.metadata["title"] == "Annual report"
    assert document.metadata["author"] == "Administrator"
    assert document.metadata["created_date"] == "2024-11-21"


def test_garbled_text_layer_is_refused() -> None:
    data = make_pdf(official_layout(BODY), identity_font=True)
    with pytest.raises(ImportRefused) as refused:
        read_pdf(data)
    assert refused.value.code == "garbled"
    assert "乱码" in refused.value.message and "OCR" in refused.value.message


def test_garble_detection() -> None:
    report = "".join(BODY)
    assert garble_reason(report) is None
    assert garble_reason("Annual report on the rule of law, 2024.") is None
    assert garble_reason(report[:200] + "\ue000\ue001\ue002" * 10) is not None
    assert garble_reason("\ufffd" * 20 + report[:100]) is not None
    assert garble_reason("(cid:1234)(cid:88)(cid:901) " * 10) is not None
    assert garble_reason("ÊÐÓ¦¼±¹ÜÀí¾Ö¹ØÓÚ·¨ÖÎÕþ¸®½¨Éè" * 5) is not None  # GBK read as Latin-1
    assert garble_reason(report, map_errors=40, sampled=100) is not None


def test_page_without_text_is_refused_as_scanned() -> None:
    with pytest.raises(ImportRefused) as refused:
        read_pdf(make_pdf([[], []]))
    assert refused.value.code == "scanned"
    assert "扫描件" in refused.value.message and ".docx" in refused.value.message


def test_image_only_page_gives_warning() -> None:
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(make_pdf(official_layout(BODY)))
    page = pdf.new_page(595, 842)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(pdfium.PdfBitmap.new_native(60, 80, pdfium_c.FPDFBitmap_BGR))
    image.set_matrix(pdfium.PdfMatrix().scale(500, 700).translate(40, 60))
    page.insert_obj(image)
    page.gen_content()
    buffer = io.BytesIO()
    pdf.save(buffer)
    document = read_pdf(buffer.getvalue())
    assert paragraphs(document) == BODY
    assert len(document.warnings) == 1
    assert f"第 {len(pdf)} 页只有图片" in document.warnings[0] and "OCR" in document.warnings[0]


def test_unreadable_page_gives_warning() -> None:
    pages = official_layout(BODY)
    data = make_pdf(pages, extra_kid=b"<< /Type /Foo >>")  # a page-tree entry that is no page
    document = read_pdf(data)
    assert paragraphs(document) == BODY
    assert document.warnings == [f"PDF 部分页面无法读取（第 {len(pages) + 1} 页），内容可能不完整。"]


@pytest.mark.parametrize("data", [b"%PDF-1.7\n" + bytes(range(256)) * 40, b"%PDF-1.4\n1 0 obj\n<<"])
def test_garbage_pdf_is_refused_as_damaged(data: bytes) -> None:
    with pytest.raises(ImportRefused) as refused:
        read_pdf(data)
    assert refused.value.code == "damaged"
    assert "损坏" in refused.value.message


def test_read_document_dispatches_pdf() -> None:
    document = read_document(make_pdf(official_layout(BODY)), "报告.pdf")
    assert document.format == "pdf" and paragraphs(document) == BODY


# --- the worker process ----------------------------------------------------------------------


def _worker_pid() -> int:
    pid = worker.current_worker_pid()
    assert pid is not None
    return pid


def _kill_worker() -> None:
    assert worker._worker is not None
    worker._worker.process.kill()
    worker._worker.process.wait()


def test_worker_is_reused_and_restarted_after_being_killed() -> None:
    data = make_pdf(official_layout(BODY))
    read_pdf(data)
    pid = _worker_pid()
    read_pdf(data)
    assert _worker_pid() == pid
    _kill_worker()
    assert paragraphs(read_pdf(data)) == BODY
    assert _worker_pid() != pid


def test_timeout_kills_worker_and_next_call_works() -> None:
    data = make_pdf(official_layout(BODY * 20))
    read_pdf(data)
    assert worker._worker is not None
    process = worker._worker.process
    with pytest.raises(ImportRefused) as refused:
        pdf_reader._run_in_worker(data, timeout=0.0001)
    assert refused.value.code == "timeout" and "超时" in refused.value.message
    assert process.poll() is not None  # killed, not left running
    assert paragraphs(read_pdf(data)) == BODY * 20


def test_concurrent_callers_share_the_worker() -> None:
    data = make_pdf(official_layout(BODY))
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(paragraphs(read_pdf(data)))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors and results == [BODY] * 4


@pytest.mark.slow
def test_memory_cap_stops_a_decompression_bomb() -> None:
    """A page whose content inflates to 2 GiB hits the worker's memory cap: refused, no hang."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 24)
    # After a full flush each identical chunk compresses to identical bytes: repeat them.
    head = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    body = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    bomb = head + body * 127 + compressor.flush()
    data = make_pdf(official_layout(BODY), extra_stream=bomb)
    if sys.platform == "win32":  # no address-space cap there; only the timeout protects
        pytest.skip("RLIMIT_AS is POSIX only")
    started = time.monotonic()
    with pytest.raises(ImportRefused) as refused:
        read_pdf(data)
    assert refused.value.code in ("damaged", "timeout")
    assert time.monotonic() - started < 25
    assert paragraphs(read_pdf(make_pdf(official_layout(BODY)))) == BODY


def test_shutdown_worker_then_restart() -> None:
    data = make_pdf(official_layout(BODY))
    read_pdf(data)
    assert worker._worker is not None
    process = worker._worker.process
    shutdown_worker()
    assert process.poll() is not None and worker._worker is None
    assert paragraphs(read_pdf(data)) == BODY


def test_worker_command_and_no_qt_in_worker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert worker.worker_command()[1:] == ["-m", "desktop.core.importers.worker_process"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker.worker_command() == [sys.executable, "--pdf-worker"]
    monkeypatch.undo()
    probe = (
        "import sys, desktop.core.importers.pdf_worker as w;"
        "assert w.extract(open(sys.argv[1], 'rb').read())['ok'];"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    pdf = tmp_path / "probe.pdf"
    pdf.write_bytes(make_pdf(official_layout(BODY)))
    subprocess.run([sys.executable, "-c", probe, str(pdf)], cwd=ROOT, check=True, timeout=60)


# --- the corpus -------------------------------------------------------------------------------

REPORTS = ["heshan_2024", "heshan_2023", "xiangxiang_2024"]


def _docx_reference(name: str) -> tuple[list[str], set[str]]:
    import docx

    document = docx.Document(str(corpus_path("reports", f"{name}.docx")))
    paras = [WS.sub("", p.text) for p in document.paragraphs if p.text.strip()]
    rows = set()
    for table in document.tables:
        for row in table.rows:
            cells = list(dict.fromkeys(WS.sub("", c.text) for c in row.cells))
            rows.add("".join(cells))
    return paras, rows


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@pytest.mark.corpus
@pytest.mark.parametrize("name", REPORTS)
def test_corpus_paragraphs_match_docx(name: str) -> None:
    document = read_pdf(corpus_path("reports", f"{name}.pdf").read_bytes())
    check_invariants(document)
    expected, table_rows = _docx_reference(name)
    got = paragraphs(document)
    exact = [p for p in expected if p in got]
    # heshan_2023.pdf itself lacks two line-end commas (LibreOffice dropped them on export).
    assert len(exact) >= 0.9 * len(expected)
    for p in expected:
        assert p in got or max(_similarity(p, g) for g in got) >= 0.99, p
    for p in got:  # no paragraph split in two, nothing left over but the 版记 table rows
        assert p in expected or p in table_rows or max(_similarity(p, e) for e in expected) >= 0.99, p
    assert not any(re.fullmatch(r"[—-]*\d+[—-]*", p) for p in got)
    assert "— 1 —" in document.text  # but the original text keeps the page numbers
    assert len(document.blocks) == len(got)
    assert document.metadata["author"] == "Administrator"


@pytest.mark.corpus
def test_corpus_exact_paragraph_rate() -> None:
    total = matched = 0
    for name in REPORTS:
        document = read_pdf(corpus_path("reports", f"{name}.pdf").read_bytes())
        expected, _ = _docx_reference(name)
        got = set(paragraphs(document))
        total += len(expected)
        matched += sum(p in got for p in expected)
    assert matched >= 0.95 * total


@pytest.mark.corpus
def test_corpus_title_and_heading_blocks() -> None:
    document = read_pdf(corpus_path("reports", "heshan_2024.pdf").read_bytes())
    title = document.blocks[0]
    title_text = WS.sub("", document.text[title.start : title.end])
    assert title_text == "鹤山市应急管理局关于2024年法治政府建设情况的报告"
    assert title.centered and title.font_size == 22.0 and title.page == 1
    heading = next(b for b in document.blocks if document.text[b.start : b.end] == "一、主要举措和成效")
    assert heading.bold and heading.kind == "heading" and not heading.centered
    body = document.blocks[2]
    assert not body.bold and body.font_size == 16.0


@pytest.mark.corpus
def test_corpus_encrypted_is_refused() -> None:
    with pytest.raises(ImportRefused) as refused:
        read_pdf(corpus_path("bad", "encrypted.pdf").read_bytes())
    assert refused.value.code == "encrypted"
    assert "加密" in refused.value.message and "索取" in refused.value.message


@pytest.mark.corpus
def test_corpus_scanned_is_refused() -> None:
    with pytest.raises(ImportRefused) as refused:
        read_pdf(corpus_path("bad", "scanned.pdf").read_bytes())
    assert refused.value.code == "scanned"
    assert "文字层" in refused.value.message and "OCR" in refused.value.message


@pytest.mark.corpus
@pytest.mark.parametrize("fraction", [0.4, 0.9])
def test_corpus_truncated_pdf_is_refused_or_warned(fraction: float) -> None:
    data = corpus_path("reports", "heshan_2024.pdf").read_bytes()
    started = time.monotonic()
    try:
        document = read_pdf(data[: int(len(data) * fraction)])
    except ImportRefused as refused:
        assert refused.code in ("damaged", "scanned")
        assert refused.message
    else:
        assert document.warnings
    assert time.monotonic() - started < 20
    assert paragraphs(read_pdf(data))  # the worker survived
