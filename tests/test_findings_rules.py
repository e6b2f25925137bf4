"""Each finding rule fires on a hand-written defect and stays quiet on the clean report (made-up
issuers of every kind; no corpus text)."""

from __future__ import annotations

import pytest

from tests.findings_texts import (
    ISSUERS,
    LEADER,
    MEASURES,
    NEXT_YEAR,
    OTHER,
    SHORTCOMINGS,
    Report,
    findings,
    rules,
)


@pytest.mark.parametrize("agency", ISSUERS)
def test_a_clean_report_of_every_kind_of_issuer_raises_nothing(agency: str) -> None:
    assert findings(Report(agency=agency)) == []


def test_findings_have_the_documented_shape_and_stable_ids() -> None:
    report = Report(agency="临江市公安局滨河区分局").without(1)
    [missing] = findings(report)
    data = missing.as_json()
    assert {"id", "rule", "severity", "message", "start", "end", "evidence"} <= set(data)
    assert data["rule"] == "part_missing" and data["start"] is None and data["end"] is None
    assert data["severity"] == "critical" and data["severity_label"] == "严重"
    assert data["category"] == "missing_content" and "第一责任人" in data["message"]
    # Same text, same id; the id does not depend on where the passage is.
    assert findings(report)[0].id == missing.id
    shifted = Report(agency="临江市公安局滨河区分局", opening="现将有关情况报告如下：").without(1)
    assert findings(shifted)[0].id == missing.id


# ---- required parts ----------------------------------------------------------------------------


def test_missing_part_fires_for_each_required_part() -> None:
    for index, kind in ((1, "leader_duty"), (2, "shortcomings"), (3, "next_year")):
        found = [f for f in findings(Report(agency="桃源镇人民政府").without(index))]
        assert [(f.rule, f.key) for f in found] == [("part_missing", kind)], kind


def test_a_part_named_only_in_a_sentence_is_reported_at_that_sentence() -> None:
    measures = MEASURES + "主要负责人认真履行推进法治建设第一责任人职责，亲自部署重要工作。"
    report = Report(agency="东湖街道办事处").with_part(0, measures).without(1)
    text = report.text()
    [found] = findings(report)
    assert (found.rule, found.key, found.severity) == ("part_only_sentence", "leader_duty", "serious")
    assert "第一责任人" in text[found.start : found.end]


def test_a_part_of_one_short_sentence_is_only_a_sentence() -> None:
    thin = "二、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人切实履行第一责任人职责，召开会议研究法治工作。"
    [found] = findings(Report(agency="示例省教育厅").with_part(1, thin))
    assert (found.rule, found.key) == ("part_only_sentence", "leader_duty")
    # Two sentences that say something are a part.
    assert findings(Report(agency="示例省教育厅").with_part(1, LEADER)) == []


def test_without_any_heading_a_missing_part_is_only_a_question() -> None:
    flat = "青石县司法局2024年法治政府建设年度报告\n2024年，我局依法行政，开展培训3期，参训150人次。\n青石县司法局\n2025年1月15日\n"
    found = [f for f in findings(flat) if f.rule == "part_missing"]
    assert found and all(f.severity == "normal" and "人工确认" in f.message for f in found)


# ---- shortcomings ------------------------------------------------------------------------------


def test_shortcomings_without_causes() -> None:
    no_cause = SHORTCOMINGS.split("究其原因")[0]
    found = findings(Report(agency="临江市市场监督管理局").with_part(2, no_cause))
    assert rules(found) == ["shortcomings_no_cause"]
    assert "标题写明“不足和原因”" in found[0].message
    # 由于… is a cause too.
    with_cause = no_cause + "由于编制限制，专业执法人员补充缓慢。"
    assert findings(Report(agency="临江市市场监督管理局").with_part(2, with_cause)) == []


