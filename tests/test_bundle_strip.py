"""Stripping the bundle's ELF files (packaging/linux/strip_elf.py), tried on the real wheels.

A stripped copy of a file auditwheel never touched must still import; a file auditwheel
patched is left alone, and the alignment check recognises what strip does to one.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("strip") is None, reason="ELF files and binutils"
)


def load_strip_elf() -> ModuleType:
    path = ROOT / "packaging" / "linux" / "strip_elf.py"
    spec = importlib.util.spec_from_file_location("strip_elf", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["strip_elf"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


strip_elf = load_strip_elf()


def extension(package: str, stem: str) -> Path:
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.origin is not None
    found = sorted(Path(spec.origin).parent.rglob(f"{stem}*.so"))
    assert found, f"no {stem} extension in {package}"
    return found[0]


def test_a_module_with_debug_information_and_no_search_path_is_stripped_and_still_imports(
    tmp_path: Path,
) -> None:
    source = extension("kiwisolver", "_cext")
    data = source.read_bytes()
    assert strip_elf.why_not_strip(f"kiwisolver/{source.name}", data) is None
    copy = tmp_path / "kiwisolver"
    shutil.copytree(source.parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / source.name
    assert strip_elf.strip_copy(source, target)
    assert target.stat().st_size < len(data) // 2  # the debug information is most of the file
    check = (
        "import kiwisolver, sys; s = kiwisolver.Solver(); assert kiwisolver.__file__.startswith(sys.argv[1])"
    )
    subprocess.run(
        [sys.executable, "-c", check, str(tmp_path)],
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path)},
    )


def test_files_auditwheel_patched_are_left_alone() -> None:
    umath = extension("numpy", "_multiarray_umath")
    assert "RPATH" in strip_elf.why_not_strip(f"numpy/_core/{umath.name}", umath.read_bytes())
    libs = sorted((umath.parents[2] / "numpy.libs").glob("libscipy_openblas*.so"))
    if libs:
        why = strip_elf.why_not_strip(f"numpy.libs/{libs[0].name}", libs[0].read_bytes())
        assert why is not None and "vendored" in why
    assert (
        strip_elf.why_not_strip("resources/samples/shili_2024.txt", b"not an ELF file") == "not an ELF file"
    )


def loads(path: Path) -> tuple[bool, str]:
    """Whether the dynamic loader maps the library (in a fresh process), and its complaint."""
    result = subprocess.run(
        [sys.executable, "-c", "import ctypes, sys; ctypes.CDLL(sys.argv[1])", str(path)],
        capture_output=True,
        text=True,
    )
    return result.returncode == 0, result.stderr.strip().splitlines()[-1:]


def test_the_alignment_check_agrees_with_the_dynamic_loader_on_a_patched_library(tmp_path: Path) -> None:
    # numpy's OpenBLAS is the library the loader refused after strip ("ELF load command
    # address/offset not page-aligned"). Whatever this binutils does to it, strip_copy keeps a
    # copy only if the loader would map it.
    spec = importlib.util.find_spec("numpy")
    assert spec is not None and spec.origin is not None
    libs_dir = Path(spec.origin).parents[1] / "numpy.libs"
    libs = sorted(libs_dir.glob("libscipy_openblas*.so"))
    if not libs:
        pytest.skip("this numpy wheel vendors no OpenBLAS")
    copy = tmp_path / "numpy.libs"
    shutil.copytree(libs_dir, copy)
    library = copy / libs[0].name
    assert strip_elf.loads_aligned(library.read_bytes()) and loads(library)[0]
    subprocess.run(["strip", "--strip-unneeded", str(library)], check=True)
    loaded, complaint = loads(library)
    assert strip_elf.loads_aligned(library.read_bytes()) == loaded, complaint
    assert strip_elf.strip_copy(libs[0], tmp_path / "checked.so") == loaded
    assert (tmp_path / "checked.so").exists() == loaded


def test_a_patched_library_is_stripped_only_when_the_loader_maps_the_same_image(tmp_path: Path) -> None:
    # Qt's ICU libraries carry an RPATH (rule 1 refuses them), yet strip leaves every loadable
    # segment where it was: the copy is kept. numpy's patched module moves under strip: refused.
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.origin is not None
    icu = sorted((Path(spec.origin).parent / "Qt" / "lib").glob("libicuuc.so.*"))
    if not icu:
        pytest.skip("this PySide6 wheel bundles no ICU")
    original = icu[0].read_bytes()
    assert "RPATH" in (strip_elf.why_not_strip(f"PySide6/Qt/lib/{icu[0].name}", original) or "")
    target = tmp_path / icu[0].name
    assert strip_elf.strip_copy(icu[0], target, identical_image=True)
    stripped = target.read_bytes()
    assert len(stripped) < len(original) and strip_elf.same_image(original, stripped)
    for data in icu[0].parent.glob("libicudata.so.*"):  # found through the RPATH ($ORIGIN)
        shutil.copy(data, tmp_path / data.name)
    assert loads(target) == (True, [])

    # What the loader maps differs as soon as one byte of a segment does.
    changed = bytearray(stripped)
    text = next(s for s in strip_elf.segments(stripped) if s.kind == strip_elf.PT_LOAD and s.offset > 0)
    changed[text.offset + 16] ^= 0xFF
    assert not strip_elf.same_image(original, bytes(changed))


def test_patched_numpy_and_pillow_lose_their_symbol_tables_and_debug_information_and_still_work(
    tmp_path: Path,
) -> None:
    # strip moves the segments of these auditwheel-patched files; the sections are cut out by
    # whole pages instead, and the copies must import and compute (OpenBLAS through numpy.linalg,
    # PNG and JPEG through Pillow), as the overview's charts use them.
    site = Path(importlib.util.find_spec("numpy").origin).parents[1]  # type: ignore[union-attr, arg-type]
    for name in ("numpy", "numpy.libs", "PIL", "pillow.libs"):
        if (site / name).is_dir():
            shutil.copytree(site / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    umath = next((tmp_path / "numpy").rglob("_multiarray_umath*.so"))
    imaging = next((tmp_path / "PIL").glob("_imaging.*so"))
    before = {path: path.stat().st_size for path in (umath, imaging)}
    for path in before:
        assert strip_elf.why_not_strip(str(path.relative_to(tmp_path)), path.read_bytes()) is not None
        stripped = tmp_path / "stripped.so"
        assert strip_elf.strip_copy(path, stripped, identical_image=True)
        assert strip_elf.same_image(path.read_bytes(), stripped.read_bytes())
        shutil.move(stripped, path)
        assert path.stat().st_size < before[path]
    for library in (tmp_path / "numpy.libs").glob("*.so*"):
        if cut := strip_elf.cut_unloaded_sections(data := library.read_bytes()):
            assert strip_elf.same_image(data, cut)
            library.write_bytes(cut)
    check = (
        "import io, sys, numpy as np, PIL.Image\n"
        "assert np.__file__.startswith(sys.argv[1]) and PIL.Image.__file__.startswith(sys.argv[1])\n"
        "a = np.arange(1.0, 10.0).reshape(3, 3) + np.eye(3)\n"
        "assert np.allclose(np.linalg.inv(a) @ a, np.eye(3))\n"
        "image = PIL.Image.new('RGBA', (40, 20), (200, 30, 30, 255))\n"
        "for kind in ('PNG', 'JPEG'):\n"
        "    (image if kind == 'PNG' else image.convert('RGB')).save(io.BytesIO(), kind)\n"
    )
    subprocess.run(
        [sys.executable, "-c", check, str(tmp_path)],
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path)},
    )


def test_cutting_refuses_what_it_cannot_cut() -> None:
    assert strip_elf.cut_unloaded_sections(b"not an ELF file") is None
    kiwi = extension("kiwisolver", "_cext")
    stripped = subprocess.run(
        ["strip", "-o", "/dev/stdout", str(kiwi)], capture_output=True, check=True
    ).stdout
    assert strip_elf.cut_unloaded_sections(stripped) is None  # nothing left to cut
