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

It also serves what the installers register:

* **Open with.** The file manager (the .desktop entry's ``%F``) and Windows Explorer ("Open
  with" → ReviewDesk) start ``ReviewDesk FILE...``. Such files are imported into the library
  once the main window has opened it, exactly as if they had been dropped on the window.
* **Start-up probe.** With ``REVIEWDESK_STARTUP_PROBE=1`` the GUI prints
  ``reviewdesk-first-paint`` when the main window has painted and quits: the packaging check
  measures the installed app's launch-to-window time with it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

PDF_WORKER_FLAG = "--pdf-worker"
STARTUP_PROBE_ENV = "REVIEWDESK_STARTUP_PROBE"
FIRST_PAINT_MARK = "reviewdesk-first-paint"
# What the importers read; the installers register the first four for "Open with".
OPENABLE_SUFFIXES = (".docx", ".pdf", ".txt", ".html", ".htm", ".doc")
_GUI_OPTIONS_WITH_VALUE = ("--library", "--lang")


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


def _keep_matplotlib_cache() -> None:
    """Give matplotlib a lasting cache folder instead of the throw-away one PyInstaller sets.

    PyInstaller's run-time hook points ``MPLCONFIGDIR`` at a new temporary folder on every start
    (meant for one-file builds, whose paths change each run), so every session's first overview
    would scan all installed fonts again: seconds on a machine with many. The one-folder install
    keeps its paths, so the font list lives in the user's cache folder; matplotlib rebuilds it
    itself when its version changes or a font it lists is gone (an upgrade, an uninstalled font).
    """
    if not getattr(sys, "frozen", False):
        return
    from platformdirs import user_cache_path

    os.environ["MPLCONFIGDIR"] = str(user_cache_path("ReviewDesk", appauthor=False) / "matplotlib")


def split_open_files(args: list[str]) -> tuple[list[str], list[Path]]:
    """Separate report files given to the GUI (a double click, "Open with") from its options.

    A CLI sub-command or option keeps every argument as it is: ``ReviewDesk import a.docx``
    is the command line, not "open a.docx".
    """
    from desktop.cli import COMMANDS

    if not args or args[0] in COMMANDS or args[0] in ("-h", "--help", "--version", PDF_WORKER_FLAG):
        return list(args), []
    gui_args: list[str] = []
    files: list[Path] = []
    value_next = False
    for arg in args:
        if value_next or arg.startswith("-"):
            gui_args.append(arg)
            value_next = arg in _GUI_OPTIONS_WITH_VALUE
            continue
        path = Path(arg)
        if path.suffix.lower() in OPENABLE_SUFFIXES and path.is_file():
            files.append(path.resolve())
        else:
            gui_args.append(arg)
    return gui_args, files


def on_main_window(gui_args: list[str], callback: Callable[[Any], None]) -> None:
    """Call ``callback(window)`` when the GUI shows its main window.

    The application object is created here, before ``desktop.ui.app`` would create it (it takes
    the existing one), so the normal start-up path runs unchanged.
    """
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0], *gui_args])

    class Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Show
                and watched.isWidgetType()
                and hasattr(watched, "library_loaded")
                and hasattr(watched, "import_paths")
            ):
                app.removeEventFilter(self)
                callback(watched)
            return False

    watcher = Watcher(app)
    app.installEventFilter(watcher)


def import_when_open(window: Any, files: list[Path]) -> None:
    """Import ``files`` as soon as the window's library is open (it opens in the background)."""

    def loaded() -> None:
        if window.library is None:
            return
        window.library_loaded.disconnect(loaded)
        window.import_paths(list(files))

    window.library_loaded.connect(loaded)


def quit_at_first_paint(window: Any) -> None:
    """Print the first-paint mark and quit (the start-up probe)."""
    from PySide6.QtCore import QCoreApplication, QTimer

    def painted() -> None:
        print(FIRST_PAINT_MARK, flush=True)
        QTimer.singleShot(0, QCoreApplication.quit)

    window.first_painted.connect(painted)


def run() -> int:
    multiprocessing.freeze_support()
    _ensure_stdio()
    _restore_library_path()
    if sys.argv[1:2] != [PDF_WORKER_FLAG]:
        _keep_matplotlib_cache()
        gui_args, files = split_open_files(sys.argv[1:])
        probe = bool(os.environ.get(STARTUP_PROBE_ENV))
        if files or probe:
            sys.argv[1:] = gui_args

            def hooks(window: Any) -> None:
                if files:
                    import_when_open(window, files)
                if probe:
                    quit_at_first_paint(window)

            on_main_window(gui_args, hooks)
    entry = _load_entry(sys.argv)
    return _exit_code(entry())


if __name__ == "__main__":
    sys.exit(run())
