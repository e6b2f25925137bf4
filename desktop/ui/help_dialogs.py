"""Help → 使用指南 (the user guide bundled with the program, read offline) and 键盘快捷键.

The shortcut list is built from the window's actions when it opens, so it always shows the keys the
menus really have.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.resources import resource


def guide_text(language: str) -> str:
    name = "user_guide.zh_CN.md" if language.startswith("zh") else "user_guide.en.md"
    return resource("guide", name).read_text(encoding="utf-8")


def _closing_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons


class UserGuideDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.setWindowTitle(QCoreApplication.translate("HelpDialogs", "使用指南"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("userGuide")
        self.browser.setOpenLinks(False)  # offline: the guide links nowhere
        self.browser.setMarkdown(guide_text(language))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(_closing_buttons(self))
        self.resize(680, 620)


def command_name(text: str) -> str:
    """A menu text without its mnemonic (``导入报告(&I)…`` → ``导入报告``, ``&Open…`` → ``Open``)."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").removesuffix("…").strip()


_DEDICATED = {Qt.Key.Key_Open, Qt.Key.Key_Undo, Qt.Key.Key_Redo, Qt.Key.Key_Find, Qt.Key.Key_Copy}
_DEDICATED |= {Qt.Key.Key_Paste, Qt.Key.Key_Cut, Qt.Key.Key_Help}


def _dedicated_key(sequence: QKeySequence) -> bool:
    """Keys of special keyboards (Open, Undo, F14…) that standard bindings add on X11: not worth listing."""
    key = sequence[0].key()  # type: ignore[index]
    return key in _DEDICATED or Qt.Key.Key_F13.value <= key.value <= Qt.Key.Key_F35.value


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(command, keys) for every action with a shortcut, in menu order, keys as this system shows them."""
    rows = []
    for action in actions:
        keys = [
            k.toString(QKeySequence.SequenceFormat.NativeText)
            for k in action.shortcuts()
            if not k.isEmpty() and not _dedicated_key(k)
        ]
        if keys:
            rows.append((command_name(action.text()), "  /  ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(QCoreApplication.translate("HelpDialogs", "键盘快捷键"))
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("HelpDialogs", "命令"),
                QCoreApplication.translate("HelpDialogs", "快捷键"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (command, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(command))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(_closing_buttons(self))
        self.resize(520, 560)
