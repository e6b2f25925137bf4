"""Findings in the main window: computed off the GUI thread for the open report, shown in their
own tab beside the annotations, accepted or dismissed with undo (on the annotations' undo stack)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from desktop.ui.changes import Changes
from desktop.ui.findings_panel import FindingsPanel
from desktop.ui.labels import counted
from desktop.ui.operations import QueryOp

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.core.findings.model import Finding
    from desktop.ui.context import AppContext
    from desktop.ui.report_view import ReportView
    from desktop.ui.stored_commands import UndoOperations


class FindingsController(QObject):
    def __init__(self, context: AppContext, undo: UndoOperations, report_view: ReportView) -> None:
        super().__init__(context)
        self.context, self.undo, self.report_view = context, undo, report_view
        self.panel = FindingsPanel(report_view)
        self.panel.setObjectName("findingsPanel")
        side = report_view.side
        self.tab_index = side.insertTab(2, self.panel, self._title(None))
        self.panel.finding_activated.connect(lambda start, end: report_view.body.highlight(start, end))
        self.panel.accept_requested.connect(lambda finding_id: self.decide(finding_id, "accepted"))
        self.panel.dismiss_requested.connect(lambda finding_id: self.decide(finding_id, "dismissed"))
        self.panel.reopen_requested.connect(lambda finding_id: self.decide(finding_id, "open"))
        self.loaded_for: int | None = None
        self._generation = 0
        context.bus.changed.connect(self._stored)

    def _stored(self, changes: Changes, _initiator: object) -> None:
        if (changes.findings or changes.figures or changes.links) and changes.concerns(
            self.report_view.report_id
        ):
            self.reload()

    @staticmethod
    def _title(count: int | None) -> str:
        title = QCoreApplication.translate("FindingsController", "提示")
        return counted(title, count) if count else title

    def _set_title(self, count: int | None) -> None:
        side = self.report_view.side
        side.setTabText(side.indexOf(self.panel), self._title(count))

    def reload(self) -> None:
        """Compute the open report's findings in the background (after opening it or any change)."""
        library, report_id = self.context.library, self.report_view.report_id
        self._generation += 1
        generation = self._generation
        if library is None or report_id is None:
            self.loaded_for = None
            self.panel.show_message("")
            self._set_title(None)
            return
        if self.loaded_for != report_id:
            self.panel.show_message(QCoreApplication.translate("FindingsController", "正在检查…"))

        def read(session: Session) -> tuple[int, int, list[Finding]]:
            from desktop.core.findings.service import report_findings

            result = report_findings(session, report_id)
            return generation, report_id, result.findings if result is not None else []

        # Bound methods, not closures: Qt drops the connection if the window goes first.
        QueryOp(self.context, read, self._loaded).failure(self._failed).run()

    def _loaded(self, result: tuple[int, int, list[Finding]]) -> None:
        generation, report_id, findings = result
        if generation != self._generation or report_id != self.report_view.report_id:
            return  # the reviewer moved on; a newer load is under way
        self.loaded_for = report_id
        self.panel.show_findings(findings)
        self._set_title(self.panel.open_count)

    def _failed(self, error: BaseException) -> None:
        self.panel.show_message(
            QCoreApplication.translate("FindingsController", "无法完成检查：") + str(error)
        )

    def decide(self, finding_id: str, decision: str) -> None:
        library, report_id = self.context.library, self.report_view.report_id
        finding = next((f for f in self.panel.findings if f.id == finding_id), None)
        if library is None or report_id is None or finding is None:
            return
        from desktop.ui.finding_commands import DecideFinding

        # Stored, then announced: the findings, the annotations and the list's counts follow.
        self.undo.push(DecideFinding(library, report_id, finding, decision, self.context.reviewer))
