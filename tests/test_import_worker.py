"""Every import runs in the bounded worker process: a time limit for the whole import of a file
(start-up included) and a memory cap; the worker is reused, and replaced when it had to be killed.
Also the inputs that once broke an import (the corpus's found/ files) and our own small cases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from db.session import Library
from desktop.core.analysis import analyse_isolated
from desktop.core.errors import ImportRefused
from desktop.core.importers import read_document, worker
from desktop.core.importers.html_guard import trim_huge_tags
from desktop.core.importing import import_file
from desktop.core.limits import IMPORT_MEMORY_BYTES
from tests.conftest import ROOT, corpus_path
from tests.helpers import library_fingerprint, sample

REPORT = (
    "某某镇人民政府2024年法治政府建设年度报告\n"
    "一、主要举措和成效\n"
    "2024年，某某镇人民政府全面推进依法行政，办理行政复议案件12件，同比下降13.6%。\n"
    "二、存在的不足和原因\n"
    "执法队伍专业化水平有待提升。\n"
    "三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    "镇党委书记、镇长带头学法。\n"
    "四、下一年度主要安排\n"
    "继续加强执法监督。\n"
)


def test_worker_is_reused_and_has_the_memory_cap() -> None:
    first = worker.call("probe", (), "probe")
    second = worker.call("probe", (), "probe")
    assert first["pid"] == second["pid"] == worker.current_worker_pid()
    if sys.platform != "win32":
        assert first["memory_limit"] == IMPORT_MEMORY_BYTES


def test_a_slow_file_is_stopped_and_the_worker_replaced(tmp_path: Path) -> None:
    data = (REPORT + "（一）\n" * 200_000).encode("utf-8")  # heading detection on 200,000 lines
    analyse_isolated(REPORT.encode("utf-8"), "warm.txt")
    old = worker._worker
    assert old is not None
    with pytest.raises(ImportRefused) as refused:
        analyse_isolated(data, "某某镇报告.txt", limit=0.05)
    assert refused.value.code == "timeout"
    assert "超过 0.05 秒" in refused.value.message and "某某镇报告.txt" in refused.value.message
    assert "请向报送单位索取" in refused.value.message  # says what to do
    assert old.process.poll() is not None  # killed, not left running
    assert analyse_isolated(REPORT.encode("utf-8"), "again.txt").metadata.agency == "某某镇人民政府"


def test_the_limit_includes_starting_the_worker() -> None:
    worker.shutdown_worker()
    with pytest.raises(ImportRefused) as refused:
        analyse_isolated(REPORT.encode("utf-8"), "some.txt", limit=0.01)  # Python cannot start that fast
    assert refused.value.code == "worker_slow" and "不是文件的问题" in refused.value.message
    assert analyse_isolated(REPORT.encode("utf-8"), "some.txt").metadata.agency == "某某镇人民政府"


def test_a_bug_in_the_worker_is_reported_not_hidden() -> None:
    with pytest.raises(worker.WorkerBug) as bug:
        worker.call("no-such-operation", (), "x")
    assert "unknown op" in str(bug.value)


def test_a_killed_worker_is_replaced_for_the_next_file(library: Library) -> None:
    assert import_file(library.sessions, sample("shili_2024.txt")).ok
    pid = worker.current_worker_pid()
    assert pid is not None and worker._worker is not None
    worker._worker.process.kill()
    worker._worker.process.wait()
    assert import_file(library.sessions, sample("shili_2024.docx")).ok
    assert worker.current_worker_pid() not in (None, pid)


def test_worker_process_never_loads_qt(tmp_path: Path) -> None:
    probe = (
        "import sys, pickle, desktop.core.importers.worker_process as w, desktop.core.importers.worker as c;"
        "c.INSIDE_WORKER = True; w._warm_up();"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True, timeout=60)


# --- text with small damage --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("damage", "line"),
    [
        (lambda b: b.replace("第一责任人".encode(), b"\xff" + "一责任人".encode()[1:], 1), 6),
        (lambda b: b.replace("执法队伍".encode(), "执法".encode() + b"\x00" + "队伍".encode(), 1), 5),
        (lambda b: b[:-2], 9),  # the last character (a newline after 。) cut in half: 。 is 3 bytes
    ],
)
def test_small_damage_is_replaced_and_located(damage, line: int) -> None:  # type: ignore[no-untyped-def]
    data = damage(REPORT.encode("utf-8"))
    document = read_document(data, "某某镇人民政府报告.txt")
    assert "\ufffd" in document.text
    assert (
        document.warnings
        and f"第 {line} 行" in document.warnings[0]
        and "请与原件核对" in document.warnings[0]
    )
    assert "某某镇人民政府全面推进依法行政" in document.text


def test_gbk_text_with_one_bad_byte_is_still_gbk() -> None:
    data = REPORT.replace("某某镇", "示例县司法局").encode("gb18030")
    damaged = data[:40] + b"\xff" + data[41:]
    document = read_document(damaged, "示例县司法局.txt")
    assert document.metadata["encoding"] == "gb18030" and "示例县司法局" in document.text
    assert document.warnings


def test_binary_is_still_refused() -> None:
    with pytest.raises(ImportRefused):
        read_document(bytes(range(256)) * 100, "not-text.txt")


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["one_ff.txt", "one_nul.txt", "cut_midchar.txt"])
def test_found_damaged_reports_import_with_a_warning(name: str, library: Library) -> None:
    outcome = import_file(library.sessions, corpus_path("found", name))
    assert outcome.ok, outcome.error
    assert any("已替换为" in w and "行" in w for w in outcome.warnings)


# --- web pages --------------------------------------------------------------------------------

_PAGE = '<html><head><meta charset="{charset}"><title>某某街道办事处2024年法治政府建设年度报告</title></head><body><div class="content">{body}</div></body></html>'


@pytest.mark.parametrize(
    "charset", ["hex", "rot13", "base64", "zlib", "uu", "bz2", "quopri", "idna", "undefined", "no-such"]
)
def test_bogus_charset_is_ignored_with_a_note(charset: str) -> None:
    body = "".join(
        f"<p>{line}</p>" for line in REPORT.replace("某某镇人民政府", "某某街道办事处").splitlines()
    )
    data = _PAGE.format(charset=charset, body=body).encode("utf-8") + b"<p>\xff</p>"
    document = read_document(data, "page.html")
    assert "某某街道办事处" in document.text
    assert any(charset in w and "已忽略" in w for w in document.warnings)


def test_a_genuine_declared_charset_is_used() -> None:
    body = "".join(f"<p>{line}</p>" for line in REPORT.splitlines())
    data = _PAGE.format(charset="gbk", body=body).encode("gbk")
    document = read_document(data, "page.html")
    assert "某某镇人民政府全面推进依法行政" in document.text
    assert not any("已忽略" in w for w in document.warnings)


def test_a_tag_with_200000_attributes_is_trimmed_so_lxml_ends() -> None:
    attributes = " ".join(f'data-a{i}="{i}"' for i in range(200_000))
    body = "".join(f"<p>{line}</p>" for line in REPORT.splitlines())
    data = f'<html><head><meta charset="utf-8"></head><body {attributes}>{body}</body></html>'.encode()
    document = read_document(data, "attrs.html")
    assert "某某镇人民政府全面推进依法行政" in document.text
    assert any("标签异常庞大" in w for w in document.warnings)


def test_trimming_is_linear_on_hostile_angle_brackets() -> None:
    text, trimmed = trim_huge_tags("<a" * 500_000)
    assert trimmed == 1 and text == "<a>"
    text, trimmed = trim_huge_tags("<p>正常的段落</p>" * 1000)
    assert trimmed == 0 and text == "<p>正常的段落</p>" * 1000


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name",
    ["html_011_charset.html", "html_034_charset.html", "html_082_charset3.html", "html_040_attrs.html"],
)
def test_found_web_pages_import(name: str, library: Library) -> None:
    outcome = import_file(library.sessions, corpus_path("found", name))
    assert outcome.ok, outcome.error


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["pdf_095_page_tree.pdf", "txt_043_regex_stress.txt"])
def test_found_slow_files_end_within_the_limit_with_a_clear_message(name: str, library: Library) -> None:
    before = library_fingerprint(library)
    data = corpus_path("found", name).read_bytes()
    try:
        analysed = analyse_isolated(data, name, limit=3.0)  # the mechanism, with a short limit
    except ImportRefused as refused:
        assert refused.message and refused.code in ("timeout", "damaged", "memory", "too_complex")
    else:
        assert analysed.cleaned.text
    assert library_fingerprint(library) == before


def test_an_analysis_too_big_for_a_report_is_refused() -> None:
    from desktop.core.analysis import analyse
    from desktop.core.importers.worker_process import _check_size
    from desktop.core.limits import MAX_SECTIONS

    analysed = analyse(REPORT.encode("utf-8"), "某某镇.txt")
    _check_size(analysed)  # a real report passes
    analysed.sections.sections = analysed.sections.sections * (
        MAX_SECTIONS // len(analysed.sections.sections) + 1
    )
    with pytest.raises(ImportRefused) as refused:
        _check_size(analysed)
    assert refused.value.code == "too_complex"
    with pytest.raises(ImportRefused) as mapped:
        worker._result({"ok": False, "refused": ("too_complex", "")}, "某某镇.txt")
    assert "过于庞大" in mapped.value.message and "某某镇.txt" in mapped.value.message
