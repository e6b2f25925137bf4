"""Full-text search across the library: a query box and the hits, each opening its report at the match."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from db.session import Library

HitRole = Qt.ItemDataRole.UserRole + 1


class SearchPanel(QWidget):
    hit_activated = Signal(int, int, int)
    """report id, start and end of the match in its cleaned text."""
    finished = Signal(int)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.library: Library | None = None
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        # Short enough for a narrow library panel; the example is in the tooltip.
        self.query.setPlaceholderText(QCoreApplication.translate("SearchPanel", "全文搜索，回车开始"))
        self.query.setToolTip(
            QCoreApplication.translate(
                "SearchPanel", "在全部报告中搜索词语；加引号搜索整个短语，如：安全生产 “行政复议”"
            )
        )
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run)
        self.status = QLabel(self)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def run(self) -> None:
        query, library = self.query.text().strip(), self.library
        if not query or library is None:
            return
        self.status.setText(QCoreApplication.translate("SearchPanel", "正在搜索…"))

        def work(_context: Any) -> Any:
            from desktop.core.search_service import search_library

            return search_library(library.sessions, query, 100)

        self.runner.run(work, self._show, lambda error, _t: self.status.setText(str(error)))

    def _show(self, hits: list[Any]) -> None:
        self.results.clear()
        for hit in hits:
            places = QCoreApplication.translate("SearchPanel", "%n 处", "", len(hit.spans))
            label = f"{hit.agency or ''} {hit.year or ''}  {places}\n{hit.marked()}"
            item = QListWidgetItem(label, self.results)
            item.setToolTip(escape(hit.title or ""))
            item.setData(HitRole, [hit.report_id, hit.start if hit.start is not None else -1, hit.end or -1])
        self.status.setText(
            QCoreApplication.translate("SearchPanel", "找到 %1 份报告").replace("%1", str(len(hits)))
            if hits
            else QCoreApplication.translate("SearchPanel", "没有找到匹配的报告")
        )
        self.finished.emit(len(hits))

    def _activated(self, item: QListWidgetItem) -> None:
        report_id, start, end = item.data(HitRole)
        self.hit_activated.emit(int(report_id), int(start), int(end))
