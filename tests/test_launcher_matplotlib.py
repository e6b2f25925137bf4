"""The frozen app keeps matplotlib's font list between runs (packaging/launcher.py).

PyInstaller's run-time hook gives matplotlib a new temporary folder on every start, so each
session's first overview would scan every installed font again; the launcher points it at the
user's cache folder instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import launcher


def test_the_frozen_app_keeps_the_font_list_in_the_users_cache_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "_MEI12345" / "mpl"))  # what the hook sets
    launcher._keep_matplotlib_cache()
    folder = Path(os.environ["MPLCONFIGDIR"])
    assert folder.is_relative_to(tmp_path) and folder.parts[-1] == "matplotlib"
    assert "ReviewDesk" in folder.parts

    # matplotlib writes its font list there once and reads it back on the next start.
    script = "import matplotlib.font_manager as fm, sys; print(len(fm.fontManager.ttflist))"
    env = {**os.environ, "MPLCONFIGDIR": str(folder)}
    first = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    lists = sorted(folder.glob("fontlist-*.json"))
    assert len(lists) == 1 and int(first.stdout) > 0
    written = lists[0].stat().st_mtime_ns
    second = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert second.stdout == first.stdout and lists[0].stat().st_mtime_ns == written


def test_a_source_install_leaves_matplotlib_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path))
    launcher._keep_matplotlib_cache()
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path)
