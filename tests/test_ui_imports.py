"""The shape of desktop/ui: controllers get an application context, never the main window, and the
UI modules import one another without cycles (every import counts: lazy and type-only ones too)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

UI = ROOT / "desktop" / "ui"
WINDOW_BOUND = {"app", "import_flow", "library_care"}
"""Modules that still receive the window itself: the application start (which builds it), the
import flow and library care; each is listed so that no other joins them."""


def ui_imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in UI.glob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("desktop.ui."):
                names.add(node.module.removeprefix("desktop.ui.").split(".")[0])
            elif isinstance(node, ast.ImportFrom) and node.module == "desktop.ui":
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.Import):
                names.update(
                    a.name.removeprefix("desktop.ui.").split(".")[0]
                    for a in node.names
                    if a.name.startswith("desktop.ui.")
                )
        graph[path.stem] = names - {path.stem}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return found


def test_controllers_do_not_import_the_main_window() -> None:
    graph = ui_imports()
    importers = {name for name, imported in graph.items() if "main_window" in imported}
    assert importers - WINDOW_BOUND == set()
    for controller in (
        "annotation_controller",
        "figure_controller",
        "findings_controller",
        "comparison_controller",
        "identity_flow",
        "export_flow",
        "package_flow",
    ):
        assert controller in graph and "main_window" not in graph[controller]


def test_ui_modules_import_each_other_without_cycles() -> None:
    graph = ui_imports()
    # The window-bound modules name the window's type; those edges are what WINDOW_BOUND records.
    for name in WINDOW_BOUND:
        graph[name] = graph.get(name, set()) - {"main_window"}
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_exports_no_longer_import_packages_or_resolve_conflicts() -> None:
    source = (UI / "export_flow.py").read_text(encoding="utf-8")
    assert "import_package" not in source.replace("export_package", "") and "ConflictDialog" not in source
    assert Path(UI / "package_flow.py").exists()
