"""The GUI tests run on SQLite only: the database layer under them is tested on both backends."""

from __future__ import annotations

import pytest


@pytest.fixture
def backend() -> str:
    return "sqlite"
