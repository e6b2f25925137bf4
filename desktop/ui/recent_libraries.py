"""File → 最近的资料库: the libraries this reviewer opened lately, most recent first: files, and team
libraries as their server addresses (never with a password)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from db.paths import is_server_location, without_password
from desktop.ui.settings import RECENT_LIBRARIES, AppSettings


def recent_libraries(settings: AppSettings) -> list[str]:
    entries: tuple[str, ...] = settings.get(RECENT_LIBRARIES)
    return list(entries)


def remember_library(settings: AppSettings, location: str) -> None:
    location = without_password(location) if is_server_location(location) else location
    entries = [location, *(item for item in recent_libraries(settings) if item != location)]
    settings.put(RECENT_LIBRARIES, tuple(entries))


def last_library(settings: AppSettings) -> str | None:
    """The library to reopen at start: the last one used, while its file still exists."""
    entries = recent_libraries(settings)
    if entries and (is_server_location(entries[0]) or Path(entries[0]).is_file()):
        return entries[0]
    return None


def choose_library(parent: QWidget, current: str, switch: Callable[[str], None]) -> None:
    """Open another library file, or create one (a reviewer may keep one per review round);
    ``current``: the open library's URL, ``switch``: opens the chosen one."""
    start = current.removeprefix("sqlite:///") if current.startswith("sqlite:///") else str(Path.home())
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("RecentLibrariesMenu", "打开或新建资料库"),
        start,
        QCoreApplication.translate("RecentLibrariesMenu", "ReviewDesk 资料库 (*.sqlite);;所有文件 (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if name:
        switch(name)


class RecentLibrariesMenu(QMenu):
    """Rebuilt each time it opens, so it always matches the settings (another window may have changed them)."""

    def __init__(self, settings: AppSettings, open_library: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(QCoreApplication.translate("RecentLibrariesMenu", "最近的资料库(&R)"), parent)
        self.setObjectName("recentLibrariesMenu")
        self.settings = settings
        self.open_library = open_library
        self.aboutToShow.connect(self.rebuild)

    def rebuild(self) -> None:
        self.clear()
        entries = recent_libraries(self.settings)
        for number, location in enumerate(entries, start=1):
            missing = not is_server_location(location) and not Path(location).exists()
            action = self.addAction(f"&{number} {location}")
            action.setEnabled(not missing)
            action.triggered.connect(lambda _checked=False, where=location: self.open_library(where))
        if not entries:
            empty = self.addAction(QCoreApplication.translate("RecentLibrariesMenu", "（无）"))
            empty.setEnabled(False)
            return
        self.addSeparator()
        self.addAction(QCoreApplication.translate("RecentLibrariesMenu", "清除列表"), self.clear_entries)

    def clear_entries(self) -> None:
        self.settings.reset(RECENT_LIBRARIES)
