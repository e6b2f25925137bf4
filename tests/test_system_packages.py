"""The README's system packages are enough for Qt's window system plugin on a fresh Debian machine."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT


def readme_packages() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("sudo apt-get install python3-venv"))
    return line.split()[3:]


def qt_libraries() -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    return [qt / "plugins" / "platforms" / "libqxcb.so", *sorted((qt / "lib").glob("libQt6*.so.6"))]


def test_readme_lists_the_tools_and_a_chinese_font() -> None:
    packages = readme_packages()
    assert {"python3-venv", "make", "fonts-noto-cjk", "libxcb-cursor0", "libxcb-icccm4"} <= set(packages)


@pytest.mark.skipif(not (shutil.which("dpkg") and shutil.which("apt-cache")), reason="not a Debian system")
def test_every_library_the_xcb_plugin_links_comes_from_the_readme_packages() -> None:
    """Each system library of the plugin (and of the Qt libraries it loads) belongs to a package the
    README names, or to one of their dependencies; none is missing on this machine."""
    libraries = [lib for lib in qt_libraries() if lib.exists()]
    if not libraries or not libraries[0].exists():
        pytest.skip("PySide6 has no xcb plugin here")
    wheel = str(libraries[0].parents[2])
    resolved: set[str] = set()
    for library in libraries:
        output = subprocess.run(["ldd", str(library)], capture_output=True, text=True).stdout
        if library.name == "libqxcb.so":
            assert "not found" not in output, output
        for match in re.finditer(r"=> (/\S+)", output):
            if not match.group(1).startswith(wheel):
                resolved.add(str(Path(match.group(1)).resolve()))
    owners = set()
    for path in sorted(resolved):
        found = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True).stdout
        if found:
            owners.add(found.split(":")[0])
    closure = subprocess.run(
        [
            "apt-cache",
            "depends",
            "--recurse",
            "--no-recommends",
            "--no-suggests",
            "--no-conflicts",
            "--no-breaks",
            "--no-replaces",
            "--no-enhances",
            *readme_packages(),
        ],
        capture_output=True,
        text=True,
    ).stdout
    provided = {line.strip() for line in closure.splitlines() if not line.startswith(" ")}
    essential = {"libc6", "libstdc++6", "libgcc-s1"}  # on every Debian system
    assert owners and not (owners - provided - essential), sorted(owners - provided - essential)
