"""Prior-year comparison by part: renamed, reordered, added and dropped parts; 照搬往年 flags on
the sample reports and the corpus pairs (real files, analysed as the app does)."""

from __future__ import annotations

from functools import cache

from desktop.core.analysis import AnalysedReport, analyse
from desktop.core.compare import Comparison, SectionPair, compare_reports, compare_texts
from desktop.core.sections import parse_sections
from tests.conftest import corpus_path
from tests.helpers import sample
from tests.test_compare_properties import assert_tiles

HEAD = "示例市应急管理局关于2024年法治政府建设情况的报告\n"
MEASURES = "全年检查企业1300家，发现隐患5230项，整改率95.33%。开展普法活动45场，覆盖3.2万人次。"
SHORTCOMINGS = "执法力量与监管任务不相匹配。普法宣传的针对性不够强。基层执法装备配备不足。"
PLANS = "深入落实行政执法三项制度，推行分类分级执法。持续开展执法人员专业培训。"


def compare(a: str, b: str) -> Comparison:
    comparison = compare_texts(a, parse_sections(a).sections, b, parse_sections(b).sections)
    assert_tiles(comparison, a, b)
    return comparison


def pair_of(comparison: Comparison, kind: str) -> SectionPair:
    return next(p for p in comparison.sections if p.kind == kind)


def test_renamed_parts_are_aligned_by_kind_and_heading() -> None:
    a = (
        HEAD
        + f"一、主要举措和成效\n{MEASURES}\n二、存在的不足和原因\n{SHORTCOMINGS}\n三、下一年度工作安排\n{PLANS}\n"
    )
    b = HEAD + (
        f"一、2024年法治政府建设主要举措和成效\n{MEASURES}\n二、存在的问题和不足\n{SHORTCOMINGS}\n"
        f"三、2025年推进法治政府建设工作计划\n{PLANS}\n"
    )
    comparison = compare(a, b)
    shortcomings = pair_of(comparison, "shortcomings")
    assert (shortcomings.prior_title, shortcomings.title) == ("存在的不足和原因", "存在的问题和不足")
    assert pair_of(comparison, "next_year").prior_title == "下一年度工作安排"
    # Only the headings changed: every body sentence is carried over, nothing moved.
    assert all(op.op != "move" for op in comparison.ops)
    assert [(o.op, b[o.b_start : o.b_end].strip()) for o in comparison.ops if o.op != "equal"] == [
        ("insert", "2024年法治政府建设"),
        ("replace", "问题和不足"),
        ("replace", "三、2025年推进法治政府建设工作计划"),  # too different for a word diff
    ]
    assert shortcomings.carried_over == 1.0 and shortcomings.flagged


def test_reordered_parts_are_aligned_and_their_text_stays_equal() -> None:
    a = (
        HEAD
        + f"一、主要举措和成效\n{MEASURES}\n二、存在的不足和原因\n{SHORTCOMINGS}\n三、下一年度工作安排\n{PLANS}\n"
    )
    b = (
        HEAD
        + f"一、主要举措和成效\n{MEASURES}\n二、下一年度工作安排\n{PLANS}\n三、存在的不足和原因\n{SHORTCOMINGS}\n"
    )
    comparison = compare(a, b)
    kinds = [(p.kind, p.prior_title is not None, p.reordered) for p in comparison.sections]
    assert kinds == [
        ("preamble", True, False),
        ("measures", True, False),
        ("next_year", True, True),
        ("shortcomings", True, False),
        ("closing", True, False),
    ]
    changed = [(o.op, b[o.b_start : o.b_end].strip()) for o in comparison.ops if o.op != "equal"]
    assert changed == [("replace", "二"), ("replace", "三")]  # the renumbered headings
    assert pair_of(comparison, "shortcomings").carried_over == 1.0


def test_a_part_only_in_one_report_is_inserted_or_deleted_whole() -> None:
    a = (
        HEAD
        + f"一、主要举措和成效\n{MEASURES}\n二、存在的不足和原因\n{SHORTCOMINGS}\n三、下一年度工作安排\n{PLANS}\n"
    )
    other = "四、其他需要报告的情况\n本年度未发生因违法行政被追究责任的情况。\n"
    comparison = compare(a, a + other)
    added = pair_of(comparison, "other")
    assert (added.prior_title, added.title, added.carried_over) == (None, "其他需要报告的情况", 0.0)
    assert [op.op for op in added.ops] == ["insert"]
    assert (added.ops[0].b_start, added.ops[0].b_end) == (len(a), len(a + other))

    comparison = compare(a + other, a)
    dropped = pair_of(comparison, "other")
    assert (dropped.prior_title, dropped.title, dropped.carried_over) == ("其他需要报告的情况", None, None)
    assert [op.op for op in dropped.ops] == ["delete"]


