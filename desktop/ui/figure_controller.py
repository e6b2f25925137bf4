"""The reviewer's decisions on figures, from the 指标 panel: confirm, correct, exclude, undo a decision.

Each decision is one short transaction run as an operation; only a decision that was stored goes
on the window's undo stack (shared with annotations, so 撤销 undoes the last review action of either
kind). A failed write is shown with a Chinese message and changes nothing on screen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

from desktop.ui.changes import Changes
from desktop.ui.operations import QueryOp
from desktop.ui.stored_commands import StoredCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.session import Library
    from desktop.core.metrics.result import Figure, ReportMetrics
    from desktop.ui.context import AppContext
    from desktop.ui.report_view import ReportView
    from desktop.ui.stored_commands import UndoOperations

log = logging.getLogger("reviewdesk.figures")


class FigureDecision(StoredCommand):
    """A decision on a figure; the first forward stores it, then undo and redo swap the rows."""

    def __init__(
        self,
        library: Library,
        report_id: int | None,
        text: str,
        decide: tuple[int, str, str | None, float | None, str | None],
    ) -> None:
        """``decide``: (figure id, action, catalogue key, value, reviewer) of the first save."""
        super().__init__(text)
        self.library, self.report_id, self.decide = library, report_id, decide
        self.before: dict[str, Any] | None = None
        self.after: dict[str, Any] | None = None
        self._stored = False

    @property
    def changes(self) -> Changes:
        return Changes.of(self.report_id, figures=True, findings=True)

    def forward(self) -> None:
        if not self._stored:
            self.before, self.after = _store(self.library, *self.decide)
            self._stored = True
            return
        self._swap(self.before, self.after)

    def backward(self) -> None:
        self._swap(self.after, self.before)

    def _swap(self, old: dict[str, Any] | None, new: dict[str, Any] | None) -> None:
        from desktop.core.metrics.reviews import restore

        with self.library.sessions.begin() as session:
            restore(session, old["id"] if old else None, new)


def _store(
    library: Library, figure_id: int, action: str, key: str | None, value: float | None, author: str | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    from db import models
    from desktop.core.metrics.reviews import existing_review, reset_figure, review_figure, snapshot
    from desktop.core.metrics.store import default_catalog

    decision = {"confirm": "confirmed", "correct": "corrected", "exclude": "excluded"}.get(action)
    with library.sessions.begin() as session:
        figure = session.get(models.MetricMention, figure_id)
        before = snapshot(existing_review(session, figure)) if figure is not None else None
        if decision is None:
            reset_figure(session, figure_id)
            return before, None
        row = review_figure(
            session, figure_id, decision, default_catalog(), key=key, value=value, author=author
        )
        return before, snapshot(row)


class FigureController(QObject):
    def __init__(self, context: AppContext, undo: UndoOperations, report_view: ReportView) -> None:
        super().__init__(context)
        self.context, self.undo, self.report_view = context, undo, report_view
        self.panel = report_view.metrics
        self.panel.review_requested.connect(self.review)
        context.bus.changed.connect(self._stored)
        self._loading = 0

    @property
    def reviewer(self) -> str | None:
        return self.context.reviewer

    def _stored(self, changes: Changes, _initiator: object) -> None:
        if changes.figures and changes.concerns(self.report_view.report_id):
            self.reload()

    def review(self, figure_id: int, action: str) -> None:
        library = self.context.library
        figure = self._figure(figure_id)
        if library is None or figure is None:
            return
        key: str | None = None
        value: float | None = None
        if action == "correct":
            from desktop.core.metrics.store import default_catalog
            from desktop.ui.figure_dialog import FigureDialog

            dialog = FigureDialog(figure, default_catalog(), self.context.parent_widget)
            if not dialog.exec():
                return
            key, value = dialog.values()
            if key is None and value is None:
                return
        texts = {
            "confirm": QCoreApplication.translate("FigureController", "确认数字"),
            "correct": QCoreApplication.translate("FigureController", "更正数字"),
            "exclude": QCoreApplication.translate("FigureController", "排除数字"),
            "reset": QCoreApplication.translate("FigureController", "撤销对数字的处理"),
        }

        def failed(error: BaseException) -> None:  # a failed write must be seen; nothing was half-done
            log.error("figure decision failed", exc_info=(type(error), error, error.__traceback__))
            QMessageBox.warning(
                self.context.parent_widget,
                texts.get(action, ""),
                QCoreApplication.translate(
                    "FigureController", "未能保存对该数字的处理：%1\n资料库未被修改。"
                ).replace("%1", _message(error)),
            )

        command = FigureDecision(
            library,
            self.report_view.report_id,
            texts.get(action, ""),
            (figure_id, action, key, value, self.reviewer),
        )
        self.undo.push(command, failed)

    def _figure(self, figure_id: int) -> Figure | None:
        from desktop.core.metrics.result import Figure
        from desktop.ui.metrics_panel import FigureRole, children_of, top_items

        stack = top_items(self.panel.tree)
        while stack:
            item = stack.pop()
            data = item.data(0, FigureRole)
            if isinstance(data, Figure) and data.id == figure_id:
                return data
            stack += children_of(item)
        return None

    def reload(self) -> None:
        """Read the current report's figures again in the background (after a decision, its undo
        or redo) and show them."""
        report_id = self.report_view.report_id
        if self.context.library is None or report_id is None:
            return
        self._loading += 1
        generation = self._loading

        def read(session: Session) -> ReportMetrics | None:
            from desktop.core.metrics.store import default_catalog, report_metrics

            return report_metrics(session, report_id, default_catalog())

        def shown(result: ReportMetrics | None) -> None:
            if generation == self._loading and report_id == self.report_view.report_id:
                self.panel.show_metrics(result)

        QueryOp(self.context, read, shown).run()


def _message(error: BaseException) -> str:
    from desktop.core.metrics.reviews import FigureReviewError

    if isinstance(error, FigureReviewError):
        return str(error)
    text = str(getattr(error, "orig", error))
    if "readonly" in text or "read-only" in text:
        return QCoreApplication.translate("FigureController", "资料库为只读。")
    if "full" in text:
        return QCoreApplication.translate("FigureController", "磁盘空间不足。")
    if "locked" in text:
        return QCoreApplication.translate("FigureController", "资料库正被其他程序使用，请稍后重试。")
    return QCoreApplication.translate("FigureController", "写入资料库时出错。")
