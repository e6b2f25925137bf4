"""Starting the GUI: application object, translations, settings, main window, library."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, __version__
from desktop.core.resources import resource

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

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
    if not language.startswith("zh"):
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
    settings = QSettings()
    # The interface is Chinese unless the reviewer chose English in the settings.
    language = args.lang or str(settings.value("ui/language", "zh_CN"))
    install_translator(app, "zh_CN" if language.startswith("zh") else language)
    from desktop.ui.main_window import MainWindow
    from desktop.ui.recent_libraries import last_library
    from desktop.ui.tasks import TaskRunner

    window = MainWindow(settings, TaskRunner())
    location = args.library or last_library(settings)
    offer_samples = not args.no_samples
    window.first_painted.connect(lambda: start_library(window, location, offer_samples))
    window.show()
    return app, window


def run_gui(argv: list[str]) -> int:
    app, window = launch(argv)
    code = app.exec()
    window.runner.wait(10000)
    from desktop.core.importers import shutdown_workers

    shutdown_workers()
    return code


def start_library(window: object, location: str | None, offer_samples: bool = True) -> None:
    """Open the library off the GUI thread (migrations may run); import samples on first start."""
    from desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    from db.paths import default_library_path, is_server_location

    server = bool(location) and is_server_location(str(location))
    # A server address stays a string: Path() would fold its "//".
    path: str | Path = str(location) if server else (Path(location) if location else default_library_path())
    first_start = not server and not Path(path).exists()

    def work(_context: object) -> object:
        from db.session import open_library
        from desktop.core.metrics.store import default_catalog, ensure_current

        library = open_library(path)
        # Figures extracted with an older metric catalog are recomputed before the reviewer sees them.
        ensure_current(library.sessions, default_catalog())
        return library

    def opened(library: object) -> None:
        from db.session import Library

        assert isinstance(library, Library)
        window.set_library(library)
        if first_start and offer_samples:
            window.import_samples(quiet=True)

    def failed(error: BaseException, _trace: str) -> None:
        if window.team.open_failed(str(path), error):  # a team library that wants a password
            return
        QMessageBox.critical(window, "ReviewDesk", str(error))

    window.runner.run(work, opened, failed)
