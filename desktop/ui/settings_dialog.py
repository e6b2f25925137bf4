"""Settings: the reviewer's name (recorded on annotations), interface language, text size."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
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

LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "设置"))
        self.settings = settings
        self.reviewer = QLineEdit(str(settings.value("reviewer/name", "")), self)
        self.reviewer.setObjectName("reviewerName")
        self.reviewer.setPlaceholderText(
            QCoreApplication.translate("SettingsDialog", "记录在每条批注上，例如：张三")
        )
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for key, label in LANGUAGES:
            self.language.addItem(label, key)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.value("ui/language", "zh_CN"))))
        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("fontSize")
        self.font_size.setRange(8, 32)
        self.font_size.setValue(int(str(settings.value("view/font_size", 13))))
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
        self.settings.setValue("reviewer/name", self.reviewer.text().strip())
        self.settings.setValue("ui/language", self.language.currentData())
        self.settings.setValue("view/font_size", self.font_size.value())
        self.accept()
