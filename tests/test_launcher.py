"""The frozen app's entry point: "Open with" files, the CLI left alone, the start-up probe."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import launcher

SAMPLES = ROOT / "resources" / "samples"


def test_report_files_given_to_the_gui_are_opened(tmp_path: Path) -> None:
    report = tmp_path / "某某街道办事处2024年报告.docx"
    shutil.copy(SAMPLES / "shili_2024.docx", report)
    page = tmp_path / "page.HTML"
    page.write_text("<p>示例</p>", encoding="utf-8")
    gui, files = launcher.split_open_files(["--library", str(tmp_path / "x.docx"), str(report), str(page)])
    # The value of --library is never a file to open, even with a report's suffix.
    assert gui == ["--library", str(tmp_path / "x.docx")]
    assert files == [report.resolve(), page.resolve()]


def test_the_command_line_and_unknown_arguments_are_left_alone(tmp_path: Path) -> None:
    report = tmp_path / "a.pdf"
    shutil.copy(SAMPLES / "shili_2024.pdf", report)
    assert launcher.split_open_files(["import", str(report)]) == (["import", str(report)], [])
    assert launcher.split_open_files(["--version"]) == (["--version"], [])
    missing = str(tmp_path / "gone.docx")
    notes = tmp_path / "notes.xlsx"
    notes.write_bytes(b"")
    assert launcher.split_open_files([missing, str(notes)]) == ([missing, str(notes)], [])
    assert launcher.split_open_files([]) == ([], [])


_OPEN_WITH = """
import json, sys
sys.path.insert(0, "packaging")
import launcher
from PySide6.QtCore import QCoreApplication, QTimer

gui_args, files = launcher.split_open_files(sys.argv[1:])
result = {"files": len(files)}

def hooks(window):
    launcher.import_when_open(window, files)
    def check():
        result["rows"] = window.model.rowCount()
        if result["rows"] >= len(files):
            QCoreApplication.quit()
    window.library_loaded.connect(check)

launcher.on_main_window(gui_args, hooks)
QTimer.singleShot(90000, QCoreApplication.quit)
from desktop.main import main
main(gui_args)
print(json.dumps(result, ensure_ascii=False))
"""


@pytest.mark.slow
def test_open_with_imports_the_files_into_the_library(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    library = tmp_path / "library.sqlite"
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _OPEN_WITH,
            "--library",
            str(library),
            "--no-samples",
            str(SAMPLES / "shili_2023.docx"),
            str(SAMPLES / "shili_2024.pdf"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=150,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["files"] == 2
    assert result["rows"] == 2
    listed = subprocess.run(
        [sys.executable, "-m", "desktop", "list", "--library", str(library), "--json"],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    reports = json.loads(listed.stdout.decode("utf-8"))
    assert sorted(r["year"] for r in reports) == [2023, 2024]
    assert {r["agency"] for r in reports} == {"示例市应急管理局"}


@pytest.mark.slow
def test_startup_probe_marks_the_first_paint_and_quits(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path),
        HOME=str(tmp_path),
        REVIEWDESK_STARTUP_PROBE="1",
    )
    out = subprocess.run(
        [sys.executable, "packaging/launcher.py", "--library", str(tmp_path / "l.sqlite"), "--no-samples"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert launcher.FIRST_PAINT_MARK in out.stdout.splitlines()
