"""Starting the GUI: application object, translations, settings, main window, library."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, __version__
from desktop.core.resources import resource

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.single_instance import LibraryLock

log = logging.getLogger("reviewdesk")


def parse_gui_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="reviewdesk", add_help=False)
    parser.add_argument("--library", metavar="PATH")
    parser.add_argument("--no-samples", action="store_true", help="首次启动时不导入示例报告")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=None)
    args, _unknown = parser.parse_known_args(argv)
    return args


def install_translator(app: QApplication, language: str) -> list[QTranslator]:
    """Source strings are Simplified Chinese; other languages come from ``resources/i18n``.

    Qt's own dialogs (buttons such as Close, file dialogs) use Qt's shipped translations.
    """
    installed = []
    qt_translator = QTranslator(app)
    qt_name = "qtbase_zh_CN" if language.startswith("zh") else f"qtbase_{language}"
    if qt_translator.load(qt_name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    if language.startswith("zh"):
        # Qt's shipped Chinese leaves a few of its file dialog's labels in English.
        supplement = QTranslator(app)
        extra = resource("i18n", "qt_supplement_zh_CN.qm")
        if extra.is_file() and supplement.load(str(extra)):
            app.installTranslator(supplement)
            installed.append(supplement)
    else:
        translator = QTranslator(app)
        qm = resource("i18n", f"reviewdesk_{language}.qm")
        if qm.is_file() and translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("reviewdesk")
    icon = resource("icons", "reviewdesk-256.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def launch(argv: list[str]) -> tuple[QApplication, MainWindow]:
    """Show the main window; the library opens in the background once the window has painted.

    Nothing that loads the ORM, jieba or the PDF library runs before then (see benchmarks/ui_bench.py).
    """
    args = parse_gui_args(argv)
    app = create_application(argv)
    from desktop.ui.settings import LANGUAGE, AppSettings

    settings = AppSettings()
    settings.upgrade()
    # The interface is Chinese unless the reviewer chose English in the settings.
    language = args.lang or settings.get(LANGUAGE)
    install_translator(app, "zh_CN" if language.startswith("zh") else language)
    from desktop.ui.main_window import MainWindow
    from desktop.ui.recent_libraries import last_library
    from desktop.ui.tasks import TaskRunner

    window = MainWindow(settings, TaskRunner())
    location = args.library or last_library(settings)
    offer_samples = not args.no_samples
    # A library named on the command line is for this run: it joins neither the recent list nor the
    # library opened at the next start.
    remember = args.library is None
    window.first_painted.connect(lambda: start_library(window, location, offer_samples, remember))
    window.first_painted.connect(window.ask_reviewer_once)
    window.show()
    return app, window


def run_gui(argv: list[str]) -> int:
    from desktop.logs import configure_logging
    from desktop.ui.storage_errors import install_excepthook

    configure_logging()
    args = parse_gui_args(argv)
    create_application(argv)
    lock = claim_library(args.library or _last_library())
    if lock is None:
        return 0  # the window that has the library came forward instead
    app, window = launch(argv)
    if not isinstance(lock, bool):
        window.care.adopt(lock)
    install_excepthook()
    code = app.exec()
    window.runner.wait(10000)
    window.care.final_backup()
    window.care.shutdown()
    from desktop.core.importers import shutdown_workers

    shutdown_workers()
    return code


def _last_library() -> str | None:
    from desktop.ui.recent_libraries import last_library
    from desktop.ui.settings import AppSettings

    return last_library(AppSettings())


def claim_library(location: str | None) -> LibraryLock | bool | None:
    """Before any window: take the library's lock. ``None`` when another window has it (it was
    asked to come forward, or the reviewer was told why not); ``True`` for a server library."""
    from db.paths import default_library_path
    from desktop.ui.single_instance import LibraryLock, ask_holder_to_raise, library_file

    path = library_file(location) if location else default_library_path()
    if path is None:
        return True
    lock = LibraryLock(path)
    if lock.acquire():
        return lock
    if ask_holder_to_raise(path):
        sys.stderr.write(
            QCoreApplication.translate("App", "该资料库已在另一个 ReviewDesk 窗口中打开，已切换到那个窗口。")
            + "\n"
        )
        return None
    from desktop.ui.single_instance import other_window_message

    QMessageBox.critical(None, "ReviewDesk", other_window_message(lock))
    return None


def start_library(
    window: object, location: str | None, offer_samples: bool = True, remember: bool = True
) -> None:
    """Open the library off the GUI thread (migrations may run); import samples on first start."""
    from desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    from db.paths import default_library_path, is_server_location

    server = bool(location) and is_server_location(str(location))
    # A server address stays a string: Path() would fold its "//".
    path: str | Path = str(location) if server else (Path(location) if location else default_library_path())
    first_start = not server and not Path(path).exists()
    if not window.care.hold(path):
        return

    def work(_context: object) -> object:
        from db.session import open_library
        from desktop.core.metrics.store import default_catalog, ensure_current

        library = open_library(path)
        if not library.read_only:
            # Figures extracted with an older metric catalog are recomputed before the reviewer sees them.
            ensure_current(library.sessions, default_catalog())
        return library

    def opened(library: object) -> None:
        from db.session import Library

        assert isinstance(library, Library)
        window.set_library(library, remember=remember)
        if first_start and offer_samples:
            window.import_samples(quiet=True)

    def failed(error: BaseException, _trace: str) -> None:
        if window.team.open_failed(str(path), error):  # a team library that wants a password
            return
        from db.session import LibraryDamaged

        if isinstance(error, LibraryDamaged):
            window.care.offer_restore(error)
            return
        from db.errors import is_storage_error
        from desktop.ui.storage_errors import show_storage_error, storage_message

        message = storage_message(error) if is_storage_error(error) else str(error)
        show_storage_error(window, message, QCoreApplication.translate("App", "无法打开资料库"))

    window.runner.run(work, opened, failed)
