"""The overview's charts, drawn with matplotlib's Agg backend (no GUI toolkit, no network).

matplotlib is imported only inside these functions: the window paints long before anyone opens
the overview. A CJK font is chosen from the installed ones (Noto CJK on Linux, Microsoft YaHei,
SimHei or SimSun on Windows); without one the charts still draw, with missing glyphs, and
:func:`cjk_font` says so.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from desktop.core.overview.data import LATE, ON_TIME, REQUIRED, UNKNOWN, SeasonOverview

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger("reviewdesk.overview")

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "PingFang SC",
    "Noto Serif CJK SC",
    "SimSun",
)
COLOURS = {ON_TIME: "#2E9E5B", LATE: "#C0392B", UNKNOWN: "#B0B0B0"}
THRESHOLD = 0.5
CHARTS = ("on_time", "completeness", "carried", "findings")


@dataclass(frozen=True)
class Hit:
    """A clickable bar in a rendered chart, in image pixels (origin top left)."""

    left: float
    top: float
    right: float
    bottom: float
    report_id: int

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """Configure matplotlib (Agg, a CJK font, a real minus sign) once; the family used, or None."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import font_manager, rcParams

    installed = {f.name for f in font_manager.fontManager.ttflist}
    family = next((name for name in CJK_FAMILIES if name in installed), None)
    if family is None:
        log.warning("no CJK font found for the overview charts; Chinese labels may not show")
    rcParams["font.sans-serif"] = [*([family] if family else []), "DejaVu Sans"]
    rcParams["font.family"] = "sans-serif"
    rcParams["axes.unicode_minus"] = False
    rcParams["svg.fonttype"] = "none"
    rcParams["pdf.fonttype"] = 42
    return family


def _figure(width: float, height: float) -> Figure:
    cjk_font()
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return figure


def _style(ax: Any, counts: bool = True) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=9)
    if counts:  # reports and findings are whole numbers
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def draw_on_time(ax: Any, overview: SeasonOverview) -> None:
    rows = [("报送", overview.timeliness_counts("report")), ("公开", overview.timeliness_counts("publish"))]
    labels = {ON_TIME: "按时", LATE: "逾期", UNKNOWN: "日期不详"}
    for index, (_name, counts) in enumerate(rows):
        left = 0
        for state in (ON_TIME, LATE, UNKNOWN):
            value = counts.get(state, 0)
            if value:
                ax.barh(
                    index, value, left=left, color=COLOURS[state], label=labels[state] if index == 0 else None
                )
                ax.text(
                    left + value / 2, index, str(value), ha="center", va="center", color="white", fontsize=10
                )
            left += value
    deadlines = overview.deadlines
    names = []
    for key, (name, _c) in zip(("report_by", "publish_by"), rows, strict=True):
        when = deadlines.get(key)
        names.append(f"{name}\n（{when.month}月{when.day}日前）" if when else name)
    ax.set_yticks([0, 1], labels=names)
    ax.invert_yaxis()
    ax.set_xlabel("报告份数", fontsize=9, loc="left")
    ax.set_title(f"按时报送率 {_percent(overview.on_time_rate)}（按已知日期计）", fontsize=11)
    handles, texts = ax.get_legend_handles_labels()
    # Every state appears in the legend, also when no report is in it.
    from matplotlib.patches import Patch

    present = set(texts)
    for state in (ON_TIME, LATE, UNKNOWN):
        if labels[state] not in present:
            handles.append(Patch(color=COLOURS[state]))
            texts.append(labels[state])
    ax.legend(
        handles, texts, fontsize=8, loc="upper right", bbox_to_anchor=(1.0, -0.12), frameon=False, ncols=3
    )
    _style(ax)


def draw_completeness(ax: Any, overview: SeasonOverview) -> None:
    from desktop.core.findings.rules.spans import label

    counts = overview.part_counts()
    total = len(overview.rows)
    names = [label(kind) for kind in REQUIRED]
    short = ["主要举措和成效", "存在的不足和原因", "第一责任人职责", "下一年度安排"]
    values = [counts[kind] for kind in REQUIRED]
    colours = ["#2E86C1" if v == total else "#E07A1F" for v in values]
    bars = ax.barh(range(len(names)), values, color=colours)
    for bar, value in zip(bars, values, strict=True):
        ax.text(
            bar.get_width() + total * 0.01 + 0.05,
            bar.get_y() + bar.get_height() / 2,
            f"{value}/{total}",
            va="center",
            fontsize=9,
        )
    ax.set_yticks(range(len(names)), labels=short)
    ax.invert_yaxis()
    ax.set_xlim(0, max(total, 1) * 1.15)
    ax.set_xlabel("具备该部分的报告份数", fontsize=9)
    complete = sum(r.complete for r in overview.rows)
    ax.set_title(f"必备部分齐全 {complete}/{total} 份（{_percent(overview.complete_rate)}）", fontsize=11)
    _style(ax)


