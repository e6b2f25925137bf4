"""Entry script for the frozen (PyInstaller) ReviewDesk build.

``packaging/reviewdesk.spec`` freezes this file; source installs use the
``reviewdesk`` console script (``desktop.main:main``) instead.

Besides the normal CLI/GUI dispatch of ``desktop.main:main`` it handles the two
ways a frozen executable is re-launched as a child process:

* ``ReviewDesk --pdf-worker`` runs the persistent PDF import worker
  (``desktop.core.importers.pdf_worker.main``). In a source install the importer
  starts ``[sys.executable, "-m", "desktop.core.importers.pdf_worker"]``; a frozen
  app has no interpreter to take ``-m``, so the importer must start
  ``[sys.executable, "--pdf-worker"]`` when ``getattr(sys, "frozen", False)``.
* ``multiprocessing`` children (spawn/forkserver) are intercepted by
  ``multiprocessing.freeze_support()`` before anything else runs.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable

PDF_WORKER_FLAG = "--pdf-worker"


def _exit_code(result: object) -> int:
    """Map whatever an entry point returned to a process exit status."""
    if result is None:
        return 0
    if isinstance(result, bool):
        return int(result)
    if isinstance(result, int):
        return result
    print(result, file=sys.stderr)
    return 1


def _load_entry(argv: list[str]) -> Callable[[], object]:
    """Pick the entry point for ``argv``; imports are lazy so the worker starts without Qt."""
    if argv[1:2] == [PDF_WORKER_FLAG]:
        del argv[1]  # the worker sees the same argv as under ``python -m``
        from desktop.core.importers import pdf_worker

        return pdf_worker.main
    from desktop.main import main

    return main


def _ensure_stdio() -> None:
    """A windowed Windows executable has ``sys.stdout``/``sys.stderr`` = None; give them a sink."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives for the process


def _restore_library_path() -> None:
    """Keep the bundle's private library path away from external programs we start.

    On Linux the PyInstaller bootloader points ``LD_LIBRARY_PATH`` at ``_internal/``
    (saving any previous value as ``LD_LIBRARY_PATH_ORIG``). This process has already
    resolved its libraries, but children inherit the variable: LibreOffice (``.doc``
    import) or ``xdg-open`` would then load our copies of libstdc++, OpenSSL, SQLite ...
    and may crash. Our own frozen children (``--pdf-worker``) set it up again themselves.
    """
    if not getattr(sys, "frozen", False) or sys.platform == "win32":
        return
    current = os.environ.get("LD_LIBRARY_PATH")
    if current is None:
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        os.environ["LD_LIBRARY_PATH"] = original
    elif current.split(os.pathsep)[0] == getattr(sys, "_MEIPASS", None):
        del os.environ["LD_LIBRARY_PATH"]


def run() -> int:
    multiprocessing.freeze_support()
    _ensure_stdio()
    _restore_library_path()
    entry = _load_entry(sys.argv)
    return _exit_code(entry())


if __name__ == "__main__":
    sys.exit(run())
