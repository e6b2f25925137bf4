"""The PostgreSQL specifics of team libraries (SQLite needs none of them; see db/sqlite.py for its own).

- Connecting: passwords typed into a prompt are kept in memory for the session (``remember_password``)
  and handed to the driver when it connects; a pgpass file works as libpq reads it. Connections
  carry a timeout, keepalives (a dead network is noticed) and ReviewDesk's name for the server's logs.
- Roles: ``reviewdesk_lead`` may import, bin, restore and delete reports; ``reviewdesk_reviewer`` may
  annotate, review and correct, and only read the bin (``report_bin``). The server enforces it through grants (``apply_grants``, run after migrations);
  ``capabilities`` tells the UI what to disable. README, "Team library", has the SQL to create them.
- Changes: a trigger per table announces committed changes (``NOTIFY reviewdesk_changes``), which
  other reviewers' windows hear (``ChangeListener``).
- Errors: ``describe_error`` turns the driver's errors into Chinese messages that say what to do.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

LEAD, REVIEWER = "reviewdesk_lead", "reviewdesk_reviewer"
CHANNEL = "reviewdesk_changes"
WATCHED = (
    "reports",
    "annotations",
    "annotation_conflicts",
    "review_states",
    "metadata_corrections",
    "comparison_summaries",
    "report_links",
    "figure_reviews",
    "finding_decisions",
)
"""Tables whose changes other windows must see (the rest change only along with these)."""
REVIEWER_WRITES = (
    "annotations",
    "annotation_conflicts",
    "review_states",
    "metadata_corrections",
    # a reviewer's decisions on pairings, versions, figures and proposed findings
    "report_links",
    "figure_reviews",
    "finding_decisions",
    # carrying the review of an earlier version to a newer one (and undoing it) moves only rows above
    "version_carries",
    # derived data that any reviewer's app may bring up to date (search index, figures, comparisons)
    "search_docs",
    "metric_mentions",
    "comparison_summaries",
    "library_settings",
)
CORRECTABLE_COLUMNS = (
    "agency",
    "agency_key",
    "region",
    "year",
    "title",
    "title_generated",
    "report_date",
    "published_date",
    # a corrected or confirmed agency is confident; a confirmed version supersedes another
    "agency_confident",
    "agency_evidence",
    "superseded_by_id",
)
CONNECT_DEFAULTS = {
    "connect_timeout": "10",
    "application_name": "ReviewDesk",
    "keepalives": "1",
    "keepalives_idle": "30",
    "keepalives_interval": "10",
    "keepalives_count": "3",
}

_passwords: dict[tuple[str, str, str, str], str] = {}
_lock = threading.Lock()


def _key(url: str | URL) -> tuple[str, str, str, str]:
    parsed = make_url(url) if isinstance(url, str) else url
    host = parsed.host or str(parsed.query.get("host", ""))
    port = str(parsed.port or parsed.query.get("port", ""))
    return host, port, parsed.database or "", parsed.username or ""


def remember_password(url: str, password: str) -> None:
    """Use ``password`` for connections to this server, database and user until the app quits."""
    from db.paths import library_url

    with _lock:
        _passwords[_key(library_url(url))] = password


def forget_password(url: str) -> None:
    from db.paths import library_url

    with _lock:
        _passwords.pop(_key(library_url(url)), None)


@event.listens_for(Engine, "do_connect")
def _on_connect(dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
    if dialect.name != "postgresql":
        return
    for name, value in CONNECT_DEFAULTS.items():
        cparams.setdefault(name, value)
    if "password" not in cparams:
        key = (
            str(cparams.get("host", "")),
            str(cparams.get("port", "")),
            str(cparams.get("dbname", "")),
            str(cparams.get("user", "")),
        )
        with _lock:
            password = _passwords.get(key)
        if password is not None:
            cparams["password"] = password


def _json_loads(data: bytes | str) -> Any:
    """The driver's JSON parser, quicker on what libraries hold most: empty lists and short values
    (the library list reads two JSON columns of every report)."""
    if data == b"[]" or data == "[]":
        return []
    return json.loads(data if isinstance(data, str) else bytes(data).decode("utf-8"))


@event.listens_for(Engine, "connect")
def _on_new_connection(dbapi_connection: Any, _record: Any) -> None:
    if type(dbapi_connection).__module__.startswith("psycopg"):
        from psycopg.types.json import set_json_loads

        set_json_loads(_json_loads, dbapi_connection)
        # Times read as text (the library list) are UTC, as a library file holds them.
        dbapi_connection.execute("SET TIME ZONE 'UTC'")
        dbapi_connection.commit()


# Roles and grants ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Capabilities:
    """What this login may do in the library (on SQLite, everything)."""

    import_reports: bool = True
    delete_reports: bool = True
    annotate: bool = True
    user: str = ""

    @property
    def role(self) -> str:
        if self.import_reports and self.delete_reports:
            return "lead"
        return "reviewer" if self.annotate else "reader"


def capabilities(connection: Connection) -> Capabilities:
    if connection.dialect.name != "postgresql":
        return Capabilities()
    row = connection.execute(
        text(
            "SELECT has_table_privilege('reports', 'INSERT'), has_table_privilege('reports', 'DELETE'),"
            " has_table_privilege('annotations', 'INSERT'), current_user"
        )
    ).one()
    return Capabilities(bool(row[0]), bool(row[1]), bool(row[2]), str(row[3]))


def apply_grants(connection: Connection) -> bool:
    """Grant the lead and reviewer roles their rights on this library's tables (if the roles exist
    and this login owns the tables); returns whether it did. Safe to repeat."""
    found = {
        name
        for (name,) in connection.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname IN (:lead, :reviewer)"),
            {"lead": LEAD, "reviewer": REVIEWER},
        )
    }
    owner = connection.execute(
        text(
            "SELECT pg_has_role(tableowner, 'USAGE') FROM pg_tables"
            " WHERE tablename = 'reports' AND schemaname = current_schema()"
        )
    ).scalar()
    if not found or not owner:
        return False
    schema = connection.execute(text("SELECT quote_ident(current_schema())")).scalar()
    statements = []
    if LEAD in found:
        statements += [
            f"GRANT USAGE ON SCHEMA {schema} TO {LEAD}",
            f"GRANT ALL ON ALL TABLES IN SCHEMA {schema} TO {LEAD}",
            f"GRANT ALL ON ALL SEQUENCES IN SCHEMA {schema} TO {LEAD}",
        ]
    if REVIEWER in found:
        existing = {
            name
            for (name,) in connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            )
        }
        writes = ", ".join(t for t in REVIEWER_WRITES if t in existing)
        # Grants also run on a library an older ReviewDesk made, before migrations add columns.
        present = {
            name
            for (name,) in connection.execute(
                text(
                    "SELECT column_name FROM information_schema.columns"
                    " WHERE table_name = 'reports' AND table_schema = current_schema()"
                )
            )
        }
        correctable = ", ".join(c for c in CORRECTABLE_COLUMNS if c in present)
        statements += [
            f"GRANT USAGE ON SCHEMA {schema} TO {REVIEWER}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {REVIEWER}",
            f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {schema} FROM {REVIEWER}",
            f"GRANT INSERT, UPDATE, DELETE ON {writes} TO {REVIEWER}",
            f"GRANT UPDATE ({correctable}) ON reports TO {REVIEWER}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {REVIEWER}",
        ]
    for statement in statements:
        connection.execute(text(statement))
    return True


def migrate_as_lead(connection: Connection) -> None:
    """Create what migrations create as the lead role (when this login is a lead), so that every lead
    owns the library's tables, not only the one who happened to create them. Lasts the transaction."""
    # Granted explicitly (a superuser is a member of every role without being a lead), and the lead
    # role may create tables here.
    member = connection.execute(
        text(
            "SELECT has_schema_privilege(r.oid, current_schema(), 'CREATE') FROM pg_auth_members AS m"
            " JOIN pg_roles AS r ON r.oid = m.roleid WHERE r.rolname = :lead"
            " AND m.member = (SELECT oid FROM pg_roles WHERE rolname = current_user)"
        ),
        {"lead": LEAD},
    ).scalar()
    if member:
        connection.execute(text(f"SET LOCAL ROLE {LEAD}"))


