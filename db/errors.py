"""Storage errors sorted by blame: the reviewer's disk, file or server (a known problem with a clear
Chinese message and something to do about it) or a bug in ReviewDesk.

The driver's own error code decides, not the wording of the message: SQLite's result codes
(``sqlite3.Error.sqlite_errorcode``, Python 3.11+; the message text on older versions) and
PostgreSQL's SQLSTATE (``psycopg.Error.sqlstate``). SQLAlchemy wraps both; the original driver
error is its ``orig``. Nothing here imports SQLAlchemy or a driver, so the window can use it early.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "locked", "read_only", "disk_full", "damaged", "cannot_open", "no_permission", "server",
    "io_error", "out_of_memory", "bug",
]  # fmt: skip
Blame = Literal["environment", "other_program", "bug"]

# SQLite primary result codes (the low byte of an extended code).
_SQLITE_KINDS: dict[int, Kind] = {
    3: "no_permission",  # SQLITE_PERM
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    7: "out_of_memory",  # SQLITE_NOMEM
    8: "read_only",  # SQLITE_READONLY
    10: "io_error",  # SQLITE_IOERR
    11: "damaged",  # SQLITE_CORRUPT
    13: "disk_full",  # SQLITE_FULL
    14: "cannot_open",  # SQLITE_CANTOPEN
    15: "locked",  # SQLITE_PROTOCOL (lock protocol trouble, e.g. a network file system)
    26: "damaged",  # SQLITE_NOTADB
}
# The same by message, for Python 3.10 whose sqlite3 errors carry no code.
_SQLITE_MESSAGES: tuple[tuple[str, Kind], ...] = (
    ("database is locked", "locked"),
    ("database table is locked", "locked"),
    ("readonly database", "read_only"),
    ("read-only", "read_only"),
    ("database or disk is full", "disk_full"),
    ("disk i/o error", "io_error"),
    ("malformed", "damaged"),
    ("file is not a database", "damaged"),
    ("file is encrypted or is not a database", "damaged"),
    ("unable to open database file", "cannot_open"),
    ("out of memory", "out_of_memory"),
    ("access permission denied", "no_permission"),
)
# PostgreSQL SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
_PG_CODES: dict[str, Kind] = {
    "53100": "disk_full",
    "53200": "out_of_memory",
    "53300": "server",  # too_many_connections
    "25006": "read_only",  # read_only_sql_transaction
    "42501": "no_permission",  # insufficient_privilege
    "28000": "no_permission",  # invalid_authorization_specification
    "28P01": "no_permission",  # invalid_password
    "55P03": "locked",  # lock_not_available
    "40001": "locked",  # serialization_failure
    "40P01": "locked",  # deadlock_detected
    "57014": "locked",  # query_canceled (statement or lock timeout)
    "58030": "io_error",
    "XX001": "damaged",  # data_corrupted
    "XX002": "damaged",  # index_corrupted
    "3D000": "cannot_open",  # invalid_catalog_name: no such database
}
_PG_CLASSES: dict[str, Kind] = {"08": "server", "57": "server", "53": "server", "58": "io_error"}
_OS_KINDS: dict[int, Kind] = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "no_permission",
    errno.EPERM: "no_permission",
    errno.EIO: "io_error",
    errno.ENOENT: "cannot_open",
    errno.EFBIG: "disk_full",
}
_BLAME: dict[Kind, Blame] = {"locked": "other_program", "bug": "bug"}


@dataclass(frozen=True)
class StorageProblem:
    """What went wrong with the library, whose fault it is, and what to tell the reviewer."""

    kind: Kind
    message: str

    @property
    def blame(self) -> Blame:
        return _BLAME.get(self.kind, "environment")

    @property
    def known(self) -> bool:
        """True for problems of the reviewer's environment (qutebrowser's KnownError), False for bugs."""
        return self.blame != "bug"


class StorageError(Exception):
    """A write or read of the library that failed for a known reason; ``str()`` is the message."""

    def __init__(self, problem: StorageProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem

    @property
    def kind(self) -> Kind:
        return self.problem.kind


def driver_error(error: BaseException) -> BaseException:
    """The DB-API error under SQLAlchemy's wrapper (``orig``), or ``error`` itself."""
    seen = 0
    while seen < 5 and getattr(error, "orig", None) is not None:
        error = error.orig  # type: ignore[attr-defined]
        seen += 1
    return error


