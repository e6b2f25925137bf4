"""The reviewer's name, asked once on first start: it signs annotations, review status and the memo."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.settings import REVIEWER_ASKED, REVIEWER_NAME, AppSettings


class ReviewerDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewerDialog")
        self.setWindowTitle(QCoreApplication.translate("ReviewerDialog", "审阅人"))
        self.settings = settings
        intro = QLabel(
            QCoreApplication.translate(
                "ReviewerDialog",
                "请输入您的姓名。它会记录在您的批注、审阅状态和审查意见上；以后可在“设置”中修改。",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(settings.get(REVIEWER_NAME), self)
        self.name.setObjectName("reviewerNameEdit")
        self.name.setPlaceholderText(QCoreApplication.translate("ReviewerDialog", "例如：张三"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ReviewerDialog", "以后再说")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.finished.connect(self._finished)

    def _finished(self, result: int) -> None:
        # Skipping also counts as asked: the question comes once, the name stays editable in 设置.
        self.settings.put(REVIEWER_ASKED, True)
        if result == QDialog.DialogCode.Accepted and self.name.text().strip():
            self.settings.put(REVIEWER_NAME, self.name.text().strip())


def ask_reviewer_once(settings: AppSettings, parent: QWidget) -> ReviewerDialog | None:
    """Show the question (without blocking the start) unless it was asked before or a name is set."""
    if settings.get(REVIEWER_ASKED) or settings.reviewer():
        return None
    dialog = ReviewerDialog(settings, parent)
    dialog.open()
    return dialog
