"""Where ReviewDesk logs go: a small rotating file in the user's log folder, never the terminal.

The reviewer reads Chinese messages; tracebacks and driver details (which may quote SQL and the
reviewer's own text) go to the log file only, for support.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
from pathlib import Path

_configured = False


def log_file() -> Path:
    from platformdirs import user_log_path

    return user_log_path("ReviewDesk", appauthor=False) / "reviewdesk.log"


def configure_logging() -> None:
    """Send ReviewDesk's log records to :func:`log_file` (once per process; quiet if it cannot)."""
    global _configured
    if _configured:
        return
    _configured = True
    logger = logging.getLogger("reviewdesk")
    logger.setLevel(logging.INFO)
    logger.propagate = False  # nothing reaches Python's last-resort handler on stderr
    handler: logging.Handler = logging.NullHandler()
    with contextlib.suppress(OSError):
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
