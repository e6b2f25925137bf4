"""Findings in the main window: computed off the GUI thread for the open report, shown in their
own tab beside the annotations, accepted or dismissed with undo (on the annotations' undo stack)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from desktop.ui.findings_panel import FindingsPanel

if TYPE_CHECKING:
    from desktop.core.findings.model import Finding
    from desktop.ui.main_window import MainWindow


class FindingsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = FindingsPanel(window.report_view)
        self.panel.setObjectName("findingsPanel")
        side = window.report_view.side
        self.tab_index = side.insertTab(2, self.panel, self._title(None))
        self.panel.finding_activated.connect(lambda start, end: window.report_view.body.highlight(start, end))
        self.panel.accept_requested.connect(lambda finding_id: self.decide(finding_id, "accepted"))
        self.panel.dismiss_requested.connect(lambda finding_id: self.decide(finding_id, "dismissed"))
        self.panel.reopen_requested.connect(lambda finding_id: self.decide(finding_id, "open"))
        self.loaded_for: int | None = None
        self._generation = 0

    @staticmethod
    def _title(count: int | None) -> str:
        title = QCoreApplication.translate("FindingsController", "提示")
        return f"{title}（{count}）" if count else title

    def _set_title(self, count: int | None) -> None:
        side = self.window.report_view.side
        side.setTabText(side.indexOf(self.panel), self._title(count))

    def reload(self) -> None:
        """Compute the open report's findings in the background (after opening it or any change)."""
        library, report_id = self.window.library, self.window.report_view.report_id
        self._generation += 1
        generation = self._generation
        if library is None or report_id is None:
            self.loaded_for = None
            self.panel.show_message("")
            self._set_title(None)
            return
        if self.loaded_for != report_id:
            self.panel.show_message(QCoreApplication.translate("FindingsController", "正在检查…"))

        def work(_context: Any) -> tuple[int, int, list[Finding]]:
            from desktop.core.findings.service import report_findings

            with library.sessions() as session:
                result = report_findings(session, report_id)
            return generation, report_id, result.findings if result is not None else []

        # Bound methods, not closures: Qt drops the connection if the window goes first.
        self.window.runner.run(work, self._loaded, self._failed)

    def _loaded(self, result: tuple[int, int, list[Finding]]) -> None:
        generation, report_id, findings = result
        if generation != self._generation or report_id != self.window.report_view.report_id:
            return  # the reviewer moved on; a newer load is under way
        self.loaded_for = report_id
        self.panel.show_findings(findings)
        self._set_title(self.panel.open_count)

    def _failed(self, error: BaseException, _trace: str) -> None:
        self.panel.show_message(
            QCoreApplication.translate("FindingsController", "无法完成检查：") + str(error)
        )

    def decide(self, finding_id: str, decision: str) -> None:
        library, report_id = self.window.library, self.window.report_view.report_id
        finding = next((f for f in self.panel.findings if f.id == finding_id), None)
        if library is None or report_id is None or finding is None:
            return
        from desktop.ui.finding_commands import DecideFinding

        reviewer = self.window.settings.reviewer()
        command = DecideFinding(library, self._changed, report_id, finding, decision, reviewer)
        self.window.annotations.undo_stack.push(command)

    def _changed(self) -> None:
        self.window.annotations.reload()
        self.reload()
        self.window.refresh()  # annotation counts in the library list