def test_shortcomings_of_stock_phrases_only() -> None:
    generic = (
        "三、存在的不足和原因\n一是法治意识有待进一步提高。二是执法力量相对薄弱。三是普法宣传力度还需加大。"
        "四是制度建设还不够完善。\n究其原因，学习还不够深入。"
    )
    found = findings(Report(agency="云山经济开发区管理委员会").with_part(2, generic))
    assert "shortcomings_generic" in rules(found)
    [f] = [f for f in found if f.rule == "shortcomings_generic"]
    assert f.evidence["generic_items"] == 4 and f.severity == "normal"
    # The same phrases with specifics (a figure, a case) are not stock phrases only.
    specific = generic.replace("执法力量相对薄弱。", "执法力量相对薄弱，全区仅有执法人员7名。")
    assert "shortcomings_generic" not in rules(
        findings(Report(agency="云山经济开发区管理委员会").with_part(2, specific))
    )


def test_very_short_shortcomings() -> None:
    short = "三、存在的不足和原因\n一是执法人员偏少，原因是编制不足。二是普法方式单一，原因是经费有限。"
    found = findings(Report(agency="青石县人民政府").with_part(2, short))
    assert "shortcomings_short" in rules(found)
    assert "shortcomings_short" not in rules(findings(Report(agency="青石县人民政府")))


# ---- next year and the principal leader --------------------------------------------------------


def test_next_year_plan_without_anything_concrete() -> None:
    vague = (
        "四、2025年工作打算\n2025年，我们将继续坚持以习近平法治思想为指导，进一步提高思想认识，"
        "持续深化法治政府建设，不断提升依法行政水平。坚持问题导向，强化责任落实，"
        "推动法治建设各项任务落地见效，努力开创法治建设新局面。"
    )
    found = findings(Report(agency="桃源镇人民政府").with_part(3, vague))
    assert rules(found) == ["next_year_not_concrete"]
    # One deadline is something to check next year.
    dated = vague.replace("不断提升依法行政水平", "6月底前出台行政执法监督办法")
    assert findings(Report(agency="桃源镇人民政府").with_part(3, dated)) == []


def test_leader_part_without_meetings_study_instructions_or_counts() -> None:
    vague = (
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "主要负责人高度重视法治建设，切实履行第一责任人职责，做到重要工作亲自部署、重大问题亲自过问。"
        "坚持把法治建设摆在全局工作的重要位置，统筹推进各项工作落实。"
    )
    found = findings(Report(agency="临江市生态环境局").with_part(1, vague))
    assert rules(found) == ["leader_duty_vague"]
    assert findings(Report(agency="临江市生态环境局").with_part(1, LEADER)) == []


# ---- carried over and figures ------------------------------------------------------------------


def test_shortcomings_and_plan_copied_from_last_year() -> None:
    prior = Report(agency="临江市公安局滨河区分局", year=2023)
    current = Report(agency="临江市公安局滨河区分局", year=2024)
    found = findings(current, prior)
    carried = [f for f in found if f.rule == "carried_over"]
    assert {f.key for f in carried} == {"shortcomings", "next_year"}
    assert all(f.evidence["share"] >= 0.5 and f.severity == "serious" for f in carried)
    # Rewritten parts are not carried over.
    fresh = current.with_part(
        2,
        SHORTCOMINGS.replace("一是执法力量与任务不匹配", "一是新划入的职责承接不到位")
        .replace("二是个别执法案卷", "二是部分执法文书")
        .replace("三是普法宣传", "三是信息公开")
        .replace("究其原因", "分析原因"),
    )
    keys = {f.key for f in findings(fresh, prior) if f.rule == "carried_over"}
    assert "shortcomings" not in keys


@pytest.mark.parametrize(
    ("agency", "figures", "rate", "fixed_rate"),
    [
        ("临江市市场监督管理局", "全年办理行政诉讼案件20件，败诉3件，败诉率5%。", "败诉率5%", "败诉率15%"),
        ("青石县应急管理局", "全年发现问题隐患200项，已整改180项，整改率95%。", "整改率95%", "整改率90%"),
    ],
)
def test_figures_that_do_not_add_up(agency: str, figures: str, rate: str, fixed_rate: str) -> None:
    measures = MEASURES.replace("评查案卷60卷。", "评查案卷60卷。" + figures)
    found = findings(Report(agency=agency).with_part(0, measures))
    [f] = [f for f in found if f.rule == "figures_inconsistent"]
    assert rate[3:] in f.message.replace(" ", "") and rate[:3] in f.quote
    fixed = measures.replace(rate, fixed_rate)
    assert "figures_inconsistent" not in rules(findings(Report(agency=agency).with_part(0, fixed)))


