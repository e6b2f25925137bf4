"""Figure analysis does work in proportion to its input: four times the text, about four times the work.

Work is counted, never timed: the Python and built-in calls made (a profiling hook), the peak memory
allocated (tracemalloc), and the characters of the quotes and sentences handed back. A scan that goes
back over the text for every figure, or a copy of a long sentence per figure (a 510 KB file of
repeated ``同比下降13.6%`` once grew to 11.9 GB), shows as a ratio near 16 instead of 4.
"""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest

from desktop.core.metrics.catalog import load_catalog
from desktop.core.metrics.checks import run_checks
from desktop.core.metrics.extract import extract_metrics
from desktop.core.metrics.numbers import find_numbers
from desktop.core.metrics.spans import CLAUSE_REACH, SENTENCE_REACH
from tests.conftest import CORPUS

CATALOG = load_catalog()
RATIO = 5.5
"""Allowed growth for 4× the input: linear work gives about 4, quadratic about 16."""


def calls(work: Callable[[], Any]) -> int:
    """How many Python functions and built-ins ``work`` calls."""
    count = 0

    def hook(_frame: Any, event: str, _arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(hook)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def peak_memory(work: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def analyse(text: str) -> int:
    """Everything the library stores and checks for one text; returns the characters handed back."""
    mentions = extract_metrics(text, [], CATALOG, agency="示例市应急管理局")
    run_checks(text, mentions, CATALOG)
    return sum(len(m.sentence) + len(m.quote) + len(m.written) for m in mentions)


PATTERNS = {
    "changes in one endless sentence": "同比下降13.6%",
    "Chinese numerals with no measure word": "一二三四五六七八九十",
    "figures in a report-like sentence": "全年检查企业1300家，发现隐患4782项，已整改4388项，整改率91.76%；",
    "unclosed parentheses and titles": "（共办理142件《示例办法12件、",
    "respectively with many figures": "事故起数和死亡人数同比分别下降64.5%和42.1%、",
    "zero forms": "实现零复议、零诉讼，无行政诉讼案件，",
    "quoted names": "“十件实事”开展三个年活动八个新突破两人以上执法",
}


@pytest.mark.parametrize("unit", list(PATTERNS.values()), ids=list(PATTERNS))
def test_work_grows_linearly(unit: str) -> None:
    small, large = unit * 150, unit * 600
    analyse(small)  # warm caches (word segmentation, catalog views) before counting
    assert calls(lambda: analyse(large)) <= RATIO * calls(lambda: analyse(small))
    assert peak_memory(lambda: analyse(large)) <= RATIO * peak_memory(lambda: analyse(small))
    assert analyse(large) <= RATIO * max(1, analyse(small))


def test_number_scanning_grows_linearly() -> None:
    unit = "一二三四五六七八九十" * 3 + "超过10万人，"
    small, large = unit * 300, unit * 1200
    assert calls(lambda: find_numbers(large)) <= RATIO * calls(lambda: find_numbers(small))


def test_no_figure_carries_more_than_a_window_of_text() -> None:
    text = "同比下降13.6%" * 3000  # one "sentence" of 27,000 characters
    mentions = extract_metrics(text, [], CATALOG)
    assert len(mentions) == 3000
    assert all(m.value == -13.6 for m in mentions)
    assert max(len(m.sentence) for m in mentions) <= 2 * SENTENCE_REACH + 20
    assert max(len(m.quote) for m in mentions) <= 2 * CLAUSE_REACH + 20


@pytest.mark.parametrize("name", ["txt_021_regex_stress3.txt", "txt_067_regex_stress.txt"])
def test_found_reproducers_end_with_bounded_output(name: str) -> None:
    path = CORPUS / "found" / name
    if not path.is_file():
        pytest.skip("../shared/corpus/found is not beside the checkout")
    text = path.read_text(encoding="utf-8", errors="replace")
    characters = analyse(text)
    assert characters <= 200 * len(text)  # a window per figure, never a copy of the whole text
