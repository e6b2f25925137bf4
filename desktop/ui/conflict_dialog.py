"""处理批注冲突: annotations edited here and in an imported package, or saved by two reviewers of a
team library at once; the reviewer keeps one version. ``VersionChoiceDialog``: the same two-version
choice for a review state or a metadata correction whose save lost a race."""

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

from desktop.ui.changes import Changes
from desktop.ui.labels import label
from desktop.ui.operations import CollectionOp, QueryOp, show_operation_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.core.exchange.conflicts import ConflictView
    from desktop.ui.context import AppContext

FIELDS = ("category_label", "severity_label", "status_label", "comment", "author")


def saved_by(version: Any) -> str:
    """Who saved a version: the last editor of a stored annotation, else its author."""
    return getattr(version, "modified_by", None) or getattr(version, "author", None) or ""


def version_html(version: Any, differences: tuple[str, ...], when: Any) -> str:
    names = {
        "category_label": QCoreApplication.translate("ConflictDialog", "类别"),
        "severity_label": QCoreApplication.translate("ConflictDialog", "严重程度"),
        "status_label": QCoreApplication.translate("ConflictDialog", "状态"),
        "comment": QCoreApplication.translate("ConflictDialog", "意见"),
        "author": QCoreApplication.translate("ConflictDialog", "修改人"),
    }
    rows = []
    for field in FIELDS:
        value = (saved_by(version) if field == "author" else getattr(version, field)) or ""
        shown = label(value) if field != "comment" and field != "author" else value
        changed = field.removesuffix("_label") in differences
        style = " style='background:#fff1c2'" if changed else ""
        rows.append(f"<tr><td style='color:#666'>{names[field]}</td><td{style}>{escape(shown)}</td></tr>")
    stamp = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else "—"  # the reviewer's local time
    modified = QCoreApplication.translate("ConflictDialog", "修改时间")
    rows.append(f"<tr><td style='color:#666'>{modified}</td><td>{stamp}</td></tr>")
    return "<table cellspacing='4'>" + "".join(rows) + "</table>"


class ConflictDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, select: int | None = None) -> None:
        """``select``: the conflict to show first (by id). Reads and choices run as operations."""
        super().__init__(parent)
        self.select = select
        self.setObjectName("conflictDialog")
        self.setWindowTitle(QCoreApplication.translate("ConflictDialog", "处理批注冲突"))
        self.resize(900, 520)
        self.context = context
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
        self.local_title = QLabel(self)
        self.incoming_title = QLabel(self)
        grid.addWidget(self.local_title, 1, 1)
        grid.addWidget(self.incoming_title, 1, 2)
        grid.addWidget(self.local, 2, 1)
        grid.addWidget(self.incoming, 2, 2)
        grid.addWidget(self.keep_local, 3, 1)
        grid.addWidget(self.keep_incoming, 3, 2)
        grid.addWidget(close, 4, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.list.currentRowChanged.connect(self._show)
        self.reload()

    def reload(self, row: int | None = None) -> None:
        """Read the open conflicts in the background; ``row``: the row to show then."""
        from desktop.core.exchange.conflicts import list_conflicts

        self.keep_local.setEnabled(False)
        self.keep_incoming.setEnabled(False)
        QueryOp(self.context, list_conflicts, lambda found: self._listed(found, row)).owned_by(self).run()

    def _listed(self, conflicts: list[ConflictView], row: int | None) -> None:
        self.conflicts = conflicts
        self.list.clear()
        for conflict in self.conflicts:
            quote = conflict.local.selectors.exact
            text = (quote[:24] + "…") if len(quote) > 24 else quote
            origin = conflict.source
            if conflict.kind == "edit":
                origin = QCoreApplication.translate("ConflictDialog", "%1 未保存的修改").replace(
                    "%1", conflict.source or QCoreApplication.translate("ConflictDialog", "（未署名）")
                )
            item = QListWidgetItem(f"“{text}”\n{origin}")
            item.setToolTip(quote)
            self.list.addItem(item)
        wanted = next((i for i, c in enumerate(self.conflicts) if c.id == self.select), 0)
        if row is not None:
            wanted = min(row, len(self.conflicts) - 1)
        self.select = None
        if self.conflicts:
            self.list.setCurrentRow(wanted)
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
        if conflict.kind == "edit":  # two reviewers saved the same annotation at once
            self.local_title.setText(QCoreApplication.translate("ConflictDialog", "已保存的版本"))
            self.incoming_title.setText(QCoreApplication.translate("ConflictDialog", "未能保存的版本"))
            self.keep_local.setText(QCoreApplication.translate("ConflictDialog", "保留已保存的版本"))
            self.keep_incoming.setText(QCoreApplication.translate("ConflictDialog", "改用未能保存的版本"))
        else:
            self.local_title.setText(QCoreApplication.translate("ConflictDialog", "本资料库中的版本"))
            self.incoming_title.setText(QCoreApplication.translate("ConflictDialog", "批注包中的版本"))
            self.keep_local.setText(QCoreApplication.translate("ConflictDialog", "保留本地版本"))
            self.keep_incoming.setText(QCoreApplication.translate("ConflictDialog", "采用导入的版本"))
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
        conflict_id = self.conflicts[row].id

        def store(session: Session) -> None:
            resolve_conflict(session, conflict_id, "local" if keep == "local" else "incoming")

        def resolved(_result: object) -> None:
            self.resolved += 1
            self.reload(row)

        self.keep_local.setEnabled(False)
        self.keep_incoming.setEnabled(False)
        CollectionOp(
            self.context,
            store,
            Changes(annotations=True, findings=True),
            initiator=self,
        ).success(resolved).failure(self._failed).owned_by(self).run()

    def _failed(self, error: BaseException) -> None:
        self._show(self.list.currentRow())  # the choice was not stored: both stay to choose from
        show_operation_error(self.context, error)


class VersionChoiceDialog(QDialog):
    """Both versions of a review state or a metadata correction whose save lost a race: ``exec()``
    returns Accepted to save the reviewer's own version over the other, Rejected to keep the saved one."""

    def __init__(
        self,
        intro: str,
        saved: list[tuple[str, str]],
        mine: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("versionChoiceDialog")
        self.setWindowTitle(QCoreApplication.translate("ConflictDialog", "其他审阅人同时做了修改"))
        self.resize(760, 420)
        message = QLabel(intro, self)
        message.setWordWrap(True)
        self.saved = QTextBrowser(self)
        self.saved.setObjectName("savedVersion")
        self.saved.setHtml(_rows_html(saved))
        self.mine = QTextBrowser(self)
        self.mine.setObjectName("myVersion")
        self.mine.setHtml(_rows_html(mine))
        keep = QPushButton(QCoreApplication.translate("ConflictDialog", "保留已保存的版本"), self)
        keep.setObjectName("keepSaved")
        overwrite = QPushButton(QCoreApplication.translate("ConflictDialog", "改用我的版本"), self)
        overwrite.setObjectName("useMine")
        keep.clicked.connect(self.reject)
        overwrite.clicked.connect(self.accept)
        grid = QGridLayout(self)
        grid.addWidget(message, 0, 0, 1, 2)
        grid.addWidget(QLabel(QCoreApplication.translate("ConflictDialog", "已保存的版本"), self), 1, 0)
        grid.addWidget(
            QLabel(QCoreApplication.translate("ConflictDialog", "我的版本（尚未保存）"), self), 1, 1
        )
        grid.addWidget(self.saved, 2, 0)
        grid.addWidget(self.mine, 2, 1)
        grid.addWidget(keep, 3, 0)
        grid.addWidget(overwrite, 3, 1)


def _rows_html(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='color:#666'>{escape(name)}</td><td>{escape(value)}</td></tr>" for name, value in rows
    )
    return f"<table cellspacing='4'>{cells}</table>"
