"""Making files, folders and disks read-only or full, for real (the tests skip with a reason where
the platform does not allow it).

As root (CI), chmod does not stop writes: files and folders are made immutable with ``chattr +i``,
a disk read-only with a read-only bind mount, and a small disk is a tmpfs mount.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _root() -> bool:
    return sys.platform != "win32" and os.geteuid() == 0


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` (a file or a folder) cannot be written, nor (for a folder) anything created in it."""
    if sys.platform == "win32":
        pytest.skip("read-only files are tested on POSIX systems")
    if _root():
        if not shutil.which("chattr") or not _run("chattr", "+i", str(path)):
            pytest.skip("running as root and chattr +i is not available here: chmod would not stop writes")
        try:
            yield
        finally:
            _run("chattr", "-i", str(path))
        return
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        path.chmod(mode)


@contextlib.contextmanager
def read_only_disk(folder: Path) -> Iterator[None]:
    """``folder`` as a read-only mount (a write-protected disk)."""
    if not _root() or not shutil.which("mount"):
        pytest.skip("a read-only mount needs root (CI runs as root)")
    if not _run("mount", "--bind", str(folder), str(folder)):
        pytest.skip("bind mounts are not permitted here")
    try:
        if not _run("mount", "-o", "remount,bind,ro", str(folder)):
            pytest.skip("read-only remounts are not permitted here")
        yield
    finally:
        _run("umount", "-l", str(folder))


@contextlib.contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` mounted on ``folder`` (a disk that fills up)."""
    if not _root() or not shutil.which("mount"):
        pytest.skip("a small tmpfs needs root (CI runs as root); disk-full is covered there")
    folder.mkdir(parents=True, exist_ok=True)
    if not _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)):
        pytest.skip("tmpfs mounts are not permitted here")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill_disk(folder: Path, leave_kb: int) -> Path:
    """Fill the disk of ``folder`` until about ``leave_kb`` is left; returns the filler file."""
    free = shutil.disk_usage(folder).free // 1024
    filler = folder / "filler.bin"
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(0, free - leave_kb) * 1024)
    return filler
