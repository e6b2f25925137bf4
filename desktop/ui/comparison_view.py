"""与上年比较: last year's report beside this year's, the list of changes and the figures table.

The panes show the cleaned texts with the diff painted in (see ``comparison_panes``); the change
list drives both panes, and F8 / Shift+F8 (Alt+Down / Alt+Up) step through it. Stepping stops at
the first and last change rather than wrapping, so a reviewer knows when the list is done.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.columns import fit_titles
from desktop.ui.comparison_models import BACKGROUNDS, INKS, ChangeListModel, YearOverYearModel, op_label
from desktop.ui.comparison_options import ComparisonOptions
from desktop.ui.comparison_panes import DiffPane, ScrollSync, pane_runs
from desktop.ui.comparison_reasons import no_prior_text
from desktop.ui.labels import counted, kind_label, label

if TYPE_CHECKING:
    from desktop.core.compare import Comparison
    from desktop.core.compare.loader import ComparisonData
    from desktop.core.compare.model import SectionPair
    from desktop.core.compare.result import PriorComparison, StatedChange

FLAG_INK = "#b3261e"
CHECK_INK = "#a15c00"


class ComparisonView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setObjectName("comparisonHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.message.setObjectName("comparisonMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color:#666; font-size:14px; padding:24px")
        self.left = DiffPane("comparisonPrior", self)
        self.right = DiffPane("comparisonCurrent", self)
        self.sync = ScrollSync(self.left.text, self.right.text, self)
        self.changes = ChangeListModel(self)
        self.figures = YearOverYearModel(self)
        self._build_actions()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.options_bar = ComparisonOptions(self)
        layout.addWidget(self.options_bar)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self.set_font_size(13)
        self.clear()

    # Building ----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.next_change_action = QAction(
            QCoreApplication.translate("ComparisonView", "下一处变化(&N)"), self
        )
        self.next_change_action.setObjectName("action_next_change")
        self.next_change_action.setShortcuts([QKeySequence("F8"), QKeySequence("Alt+Down")])
        self.next_change_action.setStatusTip(
            QCoreApplication.translate("ComparisonView", "跳到下一处与上年不同的文字")
        )
        self.next_change_action.triggered.connect(self.next_change)
        self.previous_change_action = QAction(
            QCoreApplication.translate("ComparisonView", "上一处变化(&P)"), self
        )
        self.previous_change_action.setObjectName("action_previous_change")
        self.previous_change_action.setShortcuts([QKeySequence("Shift+F8"), QKeySequence("Alt+Up")])
        self.previous_change_action.setStatusTip(
            QCoreApplication.translate("ComparisonView", "跳到上一处与上年不同的文字")
        )
        self.previous_change_action.triggered.connect(self.previous_change)
        for action in (self.next_change_action, self.previous_change_action):
            # Only while the comparison has the focus: the report pane may give these keys other uses.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def _build_content(self) -> QWidget:
        content = QWidget(self)
        self.legend = QLabel(content)
        self.legend.setObjectName("comparisonLegend")
        self.legend.setText(_legend_html())
        self.position = QLabel(content)
        self.position.setObjectName("comparisonPosition")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.legend, 1)
        bar.addWidget(self.position)
        buttons = (
            (self.previous_change_action, QCoreApplication.translate("ComparisonView", "上一处")),
            (self.next_change_action, QCoreApplication.translate("ComparisonView", "下一处")),
        )
        for action, text in buttons:
            # Not setDefaultAction: the button would take the menu text with its mnemonic.
            button = QToolButton(content)
            button.setText(text)
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(counted(text, shortcut))
            bar.addWidget(button)
        self.panes_splitter = QSplitter(Qt.Orientation.Horizontal, content)
        self.panes_splitter.setObjectName("comparisonPanesSplitter")
        self.panes_splitter.addWidget(self.left)
        self.panes_splitter.addWidget(self.right)
        self.change_table = self._table("comparisonChanges", self.changes)
        self.change_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.change_table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # The kind column fits its longest word in the interface's language (bold, after a swatch).
        bold = self.change_table.font()
        bold.setBold(True)
        widest = max(
            QFontMetrics(bold).horizontalAdvance(op_label(k)) for k in ("insert", "delete", "replace", "move")
        )
        self.change_table.setColumnWidth(0, max(72, widest + 40))
        fit_titles(header)
        self.change_table.setColumnWidth(1, 240)
        self.change_table.selectionModel().currentRowChanged.connect(
            lambda index, _old: self._show_row(index)
        )
        self.change_table.clicked.connect(self._show_row)
        self.figures_proxy = QSortFilterProxyModel(self)
        self.figures_proxy.setSourceModel(self.figures)
        self.figures_proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.figure_table = self._table("comparisonFigures", self.figures_proxy)
        self.figure_table.setSortingEnabled(True)
        self.figure_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # catalog order until a click
        self.figure_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            self.figure_table.setColumnWidth(column, 110)
        self.tabs = QTabWidget(content)
        self.tabs.setObjectName("comparisonTabs")
        self.tabs.addTab(self.change_table, QCoreApplication.translate("ComparisonView", "变化"))
        self.tabs.addTab(self.figure_table, QCoreApplication.translate("ComparisonView", "同比指标"))
        self.splitter = QSplitter(Qt.Orientation.Vertical, content)
        self.splitter.setObjectName("comparisonSplitter")
        self.splitter.addWidget(self.panes_splitter)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([560, 220])
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        return content

    def _table(self, name: str, model: Any) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setHighlightSections(False)
        return table

    # Public ------------------------------------------------------------------------------

    def clear(self) -> None:
        self.show_message(
            QCoreApplication.translate("ComparisonView", "选择一份报告，查看它与上一年度报告的比较。")
        )

    def show_message(self, text: str, header: str = "") -> None:
        """No comparison to show: a message in place of the panes (also used while loading)."""
        self.header.setText(header)
        self.header.setVisible(bool(header))
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.left.clear()
        self.right.clear()
        self.sync.set_comparison(None)
        self.changes.set_comparison(None, "", "")
        self.figures.set_rows([])
        self._update_position()

    def show_data(self, data: ComparisonData | None) -> None:
        if data is None:
            self.show_message(QCoreApplication.translate("ComparisonView", "资料库中已没有这份报告。"))
            return
        self.show_comparison(
            data.compared,
            data.comparison,
            data.prior_text,
            data.current_text,
            report_label(data.prior_agency, data.prior_year) if data.prior_id is not None else "",
            report_label(data.current_agency, data.current_year),
            prior_title=data.prior_title,
            current_title=data.current_title,
        )

    def show_comparison(
        self,
        compared: PriorComparison,
        comparison: Comparison | None,
        prior_text: str,
        current_text: str,
        prior_label: str,
        current_label: str,
        *,
        prior_title: str = "",
        current_title: str = "",
    ) -> None:
        if comparison is None:
            this_year = QCoreApplication.translate("ComparisonView", "本年")
            heading = f"<b>{this_year}</b>：{escape(current_label)}"
            hint = QCoreApplication.translate(
                "ComparisonView", "导入该单位上一年度的报告后，这里会逐处对照两年的报告。"
            )
            self.show_message(no_prior_text(compared.reason, hint), heading)
            return
        self.header.setText(_header_html(compared, comparison, prior_label, current_label))
        self.header.setVisible(True)
        self.stack.setCurrentIndex(1)
        self.left.set_caption(
            QCoreApplication.translate("ComparisonView", "上年"), escape(prior_label), prior_title
        )
        self.right.set_caption(
            QCoreApplication.translate("ComparisonView", "本年"), escape(current_label), current_title
        )
        with self.sync.suspended():
            self.left.set_content(prior_text, pane_runs(comparison, "a"))
            self.right.set_content(current_text, pane_runs(comparison, "b"))
        self.sync.set_comparison(comparison)
        self.changes.set_comparison(comparison, prior_text, current_text)
        self.figures.set_rows(compared.figures)
        self.tabs.setTabText(
            0, counted(QCoreApplication.translate("ComparisonView", "变化"), self.changes.rowCount())
        )
        self.tabs.setTabText(
            1, counted(QCoreApplication.translate("ComparisonView", "同比指标"), self.figures.rowCount())
        )
        self._update_position()

    def set_font_size(self, points: int) -> None:
        self.left.set_font_size(points)
        self.right.set_font_size(points)

    @property
    def current_change_row(self) -> int:
        index = self.change_table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_change(self, row: int) -> None:
        if 0 <= row < self.changes.rowCount():
            self.change_table.setCurrentIndex(self.changes.index(row, 0))
            self.change_table.scrollTo(self.changes.index(row, 0))

    def next_change(self) -> None:
        """The change after the current one; without one, the first at or after the reading position."""
        row = self.current_change_row
        if row < 0:
            self.select_change(self.changes.first_row_from(self.right.top_offset()))
        elif row + 1 < self.changes.rowCount():
            self.select_change(row + 1)

    def previous_change(self) -> None:
        row = self.current_change_row
        if row < 0:
            self.select_change(self.changes.last_row_before(self.right.top_offset()))
        elif row > 0:
            self.select_change(row - 1)

    # Internals ---------------------------------------------------------------------------

    def _show_row(self, index: QModelIndex) -> None:
        change = self.changes.change(index.row()) if index.isValid() else None
        if change is not None:
            op = change.op
            with self.sync.suspended():  # both panes are placed here; neither should drag the other
                self.left.focus(op.a_start, op.a_end, op.op)
                self.right.focus(op.b_start, op.b_end, op.op)
        self._update_position()

    def _update_position(self) -> None:
        rows, row = self.changes.rowCount(), self.current_change_row
        self.next_change_action.setEnabled(rows > 0 and row < rows - 1)
        self.previous_change_action.setEnabled(rows > 0 and row != 0)
        if not rows:
            self.position.setText(
                QCoreApplication.translate("ComparisonView", "没有文字变化")
                if self.stack.currentIndex() == 1
                else ""
            )
        elif row < 0:
            self.position.setText(
                QCoreApplication.translate("ComparisonView", "共 %1 处变化").replace("%1", str(rows))
            )
        else:
            self.position.setText(
                QCoreApplication.translate("ComparisonView", "第 %1 / %2 处")
                .replace("%1", str(row + 1))
                .replace("%2", str(rows))
            )


def _legend_html() -> str:
    items = [
        (op_label(kind), BACKGROUNDS[kind], INKS[kind]) for kind in ("insert", "delete", "replace", "move")
    ]
    items.append(
        (QCoreApplication.translate("ComparisonView", "沿用上年"), BACKGROUNDS["carried"], "#5f5a3a")
    )
    items.append(
        (QCoreApplication.translate("ComparisonView", "套话（不计）"), BACKGROUNDS["boilerplate"], "#555555")
    )
    cells = "".join(
        f"<span style='background:{bg}; color:{ink}'>&nbsp;{label}&nbsp;</span>&nbsp;&nbsp;"
        for label, bg, ink in items
    )
    legend = QCoreApplication.translate("ComparisonView", "图例：")
    return f"<span style='color:#555'>{legend}</span>{cells}"


def report_label(agency: str, year: int | None) -> str:
    """An agency and its report year, as the interface writes it (示例县司法局 2024年度 / … 2024)."""
    name = agency or QCoreApplication.translate("ComparisonView", "（未识别单位）")
    if year is None:
        return name
    return (
        QCoreApplication.translate("ComparisonView", "%1 %2年度").replace("%1", name).replace("%2", str(year))
    )


def _flag(pair: SectionPair) -> str:
    """A part carried over from last year, in the interface's words (the part's title is the report's)."""
    name = pair.title or pair.prior_title or kind_label(pair.kind)
    share = int((pair.carried_over or 0.0) * 100 + 0.5)
    text = (
        QCoreApplication.translate(
            "ComparisonView", "“%1”部分有 %2% 的句子与上年报告相同或几乎相同（照搬往年%3）"
        )
        .replace("%1", name)
        .replace("%2", str(share))
    )
    note = (
        QCoreApplication.translate("ComparisonView", "，不计 %1 句套话").replace("%1", str(pair.boilerplate))
        if pair.boilerplate
        else ""
    )
    return text.replace("%3", note)


