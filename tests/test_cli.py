"""The command line as scripts use it: UTF-8 JSON, exit codes, corrections, originals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.helpers import sample


def reviewdesk(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True, timeout=120
    )


def test_import_list_show_round_trip(tmp_path: Path) -> None:
    library = str(tmp_path / "lib.sqlite")
    result = reviewdesk(
        "import",
        str(sample("shili_2023.docx")),
        str(sample("shili_2024.pdf")),
        "--library",
        library,
        "--json",
    )
    assert result.returncode == 0, result.stderr.decode()
    raw = result.stdout.decode("utf-8")
    assert "示例市应急管理局" in raw and "\\u" not in raw  # not ASCII-escaped
    outcomes = json.loads(raw)
    assert [
        set(o) >= {"file", "ok", "report_id", "agency", "year", "warnings", "error"} for o in outcomes
    ] == [True, True]
    assert [(o["ok"], o["agency"], o["year"]) for o in outcomes] == [
        (True, "示例市应急管理局", 2023),
        (True, "示例市应急管理局", 2024),
    ]
    listed = json.loads(reviewdesk("list", "--library", library, "--json").stdout)
    assert sorted(r["year"] for r in listed) == [2023, 2024]
    shown = json.loads(
        reviewdesk("show", str(outcomes[1]["report_id"]), "--library", library, "--json").stdout
    )
    expected_keys = {
        "id",
        "agency",
        "region",
        "year",
        "title",
        "date",
        "published",
        "source_format",
        "sha256",
        "sections",
        "missing_sections",
        "warnings",
        "text",
        "original_text",
    }
    assert expected_keys <= set(shown)
    assert shown["source_format"] == "pdf" and len(shown["sha256"]) == 64
    assert shown["date"] == "2025-01-20" and shown["missing_sections"] == []
    for section in shown["sections"]:
        assert {"level", "number", "title", "kind", "start", "end"} <= set(section)
        assert 0 <= section["start"] < section["end"] <= len(shown["text"])
    heading = next(s for s in shown["sections"] if s["kind"] == "shortcomings" and s["level"] == 1)
    assert shown["text"][heading["start"] :].startswith("三、存在的不足和原因")


def test_import_exit_code_is_1_when_any_file_fails_and_the_rest_still_import(tmp_path: Path) -> None:
    library = str(tmp_path / "lib.sqlite")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = reviewdesk("import", str(empty), str(sample("shili_2024.docx")), "--library", library, "--json")
    assert result.returncode == 1
    outcomes = json.loads(result.stdout)
    assert outcomes[0]["ok"] is False and "空" in outcomes[0]["error"]
    assert outcomes[1]["ok"] is True and outcomes[1]["report_id"]


def test_correct_and_export_original(tmp_path: Path) -> None:
    library = str(tmp_path / "lib.sqlite")
    outcome = json.loads(
        reviewdesk("import", str(sample("shili_2024.txt")), "--library", library, "--json").stdout
    )[0]
    report_id = str(outcome["report_id"])
    bad = reviewdesk("correct", report_id, "--year", "二〇二四", "--library", library)
    assert bad.returncode == 2 and "四位数字" in bad.stderr.decode()
    good = reviewdesk(
        "correct",
        report_id,
        "--title",
        "示例市应急管理局2024年法治政府建设年度报告",
        "--library",
        library,
        "--json",
    )
    assert good.returncode == 0
    detail = json.loads(good.stdout)
    assert detail["title"] == "示例市应急管理局2024年法治政府建设年度报告" and detail["corrected_fields"] == [
        "title"
    ]
    reviewdesk("reprocess", report_id, "--library", library)
    shown = json.loads(reviewdesk("show", report_id, "--library", library, "--json").stdout)
    assert shown["title"] == "示例市应急管理局2024年法治政府建设年度报告"
    out = tmp_path / "original.txt"
    assert reviewdesk("export-original", report_id, "--out", str(out), "--library", library).returncode == 0
    assert out.read_bytes() == sample("shili_2024.txt").read_bytes()


def test_unknown_report_is_an_error_in_chinese(tmp_path: Path) -> None:
    result = reviewdesk("show", "999", "--library", str(tmp_path / "lib.sqlite"), "--json")
    assert result.returncode == 2
    assert "没有编号为 999 的报告" in result.stderr.decode()


def test_reprocess_stale_brings_only_older_analyses_up_to_date(tmp_path: Path) -> None:
    import sqlite3

    from desktop.core.analysis import PIPELINE_VERSION

    library = str(tmp_path / "lib.sqlite")
    imported = json.loads(
        reviewdesk(
            "import",
            str(sample("shili_2023.docx")),
            str(sample("shili_2024.txt")),
            "--library",
            library,
            "--json",
        ).stdout
    )
    ids = [entry["report_id"] for entry in imported]
    nothing = reviewdesk("reprocess", "--stale", "--library", library)
    assert nothing.returncode == 0 and "没有需要重新分析的报告" in nothing.stdout.decode()
    with sqlite3.connect(library) as db:  # as an older ReviewDesk left the first report
        db.execute("UPDATE reports SET pipeline_version = ? WHERE id = ?", (PIPELINE_VERSION - 1, ids[0]))
    done = json.loads(reviewdesk("reprocess", "--stale", "--library", library, "--json").stdout)
    assert [entry["id"] for entry in done] == [ids[0]] and done[0]["ok"]
    with sqlite3.connect(library) as db:
        versions = {row[0] for row in db.execute("SELECT pipeline_version FROM reports")}
    assert versions == {PIPELINE_VERSION}
