"""The reviewer's say on identities: correct a report's metadata and confirm an unsure agency,
choose the prior-year report, confirm or undo a superseding. Opened from the Edit menu, the
library's context menu and the links in the report header. The dialogs read and store through
operations; what they store reaches the list, the report and its comparison as a change notice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from desktop.ui.context import AppContext
    from desktop.ui.report_view import ReportView

LINKS = ("rd:confirm-agency", "rd:prior", "rd:versions")
"""``href`` values of the header's links (see :mod:`desktop.ui.report_header`)."""


class IdentityFlow(QObject):
    def __init__(self, context: AppContext, report_view: ReportView) -> None:
        super().__init__(context)
        self.context, self.report_view = context, report_view
        self.dialog: QDialog | None = None
        header = report_view.header
        header.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        header.setOpenExternalLinks(False)
        header.linkActivated.connect(self.link)

    def link(self, href: str) -> None:
        if href == "rd:confirm-agency":
            self.edit_metadata()
        elif href == "rd:prior":
            self.choose_prior()
        elif href == "rd:versions":
            self.versions()

    def _reviewer(self) -> str:
        return self.context.reviewer or ""

    def edit_metadata(self) -> None:
        from desktop.ui.metadata_dialog import MetadataDialog

        report_id = self.report_view.report_id
        if report_id is None or self.context.library is None:
            return
        self._open(MetadataDialog(self.context, report_id, self._reviewer(), self.context.parent_widget))

    def choose_prior(self) -> None:
        from desktop.ui.pairing_dialogs import PriorDialog

        report_id = self.report_view.report_id
        if report_id is None or self.context.library is None:
            return
        self._open(PriorDialog(self.context, report_id, self._reviewer(), self.context.parent_widget))

    def versions(self) -> None:
        from desktop.ui.pairing_dialogs import VersionsDialog

        report_id = self.report_view.report_id
        if report_id is None or self.context.library is None:
            return
        self._open(VersionsDialog(self.context, report_id, self._reviewer(), self.context.parent_widget))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
