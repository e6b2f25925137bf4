"""Settings: the reviewer's name (recorded on annotations), interface language, text size."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.ui.settings import FONT_SIZE, LANGUAGE, REVIEWER_ASKED, REVIEWER_NAME, AppSettings

LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "设置"))
        self.settings = settings
        self.reviewer = QLineEdit(settings.get(REVIEWER_NAME), self)
        self.reviewer.setObjectName("reviewerName")
        self.reviewer.setPlaceholderText(
            QCoreApplication.translate("SettingsDialog", "记录在每条批注上，例如：张三")
        )
        # Wide enough for the hint in either language (a clipped hint reads as a different one).
        hint_width = self.reviewer.fontMetrics().horizontalAdvance(self.reviewer.placeholderText())
        self.reviewer.setMinimumWidth(hint_width + 32)
        self.setMinimumWidth(440)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for key, label in LANGUAGES:
            self.language.addItem(label, key)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))
        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("fontSize")
        self.font_size.setRange(FONT_SIZE.minimum, FONT_SIZE.maximum)
        self.font_size.setValue(settings.get(FONT_SIZE))
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("SettingsDialog", "审阅人"), self.reviewer)
        form.addRow(QCoreApplication.translate("SettingsDialog", "界面语言"), self.language)
        form.addRow(
            "", QLabel(QCoreApplication.translate("SettingsDialog", "更改语言后重新启动生效。"), self)
        )
        form.addRow(QCoreApplication.translate("SettingsDialog", "正文字号"), self.font_size)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        self.settings.put(REVIEWER_NAME, self.reviewer.text().strip())
        self.settings.put(REVIEWER_ASKED, True)
        self.settings.put(LANGUAGE, str(self.language.currentData()))
        self.settings.put(FONT_SIZE, self.font_size.value())
        self.accept()