# Server objects (migration 0010) ---------------------------------------------------------------------

_NOTIFY_FUNCTION = (
    "CREATE OR REPLACE FUNCTION reviewdesk_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$"
    f" BEGIN PERFORM pg_notify('{CHANNEL}', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME); RETURN NULL; END $$"
)


def install_server_objects(connection: Connection) -> None:
    from db.search_postgres import DDL

    for statement in DDL:
        connection.execute(text(statement))
    connection.execute(text(_NOTIFY_FUNCTION))
    for table in WATCHED:
        connection.execute(text(f"DROP TRIGGER IF EXISTS reviewdesk_changes ON {table}"))
        connection.execute(
            text(
                f"CREATE TRIGGER reviewdesk_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
                " FOR EACH STATEMENT EXECUTE FUNCTION reviewdesk_announce_change()"
            )
        )


def remove_server_objects(connection: Connection) -> None:
    for table in WATCHED:
        connection.execute(text(f"DROP TRIGGER IF EXISTS reviewdesk_changes ON {table}"))
    connection.execute(text("DROP FUNCTION IF EXISTS reviewdesk_announce_change()"))
    connection.execute(text("DROP TABLE IF EXISTS search_docs"))


# Errors -------------------------------------------------------------------------------------------


class ServerError(OperationalError):
    """A team-library server error with a Chinese message (``str``) and a ``code``: ``password``,
    ``login``, ``unreachable``, ``no_database``, ``permission``, ``lost``, ``busy``, ``full``."""

    def __init__(self, message: str, code: str, statement: Any, params: Any, orig: BaseException) -> None:
        super().__init__(statement, params, orig)
        self.message, self.code = message, code

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message


