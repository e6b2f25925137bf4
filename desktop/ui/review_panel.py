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
from desktop.ui.changes import Changes
from desktop.ui.labels import review_label
from desktop.ui.operations import CollectionOp, QueryOp, settle

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.session import Library
    from desktop.core.annotations.review import ReviewStateView
    from desktop.ui.context import AppContext

SAVE_DELAY_MS = 600
"""Typing in the conclusion is saved this long after the last key press (and on leaving the report)."""


class ReviewPanel(QWidget):
    saved = Signal(int)
    failed = Signal(str)
    """A save did not land; the Chinese message says why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: AppContext | None = None
        self.report_id: int | None = None
        self._saving = False
        self._again = False
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

    def attach(self, context: AppContext) -> None:
        """Read and save through ``context``'s operations (set once by the window)."""
        self.context = context
        context.bus.changed.connect(self._stored)

    def _stored(self, changes: Changes, initiator: object) -> None:
        # Saved elsewhere (another reviewer, an imported package): show it unless typing here.
        if changes.review and initiator is not self and changes.concerns(self.report_id):
            self.reload_if_changed()

    @property
    def library(self) -> Library | None:
        return self.context.library if self.context is not None else None

    @property
    def reviewer(self) -> str | None:
        return self.context.reviewer if self.context is not None else None

    def show_report(
        self, report_id: int | None, state: ReviewStateView | None, error: BaseException | None = None
    ) -> None:
        """Show ``report_id``'s review ``state``, read by the operation that opened the report
        (``error``: why it could not be read)."""
        self.flush()
        self.report_id = report_id
        self.setEnabled(self.library is not None and report_id is not None)
        if report_id is None:
            return
        if state is None:
            self._show_values("unreviewed", "")
            self._fail(error or LookupError(report_id), reading=True)
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
        if self.context is None or self.report_id is None or self._timer.isActive() or self._saving:
            return
        if self.report_id in self.drafts:
            return
        from desktop.core.annotations.review import get_review_state

        report_id = self.report_id

        def shown(state: ReviewStateView) -> None:
            if report_id == self.report_id and not self._saving and state.version != self.version:
                self._show_state(state)

        QueryOp(self.context, lambda session: get_review_state(session, report_id), shown).failure(
            lambda _error: None  # the next poll tries again; typing is not interrupted by a box
        ).owned_by(self).run()

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

    def save(self) -> None:
        """Store the shown status and conclusion in the background. The stamp says saved only once
        the commit is done; a failure is shown and the values kept as this report's draft."""
        if self.context is None or self.library is None or self.report_id is None or self.read_only:
            return
        if self._saving:  # one save at a time: the next is based on the version this one leaves
            self._again = True
            return
        from desktop.core.annotations.concurrency import EditConflict
        from desktop.core.annotations.review import set_review_state

        report_id, version, reviewer = self.report_id, self.version, self.reviewer or ""
        values = (str(self.status.currentData()), self.conclusion.toPlainText())

        def store(session: Session) -> ReviewStateView:
            return set_review_state(
                session,
                report_id,
                status=values[0],
                reviewer=reviewer,
                conclusion=values[1],
                expected_version=version,
            )

        def stored(state: ReviewStateView) -> None:
            self.drafts.pop(report_id, None)
            if report_id == self.report_id:
                self.version = state.version
                self._show_stamp(state)
            self.saved.emit(report_id)
            self._done_saving()

        def failed(error: BaseException) -> None:
            self._saving = False
            if isinstance(error, EditConflict):
                self._lost_race(report_id, *values)
                return
            self.drafts[report_id] = values
            if report_id == self.report_id:
                self._fail(error)
            else:
                self.failed.emit(self._message(error))
            self._done_saving()

        self._saving = True
        CollectionOp(self.context, store, Changes.of(report_id, review=True), initiator=self).success(
            stored
        ).failure(failed).owned_by(self).run()

    def _done_saving(self) -> None:
        self._saving = False
        if self._again:
            self._again = False
            if self.report_id is not None and self.report_id not in self.drafts:
                self.save()

    def _lost_race(self, report_id: int, status: str, conclusion: str) -> None:
        """Another reviewer saved this report's review first: show both, the reviewer chooses."""
        from desktop.core.annotations.review import get_review_state

        assert self.context is not None
        QueryOp(
            self.context,
            lambda session: get_review_state(session, report_id),
            lambda theirs: self._choose(report_id, status, conclusion, theirs),
        ).owned_by(self).run()

    def _choose(self, report_id: int, status: str, conclusion: str, theirs: ReviewStateView) -> None:
        from desktop.ui.conflict_dialog import VersionChoiceDialog

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
        if report_id != self.report_id:  # the reviewer moved on meanwhile: their choice still counts
            self.drafts.pop(report_id, None)
            return
        self._show_state(theirs)
        if use_mine:  # based on the version just shown, so a third save meanwhile asks again
            self._show_values(status, conclusion)
            self.save()
            return
        self.saved.emit(report_id)

    def _signed(self, state: ReviewStateView) -> str:
        when = state.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if state.updated_at else ""
        return f"{state.reviewer or ''} {when}".strip()

    def save_drafts(self) -> bool:
        """Try again to store every unsaved draft (before closing: waits for it); True when none is
        left, else ``drafts`` keeps what failed."""
        if self.context is None or self.library is None or self.read_only or not self.drafts:
            return not self.drafts
        from desktop.core.annotations.review import set_review_state

        drafts, reviewer = dict(self.drafts), self.reviewer or ""

        def store(library: Library) -> list[int]:
            stored = []
            for report_id, (status, conclusion) in drafts.items():
                try:
                    with library.sessions.begin() as session:
                        set_review_state(
                            session, report_id, status=status, reviewer=reviewer, conclusion=conclusion
                        )
                except Exception:
                    break
                stored.append(report_id)
            return stored

        def stored(report_ids: list[int]) -> None:
            for report_id in report_ids:
                self.drafts.pop(report_id, None)

        CollectionOp.per_library(
            self.context, store, lambda ids: Changes(review=True, report_ids=frozenset(ids))
        ).success(stored).failure(lambda _error: None).owned_by(self).run()
        settle(self.context)
        return not self.drafts

    def _message(self, error: BaseException) -> str:
        from desktop.ui.storage_errors import storage_message

        return storage_message(error, self.library)

    def _fail(self, error: BaseException, reading: bool = False) -> None:
        from db.errors import is_storage_error

        if not is_storage_error(error):  # not the disk's fault: the default dialog says so
            if self.context is not None:
                from desktop.ui.operations import show_operation_error

                show_operation_error(self.context, error)
            if not reading:
                self._show_unsaved()
            return
        message = self._message(error)
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
