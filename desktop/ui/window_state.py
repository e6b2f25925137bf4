"""Remembering the window: geometry, toolbars, splitters and column widths, by name in the settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

DEFAULT_SIZE = (1200, 760)


def restore_layout(
    window: QMainWindow, settings: QSettings, splitters: dict[str, QSplitter], headers: dict[str, QHeaderView]
) -> None:
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(*DEFAULT_SIZE)
    state = settings.value("window/state")
    if state is not None:
        window.restoreState(state)
    for name, splitter in splitters.items():
        saved = settings.value(f"window/{name}")
        if saved is not None:
            splitter.restoreState(saved)
    for name, header in headers.items():
        saved = settings.value(f"window/{name}")
        if saved is not None:
            header.restoreState(saved)


def save_layout(
    window: QMainWindow, settings: QSettings, splitters: dict[str, QSplitter], headers: dict[str, QHeaderView]
) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    for name, splitter in splitters.items():
        settings.setValue(f"window/{name}", splitter.saveState())
    for name, header in headers.items():
        settings.setValue(f"window/{name}", header.saveState())
