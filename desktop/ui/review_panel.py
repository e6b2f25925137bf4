"""The review panel: a report's review status and overall conclusion, saved as they change.

A save that fails (full disk, a library gone read-only, another program holding it too long) is
never shown as saved: the stamp turns red and says so, the reviewer is told why, and the unsaved
status and conclusion stay with *their* report (shown again when the reviewer comes back to it,
and saved with the next change) instead of spilling into the next report opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from desktop.core.annotations.workflow import REVIEW_STATUSES
from desktop.ui.labels import review_label

if TYPE_CHECKING:
    from db.session import Library
    from desktop.core.annotations.review import ReviewStateView

SAVE_DELAY_MS = 600
"""Typing in the conclusion is saved this long after the last key press (and on leaving the report)."""


class ReviewPanel(QWidget):
    saved = Signal(int)
    failed = Signal(str)
    """A save did not land; the Chinese message says why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.report_id: int | None = None
        self.reviewer: str | None = None
        self.version = 0
        """The stored version this panel shows: a save based on an older one is a conflict."""
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
        self.read_only: str | None = None
        self.drafts: dict[int, tuple[str, str]] = {}
        """Unsaved (status, conclusion) per report, after a save failed."""

    def set_read_only(self, reason: str | None) -> None:
        """Show the library's state but allow no change (the library cannot be written)."""
        self.read_only = reason
        self.status.setEnabled(reason is None)
        self.conclusion.setReadOnly(reason is not None)
        tip = (
            QCoreApplication.translate("ReviewPanel", "资料库是只读的，不能修改：") + reason if reason else ""
        )
        self.status.setToolTip(tip)
        self.conclusion.setToolTip(tip)

    def show_report(self, library: Library | None, report_id: int | None, reviewer: str | None) -> None:
        self.flush()
        self.library, self.report_id, self.reviewer = library, report_id, reviewer
        self.setEnabled(library is not None and report_id is not None)
        if library is None or report_id is None:
            return
        from desktop.core.annotations.review import get_review_state

        try:
            with library.sessions() as session:
                state = get_review_state(session, report_id)
        except Exception as error:
            self._show_values("unreviewed", "")
            self._fail(error, reading=True)
            return
        draft = self.drafts.get(report_id)
        if draft is not None:
            self.version = state.version
            self._show_values(*draft)
            self._show_unsaved()
            return
        self._show_state(state)

    def _show_state(self, state: ReviewStateView) -> None:
        self.version = state.version
        self._show_values(state.status, state.conclusion)
        self._show_stamp(state)

    def reload_if_changed(self) -> None:
        """Show another reviewer's newer save, unless this reviewer is typing (then saving decides)."""
        if self.library is None or self.report_id is None or self._timer.isActive():
            return
        if self.report_id in self.drafts:
            return
        from desktop.core.annotations.review import get_review_state

        with self.library.sessions() as session:
            state = get_review_state(session, self.report_id)
        if state.version != self.version:
            self._show_state(state)

    def _show_values(self, status: str, conclusion: str) -> None:
        for widget in (self.status, self.conclusion):
            widget.blockSignals(True)
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        self.conclusion.setPlainText(conclusion)
        for widget in (self.status, self.conclusion):
            widget.blockSignals(False)

    def flush(self) -> None:
        """Save pending typing now (before switching reports or closing)."""
        if self._timer.isActive():
            self._timer.stop()
            self.save()

    def save(self) -> bool:
        """Store the shown status and conclusion; False (and the reviewer told) when it failed."""
        if self.library is None or self.report_id is None or self.read_only:
            return self.read_only is None
        from desktop.core.annotations.concurrency import EditConflict
        from desktop.core.annotations.review import set_review_state

        report_id = self.report_id
        values = (str(self.status.currentData()), self.conclusion.toPlainText())
        try:
            with self.library.sessions.begin() as session:
                state = set_review_state(
                    session,
                    report_id,
                    status=values[0],
                    reviewer=self.reviewer or "",
                    conclusion=values[1],
                    expected_version=self.version,
                )
        except EditConflict:
            return self._lost_race(report_id, *values)
        except Exception as error:
            self.drafts[report_id] = values
            self._fail(error)
            return False
        self.drafts.pop(report_id, None)
        self.version = state.version
        self._show_stamp(state)
        self.saved.emit(report_id)
        return True

    def _lost_race(self, report_id: int, status: str, conclusion: str) -> bool:
        """Another reviewer saved this report's review first: show both, the reviewer chooses."""
        from desktop.core.annotations.review import get_review_state
        from desktop.ui.conflict_dialog import VersionChoiceDialog

        assert self.library is not None
        with self.library.sessions() as session:
            theirs = get_review_state(session, report_id)
        names = (
            QCoreApplication.translate("ReviewPanel", "审阅状态"),
            QCoreApplication.translate("ReviewPanel", "总体结论"),
            QCoreApplication.translate("ReviewPanel", "审阅人"),
        )
        saved = list(
            zip(names, (review_label(theirs.status), theirs.conclusion, self._signed(theirs)), strict=True)
        )
        mine = list(zip(names, (review_label(status), conclusion, self.reviewer or ""), strict=True))
        intro = QCoreApplication.translate(
            "ReviewPanel", "您编辑期间，其他审阅人保存了这份报告的审阅状态和结论。请选择保留哪一个版本。"
        )
        dialog = VersionChoiceDialog(intro, saved, mine, self)
        use_mine = bool(dialog.exec())
        self._show_state(theirs)
        if use_mine:  # based on the version just shown, so a third save meanwhile asks again
            self._show_values(status, conclusion)
            return self.save()
        self.saved.emit(report_id)
        return True

    def _signed(self, state: ReviewStateView) -> str:
        when = state.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if state.updated_at else ""
        return f"{state.reviewer or ''} {when}".strip()

    def save_drafts(self) -> bool:
        """Try again to store every unsaved draft (before closing); True when none is left."""
        if self.library is None or self.read_only:
            return not self.drafts
        from desktop.core.annotations.review import set_review_state

        for report_id, (status, conclusion) in list(self.drafts.items()):
            try:
                with self.library.sessions.begin() as session:
                    set_review_state(
                        session, report_id, status=status, reviewer=self.reviewer or "", conclusion=conclusion
                    )
            except Exception:
                return False
            del self.drafts[report_id]
        return True

    def _fail(self, error: BaseException, reading: bool = False) -> None:
        from db.errors import is_storage_error

        if not is_storage_error(error):
            raise error
        from desktop.ui.storage_errors import storage_message

        message = storage_message(error, self.library)
        if reading:
            self.stamp.setStyleSheet("color:#b3261e")
            self.stamp.setText(QCoreApplication.translate("ReviewPanel", "无法读取审阅状态"))
        else:
            self._show_unsaved()
        self.failed.emit(message)

    def _show_unsaved(self) -> None:
        self.stamp.setStyleSheet("color:#b3261e; font-weight:bold")
        self.stamp.setText(
            QCoreApplication.translate("ReviewPanel", "未保存：修改没有存入资料库，下次修改时会再试。")
        )

    def _show_stamp(self, state: ReviewStateView) -> None:
        self.stamp.setStyleSheet("color:#666")
        unsigned = QCoreApplication.translate("ReviewPanel", "（未署名）")
        never = QCoreApplication.translate("ReviewPanel", "尚未审阅")
        when = state.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if state.updated_at else None
        self.stamp.setText(f"{state.reviewer or unsigned}  {when}" if when else never)
