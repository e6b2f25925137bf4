"""Figures stored at import, served by the command line, recomputed when the catalog changes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from db import models
from db.session import Library
from desktop.core.importing import import_file
from desktop.core.metrics.catalog import load_catalog
from desktop.core.metrics.store import ensure_current, report_metrics, stored_digest
from tests.conftest import ROOT, SAMPLES
from tests.helpers import sample

EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


def test_import_stores_every_expected_figure(library: Library) -> None:
    outcome = import_file(library.sessions, sample("shili_2024.pdf"))
    catalog = load_catalog()
    with library.sessions() as session:
        metrics = report_metrics(session, outcome.report_id or 0, catalog)
        assert stored_digest(session) == catalog.digest
    assert metrics is not None
    result = metrics.as_json()  # the ``reviewdesk metrics --json`` object
    found = sorted((m["key"], m["value"]) for m in result["metrics"] if m["key"])
    expected = sorted((m["key"], m["value"]) for m in EXPECTED["shili_2024"]["metrics"])
    assert found == expected
    assert result["checks"] == []
    for metric in result["metrics"]:
        assert metric["sentence"] and metric["quote"] in metric["sentence"]
        assert metric["original_start"] <= metric["original_end"]


def test_metrics_are_recomputed_when_the_catalog_changes(library: Library, tmp_path: Path) -> None:
    import_file(library.sessions, sample("shili_2024.docx"))
    (tmp_path / "metrics_catalog.json").write_text(
        json.dumps(
            {
                "metrics": [
                    {
                        "key": "emergency_plans",
                        "label": "应急预案",
                        "triggers": ["应急预案", "预案"],
                        "units": ["个", "件", "项"],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    extended = load_catalog(tmp_path)
    assert ensure_current(library.sessions, extended) is True
    assert ensure_current(library.sessions, extended) is False
    with library.sessions() as session:
        assert stored_digest(session) == extended.digest
        keys = set(session.scalars(select(models.MetricMention.key)))
        count = session.scalar(select(func.count(models.MetricMention.id)))
    assert "inspections" in keys and count


def test_cli_metrics_json(tmp_path: Path) -> None:
    library = str(tmp_path / "lib.sqlite")
    run = [sys.executable, "-m", "desktop"]
    subprocess.run(
        [*run, "import", str(sample("shili_2023.docx")), "--library", library],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [*run, "metrics", "1", "--library", library, "--json"], cwd=ROOT, capture_output=True, check=True
    )
    data = json.loads(result.stdout)
    assert set(data) == {"report_id", "sector", "metrics", "checks"} and data["report_id"] == 1
    assert data["sector"]["issuer_type"] == "应急管理"
    assert [p["pack"] for p in data["sector"]["packs"]] == ["emergency"]
    keys = {
        "key",
        "label",
        "value",
        "unit",
        "qualifier",
        "low",
        "high",
        "start",
        "end",
        "sentence",
        "section_kind",
        "id",
        "confidence",
        "doubt",
        "written",
        "review",
        "fact",
    }
    assert all(keys <= set(m) for m in data["metrics"])
    rate = next(m for m in data["metrics"] if m["key"] == "rectification_rate" and m["value"] != 100)
    assert rate["value"] == 94.16 and rate["section_kind"] == "measures"
