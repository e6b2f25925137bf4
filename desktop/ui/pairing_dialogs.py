"""选择上年报告 and 版本关系: small dialogs listing candidate reports; loading and saving run on the
background task runner, and the decisions are stored so they survive re-processing and re-import."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.changes import Changes
from desktop.ui.labels import QT_TRANSLATE_NOOP
from desktop.ui.operations import CollectionOp, QueryOp

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db import models
    from desktop.core.identity_links import CandidateRow
    from desktop.ui.context import AppContext

RELATIONS = {
    "superseded_by_this": QT_TRANSLATE_NOOP("PairingDialogs", "旧版本（已被本报告取代）"),
    "supersedes_this": QT_TRANSLATE_NOOP("PairingDialogs", "新版本（取代了本报告）"),
    "possible": QT_TRANSLATE_NOOP("PairingDialogs", "可能是同一报告的其他版本，请确认"),
    "current_prior": QT_TRANSLATE_NOOP("PairingDialogs", "当前的上年报告"),
    "possible_prior": QT_TRANSLATE_NOOP("PairingDialogs", "可能的上年报告"),
    "same_year_before": QT_TRANSLATE_NOOP("PairingDialogs", "上一年度的报告"),
    "other": QT_TRANSLATE_NOOP("PairingDialogs", "其他报告"),
}


class CandidateDialog(QDialog):
    """A table of candidate reports, loaded in the background; subclasses add the buttons."""

    changed = Signal()
    """A decision was stored (and announced on the change bus)."""

    def __init__(self, context: AppContext, report_id: int, reviewer: str, parent: QWidget | None):
        super().__init__(parent)
        self.context, self.report_id = context, report_id
        self.reviewer = reviewer or None
        self.rows: list[CandidateRow] = []
        self.intro = QLabel(QCoreApplication.translate("PairingDialogs", "正在读取资料库…"), self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("candidateTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("PairingDialogs", "编号"),
                QCoreApplication.translate("PairingDialogs", "报告单位"),
                QCoreApplication.translate("PairingDialogs", "年度"),
                QCoreApplication.translate("PairingDialogs", "标题"),
                QCoreApplication.translate("PairingDialogs", "关系"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 50), (1, 190), (2, 50), (4, 210)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.status = QLabel(self)
        self.status.setStyleSheet("color:#b3261e")
        self.buttons = QHBoxLayout()
        self.button_list: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addLayout(self.buttons)
        self.resize(860, 420)

    def add_button(
        self, name: str, text: str, handler: Callable[[], None], needs_row: bool = True
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setProperty("needs_row", needs_row)
        button.setEnabled(not needs_row)
        button.clicked.connect(handler)
        self.buttons.addWidget(button)
        self.button_list.append(button)
        return button

    def load(self, work: Callable[[Session, models.Report], tuple[str, list[CandidateRow]]]) -> None:
        report_id = self.report_id

        def read(session: Session) -> tuple[str, list[CandidateRow]] | None:
            from desktop.core.library import get_report

            report = get_report(session, report_id)
            return work(session, report) if report is not None else None

        QueryOp(self.context, read, self._loaded).failure(self._failed).owned_by(self).run()

    def _loaded(self, result: tuple[str, list[CandidateRow]] | None) -> None:
        if result is None:
            self.intro.setText(QCoreApplication.translate("PairingDialogs", "该报告已不在资料库中。"))
            return
        intro, rows = result
        self.intro.setText(intro)
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (f"#{row.id}", row.agency or "—", str(row.year or "—"), row.title or row.source_name)
            for column, text in enumerate(
                (*cells, QCoreApplication.translate("PairingDialogs", RELATIONS[row.relation]))
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(index, column, item)
        # Only a likely report is preselected: one click must never pair two unrelated reports.
        if rows and rows[0].relation in (
            "current_prior",
            "possible_prior",
            "possible",
            "superseded_by_this",
            "supersedes_this",
        ):
            self.table.selectRow(0)
        self._selection_changed()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(QCoreApplication.translate("PairingDialogs", "操作失败：") + str(error))
        self._set_busy(False)

    def selected(self) -> CandidateRow | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.rows[min(rows)] if rows else None

    def _selection_changed(self) -> None:
        has_row = self.selected() is not None
        for button in self.button_list:
            if button.property("needs_row"):
                button.setEnabled(has_row)

    def _set_busy(self, busy: bool) -> None:
        for button in self.button_list:
            button.setEnabled(not busy and (not button.property("needs_row") or self.selected() is not None))

    def save(self, change: Callable[[Session, models.Report], None]) -> None:
        """Store a decision in the background; the dialog closes once it is committed (the change
        notice then brings the list, the report and its comparison up to date)."""
        report_id = self.report_id
        self._set_busy(True)

        def store(session: Session) -> bool:
            from desktop.core.library import get_report
            from desktop.core.metrics.store import default_catalog
            from desktop.core.prior_year import refresh_around

            report = get_report(session, report_id)
            if report is None:
                return False
            change(session, report)
            session.flush()
            refresh_around(session, report, default_catalog())
            return True

        CollectionOp(
            self.context, store, Changes(reports=True, links=True, figures=True), initiator=self
        ).success(self._saved).failure(self._failed).owned_by(self).run()

    def _saved(self, ok: bool) -> None:
        self._set_busy(False)
        if ok:
            self.changed.emit()
            self.accept()


class PriorDialog(CandidateDialog):
    """Which report this one is compared with as its prior year."""

    def __init__(self, context: AppContext, report_id: int, reviewer: str, parent: QWidget | None):
        super().__init__(context, report_id, reviewer, parent)
        self.setObjectName("priorDialog")
        self.setWindowTitle(QCoreApplication.translate("PairingDialogs", "选择上年报告"))
        self.add_button(
            "usePrior", QCoreApplication.translate("PairingDialogs", "与所选报告比较"), self.use_selected
        )
        self.add_button(
            "noPrior",
            QCoreApplication.translate("PairingDialogs", "不与任何报告比较"),
            self.use_none,
            needs_row=False,
        )
        self.add_button(
            "autoPrior",
            QCoreApplication.translate("PairingDialogs", "恢复自动配对"),
            self.use_auto,
            needs_row=False,
        )
        self.add_button(
            "cancelPrior", QCoreApplication.translate("PairingDialogs", "取消"), self.reject, needs_row=False
        )
        self.load(_prior_rows)

    def use_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        prior_id, by = row.id, self.reviewer

        def change(session: Session, report: models.Report) -> None:
            from desktop.core.identity_links import choose_prior
            from desktop.core.library import get_report

            choose_prior(session, report, get_report(session, prior_id), by)

        self.save(change)

    def use_none(self) -> None:
        by = self.reviewer

        def change(session: Session, report: models.Report) -> None:
            from desktop.core.identity_links import choose_prior

            choose_prior(session, report, None, by)

        self.save(change)

    def use_auto(self) -> None:
        def change(session: Session, report: models.Report) -> None:
            from desktop.core.identity_links import reset_prior

            reset_prior(session, report)

        self.save(change)


def _describe(report: models.Report) -> str:
    unknown = QCoreApplication.translate("PairingDialogs", "（单位未识别）")
    return f"#{report.id} {report.agency or unknown} {report.year or ''}"


def _prior_rows(session: Session, report: models.Report) -> tuple[str, list[CandidateRow]]:
    from desktop.core.identity_links import prior_candidates

    intro = QCoreApplication.translate(
        "PairingDialogs", "选择与报告 %1 比较的上年报告。选择会被记录，重新分析或重新导入后仍然有效。"
    ).replace("%1", _describe(report))
    return intro, prior_candidates(session, report)


class VersionsDialog(CandidateDialog):
    """Which reports are other versions of this one: confirm, or undo a superseding."""

    def __init__(self, context: AppContext, report_id: int, reviewer: str, parent: QWidget | None):
        super().__init__(context, report_id, reviewer, parent)
        self.setObjectName("versionsDialog")
        self.setWindowTitle(QCoreApplication.translate("PairingDialogs", "版本关系"))
        self.add_button(
            "markOlder",
            QCoreApplication.translate("PairingDialogs", "所选是本报告的旧版本"),
            lambda: self.decide("older"),
        )
        self.add_button(
            "markNewer",
            QCoreApplication.translate("PairingDialogs", "本报告是所选的旧版本"),
            lambda: self.decide("newer"),
        )
        self.add_button(
            "notSame",
            QCoreApplication.translate("PairingDialogs", "不是同一报告（撤销取代）"),
            lambda: self.decide("different"),
        )
        self.add_button(
            "closeVersions",
            QCoreApplication.translate("PairingDialogs", "关闭"),
            self.reject,
            needs_row=False,
        )
        self.load(_version_rows)

    def decide(self, decision: str) -> None:
        row = self.selected()
        if row is None:
            return
        other_id, by = row.id, self.reviewer

        def change(session: Session, report: models.Report) -> None:
            from desktop.core.identity_links import mark_earlier_version, reject_version
            from desktop.core.library import get_report

            other = get_report(session, other_id)
            if other is None:
                return
            if decision == "older":
                mark_earlier_version(session, report, other, by)
            elif decision == "newer":
                mark_earlier_version(session, other, report, by)
            else:
                reject_version(session, report, other, by)

        self.save(change)


def _version_rows(session: Session, report: models.Report) -> tuple[str, list[CandidateRow]]:
    from desktop.core.identity_links import version_candidates

    rows = version_candidates(session, report)
    if rows:
        intro = QCoreApplication.translate(
            "PairingDialogs", "与报告 %1 有关的其他版本。旧版本不出现在当前报告列表和汇总中，但不会被删除。"
        )
    else:
        intro = QCoreApplication.translate("PairingDialogs", "资料库中没有报告 %1 的其他版本。")
    return intro.replace("%1", _describe(report)), rows
