"""The core's results are typed: report detail, figures, and the prior-year comparison with a reason
code for every way a report can be without a prior report (real libraries, made-up issuers)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from db import models
from db.paths import library_location
from db.session import Library
from desktop.cli import run
from desktop.cli_output import compare_json, no_prior_message
from desktop.core.compare.result import NoPrior, PriorComparison
from desktop.core.identity_links import PRIOR, REJECTED, choose_prior, record
from desktop.core.importing import import_files
from desktop.core.library import get_report, report_detail
from desktop.core.metrics.catalog import load_catalog
from desktop.core.metrics.result import Figure, ReportMetrics
from desktop.core.metrics.store import report_metrics
from desktop.core.prior_year import compare_in_library
from desktop.core.report_bin import bin_reports
from desktop.core.report_detail import ReportDetail

CATALOG = load_catalog()

BODY = (
    "一、主要举措和成效\n（一）加强组织领导。全年召开专题会议{n}次，审核行政规范性文件{m}件，"
    "办理行政复议案件{k}件，组织执法人员培训两期。\n"
    "（二）规范行政执法。推行执法公示制度，完善执法全过程记录，开展案卷评查，发现问题即时整改。\n"
    "二、存在的不足和原因\n基层执法力量仍显薄弱，执法队伍专业化方面仍有差距。\n"
    "三、下一年度主要安排\n一是继续加强学习培训；二是强化执法监督；三是推进普法宣传。"
)


def text(title: str, opening: str, seed: int, year: int | None = None) -> str:
    report_line = f"现将{year}年有关情况报告如下：" if year else "现将有关情况报告如下："
    return f"{title}\n{opening}{report_line}\n" + BODY.format(n=seed, m=seed * 3, k=seed + 1)


def sure(agency: str, year: int, seed: int) -> str:
    return text(f"{agency}{year}年法治政府建设年度报告", f"{year}年，{agency}坚持依法行政。", seed, year)


def imported(library: Library, folder: Path, *texts: str) -> list[int]:
    folder.mkdir(exist_ok=True)
    paths = []
    for index, body in enumerate(texts):
        path = folder / f"r{index}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    outcomes = import_files(library.sessions, paths)
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    return [o.report_id or 0 for o in outcomes]


def compared(library: Library, report_id: int, prior_id: int | None = None) -> PriorComparison:
    with library.sessions() as session:
        result = compare_in_library(session, report_id, CATALOG, prior_id)
    assert result is not None
    return result


def assert_no_prior(result: PriorComparison, reason: NoPrior) -> None:
    assert (result.prior_id, result.comparison, result.reason) == (None, None, reason)
    data = compare_json(result)
    assert data["reason"] == reason.value and data["prior_id"] is None
    assert data["message"] == no_prior_message(reason, result.report_id)
    assert data["metrics"] == data["checks"] == data["sections"] == []


def test_results_are_frozen_dataclasses_with_typed_fields(library: Library, tmp_path: Path) -> None:
    prior, current = imported(library, tmp_path, sure("示例县司法局", 2023, 4), sure("示例县司法局", 2024, 6))
    with library.sessions() as session:
        detail = report_detail(session, current)
        metrics = report_metrics(session, current, CATALOG)
    result = compared(library, current)
    assert isinstance(detail, ReportDetail) and isinstance(metrics, ReportMetrics)
    for value in (detail, metrics, result, detail.sections[0], metrics.figures[0], result.figures[0]):
        assert dataclasses.is_dataclass(value)
        field = dataclasses.fields(value)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, field, None)
    assert detail.agency == "示例县司法局" and detail.year == 2024 and detail.agency_confident
    assert detail.identity.prior is not None and detail.identity.prior.id == prior
    assert detail.identity.prior.reason == "same_issuer"
    assert [s.kind for s in detail.sections if s.level == 1][:2] == ["measures", "shortcomings"]
    reviews = next(f for f in metrics.figures if f.key == "normative_documents")
    assert (reviews.value, reviews.unit, reviews.confidence) == (18, "件", "sure")
    start, end = reviews.sentence_span
    assert reviews.written in detail.text[start:end] and detail.text[reviews.start : reviews.end]
    assert reviews.fact and not reviews.doubtful and reviews.review is None
    assert result.prior_id == prior and result.reason is None and result.comparison is not None
    row = next(r for r in result.figures if r.key == "normative_documents")
    assert (row.prior, row.current, row.change) == (12, 18, 6)


def test_json_of_the_typed_results_keeps_the_command_line_shape(library: Library, tmp_path: Path) -> None:
    _prior, current = imported(
        library, tmp_path, sure("示例县某某镇人民政府", 2023, 2), sure("示例县某某镇人民政府", 2024, 3)
    )
    with library.sessions() as session:
        detail = report_detail(session, current)
        metrics = report_metrics(session, current, CATALOG)
    assert detail is not None and metrics is not None
    shown = detail.as_json()
    assert list(shown)[:3] == ["id", "agency", "agency_confident"]
    assert list(shown)[-2:] == ["text", "original_text"]
    assert shown["prior"]["reason"] == "same_issuer" and "superseded_by_report" not in shown
    assert "text" not in detail.as_json(with_text=False)
    figures = metrics.as_json()
    assert set(figures) == {"report_id", "sector", "metrics", "checks"}
    first = figures["metrics"][0]
    assert {"key", "value", "unit", "confidence", "sentence_start", "fact", "original_start"} <= set(first)
    assert isinstance(first["value"], int)  # 3次, not 3.0
    unsure_town = text("某某镇2024年法治政府建设年度报告", "2024年，某某镇坚持依法行政。", 5, 2024)
    (town,) = imported(library, tmp_path / "town", unsure_town)
    with library.sessions() as session:
        unsure = report_detail(session, town)
    assert unsure is not None and not unsure.agency_confident and unsure.agency_note
    data = compared(library, current).as_json()
    assert "reason" not in data and data["options"] == {"ignore_years": True, "ignore_splits": True}


def test_no_prior_found(library: Library, tmp_path: Path) -> None:
    (current,) = imported(library, tmp_path, sure("示例县司法局", 2024, 5))
    assert_no_prior(compared(library, current), NoPrior.NOT_FOUND)


def test_a_possible_prior_waits_for_the_reviewer(library: Library, tmp_path: Path) -> None:
    unsure_prior = text("", "2023年，区教育局坚持依法治教。", 2, 2023)
    current = text("示例区教育局2024年法治政府建设年度报告", "2024年，我局坚持依法治教。", 3, 2024)
    _prior, this = imported(library, tmp_path, unsure_prior, current)
    assert_no_prior(compared(library, this), NoPrior.UNCONFIRMED)


def test_an_unsure_agency_is_not_paired(library: Library, tmp_path: Path) -> None:
    (this,) = imported(library, tmp_path, text("", "2024年，区教育局坚持依法治教。", 2, 2024))
    with library.sessions() as session:
        report = get_report(session, this)
        assert report is not None and not report.agency_confident
    assert_no_prior(compared(library, this), NoPrior.AGENCY_UNCONFIRMED)


def test_a_report_without_a_year(library: Library, tmp_path: Path) -> None:
    body = text("某某经济开发区管理委员会法治政府建设工作报告", "开发区管委会坚持依法行政。", 4)
    (this,) = imported(library, tmp_path, body)
    with library.sessions() as session:
        report = get_report(session, this)
        assert report is not None and report.year is None
    assert_no_prior(compared(library, this), NoPrior.YEAR_UNKNOWN)


def test_a_binned_prior(library: Library, tmp_path: Path) -> None:
    prior, current = imported(
        library, tmp_path, sure("某某市公安局某某区分局", 2023, 6), sure("某某市公安局某某区分局", 2024, 7)
    )
    assert compared(library, current).prior_id == prior
    bin_reports(library.sessions, [prior])
    assert_no_prior(compared(library, current), NoPrior.BINNED)
    assert_no_prior(compared(library, current, prior), NoPrior.BINNED)  # asked for by its number


def test_a_binned_chosen_prior(library: Library, tmp_path: Path) -> None:
    other, current = imported(library, tmp_path, sure("某省教育厅", 2022, 3), sure("示例县司法局", 2024, 4))
    with library.sessions.begin() as session:
        this, chosen = get_report(session, current), get_report(session, other)
        assert this is not None and chosen is not None
        choose_prior(session, this, chosen, "张审阅")
    assert compared(library, current).prior_id == other
    bin_reports(library.sessions, [other])
    assert_no_prior(compared(library, current), NoPrior.BINNED)


def test_a_rejected_prior(library: Library, tmp_path: Path) -> None:
    prior, current = imported(library, tmp_path, sure("示例县司法局", 2023, 2), sure("示例县司法局", 2024, 3))
    with library.sessions.begin() as session:
        this, that = get_report(session, current), get_report(session, prior)
        assert this is not None and that is not None
        record(session, PRIOR, this.sha256, that.sha256, REJECTED, "张审阅")
    assert_no_prior(compared(library, current), NoPrior.REJECTED)


def test_the_reviewer_chose_no_prior(library: Library, tmp_path: Path) -> None:
    _prior, current = imported(
        library, tmp_path, sure("示例县司法局", 2023, 2), sure("示例县司法局", 2024, 3)
    )
    with library.sessions.begin() as session:
        this = get_report(session, current)
        assert this is not None
        choose_prior(session, this, None, "张审阅")
    assert_no_prior(compared(library, current), NoPrior.NONE_CHOSEN)


def test_a_prior_asked_for_that_is_not_there(library: Library, tmp_path: Path) -> None:
    (current,) = imported(library, tmp_path, sure("示例县司法局", 2024, 3))
    assert_no_prior(compared(library, current, 9999), NoPrior.MISSING)


def test_every_reason_has_its_own_command_line_message() -> None:
    messages = {reason: no_prior_message(reason, 7) for reason in NoPrior}
    assert len(set(messages.values())) == len(NoPrior)
    assert messages[NoPrior.NOT_FOUND] == (
        "资料库中没有该单位上一年度的报告，无法比较。可用 --prior 指定要比较的报告。"
    )
    assert "reviewdesk prior 7 --auto" in messages[NoPrior.NONE_CHOSEN]
    assert "reviewdesk correct 7 --year" in messages[NoPrior.YEAR_UNKNOWN]
    assert "restore-report" in messages[NoPrior.BINNED]


def test_compare_command_gives_the_reason(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _prior, current = imported(
        library, tmp_path, sure("示例县司法局", 2023, 2), sure("示例县司法局", 2024, 3)
    )
    with library.sessions.begin() as session:
        this = get_report(session, current)
        assert this is not None
        choose_prior(session, this, None, None)
    where = library_location(library.url)
    assert run(["compare", str(current), "--library", where, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reason"] == "none_chosen" and data["prior_id"] is None
    assert run(["compare", str(current), "--library", where]) == 0
    assert capsys.readouterr().out.strip() == no_prior_message(NoPrior.NONE_CHOSEN, current)


def test_figure_objects_carry_the_reviewers_decision(library: Library, tmp_path: Path) -> None:
    from desktop.core.metrics.reviews import review_figure

    (current,) = imported(library, tmp_path, sure("示例县司法局", 2024, 3))
    with library.sessions() as session:
        metrics = report_metrics(session, current, CATALOG)
    assert metrics is not None
    meetings = next(f for f in metrics.figures if f.written == "3次")
    assert meetings.id is not None
    with library.sessions.begin() as session:
        review_figure(session, meetings.id, "excluded", CATALOG, author="张审阅")
    with library.sessions() as session:
        after = report_metrics(session, current, CATALOG)
        row = session.get(models.MetricMention, meetings.id)
    assert after is not None and row is not None
    excluded = after.figure(meetings.id)
    assert isinstance(excluded, Figure) and excluded.excluded and not excluded.fact
    assert excluded.review is not None and (excluded.review.label, excluded.review.author) == (
        "已排除",
        "张审阅",
    )
    assert excluded.as_json()["review"]["decision"] == "excluded"
