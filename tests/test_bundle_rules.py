"""The frozen bundle leaves out only what the app never uses (packaging/bundle_rules.py).

A module the app imports but the spec excludes would make the installed app fail where the
source checkout works; these tests catch that before anyone builds an installer.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "resources" / "samples"


def load_rules() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_rules", REPO / "packaging" / "bundle_rules.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RULES = load_rules()


def app_sources() -> list[Path]:
    files = [*sorted((REPO / "desktop").rglob("*.py")), *sorted((REPO / "db").rglob("*.py"))]
    return [*files, REPO / "packaging" / "launcher.py"]


def imported_names(path: Path) -> set[str]:
    """Every absolute module name an ``import`` statement in ``path`` names, lazy imports included."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def forbidden(name: str) -> str | None:
    """Why module ``name`` would be missing from the bundle, or None if it is there."""
    if RULES.is_excluded_module(name):
        return "excluded in bundle_rules.EXCLUDES"
    for rule in RULES.DATA_RULES:
        if any(name == needed or name.startswith(needed + ".") for needed in rule.needed_by):
            return f"its data is dropped: {rule.reason}"
    return None


def test_rules_recognise_what_they_exclude() -> None:
    assert RULES.is_excluded_module("PySide6.QtQuick")
    assert not RULES.is_excluded_module("PySide6.QtNetwork")  # local sockets: one window per library
    assert not RULES.keep_data("PySide6/Qt/plugins/tls/libqopensslbackend.so", None)
    assert RULES.is_excluded_module("lxml.objectify")
    assert not RULES.is_excluded_module("PySide6.QtWidgets")
    assert not RULES.is_excluded_module("lxml.etree")
    assert not RULES.keep_data("jieba/analyse/idf.txt", None)
    assert not RULES.keep_data("jieba/posseg/prob_emit.p", None)
    assert RULES.keep_data("jieba/dict.txt", None)
    assert not RULES.keep_data("PySide6/Qt/plugins/imageformats/libqtiff.so", None)
    assert RULES.keep_data("PySide6/Qt/plugins/imageformats/libqjpeg.so", None)
    assert not RULES.keep_data("PySide6\\plugins\\imageformats\\qtiff.dll", None)  # the Windows layout
    assert RULES.keep_data("PySide6\\plugins\\imageformats\\qjpeg.dll", None)
    assert not RULES.keep_data("opencc/clib/bin/opencc", None)
    assert RULES.keep_data("opencc/clib/opencc_clib.cpython-311-x86_64-linux-gnu.so", None)
    assert not RULES.keep_data("opencc/clib/share/opencc/s2t.json", {"t2s.json"})
    # matplotlib: the fallback fonts and matplotlibrc stay, the rest of mpl-data goes.
    assert RULES.keep_data("matplotlib/mpl-data/matplotlibrc", None)
    assert RULES.keep_data("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf", None)
    assert RULES.keep_data("matplotlib/mpl-data/fonts/ttf/LastResortHE-Regular.ttf", None)
    assert not RULES.keep_data("matplotlib/mpl-data/fonts/ttf/DejaVuSans-Bold.ttf", None)
    assert not RULES.keep_data("matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf", None)
    assert not RULES.keep_data("matplotlib/mpl-data/fonts/pdfcorefonts/Helvetica.afm", None)
    assert not RULES.keep_data("matplotlib\\mpl-data\\sample_data\\goog.npz", None)  # the Windows layout
    assert not RULES.keep_data("matplotlib/mpl-data/images/home.png", None)
    assert RULES.is_excluded_module("matplotlib.backends.backend_qtagg")
    assert not RULES.is_excluded_module("matplotlib.backends.backend_pdf")
    assert RULES.is_excluded_module("numpy.random._generator")
    assert not RULES.is_excluded_module("numpy.linalg")
    # psycopg_binary: left out on Linux (the system's libpq), kept on Windows (there is none).
    assert RULES.is_excluded_module("psycopg_binary.pq", platform="linux")
    assert not RULES.is_excluded_module("psycopg_binary.pq", platform="win32")
    assert not RULES.is_excluded_module("psycopg.pq", platform="linux")


def test_every_matplotlib_backend_is_either_kept_or_left_out() -> None:
    spec = importlib.util.find_spec("matplotlib")
    assert spec is not None and spec.origin is not None
    folder = Path(spec.origin).parent / "backends"
    present = {
        path.name.split(".")[0]
        for path in folder.iterdir()
        if path.name != "__init__.py"
        and (path.suffix in (".py", ".so", ".pyd") or (path / "__init__.py").is_file())
    }
    kept, unused = set(RULES.MATPLOTLIB_BACKENDS_KEPT), set(RULES.MATPLOTLIB_BACKENDS_UNUSED)
    assert not kept & unused
    assert present - kept - unused == set(), "a new matplotlib backend: keep it or leave it out"
    assert {"backend_agg", "backend_pdf", "backend_mixed"} <= present & kept


