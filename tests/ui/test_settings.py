"""Typed settings: defaults, ranges, upgrades from older files, and the settings the window keeps."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.settings import (
    ALL,
    FONT_SIZE,
    LANGUAGE,
    RECENT_LIBRARIES,
    REVIEWER_ASKED,
    REVIEWER_NAME,
    SETTINGS_VERSION,
    VERSION_KEY,
    WINDOW_GEOMETRY,
    WINDOW_SCALE,
    AppSettings,
)
from desktop.ui.window_state import clamp_rect, restore_layout


def settings_file(tmp_path: Path) -> AppSettings:
    return AppSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_every_setting_reads_its_default_from_an_empty_file(tmp_path: Path) -> None:
    settings = settings_file(tmp_path)
    assert len({setting.key for setting in ALL}) == len(ALL)
    for setting in ALL:
        assert settings.get(setting) == setting.default
    assert settings.get(FONT_SIZE) == 13
    assert settings.get(LANGUAGE) == "zh_CN"
    assert settings.reviewer() is None


def test_values_out_of_range_or_of_the_wrong_type_are_clamped_or_defaulted(tmp_path: Path) -> None:
    settings = settings_file(tmp_path)
    settings.setValue(FONT_SIZE.key, 99)
    assert settings.get(FONT_SIZE) == 32
    settings.setValue(FONT_SIZE.key, "3")
    assert settings.get(FONT_SIZE) == 8
    settings.setValue(FONT_SIZE.key, "large")
    assert settings.get(FONT_SIZE) == 13
    settings.setValue(LANGUAGE.key, "fr")
    assert settings.get(LANGUAGE) == "zh_CN"
    settings.put(FONT_SIZE, 1000)
    assert settings.value(FONT_SIZE.key) == 32
    settings.put(RECENT_LIBRARIES, tuple(f"/tmp/{n}.sqlite" for n in range(20)))
    assert len(settings.get(RECENT_LIBRARIES)) == 8


def test_values_survive_a_round_trip_through_the_file(tmp_path: Path) -> None:
    settings = settings_file(tmp_path)
    settings.put(REVIEWER_NAME, "张三")
    settings.put(REVIEWER_ASKED, True)
    settings.put(RECENT_LIBRARIES, ("/a/one.sqlite",))
    settings.sync()
    again = settings_file(tmp_path)
    assert again.get(REVIEWER_NAME) == "张三"
    assert again.get(REVIEWER_ASKED) is True
    assert again.get(RECENT_LIBRARIES) == ("/a/one.sqlite",)


def test_a_file_of_the_first_version_is_upgraded_once(tmp_path: Path) -> None:
    old = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    old.setValue("ui/language", "en_US")
    old.setValue("reviewer/name", "李四")
    old.setValue("library/recent", "/home/li/review.sqlite")
    old.setValue("view/font_size", 15)
    old.sync()
    settings = settings_file(tmp_path)
    assert settings.stored_version() == 1
    assert settings.upgrade() == 1
    assert settings.get(LANGUAGE) == "en"
    assert settings.get(RECENT_LIBRARIES) == ("/home/li/review.sqlite",)
    assert settings.get(REVIEWER_ASKED) is True  # a reviewer with a name is not asked again
    assert settings.get(FONT_SIZE) == 15
    assert int(settings.value(VERSION_KEY)) == SETTINGS_VERSION
    assert settings.upgrade() == SETTINGS_VERSION  # nothing runs twice


def test_a_first_version_file_without_a_name_still_asks_for_it(tmp_path: Path) -> None:
    old = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    old.setValue("ui/language", "zh")
    old.sync()
    settings = settings_file(tmp_path)
    settings.upgrade()
    assert settings.get(LANGUAGE) == "zh_CN"
    assert settings.get(REVIEWER_ASKED) is False


def test_a_new_file_starts_at_the_current_version(tmp_path: Path) -> None:
    settings = settings_file(tmp_path)
    assert settings.upgrade() == SETTINGS_VERSION


def test_a_rect_larger_than_the_screen_is_clamped_inside_it() -> None:
    available = QRect(0, 0, 1280, 720)
    assert clamp_rect(QRect(-50, 600, 1800, 1100), available) == QRect(0, 0, 1280, 720)
    assert clamp_rect(QRect(900, 500, 600, 400), available) == QRect(680, 320, 600, 400)
    assert clamp_rect(QRect(10, 10, 600, 400), available) == QRect(10, 10, 600, 400)


def test_a_window_saved_at_another_scale_opens_inside_the_screen(qtbot: QtBot, tmp_path: Path) -> None:
    saved = QMainWindow()
    qtbot.addWidget(saved)
    screen = saved.screen().availableGeometry()
    saved.setGeometry(screen.x() + 10, screen.y() + 10, screen.width() // 2, screen.height() // 2)
    settings = settings_file(tmp_path)
    settings.put(WINDOW_GEOMETRY, saved.saveGeometry())
    # Saved where one pixel was 3 device pixels, restored where it is 1: the same physical size
    # would be 1.5 screens wide, so the window is kept to the screen.
    settings.put(WINDOW_SCALE, saved.screen().devicePixelRatio() * 3)
    restored = QMainWindow()
    qtbot.addWidget(restored)
    restore_layout(restored, settings, {}, {})
    frame = restored.geometry()
    assert frame.width() <= screen.width() and frame.height() <= screen.height()
    assert screen.contains(frame.topLeft())
    assert frame.width() > screen.width() // 2  # the physical size was kept up to the screen's edge


def test_settings_dialog_saves_the_reviewer_and_every_child_fits(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.ui.settings_dialog import SettingsDialog

    settings = settings_file(tmp_path)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    inside = dialog.rect()
    for child in dialog.findChildren(QWidget):
        if child.isVisible() and child.parentWidget() is dialog:
            assert inside.contains(child.geometry()), child.objectName()
            assert child.width() >= child.minimumSizeHint().width(), child.objectName()
    hint = dialog.reviewer.fontMetrics().horizontalAdvance(dialog.reviewer.placeholderText())
    assert dialog.reviewer.width() > hint  # the hint shows whole
    dialog.reviewer.setText("  王五 ")
    dialog.font_size.setValue(18)
    dialog.save()
    assert settings.reviewer() == "王五"
    assert settings.get(FONT_SIZE) == 18


def test_a_window_saved_at_a_smaller_scale_does_not_shrink_below_the_first_start_size(
    qtbot: QtBot, tmp_path: Path
) -> None:
    saved = QMainWindow()
    qtbot.addWidget(saved)
    screen = saved.screen().availableGeometry()
    saved.setGeometry(screen.x(), screen.y(), min(1000, screen.width()), min(700, screen.height()))
    settings = settings_file(tmp_path)
    settings.put(WINDOW_GEOMETRY, saved.saveGeometry())
    settings.put(WINDOW_SCALE, saved.screen().devicePixelRatio() / 2)
    restored = QMainWindow()
    qtbot.addWidget(restored)
    restore_layout(restored, settings, {}, {})
    frame = restored.geometry()
    assert frame.width() >= min(1200, screen.width()) and frame.height() >= min(760, screen.height())
    assert screen.contains(frame)
