"""The annotations panel: a report's annotations with filters; orphans listed apart, never hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.annotations.taxonomy import Taxonomy
from desktop.ui.columns import fit_titles
from desktop.ui.labels import label

if TYPE_CHECKING:
    from desktop.core.annotations.store import AnnotationView
from desktop.ui.annotation_dialog import swatch

IdRole = Qt.ItemDataRole.UserRole + 1
SpanRole = Qt.ItemDataRole.UserRole + 2
ALL = "__all__"


class AnnotationsPanel(QWidget):
    annotation_activated = Signal(int, int)
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    toggle_requested = Signal(str)

    def __init__(self, taxonomy: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.views: list[AnnotationView] = []
        self.category_filter = self._filter(
            "categoryFilter",
            QCoreApplication.translate("AnnotationsPanel", "全部类别"),
            [(t.key, label(t.label)) for t in taxonomy.categories],
        )
        self.status_filter = self._filter(
            "statusFilter",
            QCoreApplication.translate("AnnotationsPanel", "全部状态"),
            [(t.key, label(t.label)) for t in taxonomy.statuses],
        )
        self.author_filter = self._filter(
            "authorFilter", QCoreApplication.translate("AnnotationsPanel", "全部审阅人"), []
        )
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("annotationsTree")
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("AnnotationsPanel", "类别"),
                QCoreApplication.translate("AnnotationsPanel", "程度"),
                QCoreApplication.translate("AnnotationsPanel", "引文 / 意见"),
                QCoreApplication.translate("AnnotationsPanel", "状态"),
            ]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Narrow label columns: the quote and comment are what the reviewer reads in a side panel.
        for column, width in ((0, 84), (1, 44), (3, 56)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        fit_titles(header)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.sectionResized.connect(self._column_resized)
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._emit(self.edit_requested, item))
        buttons = QHBoxLayout()
        for text, signal, name in (
            (QCoreApplication.translate("AnnotationsPanel", "修改…"), self.edit_requested, "editAnnotation"),
            (
                QCoreApplication.translate("AnnotationsPanel", "已处理/未处理"),
                self.toggle_requested,
                "toggleAnnotation",
            ),
            (
                QCoreApplication.translate("AnnotationsPanel", "删除"),
                self.delete_requested,
                "deleteAnnotation",
            ),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, s=signal: self._emit(s, self.tree.currentItem()))
            buttons.addWidget(button)
        filters = QHBoxLayout()
        for combo in (self.category_filter, self.status_filter, self.author_filter):
            filters.addWidget(combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)

    def _filter(self, name: str, everything: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, ALL)
        for key, text in choices:
            combo.addItem(text, key)
        combo.currentIndexChanged.connect(self._render)
        return combo

    def show_annotations(self, views: list[AnnotationView]) -> None:
        self.views = views
        current = self.author_filter.currentData()
        self.author_filter.blockSignals(True)
        while self.author_filter.count() > 1:
            self.author_filter.removeItem(1)
        for author in sorted({v.author or "" for v in views}):
            self.author_filter.addItem(
                author or QCoreApplication.translate("AnnotationsPanel", "（未署名）"), author
            )
        self.author_filter.setCurrentIndex(max(0, self.author_filter.findData(current)))
        self.author_filter.blockSignals(False)
        self._render()

    def visible(self) -> list[AnnotationView]:
        category, status, author = (
            c.currentData() for c in (self.category_filter, self.status_filter, self.author_filter)
        )
        return [
            v
            for v in self.views
            if category in (ALL, v.category) and status in (ALL, v.status) and author in (ALL, v.author or "")
        ]

    def _render(self) -> None:
        self.tree.clear()
        for view in self.visible():
            quote = (
                view.selectors.exact if len(view.selectors.exact) <= 40 else view.selectors.exact[:40] + "…"
            )
            comment = f"“{quote}”\n{view.comment}" if view.comment else f"“{quote}”"
            if view.orphan:
                comment = QCoreApplication.translate("AnnotationsPanel", "〔原文已找不到〕") + comment
            item = QTreeWidgetItem(
                self.tree,
                [label(view.category_label), label(view.severity_label), comment, label(view.status_label)],
            )
            item.setIcon(0, swatch(view.color))
            item.setData(0, IdRole, view.id)
            item.setToolTip(
                2, f"{view.comment}\n—— {view.author or ''} {view.modified_at.astimezone():%Y-%m-%d %H:%M}"
            )
            if view.start is not None and view.end is not None:
                item.setData(0, SpanRole, [view.start, view.end])
            else:
                item.setForeground(2, QBrush(QColor("#b3261e")))
        self._fit_rows()

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 2:
            self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as tall as its quote and comment wrapped in the column: the comment is read here,
        not only in a tooltip (the view itself sizes wrapped rows for one line of quote)."""
        width = max(40, self.tree.header().sectionSize(2) - 10)
        metrics = self.tree.fontMetrics()
        flags = Qt.TextFlag.TextWordWrap.value | Qt.AlignmentFlag.AlignLeft.value
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is None:
                continue
            needed = metrics.boundingRect(QRect(0, 0, width, 100000), flags, item.text(2)).height()
            item.setSizeHint(2, QSize(width, needed + 8))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = item.data(0, SpanRole)
        if span:
            self.annotation_activated.emit(int(span[0]), int(span[1]))

    @staticmethod
    def _emit(signal: SignalInstance, item: QTreeWidgetItem | None) -> None:
        if item is not None and item.data(0, IdRole):
            signal.emit(str(item.data(0, IdRole)))
