"""The review panel: a report's review status and overall conclusion, saved as they change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from desktop.core.annotations.workflow import REVIEW_STATUSES
from desktop.ui.labels import review_label

if TYPE_CHECKING:
    from db.session import Library

SAVE_DELAY_MS = 600
"""Typing in the conclusion is saved this long after the last key press (and on leaving the report)."""


class ReviewPanel(QWidget):
    saved = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.report_id: int | None = None
        self.reviewer: str | None = None
        self.status = QComboBox(self)
        self.status.setObjectName("reviewStatus")
        for key in REVIEW_STATUSES:
            self.status.addItem(review_label(key), key)
        self.conclusion = QPlainTextEdit(self)
        self.conclusion.setObjectName("reviewConclusion")
        self.conclusion.setPlaceholderText(
            QCoreApplication.translate("ReviewPanel", "总体结论和修改建议，将写入审查意见。")
        )
        self.stamp = QLabel(self)
        self.stamp.setStyleSheet("color:#666")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self.status.currentIndexChanged.connect(lambda _i: self.save())
        self.conclusion.textChanged.connect(self._timer.start)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("ReviewPanel", "审阅状态"), self.status)
        form.addRow(QCoreApplication.translate("ReviewPanel", "总体结论"), self.conclusion)
        form.addRow("", self.stamp)
        self.setEnabled(False)

    def show_report(self, library: Library | None, report_id: int | None, reviewer: str | None) -> None:
        self.flush()
        self.library, self.report_id, self.reviewer = library, report_id, reviewer
        self.setEnabled(library is not None and report_id is not None)
        if library is None or report_id is None:
            return
        from desktop.core.annotations.review import get_review_state

        with library.sessions() as session:
            state = get_review_state(session, report_id)
        for widget in (self.status, self.conclusion):
            widget.blockSignals(True)
        self.status.setCurrentIndex(max(0, self.status.findData(state.status)))
        self.conclusion.setPlainText(state.conclusion)
        for widget in (self.status, self.conclusion):
            widget.blockSignals(False)
        self._show_stamp(
            state.reviewer, state.updated_at.strftime("%Y-%m-%d %H:%M") if state.updated_at else None
        )

    def flush(self) -> None:
        """Save pending typing now (before switching reports or closing)."""
        if self._timer.isActive():
            self._timer.stop()
            self.save()

    def save(self) -> None:
        if self.library is None or self.report_id is None:
            return
        from desktop.core.annotations.review import set_review_state

        with self.library.sessions.begin() as session:
            state = set_review_state(
                session,
                self.report_id,
                status=self.status.currentData(),
                reviewer=self.reviewer or "",
                conclusion=self.conclusion.toPlainText(),
            )
        self._show_stamp(
            state.reviewer, state.updated_at.strftime("%Y-%m-%d %H:%M") if state.updated_at else None
        )
        self.saved.emit(self.report_id)

    def _show_stamp(self, reviewer: str | None, when: str | None) -> None:
        unsigned = QCoreApplication.translate("ReviewPanel", "（未署名）")
        never = QCoreApplication.translate("ReviewPanel", "尚未审阅")
        self.stamp.setText(f"{reviewer or unsigned}  {when}" if when else never)
