"""The command line when writes fail: a Chinese message and exit code 1, never a traceback; backups,
restore and review states from the command line; a mistyped sub-command is reported."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from tests.conftest import ROOT
from tests.fs_helpers import fill_disk, read_only, small_disk
from tests.helpers import sample


def reviewdesk(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        capture_output=True,
        timeout=timeout,
        encoding="utf-8",
        errors="replace",
    )


def _clean_failure(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "[SQL:" not in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def _library_with_report(tmp_path: Path) -> str:
    library = str(tmp_path / "lib.sqlite")
    assert reviewdesk("import", str(sample("shili_2024.docx")), "--library", library).returncode == 0
    return library


def test_mistyped_sub_command_is_reported_not_opening_the_window() -> None:
    result = reviewdesk("backpu", timeout=30)
    assert result.returncode == 2
    assert "未知的子命令“backpu”" in result.stderr and "backup" in result.stderr


def test_review_state_round_trip(tmp_path: Path) -> None:
    library = _library_with_report(tmp_path)
    result = reviewdesk(
        "review",
        "1",
        "--status",
        "审阅中",
        "--conclusion",
        "请补充数据来源。",
        "--library",
        library,
        "--json",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "in_review"
    shown = json.loads(reviewdesk("review", "1", "--library", library, "--json").stdout)
    assert shown["conclusion"] == "请补充数据来源。"
    bad = reviewdesk("review", "1", "--status", "closed?", "--library", library)
    assert bad.returncode == 2 and "未知的审阅状态" in bad.stderr


def test_read_only_library_every_write_fails_with_exit_1(tmp_path: Path) -> None:
    library = _library_with_report(tmp_path)
    with read_only(Path(library)):
        listed = reviewdesk("list", "--library", library, "--json")
        assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 1
        _clean_failure(reviewdesk("review", "1", "--status", "done", "--library", library), "只读")
        annotate = reviewdesk(
            "annotate",
            "1",
            "--quote",
            "示例市",
            "--category",
            "其他",
            "--comment",
            "不应出现在报错里",
            "--library",
            library,
        )
        _clean_failure(annotate, "只读")
        assert "不应出现在报错里" not in annotate.stderr
        imported = reviewdesk("import", str(sample("shili_2023.docx")), "--library", library, "--json")
        _clean_failure(imported, "只读")
        assert json.loads(imported.stdout)["ok"] is False


def test_full_disk_import_is_not_ok_and_nothing_is_stored(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 4096) as disk:
        library = str(disk / "lib.sqlite")
        assert reviewdesk("import", str(sample("shili_2024.docx")), "--library", library).returncode == 0
        filler = fill_disk(disk, leave_kb=64)
        result = reviewdesk("import", str(sample("shili_2023.docx")), "--library", library, "--json")
        _clean_failure(result)
        (outcome,) = json.loads(result.stdout)
        assert outcome["ok"] is False and outcome["report_id"] is None
        assert outcome["error_code"] == "storage_disk_full" and "磁盘空间已满" in outcome["error"]
        _clean_failure(
            reviewdesk("review", "1", "--conclusion", "长" * 40000, "--library", library), "磁盘空间已满"
        )
        backup = reviewdesk("backup", "--library", library)
        _clean_failure(backup, "磁盘空间不足")
        filler.unlink()
        listed = json.loads(reviewdesk("list", "--library", library, "--json").stdout)
        assert [r["year"] for r in listed] == [2024]


def test_backup_backups_and_restore(tmp_path: Path) -> None:
    library = _library_with_report(tmp_path)
    made = reviewdesk("backup", "--keep", "3", "--library", library, "--json")
    assert made.returncode == 0, made.stderr
    backup = json.loads(made.stdout)
    assert backup["keep"] == 3 and Path(backup["path"]).is_file()
    assert reviewdesk("review", "1", "--conclusion", "备份后", "--library", library).returncode == 0
    listed = json.loads(reviewdesk("backups", "--library", library, "--json").stdout)
    assert listed[0]["path"] == backup["path"]
    restored = reviewdesk("restore", backup["path"], "--library", library, "--json")
    assert restored.returncode == 0, restored.stderr
    aside = json.loads(restored.stdout)["previous_kept_as"]
    assert aside and Path(aside).is_file()
    assert json.loads(reviewdesk("review", "1", "--library", library, "--json").stdout)["conclusion"] == ""
    out = tmp_path / "copy.sqlite"
    assert reviewdesk("backup", "--out", str(out), "--library", library).returncode == 0
    _clean_failure(reviewdesk("backup", "--out", str(out), "--library", library), "不会覆盖")


def test_restore_is_refused_while_a_window_holds_the_library(tmp_path: Path) -> None:
    library = _library_with_report(tmp_path)
    backup = json.loads(reviewdesk("backup", "--library", library, "--json").stdout)["path"]
    lock = Path(library + ".lock")  # QLockFile's format: pid, application, host
    lock.write_text(f"{os.getpid()}\nreviewdesk\n{platform.node()}\n", encoding="utf-8")
    try:
        _clean_failure(reviewdesk("restore", backup, "--library", library), "请先关闭该窗口")
    finally:
        lock.unlink()


def test_damaged_library_says_how_to_restore(tmp_path: Path) -> None:
    library = _library_with_report(tmp_path)
    assert reviewdesk("backup", "--library", library).returncode == 0
    Path(library).write_bytes(b"\0" * 100 + os.urandom(50_000))
    _clean_failure(reviewdesk("list", "--library", library), "已损坏", "reviewdesk restore")


def test_command_line_waits_for_another_writer(tmp_path: Path) -> None:
    library = _library_with_report(tmp_path)
    holder = sqlite3.connect(library, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another program is in the middle of a write …
    holder.execute(
        "INSERT INTO review_states(report_id, status, reviewer, conclusion, updated_at) "
        "VALUES (1, 'in_review', '甲', '窗口先写的结论', '2025-01-01 00:00:00')"
    )
    releaser = threading.Timer(2.0, lambda: holder.execute("COMMIT"))
    releaser.start()
    result = reviewdesk("review", "1", "--status", "done", "--library", library, "--json")
    releaser.join()
    holder.close()
    # … the command waited for it, then wrote on top: both writes are there.
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)
    assert (state["status"], state["conclusion"]) == ("done", "窗口先写的结论")
