"""Where libraries live, without loading SQLAlchemy (the window asks before the ORM is needed).

A library is an SQLite file (a path) or a team library on a PostgreSQL server, written as any
libpq-style URL (``postgresql://user@host/db``, ``postgresql://user@/db?host=/run/postgresql&port=5433``).
The app talks to servers through the driver it ships (psycopg 3), whatever the URL names.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SERVER_SCHEMES = ("postgresql", "postgres")
DRIVER = "postgresql+psycopg"


def default_library_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("ReviewDesk", appauthor=False) / "library.sqlite"


def is_server_location(location: str | Path) -> bool:
    """A team library on a server (a URL), rather than a file."""
    scheme = str(location).strip().partition("://")[0].lower()
    return "://" in str(location) and scheme.split("+")[0] in SERVER_SCHEMES


def library_url(location: str | Path) -> str:
    """The SQLAlchemy URL: ``sqlite:///`` + absolute path, or the server URL with our driver."""
    text = str(location).strip()
    if is_server_location(text):
        import db.postgres  # noqa: F401  (connection defaults, passwords and Chinese error messages)

        return f"{DRIVER}://{text.partition('://')[2]}"
    return text if "://" in text else f"sqlite:///{Path(text).expanduser().resolve()}"


def library_location(url: str) -> str:
    """What to show and remember: a file path for SQLite; for a server, the URL as people write it,
    without a password (passwords come from a prompt or a pgpass file, never from settings)."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    if is_server_location(url):
        return without_password(f"postgresql://{url.partition('://')[2]}")
    return url


def without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user, _, host = parts.netloc.rpartition("@")
    return urlunsplit(parts._replace(netloc=f"{user.partition(':')[0]}@{host}"))
