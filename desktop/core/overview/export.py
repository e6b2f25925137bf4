"""Writing the season overview: .xlsx (table and charts), .pdf (charts, then the table), .png (charts)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from desktop.core.overview.data import TIMELINESS_LABELS, IssuerRow, SeasonOverview

FORMATS = (".xlsx", ".pdf", ".png")


class OverviewExportError(ValueError):
    """An overview that cannot be written, with a Chinese message for the user."""


def _date(value: Any) -> str:
    return f"{value.year}-{value.month:02d}-{value.day:02d}" if value else ""


def _share(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}%"


def table(overview: SeasonOverview) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows, shared by the workbook and the PDF."""
    severities = overview.severities
    headers = [
        "编号", "单位", "收文（导入）日期", "落款日期", "报送", "公开日期", "公开",
        "必备部分", "缺少的部分",
        *(f"待处理·{label}" for _k, label, _c in severities),
        "不足沿用上年", "安排沿用上年", *overview.figure_labels, "审阅状态",
    ]  # fmt: skip
    rows = [_row(row, overview) for row in overview.rows]
    return headers, rows


def _row(row: IssuerRow, overview: SeasonOverview) -> list[Any]:
    return [
        row.report_id,
        row.agency,
        _date(row.received),
        _date(row.report_date),
        TIMELINESS_LABELS[row.report_timeliness],
        _date(row.published_date),
        TIMELINESS_LABELS[row.publish_timeliness],
        f"{row.parts_present}/4",
        "、".join(row.missing_parts),
        *(row.open_by_severity.get(key, 0) for key, _l, _c in overview.severities),
        _share(row.carried_shortcomings),
        _share(row.carried_next_year),
        *(row.figures.get(label, "") for label in overview.figure_labels),
        row.review_status_label,
    ]


def write_overview(overview: SeasonOverview, path: str | Path) -> Path:
    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise OverviewExportError(
            f"不支持导出为“{out.suffix or '无扩展名'}”格式：请将文件名以 .xlsx、.pdf 或 .png 结尾。"
        )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".png":
            from desktop.core.overview.charts import dashboard, render_png

            out.write_bytes(render_png(dashboard(overview), dpi=120))
        elif suffix == ".pdf":
            _write_pdf(overview, out)
        else:
            _write_xlsx(overview, out)
    except PermissionError as error:
        raise OverviewExportError(f"无法写入 {out}：文件可能正在其他程序中打开，请关闭后重试。") from error
    except OSError as error:
        raise OverviewExportError(f"无法写入 {out}：{error.strerror or error}") from error
    return out


def _write_pdf(overview: SeasonOverview, out: Path) -> None:
    from matplotlib.backends.backend_pdf import PdfPages

    from desktop.core.overview.charts import _figure, dashboard

    headers, rows = table(overview)
    # The table is split into pages of rows and columns that fit A4 landscape.
    keep = [
        0,
        1,
        3,
        4,
        6,
        7,
        8,
        *range(9, 9 + len(overview.severities)),
        9 + len(overview.severities),
        10 + len(overview.severities),
        len(headers) - 1,
    ]
    shown = [headers[i] for i in keep]
    buffer = io.BytesIO()
    with PdfPages(buffer) as pdf:
        pdf.savefig(dashboard(overview))
        per_page = 22
        for first in range(0, max(len(rows), 1), per_page):
            figure = _figure(11.69, 8.27)
            ax = figure.add_subplot()
            ax.axis("off")
            chunk = [[str(r[i]) for i in keep] for r in rows[first : first + per_page]] or [[""] * len(keep)]
            cells = ax.table(cellText=chunk, colLabels=shown, loc="upper center", cellLoc="center")
            cells.auto_set_font_size(False)
            cells.set_fontsize(7)
            cells.auto_set_column_width(list(range(len(keep))))
            for (r, _c), cell in cells.get_celld().items():
                if r == 0:
                    cell.set_facecolor("#DDE4EE")
            ax.set_title(f"{overview.year}年度报告审阅概览（第 {first // per_page + 1} 页）", fontsize=11)
            pdf.savefig(figure)
    out.write_bytes(buffer.getvalue())


def _write_xlsx(overview: SeasonOverview, out: Path) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.drawing.image import Image  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    from desktop.core.export.summary import display_width
    from desktop.core.overview.charts import CHARTS, chart, render_png

    headers, rows = table(overview)
    book = Workbook()
    sheet = book.active
    sheet.title = f"{overview.year}年度概览"
    book.properties.title = f"{overview.year}年度法治政府建设年度报告审阅概览"
    book.properties.creator = "ReviewDesk"
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    late = PatternFill("solid", fgColor="F6D5D1")
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula
                if value == TIMELINESS_LABELS["late"]:
                    cell.fill = late
    for c, header in enumerate(headers, start=1):
        longest = max([display_width(header)] + [display_width(str(row[c - 1])) for row in rows])
        sheet.column_dimensions[get_column_letter(c)].width = max(6, min(36, longest + 2))
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    charts = book.create_sheet("图表")
    row = 1
    for name in CHARTS:
        figure, _bars = chart(name, overview)
        image = Image(io.BytesIO(render_png(figure, dpi=96)))
        charts.add_image(image, f"A{row}")
        row += int(image.height / 20) + 2
    book.save(out)
