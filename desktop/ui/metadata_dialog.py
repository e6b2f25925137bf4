"""Correcting a report's metadata; corrections are stored by file hash and flagged."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

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
        return {f: e.text() for f, e in self.edits.items() if e.text() != self.original[f]}

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
