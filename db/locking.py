"""Where the window's one-instance lock of a library lives, and who holds it (Qt-free).

The window takes the lock with Qt's ``QLockFile`` (:mod:`desktop.ui.single_instance`), which
writes the holder's process id, application name and host name, one per line, and recovers a
lock whose process has died. The command line does not take the lock (it may write while the
window runs, SQLite serialises the writes); it only reads it, to refuse a restore under a window.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import sys
import tempfile
from pathlib import Path


def lock_path(library: Path) -> Path:
    """``library.sqlite.lock`` beside the library, or one in the temporary folder keyed by the
    library's path when its folder cannot be written (a read-only disk)."""
    beside = library.with_name(library.name + ".lock")
    with contextlib.suppress(OSError):  # a first start: the data folder is about to be made anyway
        library.parent.mkdir(parents=True, exist_ok=True)
    if os.access(library.parent, os.W_OK) and _creatable(library.parent):
        return beside
    return fallback_lock_path(library)


def fallback_lock_path(library: Path) -> Path:
    key = hashlib.sha1(str(library.resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"reviewdesk-{key}.lock"


def _creatable(folder: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def lock_holder(library: Path) -> int | None:
    """The process id of a live window holding ``library``'s lock, else ``None``."""
    for path in dict.fromkeys((library.with_name(library.name + ".lock"), fallback_lock_path(library))):
        holder = _live_holder(path)
        if holder is not None:
            return holder
    return None


def _live_holder(path: Path) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    try:
        pid = int(lines[0])
    except (IndexError, ValueError):
        return None
    host = lines[2] if len(lines) > 2 else ""
    if host and host != platform.node():
        return pid  # another computer's window: it cannot be checked from here, so it counts
    return pid if _alive(pid, path) else None


def _alive(pid: int, path: Path) -> bool:
    if sys.platform == "win32":
        # QLockFile keeps its file open without delete sharing while it holds the lock.
        try:
            with path.open("a"):
                return False
        except PermissionError:
            return True
        except OSError:
            return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    with contextlib.suppress(OSError):
        # A zombie (a killed window not yet reaped) holds nothing.
        status = Path(f"/proc/{pid}/status").read_text()
        if "\nState:\tZ" in status:
            return False
    return True
