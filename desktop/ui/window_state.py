"""Remembering the window: geometry, toolbars, splitters, column widths and side panels, by name in the settings.

A geometry saved on a screen with another scale factor (150 % on a laptop, 100 % on a monitor) is
restored at the same physical size (but not below the first-start size) and then kept inside the
screen's available area: the window never opens larger than the screen or with its title bar out
of reach.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from desktop.ui.settings import WINDOW_GEOMETRY, WINDOW_SCALE, WINDOW_STATE, AppSettings, layout_setting

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
    window: QMainWindow,
    settings: AppSettings,
    splitters: dict[str, QSplitter],
    headers: dict[str, QHeaderView],
) -> None:
    geometry = settings.get(WINDOW_GEOMETRY)
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(*DEFAULT_SIZE)
    else:
        fit_to_screen(window, settings.get(WINDOW_SCALE))
    state = settings.get(WINDOW_STATE)
    if state is not None:
        window.restoreState(state)
    for name, splitter in splitters.items():
        saved = settings.get(layout_setting(name))
        if saved is not None and remembered_splitters(settings, (name,)):
            splitter.restoreState(saved)
    for name, header in headers.items():
        saved = settings.get(layout_setting(name))
        if saved is not None:
            header.restoreState(saved)


def fit_to_screen(window: QMainWindow, saved_scale: float) -> None:
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    if window.isMaximized() or window.isFullScreen():
        return
    frame = window.geometry()
    scale = screen.devicePixelRatio()
    if saved_scale > 0 and abs(saved_scale - scale) > 0.01:
        # Same physical size: a 1200-pixel window saved at 150 % covered 1800 device pixels.
        factor = saved_scale / scale
        frame.setSize(frame.size() * factor)
        # Never smaller than the first-start size (a window saved at 100 % opened at 200 % would halve).
        frame.setSize(frame.size().expandedTo(QSize(*DEFAULT_SIZE)))
    frame = clamp_rect(frame, available)
    window.resize(frame.size())
    window.move(frame.topLeft())


def clamp_rect(frame: QRect, available: QRect) -> QRect:
    """``frame`` made no larger than ``available`` and moved inside it."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    left = min(max(frame.left(), available.left()), available.right() - width + 1)
    top = min(max(frame.top(), available.top()), available.bottom() - height + 1)
    return QRect(left, top, width, height)


def save_layout(
    window: QMainWindow,
    settings: AppSettings,
    splitters: dict[str, QSplitter],
    headers: dict[str, QHeaderView],
) -> None:
    settings.setValue("window/layout_version", LAYOUT_VERSION)
    settings.put(WINDOW_GEOMETRY, window.saveGeometry())
    screen = window.screen()
    settings.put(WINDOW_SCALE, screen.devicePixelRatio() if screen is not None else 0.0)
    settings.put(WINDOW_STATE, window.saveState())
    for name, splitter in splitters.items():
        settings.put(layout_setting(name), splitter.saveState())
    for name, header in headers.items():
        settings.put(layout_setting(name), header.saveState())


def load_panels(settings: QSettings, names: tuple[str, ...]) -> dict[str, bool]:
    """Which side panels the reviewer wants shown (all, until one is hidden)."""
    return {name: str(settings.value(f"window/show_{name}", "true")).lower() != "false" for name in names}


def save_panels(settings: QSettings, shown: dict[str, bool]) -> None:
    for name, wanted in shown.items():
        settings.setValue(f"window/show_{name}", wanted)
