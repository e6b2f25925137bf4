"""Every number form, and every kind of non-figure, from the domain guide."""

from __future__ import annotations

import pytest

from desktop.core.metrics.catalog import load_catalog
from desktop.core.metrics.extract import extract_metrics
from desktop.core.metrics.numbers import chinese_value, find_numbers

CATALOG = load_catalog()
EMERGENCY = CATALOG.with_packs(["emergency"])
"""These snippets come from 应急管理局 reports: read with the core and the 应急 pack."""


def figures(text: str) -> list[tuple[float, str | None, str | None]]:
    return [(t.value, t.unit, t.qualifier) for t in find_numbers(text)]


def metrics(text: str) -> list[tuple[str | None, float, str | None, str | None]]:
    return [(m.key, m.value, m.unit, m.qualifier) for m in extract_metrics(text, [], EMERGENCY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("检查企业1,300家", [(1300, "家", None)]),
        ("隐患整改率91.76%", [(91.76, "%", None)]),
        ("检查企业１３００家", [(1300, "家", None)]),
        ("召开三次专题会议", [(3, "次", None)]),
        ("发生两起事故", [(2, "起", None)]),
        ("开展十余次检查", [(10, "次", "余")]),
        ("梳理1.9万余项", [(19000, "项", "余")]),
        ("处罚金额102.8余万元", [(102.8, "万元", "余")]),
        ("罚没7亿多元", [(7, "亿元", "多")]),  # money keeps its magnitude in the unit
        ("覆盖250万人次", [(2_500_000, "人次", None)]),
        ("阅读量突破20万人次", [(200_000, "人次", "超")]),
        ("参训980多人次", [(980, "人次", "多")]),
        ("发放约5000本", [(5000, "本", "约")]),
        ("近300家企业", [(300, "家", "近")]),
        ("超过60人", [(60, "人", "超")]),
        ("培训500人以上", [(500, "人", "以上")]),
        ("检查7603家（次）", [(7603, "家（次）", None)]),
    ],
)
def test_number_forms(text: str, expected: list[tuple[float, str, str | None]]) -> None:
    assert figures(text) == expected


def test_chinese_range_without_dunhao() -> None:
    (token,) = find_numbers("每月开展三四次检查")
    assert (token.low, token.high, token.unit) == (3, 4, "次")


def test_chinese_numeral_values() -> None:
    assert [chinese_value(t) for t in ("十二", "二十", "三百五十", "两", "一千零五")] == [
        12,
        20,
        350,
        2,
        1005,
    ]


@pytest.mark.parametrize(
    "text",
    [
        "全面落实三项制度",
        "深入实施八五普法规划",
        "把学习贯彻作为第一议题",
        "一是加强学习。二是强化监管。",
        "1.压实安全生产责任",
        "（1）聚焦重点行业领域",
        "2024年11月21日",
        "印发《实施方案》（示应急〔2024〕3号）",
        "按照《法治政府建设实施纲要（2021-2025年）》",
        "畅通12345热线",
        "围绕省委“1310”具体部署和江门市委“1+6+3”工作任务",
        "依托“5.12防灾减灾日”",
        "学习党的二十届三中全会精神",
        "学习鹤山市委十三届七次全会精神",
        "截至11月20日",
        "1-8月全市事故起数下降",
        "落实一岗双责和双随机、一公开",
        "建立两项制度",
        "第五届广东省应急管理普法活动",
    ],
)
def test_not_figures(text: str) -> None:
    assert [m for m in metrics(text) if m[0] is not None] == []
    assert all(unit not in ("%",) or "%" in text for _k, _v, unit, _q in metrics(text))


def test_fixed_expressions_and_requirements_are_not_figures_at_all() -> None:
    assert metrics("全面落实三项制度，建立两项制度") == []
    assert metrics("开展了不少于1次的群众疏散避险应急演练") == []


def test_decrease_is_a_negative_change() -> None:
    assert metrics("全市事故起数同比下降13.6%") == [("accidents_change", -13.6, "%", None)]
    assert metrics("死亡人数同比上升5%") == [("deaths_change", 5, "%", None)]


def test_respectively_assigns_figures_in_order_and_leaves_unknown_nouns_alone() -> None:
    found = metrics("全市事故起数、死亡人数、受伤人数较去年同期分别下降36.3%、41.6%、75%")
    assert found == [
        ("accidents_change", -36.3, "%", None),
        ("deaths_change", -41.6, "%", None),
        (None, -75, "%", None),  # no metric, but still a decrease
    ]


def test_respectively_after_the_counts_refers_back_to_them() -> None:
    found = metrics("全年共发生生产安全事故23起、死亡9人，同比分别下降11.5%和10%。")
    assert [(k, v) for k, v, _u, _q in found] == [
        ("accidents", 23),
        ("deaths", 9),
        ("accidents_change", -11.5),
        ("deaths_change", -10),
    ]


def test_zero_words_are_counts_of_zero() -> None:
    found = metrics("行政工作实现了零复议、零诉讼。")
    assert [(k, v, u) for k, v, u, _q in found] == [("reconsiderations", 0, None), ("litigations", 0, None)]


def test_trigger_inside_a_longer_word_or_a_law_title_does_not_count() -> None:
    assert metrics("建立案件台账30个") == [(None, 30, "个", None)]
    assert metrics("开展2次《行政处罚法》专题培训") == [("enforcement_trainings", 2, "次", None)]


def test_listed_parts_are_not_counted_again() -> None:
    found = metrics("全年共办理行政许可142件（其中危险化学品经营许可96件、烟花爆竹经营许可38件）")
    assert [(k, v) for k, v, _u, _q in found] == [("licenses", 142), (None, 96), (None, 38)]


def test_unknown_figures_are_kept_as_other_figures() -> None:
    assert metrics("完善应急预案269宗") == [(None, 269, "宗", None)]


def test_every_mention_points_at_its_number_and_sentence() -> None:
    text = "一、主要举措和成效\n全年检查企业1300家，发现隐患4782项。第二句。"
    (first, second) = extract_metrics(text, [], EMERGENCY)
    assert text[first.start : first.end] == "1300家"
    assert first.sentence == "全年检查企业1300家，发现隐患4782项。"
    assert first.quote == "全年检查企业1300家" and second.quote == "发现隐患4782项"
    assert (first.key, second.key) == ("inspections", "hazards_found")


def test_a_trigger_inside_a_longer_dictionary_word_is_not_that_metric() -> None:
    found = metrics("其中全市规模以上企业工伤事故同比下降37.04%")
    assert found == [(None, -37.04, "%", None)]
