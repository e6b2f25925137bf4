"""Shared fixtures: the corpus beside the checkout (optional), the project's own samples, and a fresh
library on each backend: an SQLite file, and a PostgreSQL schema of the server in REVIEWDESK_TEST_PG.

``source .ci/postgres.sh`` starts a throwaway server and sets REVIEWDESK_TEST_PG; without it the
PostgreSQL half of the backend-parametrised tests is skipped (in CI it fails instead).

Every test runs under the network guard (:mod:`tests.net_guard`): an attempt to open an internet
socket, in the test or in any Python process it starts, fails the test.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("REVIEWDESK_CORPUS", ROOT.parent / "shared" / "corpus"))
SAMPLES = ROOT / "resources" / "samples"
PG_URL = os.environ.get("REVIEWDESK_TEST_PG", "")
BACKENDS = ("sqlite", "postgresql")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def _child_guard(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ``sitecustomize`` that guards every Python child process of the tests; returns its log."""
    from tests import net_guard

    folder = tmp_path_factory.mktemp("net_guard")
    source = Path(net_guard.__file__).read_text(encoding="utf-8") + net_guard.CHILD_BOOTSTRAP
    (folder / "sitecustomize.py").write_text(source, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def network_attempts(
    _child_guard: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
):  # type: ignore[no-untyped-def]
    """The test's network attempts (a list a test may inspect and clear); any left fail the test."""
    from tests import net_guard

    attempts: list[str] = []
    log = tmp_path_factory.mktemp("net_attempts") / "attempts.log"
    monkeypatch.setenv(net_guard.LOG_VARIABLE, str(log))
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(p for p in (str(_child_guard), os.environ.get("PYTHONPATH", "")) if p)
    )
    uninstall = net_guard.install(attempts.append)
    try:
        yield attempts
    finally:
        uninstall()
    if log.exists():
        attempts += log.read_text(encoding="utf-8").splitlines()
        log.unlink()
    if attempts:
        pytest.fail(f"network access attempted (forbidden in ReviewDesk): {attempts[:5]}", pytrace=False)


def corpus_path(*parts: str) -> Path:
    """A file of ../shared/corpus; the test is skipped when the corpus is not beside the checkout."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus not available: {path}")
    return path


def require_postgres() -> str:
    """The test server's URL; skips the test without one (CI must have one: there it fails)."""
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("REVIEWDESK_TEST_PG is not set: .ci/run must source .ci/postgres.sh")
        pytest.skip("no PostgreSQL test server (source .ci/postgres.sh to start one)")
    return PG_URL


def with_options(url: str, **params: str) -> str:
    from urllib.parse import quote

    extra = "&".join(f"{key}={quote(value, safe='')}" for key, value in params.items())
    return f"{url}{'&' if '?' in url else '?'}{extra}"


def admin_execute(*statements: str) -> None:
    """Run statements as the test server's superuser, outside any library."""
    import psycopg

    with psycopg.connect(require_postgres(), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)  # type: ignore[arg-type]


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A library URL whose tables go in a new, empty schema of the test server (dropped afterwards)."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    admin_execute(f"CREATE SCHEMA {name}")
    try:
        yield with_options(require_postgres(), options=f"-csearch_path={name}")
    finally:
        admin_execute(f"DROP SCHEMA {name} CASCADE")


@contextmanager
def library_location(backend: str, folder: Path, name: str = "library.sqlite") -> Iterator[str]:
    """Where a fresh library of ``backend`` goes: a file in ``folder``, or a new PostgreSQL schema."""
    if backend == "sqlite":
        yield str(folder / name)
    else:
        with postgres_schema() as url:
            yield url


sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])
"""For a test of something only SQLite has (WAL, the file on disk): its library is a file only."""


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    return CORPUS


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each test that asks for a library runs on SQLite and on PostgreSQL."""
    if request.param == "postgresql":
        require_postgres()
    return str(request.param)


@pytest.fixture
def library(backend: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh library (SQLite file or PostgreSQL schema), migrated to the newest schema."""
    from db.session import open_library

    with library_location(backend, tmp_path) as location:
        opened = open_library(location)
        yield opened
        opened.close()
