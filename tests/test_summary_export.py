"""The summary across reports (审阅汇总) on a real library: rows, year-over-year figures, and the .xlsx
and .csv files opened back as Excel and WPS would read them."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import event, select

from db import models
from db.session import Library, open_library
from desktop.cli import run
from desktop.core.annotations import create_annotation, find_quote, set_review_state
from desktop.core.export.summary import (
    SummaryExportError,
    display_width,
    export_summary,
    summary_rows,
    summary_table,
    write_summary,
)
from desktop.core.importing import import_file, update_derived
from desktop.core.prior_year import find_prior
from tests.helpers import sample

QUOTE = "全年全市共检查生产经营单位2860家次"
PARTIAL = """示例县司法局关于2024年法治政府建设情况的报告
一、2024年法治政府建设主要举措和成效
全年办理行政复议案件12件，审查规范性文件8件。
二、存在的不足和原因
法治宣传的针对性有待增强。
示例县司法局
2025年1月10日
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """Two years of the sample agency (the 2024 report in two versions) and a report missing parts."""
    folder = tmp_path_factory.mktemp("summary")
    (folder / "partial.txt").write_text(PARTIAL, encoding="utf-8")
    opened = open_library(folder / "library.sqlite")
    ids = [
        import_file(opened.sessions, path).report_id or 0
        for path in (
            sample("shili_2023.docx"),
            sample("shili_2024.txt"),
            sample("shili_2024.docx"),
            folder / "partial.txt",
        )
    ]
    update_derived(opened.sessions, ids)
    with opened.sessions.begin() as session:
        report = session.get(models.Report, ids[2])
        assert report is not None and report.superseded_by_id is None
        start, end, _ = find_quote(report.clean_text, QUOTE)
        create_annotation(session, report, start, end, category="data_inconsistent", severity="serious")
        orphan = create_annotation(session, report, start, end, category="copied", comment="=SUM(A1)")
        orphan.orphan = True  # its passage is gone: still counted
        set_review_state(
            session, report.id, status="done", reviewer="张审阅", conclusion="=总体完整，\n数据需核实"
        )
    yield opened
    opened.close()


def test_one_row_per_current_report_with_figures_counts_and_review(library: Library) -> None:
    with library.sessions() as session:
        rows = summary_rows(session)
    assert [(r.agency, r.year) for r in rows] == [
        ("示例市应急管理局", 2023),
        ("示例市应急管理局", 2024),
        ("示例县司法局", 2024),
    ]  # by pinyin (shì lì shì … before shì lì xiàn …); the superseded 2024 version has no row
    prior, current, partial = rows
    assert partial.missing_parts == ["党政主要负责人履行推进法治建设第一责任人职责情况", "下一年度主要安排"]
    assert (partial.review_status_label, partial.annotations, partial.prior_id) == ("未审", 0, None)
    assert prior.figures["检查企业/单位数"] == "980家" and prior.carried_over is None
    assert current.prior_id == prior.report_id
    assert current.figures["检查企业/单位数"] == "1150家（+170，+17.3%）"
    assert current.figures["事故起数"] == "23起（-3，-11.5%）"
    assert current.figures["罚款金额"] == "326.5万元（+58.1，+21.6%）"
    assert current.figures["行政复议件数"] == "1件（+1）"  # from zero: no percentage
    assert current.figures["行政诉讼件数"] == "0件（持平）"
    cell = current.figure_cells["罚款金额"]
    assert (cell.current, cell.prior, cell.unit) == (326.5, 268.4, "万元")
    assert cell.change == pytest.approx(58.1) and cell.ratio == pytest.approx(58.1 / 268.4)
    assert current.figure_cells["行政复议件数"].ratio is None  # from zero
    assert prior.figure_cells["检查企业/单位数"].change is None  # no prior report to compare with
    assert (current.review_status, current.review_status_label, current.reviewer) == (
        "done",
        "已完成",
        "张审阅",
    )
    assert current.conclusion == "=总体完整，\n数据需核实"
    assert (current.annotations, current.by_severity) == (2, {"较重": 1, "一般": 1})
    assert current.by_category == {"数据不实或矛盾": 1, "照搬往年": 1}
    assert current.carried_over is not None and 0.6 < current.carried_over < 0.95


