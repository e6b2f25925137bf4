"""The GUI tests run on SQLite only: the database layer under them is tested on both backends."""

from __future__ import annotations

import pytest

from desktop.ui.tasks import InlineRunner


@pytest.fixture
def backend() -> str:
    return "sqlite"


@pytest.fixture
def inline_runner() -> InlineRunner:
    """Runs every operation at once, callbacks included: a test reads the result on the next line."""
    return InlineRunner()
