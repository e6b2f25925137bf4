"""Team libraries as the Linux bundle opens them: psycopg's pure-Python implementation over the
system's libpq (the .deb depends on libpq5; packaging/bundle_rules.py leaves psycopg_binary out).

The packaging check does the same with the installed app; these tests catch a change of the app
that needs psycopg_binary before anyone builds a package.
"""

from __future__ import annotations

import ctypes.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, postgres_schema

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's driver")

# In a fresh interpreter with PSYCOPG_IMPL=python, as in the bundle (where psycopg_binary is absent):
# import two reports into a team library, list them, search, draw the overview from the server.
_WORKLOAD = r"""
import contextlib, io, json, sys
from pathlib import Path
from desktop.cli import run
url, samples, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
library = ["--library", url]
assert run(["import", str(samples / "shili_2023.docx"), str(samples / "shili_2024.docx"), *library]) == 0
listing = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
with contextlib.redirect_stdout(listing):
    assert run(["list", "--current", "--json", *library]) == 0
    assert run(["search", "安全生产", "--json", *library]) == 0
listing.flush()
assert run(["overview", "--year", "2024", "--out", str(out / "team.png"), *library]) == 0
from desktop.core.importers import shutdown_workers
shutdown_workers()
import psycopg.pq
(out / "found.json").write_text(json.dumps({
    "impl": psycopg.pq.__impl__, "libpq": psycopg.pq.version(), "modules": sorted(sys.modules),
    "output": listing.buffer.getvalue().decode("utf-8"),
}))
"""


def system_libpq() -> str:
    name = ctypes.util.find_library("pq")
    if name is None:
        pytest.skip("no system libpq (Debian: apt-get install libpq5)")
    return name


def test_psycopg_finds_the_system_libpq_the_way_the_bundle_does() -> None:
    name = system_libpq()
    result = subprocess.run(
        [sys.executable, "-c", "import psycopg.pq as pq; print(pq.__impl__, pq.version())"],
        env={**os.environ, "PSYCOPG_IMPL": "python"},
        capture_output=True,
        text=True,
        check=True,
    )
    impl, version = result.stdout.split()
    assert impl == "python"
    assert int(version) >= 100000, f"{name}: psycopg needs libpq 10 or later"


@pytest.mark.slow
def test_a_team_library_works_through_the_system_libpq(tmp_path: Path) -> None:
    system_libpq()
    with postgres_schema() as url:
        result = subprocess.run(
            [sys.executable, "-c", _WORKLOAD, url, str(SAMPLES), str(tmp_path)],
            cwd=ROOT,
            env={**os.environ, "PSYCOPG_IMPL": "python", "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads((tmp_path / "found.json").read_text(encoding="utf-8"))
    assert found["impl"] == "python"
    assert not [name for name in found["modules"] if name.split(".")[0] == "psycopg_binary"]
    assert "示例市应急管理局" in found["output"]
    assert (tmp_path / "team.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
