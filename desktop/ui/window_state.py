"""Remembering the window: geometry, toolbars, splitters and column widths, by name in the settings.

A geometry saved on a screen with another scale factor (150 % on a laptop, 100 % on a monitor) is
restored at the same physical size (but not below the first-start size) and then kept inside the
screen's available area: the window never opens larger than the screen or with its title bar out
of reach.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from desktop.ui.settings import WINDOW_GEOMETRY, WINDOW_SCALE, WINDOW_STATE, AppSettings, layout_setting

DEFAULT_SIZE = (1200, 760)


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
        if saved is not None:
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
    settings.put(WINDOW_GEOMETRY, window.saveGeometry())
    screen = window.screen()
    settings.put(WINDOW_SCALE, screen.devicePixelRatio() if screen is not None else 0.0)
    settings.put(WINDOW_STATE, window.saveState())
    for name, splitter in splitters.items():
        settings.put(layout_setting(name), splitter.saveState())
    for name, header in headers.items():
        settings.put(layout_setting(name), header.saveState())
