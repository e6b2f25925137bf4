"""Comparison in the library: pairing, the compare command, year-over-year figures, stated changes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from db.session import Library
from desktop.core.importing import import_file, update_derived
from desktop.core.library import list_reports
from desktop.core.metrics.catalog import load_catalog
from desktop.core.metrics.extract import extract_metrics
from desktop.core.prior_year import compare_in_library, stated_change_checks, year_over_year
from tests.conftest import ROOT
from tests.helpers import sample

CATALOG = load_catalog()


def test_prior_year_is_found_and_compared(library: Library) -> None:
    prior = import_file(library.sessions, sample("shili_2023.docx")).report_id
    current = import_file(library.sessions, sample("shili_2024.pdf")).report_id
    update_derived(library.sessions, [prior or 0, current or 0])
    with library.sessions() as session:
        compared = compare_in_library(session, current or 0, CATALOG)
    assert compared is not None and compared.comparison is not None
    assert compared.prior_id == prior and compared.reason is None
    result = compared.as_json()  # the ``reviewdesk compare --json`` object
    assert 0.6 < result["carried_over"] < 0.95
    flagged = {s["kind"] for s in result["sections"] if s.get("flagged")}
    assert {"shortcomings", "next_year"} <= flagged
    rows = {(r["key"], r["unit"]): r for r in result["metrics"]}
    assert rows[("accidents", "起")]["prior"] == 26 and rows[("accidents", "起")]["current"] == 23
    assert rows[("accidents", "起")]["pct"] == -11.54 and rows[("accidents", "起")]["assessment"] == "good"
    assert rows[("reconsiderations", "件")]["prior"] == 0 and rows[("reconsiderations", "件")]["current"] == 1
    assert rows[("reconsiderations", "件")]["assessment"] == "bad"
    assert rows[("inspections", "家")]["current"] == 1150 and rows[("inspections", "家次")]["current"] == 2860
    assert result["checks"] == []  # 26 → 23 is the −11.5 % the 2024 report states
    for section in result["sections"]:
        for op in section["ops"]:
            assert op["op"] in {"equal", "insert", "delete", "replace", "move"}
    with library.sessions() as session:
        shares = {r.id: r.carried_over for r in list_reports(session)}
    assert abs((shares[current or 0] or 0) - result["carried_over"]) < 0.001 and shares[prior or 0] is None


def test_the_next_year_is_compared_when_its_prior_arrives_later(library: Library) -> None:
    current = import_file(library.sessions, sample("shili_2024.docx")).report_id
    update_derived(library.sessions, [current or 0])
    with library.sessions() as session:
        assert {r.id: r.carried_over for r in list_reports(session)}[current or 0] is None
    prior = import_file(library.sessions, sample("shili_2023.docx")).report_id
    update_derived(library.sessions, [prior or 0])
    with library.sessions() as session:
        assert {r.id: r.carried_over for r in list_reports(session)}[current or 0] is not None


def test_without_a_prior_report_the_command_says_so(tmp_path: Path) -> None:
    library = str(tmp_path / "lib.sqlite")
    run = [sys.executable, "-m", "desktop"]
    subprocess.run(
        [*run, "import", str(sample("shili_2024.txt")), "--library", library],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [*run, "compare", "1", "--library", library, "--json"], cwd=ROOT, capture_output=True
    )
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["prior_id"] is None and "没有该单位上一年度的报告" in data["message"]


def test_compare_any_two_reports_with_prior(tmp_path: Path) -> None:
    library = str(tmp_path / "lib.sqlite")
    run = [sys.executable, "-m", "desktop"]
    files = [str(sample("shili_2024.docx")), str(sample("shili_2024.txt"))]
    subprocess.run([*run, "import", *files, "--library", library], cwd=ROOT, check=True, capture_output=True)
    result = subprocess.run(
        [*run, "compare", "2", "--prior", "1", "--library", library, "--json"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert data["prior_id"] == 1 and data["carried_over"] > 0.95  # the same report in two formats
    keys = {"report_id", "prior_id", "carried_over", "sections", "carried_sentences", "metrics", "checks"}
    assert keys <= set(data)
    assert {"kind", "title", "prior_title", "carried_over", "ops"} <= set(data["sections"][0])


def test_stated_change_that_contradicts_last_years_figure_is_flagged() -> None:
    prior = extract_metrics("全年发生生产安全事故125起。", [], CATALOG)
    current = extract_metrics("全年发生生产安全事故108起，同比下降20%。", [], CATALOG)
    (check,) = stated_change_checks(prior, current, CATALOG)
    assert check.kind == "stated_change_mismatch" and "-13.6%" in check.message
    assert [m.value for m in check.mentions] == [-20, 125, 108]
    honest = extract_metrics("全年发生生产安全事故108起，同比下降13.6%。", [], CATALOG)
    assert stated_change_checks(prior, honest, CATALOG) == []


def test_year_over_year_never_compares_jia_with_jiaci() -> None:
    prior = extract_metrics("检查企业1000家。", [], CATALOG)
    current = extract_metrics("检查企业1200家次。", [], CATALOG)
    rows = [(r.key, r.unit, r.prior, r.current) for r in year_over_year(prior, current, CATALOG)]
    assert rows == [("inspections", "家", 1000, None), ("inspections", "家次", None, 1200)]
