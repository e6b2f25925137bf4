"""Every corpus report, in every format it comes in, against the hand-checked gold values."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from desktop.core.analysis import analyse
from tests.conftest import CORPUS

GOLD = sorted((CORPUS / "gold").glob("*.json")) if CORPUS.is_dir() else []
CASES = [
    (gold, report) for gold in GOLD for report in sorted((CORPUS / "reports").glob(gold.stem + ".*"))
] + [(gold, report) for gold in GOLD for report in sorted((CORPUS / "reports").glob(gold.stem + ".*.*"))]

pytestmark = pytest.mark.corpus


def squash(text: str) -> str:
    """Compare as the corpus README says: NFKC, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def soffice_available() -> bool:
    from desktop.core.importers.doc_reader import find_soffice

    return find_soffice() is not None


@pytest.mark.skipif(not GOLD, reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize(("gold_path", "report_path"), CASES, ids=[r.name for _, r in CASES])
def test_report_matches_gold(gold_path: Path, report_path: Path, soffice_available: bool) -> None:
    if report_path.suffix == ".doc" and not soffice_available:
        pytest.skip("LibreOffice is not installed")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = analyse(report_path.read_bytes(), report_path.name)
    meta = result.metadata
    assert meta.agency == gold["agency"]
    assert meta.region == gold["region"]
    assert meta.year == gold["year"]
    assert (meta.report_date.isoformat() if meta.report_date else None) == gold["date"]
    assert result.sections.missing == gold["missing_sections"]
    level1 = [(s.kind, squash(s.heading)) for s in result.sections.sections if s.level == 1]
    assert level1 == [(g["kind"], squash(g["heading"])) for g in gold["sections"]]
    assert result.is_annual_report


@pytest.mark.skipif(not GOLD, reason="../shared/corpus is not beside the checkout")
def test_every_gold_report_has_cases() -> None:
    covered = {gold.stem for gold, _ in CASES}
    assert covered == {gold.stem for gold in GOLD}
