"""The 与上年比较 tab: loads the selected report's comparison in the background when it is shown.

A comparison takes tens of milliseconds for a typical pair and a few hundred for the longest, so
it is computed only while the tab is visible, once per report (and per choice of options), and off
the GUI thread. The options bar's choices go through here: another baseline is stored as the
reviewer's decision (as ``reviewdesk prior`` stores it), and the options (ignore year-only changes,
ignore whitespace and paragraph splits) are remembered in the settings and re-run the comparison.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QTabWidget

from desktop.ui.changes import Changes
from desktop.ui.comparison_view import ComparisonView

if TYPE_CHECKING:
    from desktop.core.baseline import Baselines, Choice
    from desktop.core.compare import CompareOptions
    from desktop.core.compare.loader import ComparisonData
    from desktop.ui.context import AppContext
    from desktop.ui.report_view import ReportView


IGNORE_YEARS_KEY = "comparison/ignore_years"
IGNORE_SPLITS_KEY = "comparison/ignore_splits"


def _flag(value: object, default: bool) -> bool:
    if value is None:
        return default
    return str(value).lower() in ("true", "1")


class ComparisonController(QObject):
    def __init__(
        self, context: AppContext, report_view: ReportView, tabs: QTabWidget, view: ComparisonView
    ) -> None:
        super().__init__(context)
        self.context, self.report_view, self.tabs, self.view = context, report_view, tabs, view
        self.compared_id: int | None = None
        """The report whose comparison the view shows (None: nothing, or out of date)."""
        self._loading: int | None = None
        self.options = self._remembered_options()
        bar = view.options_bar
        bar.set_options(self.options)
        bar.options_changed.connect(self.set_options)
        bar.baseline_chosen.connect(self.choose_baseline)
        tabs.currentChanged.connect(lambda _index: self.refresh_if_visible())
        context.bus.changed.connect(self._stored)

    def _remembered_options(self) -> CompareOptions:
        from desktop.core.compare.options import CompareOptions

        settings, defaults = self.context.settings, CompareOptions()
        return CompareOptions(
            ignore_years=_flag(settings.value(IGNORE_YEARS_KEY), defaults.ignore_years),
            ignore_splits=_flag(settings.value(IGNORE_SPLITS_KEY), defaults.ignore_splits),
        )

    def set_options(self, options: CompareOptions) -> None:
        """The reviewer changed what counts as a change: remember it and compare again."""
        self.options = options
        self.context.settings.setValue(IGNORE_YEARS_KEY, options.ignore_years)
        self.context.settings.setValue(IGNORE_SPLITS_KEY, options.ignore_splits)
        self.invalidate()

    def choose_baseline(self, choice: Choice) -> None:
        """Store the reviewer's baseline for the shown report (in the background); the change notice
        then compares again, and the list and the report's header follow."""
        library, report_id = self.context.library, self.report_view.report_id
        bar = self.view.options_bar
        if library is None or report_id is None:
            return
        by = self.context.reviewer
        bar.baseline.setEnabled(False)

        def work(_context: Any) -> Baselines:
            from desktop.core.baseline import set_baseline

            return set_baseline(library.sessions, report_id, choice, by)

        def done(_choices: Baselines) -> None:
            bar.baseline.setEnabled(True)
            self.context.show_status(
                QCoreApplication.translate("ComparisonController", "已记录比较对象"), 5000
            )
            self.context.bus.notify(Changes.of(report_id, links=True, reports=True), self)

        def failed(error: BaseException, _trace: str) -> None:
            from desktop.ui.operations import show_operation_error

            bar.baseline.setEnabled(True)
            bar.set_baselines(bar.baselines)  # back to the stored choice
            show_operation_error(self.context, error)

        self.context.runner.run(work, done, failed, serial=True)

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
            self.view.options_bar.set_baselines(None)
            self.compared_id = None
            return
        library, options = self.context.library, self.options
        self._loading = report_id
        self.view.show_message(QCoreApplication.translate("ComparisonController", "正在比较…"))

        def work(_context: Any) -> tuple[ComparisonData | None, Baselines | None]:
            from desktop.core.baseline import baselines
            from desktop.core.compare.loader import load_comparison

            with library.sessions() as session:
                choices = baselines(session, report_id)
            return load_comparison(library, report_id, options=options), choices

        self.context.runner.run(work, lambda loaded: self._loaded(report_id, options, *loaded), self._failed)

    def _loaded(
        self, report_id: int, options: CompareOptions, data: ComparisonData | None, choices: Baselines | None
    ) -> None:
        if self._loading == report_id:
            self._loading = None
        if report_id != self.report_view.report_id or options != self.options:
            self.refresh_if_visible()  # the reviewer moved on, or changed the options, meanwhile
            return
        self.view.options_bar.set_baselines(choices)
        self.view.show_data(data)
        self.compared_id = report_id

    def _failed(self, error: BaseException, trace: str) -> None:
        self._loading = None
        self.view.show_message(QCoreApplication.translate("ComparisonController", "无法比较：") + str(error))
