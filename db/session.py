"""Opening a library: engine, migrations to the newest schema, and the session factory.

An SQLite library that cannot be written (read-only file, folder or disk) opens read-only, with
the reason in :attr:`Library.read_only`; a damaged file raises :class:`LibraryDamaged`, which
names the backups to restore from; a schema upgrade first takes a verified backup.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from db import sqlite as sqlite_db
from db.errors import StorageError, StorageProblem, describe, is_storage_error
from db.paths import default_library_path, library_url
from db.sqlite import OpenMode, configure_sqlite, foreign_keys_deferred, sqlite_file

__all__ = [
    "Library",
    "LibraryDamaged",
    "LibraryError",
    "StorageError",
    "default_library_path",
    "describe_storage_error",
    "library_url",
    "open_library",
    "storage_problem",
]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
log = logging.getLogger("reviewdesk.db")


class LibraryError(Exception):
    """A library that cannot be opened or written, with a Chinese message for the user."""


class LibraryDamaged(LibraryError):
    """The library file is damaged; ``path`` is the file, ``backups`` its backups, newest first."""

    def __init__(self, message: str, path: Path, backups: list[Path]) -> None:
        super().__init__(message)
        self.path = path
        self.backups = backups


@dataclass
class Library:
    """An open library: hand out one session per user action or background job."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    read_only: str | None = None
    """Why the library cannot be written (Chinese, for the banner), or ``None`` when it can."""
    mode: OpenMode = "rw"

    @property
    def file(self) -> Path | None:
        """The SQLite file, or ``None`` for a server library."""
        return sqlite_file(self.url)

    def close(self) -> None:
        self.engine.dispose()


def open_library(location: str | Path | None = None, *, upgrade_backup: bool = True) -> Library:
    """Open (creating if needed) the library and bring its schema up to date.

    Raises :class:`LibraryError` (Chinese message) when it cannot be opened at all and
    :class:`LibraryDamaged` when the file is damaged.
    """
    if location is None:
        location = default_library_path()
    url = library_url(location)
    path = sqlite_file(url)
    mode: OpenMode = "rw"
    reason: str | None = None
    if path is not None:
        mode, reason = _sqlite_mode(path)
    if path is not None and mode != "rw":
        engine = create_engine(url, creator=sqlite_db.creator(path, mode))
    else:
        engine = create_engine(url)
    configure_sqlite(engine)
    try:
        _bring_up_to_date(engine, path, mode, upgrade_backup)
    except LibraryError:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as error:
        engine.dispose()
        problem = storage_problem(error, url)
        if problem.kind == "damaged" and path is not None:
            raise _damaged(path) from error
        raise LibraryError(problem.message) from error
    except Exception as error:
        engine.dispose()
        if path is not None and is_storage_error(error) and storage_problem(error, url).kind == "damaged":
            raise _damaged(path) from error
        raise
    return Library(url, engine, sessionmaker(engine, expire_on_commit=False), reason, mode)


def _sqlite_mode(path: Path) -> tuple[OpenMode, str | None]:
    """How to open an SQLite library file, and why not normally."""
    if not path.exists():
        if not sqlite_db.folder_writable(path.parent):
            raise LibraryError(
                f"无法在“{path.parent}”中新建资料库：该文件夹不存在且无法创建，或是只读的。"
                "请选择一个可写的文件夹（例如“文档”中的文件夹）。"
            )
        return "rw", None
    if path.is_dir():
        raise LibraryError(f"“{path}”是一个文件夹，不是资料库文件。请选择一个 .sqlite 文件。")
    if not sqlite_db.looks_like_sqlite(path):
        raise _damaged(path, not_a_library=True)
    trouble = sqlite_db.probe(path)
    if trouble is None:
        return "rw", None
    if trouble == "damaged":
        raise _damaged(path)
    if trouble in ("read_only", "cannot_open", "no_permission"):
        return sqlite_db.readable_mode(path), sqlite_db.read_only_reason(path)
    full = sqlite_db.disk_full_reason(path)
    if trouble in ("disk_full", "io_error") and full:
        # SQLite cannot even create its shared-memory file: reading is all that is possible.
        return sqlite_db.readable_mode(path), full
    raise LibraryError(describe(StorageError(StorageProblem(trouble, "")), str(path)).message)


def _damaged(path: Path, not_a_library: bool = False) -> LibraryDamaged:
    from db.backup_sqlite import list_backups

    backups = [b.path for b in list_backups(path)]
    what = "已损坏或不是 ReviewDesk 资料库（文件头不符）" if not_a_library else "已损坏"
    advice = (
        f"找到 {len(backups)} 份备份，最新的是“{backups[0].name}”。"
        "可以在图形界面中恢复，或运行 reviewdesk restore 备份文件 --library 资料库文件。"
        if backups
        else "没有找到它的备份。请另选一个资料库文件，或从其他备份恢复。"
    )
    message = f"资料库文件“{path}”{what}，无法打开。原文件会被保留，不会被覆盖。{advice}"
    return LibraryDamaged(message, path, backups)


def _bring_up_to_date(engine: Engine, path: Path | None, mode: OpenMode, upgrade_backup: bool) -> None:
    current, head = revisions(engine)
    if current == head:
        return
    if mode != "rw":
        raise LibraryError(
            "这个资料库是旧版本的格式，需要升级后才能使用，但它是只读的。"
            "请把它复制到可写的位置后再打开（原文件不会被改动）。"
        )
    if current is not None and path is not None and upgrade_backup:
        from db.backup_sqlite import BackupError, backup_before_upgrade

        try:
            backup = backup_before_upgrade(path, current)
        except BackupError as error:
            raise LibraryError(
                f"资料库需要升级格式，升级前的备份未能完成：{error} 资料库未被改动。"
            ) from error
        log.info("backed up %s to %s before upgrading from %s", path, backup.path, current)
    upgrade(engine)


def revisions(engine: Engine) -> tuple[str | None, str | None]:
    """The library's schema revision (``None`` for a new library) and the newest one."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current, head


def upgrade(engine: Engine) -> None:
    """Run Alembic migrations to head on ``engine``."""
    migrate(engine, "upgrade", "head")


def migrate(engine: Engine, action: str, revision: str) -> None:
    """``alembic upgrade|downgrade revision`` on ``engine``, in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection, foreign_keys_deferred(connection), connection.begin():
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)


def schema_tables(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())


def storage_problem(error: BaseException, url: str = "") -> StorageProblem:
    """Classify a storage error by blame (see :mod:`db.errors`), phrased for the reviewer."""
    from db.paths import library_location

    return describe(error, library_location(url) if url else "")


def describe_storage_error(error: BaseException, url: str = "") -> str:
    """The Chinese message for a storage error: the user's disk or file, or a bug."""
    return storage_problem(error, url).message
