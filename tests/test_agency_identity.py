"""Who issued a report, on small hand-written reports: each rule fires, and does not fire."""

from __future__ import annotations

from desktop.core.metadata import ReportMetadata, extract_metadata
from desktop.core.sections import parse_sections
from desktop.core.text.cleaning import clean_text

BODY = "\n一、主要举措和成效\n全年召开专题会议4次。\n二、存在的不足和原因\n基层力量薄弱。"


def meta(text: str, container: dict[str, str] | None = None) -> ReportMetadata:
    cleaned = clean_text(text, "txt").text
    return extract_metadata(cleaned, parse_sections(cleaned).body_end, container or {})


def test_title_names_the_issuer_in_full() -> None:
    m = meta("示例县司法局2024年法治政府建设年度报告\n2024年，我局坚持依法行政。" + BODY)
    assert (m.agency, m.identity.confident, m.identity.kind) == ("示例县司法局", True, "department")
    assert m.identity.evidence[0]["source"] == "title"


def test_sub_bureau_stays_itself() -> None:
    m = meta("某某市公安局某某区分局关于2023年度法治政府建设情况的报告\n2023年，我分局坚持依法行政。" + BODY)
    assert m.agency == "某某市公安局某某区分局" and m.identity.confident
    parent = meta("某某市公安局2023年法治政府建设年度报告\n2023年，我局坚持依法行政。" + BODY)
    assert parent.identity.key != m.identity.key


def test_short_form_completed_from_the_signature() -> None:
    m = meta(
        "市司法局2024年法治政府建设工作报告\n2024年，我局坚持依法行政。"
        + BODY
        + "\n示例市司法局\n2025年1月10日"
    )
    assert (m.agency, m.identity.confident) == ("示例市司法局", True)
    assert [e["role"] for e in m.identity.evidence][:2] == ["short_form", "completion"]


def test_short_form_completed_from_the_addressee() -> None:
    text = (
        "市应急管理局关于2024年法治政府建设情况的报告\n中共示例市委、示例市人民政府：\n2024年，我局坚持依法行政。"
        + BODY
    )
    m = meta(text)
    assert (m.agency, m.identity.confident) == ("示例市应急管理局", True)


def test_short_form_left_unsure_when_the_text_gives_no_more() -> None:
    m = meta("2024年，省司法厅坚持以习近平法治思想为指导，推进法治政府建设。" + BODY)
    assert (m.agency, m.identity.confident, m.identity.key) == ("省司法厅", False, None)
    assert "省" in (m.identity.note or "")


def test_name_seen_only_in_a_cited_document_is_a_suggestion() -> None:
    text = "2023年，市公安局认真落实各项部署，制定落实了《宜春市公安局营商环境提升行动实施方案》。" + BODY
    m = meta(text)
    assert (m.agency, m.identity.confident, m.identity.suggestion) == ("市公安局", False, "宜春市公安局")


def test_place_named_in_passing_gives_only_a_suggestion() -> None:
    m = meta("2024年，省司法厅坚持依法行政，深化法治山西建设。" + BODY)
    assert (m.identity.confident, m.identity.suggestion) == (False, "山西省司法厅")


def test_district_names_that_recur_need_their_city() -> None:
    plain = meta("2024年，和平区教育局坚持依法治教，推进法治政府建设。" + BODY)
    assert (plain.agency, plain.identity.confident) == ("和平区教育局", False)
    assert "天津市和平区" in (plain.identity.note or "")
    placed = meta("2024年，和平区教育局认真落实《天津市法治政府建设实施纲要》，推进法治政府建设。" + BODY)
    assert (placed.agency, placed.identity.confident) == ("天津市和平区教育局", True)


def test_unique_district_is_filed_with_its_city_and_short_body_expanded() -> None:
    m = meta("2024年以来，上城区市场监管局在区委、区政府的正确领导下，推进法治政府建设。" + BODY)
    assert (m.agency, m.identity.confident, m.region) == ("杭州市上城区市场监督管理局", True, "杭州市上城区")


