"""处理批注冲突: annotations edited here and in an imported package; the reviewer keeps one version."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from desktop.ui.labels import label

if TYPE_CHECKING:
    from db.session import Library
    from desktop.core.exchange.conflicts import ConflictView

FIELDS = ("category_label", "severity_label", "status_label", "comment", "author")


def version_html(version: Any, differences: tuple[str, ...], when: Any) -> str:
    names = {
        "category_label": QCoreApplication.translate("ConflictDialog", "类别"),
        "severity_label": QCoreApplication.translate("ConflictDialog", "严重程度"),
        "status_label": QCoreApplication.translate("ConflictDialog", "状态"),
        "comment": QCoreApplication.translate("ConflictDialog", "意见"),
        "author": QCoreApplication.translate("ConflictDialog", "批注人"),
    }
    rows = []
    for field in FIELDS:
        value = getattr(version, field) or ""
        shown = label(value) if field != "comment" and field != "author" else value
        changed = field.removesuffix("_label") in differences
        style = " style='background:#fff1c2'" if changed else ""
        rows.append(f"<tr><td style='color:#666'>{names[field]}</td><td{style}>{escape(shown)}</td></tr>")
    stamp = when.strftime("%Y-%m-%d %H:%M") if when else "—"
    modified = QCoreApplication.translate("ConflictDialog", "修改时间")
    rows.append(f"<tr><td style='color:#666'>{modified}</td><td>{stamp}</td></tr>")
    return "<table cellspacing='4'>" + "".join(rows) + "</table>"


class ConflictDialog(QDialog):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(QCoreApplication.translate("ConflictDialog", "处理批注冲突"))
        self.resize(900, 520)
        self.library = library
        self.resolved = 0
        self.conflicts: list[ConflictView] = []
        self.list = QListWidget(self)
        self.list.setObjectName("conflictList")
        self.quote = QLabel(self)
        self.quote.setWordWrap(True)
        self.local = QTextBrowser(self)
        self.local.setObjectName("localVersion")
        self.incoming = QTextBrowser(self)
        self.incoming.setObjectName("incomingVersion")
        self.keep_local = QPushButton(QCoreApplication.translate("ConflictDialog", "保留本地版本"), self)
        self.keep_local.setObjectName("keepLocal")
        self.keep_incoming = QPushButton(QCoreApplication.translate("ConflictDialog", "采用导入的版本"), self)
        self.keep_incoming.setObjectName("keepIncoming")
        self.keep_local.clicked.connect(lambda: self.resolve_current("local"))
        self.keep_incoming.clicked.connect(lambda: self.resolve_current("incoming"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        grid = QGridLayout(self)
        grid.addWidget(self.list, 0, 0, 4, 1)
        grid.addWidget(self.quote, 0, 1, 1, 2)
        grid.addWidget(QLabel(QCoreApplication.translate("ConflictDialog", "本资料库中的版本"), self), 1, 1)
        grid.addWidget(QLabel(QCoreApplication.translate("ConflictDialog", "批注包中的版本"), self), 1, 2)
        grid.addWidget(self.local, 2, 1)
        grid.addWidget(self.incoming, 2, 2)
        grid.addWidget(self.keep_local, 3, 1)
        grid.addWidget(self.keep_incoming, 3, 2)
        grid.addWidget(close, 4, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.list.currentRowChanged.connect(self._show)
        self.reload()

    def reload(self) -> None:
        from desktop.core.exchange.conflicts import list_conflicts

        with self.library.sessions() as session:
            self.conflicts = list_conflicts(session)
        self.list.clear()
        for conflict in self.conflicts:
            quote = conflict.local.selectors.exact
            text = (quote[:24] + "…") if len(quote) > 24 else quote
            item = QListWidgetItem(f"“{text}”\n{conflict.source}")
            item.setToolTip(quote)
            self.list.addItem(item)
        if self.conflicts:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        valid = 0 <= row < len(self.conflicts)
        self.keep_local.setEnabled(valid)
        self.keep_incoming.setEnabled(valid)
        if not valid:
            self.quote.setText(QCoreApplication.translate("ConflictDialog", "没有待处理的批注冲突。"))
            self.local.clear()
            self.incoming.clear()
            return
        conflict = self.conflicts[row]
        self.quote.setText(
            QCoreApplication.translate("ConflictDialog", "原文：") + conflict.local.selectors.exact
        )
        self.local.setHtml(version_html(conflict.local, conflict.differences, conflict.local.modified_at))
        self.incoming.setHtml(
            version_html(conflict.incoming, conflict.differences, conflict.incoming.modified_at)
        )

    def resolve_current(self, keep: str) -> None:
        from desktop.core.exchange.conflicts import resolve_conflict

        row = self.list.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        with self.library.sessions.begin() as session:
            resolve_conflict(session, self.conflicts[row].id, "local" if keep == "local" else "incoming")
        self.resolved += 1
        self.reload()
        self.list.setCurrentRow(min(row, len(self.conflicts) - 1))
