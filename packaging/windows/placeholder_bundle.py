#!/usr/bin/env python3
"""Lay out a placeholder of the Windows bundle (dist/ReviewDesk) on a machine without Windows.

    python3 packaging/windows/placeholder_bundle.py build/nsis/payload [--from dist/ReviewDesk]

The NSIS script is compiled in CI on Linux. It needs a folder shaped like the PyInstaller
output on Windows: ``ReviewDesk.exe`` (windowed), ``reviewdesk-cli.exe`` (console) and
``_internal/`` with Python, Qt and the app's data. With ``--from`` the placeholder mirrors a
Linux PyInstaller folder built from the same spec, renamed the way PyInstaller names things on
Windows (``X.cpython-311-x86_64-linux-gnu.so`` → ``X.pyd``, ``libfoo.so.1`` → ``foo.dll``), so
the installer is compiled around a file list of the real size and depth. Without it, a
smaller layout with the same top-level structure is written. Every file holds one line of
text: the installer's logic is what is checked, not the payload.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path, PurePosixPath

_EXTENSION = re.compile(r"^(?P<name>[^.]+)\.(cpython-\d+[^.]*|abi3)\.so$")
_SHARED = re.compile(r"^(lib)?(?P<name>[^.]+?)(\.so(\.[0-9.]+)?|\.abi3\.so(\.[0-9.]+)?)$")

MINIMAL = [
    "ReviewDesk.exe",
    "reviewdesk-cli.exe",
    "_internal/base_library.zip",
    "_internal/python311.dll",
    "_internal/VCRUNTIME140.dll",
    "_internal/PySide6/Qt6Core.dll",
    "_internal/PySide6/Qt6Gui.dll",
    "_internal/PySide6/Qt6Widgets.dll",
    "_internal/PySide6/QtCore.pyd",
    "_internal/PySide6/plugins/platforms/qwindows.dll",
    "_internal/PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "_internal/PySide6/translations/qtbase_zh_CN.qm",
    "_internal/pypdfium2_raw/pdfium.dll",
    "_internal/jieba/dict.txt",
    "_internal/opencc/clib/share/opencc/t2s.json",
    "_internal/db/migrations/env.py",
    "_internal/resources/icons/reviewdesk-256.png",
    "_internal/resources/samples/shili_2024.docx",
]
# A name NSIS must quote and escape (a space, a dollar sign, Chinese characters), in every layout.
AWKWARD_NAME = "_internal/resources/samples/示例 报告$2024.txt"


def windows_name(relative: PurePosixPath) -> PurePosixPath:
    """The name PyInstaller gives the same file on Windows."""
    name = relative.name
    if str(relative) == "ReviewDesk":
        return PurePosixPath("ReviewDesk.exe")
    match = _EXTENSION.match(name)
    if match:
        return relative.with_name(match.group("name") + ".pyd")
    match = _SHARED.match(name)
    if match and ".so" in name:
        return relative.with_name(match.group("name") + ".dll")
    return relative


def layout_from(bundle: Path) -> list[PurePosixPath]:
    names = {
        windows_name(PurePosixPath(path.relative_to(bundle).as_posix()))
        for path in bundle.rglob("*")
        if path.is_file()
    }
    names.add(PurePosixPath("reviewdesk-cli.exe"))
    return sorted(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--from", dest="source", type=Path, help="a Linux PyInstaller folder to mirror")
    args = parser.parse_args(argv)
    if args.source and not (args.source / "ReviewDesk").is_file():
        parser.error(f"{args.source} is not a PyInstaller folder (no ReviewDesk executable)")
    names = layout_from(args.source) if args.source else [PurePosixPath(n) for n in MINIMAL]
    names.append(PurePosixPath(AWKWARD_NAME))
    if args.output.exists():
        shutil.rmtree(args.output)
    for name in names:
        target = args.output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"ReviewDesk placeholder: {name}\n", encoding="utf-8")
    print(f"placeholder bundle: {args.output} ({len(names)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
