"""Team libraries on a real PostgreSQL server: migrations from empty and from the previous version (on
both backends), roles enforced by the server, a connection lost in the middle of an import, messages."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, func, inspect, select, text

from db import models
from db.paths import library_location, library_url
from db.postgres import ServerError, capabilities
from db.session import LibraryError, migrate, open_library
from db.sqlite import configure_sqlite
from desktop.core.annotations.store import create_annotation
from desktop.core.importing import import_file
from desktop.core.library import get_report
from tests.conftest import admin_execute, postgres_schema, require_postgres, with_options
from tests.conftest import library_location as new_location
from tests.helpers import sample

APP_TABLES = {
    "reports",
    "report_files",
    "sections",
    "metric_mentions",
    "library_settings",
    "metadata_corrections",
    "annotations",
    "annotation_conflicts",
    "review_states",
    "comparison_summaries",
}


def engine_for(location: str):  # type: ignore[no-untyped-def]
    engine = create_engine(library_url(location))
    configure_sqlite(engine)
    return engine


def test_migrations_from_empty_to_newest_and_back(backend: str, tmp_path: Path) -> None:
    with new_location(backend, tmp_path) as location:
        engine = engine_for(location)
        try:
            migrate(engine, "upgrade", "head")
            assert set(inspect(engine).get_table_names()) >= APP_TABLES
            columns = {c["name"] for c in inspect(engine).get_columns("annotations")}
            assert {"version", "modified_by"} <= columns
            migrate(engine, "downgrade", "base")
            assert set(inspect(engine).get_table_names()) - {"alembic_version"} <= {
                "search_fts",
                "search_docs",
            }
            migrate(engine, "upgrade", "head")
            assert set(inspect(engine).get_table_names()) >= APP_TABLES
        finally:
            engine.dispose()


def test_upgrade_from_the_previous_version_keeps_rows_and_moves_times_to_utc(
    backend: str, tmp_path: Path
) -> None:
    written = datetime(2025, 3, 8, 9, 30, 15)  # local wall-clock time, as versions before 0010 wrote it
    with new_location(backend, tmp_path) as location:
        engine = engine_for(location)
        try:
            migrate(engine, "upgrade", "0006")
            with engine.begin() as connection:
                connection.execute(
                    text(
                        "INSERT INTO reports (id, source_name, source_format, sha256, size, title_generated,"
                        " is_annual_report, missing_sections, warnings, source_metadata, pipeline_version,"
                        " imported_at, original_text, clean_text) VALUES (1, 'a.txt', 'txt', :sha, 3,"
                        " false, true, '[]', '[]', '{}', 1, :t, '正文', '正文')"
                    ),
                    {"sha": "0" * 64, "t": written},
                )
                connection.execute(
                    text(
                        "INSERT INTO review_states (report_id, status, reviewer, updated_at, conclusion)"
                        " VALUES (1, 'in_review', '甲审阅', :t, '结论')"
                    ),
                    {"t": written},
                )
            migrate(engine, "upgrade", "head")
            library = open_library(location)
            try:
                with library.sessions() as session:
                    state = session.get(models.ReviewState, 1)
                    report = session.get(models.Report, 1)
                    assert state is not None and report is not None
                    assert (state.conclusion, state.version) == ("结论", 1)
                    assert state.updated_at == written.astimezone(timezone.utc)
                    assert report.imported_at == written.astimezone(timezone.utc)
            finally:
                library.close()
            migrate(engine, "downgrade", "0006")  # and back: local times again
            with engine.connect() as connection:
                back = connection.execute(text("SELECT updated_at FROM review_states")).scalar()
            assert (datetime.fromisoformat(back) if isinstance(back, str) else back) == written
        finally:
            engine.dispose()


# Server only ------------------------------------------------------------------------------------------


@pytest.fixture
def server_library() -> Iterator[str]:
    require_postgres()
    with postgres_schema() as url:
        yield url


def test_a_server_url_is_kept_as_written_without_its_password() -> None:
    url = "postgresql://zhang:s3cret@db.office.example:5433/reviews?sslmode=prefer"
    assert (
        library_url(url) == "postgresql+psycopg://zhang:s3cret@db.office.example:5433/reviews?sslmode=prefer"
    )
    assert (
        library_location(library_url(url))
        == "postgresql://zhang@db.office.example:5433/reviews?sslmode=prefer"
    )
    socket = "postgresql://li@/reviews?host=/run/postgresql&port=5433"
    assert library_location(library_url(socket)) == socket
    assert library_url("postgres://li@host/db").startswith("postgresql+psycopg://li@host/db")


def test_an_unreachable_server_or_database_gets_a_chinese_message(server_library: str) -> None:
    with pytest.raises(LibraryError, match="无法连接团队资料库服务器"):
        open_library("postgresql://nobody@/x?host=/nonexistent-folder&port=1")
    missing = require_postgres().replace("/reviewdesk_test?", "/no_such_library?")
    with pytest.raises(LibraryError, match="服务器上没有这个资料库") as raised:
        open_library(missing)
    assert "password" not in str(raised.value).lower()


def test_a_connection_lost_in_the_middle_of_an_import_writes_nothing(server_library: str) -> None:
    library = open_library(server_library)
    try:
        killed: list[int] = []

        def cut_connection(connection, _cursor, statement: str, *_args: object) -> None:  # type: ignore[no-untyped-def]
            # The report row is written; its file and sections are not yet: the server goes away.
            if not killed and statement.startswith("INSERT INTO report_files"):
                pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
                killed.append(pid)
                admin_execute(f"SELECT pg_terminate_backend({pid})")

        event.listen(library.engine, "before_cursor_execute", cut_connection)
        outcome = import_file(library.sessions, sample("shili_2024.docx"))
        event.remove(library.engine, "before_cursor_execute", cut_connection)
        assert killed and not outcome.ok
        assert outcome.error and "连接中断" in outcome.error and "撤销" in outcome.error
        with library.sessions() as session:  # the pool reconnects; nothing of the report was kept
            assert session.scalar(select(func.count(models.Report.id))) == 0
            assert session.scalar(select(func.count(models.ReportFile.report_id))) == 0
        again = import_file(library.sessions, sample("shili_2024.docx"))
        assert again.ok and not again.duplicate, again.error
    finally:
        library.close()


@pytest.fixture
def team() -> Iterator[dict[str, str]]:
    """A library in its own schema, created by a lead, with a lead and a reviewer login."""
    require_postgres()
    suffix = uuid.uuid4().hex[:8]
    lead, reviewer, schema = f"lead_{suffix}", f"reviewer_{suffix}", f"team_{suffix}"
    admin_execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reviewdesk_lead') THEN"
        " CREATE ROLE reviewdesk_lead NOLOGIN; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE"
        " rolname = 'reviewdesk_reviewer') THEN CREATE ROLE reviewdesk_reviewer NOLOGIN; END IF; END $$",
        f"CREATE ROLE {lead} LOGIN IN ROLE reviewdesk_lead",
        f"CREATE ROLE {reviewer} LOGIN IN ROLE reviewdesk_reviewer",
        f"CREATE SCHEMA {schema}",
        f"GRANT CREATE, USAGE ON SCHEMA {schema} TO reviewdesk_lead",
        f"GRANT USAGE ON SCHEMA {schema} TO reviewdesk_reviewer",
    )
    base = with_options(require_postgres(), options=f"-csearch_path={schema}")
    try:
        yield {
            "lead": base.replace("reviewdesk_test@", f"{lead}@", 1),
            "reviewer": base.replace("reviewdesk_test@", f"{reviewer}@", 1),
        }
    finally:
        admin_execute(
            f"DROP SCHEMA {schema} CASCADE",
            f"DROP OWNED BY {lead}, {reviewer}",
            f"DROP ROLE {lead}, {reviewer}",
        )


def test_roles_are_enforced_by_the_server(team: dict[str, str], tmp_path: Path) -> None:
    lead = open_library(team["lead"])  # the lead's app creates the tables: they belong to the lead role
    try:
        with lead.engine.connect() as connection:
            assert capabilities(connection).role == "lead"
            owner = connection.execute(
                text(
                    "SELECT tableowner FROM pg_tables WHERE tablename = 'reports' AND schemaname = current_schema()"
                )
            )
            assert owner.scalar() == "reviewdesk_lead"
        outcome = import_file(lead.sessions, sample("shili_2024.docx"))
        assert outcome.ok and outcome.report_id
        report_id = outcome.report_id
        from tests.test_memo_confirmed import UNSURE  # undated, unsigned: it raises findings

        (tmp_path / "unsigned.txt").write_text(UNSURE, encoding="utf-8")
        unsigned = import_file(lead.sessions, tmp_path / "unsigned.txt")
        assert unsigned.ok and unsigned.report_id
    finally:
        lead.close()

    reviewer = open_library(team["reviewer"])
    try:
        with reviewer.engine.connect() as connection:
            can = capabilities(connection)
        assert (can.role, can.import_reports, can.delete_reports, can.annotate) == (
            "reviewer",
            False,
            False,
            True,
        )
        refused = import_file(reviewer.sessions, sample("shili_2023.docx"))
        assert not refused.ok and refused.error and "权限" in refused.error
        with pytest.raises(ServerError, match="权限") as raised, reviewer.sessions.begin() as session:
            session.execute(text("DELETE FROM reports WHERE id = :id"), {"id": report_id})
        assert raised.value.code == "permission"
        with pytest.raises(ServerError), reviewer.sessions.begin() as session:
            session.execute(
                text("UPDATE reports SET clean_text = '改过的正文' WHERE id = :id"), {"id": report_id}
            )
        with reviewer.sessions.begin() as session:  # annotating, reviewing and correcting are allowed
            report = get_report(session, report_id, with_text=True)
            assert report is not None
            start = report.clean_text.index("执法力量")
            create_annotation(session, report, start, start + 4, category="问题查摆不深", author="乙审阅")
            from desktop.core.annotations.review import set_review_state
            from desktop.core.corrections import correct

            set_review_state(session, report_id, status="审阅中", reviewer="乙审阅")
            correct(session, report, "agency", "示例县司法局", "乙审阅")
        with reviewer.sessions.begin() as session:  # so are decisions on pairings, figures and findings
            from desktop.core.findings.service import decide, report_findings
            from desktop.core.identity_links import choose_prior
            from desktop.core.metrics.reviews import review_figure
            from desktop.core.metrics.store import default_catalog

            report = get_report(session, report_id)
            assert report is not None
            choose_prior(session, report, None, by="乙审阅")
            figure = session.scalar(
                select(models.MetricMention).where(
                    models.MetricMention.report_id == report_id, models.MetricMention.key.is_not(None)
                )
            )
            assert figure is not None
            review_figure(session, figure.id, "confirmed", default_catalog(), author="乙审阅")
            found = report_findings(session, unsigned.report_id)
        assert found is not None and found.open
        with reviewer.sessions.begin() as session:
            decide(session, unsigned.report_id, found.open[0].id, "dismissed", author="乙审阅")
        with reviewer.sessions() as session:
            from desktop.core.search_service import search_library

            assert session.scalar(select(func.count(models.Annotation.id))) == 1
        assert report_id in {h.report_id for h in search_library(reviewer.sessions, "执法力量")}
    finally:
        reviewer.close()

    from desktop.cli import run

    assert run(["team-roles", "--library", team["reviewer"], "--json"]) == 0
    lead = open_library(team["lead"])
    try:
        with lead.sessions.begin() as session:  # the lead may delete reports
            session.delete(session.get(models.Report, report_id))
            session.delete(session.get(models.Report, unsigned.report_id))
        with lead.sessions() as session:
            assert session.scalar(select(func.count(models.Report.id))) == 0
    finally:
        lead.close()


def copy_counts(location: str) -> dict[str, int]:
    from db.copy import TABLES

    library = open_library(location)
    try:
        with library.engine.connect() as connection:
            return {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0 for t in TABLES}
    finally:
        library.close()


def test_copy_library_to_a_server_and_back(server_library: str, tmp_path: Path) -> None:
    from desktop.cli import run

    source = tmp_path / "mine.sqlite"
    library = open_library(source)
    try:
        for name in ("shili_2023.docx", "shili_2024.docx"):
            assert import_file(library.sessions, sample(name)).ok
        with library.sessions.begin() as session:
            report = get_report(session, 2, with_text=True)
            assert report is not None
            start = report.clean_text.index("执法力量")
            note = create_annotation(
                session, report, start, start + 4, category="问题查摆不深", author="甲审阅"
            )
            note_id = note.id
            # The reviewer's decisions on pairings and figures travel with the library too.
            from desktop.core.identity_links import choose_prior
            from desktop.core.metrics.reviews import review_figure
            from desktop.core.metrics.store import default_catalog

            choose_prior(session, report, None, by="甲审阅")
            figure = session.scalar(
                select(models.MetricMention).where(
                    models.MetricMention.report_id == 2, models.MetricMention.key.is_not(None)
                )
            )
            assert figure is not None
            review_figure(session, figure.id, "excluded", default_catalog(), author="甲审阅")
    finally:
        library.close()
    assert run(["copy-library", str(source), server_library]) == 0
    counts = copy_counts(server_library)
    assert counts == copy_counts(str(source)) and counts["reports"] == 2 and counts["annotations"] == 1
    assert counts["report_links"] == 1 and counts["figure_reviews"] == 1
    team = open_library(server_library)
    try:
        with team.sessions() as session:
            assert session.get(models.Annotation, note_id) is not None  # same ids, same UUIDs
        assert import_file(team.sessions, sample("shili_2024.txt")).ok  # the id counters go on
        from desktop.core.search_service import search_library

        assert len(search_library(team.sessions, "安全生产")) == 3
    finally:
        team.close()
    back = tmp_path / "back.sqlite"
    assert run(["copy-library", server_library, str(back)]) == 0
    assert copy_counts(str(back)) == copy_counts(server_library)
    assert run(["copy-library", str(source), server_library]) == 2  # not into a library with reports
    assert copy_counts(server_library)["reports"] == 3


def test_a_team_library_is_used_with_no_other_network_access(server_library: str, tmp_path: Path) -> None:
    """Offline still: with a team library on the (unix-socket) test server, a full import and a search
    open no socket of their own and look up no host name. The driver (libpq) connects only to the
    address the library names."""
    from tests.test_offline import run_guarded

    files = [str(sample(name)) for name in ("shili_2023.docx", "shili_2024.pdf")]
    body = f"""
    from desktop.main import main
    code = main(["import", *{files!r}, "--library", {server_library!r}, "--json"])
    code += main(["search", "安全生产", "--library", {server_library!r}])
    print("EXIT", code)
    """
    result = run_guarded(body, str(tmp_path))
    assert "EXIT 0" in result.stdout, result.stderr[-3000:]
    assert "NETWORK-ATTEMPTS: []" in result.stderr, result.stderr[-3000:]


def test_a_password_saved_for_later_goes_to_a_private_pgpass_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.postgres import save_to_pgpass

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    path = save_to_pgpass("postgresql://zhang@db.sfj.local:5433/reviewdesk", "pa:ss\\word")
    save_to_pgpass("postgresql://li@/reviewdesk?host=/run/postgresql", "second")
    save_to_pgpass("postgresql://zhang@db.sfj.local:5433/reviewdesk", "changed")
    assert path == tmp_path / "pgpass" and path.stat().st_mode & 0o777 == 0o600
    assert path.read_text(encoding="utf-8").splitlines() == [
        "localhost:5432:reviewdesk:li:second",
        "db.sfj.local:5433:reviewdesk:zhang:changed",
    ]


def test_a_typed_password_reaches_the_driver_and_nothing_else() -> None:
    from db.postgres import _on_connect, forget_password, remember_password

    url = "postgresql://zhang@db.sfj.local:5433/reviewdesk"
    remember_password(url, "s3cret")
    engine = create_engine(library_url(url))
    try:
        _cargs, params = engine.dialect.create_connect_args(engine.url)
        _on_connect(engine.dialect, None, _cargs, params)
        assert params["password"] == "s3cret" and params["connect_timeout"] == "10"
        assert "s3cret" not in library_location(str(engine.url))
        forget_password(url)
        _cargs, params = engine.dialect.create_connect_args(engine.url)
        _on_connect(engine.dialect, None, _cargs, params)
        assert "password" not in params
    finally:
        engine.dispose()
