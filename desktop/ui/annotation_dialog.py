"""Adding or editing an annotation: category, severity, status and comment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.annotations.taxonomy import Taxonomy, Term
from desktop.ui.labels import label


def swatch(color: str | None) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color or "#999999"))
    return QIcon(pixmap)


def _combo(parent: QWidget, terms: tuple[Term, ...], current: str, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for term in terms:
        combo.addItem(swatch(term.color) if term.color else QIcon(), label(term.label), term.key)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    return combo


class AnnotationDialog(QDialog):
    def __init__(
        self,
        taxonomy: Taxonomy,
        quote: str,
        values: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationDialog")
        editing = values is not None
        values = values or {}
        self.setWindowTitle(
            QCoreApplication.translate("AnnotationDialog", "修改批注")
            if editing
            else QCoreApplication.translate("AnnotationDialog", "添加批注")
        )
        quote_label = QLabel(f"“{quote if len(quote) <= 120 else quote[:120] + '…'}”", self)
        quote_label.setWordWrap(True)
        quote_label.setStyleSheet("color:#555")
        first = taxonomy.categories[0].key if taxonomy.categories else ""
        self.category = _combo(self, taxonomy.categories, values.get("category", first), "categoryCombo")
        self.severity = _combo(
            self, taxonomy.severities, values.get("severity", taxonomy.default_severity), "severityCombo"
        )
        self.status = _combo(
            self, taxonomy.statuses, values.get("status", taxonomy.default_status), "statusCombo"
        )
        self.comment = QPlainTextEdit(values.get("comment", ""), self)
        self.comment.setObjectName("commentEdit")
        # Tab moves to the buttons (a comment has no use for tab characters); Ctrl+Enter saves.
        self.comment.setTabChangesFocus(True)
        self.comment.installEventFilter(self)
        self.comment.setPlaceholderText(QCoreApplication.translate("AnnotationDialog", "写下问题和修改建议…"))
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("AnnotationDialog", "类别"), self.category)
        form.addRow(QCoreApplication.translate("AnnotationDialog", "严重程度"), self.severity)
        if editing:
            form.addRow(QCoreApplication.translate("AnnotationDialog", "状态"), self.status)
        else:
            # A new annotation is always 未处理: the box stays out of the layout and out of sight.
            self.status.hide()
        form.addRow(QCoreApplication.translate("AnnotationDialog", "意见"), self.comment)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(quote_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.editing = editing
        self.quote_label = quote_label
        self.comment.setFocus()
        self.resize(520, 360)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.comment
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def values(self) -> dict[str, Any]:
        result = {
            "category": self.category.currentData(),
            "severity": self.severity.currentData(),
            "comment": self.comment.toPlainText().strip(),
        }
        if self.editing:
            result["status"] = self.status.currentData()
        return result
