"""One report in several formats: the richest is current whatever the import order, the others are
kept as its versions, and the outcome says which file became current and why. A corrected text is
a new version whatever its format. Also what a multi-file selection says about the files it cannot
import (types, sizes)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from db import models
from db.paths import library_location
from db.session import Library
from desktop.cli import run
from desktop.core.identity_summary import summary_lines
from desktop.core.importing import expand_paths, import_files
from desktop.core.library import list_reports
from desktop.core.limits import MAX_FILE_BYTES
from desktop.core.report_bin import bin_reports
from desktop.core.sizes import too_large_message
from tests.helpers import sample
from tests.version_files import CONFIDENT, report_text, write

FORMATS = ("docx", "html", "txt")


def current_formats(library: Library, agency: str) -> dict[str, tuple[bool, str | None]]:
    """Format → (current, format of the current version it belongs to) for this issuer's reports."""
    from desktop.core.version_carry import current_version

    with library.sessions() as session:
        rows = [r for r in list_reports(session) if r.agency == agency]
        fmt = {r.id: r.source_format for r in rows}
        return {
            r.source_format: (r.current, None if r.current else fmt[current_version(session, r.id)])
            for r in rows
        }


@pytest.mark.parametrize("order", ["folder", "reversed"])
def test_the_word_file_is_current_whatever_the_order(library: Library, tmp_path: Path, order: str) -> None:
    agency = CONFIDENT[0] if order == "folder" else CONFIDENT[2]
    folder = tmp_path / "incoming"
    files = [write(folder, f"report.{fmt}", report_text(agency)) for fmt in FORMATS]
    paths = expand_paths([folder]) if order == "folder" else list(reversed(files))
    outcomes = import_files(library.sessions, paths)
    assert all(o.ok for o in outcomes)
    assert current_formats(library, agency) == {
        "docx": (True, None),
        "html": (False, "docx"),
        "txt": (False, "docx"),
    }
    by_format = {Path(o.file).suffix[1:]: o for o in outcomes}
    word = by_format["docx"]
    assert all(o.current_id == word.report_id for o in outcomes)
    for fmt in ("html", "txt"):
        lines = summary_lines(by_format[fmt])
        assert any("仅格式不同" in line for line in lines), lines
        assert f"该报告的当前版本为 #{word.report_id}" in lines
    reasons = [item["reason"] for o in outcomes for item in o.identity["superseding"]]
    assert reasons and all("仅格式不同" in r and "保留的信息更多" in r for r in reasons)
    assert any(r.startswith("与 #") and "Word 文件比" in r for r in reasons)


def test_the_sample_in_three_formats(library: Library) -> None:
    """The project's sample report as a copy-paste text, its PDF and its Word file, text first."""
    outcomes = import_files(library.sessions, [sample(f"shili_2024.{fmt}") for fmt in ("txt", "pdf", "docx")])
    assert current_formats(library, "示例市应急管理局") == {
        "docx": (True, None),
        "pdf": (False, "docx"),
        "txt": (False, "docx"),
    }
    assert [o.current_id for o in outcomes] == [outcomes[2].report_id] * 3


def test_a_corrected_text_is_a_new_version_whatever_its_format(library: Library, tmp_path: Path) -> None:
    agency = CONFIDENT[1]
    [word] = import_files(library.sessions, [write(tmp_path, "v1.docx", report_text(agency))])
    [text] = import_files(library.sessions, [write(tmp_path, "v2.txt", report_text(agency, corrected=True))])
    assert text.superseded == [word.report_id]
    [item] = text.identity["superseding"]
    assert item["kind"] == "version" and "正文" in item["reason"]
    assert current_formats(library, agency) == {"txt": (True, None), "docx": (False, "txt")}


def test_the_same_text_in_the_same_format_goes_by_import_order(library: Library, tmp_path: Path) -> None:
    agency = CONFIDENT[2]
    first = write(tmp_path / "a", "report.txt", report_text(agency))
    second = tmp_path / "b" / "report.txt"
    second.parent.mkdir()
    second.write_bytes(report_text(agency).encode("gb18030"))  # other bytes, the same text
    outcomes = import_files(library.sessions, [first, second])
    assert outcomes[1].superseded == [outcomes[0].report_id]
    assert "以后导入的为准" in outcomes[1].identity["superseding"][0]["reason"]


