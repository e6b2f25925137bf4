"""The comparison view with the project's two-year samples in a real library (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from db.session import Library
from desktop.core.importing import import_files
from desktop.ui.comparison_loader import ComparisonData, load_comparison
from desktop.ui.comparison_models import (
    ASSESSMENT_INKS,
    BACKGROUNDS,
    ChangeListModel,
    OpRole,
    SpanRole,
    YearOverYearModel,
)
from desktop.ui.comparison_panes import map_offset, offset_spans
from desktop.ui.comparison_view import ComparisonView
from tests.helpers import sample


def _import(library: Library, *names: str) -> list[int]:
    outcomes = import_files(library.sessions, [sample(name) for name in names])  # also update_derived
    assert all(o.ok for o in outcomes)
    return [o.report_id or 0 for o in outcomes]


@pytest.fixture
def data(library: Library) -> ComparisonData:
    _prior, current = _import(library, "shili_2023.docx", "shili_2024.pdf")
    loaded = load_comparison(library, current)
    assert loaded is not None and loaded.comparison is not None
    return loaded


@pytest.fixture
def view(qtbot: QtBot) -> ComparisonView:
    widget = ComparisonView()
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _selected(edit: QTextEdit) -> str:
    return edit.textCursor().selectedText().replace("\u2029", "\n")


def test_loader_returns_both_texts_and_labels(library: Library, data: ComparisonData) -> None:
    assert data.prior_id is not None and data.prior_id != data.report_id
    assert (
        data.prior_label == "示例市应急管理局 2023年度" and data.current_label == "示例市应急管理局 2024年度"
    )
    assert data.current_text.startswith("示例市应急管理局关于2024年") and data.prior_text
    assert data.comparison is not None and data.comparison.current_length == len(data.current_text)
    assert load_comparison(library, 9999) is None


def test_both_models_pass_the_model_tester(qtmodeltester, data: ComparisonData) -> None:  # type: ignore[no-untyped-def]
    assert data.comparison is not None
    for force_py in (False, True):
        changes = ChangeListModel()
        changes.set_comparison(data.comparison, data.prior_text, data.current_text)
        qtmodeltester.check(changes, force_py=force_py)
        figures = YearOverYearModel()
        figures.set_rows(data.result["metrics"])
        qtmodeltester.check(figures, force_py=force_py)
    non_equal = [op for op in data.comparison.ops if op.op != "equal"]
    assert changes.rowCount() == len(non_equal) > 20
    first = changes.index(0, 0)
    assert first.data(OpRole) == non_equal[0].op and first.data(SpanRole) == (
        non_equal[0].a_start,
        non_equal[0].a_end,
        non_equal[0].b_start,
        non_equal[0].b_end,
    )
    assert {changes.index(r, 0).data() for r in range(changes.rowCount())} == {"新增", "删除", "修改", "移动"}


def test_view_shows_both_texts_with_the_changes_painted(view: ComparisonView, data: ComparisonData) -> None:
    view.show_data(data)
    comparison = data.comparison
    assert comparison is not None
    assert view.left.text.document().toRawText().replace("\u2029", "\n") == data.prior_text
    assert view.right.text.document().toRawText().replace("\u2029", "\n") == data.current_text
    header = view.header.text()
    # 77 %: a sentence that only moved its year on with the report counts as carried over (not 76 %)
    assert "2023年度" in header and "2024年度" in header and "77%" in header and "照搬往年" in header
    first = {
        kind: next(op for op in comparison.ops if op.op == kind)
        for kind in ("insert", "delete", "replace", "move")
    }
    assert view.right.background_at(first["insert"].b_start) == BACKGROUNDS["insert"]
    assert view.left.background_at(first["delete"].a_start) == BACKGROUNDS["delete"]
    for kind in ("replace", "move"):
        assert view.left.background_at(first[kind].a_start) == BACKGROUNDS[kind]
        assert view.right.background_at(first[kind].b_start) == BACKGROUNDS[kind]
    # An unchanged stretch of a carried-over sentence has the carried tint; plain equal text none.
    carried = next(c for c in comparison.carried_sentences if not c.boilerplate)
    equal = next(
        op for op in comparison.ops if op.op == "equal" and carried.b_start <= op.b_start < carried.b_end
    )
    assert view.right.background_at(equal.b_start) == BACKGROUNDS["carried"]
    closing = next(op for op in comparison.sections[-1].ops if op.op == "equal")  # signature: never "carried"
    assert view.right.background_at(closing.b_start) is None
    assert view.tabs.tabText(0) == f"变化（{view.changes.rowCount()}）"


def test_keyboard_steps_through_the_changes_and_stops_at_the_ends(
    qtbot: QtBot, view: ComparisonView, data: ComparisonData
) -> None:
    view.show_data(data)
    view.activateWindow()
    view.right.text.setFocus()
    qtbot.waitUntil(lambda: view.right.text.hasFocus())
    assert view.current_change_row == -1
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.current_change_row == 0
    qtbot.keyClick(view, Qt.Key.Key_F8)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current_change_row == 2
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_change_row == 1
    for row in range(view.changes.rowCount()):
        view.select_change(row)
        change = view.changes.change(row)
        assert change is not None
        op = change.op
        assert _selected(view.right.text) == data.current_text[op.b_start : op.b_end]
        assert _selected(view.left.text) == data.prior_text[op.a_start : op.a_end]
        assert len(view.right.text.extraSelections()) == 1  # the focus marker
    last = view.changes.rowCount() - 1
    assert view.current_change_row == last and not view.next_change_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.current_change_row == last  # stops, does not wrap
    view.select_change(0)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.current_change_row == 0
    assert view.position.text() == f"第 1 / {last + 1} 处"


def test_showing_a_change_puts_it_in_view_in_both_panes(view: ComparisonView, data: ComparisonData) -> None:
    view.show_data(data)
    rows = [
        r for r in range(view.changes.rowCount()) if (c := view.changes.change(r)) and c.op.op == "replace"
    ]
    view.select_change(rows[-1])  # late in the report: both panes must scroll to it
    for pane in (view.left, view.right):
        rect = pane.text.cursorRect()
        assert 0 <= rect.top() <= pane.text.viewport().height()
        assert pane.text.verticalScrollBar().value() > 0


def test_scrolling_one_pane_scrolls_the_other(
    qtbot: QtBot, view: ComparisonView, data: ComparisonData
) -> None:
    view.show_data(data)
    left, right = view.left.text.verticalScrollBar(), view.right.text.verticalScrollBar()
    assert left.maximum() > 500 and right.maximum() > 500
    right.setValue(right.maximum())
    assert left.value() > left.maximum() * 0.8
    right.setValue(right.maximum() // 2)
    assert left.maximum() * 0.25 < left.value() < left.maximum() * 0.75
    assert right.value() == right.maximum() // 2  # the follower did not push the leader back
    left.setValue(0)
    assert right.value() == 0


def test_offsets_map_across_the_ordinary_diff(data: ComparisonData) -> None:
    comparison = data.comparison
    assert comparison is not None
    spans = offset_spans(comparison, "b")
    starts = [s[0] for s in spans]
    assert map_offset(0, spans, starts) == 0
    mapped = [map_offset(b, spans, starts) for b in range(0, len(data.current_text), 50)]
    assert max(mapped) <= len(data.prior_text)
    moves = [op for op in comparison.ops if op.op == "move"]
    for op in moves:  # a moved sentence scrolls with its neighbours, not to where it came from
        before = map_offset(max(op.b_start - 1, 0), spans, starts)
        assert map_offset(op.b_start, spans, starts) - before <= 1


def test_year_over_year_table_has_the_figures(view: ComparisonView, data: ComparisonData) -> None:
    view.show_data(data)
    view.tabs.setCurrentWidget(view.figure_table)
    model = view.figures
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert len(rows) == len(data.result["metrics"]) > 5
    accidents = next(
        r for r, row in enumerate(data.result["metrics"]) if (row["key"], row["unit"]) == ("accidents", "起")
    )
    assert rows[accidents][1:] == ["26起", "23起", "−3起", "−11.5%"]
    assert (
        model.index(accidents, 3).data(Qt.ItemDataRole.ForegroundRole).color().name()
        == ASSESSMENT_INKS["good"]
    )
    rate = next(r for r, row in enumerate(data.result["metrics"]) if row["unit"] == "%")
    assert rows[rate][3].endswith("个百分点")
    proxy = view.figures_proxy
    view.figure_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # 本年, by number, not by text
    values = [proxy.index(r, 2).data(Qt.ItemDataRole.EditRole) for r in range(proxy.rowCount())]
    assert values == sorted(values, reverse=True)


def test_without_a_prior_report_the_view_says_so(
    qtbot: QtBot, view: ComparisonView, library: Library
) -> None:
    (current,) = _import(library, "shili_2024.docx")
    loaded = load_comparison(library, current)
    assert loaded is not None and loaded.comparison is None
    view.show_data(loaded)
    assert view.stack.currentWidget() is view.message
    assert "没有该单位上一年度的报告" in view.message.text() and "--prior" not in view.message.text()
    assert "2024年度" in view.header.text()
    assert view.changes.rowCount() == 0 and not view.next_change_action.isEnabled()
    view.clear()
    assert view.stack.currentWidget() is view.message and view.left.text.document().isEmpty()


def test_font_size_applies_to_both_panes(view: ComparisonView, data: ComparisonData) -> None:
    view.show_data(data)
    view.set_font_size(18)
    assert view.left.text.font().pointSize() == 18 and view.right.text.font().pointSize() == 18
    assert view.right.text.document().defaultFont().pointSize() == 18


def test_boilerplate_is_painted_apart_and_the_header_gives_both_shares(
    view: ComparisonView, data: ComparisonData
) -> None:
    view.show_data(data)
    comparison = data.comparison
    assert comparison is not None and comparison.boilerplate > 0
    formulae = [c for c in comparison.carried_sentences if c.boilerplate]
    texts = [data.current_text[c.b_start : c.b_end] for c in formulae]
    # The title, its year moved on with the report, is a carried formula too.
    assert texts == [
        "示例市应急管理局关于2024年法治政府建设情况的报告",
        "中共示例市委、示例市人民政府：",
        "现将有关情况报告如下：",
    ]
    formula = formulae[1]
    assert view.right.background_at(formula.b_start) == BACKGROUNDS["boilerplate"]
    assert view.left.background_at(formula.a_start) == BACKGROUNDS["boilerplate"]
    header = view.header.text()
    raw = comparison.carried_over_raw
    assert raw is not None
    assert (
        f"不计 {comparison.boilerplate} 句套话" in header and f"计入套话为 {int(raw * 100 + 0.5)}%" in header
    )
    assert f"{comparison.substantive_carried}/{comparison.substantive_sentences}" in header
    assert "套话（不计）" in view.legend.text()