def _stated(check: StatedChange) -> str:
    """A stated year-on-year change that last year's and this year's figures contradict."""
    stated, before, after = check.mentions
    actual = (after.value - before.value) / before.value * 100 if before.value else 0.0
    return (
        QCoreApplication.translate(
            "ComparisonView",
            "报告称%1同比变化 %2%，但上年报告为 %3、本年为 %4，实际变化 %5%（统计口径或截止时间可能不同）。",
        )
        .replace("%1", label(before.label))
        .replace("%2", f"{stated.value:g}")
        .replace("%3", f"{before.value:g}")
        .replace("%4", f"{after.value:g}")
        .replace("%5", f"{actual:.1f}")
    )


def _header_html(
    compared: PriorComparison, comparison: Comparison, prior_label: str, current_label: str
) -> str:
    line = (
        QCoreApplication.translate("ComparisonView", "<b>上年</b>：%1　⟷　<b>本年</b>：%2")
        .replace("%1", escape(prior_label))
        .replace("%2", escape(current_label))
    )
    share = comparison.carried_over
    if share is not None:
        carried = QCoreApplication.translate("ComparisonView", "沿用上年文字：")
        line += f"　　{carried}<b>{int(share * 100 + 0.5)}%</b>"
        raw = comparison.carried_over_raw
        note = ""
        if comparison.boilerplate and raw is not None:
            # Formulae and page chrome are carried every year; the reviewer sees both figures.
            note = (
                QCoreApplication.translate("ComparisonView", "，不计 %1 句套话；计入套话为 %2%")
                .replace("%1", str(comparison.boilerplate))
                .replace("%2", str(int(raw * 100 + 0.5)))
            )
        counts = (
            QCoreApplication.translate("ComparisonView", "（%1/%2 句%3）")
            .replace("%1", str(comparison.substantive_carried))
            .replace("%2", str(comparison.substantive_sentences))
            .replace("%3", note)
        )
        line += f"<span style='color:#666'>{counts}</span>"
    lines = [line]
    lines += [
        f"<span style='color:{FLAG_INK}'>⚠ {escape(_flag(pair))}</span>"
        for pair in comparison.sections
        if pair.flagged
    ]
    lines += [
        f"<span style='color:{CHECK_INK}'>⚠ {escape(_stated(check))}</span>" for check in compared.checks
    ]
    return "<br>".join(lines)
