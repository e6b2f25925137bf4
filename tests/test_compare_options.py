"""What the comparison ignores: year-only changes (the report's years moving on) and sentences split
across lines differently; both on by default, both reflected in the carried-over share, and exposed
on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.paths import library_location
from db.session import Library
from desktop.cli import run
from desktop.core.compare import CompareOptions, Comparison, compare_texts
from desktop.core.compare.years import relative_key, same_but_years
from desktop.core.importing import import_files
from desktop.core.metrics.store import default_catalog
from desktop.core.prior_year import compare_in_library
from desktop.core.sections import parse_sections
from tests.test_compare_properties import assert_tiles, report_pairs


def report(agency: str, year: int, lines: list[str]) -> str:
    head = f"{agency}关于{year}年法治政府建设情况的报告\n一、{year}年法治政府建设主要举措和成效\n"
    tail = f"二、存在的不足和原因\n执法力量与监管任务不相匹配，基层执法装备配备不足。\n{agency}\n{year + 1}年1月15日\n"
    return head + "\n".join(lines) + "\n" + tail


def compare(a: str, b: str, years: tuple[int, int] | None, **options: bool) -> Comparison:
    chosen = CompareOptions(**options)
    if years is not None:
        chosen = chosen.with_years(*years)
    comparison = compare_texts(a, parse_sections(a).sections, b, parse_sections(b).sections, options=chosen)
    assert_tiles(comparison, a, b)
    return comparison


def changed(comparison: Comparison, a: str, b: str) -> list[tuple[str, str]]:
    return [
        (a[o.a_start : o.a_end].strip(), b[o.b_start : o.b_end].strip())
        for o in comparison.ops
        if o.op != "equal"
    ]


@pytest.mark.parametrize(
    ("agency", "before", "after"),
    [
        (
            "桃源镇人民政府",
            "2023年，全镇共开展执法检查120次，办理行政复议案件3件。",
            "2024年，全镇共开展执法检查120次，办理行政复议案件3件。",
        ),
        (
            "示例省教育厅",
            "二〇二三年，全厅审核规范性文件12件，清理文件30件。",
            "二〇二四年，全厅审核规范性文件12件，清理文件30件。",
        ),
        (
            "东湖街道办事处",
            "2023年度共调处矛盾纠纷86起，比2022年增加5起。",
            "本年度共调处矛盾纠纷86起，比上一年度增加5起。",
        ),
        (
            "临江市公安局滨河区分局",
            "2023年12月底前完成执法办案中心建设，较去年提前两个月。",
            "2024年12月底前完成执法办案中心建设，较上年提前两个月。",
        ),
    ],
)
def test_a_year_that_moved_on_with_the_report_is_no_change(agency: str, before: str, after: str) -> None:
    a, b = report(agency, 2023, [before]), report(agency, 2024, [after])
    ignored = compare(a, b, (2023, 2024))
    assert changed(ignored, a, b) == []
    assert ignored.carried_over == 1.0  # the sentence was carried over with its date updated
    as_written = compare(a, b, (2023, 2024), ignore_years=False)
    assert changed(as_written, a, b) != []
    assert (as_written.carried_over or 0) <= 1.0  # a long sentence still counts as near-identical


def test_other_year_changes_still_count() -> None:
    a = report("青石县司法局", 2023, ["2023年完成执法案卷评查60卷，2021年以来累计评查180卷。"])
    b = report("青石县司法局", 2024, ["2024年完成执法案卷评查60卷，2021年以来累计评查240卷。"])
    diffs = changed(compare(a, b, (2023, 2024)), a, b)
    assert ("180", "240") in diffs  # the figure, of course
    # 2021 stays 2021 (a fixed year, written the same) and is equal; 2023 → 2024 is ignored.
    assert changed(compare(a, b, (2023, 2024)), a, b) == [("180", "240")]
    assert all("2021" not in x + y and "2023" not in x for x, y in diffs)
    c = report("青石县司法局", 2024, ["2025年完成执法案卷评查60卷，2021年以来累计评查180卷。"])
    assert changed(compare(a, c, (2023, 2024)), a, c) == [("2023年", "2025年")]  # moved by two: a change


def test_without_both_years_years_are_compared_as_written() -> None:
    a = report("青石县司法局", 2023, ["2023年，全局开展执法检查120次。"])
    b = report("青石县司法局", 2024, ["2024年，全局开展执法检查120次。"])
    assert changed(compare(a, b, None), a, b) != []
    assert changed(compare(a, b, (None, 2024)), a, b) != []  # type: ignore[arg-type]


def test_relative_keys() -> None:
    assert relative_key("2024年度", 2024) == relative_key("本年度", 2023) == relative_key("今年", 2030)
    assert relative_key("2022年", 2023) == relative_key("去年", 2024) == relative_key("上一年度", 2025)
    assert relative_key("二〇二五年", 2024) == relative_key("明年", 2030)
    assert relative_key("2021年以来", 2024) == "2021年以来"  # a fixed year stays as written
    assert relative_key("检查2024家", 2024) == "检查2024家"  # no 年: a count, not a year
    assert relative_key("一二三四年", 2024) == "一二三四年"  # not a plausible year
    assert same_but_years("2023年完成，2021年以来", "2024年完成，2021年以来", 2023, 2024)
    assert not same_but_years("2023年完成", "2025年完成", 2023, 2024)


SPLIT_BEFORE = [
    "局党委坚持把学习贯彻习近平法治思想作为第一议题，全年组织集体学法12次，参考率达100%。",
    "全年检查企业1300家，发现隐患5230项。",
]
SPLIT_AFTER = [
    "局党委坚持把学习贯彻习近平法治思想作为第一议题，",
    "全年组织集体学法12次，参考率达100%。",
    "全年检查企业1450家，发现隐患6010项。",
]


def test_a_sentence_split_across_lines_is_no_change() -> None:
    a, b = (
        report("云山经济开发区管理委员会", 2023, SPLIT_BEFORE),
        report("云山经济开发区管理委员会", 2024, SPLIT_AFTER),
    )
    joined = compare(a, b, (2023, 2024))
    diffs = changed(joined, a, b)
    assert diffs == [("1300", "1450"), ("5230", "6010")]  # only the figures changed
    as_written = compare(a, b, (2023, 2024), ignore_splits=False)
    assert any("集体学法" in x + y for x, y in changed(as_written, a, b))
    assert (as_written.carried_over or 0) < (joined.carried_over or 0)


def test_the_library_share_and_the_command_line_agree(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agency = "青石县司法局"
    lines = ["2023年达标。", "全年组织执法培训2期，参训150人次。"]  # a short dated sentence
    newer = [line.replace("2023年", "2024年") for line in lines]
    for name, year, body in (("a.txt", 2023, lines), ("b.txt", 2024, newer)):
        (tmp_path / name).write_text(report(agency, year, body), encoding="utf-8")
    outcomes = import_files(library.sessions, [tmp_path / "a.txt", tmp_path / "b.txt"])
    current = outcomes[1].report_id or 0
    with library.sessions() as session:
        from db import models

        stored = session.get(models.ComparisonSummary, current)
        compared = compare_in_library(session, current, default_catalog())
        assert stored is not None and compared is not None
        assert stored.carried_over == compared[0]["carried_over"] == 1.0
    where = library_location(library.url)
    assert run(["compare", str(current), "--library", where, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["carried_over"] == 1.0 and shown["options"] == {"ignore_years": True, "ignore_splits": True}
    assert run(["compare", str(current), "--no-ignore-years", "--library", where, "--json"]) == 0
    written = json.loads(capsys.readouterr().out)
    assert written["options"]["ignore_years"] is False and written["carried_over"] < 1.0
    assert run(["compare", str(current), "--no-ignore-splits", "--library", where]) == 0
    assert "100%" in capsys.readouterr().out


YEARISH = "20234年度本上一去今明前下二〇○三四检查企业。，；\n 15"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=YEARISH, max_size=160), st.text(alphabet=YEARISH, max_size=160))
def test_ops_tile_texts_full_of_years(a: str, b: str) -> None:
    for options in (CompareOptions().with_years(2023, 2024), CompareOptions(ignore_splits=False)):
        comparison = compare_texts(
            a, parse_sections(a).sections, b, parse_sections(b).sections, options=options
        )
        assert_tiles(comparison, a, b)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_pairs())
def test_ops_tile_edited_reports_with_years(pair: tuple[str, str]) -> None:
    a, b = pair
    b = b.replace("2024年", "2025年", 1)
    for options in (
        CompareOptions().with_years(2024, 2025),
        CompareOptions(ignore_splits=False).with_years(2024, 2025),
    ):
        assert_tiles(
            compare_texts(a, parse_sections(a).sections, b, parse_sections(b).sections, options=options), a, b
        )
