"""Plain-text import: encoding detection, binary refusal, line blocks, speed on large files."""

from __future__ import annotations

import codecs
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import ImportRefused
from desktop.core.importers import read_document
from desktop.core.importers.txt_reader import decode_text, read_txt
from tests.conftest import corpus_path

REPORT = "湘乡市应急管理局2024年度法治建设工作报告\n一、2024年法治建设工作情况\n（一）明确法治建设责任。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + REPORT.encode("utf-32-le"), "utf-32-le"),
        (codecs.BOM_UTF32_BE + REPORT.encode("utf-32-be"), "utf-32-be"),
        (REPORT.encode("utf-8"), "utf-8"),
        (REPORT.encode("gb2312"), "gb18030"),
        (REPORT.encode("gbk"), "gb18030"),
        ("㐀䶵，鿐".encode("gb18030") + REPORT.encode("gb18030"), "gb18030"),
    ],
)
def test_encodings_are_detected_and_the_bom_removed(data: bytes, encoding: str) -> None:
    text, found = decode_text(data)
    assert found == encoding
    assert text.endswith(REPORT)
    assert not text.startswith("\ufeff")


def test_bomless_utf16_is_recognised() -> None:
    text, encoding = decode_text("2024 年 1 月 5 日 report 报告\n".encode("utf-16-le"))
    assert (text, encoding) == ("2024 年 1 月 5 日 report 报告\n", "utf-16-le")


def test_fallback_detects_other_chinese_encodings() -> None:
    traditional = "湘鄉市應急管理局年度法治建設工作報告，全面貫徹落實黨的二十屆三中全會精神。" * 4
    text, encoding = decode_text(traditional.encode("big5"))
    assert text == traditional
    assert encoding.startswith("big5")


def test_line_ends_are_normalised_and_a_nul_is_marked_as_damage() -> None:
    text, _ = decode_text("第一行\r\n第二\x00行\r第三行\n".encode())
    assert text == "第一行\n第二\ufffd行\n第三行\n"
    document = read_txt("第一行\r\n第二\x00行\r第三行\n".encode())
    assert document.warnings and "第 2 行" in document.warnings[0]


def test_text_is_kept_as_is_and_blocks_are_non_empty_lines() -> None:
    data = "  标题 \n\n第一段开头，\n  第一段续行。\n \t\n".encode()
    document = read_txt(data)
    assert document.format == "txt"
    assert document.text == "  标题 \n\n第一段开头，\n  第一段续行。\n \t\n"
    assert [document.text[b.start : b.end] for b in document.blocks] == [
        "  标题 ",
        "第一段开头，",
        "  第一段续行。",
    ]
    assert all(block.kind == "paragraph" for block in document.blocks)
    assert document.metadata == {"encoding": "utf-8"}


def test_empty_input_gives_empty_text() -> None:
    assert read_txt(b"").text == ""


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x00\x01\x02\x03\x04\x05" * 100,
        "é".encode("latin-1") * 50 + b"\x81\x8d\x8f" * 50,
    ],
)
def test_binary_garbage_is_refused(data: bytes) -> None:
    with pytest.raises(ImportRefused) as caught:
        read_txt(data)
    assert caught.value.code == "binary"
    assert "文字" in caught.value.message


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_text_or_a_clean_refusal(data: bytes) -> None:
    try:
        document = read_txt(data)
    except ImportRefused as refused:
        assert refused.code == "binary"
    else:
        assert "\r" not in document.text and "\x00" not in document.text


_CHINESE_TEXT = st.text(
    alphabet=st.sampled_from("法治政府建设年度报告应急管理局，。；、（）“”《》0123456789 abcXYZ\n"),
    min_size=1,
)


@given(_CHINESE_TEXT, st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_chinese_text_round_trips(text: str, encoding: str) -> None:
    # Plain "utf-16" writes a BOM; ASCII-only text reads the same as UTF-8.
    assert decode_text(text.encode(encoding))[0] == text


@pytest.mark.corpus
def test_corpus_gb18030_report() -> None:
    data = corpus_path("reports", "xiangxiang_2024.gb18030.txt").read_bytes()
    document = read_txt(data)
    assert document.metadata["encoding"] == "gb18030"
    assert document.text.startswith("湘乡市应急管理局")
    assert "\r" not in document.text
    assert "（一）" in document.text
    assert len(document.blocks) == document.text.strip().count("\n") + 1


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["heshan_2024.txt", "kaiping_2025.txt", "xiangxiang_2024.txt"])
def test_corpus_utf8_seeds_are_kept_byte_for_byte(name: str) -> None:
    data = corpus_path("reports", name).read_bytes()
    document = read_txt(data)
    assert document.metadata["encoding"] == "utf-8"
    assert document.text == data.decode("utf-8").replace("\r\n", "\n")


@pytest.mark.corpus
def test_corpus_binary_and_empty_are_refused() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_txt(corpus_path("bad", "binary.txt").read_bytes())
    assert caught.value.code == "binary"
    with pytest.raises(ImportRefused) as caught:
        read_document(corpus_path("bad", "empty.txt").read_bytes(), "empty.txt")
    assert caught.value.code == "empty"


@pytest.mark.corpus
def test_corpus_huge_file_is_decoded_quickly() -> None:
    data = corpus_path("bad", "huge.txt").read_bytes()
    started = time.perf_counter()
    document = read_txt(data)
    elapsed = time.perf_counter() - started
    assert document.text.startswith("鹤山市应急管理局")
    assert elapsed < 2.0  # typically ~0.4 s; generous for slow CI machines
    with pytest.raises(ImportRefused) as caught:
        read_document(data, "huge.txt")
    assert caught.value.code == "text_too_long"