def test_binning_the_word_file_leaves_the_next_richest_current(library: Library, tmp_path: Path) -> None:
    agency = CONFIDENT[0]
    outcomes = import_files(
        library.sessions, [write(tmp_path, f"r.{fmt}", report_text(agency)) for fmt in FORMATS]
    )
    word = next(o for o in outcomes if o.file.endswith(".docx"))
    result = bin_reports(library.sessions, [word.report_id or 0])
    html = next(o for o in outcomes if o.file.endswith(".html"))
    assert result.current_again == [html.report_id]
    assert current_formats(library, agency) == {"html": (True, None), "txt": (False, "html")}


def test_the_command_line_names_the_current_file_and_what_it_left_out(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agency = CONFIDENT[1]
    folder = tmp_path / "incoming"
    for fmt in FORMATS:
        write(folder, f"report.{fmt}", report_text(agency))
    (folder / "统计表.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "~$report.docx").write_bytes(b"lock")  # Word's lock file: not worth naming
    where = library_location(library.url)
    assert run(["import", str(folder), "--library", where]) == 0
    out = capsys.readouterr().out
    assert out.count("作为 #1 的另一格式保存") == 2 and out.count("该报告的当前版本为 #1") == 2
    assert "文件夹中另有 1 个文件不是报告格式（统计表.xlsx），未导入。" in out


def test_an_unsupported_file_in_a_selection_is_reported(library: Library, tmp_path: Path) -> None:
    report = write(tmp_path, "report.txt", report_text(CONFIDENT[0]))
    sheet = tmp_path / "统计表.xlsx"
    sheet.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    scan = tmp_path / "扫描件.jpg"
    scan.write_bytes(b"\xff\xd8\xff" + b"\x00" * 100)
    paths = expand_paths([report, sheet, scan])
    assert paths == [report, sheet, scan]  # never dropped
    outcomes = import_files(library.sessions, paths)
    assert [o.ok for o in outcomes] == [True, False, False]
    assert [o.error_code for o in outcomes[1:]] == ["unsupported_type", "unsupported_type"]
    assert "统计表.xlsx" in (outcomes[1].error or "") and "表格文件" in (outcomes[1].error or "")
    assert "OCR" in (outcomes[2].error or "")
    with library.sessions() as session:
        assert session.query(models.Report).count() == 1


def test_a_file_just_over_the_limit_says_by_how_much(library: Library, tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(int(50.04 * 1024 * 1024))
    [outcome] = import_files(library.sessions, [big])
    assert outcome.error_code == "too_large"
    assert outcome.error is not None and outcome.error.startswith("文件过大（50.04 MB），超过 50 MB 的上限。")
    os.truncate(big, MAX_FILE_BYTES + 1)
    [outcome] = import_files(library.sessions, [big])
    assert "52,428,801 字节" in (outcome.error or "") and "52,428,800 字节（50 MB）" in (outcome.error or "")


def test_size_messages() -> None:
    mb = 1024 * 1024
    assert too_large_message(120 * mb).startswith("文件过大（120.0 MB），超过 50 MB 的上限")
    assert too_large_message(int(50.5 * mb)).startswith("文件过大（50.5 MB），")
    assert too_large_message(int(50.004 * mb)).startswith(f"文件过大（{int(50.004 * mb):,} 字节），")
    assert "50.0 MB" not in too_large_message(50 * mb + 1)


def test_list_json_marks_versions(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_files(
        library.sessions, [write(tmp_path, f"r.{fmt}", report_text(CONFIDENT[0])) for fmt in FORMATS]
    )
    where = library_location(library.url)
    assert run(["list", "--all", "--library", where, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted((r["source_format"], r["current"]) for r in listed) == [
        ("docx", True),
        ("html", False),
        ("txt", False),
    ]
