"""Import fuzzing, the fast subset run in CI (the full run is benchmarks/fuzz_import.py): 100 seeded
hostile variants per format each end with an import or a clear Chinese message, never a crash or
a traceback, and a refused file leaves the library as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from db.session import Library
from tests.fuzzing import FORMATS, cases, integrity_ok, run_cases

PER_FORMAT = 100
SCALE = 5_000
"""Pathological inputs here are sized to keep CI fast; the full run uses 200,000."""
_HAN = re.compile("[\u4e00-\u9fff]")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_files_import_or_are_refused_cleanly(fmt: str, library: Library, tmp_path: Path) -> None:
    items = list(cases(fmt, PER_FORMAT, seed=13, scale=SCALE))
    assert len(items) >= 100
    results = run_cases(library, items, tmp_path)
    crashed = [f"{r.case}: {r.code} {r.message[:200]}" for r in results if r.outcome == "crashed"]
    assert not crashed, crashed
    damaged = [r.case for r in results if r.damaged]
    assert not damaged, damaged
    unclear = [r.case for r in results if r.outcome != "imported" and not _HAN.search(r.message)]
    assert not unclear, unclear
    assert integrity_ok(library)
    assert any(r.outcome == "imported" for r in results)  # the mutations are not all fatal