def test_no_import_statement_of_the_app_names_an_excluded_module() -> None:
    offenders = [
        f"{path.relative_to(REPO)}: {name} ({why})"
        for path in app_sources()
        for name in sorted(imported_names(path))
        if (why := forbidden(name))
    ]
    assert offenders == []


def test_the_opencc_conversions_the_app_asks_for_are_kept() -> None:
    asked = {
        match.group(1).removesuffix(".json")
        for path in app_sources()
        for match in re.finditer(r"OpenCC\(\s*[\"']([^\"']+)[\"']", path.read_text(encoding="utf-8"))
    }
    assert asked, "the app no longer asks OpenCC for a conversion: update OPENCC_CONFIGS"
    assert asked <= set(RULES.OPENCC_CONFIGS)
    import opencc

    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    needed = RULES.opencc_files_needed(share)
    assert {"t2s.json", "TSPhrases.ocd2", "TSCharacters.ocd2"} <= needed
    assert all((share / name).is_file() for name in needed)


# Run in a fresh interpreter: import every module of the app, then do what a reviewer does
# (import each sample format, compare, search, export memo and summary), and list every module
# that ended up loaded, third-party lazy imports included.
_WORKLOAD = r"""
import json, os, pkgutil, importlib, sys, tempfile
from pathlib import Path
opened = set()
def audit(event, args):  # every file the app opens from Python (data, dictionaries, templates)
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        opened.add(os.path.realpath(os.fsdecode(args[0])))
sys.addaudithook(audit)
import desktop, db
for package in (desktop, db):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        # Alembic loads db.migrations itself (from files); __main__ would run the CLI.
        if info.name.endswith("__main__") or info.name.startswith("db.migrations"):
            continue
        importlib.import_module(info.name)
from desktop.cli import run
samples = Path(sys.argv[1])
with tempfile.TemporaryDirectory() as tmp:
    library = ["--library", str(Path(tmp) / "lib.sqlite")]
    assert run(["import", *map(str, sorted(samples.glob("shili_*.*"))), *library]) == 0
    assert run(["compare", "4", *library]) == 0
    assert run(["search", "安全生产", *library]) == 0
    assert run(["export-memo", "4", "--out", str(Path(tmp) / "memo.docx"), *library]) == 0
    assert run(["export-summary", "--out", str(Path(tmp) / "s.xlsx"), *library]) == 0
from desktop.core.importers import shutdown_workers
shutdown_workers()
Path(sys.argv[2]).write_text(json.dumps({"modules": sorted(sys.modules), "opened": sorted(opened)}))
"""


def bundle_path(opened: str) -> str | None:
    """Where a file the app opened sits in the bundle: relative to the site-packages folder or the
    checkout it came from (PyInstaller keeps that layout); None for files outside both."""
    path = Path(opened)
    roots = sorted(
        {Path(p).resolve() for p in sys.path if p.endswith("-packages")} | {REPO}, key=str, reverse=True
    )
    for root in roots:
        if path.is_relative_to(root):
            relative = path.relative_to(root).as_posix()
            return None if relative.startswith((".venv/", "tests/")) else relative
    return None


def opencc_keep() -> set[str]:
    import opencc

    return RULES.opencc_files_needed(Path(opencc.__file__).parent / "clib" / "share" / "opencc")


def dropped_files(opened: list[str]) -> list[str]:
    """The data files among ``opened`` that a data rule leaves out of the bundle (modules are
    checked by name: PyInstaller puts them in its archive)."""
    keep = opencc_keep()
    data = [name for name in opened if not name.endswith((".py", ".pyc"))]
    return [dest for name in data if (dest := bundle_path(name)) and not RULES.keep_data(dest, keep)]


def forbidden_modules(loaded: list[str]) -> dict[str, str]:
    optional = tuple(RULES.OPTIONAL_IMPORTS)
    return {
        name: why
        for name in loaded
        if (why := forbidden(name)) and not any(name == o or name.startswith(o + ".") for o in optional)
    }


@pytest.mark.slow
def test_nothing_the_app_loads_while_working_is_excluded(tmp_path: Path) -> None:
    modules = tmp_path / "modules.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", _WORKLOAD, str(SAMPLES), str(modules)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(modules.read_text())
    loaded = found["modules"]
    assert "desktop.ui.main_window" in loaded and "docx" in loaded  # the workload really ran
    assert forbidden_modules(loaded) == {}
    assert any(
        name.endswith("templates/memo_template.docx") for name in found["opened"]
    )  # the audit saw files
    assert dropped_files(found["opened"]) == []


