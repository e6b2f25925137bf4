"""Backups of an SQLite library: ``VACUUM INTO`` a new file, checked, then renamed into place.

``VACUUM INTO`` writes a consistent copy from one read transaction while the library stays in use
(a file copy of a live WAL database could catch it half-written). The copy is written as
``….part``, checked with ``PRAGMA integrity_check`` and only then renamed, so a full disk or a
crash never leaves something that looks like a backup but is not one.

Backups live in a folder beside the library (``library-backups/`` for ``library.sqlite``), or in
the user's data folder when that folder cannot be written. Names carry the time:
``library-20250301-142233.sqlite`` (automatic or on request, rotated) and
``library-before-upgrade-0006-20250301-142233.sqlite`` (taken before a schema upgrade).
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from db.errors import classify
from db.sqlite import OpenMode, connect_file

STAMP = "%Y%m%d-%H%M%S"
UPGRADE_BACKUPS_KEPT = 3
DEFAULT_KEEP = 10
_CHUNK = 1 << 20


class BackupError(Exception):
    """A backup or restore that could not be done, with a Chinese message (nothing half-written)."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    created: datetime
    kind: Literal["auto", "upgrade"]
    size: int

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "created": self.created.isoformat(timespec="seconds"),
            "kind": self.kind,
            "size": self.size,
        }


def backup_folder(library: Path) -> Path:
    return library.parent / f"{library.stem}-backups"


def fallback_folder(library: Path) -> Path:
    """Where backups go when the library's own folder cannot be written."""
    from platformdirs import user_data_path

    key = hashlib.sha1(str(library.resolve()).encode("utf-8")).hexdigest()[:8]
    return user_data_path("ReviewDesk", appauthor=False) / "backups" / f"{library.stem}-{key}"


def _pattern(library: Path) -> re.Pattern[str]:
    stem = re.escape(library.stem)
    return re.compile(rf"^{stem}-(?:(before-upgrade)-[\w]+-)?(\d{{8}}-\d{{6}})(?:-(\d+))?\.sqlite$")


def list_backups(library: Path) -> list[BackupFile]:
    """This library's backups in both possible folders, newest first."""
    pattern = _pattern(library)
    found: list[tuple[tuple[datetime, int], BackupFile]] = []
    for folder in (backup_folder(library), fallback_folder(library)):
        with contextlib.suppress(OSError):
            for entry in folder.iterdir():
                match = pattern.match(entry.name)
                if match is None or not entry.is_file():
                    continue
                try:
                    created = datetime.strptime(match.group(2), STAMP)
                    size = entry.stat().st_size
                except (ValueError, OSError):
                    continue
                kind: Literal["auto", "upgrade"] = "upgrade" if match.group(1) else "auto"
                sequence = int(match.group(3) or 1)  # several in one second: -2, -3 … come after
                found.append(((created, sequence), BackupFile(entry, created, kind, size)))
    found.sort(key=lambda item: item[0], reverse=True)
    return [backup for _key, backup in found]


def _target(library: Path, label: str = "") -> Path:
    """A new backup name in the first folder that can be written."""
    stamp = datetime.now().strftime(STAMP)
    name = f"{library.stem}-{label + '-' if label else ''}{stamp}"
    for folder in (backup_folder(library), fallback_folder(library)):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / f".write-test-{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError:
            continue
        # Several in one second get -2, -3 …, always above any still there (the oldest may be gone).
        taken = [p.name for p in folder.glob(f"{glob.escape(name)}*.sqlite")]
        sequences = [
            int(m.group(1) or 1)
            for t in taken
            if (m := re.fullmatch(rf"{re.escape(name)}(?:-(\d+))?\.sqlite", t))
        ]
        if not sequences:
            return folder / f"{name}.sqlite"
        return folder / f"{name}-{max(sequences) + 1}.sqlite"
    raise BackupError("无法创建备份文件夹：资料库旁边的文件夹和用户数据文件夹都不可写。")


def verify(path: Path) -> str | None:
    """``None`` when ``path`` is a sound ReviewDesk library, else what is wrong (Chinese)."""
    try:
        connection = connect_file(path, "ro", timeout=2.0)
    except sqlite3.Error:
        try:
            connection = connect_file(path, "immutable", timeout=2.0)
        except sqlite3.Error as error:
            return f"无法打开（{error}）"
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
        if [tuple(r) for r in rows] != [("ok",)]:
            return "完整性检查未通过"
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error as error:
        return f"文件已损坏或不是资料库（{error}）"
    finally:
        connection.close()
    if "reports" not in tables or "alembic_version" not in tables:
        return "不是 ReviewDesk 资料库"
    return None


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _failure(error: BaseException, what: str) -> BackupError:
    kind = classify(error)
    if kind == "disk_full":
        return BackupError(f"磁盘空间不足，{what}未完成，没有留下不完整的文件。请清理磁盘空间后重试。")
    if kind == "damaged":
        return BackupError(f"资料库文件已损坏，{what}未完成。请从已有的备份恢复（文件 → 恢复备份）。")
    if kind in ("read_only", "no_permission", "cannot_open"):
        return BackupError(f"{what}无法写入目标位置（只读或没有权限），请另选一个可写的位置。")
    return BackupError(f"{what}失败：{error}")


