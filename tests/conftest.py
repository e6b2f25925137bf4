"""Shared fixtures: the corpus beside the checkout (optional) and the project's own samples.

Every test runs under the network guard (:mod:`tests.net_guard`): an attempt to open an internet
socket, in the test or in any Python process it starts, fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("REVIEWDESK_CORPUS", ROOT.parent / "shared" / "corpus"))
SAMPLES = ROOT / "resources" / "samples"

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


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    return CORPUS


@pytest.fixture
def library(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh library file in a temporary folder, migrated to the newest schema."""
    from db.session import open_library

    opened = open_library(tmp_path / "library.sqlite")
    yield opened
    opened.close()
