"""Storage errors sorted by blame from the driver's own codes: real SQLite failures, and PostgreSQL's
SQLSTATE as psycopg reports it."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from db.errors import StorageError, StorageProblem, classify, describe, is_storage_error
from db.session import describe_storage_error, open_library


def _sqlite_error(tmp_path: Path, statement: str, setup: str = "") -> sqlite3.Error:
    connection = sqlite3.connect(tmp_path / "x.db")
    if setup:
        connection.executescript(setup)
    try:
        connection.execute(statement)
    except sqlite3.Error as error:
        return error
    finally:
        connection.close()
    raise AssertionError("no error")


def test_locked_database_is_blamed_on_another_program(tmp_path: Path) -> None:
    holder = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    holder.execute("CREATE TABLE t(x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(tmp_path / "x.db", timeout=0.05)
    with pytest.raises(sqlite3.OperationalError) as caught:
        other.execute("INSERT INTO t VALUES (1)")
    holder.execute("ROLLBACK")
    problem = describe(caught.value)
    assert problem.kind == "locked" and problem.blame == "other_program" and problem.known
    assert "其他程序占用" in problem.message


def test_a_file_that_is_not_a_database_is_damaged(tmp_path: Path) -> None:
    (tmp_path / "x.db").write_bytes(b"this is a text file, not SQLite" * 200)
    error = _sqlite_error(tmp_path, "SELECT * FROM sqlite_master")
    assert classify(error) == "damaged"
    assert "恢复备份" in describe(error).message


def test_sqlalchemy_wrapper_is_seen_through_and_constraint_errors_are_bugs(tmp_path: Path) -> None:
    library = open_library(tmp_path / "lib.sqlite")
    try:
        with pytest.raises(IntegrityError) as caught, library.sessions.begin() as session:
            session.execute(text("INSERT INTO library_settings(name, value) VALUES ('a', '1')"))
            session.execute(text("INSERT INTO library_settings(name, value) VALUES ('a', '2')"))
        problem = describe(caught.value)
        assert problem.kind == "bug" and not problem.known
        assert "INSERT" not in problem.message  # never SQL (or the reviewer's text) in a message
        assert is_storage_error(caught.value)
    finally:
        library.close()


def test_read_only_connection_error_is_read_only(tmp_path: Path) -> None:
    sqlite3.connect(tmp_path / "x.db").executescript("CREATE TABLE t(x);")
    uri = f"file:{tmp_path / 'x.db'}?mode=ro"
    connection = sqlite3.connect(uri, uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        connection.execute("INSERT INTO t VALUES (1)")
    connection.close()
    wrapped = OperationalError("INSERT INTO t VALUES (?)", (1,), caught.value)
    assert classify(wrapped) == "read_only"
    assert "只读" in describe_storage_error(wrapped, f"sqlite:///{tmp_path / 'x.db'}")


class _DriverError(Exception):
    """Stands in for a driver exception when psycopg is not installed: what matters is its SQLSTATE."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"server said {sqlstate}")
        self.sqlstate = sqlstate


def _pg_error(sqlstate: str) -> BaseException:
    try:
        import psycopg.errors
    except ImportError:
        return _DriverError(sqlstate)
    return psycopg.errors.lookup(sqlstate)(f"server said {sqlstate}")


@pytest.mark.parametrize(
    ("sqlstate", "kind"),
    [
        ("53100", "disk_full"),
        ("25006", "read_only"),
        ("42501", "no_permission"),
        ("55P03", "locked"),
        ("40P01", "locked"),
        ("08006", "server"),
        ("XX001", "damaged"),
        ("23505", "bug"),
        ("42601", "bug"),
    ],
)
def test_postgresql_sqlstate_decides(sqlstate: str, kind: str) -> None:
    wrapped = OperationalError("UPDATE x SET y = ?", ("秘密的批注",), _pg_error(sqlstate))
    problem = describe(wrapped, "postgresql://reviewer@/team")
    assert problem.kind == kind
    assert "秘密的批注" not in problem.message


def test_os_errors_and_our_own_storage_error() -> None:
    import errno

    assert classify(OSError(errno.ENOSPC, "No space left on device")) == "disk_full"
    assert classify(OSError(errno.EROFS, "Read-only file system")) == "read_only"
    ours = StorageError(StorageProblem("disk_full", "磁盘已满"))
    assert classify(ours) == "disk_full" and str(ours) == "磁盘已满"
    assert not is_storage_error(ValueError("a bug of ours"))


def test_busy_timeout_lets_a_second_writer_wait_for_the_first(tmp_path: Path) -> None:
    """The command line may write while the window writes: it waits instead of failing."""
    library = open_library(tmp_path / "lib.sqlite")
    holder = sqlite3.connect(tmp_path / "lib.sqlite", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(1.0, lambda: holder.execute("COMMIT")).start()
    try:
        with library.sessions.begin() as session:
            session.execute(text("INSERT INTO library_settings(name, value) VALUES ('waited', 'yes')"))
        with library.sessions() as session:
            assert (
                session.execute(text("SELECT value FROM library_settings WHERE name='waited'")).scalar()
                == "yes"
            )
    finally:
        library.close()
        holder.close()
