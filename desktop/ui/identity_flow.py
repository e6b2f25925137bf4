"""The reviewer's say on identities: confirm an unsure agency, choose the prior-year report,
confirm or undo a superseding. Opened from the Edit menu, the library's context menu and the
links in the report header."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.pairing_dialogs import CandidateDialog

LINKS = ("rd:confirm-agency", "rd:prior", "rd:versions")
"""``href`` values of the header's links (see :mod:`desktop.ui.report_header`)."""


class IdentityFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: CandidateDialog | None = None
        header = window.report_view.header
        header.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        header.setOpenExternalLinks(False)
        header.linkActivated.connect(self.link)

    def link(self, href: str) -> None:
        if href == "rd:confirm-agency":
            self.window.edit_metadata()
        elif href == "rd:prior":
            self.choose_prior()
        elif href == "rd:versions":
            self.versions()

    def _reviewer(self) -> str:
        return self.window.settings.reviewer() or ""

    def choose_prior(self) -> None:
        from desktop.ui.pairing_dialogs import PriorDialog

        report_id = self.window.report_view.report_id
        if report_id is None or self.window.library is None:
            return
        self._open(
            PriorDialog(self.window.library, self.window.runner, report_id, self._reviewer(), self.window)
        )

    def versions(self) -> None:
        from desktop.ui.pairing_dialogs import VersionsDialog

        report_id = self.window.report_view.report_id
        if report_id is None or self.window.library is None:
            return
        self._open(
            VersionsDialog(self.window.library, self.window.runner, report_id, self._reviewer(), self.window)
        )

    def _open(self, dialog: CandidateDialog) -> None:
        self.dialog = dialog
        dialog.changed.connect(self._changed)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def _changed(self) -> None:
        report_id = self.window.report_view.report_id
        self.window.comparison.invalidate()
        self.window.refresh()
        if report_id is not None:
            self.window.open_report(report_id)
