"""The section outline: the heading tree, with the five required parts named and missing ones shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.ui.labels import KIND_LABELS, kind_label

if TYPE_CHECKING:
    from desktop.core.report_detail import SectionInfo

StartRole = Qt.ItemDataRole.UserRole + 1


class OutlinePanel(QWidget):
    section_activated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setHeaderLabels([QCoreApplication.translate("OutlinePanel", "目录")])
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)

    def clear(self) -> None:
        self.tree.clear()

    def show_sections(self, sections: Sequence[SectionInfo], missing: Sequence[str]) -> None:
        self.tree.clear()
        parents: dict[int, QTreeWidgetItem] = {}
        for section in sections:
            if section.level > 4:
                continue
            label = section.number + section.title
            if section.level == 1 and section.kind in KIND_LABELS:
                label += f"  〔{kind_label(section.kind)}〕"
            parent = next((parents[lv] for lv in range(section.level - 1, 0, -1) if lv in parents), None)
            item = QTreeWidgetItem(parent if parent is not None else self.tree, [label])
            item.setToolTip(0, label)
            item.setData(0, StartRole, [section.start, section.heading_end])
            parents[section.level] = item
            for deeper in [lv for lv in parents if lv > section.level]:
                del parents[deeper]
        for kind in missing:
            item = QTreeWidgetItem(
                self.tree, [QCoreApplication.translate("OutlinePanel", "缺少：") + kind_label(kind)]
            )
            item.setForeground(0, QBrush(QColor("#b3261e")))
        self.tree.expandToDepth(0)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = item.data(0, StartRole)
        if span:
            self.section_activated.emit(int(span[0]), int(span[1]))
