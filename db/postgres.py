"""The PostgreSQL specifics of team libraries (SQLite needs none of them; see db/sqlite.py for its own).

- Connecting: passwords typed into a prompt are kept in memory for the session (``remember_password``)
  and handed to the driver when it connects; a pgpass file works as libpq reads it. Connections
  carry a timeout, keepalives (a dead network is noticed) and ReviewDesk's name for the server's logs.
- Roles: ``reviewdesk_lead`` may import and delete reports; ``reviewdesk_reviewer`` may annotate,
  review and correct. The server enforces it through grants (``apply_grants``, run after migrations);
  ``capabilities`` tells the UI what to disable. README, "Team library", has the SQL to create them.
- Changes: a trigger per table announces committed changes (``NOTIFY reviewdesk_changes``), which
  other reviewers' windows hear (``ChangeListener``).
- Errors: ``describe_error`` turns the driver's errors into Chinese messages that say what to do.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.engine import URL, make_url

LEAD, REVIEWER = "reviewdesk_lead", "reviewdesk_reviewer"
CHANNEL = "reviewdesk_changes"
WATCHED = (
    "reports",
    "annotations",
    "annotation_conflicts",
    "review_states",
    "metadata_corrections",
    "comparison_summaries",
)
"""Tables whose changes other windows must see (the rest change only along with these)."""
REVIEWER_WRITES = (
    "annotations",
    "annotation_conflicts",
    "review_states",
    "metadata_corrections",
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
        statements += [
            f"GRANT USAGE ON SCHEMA {schema} TO {REVIEWER}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {REVIEWER}",
            f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {schema} FROM {REVIEWER}",
            f"GRANT INSERT, UPDATE, DELETE ON {writes} TO {REVIEWER}",
            f"GRANT UPDATE ({', '.join(CORRECTABLE_COLUMNS)}) ON reports TO {REVIEWER}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {REVIEWER}",
        ]
    for statement in statements:
        connection.execute(text(statement))
    return True


def migrate_as_lead(connection: Connection) -> None:
    """Create what migrations create as the lead role (when this login is a lead), so that every lead
    owns the library's tables, not only the one who happened to create them. Lasts the transaction."""
    member = connection.execute(
        text("SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = :lead"),
        {"lead": LEAD},
    ).scalar()
    if member:
        connection.execute(text(f"SET LOCAL ROLE {LEAD}"))


# Server objects (migration 0011) ---------------------------------------------------------------------

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
