"""The metrics panel: a report's figures grouped by kind, failed checks on top.

Clicking a figure asks the text pane to show and highlight the sentence it came from.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.core.metrics.display import format_figure
from desktop.core.metrics.extract import Mention

SpanRole = Qt.ItemDataRole.UserRole + 1
SEVERITY_COLOURS = {"error": "#b3261e", "warning": "#a15c00", "info": "#31588a"}


def mention_of(data: dict[str, Any]) -> Mention:
    return Mention(**{k: v for k, v in data.items() if k in Mention.__dataclass_fields__})


class MetricsPanel(QWidget):
    figure_activated = Signal(int, int, int, int)
    """start, end of the figure and of its sentence, in the cleaned text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("metricsTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("MetricsPanel", "指标"),
                QCoreApplication.translate("MetricsPanel", "数值"),
            ]
        )
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)

    def clear(self) -> None:
        self.tree.clear()

    def show_metrics(self, result: dict[str, Any] | None) -> None:
        self.tree.clear()
        if not result:
            return
        if result["checks"]:
            checks = QTreeWidgetItem(
                self.tree,
                [QCoreApplication.translate("MetricsPanel", "一致性检查"), str(len(result["checks"]))],
            )
            checks.setForeground(0, QBrush(QColor(SEVERITY_COLOURS["warning"])))
            for check in result["checks"]:
                item = QTreeWidgetItem(checks, [check["message"], ""])
                item.setToolTip(0, check["message"])
                item.setForeground(0, QBrush(QColor(SEVERITY_COLOURS.get(check["severity"], "#000"))))
                first = check["mentions"][0] if check["mentions"] else None
                if first:
                    item.setData(0, SpanRole, _span(first))
            checks.setExpanded(True)
        groups: dict[str, QTreeWidgetItem] = {}
        others: list[dict[str, Any]] = []
        for data in result["metrics"]:
            if not data["key"]:
                others.append(data)
                continue
            group = groups.get(data["key"])
            if group is None:
                group = groups[data["key"]] = QTreeWidgetItem(self.tree, [data["label"], ""])
                group.setExpanded(True)
            self._add_figure(group, data)
            group.setText(
                1, format_figure(mention_of(data)) if group.childCount() == 1 else f"{group.childCount()} 处"
            )
        if others:
            group = QTreeWidgetItem(
                self.tree, [QCoreApplication.translate("MetricsPanel", "其他数字"), str(len(others))]
            )
            for data in others:
                self._add_figure(group, data)

    def _add_figure(self, group: QTreeWidgetItem, data: dict[str, Any]) -> None:
        item = QTreeWidgetItem(group, [data["quote"], format_figure(mention_of(data))])
        item.setToolTip(0, data["sentence"])
        item.setData(0, SpanRole, _span(data))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = item.data(0, SpanRole)
        if span:
            self.figure_activated.emit(*span)


def _span(data: dict[str, Any]) -> list[int]:
    return [int(data["start"]), int(data["end"]), int(data["sentence_start"]), int(data["sentence_end"])]