def test_prior_pairing_is_find_prior_and_queries_do_not_grow_with_reports(library: Library) -> None:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    with library.sessions() as session:
        event.listen(library.engine, "before_cursor_execute", count)
        try:
            rows = summary_rows(session)
        finally:
            event.remove(library.engine, "before_cursor_execute", count)
        assert len(statements) <= 8, statements
        for row in rows:
            report = session.get(models.Report, row.report_id)
            assert report is not None
            found = find_prior(session, report)
            assert row.prior_id == (found.id if found else None)


def test_xlsx_opens_with_a_frozen_filtered_header_and_sized_columns(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "汇总.xlsx"
    with library.sessions() as session:
        assert export_summary(session, out) == 3
        columns, _ = summary_table(summary_rows(session))
    sheet = load_workbook(out).active
    assert sheet.title == "审阅汇总"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(columns)).column_letter}4"
    header = [cell.value for cell in sheet[1]]
    assert header == [c.header for c in columns] and all(cell.font.b for cell in sheet[1])
    assert header[:7] == ["编号", "单位", "年度", "标题", "审阅状态", "审阅人", "缺少的必备部分"]
    table = [
        dict(zip(header, (cell.value for cell in row), strict=True)) for row in sheet.iter_rows(min_row=2)
    ]
    current = table[1]
    assert (current["单位"], current["年度"], current["审阅状态"]) == ("示例市应急管理局", 2024, "已完成")
    # Numbers in number cells, unit and change in their own columns: a spreadsheet sums and sorts them.
    figure = [current[f"检查企业/单位数{part}"] for part in ("", "·单位", "·上年", "·增减")]
    assert figure == [1150, "家", 980, 170]
    assert current["检查企业/单位数·增减率"] == pytest.approx(170 / 980)
    assert current["罚款金额"] == 326.5 and current["事故起数·增减"] == -3
    value = sheet.cell(3, header.index("检查企业/单位数") + 1)
    assert value.data_type == "n" and value.number_format == "0"
    ratio = sheet.cell(3, header.index("检查企业/单位数·增减率") + 1)
    assert ratio.data_type == "n" and ratio.number_format == "0.0%"
    assert table[2]["检查企业/单位数"] is None  # a figure the report does not state is an empty cell
    assert (current["批注数"], current["批注·较重"], current["批注·照搬往年"]) == (2, 1, 1)
    assert current["审阅结论"] == "=总体完整，\n数据需核实"  # text, not a formula
    conclusion = sheet.cell(3, header.index("审阅结论") + 1)
    assert conclusion.data_type == "s" and conclusion.alignment.wrap_text
    share = sheet.cell(3, header.index("沿用上年比例") + 1)
    assert isinstance(share.value, float) and share.number_format == "0.0%"
    assert table[2]["缺少的必备部分"] == "党政主要负责人履行推进法治建设第一责任人职责情况、下一年度主要安排"
    widths = {
        h: sheet.column_dimensions[sheet.cell(1, i).column_letter].width for i, h in enumerate(header, 1)
    }
    assert widths["单位"] == display_width("示例市应急管理局") + 2  # CJK counts double
    assert widths["编号"] == 6 and widths["缺少的必备部分"] == 50  # a floor, and a cap
    assert all(6 <= w <= 50 for w in widths.values())