def test_stated_change_that_last_year_does_not_bear_out() -> None:
    def with_accidents(count: int, change: str = "") -> str:
        return MEASURES.replace(
            "评查案卷60卷。", f"评查案卷60卷。全年全县发生生产安全事故{count}起{change}。"
        )

    agency = "青石县应急管理局"
    prior = Report(agency=agency, year=2023).with_part(0, with_accidents(25))
    wrong = Report(agency=agency, year=2024).with_part(0, with_accidents(20, "，同比下降30%"))
    [f] = [f for f in findings(wrong, prior) if f.rule == "stated_change_contradicts"]
    assert "30" in f.message and "同比下降30%" in f.quote
    right = Report(agency=agency, year=2024).with_part(0, with_accidents(20, "，同比下降20%"))
    assert "stated_change_contradicts" not in rules(findings(right, prior))


# ---- time --------------------------------------------------------------------------------------


def test_this_year_in_a_report_written_the_year_after() -> None:
    measures = MEASURES.replace("（二）规范行政执法。", "（二）规范行政执法。今年以来，")
    found = findings(Report(agency="东湖街道办事处").with_part(0, measures))
    [f] = [f for f in found if f.rule == "time_word_this_year"]
    assert f.quote.startswith("今年以来") and "2025年1月15日" in f.message
    # Written within the year: 今年 is that year.
    inside = Report(agency="东湖街道办事处", date="2024年12月20日").with_part(0, measures)
    assert "time_word_this_year" not in rules(findings(inside))
    # In next year's plan 今年 is the year it is written in.
    plan = NEXT_YEAR + "今年，我们将完成执法证件年审。"
    assert "time_word_this_year" not in rules(findings(Report(agency="东湖街道办事处").with_part(3, plan)))


def test_this_year_without_a_date_is_a_question() -> None:
    measures = MEASURES.replace("（二）规范行政执法。", "（二）规范行政执法。今年，")
    [f] = [
        f
        for f in findings(Report(agency="示例省教育厅", date=None).with_part(0, measures))
        if f.rule == "time_word_this_year"
    ]
    assert f.severity == "normal" and "未注明成文日期" in f.message


@pytest.mark.parametrize("period", ["截至11月底", "截至2024年10月31日", "1-10月", "截至目前"])
def test_data_period_that_stops_early(period: str) -> None:
    measures = MEASURES.replace("全年对12件规范性文件", f"{period}，对12件规范性文件")
    found = [
        f
        for f in findings(Report(agency="青石县人民政府").with_part(0, measures))
        if f.rule == "data_period_early"
    ]
    assert len(found) == 1 and period[:4] in found[0].quote


@pytest.mark.parametrize("period", ["截至12月31日", "1-12月", "截至2025年1月"])
def test_a_full_year_period_is_not_early(period: str) -> None:
    measures = MEASURES.replace("全年对12件规范性文件", f"{period}，对12件规范性文件")
    assert findings(Report(agency="青石县人民政府").with_part(0, measures)) == []


def test_late_report_and_late_publication() -> None:
    late = findings(Report(agency="临江市生态环境局", date="2025年3月10日"))
    [f] = late
    assert (f.rule, f.key) == ("late", "report_date") and "晚 9 天" in f.message
    assert f.quote == "2025年3月10日"
    assert findings(Report(agency="临江市生态环境局", date="2025年3月1日")) == []


def test_deadlines_come_from_the_configuration() -> None:
    import json

    from desktop.core.findings.config import load_config, parse_config
    from desktop.core.resources import resource

    raw = json.loads(resource("findings.json").read_text(encoding="utf-8"))
    earlier = parse_config(raw, {"deadlines": {"report_by": "02-15"}})
    found = findings(Report(agency="临江市生态环境局", date="2025年2月20日"), config=earlier)
    assert rules(found) == ["late"]
    assert findings(Report(agency="临江市生态环境局", date="2025年2月20日"), config=load_config(None)) == []


