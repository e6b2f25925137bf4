"""Shared fixtures: the corpus beside the checkout (optional) and the project's own samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("REVIEWDESK_CORPUS", ROOT.parent / "shared" / "corpus"))
SAMPLES = ROOT / "resources" / "samples"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