def test_csv_has_a_bom_and_round_trips(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "汇总.csv"
    with library.sessions() as session:
        rows = summary_rows(session)
    write_summary(rows, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.DictReader(stream))
    assert len(table) == 3
    current = table[1]
    figure = [current[f"检查企业/单位数{part}"] for part in ("", "·单位", "·上年", "·增减", "·增减率")]
    assert figure == ["1150", "家", "980", "170", "17.3%"]  # numbers Excel and WPS read as numbers
    assert (current["事故起数"], current["事故起数·增减"], current["罚款金额"]) == ("23", "-3", "326.5")
    assert (current["审阅人"], current["批注数"], current["年度"]) == ("张审阅", "2", "2024")
    assert current["沿用上年比例"].endswith("%")
    assert current["审阅结论"] == "'=总体完整，\n数据需核实"  # a leading quote: never run as a formula
    assert table[0]["沿用上年比例"] == ""


def test_other_suffixes_are_refused_in_chinese(library: Library, tmp_path: Path) -> None:
    with (
        library.sessions() as session,
        pytest.raises(SummaryExportError, match=r"请将文件名以 \.xlsx 或 \.csv 结尾"),
    ):
        export_summary(session, tmp_path / "汇总.pdf")
    assert not (tmp_path / "汇总.pdf").exists()


def test_an_empty_library_gives_a_header_only(tmp_path: Path) -> None:
    empty = open_library(tmp_path / "empty.sqlite")
    try:
        with empty.sessions() as session:
            assert export_summary(session, tmp_path / "empty.xlsx") == 0
    finally:
        empty.close()
    sheet = load_workbook(tmp_path / "empty.xlsx").active
    assert sheet.max_row == 1 and sheet["A1"].value == "编号"


def test_command_line(library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = library.url.removeprefix("sqlite:///")
    out = tmp_path / "summary.xlsx"
    assert run(["export-summary", "--out", str(out), "--library", path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"out": str(out), "reports": 3}
    assert run(["export-summary", "--out", str(tmp_path / "s.csv"), "--library", path]) == 0
    assert "已导出 3 份报告" in capsys.readouterr().out
    assert run(["export-summary", "--out", str(tmp_path / "s.txt"), "--library", path]) == 2
    assert "不支持" in capsys.readouterr().err
    with library.sessions() as session:
        assert session.scalars(select(models.Report.id)).all()


def test_summary_follows_the_prior_report_the_reviewer_chose(library: Library, tmp_path: Path) -> None:
    """Pairing in the summary is the comparison's pairing: a chosen prior, or none when refused."""
    from desktop.core.identity_links import choose_prior, reset_prior

    ids = []
    for name in ("shili_2023.docx", "shili_2024.docx"):
        outcome = import_file(library.sessions, sample(name))
        assert outcome.ok and outcome.report_id is not None
        ids.append(outcome.report_id)
    other = tmp_path / "partial.txt"
    other.write_text(PARTIAL.replace("2024年", "2023年").replace("2025年", "2024年"), encoding="utf-8")
    outcome = import_file(library.sessions, other)
    assert outcome.ok and outcome.report_id is not None
    update_derived(library.sessions, [*ids, outcome.report_id])

    def prior_of(report_id: int) -> int | None:
        with library.sessions() as session:
            return next(r.prior_id for r in summary_rows(session) if r.report_id == report_id)

    assert prior_of(ids[1]) == ids[0]  # the same confident agency, the year before
    with library.sessions.begin() as session:
        current = session.get(models.Report, ids[1])
        chosen = session.get(models.Report, outcome.report_id)
        assert current is not None and chosen is not None
        choose_prior(session, current, chosen, by="审阅人")
    assert prior_of(ids[1]) == outcome.report_id
    with library.sessions.begin() as session:
        current = session.get(models.Report, ids[1])
        assert current is not None
        choose_prior(session, current, None, by="审阅人")
    assert prior_of(ids[1]) is None
    with library.sessions.begin() as session:
        current = session.get(models.Report, ids[1])
        assert current is not None
        reset_prior(session, current)
        assert find_prior(session, current) is not None
    assert prior_of(ids[1]) == ids[0]
