"""Property test: whatever the edits, the operations tile both texts (the invariant in model.py).

1. In list order the b-spans of ``Comparison.ops`` are consecutive from 0 to ``len(b)``.
2. The non-empty a-spans of all ops (moves included) partition ``[0, len(a))``.
3. Each section pair's ops lie in its current range; its non-move ops lie in its prior range and
   advance monotonically through ``a``.
4. Skipping moves and reordered pairs, the non-move ops advance monotonically through ``a``.
Plus the shape of each kind, equal ops that really are equal, and moves that are >= 0.9 similar.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from desktop.core.compare import Comparison, compare_texts, normalise
from desktop.core.compare.years import same_but_years
from desktop.core.sections import parse_sections


def assert_tiles(comparison: Comparison, a: str, b: str) -> None:
    ops = comparison.ops
    for op in ops:
        assert 0 <= op.a_start <= op.a_end <= len(a) and 0 <= op.b_start <= op.b_end <= len(b), op
        a_text, b_text = a[op.a_start : op.a_end], b[op.b_start : op.b_end]
        if op.op in ("equal", "replace", "move"):
            assert a_text and b_text, op
        elif op.op == "insert":
            assert not a_text and b_text, op
        else:
            assert op.op == "delete" and a_text and not b_text, op
        if op.op == "equal":
            if comparison.years is None:
                assert normalise(a_text) == normalise(b_text), op
            else:  # years moved on by the reports' difference are no change
                assert same_but_years(normalise(a_text), normalise(b_text), *comparison.years), op
        if op.op == "move":
            assert fuzz.ratio(normalise(a_text), normalise(b_text)) >= 90, op

    position = 0
    for op in ops:
        assert op.b_start == position, op
        position = op.b_end
    assert position == len(b)

    position = 0
    for start, end in sorted((op.a_start, op.a_end) for op in ops if op.a_end > op.a_start):
        assert start == position, (start, position)
        position = end
    assert position == len(a)

    for pair in comparison.sections:
        last = pair.a_start
        for op in pair.ops:
            assert pair.b_start <= op.b_start <= op.b_end <= pair.b_end, (pair.kind, op)
            if op.op != "move":
                assert pair.a_start <= op.a_start and op.a_end <= pair.a_end, (pair.kind, op)
                assert op.a_start >= last, (pair.kind, op)
                last = op.a_end

    last = 0
    for pair in comparison.sections:
        for op in pair.ops:
            if op.op != "move" and not pair.reordered:
                assert op.a_start >= last, op
                last = op.a_end


CLAUSES = [
    "局党委坚持把学习贯彻习近平法治思想作为第一议题",
    "全年检查企业{n}家",
    "发现各类事故隐患{n}项",
    "整改率{n}.5%",
    "组织执法人员培训{n}次",
    "开展普法宣传活动{n}场",
    "覆盖{n}万人次",
    "严格执行行政执法公示制度",
    "推行双随机一公开监管",
    "执法力量与监管任务不相匹配",
    "普法宣传的针对性不够强",
    "持续开展执法人员专业培训",
    "加强规范性文件合法性审核",
    "健全领导干部学法制度",
]
HEADINGS = ["主要举措和成效", "存在的不足和原因", "下一年度推进法治政府建设的主要安排", "其他需要报告的情况"]
NUMERALS = "一二三四五六"


def sentence(rng: random.Random) -> str:
    clauses = [rng.choice(CLAUSES).format(n=rng.randint(1, 2000)) for _ in range(rng.randint(1, 3))]
    return "，".join(clauses) + rng.choice("。。。；")


def build(parts: list[tuple[str, list[list[str]]]]) -> str:
    lines = ["示例市应急管理局关于2024年法治政府建设情况的报告"]
    for number, (heading, paragraphs) in enumerate(parts):
        lines.append(f"{NUMERALS[number]}、{heading}")
        lines.extend("".join(p) for p in paragraphs if p)
    return "\n".join(lines) + "\n"


def edit(
    parts: list[tuple[str, list[list[str]]]], rng: random.Random, edits: int
) -> list[tuple[str, list[list[str]]]]:
    parts = [(h, [list(p) for p in paragraphs]) for h, paragraphs in parts]
    for _ in range(edits):
        _heading, paragraphs = rng.choice(parts)
        paragraph = rng.choice(paragraphs)
        action = rng.choice(
            ["delete", "insert", "modify", "move", "swap_parts", "rename", "space", "width", "wrap"]
        )
        if action == "delete" and paragraph:
            paragraph.pop(rng.randrange(len(paragraph)))
        elif action == "insert":
            paragraph.insert(rng.randint(0, len(paragraph)), sentence(rng))
        elif action == "modify" and paragraph:
            k = rng.randrange(len(paragraph))
            paragraph[k] = paragraph[k].replace(str(rng.randint(0, 9)), str(rng.randint(0, 9)))
        elif action == "move" and paragraph:
            moved = paragraph.pop(rng.randrange(len(paragraph)))
            target = rng.choice(rng.choice(parts)[1])
            target.insert(rng.randint(0, len(target)), moved)
        elif action == "swap_parts" and len(parts) > 1:
            i, j = rng.sample(range(len(parts)), 2)
            parts[i], parts[j] = parts[j], parts[i]
        elif action == "rename":
            k = rng.randrange(len(parts))
            parts[k] = ("2024年" + parts[k][0], parts[k][1])
        elif action in ("space", "width", "wrap") and paragraph:
            k = rng.randrange(len(paragraph))
            change = {"space": (" ", "  "), "width": ("，", ","), "wrap": ("，", "，\n")}[action]
            paragraph[k] = paragraph[k].replace(*change, 1)
    return parts


@st.composite
def report_pairs(draw: st.DrawFn) -> tuple[str, str]:
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    count = draw(st.integers(1, 4))
    parts = [
        (HEADINGS[k], [[sentence(rng) for _ in range(rng.randint(0, 4))] for _ in range(rng.randint(1, 3))])
        for k in range(count)
    ]
    return build(parts), build(edit(parts, rng, draw(st.integers(0, 8))))


def compare(a: str, b: str) -> Comparison:
    return compare_texts(a, parse_sections(a).sections, b, parse_sections(b).sections)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_pairs())
def test_ops_tile_both_texts(pair: tuple[str, str]) -> None:
    a, b = pair
    assert_tiles(compare(a, b), a, b)
    assert_tiles(compare(b, a), b, a)


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet="检查企业家项年。，；！？ \n一二、（）1234567890.%万,", max_size=200),
    st.text(alphabet="检查企业家项年。，；！？ \n一二、（）1234567890.%万,", max_size=200),
)
def test_ops_tile_arbitrary_strings(a: str, b: str) -> None:
    assert_tiles(compare(a, b), a, b)


@settings(max_examples=100, deadline=None)
@given(report_pairs())
def test_a_text_compared_with_itself_is_all_equal(pair: tuple[str, str]) -> None:
    a = pair[0]
    comparison = compare(a, a)
    assert all(op.op == "equal" for op in comparison.ops)
    assert comparison.carried_over in (None, 1.0)
