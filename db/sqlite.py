"""The SQLite specifics of the library, kept in one place (PostgreSQL needs none of them).

Besides the connection settings this module decides how a library file can be opened: normally,
read-only (``mode=ro``: the file or its folder cannot be written, other programs may still
change it) or immutable (``immutable=1``: a read-only disk, where SQLite cannot even create the
shared-memory file that WAL readers need), and why.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from sqlalchemy import Connection, Engine, event

from db.errors import Kind, classify

BUSY_TIMEOUT_MS = 15_000
"""How long a writer waits for another program's write to finish before giving up (the command
line writing while the window imports, or the reverse)."""
SQLITE_MAGIC = b"SQLite format 3\x00"
OpenMode = Literal["rw", "ro", "immutable"]


def configure_sqlite(engine: Engine) -> None:
    """WAL journal (readers never block the writer), foreign keys on, a busy timeout."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        # A read-only file keeps the journal mode it has; asking to change it is not an error.
        with contextlib.suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        with contextlib.suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()


def sqlite_file(url: str) -> Path | None:
    """The library file of an ``sqlite:///`` URL (``None`` for a server or an in-memory database)."""
    if not url.startswith("sqlite:///"):
        return None
    rest = url.removeprefix("sqlite:///")
    return Path(rest) if rest and rest != ":memory:" else None


def connect_file(
    path: Path, mode: OpenMode = "rw", timeout: float = BUSY_TIMEOUT_MS / 1000
) -> sqlite3.Connection:
    """A plain sqlite3 connection to ``path`` in the given mode (never creates a missing file)."""
    uri = f"file:{quote(path.resolve().as_posix())}"
    if mode == "ro":
        uri += "?mode=ro"
    elif mode == "immutable":
        uri += "?mode=ro&immutable=1"
    else:
        uri += "?mode=rw"
    return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)


def creator(path: Path, mode: OpenMode) -> Callable[[], sqlite3.Connection]:
    """An engine ``creator`` that opens ``path`` in ``mode`` (used for the read-only modes)."""
    return lambda: connect_file(path, mode)


def looks_like_sqlite(path: Path) -> bool:
    """An empty file (a new library) or one that starts with SQLite's header."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return True  # unreadable: the open itself reports why
    return not head or head == SQLITE_MAGIC


def probe(path: Path) -> Kind | None:
    """Can an existing library file be written? ``None`` if yes, else the kind of trouble.

    A write transaction that changes nothing (``user_version`` set to itself) and is rolled back:
    SQLite only refuses at the first write, not at ``BEGIN``. Another program holding the write
    lock counts as writable (it will let go).
    """
    try:
        connection = connect_file(path, "rw", timeout=2.0)
    except sqlite3.Error as error:
        return classify(error)
    try:
        connection.isolation_level = None
        connection.execute("BEGIN IMMEDIATE")
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        connection.execute(f"PRAGMA user_version={version}")
        connection.execute("ROLLBACK")
    except sqlite3.Error as error:
        kind = classify(error)
        return None if kind == "locked" else kind
    finally:
        connection.close()
    return None


def read_only_reason(path: Path) -> str:
    """Why ``path`` cannot be written, in Chinese, found by trying (permissions lie for root)."""
    folder = path.parent
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "资料库所在的磁盘是只读的（例如只读光盘、写保护的移动硬盘或只读挂载的网络盘）"
    try:
        with path.open("r+b"):
            pass
    except OSError:
        return "资料库文件是只读的（文件属性为只读，或当前用户没有写入权限）"
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return "资料库所在的文件夹不可写（SQLite 需要在资料库旁边建立临时文件）"
    return "资料库无法写入"


LOW_SPACE_BYTES = 1024 * 1024


def disk_full_reason(path: Path) -> str | None:
    """Why a library cannot be written when its disk is (nearly) full, else ``None``."""
    import shutil

    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return None
    if free >= LOW_SPACE_BYTES:
        return None
    return f"资料库所在的磁盘已满（只剩 {free // 1024} KB），清理出空间并重新打开资料库之前只能查看"


def readable_mode(path: Path) -> OpenMode:
    """``ro`` if SQLite can read the file that way, else ``immutable`` (a read-only disk)."""
    try:
        connection = connect_file(path, "ro", timeout=2.0)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return "immutable"
    return "ro"


def folder_writable(folder: Path) -> bool:
    """True when a new library can be created in ``folder`` (made if missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return False
    return True


@contextmanager
def foreign_keys_deferred(connection: Connection) -> Iterator[None]:
    """Foreign keys off while migrations rebuild tables, then checked as a whole.

    SQLite changes a table by copying it and dropping the old one; with foreign keys on, that drop
    would delete every row that points at the table (ON DELETE CASCADE). The pragma only works
    outside a transaction, so the caller opens its transaction inside this block.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    connection.commit()
    try:
        yield
    finally:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    connection.commit()
    if broken:
        raise RuntimeError(f"foreign keys broken after migration: {broken[:5]}")
