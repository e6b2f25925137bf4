"""The application context handed to controllers, flows and dialogs instead of the main window.

A controller needs the open library, the background runner, the change bus, the settings, the
undo stack and a parent for its dialogs; it receives exactly these, so it never reaches into the
window (and the window's modules form no import cycle with its controllers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.ui.changes import ChangeBus
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from db.session import Library


class AppContext(QObject):
    status_message = Signal(str, int)
    """A short message for the status bar (text, milliseconds; 0: until replaced)."""
    library_changed = Signal()
    """Another library was opened (or the library closed)."""

    def __init__(self, settings: QSettings, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = runner
        self.parent_widget = parent
        self.bus = ChangeBus(self)
        self.undo_stack = QUndoStack(self)
        self._library: Library | None = None

    @property
    def library(self) -> Library | None:
        return self._library

    @library.setter
    def library(self, library: Library | None) -> None:
        self._library = library
        self.library_changed.emit()

    @property
    def reviewer(self) -> str | None:
        """The reviewer's name as set in the settings (None: not given)."""
        return str(self.settings.value("reviewer/name", "")).strip() or None

    def show_status(self, text: str, msecs: int = 5000) -> None:
        self.status_message.emit(text, msecs)
