"""Correcting a report's metadata; corrections are stored by file hash and flagged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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

from desktop.core.corrections import CorrectionError, correct, corrected_fields, correction_versions, iso
from desktop.core.library import get_report
from desktop.ui.changes import Changes
from desktop.ui.labels import field_label
from desktop.ui.operations import CollectionOp, QueryOp, show_operation_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.ui.context import AppContext


class MetadataDialog(QDialog):
    """Reads the report and its corrections in the background, then shows the form; saving is an
    operation too, and the dialog closes only once the correction is committed."""

    def __init__(
        self, context: AppContext, report_id: int, reviewer: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("metadataDialog")
        self.setWindowTitle(QCoreApplication.translate("MetadataDialog", "更正报告信息"))
        self.context = context
        self.report_id = report_id
        self.reviewer = reviewer or None
        self.edits: dict[str, QLineEdit] = {}
        self.original: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.form = QFormLayout()
        # An unsure agency is confirmed by saving it (as it is, as suggested, or corrected).
        self.confirm_agency = QCheckBox(QCoreApplication.translate("MetadataDialog", "确认报告单位"), self)
        self.confirm_agency.setObjectName("confirmAgency")
        self.agency_hint = QLabel(self)
        self.agency_hint.setObjectName("agencyHint")
        self.agency_hint.setWordWrap(True)
        self.agency_hint.setStyleSheet("color:#b3261e")
        self.use_suggestion: QPushButton | None = None
        self.confirm_agency.hide()
        self.agency_hint.hide()
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#b3261e")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)  # until the stored values are shown
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "MetadataDialog", "更正会被记录（✎ 表示已更正过），重新导入或重新分析后仍然保留。"
                ),
                self,
            )
        )
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        QueryOp(context, lambda session: _stored(session, report_id), self._loaded).failure(
            self._failed
        ).owned_by(self).run()

    def _loaded(self, stored: _Stored | None) -> None:
        if stored is None:  # the report left the library meanwhile
            self.reject()
            return
        # Saves are based on these: another reviewer's correction meanwhile is a conflict.
        self.versions = stored.versions
        form = self.form
        for field, value in stored.values.items():
            edit = QLineEdit(value, self)
            edit.setObjectName(f"edit_{field}")
            if field.endswith("date"):
                edit.setPlaceholderText("YYYY-MM-DD")
            label = field_label(field) + (" ✎" if field in stored.corrected else "")
            form.addRow(label, edit)
            self.edits[field] = edit
            self.original[field] = value
        identity = stored.identity
        if not stored.confident and stored.values["agency"]:
            hint = QCoreApplication.translate("MetadataDialog", "报告单位未确定：") + str(
                identity.get("note") or ""
            )
            self.agency_hint.setText(hint)
            self.agency_hint.show()
            self.confirm_agency.setChecked(True)
            self.confirm_agency.show()
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
        self.buttons.setEnabled(True)
        self.resize(560, self.sizeHint().height())

    def _failed(self, error: BaseException) -> None:
        self.reject()
        show_operation_error(self.context, error)

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
        report_id, reviewer, versions = self.report_id, self.reviewer, dict(self.versions)

        def store(session: Session) -> None:
            report = get_report(session, report_id)
            assert report is not None
            for field, value in changes.items():
                correct(session, report, field, value, reviewer, versions.get(field, 0))

        self.buttons.setEnabled(False)
        CollectionOp(
            self.context, store, Changes.of(report_id, reports=True, links=True), initiator=self
        ).success(lambda _none: self.accept()).failure(
            lambda error: self._not_saved(error, changes)
        ).owned_by(self).run()

    def _not_saved(self, error: BaseException, changes: dict[str, str]) -> None:
        from sqlalchemy.orm.exc import StaleDataError

        from desktop.core.annotations.concurrency import EditConflict

        self.buttons.setEnabled(True)
        if isinstance(error, CorrectionError):
            self.error.setText(str(error))
        elif isinstance(error, (EditConflict, StaleDataError)):
            QueryOp(
                self.context,
                lambda session: _stored(session, self.report_id),
                lambda stored: self._lost_race(changes, stored),
            ).owned_by(self).run()
        else:
            show_operation_error(self.context, error)

    def _lost_race(self, changes: dict[str, str], stored: _Stored | None) -> None:
        """Another reviewer corrected this report meanwhile: show both; save ours over theirs if chosen."""
        from desktop.ui.conflict_dialog import VersionChoiceDialog

        if stored is None:
            self.reject()
            return
        theirs = stored.corrections
        self.versions = stored.versions
        saved = [(field_label(f), theirs.get(f) or self.original[f]) for f in changes]
        mine = [(field_label(f), value) for f, value in changes.items()]
        intro = QCoreApplication.translate(
            "MetadataDialog", "您编辑期间，其他审阅人更正了这份报告的信息。请选择保留哪一个版本。"
        )
        if VersionChoiceDialog(intro, saved, mine, self).exec():
            self.save()
            return
        for field in changes:  # keep theirs: show what is stored now
            self.edits[field].setText(theirs.get(field) or self.original[field])
        self.error.setText(QCoreApplication.translate("MetadataDialog", "已保留其他审阅人的更正。"))


@dataclass(frozen=True)
class _Stored:
    """What the dialog shows, read off the GUI thread."""

    values: dict[str, str]
    corrected: set[str]
    corrections: dict[str, str | None]
    confident: bool
    identity: dict[str, Any]
    versions: dict[str, int]


def _stored(session: Session, report_id: int) -> _Stored | None:
    report = get_report(session, report_id)
    if report is None:
        return None
    corrected = corrected_fields(session, report.sha256)
    return _Stored(
        values={
            "agency": report.agency or "",
            "region": report.region or "",
            "year": str(report.year or ""),
            "title": report.title or "",
            "report_date": iso(report.report_date) or "",
            "published_date": iso(report.published_date) or "",
        },
        corrected=set(corrected),
        corrections=dict(corrected),
        confident=bool(report.agency_confident),
        identity=dict(report.agency_evidence or {}),
        versions=correction_versions(session, report.sha256),
    )