_LOST = ("server closed the connection", "terminating connection", "consuming input failed",
         "connection is closed", "connection already closed", "ssl syscall", "eof detected",
         "connection reset", "broken pipe", "the connection is lost")  # fmt: skip


def describe_error(error: BaseException, where: str = "") -> tuple[str, str] | None:
    """(code, Chinese message) for a driver error of a team library, or None for anything else."""
    state = str(getattr(error, "sqlstate", "") or "")
    text_ = str(error).lower()
    place = f"（{where}）" if where else ""
    if "no password supplied" in text_ or "password is required" in text_:
        return (
            "password",
            f"团队资料库服务器要求输入密码{place}。请在连接对话框中输入密码，或把密码写入 pgpass 文件。",
        )
    if state == "28P01" or "password authentication failed" in text_:
        return "password", f"用户名或密码不正确{place}。请检查后重新输入。"
    if (
        state.startswith("28")
        or "no pg_hba.conf entry" in text_
        or ("role" in text_ and "does not exist" in text_)
    ):
        return "login", f"服务器拒绝了这个账号的登录{place}：{_first_line(error)}。请联系资料库管理员。"
    if state == "3D000" or ("database" in text_ and "does not exist" in text_):
        return "no_database", f"服务器上没有这个资料库{place}。请检查地址中的数据库名，或请管理员先创建它。"
    if state == "3F000" or "no schema has been selected" in text_:
        return "permission", (
            f"这个账号看不到资料库的表{place}：资料库尚未由组长账号建立，或没有给审阅人授权。请联系组长。"
        )
    if state == "42501" or "permission denied" in text_:
        return "permission", (
            "您的账号没有执行这项操作的权限（导入和删除报告需要组长账号）。已有数据不受影响；如需此权限请联系组长。"
        )
    if state in ("53100",):
        return "full", "团队资料库服务器的磁盘已满，写入未完成，已有数据不受影响。请联系资料库管理员。"
    if state in ("40001", "40P01", "55P03"):
        return "busy", "其他审阅人正在修改同一内容，本次保存未完成，数据未改动。请稍后重试。"
    if state.startswith("57P") or state.startswith("08") or any(mark in text_ for mark in _LOST):
        return "lost", (
            f"与团队资料库服务器的连接中断{place}，本次操作未完成，已写入一半的内容已全部撤销。请检查网络或服务器后重试。"
        )
    if any(m in text_ for m in ("connection refused", "could not translate host", "timeout expired",
                                "connection failed", "no route to host", "could not connect",
                                "connection is bad", "no such file or directory", "is the server running")):  # fmt: skip
        return (
            "unreachable",
            f"无法连接团队资料库服务器{place}。请检查地址和端口、网络是否畅通、服务器是否已启动。",
        )
    return None


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


@event.listens_for(Engine, "handle_error")
def _on_error(context: Any) -> ServerError | None:
    if context.dialect is None or context.dialect.name != "postgresql":
        return None
    original = context.original_exception
    where = ""
    if context.engine is not None:
        from db.paths import library_location

        where = library_location(context.engine.url.render_as_string(hide_password=True))
    described = describe_error(original, where)
    if described is None:
        return None
    code, message = described
    return ServerError(message, code, context.statement, context.parameters, original)


def probe(location: str) -> ServerError | None:
    """Try to log in to a team library's server (no migrations); the error, or None when it works."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from db.paths import library_url

    engine = create_engine(library_url(location), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except ServerError as error:
        return error
    finally:
        engine.dispose()
    return None


# pgpass -----------------------------------------------------------------------------------------------


def pgpass_path() -> Path:
    """Where libpq looks for saved passwords: PGPASSFILE, else ~/.pgpass (Windows: %APPDATA%)."""
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def save_to_pgpass(location: str, password: str) -> Path:
    """Save the password where libpq (and so ReviewDesk) finds it next time; the file is made
    readable by this account only, as libpq requires. Replaces an entry for the same login."""
    host, port, database, user = _key(_library_url(location))
    host = "localhost" if not host or host.startswith("/") else host  # a unix socket is "localhost"

    def escaped(value: str) -> str:
        return value.replace("\\", "\\\\").replace(":", "\\:")

    entry = ":".join(escaped(v) for v in (host, port or "5432", database or "*", user or "*"))
    path = pgpass_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    kept = [line for line in lines if not line.startswith(entry + ":")]
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text("\n".join([*kept, f"{entry}:{escaped(password)}"]) + "\n", encoding="utf-8")
    return path


def _library_url(location: str) -> str:
    from db.paths import library_url

    return library_url(location)
