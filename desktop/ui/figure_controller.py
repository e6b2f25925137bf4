"""The reviewer's decisions on figures, from the 指标 panel: confirm, correct, exclude, undo a decision.

Each decision is one short transaction; only a decision that was stored goes on the window's undo
stack (shared with annotations, so 撤销 undoes the last review action of either kind). A failed write
is shown with a Chinese message and changes nothing on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from db.session import Library
    from desktop.ui.main_window import MainWindow

log = logging.getLogger("reviewdesk.figures")


class FigureDecision(QUndoCommand):
    """A stored decision; undo and redo swap the decision rows (the first redo is the stored write)."""

    def __init__(
        self,
        library: Library,
        changed: Callable[[], None],
        text: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        super().__init__(text)
        self.library, self.changed = library, changed
        self.before, self.after = before, after
        self._stored = True

    def redo(self) -> None:
        if self._stored:
            self._stored = False  # the controller already wrote it
            return
        self._swap(self.before, self.after)

    def undo(self) -> None:
        self._swap(self.after, self.before)

    def _swap(self, old: dict[str, Any] | None, new: dict[str, Any] | None) -> None:
        from desktop.core.metrics.reviews import restore

        with self.library.sessions.begin() as session:
            restore(session, old["id"] if old else None, new)
        self.changed()


class FigureController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = window.report_view.metrics
        self.panel.review_requested.connect(self.review)

    @property
    def reviewer(self) -> str | None:
        return self.window.settings.reviewer()

    def review(self, figure_id: int, action: str) -> None:
        library = self.window.library
        figure = self._figure(figure_id)
        if library is None or figure is None:
            return
        key: str | None = None
        value: float | None = None
        if action == "correct":
            from desktop.core.metrics.store import default_catalog
            from desktop.ui.figure_dialog import FigureDialog

            dialog = FigureDialog(figure, default_catalog(), self.window)
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
        try:
            before, after = self._store(library, figure_id, action, key, value)
        except Exception as error:  # a failed write must be seen, and must leave nothing half-done
            log.exception("figure decision failed")
            QMessageBox.warning(
                self.window,
                texts.get(action, ""),
                QCoreApplication.translate(
                    "FigureController", "未能保存对该数字的处理：%1\n资料库未被修改。"
                ).replace("%1", _message(error)),
            )
            return
        self.window.annotations.undo_stack.push(
            FigureDecision(library, self.reload, texts.get(action, ""), before, after)
        )
        self.reload()

    def _store(
        self, library: Library, figure_id: int, action: str, key: str | None, value: float | None
    ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        from desktop.core.metrics.reviews import reset_figure, review_figure, snapshot
        from desktop.core.metrics.store import default_catalog

        decision = {"confirm": "confirmed", "correct": "corrected", "exclude": "excluded"}.get(action)
        with library.sessions.begin() as session:
            before = self._current(session, figure_id)
            if decision is None:
                reset_figure(session, figure_id)
                return before, None
            row = review_figure(
                session, figure_id, decision, default_catalog(), key=key, value=value, author=self.reviewer
            )
            return before, snapshot(row)

    def _current(self, session: Any, figure_id: int) -> dict[str, Any] | None:
        from db import models
        from desktop.core.metrics.reviews import existing_review, snapshot

        figure = session.get(models.MetricMention, figure_id)
        return snapshot(existing_review(session, figure)) if figure is not None else None

    def _figure(self, figure_id: int) -> dict[str, Any] | None:
        from desktop.ui.metrics_panel import FigureRole, children_of, top_items

        stack = top_items(self.panel.tree)
        while stack:
            item = stack.pop()
            data = item.data(0, FigureRole)
            if isinstance(data, dict) and data.get("id") == figure_id:
                return data
            stack += children_of(item)
        return None

    def reload(self) -> None:
        """Show the current report's figures again (after a decision, its undo or redo)."""
        library, report_id = self.window.library, self.window.report_view.report_id
        if library is None or report_id is None:
            return
        from desktop.core.metrics.store import default_catalog, report_metrics

        with library.sessions() as session:
            result = report_metrics(session, report_id, default_catalog())
        self.panel.show_metrics(result)
        self.window.comparison.invalidate()


def _message(error: Exception) -> str:
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
