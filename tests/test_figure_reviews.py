"""The reviewer's decisions on figures: stored, applied everywhere, and kept through re-processing,
a catalog change, and deleting and importing the file again; doubtful figures stay out of the memo
and the summary until confirmed, and the memo quotes figures as the report words them."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db import models
from db.session import Library
from desktop.core.export.memo_content import gather_memo
from desktop.core.export.summary import summary_rows
from desktop.core.importing import import_file, update_derived
from desktop.core.metrics.catalog import load_catalog
from desktop.core.metrics.reviews import FigureReviewError, reset_figure, review_figure
from desktop.core.metrics.store import ensure_current, report_metrics
from desktop.core.reprocess import reprocess_report
from tests.conftest import ROOT

CATALOG = load_catalog()
REPORT = """示例县司法局2024年法治政府建设年度报告
一、主要举措和成效
全年审核行政规范性文件13件，办理行政复议案件46件，行政诉讼零败诉。普法宣传覆盖超过10万人。组织全县执法人员和镇村干部共860人次，开展法律知识培训考试12场次。
二、存在的不足和原因
执法力量仍显不足，培训针对性不强。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人专题研究法治建设工作。
四、下一年度主要安排
继续推进法治政府建设，力争实现零诉讼。
示例县司法局
2025年1月10日
"""


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "示例县司法局2024年法治政府建设年度报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def figures(library: Library, report_id: int) -> dict[str, dict[str, Any]]:
    with library.sessions() as session:
        result = report_metrics(session, report_id, CATALOG)
    assert result is not None
    return {m["written"]: m for m in result.as_json()["metrics"]}


def decide(library: Library, figure_id: int, decision: str, **fields: Any) -> None:
    with library.sessions.begin() as session:
        review_figure(session, figure_id, decision, CATALOG, author="王审阅", **fields)


def imported(library: Library, path: Path) -> int:
    outcome = import_file(library.sessions, path)
    assert outcome.ok and outcome.report_id is not None, outcome.error
    update_derived(library.sessions, [outcome.report_id])
    return outcome.report_id


def test_figures_carry_confidence_and_the_report_s_own_words(library: Library, report_file: Path) -> None:
    shown = figures(library, imported(library, report_file))
    assert shown["860人次"]["key"] == "trainees"
    assert shown["860人次"]["confidence"] == "doubtful" and not shown["860人次"]["fact"]
    assert shown["860人次"]["doubt"]
    assert shown["超过10万人"]["value"] == 100000 and shown["超过10万人"]["fact"]
    assert shown["零败诉"]["key"] == "litigation_losses" and shown["零败诉"]["value"] == 0
    assert "零诉讼" not in shown  # a goal in next year's plan is no count


def test_confirm_correct_exclude_and_reset(library: Library, report_file: Path) -> None:
    report_id = imported(library, report_file)
    shown = figures(library, report_id)
    decide(library, shown["860人次"]["id"], "confirmed")
    decide(library, shown["46件"]["id"], "corrected", value=47.0)
    decide(library, shown["13件"]["id"], "corrected", key="legal_reviews")
    decide(library, shown["12场次"]["id"], "excluded")
    after = figures(library, report_id)
    assert after["860人次"]["fact"] and after["860人次"]["review"]["decision"] == "confirmed"
    assert after["860人次"]["review"]["author"] == "王审阅"
    assert after["46件"]["value"] == 47 and after["46件"]["review"]["extracted_value"] == 46
    assert (after["13件"]["key"], after["13件"]["label"]) == ("legal_reviews", "合法性审查/法制审核")
    assert after["12场次"]["review"]["decision"] == "excluded" and not after["12场次"]["fact"]
    with library.sessions.begin() as session:
        assert reset_figure(session, after["12场次"]["id"]) is True
        assert reset_figure(session, after["12场次"]["id"]) is False
    assert figures(library, report_id)["12场次"]["review"] is None


def test_a_correction_to_no_metric_and_bad_input_are_refused_in_chinese(
    library: Library, report_file: Path
) -> None:
    report_id = imported(library, report_file)
    shown = figures(library, report_id)
    decide(library, shown["13件"]["id"], "corrected", key="")
    assert figures(library, report_id)["13件"]["key"] is None
    with library.sessions.begin() as session, pytest.raises(FigureReviewError, match="不在指标目录中"):
        review_figure(session, shown["46件"]["id"], "corrected", CATALOG, key="no_such_key")
    with library.sessions.begin() as session, pytest.raises(FigureReviewError, match="没有编号为"):
        review_figure(session, 999_999, "confirmed", CATALOG)
    with library.sessions.begin() as session, pytest.raises(FigureReviewError, match="新的指标或数值"):
        review_figure(session, shown["46件"]["id"], "corrected", CATALOG)


def test_decisions_survive_reprocessing_a_catalog_change_and_reimport(
    library: Library, report_file: Path, tmp_path: Path
) -> None:
    report_id = imported(library, report_file)
    shown = figures(library, report_id)
    decide(library, shown["860人次"]["id"], "confirmed")
    decide(library, shown["46件"]["id"], "corrected", value=47.0)
    decide(library, shown["12场次"]["id"], "excluded")

    def states() -> dict[str, tuple[str, float]]:
        now = figures(library, report_id)
        return {w: (m["review"]["decision"], m["value"]) for w, m in now.items() if m["review"]}

    expected = {"860人次": ("confirmed", 860), "46件": ("corrected", 47), "12场次": ("excluded", 12)}
    assert states() == expected
    reprocess_report(library.sessions, report_id)
    assert figures(library, report_id)["46件"]["id"] != shown["46件"]["id"]  # new rows …
    assert states() == expected  # … the same decisions
    (tmp_path / "user").mkdir()
    (tmp_path / "user" / "metrics_catalog.json").write_text(
        json.dumps({"metrics": [{"key": "x_plans", "label": "预案", "triggers": ["预案"], "units": ["件"]}]}),
        encoding="utf-8",
    )
    assert ensure_current(library.sessions, load_catalog(tmp_path / "user"))
    assert states() == expected
    with library.sessions.begin() as session:
        session.delete(session.get(models.Report, report_id))
    report_id = imported(library, report_file)
    assert states() == expected


def test_a_decision_finds_its_figure_after_the_text_changed(library: Library, report_file: Path) -> None:
    report_id = imported(library, report_file)
    decide(library, figures(library, report_id)["46件"]["id"], "excluded")
    with library.sessions.begin() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        report.clean_text = "（前言一段。）\n" + report.clean_text  # every offset moves
        for row in report.metrics:
            row.start, row.end = row.start + 8, row.end + 8
    assert figures(library, report_id)["46件"]["review"]["decision"] == "excluded"


def test_memo_states_only_facts_in_the_report_s_words(library: Library, report_file: Path) -> None:
    report_id = imported(library, report_file)
    shown = figures(library, report_id)
    with library.sessions() as session:
        memo = gather_memo(session, report_id, catalog=CATALOG)
    rows = {f.label: f.current for f in memo.figures}
    assert rows["宣传覆盖/参与人次"] == "超过10万人"  # as written, not 超100000人
    assert rows["行政诉讼败诉件数"] == "零败诉"
    assert "参训人数/人次" not in rows and memo.unconfirmed_figures == 1
    decide(library, shown["860人次"]["id"], "confirmed")
    decide(library, shown["46件"]["id"], "corrected", value=47.0)
    decide(library, shown["13件"]["id"], "excluded")
    with library.sessions() as session:
        memo = gather_memo(session, report_id, catalog=CATALOG)
    rows = {f.label: f.current for f in memo.figures}
    assert rows["参训人数/人次"] == "860人次" and memo.unconfirmed_figures == 0
    assert rows["行政复议件数"] == "47件"  # the reviewer's value, written out
    assert "规范性文件" not in rows


def test_summary_columns_take_facts_only(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "示例市应急管理局2024年法治政府建设年度报告.txt"
    path.write_text(
        "示例市应急管理局2024年法治政府建设年度报告\n一、主要举措和成效\n"
        "全年执法检查企业1150家。专项检查辖区内各类危险化学品生产经营储存企业和重点行业领域企业3200家。\n",
        encoding="utf-8",
    )
    report_id = imported(library, path)
    shown = figures(library, report_id)
    assert shown["1150家"]["fact"] and not shown["3200家"]["fact"]
    with library.sessions() as session:
        (row,) = summary_rows(session, CATALOG)
    assert row.figures["检查企业/单位数"] == "1150家"
    decide(library, shown["1150家"]["id"], "excluded")
    with library.sessions() as session:
        (row,) = summary_rows(session, CATALOG)
    assert row.figures["检查企业/单位数"] == ""  # the doubtful 3200 is not promoted
    decide(library, shown["3200家"]["id"], "confirmed")
    with library.sessions() as session:
        (row,) = summary_rows(session, CATALOG)
    assert row.figures["检查企业/单位数"] == "3200家"


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True)


def test_figure_command(tmp_path: Path, report_file: Path) -> None:
    library = str(tmp_path / "lib.sqlite")
    assert run("import", str(report_file), "--library", library).returncode == 0
    listed = json.loads(run("metrics", "1", "--library", library, "--json").stdout)
    figure = next(m for m in listed["metrics"] if m["written"] == "860人次")
    shown = run("figure", str(figure["id"]), "--library", library)
    assert shown.returncode == 0 and "存疑" in shown.stdout.decode()
    done = run("figure", str(figure["id"]), "--confirm", "--by", "李审阅", "--library", library, "--json")
    data = json.loads(done.stdout)
    assert data["fact"] and data["review"]["decision"] == "confirmed" and data["review"]["author"] == "李审阅"
    corrected = run("figure", str(figure["id"]), "--key", "none", "--library", library, "--json")
    assert json.loads(corrected.stdout)["key"] is None
    wrong = run("figure", str(figure["id"]), "--key", "nonsense", "--library", library)
    assert (
        wrong.returncode == 2
        and "不在指标目录中" in wrong.stderr.decode()
        and b"Traceback" not in wrong.stderr
    )
    clash = run("figure", str(figure["id"]), "--confirm", "--value", "3", "--library", library)
    assert clash.returncode == 2 and "不能" in clash.stderr.decode()
    missing = run("figure", "99999", "--exclude", "--library", library)
    assert missing.returncode == 2 and "没有编号为 99999" in missing.stderr.decode()
    text = run("metrics", "1", "--library", library).stdout.decode()
    assert f"#{figure['id']}" in text and "已更正" in text


def test_decisions_are_tied_to_the_file_not_to_its_row(library: Library, report_file: Path) -> None:
    report_id = imported(library, report_file)
    decide(library, figures(library, report_id)["46件"]["id"], "excluded")
    with library.sessions() as session:
        (row,) = session.scalars(select(models.FigureReview)).all()
        report = session.get(models.Report, report_id)
        assert report is not None
        assert row.report_sha256 == report.sha256 and row.quote_exact == "46件"
        assert row.extracted_key == "reconsiderations" and row.created_at.date() <= date.today()