def test_place_only_titles_name_the_government() -> None:
    county = meta("静海区2023年度法治政府建设情况报告\n2023年，静海区坚持依法行政。" + BODY)
    assert (county.agency, county.identity.confident) == ("天津市静海区人民政府", True)
    town = meta("某某镇2023年法治政府建设年度报告\n2023年以来，某某镇坚持依法行政。" + BODY)
    assert (town.agency, town.identity.confident) == ("某某镇人民政府", False)  # which county?
    street = meta("某某路街道2024法治政府建设年度报告\n2024年，某某路街道坚持依法行政。" + BODY)
    assert (street.agency, street.identity.kind, street.identity.confident) == (
        "某某路街道办事处",
        "street",
        False,
    )
    placed = meta("示例县某某镇人民政府2023年法治政府建设年度报告\n2023年，全镇坚持依法行政。" + BODY)
    assert (placed.agency, placed.identity.confident) == ("示例县某某镇人民政府", True)


def test_joint_report_and_its_government_are_one_issuer() -> None:
    joint = meta(
        "中共示例县委 示例县人民政府关于2024年法治政府建设情况的报告\n市委、市政府：\n2024年，我县坚持依法行政。"
        + BODY
    )
    government = meta("示例县人民政府关于2023年法治政府建设情况的报告\n2023年，我县坚持依法行政。" + BODY)
    assert joint.agency == "中共示例县委 示例县人民政府" and joint.identity.confident
    assert joint.identity.key == government.identity.key


def test_page_source_and_publisher_are_not_the_issuer() -> None:
    m = meta(
        "关于示例市2024年法治政府建设情况的报告\n2024年，示例市坚持依法行政。" + BODY,
        {"source": "示例市司法局", "publisher": "示例市人民政府办公室"},
    )
    assert (m.agency, m.identity.confident) == ("示例市人民政府", True)
    only_page = meta("2024年，坚持依法行政，推进法治政府建设工作。" + BODY, {"source": "示例县司法局"})
    assert only_page.agency is None and not only_page.identity.confident


def test_conflicting_trusted_evidence_makes_it_unsure() -> None:
    text = (
        "示例县司法局2024年法治政府建设年度报告\n2024年，我局坚持依法行政。"
        + BODY
        + "\n示例县水利局\n2025年1月10日"
    )
    m = meta(text)
    assert m.agency == "示例县司法局" and not m.identity.confident
    assert any(e["role"] == "conflict" for e in m.identity.evidence)


def test_ministry_needs_no_place_and_fragments_are_never_stated() -> None:
    ministry = meta("教育部2024年法治政府建设年度报告\n2024年，教育部坚持依法行政。" + BODY)
    assert (ministry.agency, ministry.identity.confident, ministry.identity.kind) == (
        "教育部",
        True,
        "ministry",
    )
    for text in (
        "关于2024年法治政府建设的报告\n2024年，在区委的领导下，全区上下大力推进全省司法厅系统改革。" + BODY,
        "2024年度法治政府建设情况\n2024年度省教育厅印发通知，以议案形式提请市司法局审议。" + BODY,
    ):
        found = meta(text)
        assert found.agency is None or not found.identity.confident
        assert found.agency not in ("法治政府", "大力推进全省司法厅", "度省教育厅", "议案形式提请市司法局")


def test_year_from_the_title_before_plan_periods_and_page_dates() -> None:
    stale = "示例市人民政府 2019年12月3日星期二\n无障碍 简体|繁体\n示例市2023年度法治政府建设情况报告\n"
    m = meta(stale + "2023年，示例市按照《示例市法治政府建设实施纲要（2021—2025年）》推进工作。" + BODY)
    assert m.year == 2023
    period = meta("2023年度，示例县司法局按照（20212025年）规划推进工作。" + BODY)
    assert period.year == 2023
    planned = meta(
        "关于落实法治政府建设实施纲要（2021-2025年）的情况\n全年推进各项工作，2023年，我局坚持依法行政。"
        + BODY
    )
    assert planned.year == 2023
    no_nian = meta("某某路街道2024法治政府建设年度报告\n全年推进依法行政各项工作，取得成效。" + BODY)
    assert no_nian.year == 2024