def draw_carried(ax: Any, overview: SeasonOverview) -> list[tuple[Any, int]]:
    """Carried-over share of 不足 and 下一年度 per issuer; returns (bar, report id) for clicks."""
    rows = overview.rows
    bars: list[tuple[Any, int]] = []
    height = 0.38
    for index, row in enumerate(rows):
        for offset, share, colour in (
            (-height / 2, row.carried_shortcomings, "#8E5CC4"),
            (height / 2, row.carried_next_year, "#2E86C1"),
        ):
            if share is None:
                continue
            bar = ax.barh(index + offset, share * 100, height=height, color=colour)[0]
            ax.text(share * 100 + 0.6, index + offset, _percent(share), va="center", fontsize=8)
            bars.append((bar, row.report_id))
        if row.carried_shortcomings is None and row.carried_next_year is None:
            ax.text(1, index, "无上年报告可比", va="center", fontsize=8, color="#888888")
    ax.axvline(THRESHOLD * 100, color="#C0392B", linestyle="--", linewidth=1)
    ax.set_yticks(range(len(rows)), labels=[r.agency for r in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, 108)
    ax.set_xlabel("与上年报告相同或几乎相同的句子比例（%）", fontsize=9, loc="left")
    from matplotlib.patches import Patch

    ax.legend(
        [Patch(color="#8E5CC4"), Patch(color="#2E86C1")],
        ["存在的不足", "下一年度安排"],
        fontsize=8,
        loc="upper right",
        bbox_to_anchor=(1.0, -0.06),
        frameon=False,
        ncols=2,
    )
    flagged = sum(
        1
        for r in rows
        if (r.carried_shortcomings or 0) >= THRESHOLD or (r.carried_next_year or 0) >= THRESHOLD
    )
    ax.set_title(f"照搬往年：{flagged} 个单位的不足或安排过半同上年", fontsize=11, loc="left")
    _style(ax, counts=False)
    return bars


def draw_findings(ax: Any, overview: SeasonOverview) -> None:
    counts = overview.findings_by_category()
    known = [c for c in overview.categories if c[0] in counts] or overview.categories
    extra = [(k, k, None) for k in counts if k not in {c[0] for c in overview.categories}]
    categories = known + extra
    values = [counts.get(key, 0) for key, _label, _colour in categories]
    colours = [colour or "#7F8C8D" for _key, _label, colour in categories]
    bars = ax.barh(range(len(categories)), values, color=colours)
    top = max(values, default=0)
    for bar, value in zip(bars, values, strict=True):
        ax.text(
            bar.get_width() + max(top, 1) * 0.01 + 0.05,
            bar.get_y() + bar.get_height() / 2,
            str(value),
            va="center",
            fontsize=9,
        )
    ax.set_yticks(range(len(categories)), labels=[label for _k, label, _c in categories])
    ax.invert_yaxis()
    ax.set_xlim(0, max(top, 1) * 1.15)
    ax.set_xlabel("待处理的问题提示（条）", fontsize=9)
    ax.set_title(f"问题提示按类别：共 {sum(values)} 条待处理", fontsize=11)
    _style(ax)


def _issuer_height(overview: SeasonOverview) -> float:
    return max(3.0, 0.42 * len(overview.rows) + 1.4)


def chart(name: str, overview: SeasonOverview, width: float = 6.4) -> tuple[Figure, list[tuple[Any, int]]]:
    """One chart by name (:data:`CHARTS`), with its clickable bars."""
    height = _issuer_height(overview) if name == "carried" else 3.2
    figure = _figure(width, height)
    ax = figure.add_subplot()
    bars: list[tuple[Any, int]] = []
    if name == "on_time":
        draw_on_time(ax, overview)
    elif name == "completeness":
        draw_completeness(ax, overview)
    elif name == "carried":
        bars = draw_carried(ax, overview)
    elif name == "findings":
        draw_findings(ax, overview)
    else:
        raise ValueError(f"unknown chart {name!r}")
    return figure, bars


def dashboard(overview: SeasonOverview) -> Figure:
    """All four charts on one page, for a briefing (PNG, or the first page of the PDF)."""
    figure = _figure(13.0, 4.2 + _issuer_height(overview))
    grid = figure.add_gridspec(2, 3, height_ratios=[3.2, _issuer_height(overview)])
    draw_on_time(figure.add_subplot(grid[0, 0]), overview)
    draw_completeness(figure.add_subplot(grid[0, 1]), overview)
    draw_findings(figure.add_subplot(grid[0, 2]), overview)
    draw_carried(figure.add_subplot(grid[1, :]), overview)
    figure.suptitle(
        f"{overview.year}年度法治政府建设年度报告审阅概览（{len(overview.rows)} 份）", fontsize=14
    )
    return figure


def render_png(figure: Figure, dpi: int = 100) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def render_with_hits(
    figure: Figure, bars: list[tuple[Any, int]], dpi: int = 100
) -> tuple[bytes, list[Hit], tuple[int, int]]:
    """PNG bytes, the bars' rectangles in image pixels, and the image size (width, height)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(dpi)
    canvas.draw()
    width, height = canvas.get_width_height()
    hits = []
    for bar, report_id in bars:
        box = bar.get_window_extent(renderer=canvas.get_renderer())
        hits.append(Hit(box.x0, height - box.y1, box.x1, height - box.y0, report_id))
    buffer = io.BytesIO()
    canvas.print_png(buffer)
    return buffer.getvalue(), hits, (width, height)
