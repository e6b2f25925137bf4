"""The findings panel (问题提示): the checks' proposals beside the annotations, to accept or dismiss."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.columns import fit_titles
from desktop.ui.labels import label

if TYPE_CHECKING:
    from desktop.core.findings.model import Finding

IdRole = Qt.ItemDataRole.UserRole + 1
SpanRole = Qt.ItemDataRole.UserRole + 2
DecisionRole = Qt.ItemDataRole.UserRole + 3
SEVERITY_COLOURS = {"critical": "#C0392B", "serious": "#E07A1F", "normal": "#8A8A8A"}


class FindingsPanel(QWidget):
    finding_activated = Signal(int, int)
    accept_requested = Signal(str)
    dismiss_requested = Signal(str)
    reopen_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.note = QLabel(self)
        self.note.setObjectName("findingsNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#666")
        self.show_decided = QCheckBox(
            QCoreApplication.translate("FindingsPanel", "显示已采纳、已忽略的提示"), self
        )
        self.show_decided.setObjectName("showDecidedFindings")
        self.show_decided.toggled.connect(lambda _on: self._render())
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("findingsTree")
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("FindingsPanel", "程度"),
                QCoreApplication.translate("FindingsPanel", "类别"),
                QCoreApplication.translate("FindingsPanel", "提示"),
            ]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 44), (1, 84)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        fit_titles(header)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.itemClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda current, _previous: self._update_buttons(current))
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._emit(self.accept_requested, item))
        self.detail = QLabel(self)
        self.detail.setObjectName("findingDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.accept_button = self._button(
            QCoreApplication.translate("FindingsPanel", "采纳为批注"), "acceptFinding", self.accept_requested
        )
        self.dismiss_button = self._button(
            QCoreApplication.translate("FindingsPanel", "忽略"), "dismissFinding", self.dismiss_requested
        )
        self.reopen_button = self._button(
            QCoreApplication.translate("FindingsPanel", "恢复"), "reopenFinding", self.reopen_requested
        )
        for button in (self.accept_button, self.dismiss_button, self.reopen_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.show_decided)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self._update_buttons(None)

    def _button(self, text: str, name: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _c=False: self._emit(signal, self.tree.currentItem()))
        return button

    def show_message(self, text: str) -> None:
        self.findings = []
        self.tree.clear()
        self.note.setText(text)
        self._update_buttons(None)

    def show_findings(self, findings: list[Finding]) -> None:
        current = self.tree.currentItem()
        keep = current.data(0, IdRole) if current is not None else None
        self.findings = findings
        self._render(keep)

    @property
    def open_count(self) -> int:
        return sum(f.decision is None for f in self.findings)

    def _render(self, keep: str | None = None) -> None:
        self.tree.clear()
        decided = {
            "accepted": QCoreApplication.translate("FindingsPanel", "〔已采纳〕"),
            "dismissed": QCoreApplication.translate("FindingsPanel", "〔已忽略〕"),
        }
        shown = [f for f in self.findings if f.decision is None or self.show_decided.isChecked()]
        for finding in shown:
            text = finding.message
            if finding.quote:
                quote = finding.quote if len(finding.quote) <= 40 else finding.quote[:40] + "…"
                text = f"“{quote}”\n{text}"
            if finding.decision:
                text = decided.get(finding.decision, "") + text
            item = QTreeWidgetItem(
                self.tree, [label(finding.severity_label), label(finding.category_label), text]
            )
            item.setData(0, IdRole, finding.id)
            item.setData(0, DecisionRole, finding.decision or "")
            item.setForeground(0, QBrush(QColor(SEVERITY_COLOURS.get(finding.severity, "#555555"))))
            item.setToolTip(2, finding.message)
            if finding.start is not None and finding.end is not None:
                item.setData(0, SpanRole, [finding.start, finding.end])
            if finding.decision:
                for column in range(3):
                    item.setForeground(column, QBrush(QColor("#999999")))
            if keep is not None and finding.id == keep:
                self.tree.setCurrentItem(item)
        count = self.open_count
        if not self.findings:
            self.note.setText(QCoreApplication.translate("FindingsPanel", "未发现需要提示的问题。"))
        else:
            self.note.setText(
                QCoreApplication.translate(
                    "FindingsPanel",
                    "软件自动检查提出的 %1 条待处理提示，供审阅参考：采纳后成为批注并写入审查意见。",
                ).replace("%1", str(count))
            )
        self._update_buttons(self.tree.currentItem())

    def _update_buttons(self, item: QTreeWidgetItem | None) -> None:
        decision = item.data(0, DecisionRole) if item is not None else None
        finding = next((f for f in self.findings if item is not None and f.id == item.data(0, IdRole)), None)
        self.detail.setText(finding.message if finding is not None else "")
        self.accept_button.setEnabled(item is not None and not decision)
        self.dismiss_button.setEnabled(item is not None and not decision)
        self.reopen_button.setEnabled(bool(decision))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        span = item.data(0, SpanRole)
        if span:
            self.finding_activated.emit(int(span[0]), int(span[1]))

    @staticmethod
    def _emit(signal: SignalInstance, item: QTreeWidgetItem | None) -> None:
        if item is not None and item.data(0, IdRole):
            signal.emit(str(item.data(0, IdRole)))
