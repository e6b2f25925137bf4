"""The 23 real openings of other issuers: agency, year, and pairing in one library (skipped
without the corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.session import Library
from desktop.core.analysis import analyse
from desktop.core.importing import import_files
from tests.conftest import CORPUS

OPENINGS = CORPUS / "openings"
META = json.loads((OPENINGS / "meta.json").read_text(encoding="utf-8")) if OPENINGS.is_dir() else {}
# Names the notes in meta.json accept besides the filed name.
ACCEPTED = {"xianzf_xunxian_2024.txt": {"浚县人民政府"}, "zhen_xiayang_2023.txt": {"下洋镇人民政府"}}


def right(name: str, agency: str | None, confident: bool) -> bool:
    """Exact, or (unsure) a part of the filed name that the text itself gives."""
    gold = META[name]["agency"]
    if agency == gold or agency in ACCEPTED.get(name, set()):
        return True
    if confident or not agency:
        return not confident and agency is None
    body = agency.lstrip("省市区县")
    return gold.endswith(body) or gold.endswith(body.replace("人社厅", "人力资源和社会保障厅"))


@pytest.mark.skipif(not META, reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("name", sorted(META))
def test_opening_agency_and_year(name: str) -> None:
    result = analyse((OPENINGS / name).read_bytes(), name)
    meta = result.metadata
    assert meta.year == META[name]["year"]
    assert right(name, meta.agency, meta.identity.confident), (meta.agency, meta.identity.confident)
    if META[name]["agency_in_text"] == "full" and name not in (
        "zhen_xiayang_2023.txt",
        "jiedao_yuanjianglu_2024.txt",
    ):
        assert meta.identity.confident


@pytest.mark.skipif(not META, reason="../shared/corpus is not beside the checkout")
def test_one_library_pairs_only_the_real_series(library: Library) -> None:
    outcomes = import_files(library.sessions, [OPENINGS / name for name in sorted(META)])
    by_id = {o.report_id: Path(o.file).name for o in outcomes}
    assert all(o.ok and o.superseded == [] for o in outcomes)
    pairs = {
        (Path(o.file).name, by_id[o.identity["prior"]["id"]]) for o in outcomes if o.identity.get("prior")
    }
    assert pairs == {
        ("sifaju_dongguan_2022.txt", "sifaju_dongguan_2021.txt"),
        ("sifaju_dongguan_2023.txt", "sifaju_dongguan_2022.txt"),
        ("quzf_jinghai_2024.txt", "quzf_jinghai_2023.txt"),
        ("gongan_zengcheng_2024.txt", "gongan_zengcheng_2023.txt"),
    }
