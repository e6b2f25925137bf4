"""The library table: one row per report, read from summaries the core produces."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.ui.labels import review_label

if TYPE_CHECKING:
    from desktop.core.library import ReportSummary


Index = QModelIndex | QPersistentModelIndex
ReportIdRole = Qt.ItemDataRole.UserRole + 1


class LibraryModel(QAbstractTableModel):
    COLUMNS = ("agency", "year", "review", "findings", "carried", "date", "title", "format", "state")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ReportSummary] = []

    def set_reports(self, reports: list[ReportSummary]) -> None:
        self.beginResetModel()
        self._rows = list(reports)
        self.endResetModel()

    def report_at(self, row: int) -> ReportSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, report_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == report_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        labels = {
            "agency": QCoreApplication.translate("LibraryModel", "报告单位"),
            "year": QCoreApplication.translate("LibraryModel", "年度"),
            "review": QCoreApplication.translate("LibraryModel", "审阅状态"),
            "findings": QCoreApplication.translate("LibraryModel", "批注"),
            "carried": QCoreApplication.translate("LibraryModel", "沿用上年"),
            "title": QCoreApplication.translate("LibraryModel", "标题"),
            "date": QCoreApplication.translate("LibraryModel", "成文日期"),
            "format": QCoreApplication.translate("LibraryModel", "格式"),
            "state": QCoreApplication.translate("LibraryModel", "状态"),
        }
        return labels[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        report = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ReportIdRole:
            return report.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(report, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return report.source_name
        if role == Qt.ItemDataRole.ForegroundRole and not report.current:
            return QBrush(QColor("#8a8a8a"))
        return None

    def _display(self, report: ReportSummary, column: str, for_sorting: bool) -> Any:
        if column == "agency":
            return report.agency or QCoreApplication.translate("LibraryModel", "（未识别）")
        if column == "year":
            return report.year if for_sorting else (str(report.year) if report.year else "")
        if column == "title":
            return report.title or ""
        if column == "review":
            return review_label(report.review_status)
        if column == "findings":
            return (
                report.annotations if for_sorting else (str(report.annotations) if report.annotations else "")
            )
        if column == "carried":
            if report.carried_over is None:
                return -1.0 if for_sorting else ""
            return report.carried_over if for_sorting else f"{report.carried_over:.0%}"
        if column == "date":
            return report.date or ""
        if column == "format":
            return report.source_format.upper()
        if not report.current:
            return QCoreApplication.translate("LibraryModel", "已被新版本取代")
        if not report.is_annual_report:
            return QCoreApplication.translate("LibraryModel", "疑似非年度报告")
        if report.missing_sections:
            return QCoreApplication.translate("LibraryModel", "缺少必备部分")
        return QCoreApplication.translate("LibraryModel", "最新版本")
