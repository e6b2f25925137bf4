"""The metrics panel: a report's figures grouped by kind, failed checks on top.

Clicking a figure asks the text pane to show and highlight the sentence it came from. A figure whose
key is doubtful is marked (amber, with the reason in its tooltip); the memo and the summary leave it
out until the reviewer confirms it. The context menu confirms, corrects or excludes a figure, or
undoes that decision: the panel only asks (``review_requested``), the figure controller stores it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.metrics.checks import Check
from desktop.core.metrics.display import format_figure
from desktop.core.metrics.extract import Mention
from desktop.core.metrics.result import Figure, ReportMetrics
from desktop.ui.labels import label

SpanRole = Qt.ItemDataRole.UserRole + 1
FigureRole = Qt.ItemDataRole.UserRole + 2
"""The :class:`~desktop.core.metrics.result.Figure` an item shows."""
SEVERITY_COLOURS = {"error": "#b3261e", "warning": "#a15c00", "info": "#31588a"}
DOUBTFUL_COLOUR = "#a15c00"
EXCLUDED_COLOUR = "#8a8a8a"
ACTIONS = ("confirm", "correct", "exclude", "reset")


def mention_of(figure: Figure) -> Mention:
    return figure.as_mention()


class MetricsPanel(QWidget):
    figure_activated = Signal(int, int, int, int)
    """start, end of the figure and of its sentence, in the cleaned text."""
    review_requested = Signal(int, str)
    """A figure's id and what the reviewer chose: ``confirm``, ``correct``, ``exclude`` or ``reset``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setObjectName("metricsSummary")
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(4, 2, 4, 2)
        self.summary.hide()
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
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)

    def clear(self) -> None:
        self.tree.clear()
        self.summary.hide()

    def show_metrics(self, result: ReportMetrics | None) -> None:
        expanded = self._expanded_groups()
        self.tree.clear()
        if not result:
            self.summary.hide()
            return
        self._show_summary(result)
        if result.checks:
            checks = QTreeWidgetItem(
                self.tree,
                [QCoreApplication.translate("MetricsPanel", "一致性检查"), str(len(result.checks))],
            )
            checks.setForeground(0, QBrush(QColor(SEVERITY_COLOURS["warning"])))
            for check in result.checks:
                item = QTreeWidgetItem(checks, [check.message, ""])
                item.setToolTip(0, check.message)
                item.setForeground(0, QBrush(QColor(SEVERITY_COLOURS.get(check.severity, "#000"))))
                first = _first_mention(check)
                if first:
                    item.setData(0, SpanRole, _span(first))
            checks.setExpanded(True)
        groups: dict[str, QTreeWidgetItem] = {}
        others: list[Figure] = []
        for data in result.figures:
            if not data.key:
                others.append(data)
                continue
            group = groups.get(data.key)
            if group is None:
                group = groups[data.key] = QTreeWidgetItem(self.tree, [label(data.label), ""])
                group.setExpanded(True)
            self._add_figure(group, data)
        for group in groups.values():
            self._label_group(group)
        if others:
            group = QTreeWidgetItem(
                self.tree, [QCoreApplication.translate("MetricsPanel", "其他数字"), str(len(others))]
            )
            group.setExpanded(QCoreApplication.translate("MetricsPanel", "其他数字") in expanded)
            for data in others:
                self._add_figure(group, data)

    def _show_summary(self, result: ReportMetrics) -> None:
        doubtful = result.doubtful
        sector = result.sector
        # A pack named as the issuer's type (应急管理 for an 应急管理局) goes without saying.
        packs = QCoreApplication.translate("MetricsPanel", "、").join(
            label(p.label) for p in sector.packs if p.label != sector.issuer_type
        )
        parts = []
        if sector:
            kind = (
                label(sector.issuer_type)
                if sector.issuer_type
                else QCoreApplication.translate("MetricsPanel", "未能识别")
            )
            parts.append(
                QCoreApplication.translate("MetricsPanel", "单位类型：%1").replace("%1", kind)
                + (QCoreApplication.translate("MetricsPanel", "（%1）").replace("%1", packs) if packs else "")
            )
        if doubtful:
            parts.append(
                QCoreApplication.translate(
                    "MetricsPanel",
                    "%1 个数字的指标归类存疑，确认前不写入审查意见和汇总（右键可确认、更正或排除）",
                ).replace("%1", str(doubtful))
            )
        self.summary.setText("；".join(parts))
        self.summary.setStyleSheet(f"color:{DOUBTFUL_COLOUR}" if doubtful else "color:#555")
        self.summary.setVisible(bool(parts))

    def _label_group(self, group: QTreeWidgetItem) -> None:
        children = [item.data(0, FigureRole) for item in children_of(group)]
        shown = [d for d in children if not _excluded(d)]
        if len(children) == 1 and shown:
            group.setText(1, shown_value(shown[0]))
        elif not shown:
            group.setText(1, QCoreApplication.translate("MetricsPanel", "已排除"))
        else:
            group.setText(
                1, QCoreApplication.translate("MetricsPanel", "%1 处").replace("%1", str(len(shown)))
            )
        if shown and all(not d.fact for d in shown):
            group.setForeground(0, QBrush(QColor(DOUBTFUL_COLOUR)))
            group.setText(0, group.text(0) + QCoreApplication.translate("MetricsPanel", "（存疑）"))

    def _add_figure(self, group: QTreeWidgetItem, data: Figure) -> None:
        item = QTreeWidgetItem(group, [data.quote, shown_value(data)])
        item.setData(0, SpanRole, _span(data))
        item.setData(0, FigureRole, data)
        review = data.review
        tip = [data.sentence]
        if _excluded(data):
            font = QFont(item.font(0))
            font.setStrikeOut(True)
            for column in (0, 1):
                item.setFont(column, font)
                item.setForeground(column, QBrush(QColor(EXCLUDED_COLOUR)))
            tip.append(QCoreApplication.translate("MetricsPanel", "审阅人已排除：不写入审查意见和汇总。"))
        elif data.key and not data.fact:
            for column in (0, 1):
                item.setForeground(column, QBrush(QColor(DOUBTFUL_COLOUR)))
            item.setText(1, item.text(1) + " ？")
            tip.append(
                QCoreApplication.translate("MetricsPanel", "指标归类存疑：%1").replace("%1", data.doubt or "")
            )
        elif data.decision in ("confirmed", "corrected"):
            item.setText(1, item.text(1) + " ✓")
        if review:
            who = f"（{review.author}）" if review.author else ""
            tip.append(f"{review.label}{who}")
        item.setToolTip(0, "\n".join(tip))
        item.setToolTip(1, "\n".join(tip))

    def _expanded_groups(self) -> set[str]:
        return {item.text(0) for item in top_items(self.tree) if item.isExpanded()}

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = item.data(0, SpanRole)
        if span:
            self.figure_activated.emit(*span)

    def figure_at(self, position: QPoint) -> Figure | None:
        item = self.tree.itemAt(position)
        data = item.data(0, FigureRole) if item is not None else None
        return data if isinstance(data, Figure) and data.id is not None else None

    def menu_for(self, data: Figure) -> QMenu:
        """The context menu of one figure (its actions carry the figure's id and the choice)."""
        menu = QMenu(self)
        review = data.decision
        entries = [
            (
                "confirm",
                QCoreApplication.translate("MetricsPanel", "确认指标和数值"),
                review != "confirmed" and not _excluded(data) and bool(data.key),
            ),
            ("correct", QCoreApplication.translate("MetricsPanel", "更正指标或数值…"), True),
            (
                "exclude",
                QCoreApplication.translate("MetricsPanel", "排除（不作为指标）"),
                not _excluded(data),
            ),
            ("reset", QCoreApplication.translate("MetricsPanel", "撤销审阅处理"), review is not None),
        ]
        for action_name, text, enabled in entries:
            action = menu.addAction(text)
            action.setObjectName(f"figure_{action_name}")
            action.setEnabled(enabled)
            action.triggered.connect(
                lambda _checked=False, n=action_name: self.review_requested.emit(int(data.id or 0), n)
            )
        return menu

    def _menu(self, position: QPoint) -> None:
        data = self.figure_at(position)
        if data is not None:
            self.menu_for(data).exec(self.tree.viewport().mapToGlobal(position))


def shown_value(data: Figure) -> str:
    """The figure as the report words it (``超过10万人``), or the reviewer's corrected value."""
    corrected = data.review is not None and data.review.value is not None
    return data.written if data.written and not corrected else format_figure(mention_of(data))


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    return [item for i in range(tree.topLevelItemCount()) if (item := tree.topLevelItem(i)) is not None]


def children_of(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]


def _excluded(data: Figure) -> bool:
    return data.excluded


def _first_mention(check: Check) -> Mention | None:
    mentions: Sequence[Mention] = check.mentions
    return mentions[0] if mentions else None


def _span(data: Figure | Mention) -> list[int]:
    return [data.start, data.end, data.sentence_start, data.sentence_end]
