"""A report's facts, warnings and text (cleaned, or the original), with highlighted spans.

Highlights are Qt extra selections over the cleaned text: annotation tints (category colours)
plus a focus highlight (a figure in its sentence, a heading, a search hit). Positions are string
offsets of the cleaned text, which equal document positions for the BMP characters reports use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QLabel, QTextEdit, QToolTip, QVBoxLayout, QWidget

from desktop.ui.report_header import KIND_LABELS, header_html
from desktop.ui.text_layers import highlight_layers

if TYPE_CHECKING:
    from desktop.core.report_detail import ReportDetail

__all__ = ["KIND_LABELS", "ReportTextView"]


class ReportTextView(QWidget):
    mode_changed = Signal(bool)
    """True when the original text is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setObjectName("reportHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QTextEdit(self)
        self.text.setObjectName("reportText")
        self.text.setReadOnly(True)
        self.text.setAcceptRichText(False)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        self._detail: ReportDetail | None = None
        self._annotation_spans: list[tuple[int, int, str]] = []
        self._focus: list[QTextEdit.ExtraSelection] = []
        self._notes: list[tuple[int, int, str]] = []
        self._add_text_actions()
        self.text.viewport().installEventFilter(self)
        self.show_original = False
        self.set_font_size(13)
        self.clear()

    def clear(self) -> None:
        self._detail = None
        self._focus = []
        self._annotation_spans = []
        self._notes = []
        hint = QCoreApplication.translate(
            "ReportTextView", "在左侧选择一份报告，或把报告文件拖到窗口中导入。"
        )
        self.header.setText(f"<span style='color:#666'>{hint}</span>")
        self.text.clear()
        highlight_layers(self.text).set("marks", [])

    def set_font_size(self, points: int) -> None:
        font = QFont(self.text.font())
        font.setPointSize(points)
        self.text.setFont(font)

    @property
    def report_id(self) -> int | None:
        return self._detail.id if self._detail else None

    def show_report(self, detail: ReportDetail) -> None:
        self._detail = detail
        self._focus = []
        self._render()

    def set_show_original(self, original: bool) -> None:
        if original == self.show_original:
            return
        self.show_original = original
        self._render()
        self.mode_changed.emit(original)

    def _add_text_actions(self) -> None:
        """Copy and select-all head the text's context menu (the window adds its own actions after)."""
        copy = QAction(QCoreApplication.translate("ReportTextView", "复制(&C)"), self.text)
        copy.setObjectName("copyText")
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.setEnabled(False)
        copy.triggered.connect(self.text.copy)
        self.text.copyAvailable.connect(copy.setEnabled)
        select_all = QAction(QCoreApplication.translate("ReportTextView", "全选(&A)"), self.text)
        select_all.setObjectName("selectAllText")
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        select_all.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        select_all.triggered.connect(self.text.selectAll)
        separator = QAction(self.text)
        separator.setSeparator(True)
        self.text.addActions([copy, select_all, separator])

    def set_annotation_notes(self, notes: list[tuple[int, int, str]]) -> None:
        """What hovering an annotated passage shows: ``(start, end, text)`` in cleaned-text offsets."""
        self._notes = notes

    def notes_at(self, position: int) -> list[str]:
        if self.show_original:
            return []
        return [text for start, end, text in self._notes if start <= position < end]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            notes = self.notes_at(self.text.cursorForPosition(event.pos()).position())
            if notes:
                QToolTip.showText(event.globalPos(), "\n\n".join(notes), self.text.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().eventFilter(watched, event)

    def set_annotation_spans(self, spans: list[tuple[int, int, str]]) -> None:
        """Annotated passages, tinted with their category colour (cleaned text only)."""
        self._annotation_spans = spans
        self._apply_selections()

    def selected_span(self) -> tuple[int, int] | None:
        """The reviewer's selection in the cleaned text; None when nothing is selected or the original is shown."""
        cursor = self.text.textCursor()
        if self.show_original or not cursor.hasSelection() or self._detail is None:
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def select(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def highlight(
        self, start: int, end: int, context_start: int | None = None, context_end: int | None = None
    ) -> None:
        """Show cleaned-text span ``[start, end)`` (in its sentence ``context``) and scroll to it."""
        self.set_show_original(False)
        self._focus = []
        if context_start is not None and context_end is not None and context_end > context_start:
            self._focus.append(self._selection(context_start, context_end, "#fff3c4"))
        self._focus.append(self._selection(start, end, "#ffd54f"))
        self._apply_selections()
        self._scroll_to(start, end)

    def highlighted_text(self) -> list[str]:
        """The focus highlight (sentence, then figure), without the annotation tints."""
        return [s.cursor.selectedText() for s in self._focus]

    def _scroll_to(self, start: int, end: int) -> None:
        last = self.text.document().characterCount() - 1
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(min(end, last))
        self.text.setTextCursor(cursor)
        cursor.setPosition(min(start, last))
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        # Bring the highlight to the upper third of the pane rather than its bottom edge.
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + self.text.cursorRect(cursor).top() - self.text.viewport().height() // 3)

    def _apply_selections(self) -> None:
        marks = highlight_layers(self.text)
        if self.show_original:
            marks.set("marks", [])
            return
        tints = [
            self._selection(s, e, QColor(c).lighter(170).name(), underline=c)
            for s, e, c in self._annotation_spans
        ]
        marks.set("marks", tints + self._focus)

    def _selection(
        self, start: int, end: int, colour: str, underline: str | None = None
    ) -> QTextEdit.ExtraSelection:
        limit = self.text.document().characterCount() - 1
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(max(0, min(start, limit)))
        cursor.setPosition(max(0, min(end, limit)), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        char_format = QTextCharFormat()
        char_format.setBackground(QBrush(QColor(colour)))
        if underline:
            char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            char_format.setUnderlineColor(QColor(underline))
        selection.format = char_format
        return selection

    def _render(self) -> None:
        detail = self._detail
        if detail is None:
            return
        self.header.setText(header_html(detail, self.show_original))
        if self.show_original:
            self.text.setPlainText(detail.original_text)
        else:
            self.text.setPlainText(detail.text)
            self._format_paragraphs()
        self._apply_selections()

    def _format_paragraphs(self) -> None:
        """Cleaned text reads like a printed report: space between paragraphs, a two-character indent."""
        cursor = QTextCursor(self.text.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setBottomMargin(6)
        block.setTextIndent(self.text.fontMetrics().horizontalAdvance("国") * 2)
        block.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)
