#!/usr/bin/env python3
"""The oldest glibc (and the Qt version) a ReviewDesk bundle needs, computed from its ELF files.

    python3 packaging/linux/glibc_floor.py dist/ReviewDesk                  # report
    python3 packaging/linux/glibc_floor.py dist/ReviewDesk --build debian12 # and check the stated floor
    python3 packaging/linux/glibc_floor.py wheels/*.whl --max 2.28          # wheels, before building

Every ELF file (executables, shared libraries, Python extension modules; also inside ``.whl``
archives) lists the symbol versions it needs from each library in its ``.gnu.version_r``
section. The highest ``GLIBC_x.y`` among them is the oldest glibc on which the bundle can
load at all; the dynamic loader refuses older ones ("version `GLIBC_2.34' not found").
The stated floors of the builds are in ``packaging/linux/floors.json``; with ``--build`` (or
``--max``) the script exits 1 and names the files when the bundle needs more.

Pure Python and standard library only, so it runs with any python3 ≥ 3.8 on the build machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import struct
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

FLOORS = Path(__file__).resolve().parent / "floors.json"
SHT_GNU_VERNEED = 0x6FFFFFFE
_GLIBC = re.compile(r"GLIBC_(\d+(?:\.\d+)+)$")
_QT_BUILD = re.compile(rb"Qt (\d+\.\d+\.\d+) \(")


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def verneed(data: bytes) -> dict[str, set[str]]:
    """``{library: {version names}}`` from the ``.gnu.version_r`` section of an ELF image."""
    if data[:4] != b"\x7fELF" or len(data) < 64:
        return {}
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if is64:
        (shoff,) = struct.unpack_from(end + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
        section = end + "IIQQQQIIQQ"
    else:
        (shoff,) = struct.unpack_from(end + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
        section = end + "IIIIIIIIII"
    headers = []
    for index in range(shnum):
        start = shoff + index * shentsize
        if start + struct.calcsize(section) > len(data):
            return {}
        headers.append(struct.unpack_from(section, data, start))
    needs: dict[str, set[str]] = {}
    for header in headers:
        sh_type, sh_offset, sh_size, sh_link, sh_info = header[1], header[4], header[5], header[6], header[7]
        if sh_type != SHT_GNU_VERNEED or sh_link >= len(headers):
            continue
        strtab = headers[sh_link][4]

        def string(offset: int, strtab: int = strtab) -> str:
            start = strtab + offset
            return data[start : data.index(b"\0", start)].decode("ascii", "replace")

        entry = sh_offset
        for _ in range(sh_info):
            if entry + 16 > sh_offset + sh_size:
                break
            _version, count, file_name, aux, next_entry = struct.unpack_from(end + "HHIII", data, entry)
            names = needs.setdefault(string(file_name), set())
            item = entry + aux
            for _ in range(count):
                _hash, _flags, _other, name, next_aux = struct.unpack_from(end + "IHHII", data, item)
                names.add(string(name))
                if not next_aux:
                    break
                item += next_aux
            if not next_entry:
                break
            entry += next_entry
    return needs


@dataclass
class Floor:
    """The highest glibc version needed, which file needs it, and per-part figures."""

    files: int = 0
    glibc: str = "0"
    needed_by: str = ""
    qt_version: str = ""
    per_file: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, needs: dict[str, set[str]]) -> None:
        self.files += 1
        versions = [m.group(1) for names in needs.values() for n in names if (m := _GLIBC.match(n))]
        if not versions:
            return
        highest = max(versions, key=version_key)
        self.per_file[name] = highest
        if version_key(highest) > version_key(self.glibc):
            self.glibc, self.needed_by = highest, name

    def above(self, limit: str) -> list[tuple[str, str]]:
        return sorted(
            ((name, v) for name, v in self.per_file.items() if version_key(v) > version_key(limit)),
            key=lambda item: (version_key(item[1]), item[0]),
            reverse=True,
        )

    def parts(self) -> dict[str, tuple[str, str]]:
        """Highest need per part of the bundle (Qt, Python, each package, top-level libraries)."""
        result: dict[str, tuple[str, str]] = {}
        for name, version in self.per_file.items():
            part = part_of(name)
            if part not in result or version_key(version) > version_key(result[part][0]):
                result[part] = (version, name)
        return result


def part_of(name: str) -> str:
    path = name.split("!/")[-1].replace("\\", "/")
    path = path.split("_internal/", 1)[-1]
    base = path.rsplit("/", 1)[-1]
    if (
        path.startswith("PySide6/")
        or path.startswith("shiboken6/")
        or base.startswith(("libQt6", "libicu", "libpyside6", "libshiboken6"))
    ):
        return "Qt (PySide6)"
    if base.startswith("libpython") or path.startswith("python3"):
        return "Python"
    if "/" not in path:
        return "libraries copied from the build machine"
    return path.split("/", 1)[0]


def _is_elf_name(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return base.endswith((".so", ".pyd")) or ".so." in base or "." not in base


def iter_elf(path: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every ELF file in a directory, file, or wheel/zip archive."""
    if path.is_dir():
        for root, _dirs, files in os.walk(path):
            for file in sorted(files):
                full = Path(root) / file
                if full.is_symlink() or not full.is_file():
                    continue
                with open(full, "rb") as handle:
                    if handle.read(4) != b"\x7fELF":
                        continue
                    handle.seek(0)
                    yield str(full.relative_to(path)), _read(handle)
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir() or not _is_elf_name(info.filename):
                    continue
                with archive.open(info) as handle:
                    if handle.read(4) != b"\x7fELF":
                        continue
                data = archive.read(info)
                yield f"{path.name}!/{info.filename}", data
    elif path.is_file():
        with open(path, "rb") as handle:
            if handle.read(4) == b"\x7fELF":
                handle.seek(0)
                yield path.name, _read(handle)


