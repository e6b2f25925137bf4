"""Rules of the code base: a Qt-free core, and no network code anywhere."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CORE_PACKAGES = [ROOT / "desktop" / "core", ROOT / "db"]
NETWORK_MODULES = {
    "socket",
    "urllib.request",
    "http.client",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def python_files(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*.py")]


def test_core_modules_never_import_qt() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in imported_modules(path) if m.split(".")[0] == "PySide6")
        for path in python_files(*CORE_PACKAGES)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_whole_core_loads_no_qt() -> None:
    """Importing every core module in a fresh interpreter must not pull PySide6 in indirectly."""
    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in python_files(*CORE_PACKAGES)
        if path.name != "__init__.py" and "migrations" not in path.parts
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print([m for m in sys.modules if m.startswith('PySide6')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_no_module_uses_network_libraries() -> None:
    offenders = {}
    for path in python_files(ROOT / "desktop", ROOT / "db"):
        used = {m for m in imported_modules(path) if m in NETWORK_MODULES}
        if used:
            offenders[str(path.relative_to(ROOT))] = sorted(used)
    assert offenders == {}