@cache
def analysed(path: str) -> AnalysedReport:
    with open(path, "rb") as handle:
        return analyse(handle.read(), path.rsplit("/", 1)[-1])


def test_samples_flag_the_copied_shortcomings_and_plans() -> None:
    prior, current = analysed(str(sample("shili_2023.docx"))), analysed(str(sample("shili_2024.docx")))
    comparison = compare_reports(prior, current)
    a, b = prior.cleaned.text, current.cleaned.text
    assert_tiles(comparison, a, b)

    shortcomings = pair_of(comparison, "shortcomings")
    assert (shortcomings.prior_title, shortcomings.title) == ("存在的不足和原因", "存在的不足和原因")
    assert shortcomings.carried_over is not None and shortcomings.carried_over >= 0.9
    assert shortcomings.flagged
    assert shortcomings.message == "“存在的不足和原因”部分有 100% 的句子与上年报告相同或几乎相同（照搬往年）"
    # The one edited phrase (精准性和有效性 → 精准性) is shown, though the sentence counts as carried.
    assert [(o.op, a[o.a_start : o.a_end]) for o in shortcomings.ops if o.op != "equal"] == [
        ("replace", "二"),
        ("delete", "和有效性"),
    ]
    assert pair_of(comparison, "next_year").flagged
    assert not pair_of(comparison, "measures").flagged  # only shortcomings and plans are flagged
    assert comparison.flags == [shortcomings.message, pair_of(comparison, "next_year").message]

    # 2024 made the 第一责任人 part a level-1 part; in 2023 it was （四） inside 一、. Its unchanged
    # sentences are moves out of the 2023 part, not deletions plus insertions.
    leader = pair_of(comparison, "leader_duty")
    assert leader.prior_title is None and leader.carried_over is not None and leader.carried_over >= 0.5
    moves = [op for op in leader.ops if op.op == "move"]
    source = pair_of(comparison, "measures")
    assert len(moves) >= 5 and all(source.a_start <= op.a_start < source.a_end for op in moves)
    assert a[moves[0].a_start : moves[0].a_end].startswith(
        "（四）党政主要负责人履行推进法治建设第一责任人职责情况"
    )

    # Carried sentences point at equal (or near-equal) text on both sides.
    assert comparison.carried_over is not None and 0.6 < comparison.carried_over < 0.9
    for carried in comparison.carried_sentences:
        assert carried.similarity >= 0.9
        assert a[carried.a_start : carried.a_end] and b[carried.b_start : carried.b_end]


def corpus_pair(prior: str, current: str) -> tuple[AnalysedReport, AnalysedReport]:
    return analysed(str(corpus_path("reports", prior))), analysed(str(corpus_path("reports", current)))


def test_heshan_pair() -> None:
    prior, current = corpus_pair("heshan_2023.docx", "heshan_2024.docx")
    comparison = compare_reports(prior, current)
    a, b = prior.cleaned.text, current.cleaned.text
    assert_tiles(comparison, a, b)
    assert [p.kind for p in comparison.sections] == [
        "preamble",
        "measures",
        "shortcomings",
        "next_year",
        "closing",
    ]
    assert pair_of(comparison, "shortcomings").flagged
    changed = {(a[o.a_start : o.a_end], b[o.b_start : o.b_end]) for o in comparison.ops if o.op == "replace"}
    assert {("1126", "1300"), ("94.59%", "91.76%")} <= changed
    assert ("2023", "2024") not in changed  # the report's own year moved on: not a change by default
    assert comparison.carried_over is not None and 0.6 < comparison.carried_over < 0.9
    from desktop.core.compare import CompareOptions

    as_written = compare_reports(prior, current, CompareOptions(ignore_years=False))
    assert_tiles(as_written, a, b)
    changed = {(a[o.a_start : o.a_end], b[o.b_start : o.b_end]) for o in as_written.ops if o.op == "replace"}
    assert ("2023", "2024") in changed
    assert as_written.carried_over is not None and as_written.carried_over <= comparison.carried_over


def test_kaiping_pair() -> None:
    prior, current = corpus_pair("kaiping_2024.html", "kaiping_2025.html")
    comparison = compare_reports(prior, current)
    a, b = prior.cleaned.text, current.cleaned.text
    assert_tiles(comparison, a, b)
    assert pair_of(comparison, "shortcomings").flagged
    assert all(p.prior_title == p.title for p in comparison.sections)
    changed = {(a[o.a_start : o.a_end], b[o.b_start : o.b_end]) for o in comparison.ops if o.op == "replace"}
    assert {("208", "213"), ("6.5%", "11.2%"), ("18.6万", "20.28万")} <= changed
    inserted = [b[o.b_start : o.b_end].strip() for o in comparison.ops if o.op == "insert"]
    assert "零投诉、" in inserted
