"""Prior-year comparison on small hand-made pairs: one test per kind of operation, numbers, confetti."""

from __future__ import annotations

import json
from itertools import pairwise

from desktop.core.compare import Comparison, compare_texts, inline_ops, normalise
from desktop.core.sections import parse_sections
from tests.test_compare_properties import assert_tiles

HEAD = "示例市应急管理局关于2024年法治政府建设情况的报告\n"
BODY = [
    "一、主要举措和成效",
    "局党委坚持把学习贯彻习近平法治思想作为第一议题。全年组织集体学法12次，参考率达100%。",
    "全年检查企业1300家，发现隐患5230项，整改率95.33%。开展普法活动45场，覆盖3.2万人次。",
    "二、存在的不足和原因",
    "执法力量与监管任务不相匹配。普法宣传的针对性不够强。",
    "三、下一年度推进法治政府建设的主要安排",
    "深入落实行政执法三项制度，推行分类分级执法。持续开展执法人员专业培训。",
]


def report(lines: list[str]) -> str:
    return HEAD + "\n".join(lines) + "\n"


def compare(a: str, b: str) -> Comparison:
    comparison = compare_texts(a, parse_sections(a).sections, b, parse_sections(b).sections)
    assert_tiles(comparison, a, b)
    return comparison


def changes(comparison: Comparison, a: str, b: str) -> list[tuple[str, str, str]]:
    """Non-equal ops as text; a sentence's span carries its line end, which is left out here."""
    return [
        (o.op, a[o.a_start : o.a_end].strip(), b[o.b_start : o.b_end].strip())
        for o in comparison.ops
        if o.op != "equal"
    ]


def test_identical_reports_are_one_equal_op_per_part_and_fully_carried_over() -> None:
    text = report(BODY)
    comparison = compare(text, text)
    assert changes(comparison, text, text) == []
    assert all(len(pair.ops) <= 1 for pair in comparison.sections)
    assert comparison.carried_over == 1.0
    assert [p.kind for p in comparison.sections] == [
        "preamble",
        "measures",
        "shortcomings",
        "next_year",
        "closing",
    ]


def test_an_added_sentence_is_one_insert() -> None:
    body = list(BODY)
    body[4] = "执法力量与监管任务不相匹配。基层执法装备配备不足。普法宣传的针对性不够强。"
    a, b = report(BODY), report(body)
    assert changes(compare(a, b), a, b) == [("insert", "", "基层执法装备配备不足。")]


def test_a_dropped_sentence_is_one_delete() -> None:
    body = list(BODY)
    body[6] = "深入落实行政执法三项制度，推行分类分级执法。"
    a, b = report(BODY), report(body)
    assert changes(compare(a, b), a, b) == [("delete", "持续开展执法人员专业培训。", "")]


def test_a_rewritten_sentence_is_a_replace_and_an_edited_one_a_word_level_replace() -> None:
    body = list(BODY)
    body[1] = "局党委坚持把学习贯彻习近平法治思想作为第一议题。制定年度领导班子学法计划和干部职工学法清单。"
    body[6] = "深入落实行政执法三项制度，推行分类分级执法。持续开展执法骨干专业培训。"
    a, b = report(BODY), report(body)
    assert changes(compare(a, b), a, b) == [
        ("replace", "全年组织集体学法12次，参考率达100%。", "制定年度领导班子学法计划和干部职工学法清单。"),
        ("replace", "执法人员", "执法骨干"),  # jieba words: 执法人员 is one
    ]


def test_a_sentence_moved_to_another_part_is_a_move_not_delete_and_insert() -> None:
    body = list(BODY)
    body[2] = "全年检查企业1300家，发现隐患5230项，整改率95.33%。"
    body[6] = (
        "深入落实行政执法三项制度，推行分类分级执法。持续开展执法人员专业培训。开展普法活动45场，覆盖3.2万人次。"
    )
    a, b = report(BODY), report(body)
    comparison = compare(a, b)
    moved = "开展普法活动45场，覆盖3.2万人次。"
    assert changes(comparison, a, b) == [("move", moved, moved)]
    move = next(o for o in comparison.ops if o.op == "move")
    assert a.index(moved) == move.a_start and b.index(moved) == move.b_start
    assert comparison.sections[3].kind == "next_year" and move in comparison.sections[3].ops


