"""The main window's team-library side: what this login may do (the UI disables the rest; the server
enforces it), other reviewers' changes shown as they are committed, and the connection dialog.

The change watcher (db/changes.py) runs in a thread of its own; its notices arrive here on the GUI
thread, are gathered for half a second, and then refresh the library list, the open report's
annotations and its review state (unless the reviewer is typing in it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar

    from db.changes import ChangeWatcher
    from db.postgres import Capabilities
    from db.session import Library
    from desktop.ui.context import AppContext

IMPORT_ACTIONS = ("import", "import_folder", "import_samples")
DELETE_ACTIONS = ("delete_reports", "show_bin")  # restoring from the bin imports
SETTLE_MS = 500


class TeamMode(QObject):
    changes_arrived = Signal(object)
    """Emitted from the watcher's thread (queued to the GUI thread): the tables that changed."""
    refreshed = Signal()

    def __init__(
        self,
        context: AppContext,
        status_bar: QStatusBar,
        selected_ids: Callable[[], list[int]],
        switch_library: Callable[[str], None],
    ) -> None:
        super().__init__(context)
        self.context, self.status_bar = context, status_bar
        self.selected_ids, self.switch_library = selected_ids, switch_library
        self.actions: dict[str, QAction] = {}
        """The window's actions by name (given once they exist): this login's rights switch them."""
        self.can_import = True
        self.capabilities: Capabilities | None = None
        self.watcher: ChangeWatcher | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._show_changes)
        self.changes_arrived.connect(lambda _tables: self._settle.start())
        self.badge = QLabel(status_bar)
        """Who is logged in to a team library, and as what (hidden for a library file)."""
        self.badge.setObjectName("teamRole")
        self.badge.hide()
        status_bar.addPermanentWidget(self.badge)

    # Opening and closing ------------------------------------------------------------------------

    def library_opened(self, library: Library) -> None:
        """Ask what this login may do (off the GUI thread) and start watching for others' changes."""
        from db.changes import ChangeWatcher

        self.library_closing()
        self.watcher = ChangeWatcher(library.engine, self.changes_arrived.emit)
        self.watcher.start()

        def work(_context: object) -> Capabilities:
            from db.postgres import capabilities

            with library.engine.connect() as connection:
                return capabilities(connection)

        self.context.runner.run(work, self._apply, lambda _e, _t: None)

    def library_closing(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        self._settle.stop()

    def _apply(self, capabilities: Capabilities) -> None:
        self.capabilities = capabilities
        self.can_import = capabilities.import_reports
        tip = QCoreApplication.translate("TeamMode", "您的账号是审阅人：导入和删除报告需要组长账号")
        allowed = dict.fromkeys(IMPORT_ACTIONS, capabilities.import_reports)
        allowed |= dict.fromkeys(DELETE_ACTIONS, capabilities.delete_reports)
        library = self.context.library
        for name, may in allowed.items():
            if library is not None and library.read_only:
                continue  # a library that cannot be written keeps the read-only banner's rule
            action = self.actions.get(name)
            if action is None:
                continue
            action.setEnabled(may)
            action.setToolTip("" if may else tip)  # empty: Qt's default, the action's text
        if library is not None and library.engine.dialect.name == "postgresql":
            role = {
                "lead": QCoreApplication.translate("TeamMode", "组长"),
                "reviewer": QCoreApplication.translate("TeamMode", "审阅人"),
                "reader": QCoreApplication.translate("TeamMode", "只读"),
            }[capabilities.role]
            text = QCoreApplication.translate("TeamMode", "团队资料库 · %1 · %2")
            self.status_bar.showMessage(text.replace("%1", capabilities.user).replace("%2", role), 8000)

    def refuse_import(self) -> bool:
        """True (and says why) when this login may not import into the library."""
        if self.can_import:
            return False
        message = QCoreApplication.translate("TeamMode", "您的账号是审阅人：导入和删除报告需要组长账号")
        self.status_bar.showMessage(message, 8000)
        return True

    # Others' changes ------------------------------------------------------------------------------

    def _show_changes(self) -> None:
        from desktop.ui.changes import Changes

        if self.context.library is None:
            return
        # Another reviewer's commit: the list, the open report's annotations, findings and review
        # state follow the notice (the review panel keeps what the reviewer is typing).
        self.context.bus.notify(Changes(annotations=True, review=True, findings=True), self)
        self.refreshed.emit()

    # Connecting -----------------------------------------------------------------------------------

    def connect_dialog(self, location: str = "", message: str = "") -> None:
        from desktop.ui.connection_dialog import ConnectionDialog

        dialog = ConnectionDialog(self.context.runner, location, message, self.context.parent_widget)
        if dialog.exec() and dialog.location:
            self.switch_library(dialog.location)

    def open_failed(self, location: str, error: BaseException) -> bool:
        """A team library that could not be opened for want of a password: ask for it (True)."""
        from db.paths import is_server_location
        from db.postgres import ServerError

        cause: Any = error.__cause__ if not isinstance(error, ServerError) else error
        if not is_server_location(location) or not isinstance(cause, ServerError):
            return False
        if cause.code not in ("password", "login"):
            return False
        self.connect_dialog(location, str(cause))
        return True
