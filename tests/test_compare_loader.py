"""The comparison's loader and offset mapping, in the core: a real library, no Qt."""

from __future__ import annotations

import pytest

from db.session import Library
from desktop.core.compare.loader import ComparisonData, load_comparison
from desktop.core.compare.offsets import map_offset, offset_spans
from desktop.core.importing import import_files
from tests.helpers import sample


@pytest.fixture
def data(library: Library) -> ComparisonData:
    outcomes = import_files(library.sessions, [sample("shili_2023.docx"), sample("shili_2024.pdf")])
    loaded = load_comparison(library, outcomes[1].report_id or 0)
    assert loaded is not None and loaded.comparison is not None
    return loaded


def test_loader_returns_both_texts_and_labels(library: Library, data: ComparisonData) -> None:
    assert data.prior_id is not None and data.prior_id != data.report_id
    assert (data.prior_agency, data.prior_year) == ("示例市应急管理局", 2023)
    assert (data.current_agency, data.current_year) == ("示例市应急管理局", 2024)
    assert data.current_text.startswith("示例市应急管理局关于2024年") and data.prior_text
    assert data.comparison is not None and data.comparison.current_length == len(data.current_text)
    assert load_comparison(library, 9999) is None


def test_offsets_map_across_the_ordinary_diff(data: ComparisonData) -> None:
    comparison = data.comparison
    assert comparison is not None
    spans = offset_spans(comparison, "b")
    starts = [s[0] for s in spans]
    assert map_offset(0, spans, starts) == 0
    mapped = [map_offset(b, spans, starts) for b in range(0, len(data.current_text), 50)]
    assert max(mapped) <= len(data.prior_text)
    moves = [op for op in comparison.ops if op.op == "move"]
    for op in moves:  # a moved sentence scrolls with its neighbours, not to where it came from
        before = map_offset(max(op.b_start - 1, 0), spans, starts)
        assert map_offset(op.b_start, spans, starts) - before <= 1


def test_the_loader_is_loaded_without_qt() -> None:
    import subprocess
    import sys

    code = "import sys, desktop.core.compare.loader, desktop.core.compare.offsets; print('PySide6' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"
