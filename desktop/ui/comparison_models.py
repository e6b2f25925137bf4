"""Item models of the comparison view: the list of changes and the year-over-year figures.

Both read plain data the core produces (``Comparison`` ops, the ``metrics`` rows of
``compare_in_library``); the colours are shared with the text panes so the list, the legend and the
highlights agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.ui.labels import kind_label, label

if TYPE_CHECKING:
    from desktop.core.compare import Comparison, Op, SectionPair

Index = QModelIndex | QPersistentModelIndex
SpanRole = Qt.ItemDataRole.UserRole + 1
"""``(a_start, a_end, b_start, b_end)`` of a change, offsets into the cleaned texts."""
OpRole = Qt.ItemDataRole.UserRole + 2
"""The op kind: ``insert``, ``delete``, ``replace`` or ``move``."""

# Pale backgrounds for the text panes (dark text stays readable on them) and a darker ink of
# the same hue for the change list and the legend.
BACKGROUNDS = {
    "insert": "#c8efc8",
    "delete": "#ffcfcf",
    "replace": "#ffe2a0",
    "move": "#ddd0fa",
    "carried": "#efecd6",
    "boilerplate": "#ebebeb",
}
INKS = {"insert": "#1b7a1b", "delete": "#b3261e", "replace": "#9a5a00", "move": "#6a3fb5"}
ASSESSMENT_INKS = {"good": "#1b7a1b", "bad": "#b3261e"}
ASSESSMENT_BACKGROUNDS = {"good": "#e7f5e7", "bad": "#fce6e4"}
EXCERPT = 60
_SPACE = re.compile(r"\s+")
_NUMBERS = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def op_label(kind: str) -> str:
    labels = {
        "insert": QCoreApplication.translate("ComparisonView", "新增"),
        "delete": QCoreApplication.translate("ComparisonView", "删除"),
        "replace": QCoreApplication.translate("ComparisonView", "修改"),
        "move": QCoreApplication.translate("ComparisonView", "移动"),
    }
    return labels.get(kind, kind)


def section_label(pair: SectionPair) -> str:
    if pair.kind == "preamble":
        return QCoreApplication.translate("ComparisonView", "（开头）")
    if pair.kind == "closing":
        return QCoreApplication.translate("ComparisonView", "（落款）")
    name = pair.title or pair.prior_title or kind_label(pair.kind)
    return name + (QCoreApplication.translate("ComparisonView", "（顺序调整）") if pair.reordered else "")


def excerpt(text: str, limit: int = EXCERPT) -> str:
    flat = _SPACE.sub(" ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(frozen=True)
class Change:
    op: Op
    section: str
    summary: str
    detail: str


class ChangeListModel(QAbstractTableModel):
    """One row per non-equal op, in current-text order (the order of ``Comparison.ops``)."""

    COLUMNS = ("kind", "section", "text")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Change] = []

    def set_comparison(self, comparison: Comparison | None, prior_text: str, current_text: str) -> None:
        self.beginResetModel()
        self._rows = []
        for pair in comparison.sections if comparison else []:
            label = section_label(pair)
            for op in pair.ops:
                if op.op != "equal":
                    before, after = prior_text[op.a_start : op.a_end], current_text[op.b_start : op.b_end]
                    self._rows.append(Change(op, label, _summary(op, before, after), _detail(before, after)))
        self.endResetModel()

    def change(self, row: int) -> Change | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def first_row_from(self, b_offset: int) -> int:
        """The first change at or after ``b_offset`` in the current text (-1 when none)."""
        return next(
            (i for i, c in enumerate(self._rows) if c.op.b_end > b_offset or c.op.b_start >= b_offset), -1
        )

    def last_row_before(self, b_offset: int) -> int:
        """The last change that starts before ``b_offset`` (-1 when none)."""
        rows = [i for i, c in enumerate(self._rows) if c.op.b_start < b_offset]
        return rows[-1] if rows else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = (
            QCoreApplication.translate("ComparisonView", "类型"),
            QCoreApplication.translate("ComparisonView", "所在部分"),
            QCoreApplication.translate("ComparisonView", "内容"),
        )
        return labels[section] if 0 <= section < len(labels) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        change = self.change(index.row()) if index.isValid() else None
        if change is None:
            return None
        column, kind = self.COLUMNS[index.column()], change.op.op
        if role == SpanRole:
            op = change.op
            return (op.a_start, op.a_end, op.b_start, op.b_end)
        if role == OpRole:
            return kind
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return {"kind": op_label(kind), "section": change.section, "text": change.summary}[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return change.detail if column == "text" else change.section
        if column != "kind":
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(INKS[kind]))
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(BACKGROUNDS[kind])
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


def _summary(op: Op, before: str, after: str) -> str:
    if op.op == "replace":
        return f"{excerpt(before, EXCERPT // 2)} → {excerpt(after, EXCERPT // 2)}"
    return excerpt(before if op.op == "delete" else after)


def _detail(before: str, after: str) -> str:
    parts = []
    if before.strip():
        parts.append(QCoreApplication.translate("ComparisonView", "上年：") + excerpt(before, 400))
    if after.strip():
        parts.append(QCoreApplication.translate("ComparisonView", "本年：") + excerpt(after, 400))
    return "\n".join(parts)


class YearOverYearModel(QAbstractTableModel):
    """The ``metrics`` rows of a comparison: 指标, 上年, 本年, 变化, 幅度 (EditRole sorts by number)."""

    COLUMNS = ("label", "prior", "current", "change", "pct")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_data(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("ComparisonView", "指标"),
                QCoreApplication.translate("ComparisonView", "上年"),
                QCoreApplication.translate("ComparisonView", "本年"),
                QCoreApplication.translate("ComparisonView", "变化"),
                QCoreApplication.translate("ComparisonView", "幅度"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return _NUMBERS
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_data(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        assessment = row.get("assessment", "neutral")
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            # Numbers for sorting; a missing figure sorts below every real one.
            return label(row["label"]) if column == "label" else _number_or_floor(row.get(column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "label":
            return _NUMBERS
        if role == Qt.ItemDataRole.ToolTipRole:
            return _assessment_tip(assessment)
        if column in ("change", "pct") and assessment in ASSESSMENT_INKS:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(ASSESSMENT_INKS[assessment]))
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(ASSESSMENT_BACKGROUNDS[assessment]))
        return None


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _number_or_floor(value: float | None) -> float:
    return float("-inf") if value is None else float(value)


def _display(row: dict[str, Any], column: str) -> str:
    unit = row.get("unit") or ""
    value = row.get(column)
    if column == "label":
        return label(str(row["label"]))
    if value is None:
        return "—"
    if column in ("prior", "current"):
        return _number(value) + unit
    if column == "change":
        sign = "+" if value > 0 else "−" if value < 0 else "±"
        # A change of a rate is in percentage points, not per cent.
        suffix = QCoreApplication.translate("ComparisonView", "个百分点") if unit == "%" else unit
        return f"{sign}{_number(abs(round(value, 2)))}{suffix}"
    return f"{'+' if value > 0 else '−' if value < 0 else '±'}{abs(value):.1f}%"


def _assessment_tip(assessment: str) -> str:
    if assessment == "good":
        return QCoreApplication.translate("ComparisonView", "变化向好")
    if assessment == "bad":
        return QCoreApplication.translate("ComparisonView", "变化向坏，需关注")
    return QCoreApplication.translate("ComparisonView", "无变化，或该指标的升降无好坏之分")
