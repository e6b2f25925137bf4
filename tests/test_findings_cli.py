"""``reviewdesk findings`` and ``reviewdesk overview`` as scripts use them."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.helpers import sample
from tests.test_cli import reviewdesk


def _library(tmp_path: Path) -> str:
    library = str(tmp_path / "lib.sqlite")
    result = reviewdesk(
        "import", str(sample("shili_2023.docx")), str(sample("shili_2024.docx")), "--library", library
    )
    assert result.returncode == 0, result.stderr.decode()
    return library


def test_findings_json_accept_dismiss_and_all(tmp_path: Path) -> None:
    library = _library(tmp_path)
    result = reviewdesk("findings", "2", "--library", library, "--json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout.decode("utf-8"))
    assert data["report_id"] == 2 and "\\u" not in result.stdout.decode("utf-8")
    by_key = {f["evidence"].get("part"): f for f in data["findings"] if f["rule"] == "carried_over"}
    accepted = reviewdesk(
        "findings",
        "2",
        "--accept",
        by_key["shortcomings"]["id"],
        "--by",
        "甲",
        "--library",
        library,
        "--json",
    )
    assert accepted.returncode == 0, accepted.stderr.decode()
    annotation_id = json.loads(accepted.stdout)["annotation_id"]
    dismissed = reviewdesk("findings", "2", "--dismiss", by_key["next_year"]["id"], "--library", library)
    assert dismissed.returncode == 0 and "已忽略" in dismissed.stdout.decode("utf-8")
    still_open = json.loads(reviewdesk("findings", "2", "--library", library, "--json").stdout)["findings"]
    assert {f["id"] for f in still_open}.isdisjoint({by_key["shortcomings"]["id"], by_key["next_year"]["id"]})
    decided = json.loads(reviewdesk("findings", "2", "--with-decided", "--library", library, "--json").stdout)
    states = {f["id"]: f["decision"] for f in decided["findings"]}
    assert (
        states[by_key["shortcomings"]["id"]] == "accepted"
        and states[by_key["next_year"]["id"]] == "dismissed"
    )
    annotations = json.loads(reviewdesk("annotations", "2", "--library", library, "--json").stdout)
    assert [(a["id"], a["rule"]) for a in annotations] == [(annotation_id, "carried_over")]
    everything = json.loads(reviewdesk("findings", "--all", "--library", library, "--json").stdout)
    assert [r["report_id"] for r in everything] == [1, 2]
    assert all(set(r) >= {"report_id", "agency", "year", "findings"} for r in everything)


def test_findings_errors_are_clear(tmp_path: Path) -> None:
    library = _library(tmp_path)
    missing = reviewdesk("findings", "9", "--library", library)
    assert missing.returncode == 2 and "没有编号为 9 的报告" in missing.stderr.decode("utf-8")
    unknown = reviewdesk("findings", "2", "--accept", "no-such-finding", "--library", library)
    assert unknown.returncode == 2 and "no-such-finding" in unknown.stderr.decode("utf-8")
    neither = reviewdesk("findings", "--library", library)
    assert neither.returncode == 2


def test_overview_exports_workbook_pdf_and_png(tmp_path: Path) -> None:
    library = _library(tmp_path)
    result = reviewdesk("overview", "--year", "2024", "--library", library, "--json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    [row] = data["rows"]
    assert row["agency"] == "示例市应急管理局" and row["report_timeliness"] == "on_time"
    assert row["carried_shortcomings"] >= 0.5 and row["parts_present"] == 4
    for suffix, magic in ((".xlsx", b"PK"), (".pdf", b"%PDF"), (".png", b"\x89PNG")):
        out = tmp_path / f"overview{suffix}"
        done = reviewdesk("overview", "--year", "2024", "--out", str(out), "--library", library)
        assert done.returncode == 0, done.stderr.decode()
        assert out.read_bytes().startswith(magic)
    with zipfile.ZipFile(tmp_path / "overview.xlsx") as book:
        assert any(name.startswith("xl/media/") for name in book.namelist())  # the charts
    bad = reviewdesk("overview", "--year", "2024", "--out", str(tmp_path / "x.doc"), "--library", library)
    assert bad.returncode == 2 and ".xlsx" in bad.stderr.decode("utf-8")
