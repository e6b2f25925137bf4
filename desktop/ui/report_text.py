"""A report's facts, warnings and text (cleaned, or the original), with highlighted spans."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QTextEdit, QVBoxLayout, QWidget

KIND_LABELS = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "leader_duty": "第一责任人履职情况",
    "next_year": "下一年度主要安排",
    "other": "其他需要报告的情况",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportView", text)


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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        self._detail: dict[str, Any] | None = None
        self.show_original = False
        self.set_font_size(13)
        self.clear()

    def clear(self) -> None:
        self._detail = None
        self.header.setText(
            f"<span style='color:#666'>{_tr('在左侧选择一份报告，或把报告文件拖到窗口中导入。')}</span>"
        )
        self.text.clear()
        self.text.setExtraSelections([])

    def set_font_size(self, points: int) -> None:
        font = QFont(self.text.font())
        font.setPointSize(points)
        self.text.setFont(font)

    @property
    def report_id(self) -> int | None:
        return int(self._detail["id"]) if self._detail else None

    def show_report(self, detail: dict[str, Any]) -> None:
        self._detail = detail
        self._render()

    def set_show_original(self, original: bool) -> None:
        if original == self.show_original:
            return
        self.show_original = original
        self._render()
        self.mode_changed.emit(original)

    def highlight(
        self, start: int, end: int, context_start: int | None = None, context_end: int | None = None
    ) -> None:
        """Show cleaned-text span ``[start, end)`` (in its sentence ``context``) and scroll to it."""
        self.set_show_original(False)
        selections = []
        if context_start is not None and context_end is not None and context_end > context_start:
            selections.append(self._selection(context_start, context_end, "#fff3c4"))
        selections.append(self._selection(start, end, "#ffd54f"))
        self.text.setExtraSelections(selections)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(min(end, self.text.document().characterCount() - 1))
        self.text.setTextCursor(cursor)
        cursor.setPosition(min(start, self.text.document().characterCount() - 1))
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        # Bring the highlight to the upper third of the pane rather than its bottom edge.
        bar = self.text.verticalScrollBar()
        top = self.text.cursorRect(cursor).top()
        bar.setValue(bar.value() + top - self.text.viewport().height() // 3)

    def _selection(self, start: int, end: int, colour: str) -> QTextEdit.ExtraSelection:
        limit = self.text.document().characterCount() - 1
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(max(0, min(start, limit)))
        cursor.setPosition(max(0, min(end, limit)), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        char_format = QTextCharFormat()
        char_format.setBackground(QBrush(QColor(colour)))
        selection.format = char_format
        return selection

    def highlighted_text(self) -> list[str]:
        return [s.cursor.selectedText() for s in self.text.extraSelections()]

    def _render(self) -> None:
        detail = self._detail
        if detail is None:
            return
        self.header.setText(self._header_html(detail))
        if self.show_original:
            self.text.setPlainText(detail["original_text"])
        else:
            self.text.setPlainText(detail["text"])
            self._format_paragraphs()

    def _format_paragraphs(self) -> None:
        """Cleaned text reads like a printed report: space between paragraphs, a two-character indent."""
        cursor = QTextCursor(self.text.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setBottomMargin(6)
        block.setTextIndent(self.text.fontMetrics().horizontalAdvance("国") * 2)
        block.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)

    def _header_html(self, d: dict[str, Any]) -> str:
        title = d["title"] or _tr("（无标题）")
        if d.get("title_generated"):
            title += f" <span style='color:#888'>{_tr('（标题为自动生成）')}</span>"
        facts = [
            f"{_tr('单位')}：{d['agency'] or '—'}",
            f"{_tr('年度')}：{d['year'] or '—'}",
            f"{_tr('成文日期')}：{d['date'] or '—'}",
        ]
        if d.get("published"):
            facts.append(f"{_tr('发布日期')}：{d['published']}")
        facts.append(f"{_tr('来源')}：{d['source_name']}")
        if d.get("corrected_fields"):
            facts.append(f"<span style='color:#a15c00'>{_tr('已人工更正')}</span>")
        lines = [f"<b style='font-size:15pt'>{title}</b>", "　".join(facts)]
        missing = [_tr(KIND_LABELS.get(k, k)) for k in d["missing_sections"]]
        if missing:
            lines.append(f"<span style='color:#b3261e'>{_tr('缺少必备部分')}：{'、'.join(missing)}</span>")
        for warning in d["warnings"]:
            lines.append(f"<span style='color:#a15c00'>⚠ {warning}</span>")
        view = _tr("原文") if self.show_original else _tr("清理后文本")
        lines.append(f"<span style='color:#666'>{_tr('当前显示')}：{view}</span>")
        return "<br>".join(lines)