def test_a_near_identical_sentence_moved_is_still_a_move() -> None:
    body = list(BODY)
    body[1] = "全年组织集体学法12次，参考率达100%。局党委坚持把学习贯彻习近平法治思想作为第一议题。"
    a, b = report(BODY), report(body)
    assert [c[0] for c in changes(compare(a, b), a, b)] == ["move"]
    body[1] = "全年组织集体学法12次，参考率均达100%。局党委坚持把学习贯彻习近平法治思想作为第一议题。"
    b = report(body)
    assert [c[0] for c in changes(compare(a, b), a, b)] == ["move"]


def test_numbers_are_whole_tokens() -> None:
    a, b = "检查企业1300家", "检查企业1250家"
    assert [
        (o.op, a[o.a_start : o.a_end], b[o.b_start : o.b_end]) for o in inline_ops(a, 0, len(a), b, 0, len(b))
    ] == [
        ("equal", "检查企业", "检查企业"),
        ("replace", "1300", "1250"),
        ("equal", "家", "家"),
    ]
    body = list(BODY)
    body[2] = "全年检查企业1250家，发现隐患5230项，整改率94.16%。开展普法活动45场，覆盖2.6万人次。"
    a, b = report(BODY), report(body)
    assert changes(compare(a, b), a, b) == [
        ("replace", "1300", "1250"),
        ("replace", "95.33%", "94.16%"),
        ("replace", "3.2万", "2.6万"),
    ]


def test_no_confetti_between_changes() -> None:
    a, b = "同比分别下降13.3%和16.7%。", "同比分别下降11.5%和10%。"
    ops = inline_ops(a, 0, len(a), b, 0, len(b))
    assert [(o.op, a[o.a_start : o.a_end], b[o.b_start : o.b_end]) for o in ops if o.op != "equal"] == [
        ("replace", "13.3%和16.7%", "11.5%和10%")
    ]
    a = "召开五次专题会议，深入学习贯彻党的二十大精神、省委十三届三次全会精神。"
    b = "召开三次专题会议，深入学习贯彻党的二十届三中全会精神、省委十三届五次全会精神。"
    ops = inline_ops(a, 0, len(a), b, 0, len(b))
    for before, island, after in zip(ops, ops[1:], ops[2:], strict=False):
        if island.op == "equal" and before.op != "equal" and after.op != "equal":
            assert len(normalise(a[island.a_start : island.a_end])) > 2


def test_width_whitespace_and_line_wrapping_alone_are_all_equal() -> None:
    a = report(BODY)
    b = (
        report(BODY)
        .replace("1300", " 1300 ")
        .replace("，", ",")
        .replace("100%", "１００％")
        .replace("第一议题", "第一\n议题")
        .replace("\n二、", "\n\n二、")
    )
    comparison = compare(a, b)
    assert changes(comparison, a, b) == []
    assert comparison.carried_over == 1.0


def test_inline_ops_tile_both_spans_and_keep_whitespace_inside_ops() -> None:
    a, b = "  全年检查企业 1300 家。\n", "全年检查企业1250家。"
    ops = inline_ops(a, 0, len(a), b, 0, len(b))
    assert ops[0].a_start == 0 and ops[-1].a_end == len(a) and ops[-1].b_end == len(b)
    assert all(x.a_end == y.a_start and x.b_end == y.b_start for x, y in pairwise(ops))
    assert [(o.op, normalise(a[o.a_start : o.a_end])) for o in ops] == [
        ("equal", "全年检查企业"),
        ("replace", "1300"),
        ("equal", "家。"),
    ]


def test_json_shape() -> None:
    body = list(BODY)
    body[4] = "执法力量与监管任务不相匹配。普法宣传的针对性还不够强。"
    a, b = report(BODY), report(body)
    data = json.loads(json.dumps(compare(a, b).to_dict(), ensure_ascii=False))
    assert set(data) == {
        "carried_over",
        "carried_over_raw",
        "sentences",
        "boilerplate_sentences",
        "carried_boilerplate",
        "sections",
        "carried_sentences",
        "notes",
    }
    section = data["sections"][2]
    assert {"kind", "title", "prior_title", "carried_over", "ops", "flagged", "message"} <= set(section)
    assert section["kind"] == "shortcomings" and section["title"] == "存在的不足和原因"
    assert section["carried_over"] == 1.0 and section["flagged"]
    assert section["message"] == "“存在的不足和原因”部分有 100% 的句子与上年报告相同或几乎相同（照搬往年）"
    assert set(section["ops"][0]) == {"op", "a_start", "a_end", "b_start", "b_end"}
    carried = data["carried_sentences"][0]
    assert set(carried) == {"a_start", "a_end", "b_start", "b_end", "similarity", "boilerplate"}
    assert b[carried["b_start"] : carried["b_end"]] == HEAD.strip()