# ---- form --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "青石县司法局2024年法治政府建设工作总结",
        "青石县司法局2025年法治政府建设工作要点",
        "青石县司法局2024年度工作报告",
    ],
)
def test_title_not_in_the_standard_form(title: str) -> None:
    found = findings(Report(title=title))
    assert rules(found) == ["title_nonstandard"]
    assert found[0].quote == title


def test_standard_title_variants_pass() -> None:
    for title in ("青石县司法局2024年法治政府建设年度报告", "青石县司法局2024年度法治建设工作报告"):
        assert findings(Report(title=title)) == []


def test_missing_signature_and_date() -> None:
    found = findings(Report(agency="桃源镇人民政府", signature="", date=None))
    assert [(f.rule, f.key) for f in found] == [("closing_incomplete", "signature_date")]
    only_date = findings(Report(agency="桃源镇人民政府", date=None))
    assert [(f.rule, f.key) for f in only_date] == [("closing_incomplete", "date")]


# ---- numbering and brackets --------------------------------------------------------------------


def test_skipped_and_repeated_heading_numbers() -> None:
    skipped = Report(agency="临江市公安局滨河区分局").with_part(3, NEXT_YEAR.replace("四、", "五、", 1))
    found = [f for f in findings(skipped) if f.rule == "numbering_slip"]
    assert [f.key for f in found][:1] == ["skipped"] and "缺少序号“四”" in found[0].message
    repeated = Report(agency="临江市公安局滨河区分局").with_part(0, MEASURES.replace("（三）", "（二）"))
    assert [f.key for f in findings(repeated) if f.rule == "numbering_slip"] == ["repeated"]


def test_heading_number_without_its_comma() -> None:
    found = findings(Report(agency="示例省教育厅").with_part(4, OTHER.replace("五、", "五")))
    [f] = [f for f in found if f.rule == "numbering_slip"]
    assert f.key == "no_dunhao" and f.quote.startswith("五其他")
    # Phrases that begin with a numeral are not headings.
    ok = MEASURES + "\n三项制度全面落实，执法公示率100%。"
    assert "numbering_slip" not in rules(findings(Report(agency="示例省教育厅").with_part(0, ok)))


def test_empty_and_unbalanced_brackets() -> None:
    empty = Report(agency="云山经济开发区管理委员会").with_part(
        0, MEASURES.replace("（三）深化普法宣传", "（）深化普法宣传")
    )
    assert "bracket_slip" in rules(findings(empty))
    unbalanced = MEASURES.replace("修订", "").replace(
        "编制重大行政决策事项目录", "印发《重大行政决策程序规定实施细则"
    )
    found = [
        f
        for f in findings(Report(agency="云山经济开发区管理委员会").with_part(0, unbalanced))
        if f.rule == "bracket_slip"
    ]
    assert [f.key for f in found] == ["unbalanced《》"]
    assert "《" in found[0].quote


# ---- configuration -----------------------------------------------------------------------------


def test_a_rule_switched_off_in_the_user_file_stays_quiet(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.findings.config import load_config

    (tmp_path / "findings.json").write_text('{"rules": {"late": {"enabled": false}}}', encoding="utf-8")
    config = load_config(tmp_path)
    assert findings(Report(agency="临江市生态环境局", date="2025年3月10日"), config=config) == []
    assert config.rule("late")["category"] == "timeliness"  # the rest stays built-in


def test_a_misspelt_rule_or_bad_pattern_is_refused_with_a_message(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.findings.config import FindingsConfigError, load_config

    (tmp_path / "findings.json").write_text('{"rules": {"lat": {"enabled": false}}}', encoding="utf-8")
    with pytest.raises(FindingsConfigError, match="未知的规则“lat”"):
        load_config(tmp_path)
    (tmp_path / "findings.json").write_text(
        '{"rules": {"time_word_this_year": {"patterns": ["今年("]}}}', encoding="utf-8"
    )
    with pytest.raises(FindingsConfigError, match="正则表达式"):
        load_config(tmp_path)
