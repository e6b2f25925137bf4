"""Undoable accept / dismiss / restore of a finding, each saved at once in its own transaction."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from db.session import Library
from desktop.core.findings.model import Finding
from desktop.core.findings.service import DecisionChange, load_report, record_decision


class DecideFinding(QUndoCommand):
    def __init__(
        self,
        library: Library,
        changed: Callable[[], None],
        report_id: int,
        finding: Finding,
        decision: str,
        author: str | None,
    ) -> None:
        texts = {
            "accepted": QCoreApplication.translate("FindingCommands", "采纳提示"),
            "dismissed": QCoreApplication.translate("FindingCommands", "忽略提示"),
        }
        super().__init__(texts.get(decision, QCoreApplication.translate("FindingCommands", "恢复提示")))
        self.library, self.changed = library, changed
        self.report_id, self.finding, self.decision, self.author = report_id, finding, decision, author
        self.change: DecisionChange | None = None

    def redo(self) -> None:
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
        self.changed()

    def undo(self) -> None:
        if self.change is None:
            return
        with self.library.sessions.begin() as session:
            self.change.undo(session)
        self.changed()
