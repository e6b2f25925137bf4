"""Remembering the window: geometry, toolbars, splitters, column widths and side panels, by name in the settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

DEFAULT_SIZE = (1200, 760)
LAYOUT_VERSION = 2
"""Raised when the panes change; a splitter remembered under an older layout is not restored."""
SPLITTERS_SINCE = {"splitter": 2, "report_splitter": 2}
"""The layout version each splitter's remembered state needs (version 1 squeezed the report text)."""


def saved_version(settings: QSettings) -> int:
    try:
        return int(str(settings.value("window/layout_version", 1)))
    except ValueError:
        return 1


def remembered_splitters(settings: QSettings, names: tuple[str, ...]) -> bool:
    """Whether every one of these splitters has a state the current layout can use."""
    version = saved_version(settings)
    return all(
        settings.value(f"window/{name}") is not None and version >= SPLITTERS_SINCE.get(name, 1)
        for name in names
    )


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
        if remembered_splitters(settings, (name,)):
            splitter.restoreState(settings.value(f"window/{name}"))
    for name, header in headers.items():
        saved = settings.value(f"window/{name}")
        if saved is not None:
            header.restoreState(saved)


def save_layout(
    window: QMainWindow, settings: QSettings, splitters: dict[str, QSplitter], headers: dict[str, QHeaderView]
) -> None:
    settings.setValue("window/layout_version", LAYOUT_VERSION)
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    for name, splitter in splitters.items():
        settings.setValue(f"window/{name}", splitter.saveState())
    for name, header in headers.items():
        settings.setValue(f"window/{name}", header.saveState())


def load_panels(settings: QSettings, names: tuple[str, ...]) -> dict[str, bool]:
    """Which side panels the reviewer wants shown (all, until one is hidden)."""
    return {name: str(settings.value(f"window/show_{name}", "true")).lower() != "false" for name in names}


def save_panels(settings: QSettings, shown: dict[str, bool]) -> None:
    for name, wanted in shown.items():
        settings.setValue(f"window/show_{name}", wanted)
