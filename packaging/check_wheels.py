#!/usr/bin/env python3
"""Check that every dependency of ReviewDesk has a binary wheel for each platform we ship.

    python3 packaging/check_wheels.py                 # resolve every target (needs PyPI)
    python3 packaging/check_wheels.py --scan-glibc    # also download the Linux wheels and scan
                                                      # their ELF files against the glibc floor
    python3 packaging/check_wheels.py --target windows-x64

The installers are built on the target platform (PyInstaller cannot cross-build), from wheels
only, so a dependency without a wheel for that platform means a compiler on the build machine.
For each target pip resolves the dependencies of pyproject.toml with ``--only-binary=:all:``
and the target's platform tags, without installing anything (``pip install --dry-run
--report``). jieba publishes only a source archive; it is pure Python, so the script builds
its wheel once (``pip wheel --no-deps jieba``) and checks that it is ``py3-none-any``, which
every target installs.

Without network access to the package index the check is skipped with a message (exit 0):
it is a build-machine check, the app itself never goes online.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "packaging" / "linux"))
import glibc_floor  # noqa: E402

SOURCE_ONLY = {"jieba"}  # published as a source archive only; pure Python
PYINSTALLER = "pyinstaller>=6.10,<7"


def manylinux(glibc_minor: int, arch: str) -> list[str]:
    """Every platform tag a glibc 2.<minor> system of ``arch`` accepts, newest first."""
    tags = [f"manylinux_2_{minor}_{arch}" for minor in range(glibc_minor, 16, -1)]
    return [*tags, f"manylinux2014_{arch}"]


@dataclass(frozen=True)
class Target:
    name: str
    what: str
    platforms: list[str]
    pyside: str  # the Qt binding this build pins
    extra: tuple[str, ...] = ()  # build tools; sys_platform markers are evaluated for the host
    glibc: str | None = None  # floor to scan the downloaded wheels against
    informational: bool = False  # a known gap: reported, never fails the check


TARGETS = [
    Target(
        "windows-x64",
        "Windows 10/11 x64 (setup.exe)",
        ["win_amd64"],
        "PySide6-Essentials>=6.6,!=6.12.0",
        # PyInstaller's Windows-only dependencies (pip evaluates markers for this machine).
        (PYINSTALLER, "pefile>=2022.5.30", "pywin32-ctypes>=0.2.1"),
    ),
    Target(
        "linux-x64",
        "Debian 12 and newer x86-64 (.deb)",
        manylinux(36, "x86_64"),
        "PySide6-Essentials>=6.6,!=6.12.0",
        (PYINSTALLER,),
    ),
    Target(
        "linux-x64-glibc2.28",
        "UOS 20 / Kylin V10 x86-64 (.deb, compat build)",
        manylinux(28, "x86_64"),
        "PySide6-Essentials>=6.9,<6.10",
        (PYINSTALLER,),
        glibc="2.28",
    ),
    Target(
        "linux-arm64-glibc2.31",
        "Kylin V10 on Phytium/Kunpeng arm64 (.deb)",
        manylinux(31, "aarch64"),
        "PySide6-Essentials>=6.8,<6.8.1",
        (PYINSTALLER,),
        glibc="2.31",
    ),
    Target(
        "linux-arm64-glibc2.28",
        "UOS 20 arm64: no PySide6 6 wheel exists for glibc 2.28 on aarch64",
        manylinux(28, "aarch64"),
        "PySide6-Essentials>=6.6",
        (PYINSTALLER,),
        informational=True,
    ),
]


def dependencies() -> list[str]:
    """The runtime requirements of pyproject.toml, without the Qt binding and jieba."""
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies\s*=\s*\[(.*?)^\]", text, re.MULTILINE | re.DOTALL)
    if block is None:
        raise SystemExit("pyproject.toml: no dependencies list")
    requirements = re.findall(r'^\s*"([^"]+)"', block.group(1), re.MULTILINE)
    keep = []
    for requirement in requirements:
        name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower()
        if name.startswith("pyside6") or name in SOURCE_ONLY:
            continue
        keep.append(requirement)
    return keep


def index_reachable() -> tuple[bool, str]:
    """Whether pip's package index answers (a TCP connection; nothing is downloaded)."""
    url = os.environ.get("PIP_INDEX_URL", "")
    if not url:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "config", "get", "global.index-url"],
            capture_output=True,
            text=True,
        )
        url = result.stdout.strip() if result.returncode == 0 else ""
    url = url or "https://pypi.org/simple"
    host = urlparse(url).hostname or "pypi.org"
    port = urlparse(url).port or (443 if url.startswith("https") else 80)
    try:
        socket.create_connection((host, port), timeout=5).close()
    except OSError as error:
        return False, f"{host}:{port} ({error})"
    return True, host


