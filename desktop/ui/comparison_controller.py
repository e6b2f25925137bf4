"""The 与上年比较 tab: loads the selected report's comparison in the background when it is shown.

A comparison takes tens of milliseconds for a typical pair and a few hundred for the longest, so
it is computed only while the tab is visible, once per report, and off the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QTabWidget

from desktop.ui.changes import Changes
from desktop.ui.comparison_view import ComparisonView

if TYPE_CHECKING:
    from desktop.ui.comparison_loader import ComparisonData
    from desktop.ui.context import AppContext
    from desktop.ui.report_view import ReportView


class ComparisonController(QObject):
    def __init__(
        self, context: AppContext, report_view: ReportView, tabs: QTabWidget, view: ComparisonView
    ) -> None:
        super().__init__(context)
        self.context, self.report_view, self.tabs, self.view = context, report_view, tabs, view
        self.compared_id: int | None = None
        """The report whose comparison the view shows (None: nothing, or out of date)."""
        self._loading: int | None = None
        tabs.currentChanged.connect(lambda _index: self.refresh_if_visible())
        context.bus.changed.connect(self._stored)

    def _stored(self, changes: Changes, _initiator: object) -> None:
        # A new or corrected report, a figure decision or a pairing may change what is compared.
        if changes.reports or changes.figures or changes.links:
            self.invalidate()

    @property
    def visible(self) -> bool:
        return self.tabs.currentWidget() is self.view

    def show(self) -> None:
        self.tabs.setCurrentWidget(self.view)
        self.refresh_if_visible()
        self.view.setFocus()

    def invalidate(self) -> None:
        """The selected report changed, or its pairing may have (import, correction, new library)."""
        self.compared_id = None
        self.refresh_if_visible()

    def refresh_if_visible(self) -> None:
        report_id = self.report_view.report_id
        if not self.visible or report_id == self.compared_id or report_id == self._loading:
            return
        if report_id is None or self.context.library is None:
            self.view.clear()
            self.compared_id = None
            return
        library = self.context.library
        self._loading = report_id
        self.view.show_message(QCoreApplication.translate("ComparisonController", "正在比较…"))

        def work(_context: Any) -> ComparisonData | None:
            from desktop.ui.comparison_loader import load_comparison

            return load_comparison(library, report_id)

        self.context.runner.run(work, lambda data: self._loaded(report_id, data), self._failed)

    def _loaded(self, report_id: int, data: ComparisonData | None) -> None:
        if self._loading == report_id:
            self._loading = None
        if report_id != self.report_view.report_id:
            self.refresh_if_visible()  # the reviewer moved on while this one was computed
            return
        self.view.show_data(data)
        self.compared_id = report_id

    def _failed(self, error: BaseException, trace: str) -> None:
        self._loading = None
        self.view.show_message(QCoreApplication.translate("ComparisonController", "无法比较：") + str(error))