def write_backup(library: Path, out: Path, mode: OpenMode = "rw") -> Path:
    """Copy the library to ``out`` (which must not exist) and check the copy; returns ``out``."""
    if out.exists():
        raise BackupError(f"“{out}”已存在。备份不会覆盖已有文件，请换一个文件名。")
    part = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        part.unlink(missing_ok=True)
        source = connect_file(library, mode)
        try:
            source.execute("VACUUM INTO ?", (str(part),))
        finally:
            source.close()
        problem = verify(part)
        if problem:
            raise BackupError(f"备份写入后检查未通过（{problem}），已删除该备份。资料库本身未受影响。")
        _fsync(part)
        os.replace(part, out)
        _fsync(out.parent)
    except BackupError:
        part.unlink(missing_ok=True)
        raise
    except (sqlite3.Error, OSError) as error:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise _failure(error, "备份") from error
    return out


def same_content(a: Path, b: Path) -> bool:
    """Byte-equal files (``VACUUM INTO`` of unchanged content writes the same bytes)."""
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        with a.open("rb") as left, b.open("rb") as right:
            while True:
                chunk = left.read(_CHUNK)
                if chunk != right.read(_CHUNK):
                    return False
                if not chunk:
                    return True
    except OSError:
        return False


def last_change(library: Path) -> float:
    """When the library file (or its write-ahead log) last changed on disk."""
    times = []
    for path in (library, library.with_name(library.name + "-wal")):
        with contextlib.suppress(OSError):
            times.append(path.stat().st_mtime)
    return max(times, default=0.0)


def needs_backup(library: Path) -> bool:
    """True when the library changed on disk after its newest rotated backup was taken or checked."""
    newest = next((b for b in list_backups(library) if b.kind == "auto"), None)
    if newest is None:
        return library.exists() and library.stat().st_size > 0
    try:
        return last_change(library) > newest.path.stat().st_mtime
    except OSError:
        return True


def rotated_backup(library: Path, keep: int, mode: OpenMode = "rw", force: bool = False) -> BackupFile | None:
    """A new rotated backup if the library changed (or ``force``); the oldest beyond ``keep`` go.

    When the content equals the newest backup's (only a checkpoint touched the file), the new copy
    is dropped and the newest one is marked as checked, so unchanged libraries never push real
    history out of the rotation. Returns the backup that now holds the library's state.
    """
    if not force and not needs_backup(library):
        return None
    previous = next((b for b in list_backups(library) if b.kind == "auto"), None)
    out = write_backup(library, _target(library), mode)
    if previous is not None and same_content(out, previous.path):
        out.unlink()
        with contextlib.suppress(OSError):
            os.utime(previous.path)
        return previous
    rotate(library, keep)
    return next(b for b in list_backups(library) if b.path == out)


def rotate(library: Path, keep: int) -> list[Path]:
    """Delete rotated backups beyond the newest ``keep`` (and upgrade backups beyond a few)."""
    removed = []
    backups = list_backups(library)
    for kind, limit in (("auto", max(1, keep)), ("upgrade", UPGRADE_BACKUPS_KEPT)):
        for old in [b for b in backups if b.kind == kind][limit:]:
            with contextlib.suppress(OSError):
                old.path.unlink()
                removed.append(old.path)
    return removed


def backup_before_upgrade(library: Path, revision: str) -> BackupFile:
    safe = re.sub(r"\W", "", revision)[:12] or "old"
    out = write_backup(library, _target(library, f"before-upgrade-{safe}"))
    rotate(library, keep=10**6)  # upgrade backups only; rotated backups keep their own count
    return next(b for b in list_backups(library) if b.path == out)


def _move_aside(library: Path, label: str) -> Path:
    """Rename the library (with its WAL files, so the set stays whole) to a new name beside it."""
    stamp = datetime.now().strftime(STAMP)
    aside, n = library.with_name(f"{library.name}.{label}-{stamp}"), 1
    while aside.exists():
        n += 1
        aside = library.with_name(f"{library.name}.{label}-{stamp}-{n}")
    os.replace(library, aside)
    for suffix in ("-wal", "-shm"):
        extra = library.with_name(library.name + suffix)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + suffix))
    return aside


def restore(library: Path, backup: Path, damaged: bool = False) -> Path | None:
    """Put ``backup`` in the library's place; the current file is kept aside, never overwritten.

    Returns where the previous library file went (``None`` if there was none). The caller makes
    sure no program has the library open.
    """
    problem = verify(backup)
    if problem:
        raise BackupError(f"备份文件“{backup.name}”不能使用：{problem}。请选择另一个备份。")
    part = library.with_name(library.name + ".restoring")
    aside: Path | None = None
    try:
        part.unlink(missing_ok=True)
        source = connect_file(backup, "ro")
        try:
            target = sqlite3.connect(str(part))
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        if verify(part):
            raise BackupError("恢复时写入的文件检查未通过，已放弃恢复。资料库保持原样。")
        _fsync(part)
        if library.exists():
            aside = _move_aside(library, "damaged" if damaged else "before-restore")
        os.replace(part, library)
        _fsync(library.parent)
    except BackupError:
        part.unlink(missing_ok=True)
        raise
    except (sqlite3.Error, OSError) as error:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise _failure(error, "恢复") from error
    return aside