def classify(error: BaseException) -> Kind:
    """The kind of a storage error, from driver codes first and the message only as a fallback."""
    inner = driver_error(error)
    if isinstance(inner, StorageError):
        return inner.kind
    code = getattr(inner, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _SQLITE_KINDS:
        return _SQLITE_KINDS[code & 0xFF]
    state = getattr(inner, "sqlstate", None) or getattr(inner, "pgcode", None)
    if isinstance(state, str) and state:
        return _PG_CODES.get(state) or _PG_CLASSES.get(state[:2]) or "bug"
    if isinstance(inner, MemoryError):
        return "out_of_memory"
    if isinstance(inner, OSError) and inner.errno in _OS_KINDS:
        return _OS_KINDS[inner.errno]
    module = type(inner).__module__
    if module.startswith(("sqlite3", "_sqlite3")) or "OperationalError" in type(inner).__name__:
        text = str(inner).lower()
        for fragment, kind in _SQLITE_MESSAGES:
            if fragment in text:
                return kind
    # psycopg's connection failures (no server, refused) come without a SQLSTATE.
    if module.startswith("psycopg") and type(inner).__name__ == "OperationalError":
        return "server"
    return "bug"


_SERVER_CODES: dict[str, Kind] = {
    "password": "no_permission",
    "login": "no_permission",
    "permission": "no_permission",
    "no_database": "cannot_open",
    "full": "disk_full",
    "unreachable": "server",
    "lost": "server",
    "busy": "locked",
}
"""The codes of :class:`db.postgres.ServerError`, whose own message names the server's problem best."""


def _server_error(error: BaseException) -> BaseException | None:
    """The team-library server error in ``error``'s chain (recognised by name: no SQLAlchemy here)."""
    seen: BaseException | None = error
    for _ in range(5):
        if seen is None:
            return None
        if type(seen).__name__ == "ServerError" and isinstance(getattr(seen, "code", None), str):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def describe(error: BaseException, where: str = "") -> StorageProblem:
    """Classify ``error`` and phrase it for the reviewer; ``where`` is the library's file or URL."""
    server = _server_error(error)
    if server is not None:
        code = str(getattr(server, "code", ""))
        return StorageProblem(_SERVER_CODES.get(code, "server"), str(server))
    kind = classify(error)
    place = f"（{where}）" if where else ""
    messages: dict[Kind, str] = {
        "locked": f"资料库{place}正被其他程序占用，等待后仍未能写入。请稍候重试；"
        "如果另一个 ReviewDesk 窗口或命令正在导入大量文件，请等它完成。",
        "read_only": f"资料库{place}是只读的（文件只读、所在磁盘只读或没有写入权限），修改未能保存。"
        "可以继续查看和导出；要修改，请把资料库复制到可写的位置后打开。",
        "disk_full": "磁盘空间已满，修改未能保存。请清理磁盘空间后重试；资料库中已保存的内容不受影响。",
        "damaged": f"资料库文件已损坏{place}。请用“文件 → 恢复备份”或 reviewdesk restore 从备份恢复；"
        "损坏的文件会被保留，不会被覆盖。",
        "cannot_open": f"无法打开资料库{place}。请检查文件或文件夹是否存在、是否有访问权限。",
        "no_permission": f"没有写入资料库的权限{place}。请检查文件权限，或联系团队资料库的管理员。",
        "server": f"无法连接资料库服务器{place}，或服务器暂时拒绝了请求。请检查网络和服务器状态后重试。",
        "io_error": f"读写资料库时磁盘出错{place}。请检查磁盘（或移动硬盘、网络盘）是否正常连接后重试。",
        "out_of_memory": "内存不足，操作未能完成。请关闭其他程序后重试。",
        "bug": f"资料库操作失败（程序错误：{type(driver_error(error)).__name__}）。修改未能保存；"
        "请重试，如果问题重复出现，请把日志发给技术支持。",
    }
    return StorageProblem(kind, messages[kind])


def is_storage_error(error: BaseException) -> bool:
    """True for errors that come from the database or the disk under it (not from our logic)."""
    if isinstance(error, (StorageError, OSError, MemoryError)):
        return True
    inner = driver_error(error)
    names = {cls.__module__.split(".")[0] for cls in type(error).__mro__} | {
        cls.__module__.split(".")[0] for cls in type(inner).__mro__
    }
    return bool(names & {"sqlalchemy", "sqlite3", "_sqlite3", "psycopg", "psycopg2"})
