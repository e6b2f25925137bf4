"""Backups and restore for every backend: SQLite libraries are backed up by ReviewDesk itself
(:mod:`db.backup_sqlite`); a team library on a server is backed up by its administrator.

How many rotated backups to keep is a setting of the library (``library_settings.backup_keep``),
so the window and the command line agree.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from db import models
from db.backup_sqlite import DEFAULT_KEEP, BackupError, BackupFile
from db.session import Library

__all__ = [
    "DEFAULT_KEEP",
    "BackupError",
    "BackupFile",
    "auto_backup",
    "backup_library",
    "keep_count",
    "list_library_backups",
    "restore_library",
    "set_keep_count",
]

KEEP_SETTING = "backup_keep"
SERVER_MESSAGE = (
    "这是服务器上的团队资料库，ReviewDesk 不直接备份它。"
    "请由数据库管理员用 pg_dump 备份（例如 pg_dump -Fc -f 备份.dump 数据库名），用 pg_restore 恢复。"
)


def _file(library: Library) -> Path:
    path = library.file
    if path is None:
        raise BackupError(SERVER_MESSAGE)
    return path


def keep_count(library: Library) -> int:
    with library.sessions() as session:
        value = session.scalar(
            select(models.LibrarySetting.value).where(models.LibrarySetting.name == KEEP_SETTING)
        )
    try:
        return max(1, int(value)) if value is not None else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP


def set_keep_count(library: Library, keep: int) -> None:
    if keep < 1:
        raise BackupError("保留的备份份数至少为 1。")
    with library.sessions.begin() as session:
        row = session.get(models.LibrarySetting, KEEP_SETTING)
        if row is None:
            session.add(models.LibrarySetting(name=KEEP_SETTING, value=str(keep)))
        else:
            row.value = str(keep)


def backup_library(library: Library, out: str | Path | None = None) -> BackupFile:
    """Back up now: to ``out``, or as a new rotated backup beside the library."""
    from db import backup_sqlite

    path = _file(library)
    if out is not None:
        target = Path(out).expanduser().resolve()
        backup_sqlite.write_backup(path, target, library.mode)
        return BackupFile(target, datetime.now(), "auto", target.stat().st_size)
    backup = backup_sqlite.rotated_backup(path, keep_count(library), library.mode, force=True)
    assert backup is not None
    return backup


def auto_backup(library: Library) -> BackupFile | None:
    """A rotated backup if the library changed since the last one (SQLite, writable libraries only)."""
    from db import backup_sqlite

    path = library.file
    if path is None or library.read_only:
        return None
    return backup_sqlite.rotated_backup(path, keep_count(library), library.mode)


def list_library_backups(location: Path) -> list[BackupFile]:
    from db.backup_sqlite import list_backups

    return list_backups(location)


def restore_library(location: str | Path, backup: str | Path, damaged: bool = False) -> Path | None:
    """Replace the library at ``location`` by ``backup``; returns where the old file was kept.

    Refused while another ReviewDesk window has the library open (it would go on writing to the old
    file); the window that holds it restores through here after closing its own connections.
    """
    from db import backup_sqlite
    from db.locking import lock_holder
    from db.paths import library_url
    from db.sqlite import sqlite_file

    path = sqlite_file(library_url(location))
    if path is None:
        raise BackupError(SERVER_MESSAGE)
    source = Path(backup).expanduser().resolve()
    if not source.is_file():
        raise BackupError(f"找不到备份文件“{source}”。")
    if source == path.resolve():
        raise BackupError("备份文件就是资料库文件本身，请选择一个备份。")
    holder = lock_holder(path)
    if holder is not None and holder != os.getpid():
        raise BackupError(
            f"资料库正在 ReviewDesk 窗口中打开（进程 {holder}）。请先关闭该窗口，"
            "或在窗口中使用“文件 → 恢复备份”。"
        )
    return backup_sqlite.restore(path, source, damaged)
