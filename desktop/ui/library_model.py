"""The library table: one row per report, read from summaries the core produces.

The model sorts and filters itself (plain Python over the summaries, a few milliseconds for 10,000
reports) and hands rows to the view in batches as it scrolls (``canFetchMore``/``fetchMore``), so
showing a big library never walks every row through Qt. A proxy model would call ``data()`` for
every comparison while sorting, which is what made 10,000 rows slow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.collation import agency_sort_key
from desktop.ui.labels import review_label

if TYPE_CHECKING:
    from desktop.core.library import ReportSummary


Index = QModelIndex | QPersistentModelIndex
ReportIdRole = Qt.ItemDataRole.UserRole + 1
BATCH = 200
"""Rows handed to the view at a time; a screen shows about 40."""


class LibraryModel(QAbstractTableModel):
    COLUMNS = ("agency", "year", "review", "findings", "carried", "date", "title", "format", "state")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[ReportSummary] = []
        self._rows: list[ReportSummary] = []
        """The reports passing the filter, in the current order; the first ``_loaded`` are shown."""
        self._loaded = 0
        self._filter = ""
        self._haystacks: dict[int, str] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._show_superseded = True

    # Contents ----------------------------------------------------------------------------

    def set_reports(self, reports: list[ReportSummary]) -> None:
        self.beginResetModel()
        self._all = list(reports)
        self._haystacks = {}
        self._arrange()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Keep reports whose shown columns or file name contain ``text`` (case-insensitive)."""
        if text.casefold() == self._filter:
            return
        self.beginResetModel()
        self._filter = text.casefold()
        self._arrange()
        self.endResetModel()

    def set_show_superseded(self, show: bool) -> None:
        """Show or hide earlier versions that a newer version of the same report replaced."""
        if show == self._show_superseded:
            return
        self.beginResetModel()
        self._show_superseded = show
        self._arrange()
        self.endResetModel()

    @property
    def show_superseded(self) -> bool:
        return self._show_superseded

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self.beginResetModel()
        self._sort = (column, order)
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        rows = self._all if self._show_superseded else [r for r in self._all if r.current]
        if self._filter:
            rows = [r for r in rows if self._filter in self._haystack(r)]
        if self._sort is not None:
            column, order = self._sort
            key = _sort_key(self.COLUMNS[column])
            # Stable: reports with equal keys keep the library's order (agency, newest year first).
            rows = sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = list(rows)
        self._loaded = min(BATCH, len(self._rows))

    def _haystack(self, report: ReportSummary) -> str:
        found = self._haystacks.get(report.id)
        if found is None:
            shown = (self._display(report, column, False) for column in self.COLUMNS)
            found = " ".join([*map(str, shown), report.source_name]).casefold()
            self._haystacks[report.id] = found
        return found

    @property
    def total(self) -> int:
        """Reports in the library, whatever the filter."""
        return len(self._all)

    @property
    def matching(self) -> int:
        """Reports passing the filter (loaded into the view or not)."""
        return len(self._rows)

    def report_at(self, row: int) -> ReportSummary | None:
        return self._rows[row] if 0 <= row < self._loaded else None

    def row_of(self, report_id: int) -> int:
        """The row of a report, loading rows up to it; -1 when it is filtered out or absent."""
        row = next((i for i, r in enumerate(self._rows) if r.id == report_id), -1)
        if row >= self._loaded:
            self._load_to(row + 1)
        return row

    # Lazy rows ---------------------------------------------------------------------------

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid():
            self._load_to(self._loaded + BATCH)

    def _load_to(self, count: int) -> None:
        count = min(count, len(self._rows))
        if count <= self._loaded:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, count - 1)
        self._loaded = count
        self.endInsertRows()

    # Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._loaded

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
        if not index.isValid() or not 0 <= index.row() < self._loaded:
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


_REVIEW_ORDER = {"unreviewed": 0, "in_review": 1, "done": 2}


def _sort_key(column: str) -> Callable[[ReportSummary], Any]:
    """Plain keys per column; missing values sort first, as an empty cell would."""
    keys: dict[str, Callable[[ReportSummary], Any]] = {
        "agency": lambda r: agency_sort_key(r.agency),
        "year": lambda r: r.year or 0,
        "review": lambda r: _REVIEW_ORDER.get(r.review_status, 3),
        "findings": lambda r: r.annotations,
        "carried": lambda r: -1.0 if r.carried_over is None else r.carried_over,
        "date": lambda r: r.date or "",
        "title": lambda r: r.title or "",
        "format": lambda r: r.source_format,
        "state": lambda r: (r.current, r.is_annual_report, not r.missing_sections),
    }
    return keys[column]
