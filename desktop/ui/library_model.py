"""The library table: one row per report, read from summaries the core produces."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.library import ReportSummary

Index = QModelIndex | QPersistentModelIndex
ReportIdRole = Qt.ItemDataRole.UserRole + 1
REVIEW_LABELS = {"unreviewed": "未审", "in_review": "审阅中", "done": "已完成"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryModel", text)


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
            "agency": _tr("报告单位"),
            "year": _tr("年度"),
            "review": _tr("审阅状态"),
            "findings": _tr("批注"),
            "carried": _tr("沿用上年"),
            "title": _tr("标题"),
            "date": _tr("成文日期"),
            "format": _tr("格式"),
            "state": _tr("状态"),
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
            return report.agency or _tr("（未识别）")
        if column == "year":
            return report.year if for_sorting else (str(report.year) if report.year else "")
        if column == "title":
            return report.title or ""
        if column == "review":
            return _tr(REVIEW_LABELS.get(report.review_status, report.review_status))
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
            return _tr("已被新版本取代")
        if not report.is_annual_report:
            return _tr("疑似非年度报告")
        if report.missing_sections:
            return _tr("缺少必备部分")
        return _tr("最新版本")
