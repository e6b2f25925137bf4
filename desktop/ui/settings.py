"""Every setting ReviewDesk keeps, declared once: key, type, default and range, with upgrade steps.

The settings file outlives versions of the program. Each setting is read through its declaration, so a
value that a hand edit or an older version left out of range comes back clamped to the range, and a
value of the wrong type comes back as the default. The file carries ``settings/version``; at start
:meth:`AppSettings.upgrade` runs the steps from the stored version to :data:`SETTINGS_VERSION` once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

SETTINGS_VERSION = 2
"""1: the keys before versioning (no ``settings/version``); 2: typed settings."""

VERSION_KEY = "settings/version"


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    def convert(self, raw: object) -> T:
        return raw  # type: ignore[return-value]


@dataclass(frozen=True)
class TextSetting(Setting[str]):
    choices: tuple[str, ...] = ()

    def convert(self, raw: object) -> str:
        text = raw if isinstance(raw, str) else self.default
        if self.choices and text not in self.choices:
            return self.default
        return text


@dataclass(frozen=True)
class IntSetting(Setting[int]):
    minimum: int = -(2**31)
    maximum: int = 2**31 - 1

    def convert(self, raw: object) -> int:
        try:
            value = int(str(raw)) if not isinstance(raw, int) else raw
        except ValueError:
            return self.default
        return max(self.minimum, min(self.maximum, value))


@dataclass(frozen=True)
class FloatSetting(Setting[float]):
    minimum: float = 0.0
    maximum: float = 1e9

    def convert(self, raw: object) -> float:
        try:
            value = float(str(raw))
        except ValueError:
            return self.default
        return max(self.minimum, min(self.maximum, value))


@dataclass(frozen=True)
class BoolSetting(Setting[bool]):
    def convert(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str):  # INI files store booleans as text
            return raw.strip().lower() in ("true", "1", "yes")
        return bool(raw) if isinstance(raw, int) else self.default


@dataclass(frozen=True)
class ListSetting(Setting[tuple[str, ...]]):
    limit: int = 100

    def convert(self, raw: object) -> tuple[str, ...]:
        if isinstance(raw, str):  # some back ends return a one-item list as a lone string
            raw = [raw]
        if not isinstance(raw, list | tuple):
            return self.default
        return tuple(str(item) for item in raw if item)[: self.limit]


@dataclass(frozen=True)
class BytesSetting(Setting[QByteArray | None]):
    """Saved Qt state (geometry, splitters, header columns): opaque bytes, ``None`` when absent."""

    def convert(self, raw: object) -> QByteArray | None:
        if isinstance(raw, QByteArray) and not raw.isEmpty():
            return raw
        if isinstance(raw, bytes) and raw:
            return QByteArray(raw)
        return None


# The declarations --------------------------------------------------------------------------------

REVIEWER_NAME = TextSetting("reviewer/name", "")
"""Recorded on annotations, review status, figure and finding decisions and the memo."""
REVIEWER_ASKED = BoolSetting("reviewer/asked", False)
"""The first-start question for the name was shown (answered or skipped): it is asked only once."""
LANGUAGE = TextSetting("ui/language", "zh_CN", choices=("zh_CN", "en"))
FONT_SIZE = IntSetting("view/font_size", 13, minimum=8, maximum=32)
IMPORT_DIR = TextSetting("import/last_dir", "")
EXPORT_DIR = TextSetting("export/last_dir", "")
RECENT_LIBRARIES = ListSetting("library/recent", (), limit=8)
LAST_REPORT_LIBRARY = TextSetting("session/last_report_library", "")
"""The library of the report open when the window last closed (the report reopens only in that library)."""
LAST_REPORT_ID = IntSetting("session/last_report_id", 0, minimum=0)
WINDOW_GEOMETRY = BytesSetting("window/geometry", None)
WINDOW_STATE = BytesSetting("window/state", None)
WINDOW_SCALE = FloatSetting("window/scale", 0.0, minimum=0.0, maximum=8.0)
"""The screen's device pixel ratio when the geometry was saved (0: unknown, saved by an older version)."""

LAYOUT_PREFIX = "window/"


def layout_setting(name: str) -> BytesSetting:
    """The saved state of one splitter or header of the window, ``window/<name>``."""
    return BytesSetting(LAYOUT_PREFIX + name, None)


ALL: tuple[Setting[Any], ...] = (
    REVIEWER_NAME,
    REVIEWER_ASKED,
    LANGUAGE,
    FONT_SIZE,
    IMPORT_DIR,
    EXPORT_DIR,
    RECENT_LIBRARIES,
    LAST_REPORT_LIBRARY,
    LAST_REPORT_ID,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    WINDOW_SCALE,
)


# Upgrade steps: each takes the file from version N-1 to N --------------------------------------


def _upgrade_to_2(settings: QSettings) -> None:
    """Version 1 wrote language codes as given (``zh``, ``zh-CN``, ``en_US``), a lone string for a
    one-entry recent list, and had no "asked for the name" flag: a reviewer who already set a name is
    not asked again."""
    language = settings.value(LANGUAGE.key)
    if isinstance(language, str) and language not in LANGUAGE.choices:
        settings.setValue(LANGUAGE.key, "zh_CN" if language.lower().startswith("zh") else "en")
    recent = settings.value(RECENT_LIBRARIES.key)
    if isinstance(recent, str):
        settings.setValue(RECENT_LIBRARIES.key, [recent])
    if str(settings.value(REVIEWER_NAME.key, "") or "").strip():
        settings.setValue(REVIEWER_ASKED.key, True)


UPGRADES: dict[int, Callable[[QSettings], None]] = {2: _upgrade_to_2}


class AppSettings(QSettings):
    """The application's QSettings, read and written through the declarations above."""

    @classmethod
    def of(cls, settings: QSettings) -> AppSettings:
        """The typed view of ``settings`` (the same file: QSettings objects of one process share it)."""
        if isinstance(settings, AppSettings):
            return settings
        return cls(settings.fileName(), settings.format())

    def get(self, setting: Setting[T]) -> T:
        raw = self.value(setting.key)
        return setting.default if raw is None else setting.convert(raw)

    def put(self, setting: Setting[T], value: T) -> None:
        converted = setting.convert(value)
        if isinstance(converted, tuple):
            self.setValue(setting.key, list(converted))
        else:
            self.setValue(setting.key, converted)

    def reset(self, setting: Setting[Any]) -> None:
        self.remove(setting.key)

    def stored_version(self) -> int:
        if self.value(VERSION_KEY) is not None:
            return IntSetting(VERSION_KEY, 1, minimum=1).convert(self.value(VERSION_KEY))
        # A file without a version is either new (nothing to upgrade) or from version 1.
        return 1 if self.allKeys() else SETTINGS_VERSION

    def upgrade(self) -> int:
        """Run the upgrade steps the file has not had yet; returns the version it started at."""
        start = self.stored_version()
        for version in range(start + 1, SETTINGS_VERSION + 1):
            step = UPGRADES.get(version)
            if step is not None:
                step(self)
        self.setValue(VERSION_KEY, max(start, SETTINGS_VERSION))
        return start

    # Convenience for the values asked for in many places.

    def reviewer(self) -> str | None:
        """The reviewer's name, or ``None`` when not set (work is then recorded as unsigned)."""
        return self.get(REVIEWER_NAME).strip() or None
