"""Sections and metadata on hand-written reports in the shapes real ones come in."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.metadata import extract_metadata, find_date
from desktop.core.sections import classify_heading, parse_sections
from desktop.core.text.cleaning import clean_text


def analyse(text: str, fmt: str = "txt"):  # type: ignore[no-untyped-def]
    cleaned = clean_text(text, fmt).text
    sections = parse_sections(cleaned)
    return cleaned, sections, extract_metadata(cleaned, sections.body_end, {})


COUNTY = """关于2023年度法治政府建设工作情况的报告
县委、县政府：
2023年，我局在县委、县政府的坚强领导下，认真贯彻落实法治政府建设各项部署。现将有关情况报告如下：
一、主要工作及成效
（一）加强组织领导。局党组召开会议4次。
1.健全制度。修订制度3项。
（1）完善清单。
二、党政主要负责人履行推进法治建设第一责任人职责情况
局主要负责人带头学法。
三、存在的问题
执法力量不足。
四、下一步工作打算
一是继续加强学习。二是强化执法监督。
泰和县应急管理局
二〇二四年一月十五日"""


def test_county_report_with_signature_only_and_chinese_numeral_date() -> None:
    _text, sections, meta = analyse(COUNTY)
    assert meta.agency == "泰和县应急管理局" and meta.region == "泰和县"
    assert meta.year == 2023 and meta.report_date == date(2024, 1, 15)
    assert [(s.kind, s.heading) for s in sections.sections if s.level == 1] == [
        ("measures", "一、主要工作及成效"),
        ("leader_duty", "二、党政主要负责人履行推进法治建设第一责任人职责情况"),
        ("shortcomings", "三、存在的问题"),
        ("next_year", "四、下一步工作打算"),
    ]
    assert sections.missing == []
    levels = {s.level for s in sections.sections}
    assert levels == {1, 2, 3, 4, 5}
    points = [s for s in sections.sections if s.level == 5]
    assert [p.number for p in points] == ["一是", "二是"] and all(p.kind == "next_year" for p in points)


def test_flattened_web_copy_with_title_and_no_date() -> None:
    text = (
        "北京市朝阳区市场监督管理局2024年法治政府建设年度报告 2024年，朝阳区市场监督管理局坚持以习近平法治思想为指导，"
        "认真落实各项要求，取得明显成效。 一、2024年推进法治政府建设的主要举措和成效 （一）强化组织领导。全年召开专题会议6次。"
        " 二、存在的不足和原因 一是执法人员专业素质有待提升。二是普法宣传形式单一。 三、2025年工作安排 一是加强队伍建设。"
    )
    cleaned, sections, meta = analyse(text)
    assert cleaned.split("\n")[0] == "北京市朝阳区市场监督管理局2024年法治政府建设年度报告"
    assert meta.agency == "北京市朝阳区市场监督管理局" and meta.region == "北京市朝阳区"
    assert meta.title_generated is False and meta.report_date is None and meta.year == 2024
    assert [s.kind for s in sections.sections if s.level == 1] == ["measures", "shortcomings", "next_year"]
    assert sections.missing == ["leader_duty"]


def test_headings_run_into_text_without_any_break() -> None:
    text = (
        "2024年，某市司法局扎实推进法治政府建设。一、主要举措和成效全年办理行政复议案件12件。"
        "二、存在的不足和原因基层力量薄弱。三、2025年工作安排2025年，我局将继续努力。"
    )
    cleaned, sections, _meta = analyse(text, "docx")
    level1 = [s for s in sections.sections if s.level == 1]
    assert [s.kind for s in level1] == ["measures", "shortcomings", "next_year"]
    assert level1[2].heading == "三、2025年工作安排"
    assert cleaned[level1[1].start :].startswith("二、存在的不足和原因")


def test_generated_title_is_flagged() -> None:
    _text, _sections, meta = analyse("2024年，示例县水利局坚持依法行政。\n一、主要举措和成效\n完成任务。")
    assert meta.title == "示例县水利局2024年法治政府建设年度报告" and meta.title_generated


def test_classification_of_typical_headings() -> None:
    assert classify_heading("存在的问题及下一步工作打算") == ["shortcomings", "next_year"]
    assert classify_heading("2024年法治政府建设工作情况") == ["measures"]
    assert classify_heading("其他需要报告的情况") == ["other"]
    assert classify_heading("下一年度推进法治政府建设的主要安排") == ["next_year"]
    assert classify_heading("加强法治政府建设的组织领导") == []


def test_combined_part_covers_both_required_parts() -> None:
    text = "一、主要举措和成效\n做了工作。\n二、党政主要负责人履职情况\n履职。\n三、存在的问题和下一步打算\n问题与计划。"
    _cleaned, sections, _meta = analyse(text, "docx")
    assert sections.missing == []


def test_closing_block_is_not_part_of_the_last_section() -> None:
    cleaned, sections, _meta = analyse(COUNTY)
    last = [s for s in sections.sections if s.level == 1][-1]
    assert "泰和县应急管理局" not in cleaned[last.start : last.end]
    assert cleaned[sections.body_end :].startswith("泰和县应急管理局")


def test_dates_in_both_notations() -> None:
    assert find_date("2025年1月20日") == date(2025, 1, 20)
    assert find_date("二〇二五年一月二十日") == date(2025, 1, 20)
    assert find_date("2025年2月30日") is None


CLOSING_BODY = """示例镇人民政府2024年法治政府建设年度报告
一、主要举措和成效
全年调解矛盾纠纷86件，开展法治讲座12场，镇村两级法律顾问实现全覆盖，行政执法案卷评查合格率100%。
二、下一年度主要安排
下一年度我局将继续加强执法队伍建设
"""


def test_a_body_line_that_starts_like_a_name_is_not_the_signature() -> None:
    cleaned, sections, _meta = analyse(CLOSING_BODY)
    assert sections.body_end == len(cleaned)
    assert sections.sections[-1].end == len(cleaned)


@pytest.mark.parametrize(
    "tail",
    ["（此件公开发布）", "公开方式：主动公开\n抄送：县委依法治县办。", "示例镇党政办公室2025年1月8日印发"],
)
def test_signature_and_date_are_found_under_any_closing_lines(tail: str) -> None:
    text = CLOSING_BODY.replace("下一年度我局将继续加强执法队伍建设", "下一年度将继续加强执法队伍建设。")
    text += "示例镇人民政府\n2025年1月8日\n" + tail + "\n"
    cleaned, sections, meta = analyse(text)
    assert cleaned[sections.body_end :].startswith("示例镇人民政府")
    assert meta.report_date is not None and meta.report_date.isoformat() == "2025-01-08"
