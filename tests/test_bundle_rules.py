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
import subprocess
import sys
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
import json, pkgutil, importlib, sys, tempfile
from pathlib import Path
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
Path(sys.argv[2]).write_text(json.dumps(sorted(sys.modules)))
"""


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
    loaded = json.loads(modules.read_text())
    assert "desktop.ui.main_window" in loaded and "docx" in loaded  # the workload really ran
    optional = tuple(RULES.OPTIONAL_IMPORTS)
    offenders = {
        name: why
        for name in loaded
        if (why := forbidden(name)) and not any(name == o or name.startswith(o + ".") for o in optional)
    }
    assert offenders == {}
