"""The two text panes of the comparison view: painted diff, focus on one change, synchronised scrolling.

Diff colours are character formats written into each pane's document once per comparison (the
text is loaded as HTML with background spans), so painting a 150k-character report costs no more
than painting plain text; only the focused change is an extra selection. Offsets are string offsets of the cleaned texts, which equal
document positions for the BMP characters reports use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html import escape
from itertools import groupby
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextEdit, QVBoxLayout, QWidget

from desktop.core.compare.offsets import Span, map_offset, offset_spans
from desktop.ui.comparison_models import BACKGROUNDS, INKS
from desktop.ui.find_bar import FindBar
from desktop.ui.text_layers import highlight_layers

if TYPE_CHECKING:
    from desktop.core.compare import Comparison

Run = tuple[int, int, str]
"""``(start, end, colour)`` painted as a background."""


def pane_runs(comparison: Comparison, side: str) -> list[Run]:
    """Backgrounds of one side (``a`` prior, ``b`` current): carried-over sentences, then the ops."""
    # Carried formulae (现将…报告如下, page chrome) get a neutral grey: they do not count as copied.
    runs: list[Run] = [
        (c.a_start, c.a_end, BACKGROUNDS["boilerplate" if c.boilerplate else "carried"])
        if side == "a"
        else (c.b_start, c.b_end, BACKGROUNDS["boilerplate" if c.boilerplate else "carried"])
        for c in comparison.carried_sentences
    ]
    # An insert exists only on the right and a delete only on the left; the others on both.
    wanted = {"delete", "replace", "move"} if side == "a" else {"insert", "replace", "move"}
    for op in comparison.ops:
        if op.op in wanted:
            start, end = (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
            runs.append((start, end, BACKGROUNDS[op.op]))
    return runs


def diff_html(text: str, runs: list[Run], start: int, end: int) -> str:
    """``text[start:end]`` as HTML with the runs as backgrounds (a later run paints over an earlier one)."""
    colours: list[str | None] = [None] * len(text)
    for run_start, run_end, colour in runs:
        run_start, run_end = max(run_start, 0), min(run_end, len(text))
        if run_end > run_start:
            colours[run_start:run_end] = [colour] * (run_end - run_start)
    parts = ["<body style='white-space:pre-wrap'>"]
    position = start
    for painted, group in groupby(colours[start:end]):
        length = sum(1 for _ in group)
        piece = escape(text[position : position + length], quote=False)
        parts.append(f"<span style='background-color:{painted}'>{piece}</span>" if painted else piece)
        position += length
    parts.append("</body>")
    return "".join(parts)


class DiffPane(QWidget):
    """A caption and a read-only text with diff backgrounds and one focused change."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        self.caption.setObjectName(f"{object_name}Caption")
        # Ignored width: a long report label must never widen the pane; it is cut, and the tooltip has it.
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text = QTextEdit(self)
        self.text.setObjectName(object_name)
        self.text.setReadOnly(True)
        self.text.setAcceptRichText(False)
        self.text.setUndoRedoEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.text, 1)
        self.find_bar = FindBar(self.text, self)
        layout.addWidget(self.find_bar)
        self._document: QTextDocument | None = None

    def set_caption(self, side: str, label: str, tooltip: str = "") -> None:
        self.caption.setText(f"<b>{side}</b>　<span style='color:#555'>{label}</span>")
        self.caption.setToolTip(tooltip or label)

    def set_font_size(self, points: int) -> None:
        font = QFont(self.text.font())
        font.setPointSize(points)
        self.text.setFont(font)
        if not self.text.document().isEmpty():
            _format_paragraphs(self.text.document(), self.text.fontMetrics().horizontalAdvance("国"))

    def set_content(self, text: str, runs: list[Run]) -> None:
        """Show ``text`` with the runs painted; the document is built detached, then swapped in.

        Built detached because formatting an attached document re-lays it out (half a second for
        150k characters), and as one HTML string because a cursor call per run is slow and, with
        PySide6 6.12.0 on Python < 3.12, drops a reference to None on every void call.
        """
        document = QTextDocument(self.text)
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self.text.font())
        lead = len(text) - len(text.lstrip("\n"))
        tail = len(text) - len(text.rstrip("\n")) if lead < len(text) else 0
        document.setHtml(diff_html(text, runs, lead, len(text) - tail))
        if lead or tail:
            # The HTML importer drops newlines at either end of the body; put those blocks back.
            cursor = QTextCursor(document)
            for _ in range(lead):
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            for _ in range(tail):
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if document.toRawText().replace("\u2029", "\n") != text:
            _paint_slowly(document, text, runs)  # characters the importer changes; none seen in reports
        _format_paragraphs(document, self.text.fontMetrics().horizontalAdvance("国"))
        self._swap(document)

    def clear(self) -> None:
        highlight_layers(self.text).set("marks", [])
        self.text.clear()
        self.caption.clear()

    def _swap(self, document: QTextDocument) -> None:
        layers = highlight_layers(self.text)
        for layer in ("marks", "find"):
            layers.set(layer, [])  # their cursors belong to the old document
        old = self.text.document()
        self.text.setDocument(document)
        # QTextEdit deletes only the document it created itself; the ones built here are ours.
        if old is self._document:
            old.deleteLater()
        self._document = document
        self.find_bar.refresh()

    def background_at(self, position: int) -> str | None:
        """The painted background of the character at ``position`` (for tests and tooltips)."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(min(position + 1, self._limit()))
        brush = cursor.charFormat().background()
        return brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else None

    def focus(self, start: int, end: int, kind: str) -> None:
        """Select ``[start, end)`` and centre it; an empty span (where an insert goes) marks its line."""
        limit = self._limit()
        start, end = min(start, limit), min(end, limit)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        marker = QTextEdit.ExtraSelection()
        marker.cursor = QTextCursor(cursor)
        char_format = QTextCharFormat()
        if end > start:
            char_format.setBackground(QBrush(QColor(BACKGROUNDS[kind]).darker(115)))
            char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            char_format.setUnderlineColor(QColor(INKS[kind]))
        else:
            marker.cursor.clearSelection()
            char_format.setBackground(QBrush(QColor(BACKGROUNDS[kind]).lighter(106)))
            char_format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        marker.format = char_format
        highlight_layers(self.text).set("marks", [marker])
        self._centre(start, end)

    def top_offset(self) -> int:
        return self.text.cursorForPosition(QPoint(0, 0)).position()

    def _centre(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        top = self.text.cursorRect(cursor).top()
        cursor.setPosition(end)
        bottom = self.text.cursorRect(cursor).bottom()
        height = self.text.viewport().height()
        # Centre a short change; a long one starts in the upper third so its beginning is read first.
        target = (top + bottom) // 2 - height // 2 if bottom - top < height * 2 // 3 else top - height // 3
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + target)

    def _limit(self) -> int:
        return max(0, self.text.document().characterCount() - 1)


def _format_paragraphs(document: QTextDocument, character_width: int) -> None:
    """The same paragraph look as the report pane: spacing, a two-character indent."""
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    block = QTextBlockFormat()
    block.setBottomMargin(6)
    block.setTextIndent(character_width * 2)
    block.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.mergeBlockFormat(block)


def _paint_slowly(document: QTextDocument, text: str, runs: list[Run]) -> None:
    document.setPlainText(text)
    limit = max(0, document.characterCount() - 1)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for start, end, colour in runs:
        char_format = QTextCharFormat()
        char_format.setBackground(QBrush(QColor(colour)))
        cursor.setPosition(min(start, limit))
        cursor.setPosition(min(end, limit), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(char_format)
    cursor.endEditBlock()


class ScrollSync(QObject):
    """Keeps the two panes on corresponding text while either one scrolls.

    The anchor line moves down the viewport as the pane scrolls (top line at the start, bottom
    line at the end), so both panes reach their ends together even when the texts differ in length.
    """

    def __init__(self, left: QTextEdit, right: QTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self._a_to_b: list[Span] = []
        self._b_to_a: list[Span] = []
        self._a_starts: list[int] = []
        self._b_starts: list[int] = []
        self._busy = False
        left.verticalScrollBar().valueChanged.connect(lambda _v: self._follow(left, right, self.a_to_b))
        right.verticalScrollBar().valueChanged.connect(lambda _v: self._follow(right, left, self.b_to_a))

    def set_comparison(self, comparison: Comparison | None) -> None:
        self._a_to_b = offset_spans(comparison, "a") if comparison else []
        self._b_to_a = offset_spans(comparison, "b") if comparison else []
        self._a_starts = [s[0] for s in self._a_to_b]
        self._b_starts = [s[0] for s in self._b_to_a]

    def b_to_a(self, position: int) -> int:
        return map_offset(position, self._b_to_a, self._b_starts)

    def a_to_b(self, position: int) -> int:
        return map_offset(position, self._a_to_b, self._a_starts)

    @contextmanager
    def suspended(self) -> Iterator[None]:
        """For moves that place both panes themselves (showing a change)."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    def _follow(self, source: QTextEdit, target: QTextEdit, mapping: Callable[[int], int]) -> None:
        if self._busy or not self._a_to_b or target.document().isEmpty():
            return
        with self.suspended():  # the target's own valueChanged must not scroll the source back
            bar = source.verticalScrollBar()
            height = source.viewport().height()
            anchor_y = height * bar.value() // bar.maximum() if bar.maximum() else 0
            hit = source.cursorForPosition(QPoint(0, min(anchor_y, height - 1)))
            line_top = source.cursorRect(hit).top()
            mapped = mapping(hit.position())
            cursor = QTextCursor(target.document())
            cursor.setPosition(min(mapped, target.document().characterCount() - 1))
            target_bar = target.verticalScrollBar()
            target_bar.setValue(target_bar.value() + target.cursorRect(cursor).top() - line_top)
