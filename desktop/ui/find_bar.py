"""Find in a report: a bar under a text view with next/previous, a match count and every match marked.

The bar searches the document the view shows (cleaned text, original, or one side of a comparison),
case-insensitively, and marks all matches in its own highlight layer (``text_layers``), so annotation
tints and change markers stay as they are. Next and previous start from the text cursor, so a click
in the text or a jump from the outline moves where the search goes on; both wrap around the ends and
say so. A new document (another report, the original text) is searched again without scrolling.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from desktop.ui.text_layers import highlight_layers

MATCH_COLOUR = "#fff176"
CURRENT_COLOUR = "#ff9800"
MAX_MARKED = 5000
"""Matches beyond this many are counted but not painted (a one-character search in a long report)."""


class FindBar(QWidget):
    closed = Signal()
    searched = Signal(int)
    """The number of matches after each search."""

    def __init__(self, text: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.text = text
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self._starts: list[int] = []
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findText")
        self.edit.setPlaceholderText(QCoreApplication.translate("FindBar", "在本报告中查找"))
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("第 888/888 处，已从开头继续"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(QLabel(QCoreApplication.translate("FindBar", "查找："), self))
        layout.addWidget(self.edit, 1)
        self.previous_button = self._button(
            "findPrevious",
            "↑",
            QCoreApplication.translate("FindBar", "上一个（Shift+F3）"),
            self.find_previous,
        )
        self.next_button = self._button(
            "findNext", "↓", QCoreApplication.translate("FindBar", "下一个（F3）"), self.find_next
        )
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        close = self._button(
            "findClose", "✕", QCoreApplication.translate("FindBar", "关闭查找栏（Esc）"), self.close_bar
        )
        layout.addWidget(close)
        # Typing searches as it goes; a short delay lets fast typing and input methods settle first.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(120)
        self._typing.timeout.connect(lambda: self.search(move=True))
        self.edit.textEdited.connect(lambda _t: self._typing.start())
        self.text.textChanged.connect(self.refresh)
        self.hide()

    def _button(self, name: str, glyph: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(glyph)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # Opening and closing -----------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with the text's selection (a short one) or the last term, ready to type."""
        selected = self.text.textCursor().selectedText()
        if selected and len(selected) <= 40 and "\u2029" not in selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.search(move=False)

    def close_bar(self) -> None:
        self._typing.stop()
        self.hide()
        self.matches, self._starts, self.current = [], [], -1
        highlight_layers(self.text).set("find", [])
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    @property
    def term(self) -> str:
        return self.edit.text()

    # Searching ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """The document changed: mark the matches again, without moving the reader."""
        if self.isVisible() and self.term:
            QTimer.singleShot(0, lambda: self.search(move=False))

    def search(self, move: bool) -> None:
        """Find every match; with ``move``, select the first one from where the search began."""
        self._typing.stop()
        term = self.term
        self.matches, self.current = (self._find_all(term) if term else []), -1
        self._starts = [start for start, _end in self.matches]
        if move and self.matches:
            cursor = self.text.textCursor()
            self._go(self._index_from(cursor.selectionStart()))
        else:
            self._paint()
            self._show_count()
        self.searched.emit(len(self.matches))

    def find_next(self) -> None:
        self._step(forward=True)

    def find_previous(self) -> None:
        self._step(forward=False)

    def _step(self, forward: bool) -> None:
        if not self.isVisible():
            self.open_bar()
        if self._typing.isActive() or not self.matches:
            self.search(move=False)
        if not self.matches:
            return
        cursor = self.text.textCursor()
        wrapped = ""
        if forward:
            index = bisect_left(self._starts, cursor.selectionEnd())
            if index >= len(self.matches):
                index, wrapped = 0, "start"
        else:
            index = bisect_left(self._starts, cursor.selectionStart()) - 1
            if index < 0:
                index, wrapped = len(self.matches) - 1, "end"
        self._go(index, wrapped)

    def _index_from(self, position: int) -> int:
        index = bisect_left(self._starts, position)
        return index if index < len(self.matches) else 0

    def _go(self, index: int, wrapped: str = "") -> None:
        self.current = index
        start, end = self.matches[index]
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        self._paint()
        self._show_count(wrapped)

    def _find_all(self, term: str) -> list[tuple[int, int]]:
        document = self.text.document()
        found: list[tuple[int, int]] = []
        cursor = QTextCursor(document)
        while True:
            cursor = document.find(term, cursor, QTextDocument.FindFlag(0))
            if cursor.isNull():
                return found
            found.append((cursor.selectionStart(), cursor.selectionEnd()))

    def _paint(self) -> None:
        document = self.text.document()
        current = self.matches[self.current] if self.current >= 0 else None
        shown = self.matches[:MAX_MARKED]
        if current is not None and self.current >= MAX_MARKED:
            shown.append(current)
        selections = []
        for start, end in shown:
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            char_format = QTextCharFormat()
            colour = CURRENT_COLOUR if (start, end) == current else MATCH_COLOUR
            char_format.setBackground(QBrush(QColor(colour)))
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = char_format
            selections.append(selection)
        highlight_layers(self.text).set("find", selections)

    def _show_count(self, wrapped: str = "") -> None:
        """The count, and ``wrapped`` (``start`` or ``end``) when a step went round an end of the text."""
        total = len(self.matches)
        if not self.term:
            text = ""
        elif not total:
            text = QCoreApplication.translate("FindBar", "未找到")
        elif self.current < 0:
            text = (
                QCoreApplication.translate("FindBar", "共 1 处")
                if total == 1
                else QCoreApplication.translate("FindBar", "共 %1 处").replace("%1", str(total))
            )
        else:
            text = (
                QCoreApplication.translate("FindBar", "第 %1/%2 处")
                .replace("%1", str(self.current + 1))
                .replace("%2", str(total))
            )
            if wrapped == "start":
                text += QCoreApplication.translate("FindBar", "，已从开头继续")
            elif wrapped == "end":
                text += QCoreApplication.translate("FindBar", "，已从末尾继续")
        self.count.setText(text)
        self.edit.setStyleSheet("" if total or not self.term else "QLineEdit { background: #fde0dc; }")

    # Keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key == Qt.Key.Key_Escape or key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Taken before any window shortcut (reading mode also leaves on Escape).
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    if key == Qt.Key.Key_Escape:
                        self.close_bar()
                    else:
                        self._step(forward=not shift)
                return True
        return super().eventFilter(watched, event)
