"""Structure analysis, paragraph joining and comparison grow linearly with their input.

Each test counts the lines of ReviewDesk's code executed (``tests/operations.py``) on an input of
size n and of size 4n: linear work gives about 4 times the count, a loop over all earlier
headings 16 times. No clock is read. ``benchmarks/structure_eval.py`` times the same shapes and
the 200,000-heading file from the fuzzer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop.core.compare import compare_texts
from desktop.core.report_kind import assess_report
from desktop.core.sections import parse_sections
from desktop.core.text import layout
from desktop.core.text.cleaning import clean_text, line_edge_edits
from desktop.core.text.headings import find_markers
from tests.operations import growth

LINEAR = 5.0
"""4n costs at most this many times n (4 for linear work; room for n log n sorting)."""


def sentence(k: int) -> str:
    """A distinct, plausible sentence for every k (so that no two compare equal by accident)."""
    places = "东南西北中"
    return f"{places[k % 5]}片区第{k}号网格全年检查企业{k * 7 % 997}家，整改隐患{k * 13 % 991}项。"


def check(make: Callable[[int], Any], function: Callable[[Any], Any], n: int) -> None:
    ratio = growth(make, function, n)
    assert ratio <= LINEAR, f"work grew {ratio:.1f}× for 4× the input"


# --- sections --------------------------------------------------------------------------------


def heading_lines(n: int) -> str:
    """The fuzzer's reproducer: a title and n lines of ``（一）``."""
    return "法治政府建设年度报告\n" + "（一）\n" * n


def subheadings_under_one_part(n: int) -> str:
    lines = ["示例县司法局2024年法治政府建设年度报告", "一、主要举措和成效"]
    lines += [f"（{'一二三四五六七八九'[k % 9]}）{sentence(k)}" for k in range(n)]
    return "\n".join(lines)


def points_in_one_part(n: int) -> str:
    body = "".join(f"{'一二三四五六七八九'[k % 9]}是{sentence(k)}" for k in range(n))
    return "一、主要举措和成效\n" + body + "\n二、存在的不足和原因\n不足。"


def flattened(n: int) -> str:
    """One line: run-in headings, in-sentence lists and cited titles, repeated."""
    unit = (
        "。（一）加强组织领导。{s}主要做法：一、建章立制；二、落实责任。"
        "认真执行《关于（一）类事项的规定》。（二）完善制度。{s}"
    )
    return "现将有关情况报告如下：一、主要举措和成效" + "".join(unit.format(s=sentence(k)) for k in range(n))


def arabic_items(n: int) -> str:
    return "一、主要举措和成效\n" + "\n".join(f"{k % 99 + 1}.{sentence(k)}" for k in range(n))


@pytest.mark.parametrize(
    "make", [heading_lines, subheadings_under_one_part, points_in_one_part, flattened, arabic_items]
)
def test_sections_grow_linearly(make: Callable[[int], str]) -> None:
    check(make, parse_sections, 800)


def test_heading_numbers_grow_linearly() -> None:
    check(flattened, find_markers, 800)


def test_report_kind_grows_linearly() -> None:
    def assess(text: str) -> Any:
        return assess_report(None, text, parse_sections(text))

    check(subheadings_under_one_part, assess, 800)


# --- paragraph joining and cleaning ----------------------------------------------------------


def hard_wrapped(n: int) -> str:
    text = "".join(sentence(k) for k in range(n))
    return "\n".join(text[k : k + 28] for k in range(0, len(text), 28))


def flattened_with_spaces(n: int) -> str:
    return " ".join(
        (f"{'一二三四五六七八九'[k % 9]}、加强领导 " if k % 5 == 0 else "") + sentence(k) for k in range(n)
    )


def split_at_page_breaks(n: int) -> str:
    return "\n".join(sentence(k)[:-1] * 3 for k in range(n))


@pytest.mark.parametrize(
    ("make", "step"),
    [
        (hard_wrapped, layout.hard_wrap_edits),
        (flattened_with_spaces, layout.flattened_paragraph_edits),
        (split_at_page_breaks, layout.split_paragraph_edits),
        (hard_wrapped, line_edge_edits),
    ],
)
def test_paragraph_joining_grows_linearly(make: Callable[[int], str], step: Callable[[str], Any]) -> None:
    check(make, step, 800)


@pytest.mark.parametrize("make", [hard_wrapped, flattened_with_spaces, heading_lines])
def test_cleaning_grows_linearly(make: Callable[[int], str]) -> None:
    check(make, clean_text, 600)


def test_a_long_run_of_spaces_is_stripped_without_retrying_every_position() -> None:
    # ``[ ]+$`` retried at each of the 200,000 spaces; the line-by-line strip looks at each once.
    text = "一、主要举措" + " " * 200_000 + "和成效 \n"
    edits = line_edge_edits(text)
    assert [(e.start, e.end) for e in edits] == [(len(text) - 2, len(text) - 1)]


# --- comparison ------------------------------------------------------------------------------


def report_pair(n: int) -> tuple[str, str]:
    """Last year's and this year's report: every third sentence edited, every seventh new."""
    parts = ["一、主要举措和成效", "二、存在的不足和原因", "三、下一年度主要安排"]
    prior, current = [], []
    for index, heading in enumerate(parts):
        prior.append(heading)
        current.append(heading)
        for k in range(index * n, (index + 1) * n):
            prior.append(sentence(k))
            if k % 7 == 0:
                current.append(sentence(k + 100_000))
            elif k % 3 == 0:
                current.append(sentence(k).replace("整改", "督促整改"))
            else:
                current.append(sentence(k))
    return "\n".join(prior), "\n".join(current)


def moved_and_rewritten(n: int) -> tuple[str, str]:
    """One large part where sentences are edited in place and others moved far away."""
    prior = [sentence(k) for k in range(n)]
    current = [s.replace("检查", "抽查") if k % 2 else s for k, s in enumerate(prior)]
    current = current[n // 2 :] + current[: n // 2]
    return "一、主要举措和成效\n" + "\n".join(prior), "一、主要举措和成效\n" + "\n".join(current)


def compare(pair: tuple[str, str]) -> Any:
    a, b = pair
    return compare_texts(a, parse_sections(a).sections, b, parse_sections(b).sections)


@pytest.mark.parametrize("make", [report_pair, moved_and_rewritten])
def test_comparison_grows_linearly(make: Callable[[int], tuple[str, str]]) -> None:
    check(make, compare, 250)


def test_an_endless_sentence_is_compared_in_bounded_pieces() -> None:
    # 510 KB of one figure repeated, with no full stop: one "sentence" unless cut.
    a = "同比下降13.6%" * 2000
    b = a.replace("13.6", "13.5", 1)
    comparison = compare((a, b))
    assert comparison.carried_over_raw is not None and comparison.carried_over_raw > 0.9
    lengths = [u.b_end - u.b_start for u in comparison.carried_sentences]
    assert max(lengths) <= 600
