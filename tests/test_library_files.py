"""The library file when things go wrong: read-only file, folder or disk, a full disk, a damaged file;
and backups: verified, rotated, restored, taken before a schema upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from db import models
from db.backup import (
    BackupError,
    auto_backup,
    backup_library,
    keep_count,
    list_library_backups,
    restore_library,
    set_keep_count,
)
from db.backup_sqlite import rotate, verify
from db.errors import is_storage_error
from db.session import Library, LibraryDamaged, LibraryError, describe_storage_error, migrate, open_library
from desktop.core.annotations.review import get_review_state, set_review_state
from desktop.core.importing import import_file
from tests.fs_helpers import fill_disk, read_only, read_only_disk, small_disk
from tests.helpers import library_fingerprint, sample


def _with_report(path: Path) -> Library:
    library = open_library(path)
    outcome = import_file(library.sessions, sample("shili_2024.docx"))
    assert outcome.ok
    return library


def _count(library: Library, model: type) -> int:
    with library.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_read_only_file_opens_read_only_and_writes_fail_clearly(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    _with_report(path).close()
    with read_only(path):
        library = open_library(path)
        try:
            assert library.read_only and "只读" in library.read_only
            assert _count(library, models.Report) == 1  # everything can still be read
            with pytest.raises(Exception) as caught, library.sessions.begin() as session:
                set_review_state(session, 1, status="done", conclusion="不会保存")
            assert is_storage_error(caught.value)
            assert "只读" in describe_storage_error(caught.value, library.url)
            outcome = import_file(library.sessions, sample("shili_2023.docx"))
            assert not outcome.ok and outcome.error_code == "storage_read_only" and outcome.report_id is None
        finally:
            library.close()
    library = open_library(path)
    with library.sessions() as session:
        assert get_review_state(session, 1).status == "unreviewed"
    library.close()


def test_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    _with_report(folder / "lib.sqlite").close()
    with read_only(folder):
        library = open_library(folder / "lib.sqlite")
        try:
            assert library.read_only and "文件夹" in library.read_only
            assert _count(library, models.Report) == 1
        finally:
            library.close()
        with pytest.raises(LibraryError) as refused:
            open_library(folder / "new.sqlite")
        assert "无法在" in str(refused.value) and "新建资料库" in str(refused.value)


def test_read_only_disk_opens_the_library_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "disk"
    folder.mkdir()
    _with_report(folder / "lib.sqlite").close()
    with read_only_disk(folder):
        library = open_library(folder / "lib.sqlite")
        try:
            assert library.read_only and "磁盘" in library.read_only and library.mode == "immutable"
            assert _count(library, models.Report) == 1
        finally:
            library.close()


def test_creating_a_library_in_a_read_only_folder_is_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder), pytest.raises(LibraryError) as refused:
        open_library(folder / "sub" / "lib.sqlite")
    assert "请选择一个可写的文件夹" in str(refused.value)


def test_full_disk_stores_nothing_half_and_the_library_still_opens(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 4096) as disk:
        library = _with_report(disk / "lib.sqlite")
        before = library_fingerprint(library)
        filler = fill_disk(disk, leave_kb=64)
        try:
            outcome = import_file(library.sessions, sample("shili_2023.docx"))
            assert not outcome.ok and outcome.error_code == "storage_disk_full"
            assert "磁盘空间已满" in (outcome.error or "") and outcome.report_id is None
            with pytest.raises(Exception) as caught, library.sessions.begin() as session:
                set_review_state(session, 1, conclusion="很长的结论" * 20000)
            assert "磁盘空间已满" in describe_storage_error(caught.value)
            with pytest.raises(BackupError) as failed:
                backup_library(library)
            assert "磁盘空间不足" in str(failed.value)
            assert not list(disk.rglob("*.part"))
        finally:
            library.close()
            filler.unlink()
        reopened = open_library(disk / "lib.sqlite")
        try:
            assert library_fingerprint(reopened) == before
            with reopened.sessions() as session:
                assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                assert get_review_state(session, 1).conclusion == ""
        finally:
            reopened.close()


def test_a_completely_full_disk_still_opens_the_library_for_reading(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 4096) as disk:
        _with_report(disk / "lib.sqlite").close()
        filler = fill_disk(disk, leave_kb=4)
        try:
            library = open_library(disk / "lib.sqlite")
            try:
                assert library.read_only and "磁盘已满" in library.read_only
                assert _count(library, models.Report) == 1
            finally:
                library.close()
        finally:
            filler.unlink()
        library = open_library(disk / "lib.sqlite")
        assert library.read_only is None
        library.close()


def test_backups_are_verified_rotated_and_skipped_when_nothing_changed(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = _with_report(path)
    try:
        set_keep_count(library, 2)
        assert keep_count(library) == 2
        first = auto_backup(library)
        assert first is not None and verify(first.path) is None
        assert auto_backup(library) is None  # nothing changed on disk since
        for round_ in range(3):
            with library.sessions.begin() as session:
                set_review_state(session, 1, conclusion=f"第 {round_} 轮")
            backup = backup_library(library)
            assert verify(backup.path) is None
        backups = [b for b in list_library_backups(path) if b.kind == "auto"]
        assert len(backups) == 2  # the oldest went
        copy = sqlite3.connect(backups[0].path)
        assert copy.execute("SELECT conclusion FROM review_states").fetchone() == ("第 2 轮",)
        copy.close()
        out = tmp_path / "elsewhere" / "copy.sqlite"
        backup_library(library, out)
        with pytest.raises(BackupError) as refused:
            backup_library(library, out)
        assert "不会覆盖" in str(refused.value)
    finally:
        library.close()
    assert rotate(path, keep=1) and len([b for b in list_library_backups(path) if b.kind == "auto"]) == 1


def test_restore_keeps_the_current_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = _with_report(path)
    backup = backup_library(library)
    with library.sessions.begin() as session:
        set_review_state(session, 1, status="done", conclusion="备份之后写的结论")
    library.close()
    aside = restore_library(path, backup.path)
    assert aside is not None and aside.exists() and aside.name.startswith("lib.sqlite.before-restore-")
    restored = open_library(path)
    with restored.sessions() as session:
        assert get_review_state(session, 1).conclusion == ""
    restored.close()
    kept = open_library(aside)
    with kept.sessions() as session:
        assert get_review_state(session, 1).conclusion == "备份之后写的结论"
    kept.close()
    (tmp_path / "not-a-backup.sqlite").write_bytes(b"garbage" * 1000)
    with pytest.raises(BackupError) as refused:
        restore_library(path, tmp_path / "not-a-backup.sqlite")
    assert "不能使用" in str(refused.value)


def test_damaged_library_names_its_backups_and_restore_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = _with_report(path)
    backup = backup_library(library)
    library.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 1024):  # every page but the first
        data[offset : offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    with pytest.raises(LibraryDamaged) as damaged:
        open_library(path)
    assert damaged.value.backups == [backup.path]
    assert "已损坏" in str(damaged.value) and "reviewdesk restore" in str(damaged.value)
    aside = restore_library(path, damaged.value.backups[0], damaged=True)
    assert aside is not None and aside.read_bytes() == bytes(data)  # kept, never overwritten
    reopened = open_library(path)
    assert _count(reopened, models.Report) == 1
    reopened.close()


def test_not_a_library_is_refused_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是资料库" * 100, encoding="utf-8")
    with pytest.raises(LibraryDamaged):
        open_library(path)
    assert path.read_text(encoding="utf-8") == "这不是资料库" * 100


def test_schema_upgrade_takes_a_verified_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = _with_report(path)
    migrate(library.engine, "downgrade", "0005")
    library.close()
    upgraded = open_library(path)
    upgraded.close()
    backups = [b for b in list_library_backups(path) if b.kind == "upgrade"]
    assert len(backups) == 1 and "before-upgrade-0005" in backups[0].path.name
    assert verify(backups[0].path) is None
    old = sqlite3.connect(backups[0].path)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)
    old.close()
