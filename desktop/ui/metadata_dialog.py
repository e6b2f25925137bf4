"""Correcting a report's metadata; corrections are stored by file hash and flagged."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.session import Library
from desktop.core.corrections import CorrectionError, correct, corrected_fields, correction_versions, iso
from desktop.core.library import get_report
from desktop.ui.labels import field_label


class MetadataDialog(QDialog):
    def __init__(
        self, library: Library, report_id: int, reviewer: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("metadataDialog")
        self.setWindowTitle(QCoreApplication.translate("MetadataDialog", "更正报告信息"))
        self.library = library
        self.report_id = report_id
        self.reviewer = reviewer or None
        self.edits: dict[str, QLineEdit] = {}
        self.original: dict[str, str] = {}
        form = QFormLayout()
        with library.sessions() as session:
            report = get_report(session, report_id)
            assert report is not None
            corrected = corrected_fields(session, report.sha256)
            confident = report.agency_confident
            identity = report.agency_evidence or {}
            # Saves are based on these: another reviewer's correction meanwhile is a conflict.
            self.versions = correction_versions(session, report.sha256)
            values = {
                "agency": report.agency or "",
                "region": report.region or "",
                "year": str(report.year or ""),
                "title": report.title or "",
                "report_date": iso(report.report_date) or "",
                "published_date": iso(report.published_date) or "",
            }
        for field, value in values.items():
            edit = QLineEdit(value, self)
            edit.setObjectName(f"edit_{field}")
            if field.endswith("date"):
                edit.setPlaceholderText("YYYY-MM-DD")
            label = field_label(field) + (" ✎" if field in corrected else "")
            form.addRow(label, edit)
            self.edits[field] = edit
            self.original[field] = value
        # An unsure agency is confirmed by saving it (as it is, as suggested, or corrected).
        self.confirm_agency = QCheckBox(QCoreApplication.translate("MetadataDialog", "确认报告单位"), self)
        self.confirm_agency.setObjectName("confirmAgency")
        self.agency_hint = QLabel(self)
        self.agency_hint.setObjectName("agencyHint")
        self.agency_hint.setWordWrap(True)
        self.agency_hint.setStyleSheet("color:#b3261e")
        self.use_suggestion: QPushButton | None = None
        if not confident and values["agency"]:
            hint = QCoreApplication.translate("MetadataDialog", "报告单位未确定：") + str(
                identity.get("note") or ""
            )
            self.agency_hint.setText(hint)
            self.confirm_agency.setChecked(True)
            suggestion = identity.get("suggestion")
            if suggestion:
                self.use_suggestion = QPushButton(
                    QCoreApplication.translate("MetadataDialog", "采用“%1”").replace("%1", str(suggestion)),
                    self,
                )
                self.use_suggestion.setObjectName("useSuggestion")
                self.use_suggestion.clicked.connect(lambda: self.edits["agency"].setText(str(suggestion)))
            form.insertRow(1, "", self.confirm_agency)
            form.insertRow(1, "", self.agency_hint)
            if self.use_suggestion is not None:
                form.insertRow(2, "", self.use_suggestion)
        else:
            self.confirm_agency.hide()
            self.agency_hint.hide()
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#b3261e")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "MetadataDialog", "更正会被记录（✎ 表示已更正过），重新导入或重新分析后仍然保留。"
                ),
                self,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def changes(self) -> dict[str, str]:
        changed = {f: e.text() for f, e in self.edits.items() if e.text() != self.original[f]}
        if (
            self.confirm_agency.isVisible()
            and self.confirm_agency.isChecked()
            and self.edits["agency"].text()
        ):
            changed["agency"] = self.edits["agency"].text()
        return changed

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.accept()
            return
        from sqlalchemy.orm.exc import StaleDataError

        from desktop.core.annotations.concurrency import EditConflict

        try:
            with self.library.sessions.begin() as session:
                report = get_report(session, self.report_id)
                assert report is not None
                for field, value in changes.items():
                    correct(session, report, field, value, self.reviewer, self.versions.get(field, 0))
        except CorrectionError as error:
            self.error.setText(str(error))
            return
        except (EditConflict, StaleDataError):
            if self._lost_race(changes):
                self.save()
            return
        self.accept()

    def _lost_race(self, changes: dict[str, str]) -> bool:
        """Another reviewer corrected this report meanwhile: show both; True to save ours over theirs."""
        from desktop.ui.conflict_dialog import VersionChoiceDialog

        with self.library.sessions() as session:
            report = get_report(session, self.report_id)
            assert report is not None
            theirs = corrected_fields(session, report.sha256)
            self.versions = correction_versions(session, report.sha256)
        saved = [(field_label(f), theirs.get(f) or self.original[f]) for f in changes]
        mine = [(field_label(f), value) for f, value in changes.items()]
        intro = QCoreApplication.translate(
            "MetadataDialog", "您编辑期间，其他审阅人更正了这份报告的信息。请选择保留哪一个版本。"
        )
        if VersionChoiceDialog(intro, saved, mine, self).exec():
            return True
        for field in changes:  # keep theirs: show what is stored now
            self.edits[field].setText(theirs.get(field) or self.original[field])
        self.error.setText(QCoreApplication.translate("MetadataDialog", "已保留其他审阅人的更正。"))
        return False
