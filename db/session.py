"""Opening a library: engine, migrations to the newest schema, and the session factory."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.paths import default_library_path, library_url
from db.sqlite import configure_sqlite, foreign_keys_deferred

__all__ = ["Library", "LibraryError", "default_library_path", "library_url", "open_library"]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class LibraryError(Exception):
    """A library that cannot be opened or written, with a Chinese message for the user."""


@dataclass
class Library:
    """An open library: hand out one session per user action or background job."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    def close(self) -> None:
        self.engine.dispose()


def open_library(location: str | Path | None = None) -> Library:
    """Open (creating if needed) the library and bring its schema up to date."""
    if location is None:
        location = default_library_path()
    url = library_url(location)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    configure_sqlite(engine)
    try:
        upgrade(engine)
    except (OperationalError, DatabaseError, sqlite3.DatabaseError) as error:
        engine.dispose()
        raise LibraryError(describe_storage_error(error, url)) from error
    return Library(url, engine, sessionmaker(engine, expire_on_commit=False))


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


def describe_storage_error(error: Exception, url: str) -> str:
    """Classify a storage error by blame: the user's disk or file, not a bug."""
    text = str(error).lower()
    where = url.removeprefix("sqlite:///")
    if "locked" in text or "busy" in text:
        return f"资料库正被其他程序占用（{where}），请关闭其他正在使用它的 ReviewDesk 窗口后重试。"
    if "readonly" in text or "read-only" in text or "permission" in text:
        return f"资料库文件只读或没有写入权限（{where}），请检查文件权限或另选位置。"
    if "disk is full" in text or "no space" in text:
        return "磁盘空间已满，无法写入资料库。请清理磁盘后重试，已有数据不受影响。"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"资料库文件已损坏或不是 ReviewDesk 资料库（{where}）。请从备份恢复，或另选一个资料库文件。"
    if "unable to open" in text:
        return f"无法打开资料库文件（{where}），请检查路径是否存在、是否有访问权限。"
    return f"资料库出错：{error}"
