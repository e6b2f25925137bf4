"""The library list's filter box (Escape clears it) and the notice shown when nothing passes it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QWidget


class LibraryFilter(QLineEdit):
    """Filters the library list as the reviewer types; Escape empties it and shows every report again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryFilter")
        self.setPlaceholderText(QCoreApplication.translate("LibraryFilter", "筛选：单位、年度、标题…"))
        self.setClearButtonEnabled(True)

    def event(self, event: QEvent) -> bool:
        # Escape with a filter typed belongs to the box, before any window shortcut takes it.
        if event.type() == QEvent.Type.ShortcutOverride and self._clears(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._clears(event):
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def _clears(self, event: QEvent) -> bool:
        return (
            isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and bool(self.text())
        )


class EmptyFilterNotice(QObject):
    """A message in the list area when the filter leaves no report, naming the filter."""

    def __init__(self, view: QAbstractItemView, filter_box: QLineEdit) -> None:
        super().__init__(view)
        self.view, self.filter_box = view, filter_box
        self.label = QLabel(view.viewport())
        self.label.setObjectName("libraryEmptyNotice")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the filter is the reviewer's text, not markup
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.label.setStyleSheet("color: #666; padding: 24px 12px;")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.hide()
        view.viewport().installEventFilter(self)
        filter_box.textChanged.connect(self.update_notice)
        model = view.model()
        assert isinstance(model, QAbstractItemModel)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update_notice)
        self.update_notice()

    def update_notice(self) -> None:
        term = self.filter_box.text().strip()
        model = self.view.model()
        empty = bool(term) and model is not None and model.rowCount() == 0
        if empty:
            self.label.setText(
                QCoreApplication.translate("LibraryFilter", "没有符合“%1”的报告。").replace("%1", term)
                + "\n"
                + QCoreApplication.translate("LibraryFilter", "按 Esc 清除筛选，显示全部报告。")
            )
            self.label.setGeometry(self.view.viewport().rect())
        self.label.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.label.isVisible():
            self.label.setGeometry(self.view.viewport().rect())
        return False
