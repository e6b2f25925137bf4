"""Undoable accept / dismiss / restore of a finding, each saved at once in its own transaction
(run off the GUI thread by :class:`desktop.ui.stored_commands.UndoOperations`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.session import Library
from desktop.core.findings.model import Finding
from desktop.core.findings.service import DecisionChange, load_report, record_decision
from desktop.ui.changes import Changes
from desktop.ui.stored_commands import StoredCommand


class DecideFinding(StoredCommand):
    def __init__(
        self, library: Library, report_id: int, finding: Finding, decision: str, author: str | None
    ) -> None:
        texts = {
            "accepted": QCoreApplication.translate("FindingCommands", "采纳提示"),
            "dismissed": QCoreApplication.translate("FindingCommands", "忽略提示"),
        }
        super().__init__(texts.get(decision, QCoreApplication.translate("FindingCommands", "恢复提示")))
        self.library = library
        self.report_id, self.finding, self.decision, self.author = report_id, finding, decision, author
        self.change: DecisionChange | None = None

    @property
    def changes(self) -> Changes:
        # Accepting a finding writes an annotation (counted in the library list).
        return Changes.of(self.report_id, findings=True, annotations=True)

    def forward(self) -> None:
        with self.library.sessions.begin() as session:
            if self.change is None:
                report = load_report(session, self.report_id)
                if report is None:
                    return
                self.change = record_decision(
                    session, report, self.finding, self.decision, author=self.author
                )
            else:
                self.change.redo(session)

    def backward(self) -> None:
        if self.change is None:
            return
        with self.library.sessions.begin() as session:
            self.change.undo(session)