def pip(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
    )


def platform_args(target: Target, python: str) -> list[str]:
    args = ["--only-binary=:all:", "--python-version", python, "--implementation", "cp"]
    for tag in target.platforms:
        args += ["--platform", tag]
    return args


def resolve(target: Target, python: str) -> tuple[bool, list[str], str]:
    """(resolved, wheel file names, pip's complaint) for the target's platform."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        result = pip(
            "install",
            "--dry-run",
            "--ignore-installed",
            "--quiet",
            "--target",
            str(Path(tmp) / "target"),
            "--report",
            str(report),
            *platform_args(target, python),
            target.pyside,
            *dependencies(),
            *target.extra,
        )
        if result.returncode != 0:
            lines = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
            return False, [], "; ".join(lines) or result.stderr.strip()[-500:]
        data = json.loads(report.read_text(encoding="utf-8"))
    wheels = sorted(item["download_info"]["url"].rsplit("/", 1)[-1] for item in data["install"])
    return True, wheels, ""


def build_source_only_wheels(out: Path) -> list[str]:
    """Build the wheels PyPI lacks (pure Python packages) and return their file names."""
    out.mkdir(parents=True, exist_ok=True)
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    built = []
    for name in sorted(SOURCE_ONLY):
        spec = re.search(rf'"({name}[^"]*)"', text)
        result = pip(
            "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), spec.group(1) if spec else name
        )
        if result.returncode != 0:
            raise SystemExit(f"cannot build the {name} wheel: {result.stderr.strip()[-500:]}")
        found = sorted(out.glob(f"{name}-*.whl"))
        if not found or not found[-1].name.endswith("-py3-none-any.whl"):
            raise SystemExit(f"the {name} wheel is not pure Python: {[f.name for f in found]}")
        built.append(found[-1].name)
    return built


def scan_glibc(target: Target, python: str, out: Path) -> glibc_floor.Floor:
    folder = out / target.name
    folder.mkdir(parents=True, exist_ok=True)
    result = pip(
        "download",
        "--quiet",
        "--dest",
        str(folder),
        *platform_args(target, python),
        target.pyside,
        *dependencies(),
    )
    if result.returncode != 0:
        raise SystemExit(f"{target.name}: download failed: {result.stderr.strip()[-500:]}")
    return glibc_floor.scan(sorted(folder.glob("*.whl")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", action="append", choices=[t.name for t in TARGETS], help="default: all")
    parser.add_argument(
        "--python-version", default="3.11", help="CPython version of the builds (default 3.11)"
    )
    parser.add_argument(
        "--scan-glibc", action="store_true", help="download Linux wheels and scan their ELF files"
    )
    parser.add_argument("--wheel-dir", type=Path, default=REPO / "build" / "wheels")
    args = parser.parse_args(argv)

    if os.environ.get("REVIEWDESK_OFFLINE"):
        print("wheel check skipped: REVIEWDESK_OFFLINE is set")
        return 0
    reachable, where = index_reachable()
    if not reachable:
        print(f"wheel check skipped: the package index is not reachable from here: {where}")
        return 0

    jieba_wheels = build_source_only_wheels(args.wheel_dir)
    print(f"source-only dependencies, built here as pure-Python wheels: {', '.join(jieba_wheels)}")
    failed = 0
    for target in TARGETS:
        if args.target and target.name not in args.target:
            continue
        ok, wheels, complaint = resolve(target, args.python_version)
        label = f"{target.name}: {target.what}, CPython {args.python_version}"
        if not ok:
            verdict = "known gap" if target.informational else "FAIL"
            print(f"{verdict}: {label}: no wheel for every dependency: {complaint}")
            failed += 0 if target.informational else 1
            continue
        print(f"ok: {label}: {len(wheels)} wheels, plus {', '.join(jieba_wheels)}")
        for wheel in wheels:
            if not wheel.endswith("-none-any.whl"):
                print(f"    {wheel}")
        if args.scan_glibc and target.glibc:
            floor = scan_glibc(target, args.python_version, args.wheel_dir)
            offenders = floor.above(target.glibc)
            status = "ok" if not offenders else "FAIL"
            print(
                f"  {status}: {floor.files} ELF files in those wheels need glibc {floor.glibc}"
                f" (floor {target.glibc}; Qt {floor.qt_version or '?'})"
            )
            for name, version in offenders[:10]:
                print(f"    GLIBC_{version}  {name}")
            failed += 1 if offenders else 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
