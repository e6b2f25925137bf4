"""The season overview tab (年度概览): every current report of one year, with charts.

The rows and the charts are computed in the background (findings and comparisons for every
report, then matplotlib); the charts arrive as PNG images with the rectangles of their bars, so
clicking an issuer's bar, like clicking its row, opens the report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.core.overview.charts import Hit
    from desktop.core.overview.data import SeasonOverview
    from desktop.ui.context import AppContext

LATE_COLOUR = "#F6D5D1"
MISSING_COLOUR = "#FCE5CD"
CARRIED_COLOUR = "#E8DDF5"


class ChartLabel(QLabel):
    """A chart image; bars that stand for an issuer can be clicked."""

    report_clicked = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"chart_{name}")
        self.png = b""
        self.hits: list[Hit] = []
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def set_chart(self, png: bytes, hits: list[Hit]) -> None:
        self.png, self.hits = png, hits
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.setPixmap(pixmap)
        self.setMinimumSize(pixmap.size())
        self.setToolTip(
            QCoreApplication.translate("OverviewView", "右键可另存为图片")
            if not hits
            else QCoreApplication.translate("OverviewView", "点击单位的柱条打开其报告；右键可另存为图片")
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        hit = next((h for h in self.hits if h.contains(position.x(), position.y())), None)
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.report_clicked.emit(hit.report_id)
            return
        super().mousePressEvent(event)

    def _menu(self, position: QPoint) -> None:
        if not self.png:
            return
        menu = QMenu(self)
        action = menu.addAction(QCoreApplication.translate("OverviewView", "另存为图片…"))
        action.triggered.connect(self.save_as)
        menu.exec(self.mapToGlobal(position))

    def save_as(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("OverviewView", "保存图表"),
            f"{self.name}.png",
            QCoreApplication.translate("OverviewView", "PNG 图片 (*.png)"),
        )
        if path:
            Path(path).write_bytes(self.png)


class OverviewView(QWidget):
    report_requested = Signal(int)

    def __init__(
        self, context: AppContext, shown_year: Callable[[], int | None], parent: QWidget | None = None
    ) -> None:
        """``shown_year``: the year of the report on screen (the year shown first)."""
        super().__init__(parent)
        self.setObjectName("overviewView")
        self.context, self.shown_year = context, shown_year
        self.overview: SeasonOverview | None = None
        self._loading = False
        self.year = QComboBox(self)
        self.year.setObjectName("overviewYear")
        self.year.activated.connect(lambda _index: self.reload())
        refresh = QPushButton(QCoreApplication.translate("OverviewView", "刷新"), self)
        refresh.setObjectName("overviewRefresh")
        refresh.clicked.connect(self.reload)
        self.export_button = QPushButton(QCoreApplication.translate("OverviewView", "导出…"), self)
        self.export_button.setObjectName("overviewExport")
        self.export_button.clicked.connect(self.choose_export)
        self.status = QLabel(self)
        self.status.setObjectName("overviewStatus")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(QCoreApplication.translate("OverviewView", "报告年度："), self))
        bar.addWidget(self.year)
        bar.addWidget(refresh)
        bar.addWidget(self.export_button)
        bar.addWidget(self.status, 1)
        self.table = QTableWidget(self)
        self.table.setObjectName("overviewTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(self._row_activated)
        self.table.cellClicked.connect(
            lambda row, column: self._row_activated(row, column) if column == 0 else None
        )
        self.charts = {
            name: ChartLabel(name, self) for name in ("on_time", "completeness", "findings", "carried")
        }
        for chart in self.charts.values():
            chart.report_clicked.connect(self.report_requested)
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.addWidget(self.charts["on_time"], 0, 0)
        grid.addWidget(self.charts["completeness"], 0, 1)
        grid.addWidget(self.charts["findings"], 1, 0)
        grid.addWidget(self.charts["carried"], 1, 1)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setObjectName("overviewCharts")
        scroll.setWidget(grid_host)
        scroll.setWidgetResizable(True)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("overviewSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroll)
        self.splitter.setSizes([260, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    # Loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        library = self.context.library
        if library is None or self._loading:
            return
        wanted = self.year.currentData()
        if wanted is None:  # first opening: the year of the report on screen
            wanted = self.shown_year()
        # Two charts side by side fill the tab.
        width = max(4.5, (self.width() - 60) / 2 / 96)
        self._loading = True
        self.status.setText(QCoreApplication.translate("OverviewView", "正在汇总…"))

        def work(context: Any) -> dict[str, Any]:
            from desktop.core.overview.charts import chart, render_with_hits
            from desktop.core.overview.data import available_years, busiest_year, season_overview

            with library.sessions() as session:
                years = available_years(session)
                year = wanted if wanted in years else busiest_year(session)
                if year is None:
                    return {"years": [], "overview": None, "charts": {}}
                overview = season_overview(
                    session,
                    year,
                    progress=lambda done, total: (context.progress(done, total), not context.cancelled)[1],
                )
            charts = {}
            for name in ("on_time", "completeness", "findings", "carried"):
                figure, bars = chart(name, overview, width=width)
                png, hits, _size = render_with_hits(figure, bars, dpi=96)
                charts[name] = (png, hits)
            return {"years": years, "overview": overview, "charts": charts}

        self.context.runner.run(work, self._loaded, self._failed)

    def _loaded(self, result: dict[str, Any]) -> None:
        self._loading = False
        years: list[int] = result["years"]
        overview: SeasonOverview | None = result["overview"]
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(
                QCoreApplication.translate("OverviewView", "%1年度").replace("%1", str(year)), year
            )
        if overview is not None:
            self.year.setCurrentIndex(max(0, self.year.findData(overview.year)))
        self.year.blockSignals(False)
        self.overview = overview
        self.export_button.setEnabled(overview is not None)
        if overview is None:
            self.status.setText(QCoreApplication.translate("OverviewView", "资料库中还没有报告。"))
            self.table.setRowCount(0)
            return
        rate = overview.on_time_rate
        self.status.setText(
            QCoreApplication.translate("OverviewView", "%1 份报告，按时报送率 %2，必备部分齐全 %3 份")
            .replace("%1", str(len(overview.rows)))
            .replace("%2", "—" if rate is None else f"{rate:.0%}")
            .replace("%3", str(sum(r.complete for r in overview.rows)))
        )
        self._fill_table(overview)
        for name, (png, hits) in result["charts"].items():
            self.charts[name].set_chart(png, hits)

    def _failed(self, error: BaseException, _trace: str) -> None:
        self._loading = False
        self.status.setText(QCoreApplication.translate("OverviewView", "无法汇总：") + str(error))

    def _fill_table(self, overview: SeasonOverview) -> None:
        from desktop.core.overview.export import table

        headers, rows = table(overview)
        shown = [i for i, h in enumerate(headers) if h != "编号"]
        self.table.clear()
        self.table.setColumnCount(len(shown))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([headers[i] for i in shown])
        for r, (values, row) in enumerate(zip(rows, overview.rows, strict=True)):
            for c, index in enumerate(shown):
                item = QTableWidgetItem(str(values[index]))
                item.setData(Qt.ItemDataRole.UserRole, row.report_id)
                header = headers[index]
                if values[index] == "逾期":
                    item.setBackground(QBrush(QColor(LATE_COLOUR)))
                elif header in ("必备部分", "缺少的部分") and row.missing_parts:
                    item.setBackground(QBrush(QColor(MISSING_COLOUR)))
                elif (
                    header.endswith("沿用上年")
                    and values[index]
                    and int(str(values[index]).rstrip("%")) >= 50
                ):
                    item.setBackground(QBrush(QColor(CARRIED_COLOUR)))
                if c == 0:
                    item.setToolTip(QCoreApplication.translate("OverviewView", "点击打开该单位的报告"))
                    item.setForeground(QBrush(QColor("#1A5FB4")))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))

    def _row_activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            QTimer.singleShot(0, lambda: self.report_requested.emit(int(item.data(Qt.ItemDataRole.UserRole))))

    # Export ----------------------------------------------------------------------------------

    def choose_export(self) -> None:
        if self.overview is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("OverviewView", "导出年度概览"),
            f"{self.overview.year}年度审阅概览.xlsx",
            QCoreApplication.translate(
                "OverviewView", "Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf);;PNG 图片 (*.png)"
            ),
        )
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        overview = self.overview
        if overview is None:
            return
        self.status.setText(QCoreApplication.translate("OverviewView", "正在导出…"))

        def work(_context: Any) -> str:
            from desktop.core.overview.export import write_overview

            return str(write_overview(overview, path))

        self.context.runner.run(work, self._exported, self._export_failed)

    def _exported(self, out: str) -> None:
        self.status.setText(QCoreApplication.translate("OverviewView", "已导出到 %1").replace("%1", out))

    def _export_failed(self, error: BaseException, _trace: str) -> None:
        self.status.setText("")
        QMessageBox.warning(self, QCoreApplication.translate("OverviewView", "无法导出"), str(error))
