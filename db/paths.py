"""Where libraries live, without loading SQLAlchemy (the window asks before the ORM is needed)."""

from __future__ import annotations

from pathlib import Path


def default_library_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("ReviewDesk", appauthor=False) / "library.sqlite"


def library_url(location: str | Path) -> str:
    text = str(location)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser().resolve()}"


def library_location(url: str) -> str:
    """What to show the reviewer: a file path for SQLite, the URL otherwise."""
    return url.removeprefix("sqlite:///")