# The season overview as the bundle draws it: matplotlib's data as the rules leave it (a copy of
# mpl-data without what DATA_RULES drop, and a font list built from that copy alone), a report whose
# agency holds mathtext (text between two "$", which asks for fonts the bundle leaves out), and every
# export format. Reports the files opened, the modules loaded and what matplotlib logged.
_OVERVIEW = r"""
import contextlib, importlib.util, io, json, logging, os, shutil, sys, warnings
from pathlib import Path
opened = set()
def audit(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        opened.add(os.path.realpath(os.fsdecode(args[0])))
sys.addaudithook(audit)
spec = importlib.util.spec_from_file_location("bundle_rules", sys.argv[1])
rules = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rules)
import matplotlib
work, samples = Path(sys.argv[2]), Path(sys.argv[3])
source, trimmed = Path(matplotlib.get_data_path()), work / "mpl-data"
for path in sorted(source.rglob("*")):
    relative = path.relative_to(source).as_posix()
    if path.is_file() and rules.keep_data("matplotlib/mpl-data/" + relative, None):
        (trimmed / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, trimmed / relative)
matplotlib.get_data_path = lambda: str(trimmed)  # read by cbook._get_data_path on every use
opened.clear()  # the copying above read every file
logged = []
class Keep(logging.Handler):
    def emit(self, record):
        logged.append(record.getMessage())
logging.getLogger("matplotlib").addHandler(Keep())
from desktop.cli import run
library = ["--library", str(work / "lib.sqlite")]
assert run(["import", *map(str, sorted(samples.glob("shili_*.*"))), *library]) == 0
listing = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
with contextlib.redirect_stdout(listing):
    assert run(["list", "--current", "--json", *library]) == 0
listing.flush()
current = max(r["id"] for r in json.loads(listing.buffer.getvalue()) if r["year"] == 2024)
agency = "示例县$\\alpha^2_x \\sum \\mathbf{B} \\mathtt{T}$司法局"
assert run(["correct", str(current), "--agency", agency, *library]) == 0
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for suffix in (".png", ".pdf", ".xlsx"):
        assert run(["overview", "--year", "2024", "--out", str(work / f"overview{suffix}"), *library]) == 0
from desktop.core.importers import shutdown_workers
shutdown_workers()
from desktop.core.overview.charts import cjk_font
(work / "found.json").write_text(json.dumps({
    "modules": sorted(sys.modules), "opened": sorted(opened), "logged": logged,
    "warnings": [str(w.message) for w in caught], "family": cjk_font(),
    "data": str(source), "trimmed": str(trimmed.resolve()),
}))
"""


@pytest.mark.slow
def test_the_season_overview_draws_and_exports_with_what_the_bundle_keeps(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MPLCONFIGDIR": str(tmp_path / "mplconfig")}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _OVERVIEW,
            str(REPO / "packaging" / "bundle_rules.py"),
            str(tmp_path),
            str(SAMPLES),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads((tmp_path / "found.json").read_text(encoding="utf-8"))
    assert "matplotlib.backends.backend_pdf" in found["modules"]  # the charts really were drawn
    assert forbidden_modules(found["modules"]) == {}
    assert dropped_files(found["opened"]) == []
    # Every font and data file came from the trimmed copy: the bundle has all the charts need.
    data = found["data"] + os.sep
    assert [
        name for name in found["opened"] if name.startswith(data) and not name.endswith("matplotlibrc")
    ] == []
    assert any(name.startswith(found["trimmed"]) for name in found["opened"])
    # The mathtext label asked for fonts the bundle leaves out and fell back to DejaVu Sans.
    assert any("Falling back to DejaVu Sans" in message for message in found["logged"])

    png = (tmp_path / "overview.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 1000 and height > 500
    pdf = (tmp_path / "overview.pdf").read_bytes()
    assert pdf[:5] == b"%PDF-" and pdf.count(b"/Type /Page") >= 2  # the charts, then the table
    with zipfile.ZipFile(tmp_path / "overview.xlsx") as book:
        assert len([n for n in book.namelist() if n.startswith("xl/media/")]) == 4  # the four charts
    family = found["family"]
    if family is None:
        pytest.skip("no CJK font installed: the charts' Chinese cannot be checked")
    # The PDF embeds the CJK font the charts chose, and no Chinese glyph was missing from it.
    assert family.replace(" ", "").lower().encode() in pdf.lower()
    assert [w for w in found["warnings"] if "missing from font" in w] == []
