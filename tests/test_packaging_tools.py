"""The packaging helpers: the NSIS file list, the Windows placeholder names, the glibc floor."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path, PurePosixPath
from types import ModuleType

import pytest

from tests.conftest import ROOT


def load(relative: str) -> ModuleType:
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


nsis_files = load("packaging/windows/nsis_files.py")
placeholder = load("packaging/windows/placeholder_bundle.py")
glibc_floor = load("packaging/linux/glibc_floor.py")


def qt_core_library() -> Path:
    """The ELF library of QtCore in the installed PySide6 wheel (Linux only)."""
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libQt6Core.so*"))
    if not found:
        pytest.skip("no ELF build of Qt here")
    return found[0]


def test_the_uninstaller_deletes_exactly_what_the_installer_copies(tmp_path: Path) -> None:
    bundle = tmp_path / "ReviewDesk"
    for name in ("ReviewDesk.exe", "_internal/a/b/深 层$1.txt", "_internal/a/top.dll"):
        (bundle / name).parent.mkdir(parents=True, exist_ok=True)
        (bundle / name).write_text("x", encoding="utf-8")
    text = nsis_files.render(bundle)
    install, uninstall = text.split("!macro UNINSTALL_FILES")
    assert 'SetOutPath "$INSTDIR\\_internal\\a\\b"' in install
    # makensis does not unescape $$ in a File source: a ? wildcard stands for the $.
    assert "深 层?1.txt" in install
    assert 'Delete "$INSTDIR\\_internal\\a\\b\\深 层$$1.txt"' in uninstall
    assert 'Delete "$INSTDIR\\ReviewDesk.exe"' in uninstall
    assert install.count("  File ") == uninstall.count("  Delete ") == 3
    rmdirs = [line.strip() for line in uninstall.splitlines() if line.strip().startswith("RMDir")]
    # Deepest first and never recursive: a folder goes only once it is empty.
    assert rmdirs == [
        'RMDir "$INSTDIR\\_internal\\a\\b"',
        'RMDir "$INSTDIR\\_internal\\a"',
        'RMDir "$INSTDIR\\_internal"',
    ]


def test_a_folder_that_is_not_a_windows_bundle_is_refused(tmp_path: Path) -> None:
    (tmp_path / "ReviewDesk").write_text("linux executable", encoding="utf-8")
    with pytest.raises(SystemExit):
        nsis_files.render(tmp_path)


def test_placeholder_names_follow_pyinstaller_on_windows() -> None:
    name = placeholder.windows_name
    assert name(PurePosixPath("ReviewDesk")) == PurePosixPath("ReviewDesk.exe")
    assert name(PurePosixPath("_internal/lxml/etree.cpython-311-x86_64-linux-gnu.so")) == PurePosixPath(
        "_internal/lxml/etree.pyd"
    )
    assert name(PurePosixPath("_internal/PySide6/QtCore.abi3.so")) == PurePosixPath(
        "_internal/PySide6/QtCore.pyd"
    )
    assert name(PurePosixPath("_internal/PySide6/Qt/lib/libQt6Core.so.6")) == PurePosixPath(
        "_internal/PySide6/Qt/lib/Qt6Core.dll"
    )
    assert name(PurePosixPath("_internal/jieba/dict.txt")) == PurePosixPath("_internal/jieba/dict.txt")


def test_glibc_floor_reads_the_version_needs_of_real_elf_files(tmp_path: Path) -> None:
    core = qt_core_library()
    floor = glibc_floor.scan([core])
    assert floor.files == 1
    assert glibc_floor.version_key(floor.glibc) >= (2, 17)
    assert floor.qt_version.startswith("6.")
    # The same file inside a wheel-like zip, next to a file that is not ELF.
    wheel = tmp_path / "demo-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.write(core, "PySide6/Qt/lib/libQt6Core.so.6")
        archive.writestr("PySide6/__init__.py", "")
    in_wheel = glibc_floor.scan([wheel])
    assert (in_wheel.files, in_wheel.glibc) == (1, floor.glibc)
    assert in_wheel.above("2.0") and not in_wheel.above(floor.glibc)


def test_glibc_floor_fails_a_bundle_that_needs_more_than_stated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    core = qt_core_library()
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "libQt6Core.so.6").write_bytes(core.read_bytes())
    floor = glibc_floor.scan([bundle]).glibc
    assert glibc_floor.main([str(bundle), "--max", floor]) == 0
    assert glibc_floor.main([str(bundle), "--max", "2.2"]) == 1
    assert "FAIL" in capsys.readouterr().out


def test_qt_version_specifications() -> None:
    assert glibc_floor.satisfies("6.11.3", ">=6.10")
    assert glibc_floor.satisfies("6.9.3", ">=6.9,<6.10")
    assert not glibc_floor.satisfies("6.10.0", ">=6.9,<6.10")
    assert glibc_floor.satisfies("6.8.0", ">=6.8,<6.8.1")
    assert not glibc_floor.satisfies("6.12.0", "!=6.12")