def _read(handle: BinaryIO) -> bytes:
    return handle.read()


def scan(paths: list[Path]) -> Floor:
    floor = Floor()
    for path in paths:
        for name, data in iter_elf(path):
            floor.add(name, verneed(data))
            base = name.rsplit("/", 1)[-1]
            if base.startswith("libQt6Core.so") and not floor.qt_version:
                match = _QT_BUILD.search(data)
                floor.qt_version = match.group(1).decode() if match else ""
    return floor


def satisfies(version: str, spec: str) -> bool:
    """``6.11.3`` against ``>=6.10,<6.12`` (the comparisons floors.json uses: >= > <= < == !=)."""
    ops = {
        ">=": lambda a, b: a >= b,
        ">": lambda a, b: a > b,
        "<=": lambda a, b: a <= b,
        "<": lambda a, b: a < b,
        "==": lambda a, b: a == b,
        "!=": lambda a, b: a != b,
    }
    have = version_key(version)
    for clause in filter(None, (c.strip() for c in spec.split(","))):
        op = next(o for o in (">=", "<=", "==", "!=", ">", "<") if clause.startswith(o))
        want = version_key(clause[len(op) :].strip())
        if not ops[op](have[: len(want)] if op in ("==", "!=") else have, want):
            return False
    return True


def load_floors() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(FLOORS.read_text(encoding="utf-8"))["builds"]
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="bundle folder(s), ELF files or wheels")
    limit = parser.add_mutually_exclusive_group()
    limit.add_argument("--build", help="check against the floor stated for this build in floors.json")
    limit.add_argument("--max", metavar="X.Y", help="fail if any file needs a newer glibc")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        parser.error(f"not found: {', '.join(missing)}")
    floor = scan(args.paths)
    if floor.files == 0:
        print("no ELF file found", file=sys.stderr)
        return 2
    stated = args.max
    stated_qt = ""
    if args.build:
        builds = load_floors()
        if args.build not in builds:
            parser.error(f"unknown build {args.build!r}; floors.json states: {', '.join(builds)}")
        stated = builds[args.build]["glibc"]
        stated_qt = builds[args.build].get("qt", "")

    if args.json:
        print(
            json.dumps(
                {
                    "files": floor.files,
                    "glibc": floor.glibc,
                    "needed_by": floor.needed_by,
                    "qt": floor.qt_version,
                    "parts": {part: {"glibc": v, "needed_by": n} for part, (v, n) in floor.parts().items()},
                    "stated_glibc": stated,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"ELF files scanned: {floor.files}")
        print(f"glibc floor: {floor.glibc} (needed by {floor.needed_by})")
        if floor.qt_version:
            print(
                f"Qt: {floor.qt_version} (bundled; its libraries and plugins are counted in the parts below)"
            )
        for part, (version, name) in sorted(
            floor.parts().items(), key=lambda i: version_key(i[1][0]), reverse=True
        ):
            print(f"  {version:>6}  {part}  ({name.rsplit('/', 1)[-1]})")
    status = 0
    if stated:
        offenders = floor.above(stated)
        label = f"build {args.build}" if args.build else "--max"
        if offenders:
            print(f"FAIL: the bundle needs glibc {floor.glibc}, newer than {stated} stated for {label}:")
            for name, version in offenders[:30]:
                print(f"  GLIBC_{version}  {name}")
            status = 1
        else:
            print(f"ok: glibc floor {floor.glibc} <= {stated} stated for {label}")
    if stated_qt and floor.qt_version:
        if satisfies(floor.qt_version, stated_qt):
            print(f"ok: Qt {floor.qt_version} matches {stated_qt} stated for build {args.build}")
        else:
            print(f"FAIL: the bundle carries Qt {floor.qt_version}, build {args.build} states Qt {stated_qt}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
