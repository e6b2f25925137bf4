"""What a user sees of a widget tree: its texts (for untranslated strings) and the ones cut off.

Used by the English-interface tests: a visible string with a Chinese character that is not data
(an agency, a title, report text) is an untranslated string; a label or button narrower than its
text, or a header section narrower than its title, is a clipped one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

rich_text = GuiQt.mightBeRichText  # PySide6 keeps it in QtGui
HAN = re.compile(r"[\u3400-\u9fff]")
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Seen:
    where: str  # widget class and object name, for the failure message
    text: str


def _plain(text: str) -> str:
    """A label's text as shown: markup and entities out (rich text), or mnemonics out (plain text)."""
    if rich_text(text):
        text = _TAGS.sub("", text)
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0 and widget.height() > 0


def visible_texts(top: QWidget) -> list[Seen]:
    """Every interface string of ``top`` a user can see or hover (data cells of item views excluded:
    their headers are interface, their rows are the library's data)."""
    found: list[Seen] = [Seen(_name(top), top.windowTitle())]
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if widget is not top and not _shown(widget, top):
            continue
        where = _name(widget)
        texts: list[str] = [widget.toolTip(), widget.statusTip(), widget.whatsThis()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(_plain(widget.text()))
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox) and not widget.isEditable():
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.headerData(c, widget.orientation()) or "")
                for c in range(widget.count())
                if not widget.isSectionHidden(c)
            ]
        found += [Seen(where, text) for text in texts if text]
    if isinstance(top, QMainWindow):
        found += [Seen("menu", text) for text in _menu_texts(top.menuBar().actions())]
    for menu in top.findChildren(QMenu):
        found += [Seen("menu", text) for text in _menu_texts(menu.actions())]
    return found


def _menu_texts(actions: Iterable) -> list[str]:  # type: ignore[type-arg]
    texts = []
    for action in actions:
        texts += [_plain(action.text()), action.toolTip(), action.statusTip()]
        if action.menu() is not None:
            texts += _menu_texts(action.menu().actions())
    return [t for t in texts if t]


def untranslated(top: QWidget, data: Iterable[str] = ()) -> list[Seen]:
    """Visible strings with Chinese in them once the report's own data is taken out."""
    known = sorted({d for d in data if d}, key=len, reverse=True)
    left = []
    for seen in visible_texts(top):
        text = seen.text
        for piece in known:
            text = text.replace(piece, "")
        if HAN.search(text):
            left.append(seen)
    return left


def clipped(top: QWidget) -> list[Seen]:
    """Labels, buttons, check boxes and header sections whose text does not fit."""
    cut: list[Seen] = []
    for widget in top.findChildren(QWidget):
        if not _shown(widget, top):
            continue
        metrics = widget.fontMetrics()
        if (
            isinstance(widget, QLabel)
            and not widget.wordWrap()
            and widget.textFormat() != Qt.TextFormat.RichText
        ):
            text = _plain(widget.text())
            lines = text.splitlines() or [""]
            if widget.pixmap() is None or widget.pixmap().isNull():
                need = max(metrics.horizontalAdvance(line) for line in lines)
                if need > widget.contentsRect().width() + 1 and "…" not in text:
                    cut.append(Seen(_name(widget), text))
        elif isinstance(widget, (QPushButton, QCheckBox, QRadioButton, QToolButton)):
            text = _plain(widget.text())
            if text and widget.width() + 1 < widget.minimumSizeHint().width():
                cut.append(Seen(_name(widget), text))
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            model = widget.model()
            if model is None:
                continue
            for section in range(widget.count()):
                if widget.isSectionHidden(section):
                    continue
                title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
                # A section narrower than its title by more than the sort arrow's room is cut.
                if title and widget.sectionSize(section) + 4 < metrics.horizontalAdvance(title):
                    cut.append(Seen(_name(widget), title))
    return cut
