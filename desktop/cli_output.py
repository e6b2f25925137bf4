"""What the command line prints: JSON objects, the reviewer's lines, failures, and files it writes.

The core returns typed results (:class:`~desktop.core.report_detail.ReportDetail`,
:class:`~desktop.core.metrics.result.ReportMetrics`,
:class:`~desktop.core.compare.result.PriorComparison`); this module alone turns them into the
command line's JSON and text, and words a missing prior report with the commands that help. JSON
output is UTF-8 and not ASCII-escaped.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.compare.result import NoPrior, PriorComparison
    from desktop.core.metrics.result import Figure, ReportMetrics
    from desktop.core.report_detail import ReportDetail


def emit(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()


def say(line: str) -> None:
    sys.stdout.buffer.write(line.encode("utf-8") + b"\n")
    sys.stdout.flush()


def fail(message: str, code: int = 2) -> int:
    sys.stderr.buffer.write(("错误：" + message).encode("utf-8") + b"\n")
    return code


def failed(json_wanted: bool, message: str, code: str) -> int:
    """A failure of the command as a whole: the message on stderr (and as JSON with ``--json``)."""
    if json_wanted:
        emit({"ok": False, "error": message, "error_code": code})
    return fail(message, 1)


def read_only_message(reason: str) -> str:
    return f"{reason}，修改未能保存。只读的资料库可以查看和导出；要修改，请把它复制到可写的位置后再用 --library 指定。"


def file_error(error: OSError) -> str:
    """A file the command wrote (not the library) could not be written."""
    from db.errors import classify

    kind = classify(error)
    name = error.filename
    if kind == "disk_full":
        return f"磁盘空间已满，“{name}”未能写入（没有留下不完整的文件）。请清理磁盘空间后重试。"
    if kind in ("read_only", "no_permission"):
        return f"无法写入“{name}”：该位置是只读的或没有写入权限。请另选一个位置。"
    return f"无法写入“{name}”：{error.strerror or error}。"


def write_atomically(out: Path, data: bytes) -> None:
    """Write beside ``out`` and rename: a full disk never leaves half a file under its name."""
    part = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        part.write_bytes(data)
        os.replace(part, out)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(out)) from error


# reviewdesk show ---------------------------------------------------------------------------


def show_lines(detail: ReportDetail) -> list[str]:
    unsure = "" if detail.agency_confident else "（未确认，请核对）"
    lines = [f"{detail.title}\n单位：{detail.agency}{unsure}  年度：{detail.year}  成文日期：{detail.date}"]
    if not detail.agency_confident and detail.agency_note:
        suggestion = f"；可能是“{detail.agency_suggestion}”" if detail.agency_suggestion else ""
        lines.append(
            f"提示：{detail.agency_note}{suggestion}。确认或更正：reviewdesk correct {detail.id} --agency 名称"
        )
    for s in detail.sections:
        if s.level <= 2:
            lines.append(f"{'  ' * (s.level - 1)}{s.number}{s.title}  [{s.kind}]")
    if detail.missing_sections:
        lines.append("缺少必备部分：" + "、".join(detail.missing_sections))
    lines += ["提示：" + warning for warning in detail.warnings]
    return lines


# reviewdesk metrics / figure ---------------------------------------------------------------


def figure_json(figure: Figure, report_id: int | None = None) -> dict[str, Any]:
    """One figure (``reviewdesk figure --json`` adds the report it belongs to)."""
    data = figure.as_json()
    return data if report_id is None else data | {"report_id": report_id}


def describe_figure(figure: Figure) -> str:
    """One figure as the command line shows it: label, words, confidence, the reviewer's decision."""
    review = figure.review
    state = "存疑：" + (figure.doubt or "") if figure.confidence == "doubtful" else "可信"
    decided = f"  [{review.label}{'·' + review.author if review.author else ''}]" if review else ""
    value = f"{figure.value:g}"
    return (
        f"#{figure.id}  {figure.label}：{figure.written or value}（{value}）  {state}{decided}\n"
        f"    {figure.quote}"
    )


def metrics_lines(result: ReportMetrics) -> list[str]:
    lines = [describe_figure(f) for f in result.figures if f.key or f.review]
    return lines + [f"[{check.severity}] {check.message}" for check in result.checks]


# reviewdesk compare ------------------------------------------------------------------------


def no_prior_message(reason: NoPrior | None, report_id: int) -> str:
    """Why there is nothing to compare with, and the command that changes it."""
    from desktop.core.compare.result import NoPrior

    messages = {
        NoPrior.NOT_FOUND: "资料库中没有该单位上一年度的报告，无法比较。可用 --prior 指定要比较的报告。",
        NoPrior.UNCONFIRMED: "资料库中有可能是该单位上一年度的报告，但尚未确认配对，无法比较。"
        f"确认后比较：reviewdesk prior {report_id} --set 编号；或用 --prior 指定。",
        NoPrior.AGENCY_UNCONFIRMED: "报告单位尚未确认，不自动配对上一年度的报告，无法比较。"
        f"确认单位：reviewdesk correct {report_id} --agency 名称；或用 --prior 指定要比较的报告。",
        NoPrior.YEAR_UNKNOWN: "报告年度未能识别，无法查找上一年度的报告。"
        f"更正年度：reviewdesk correct {report_id} --year 年份；或用 --prior 指定要比较的报告。",
        NoPrior.BINNED: "要比较的上一年度报告在回收站中，无法比较。"
        "恢复：reviewdesk bin 查看后 reviewdesk restore-report 编号；或用 --prior 指定其他报告。",
        NoPrior.REJECTED: "审阅人已否定该单位上一年度报告的配对，无法比较。"
        f"恢复自动配对：reviewdesk prior {report_id} --auto；或用 --prior 指定要比较的报告。",
        NoPrior.NONE_CHOSEN: "审阅人已指定该报告不与任何报告比较。"
        f"恢复自动配对：reviewdesk prior {report_id} --auto；或用 --prior 指定要比较的报告。",
        NoPrior.MISSING: "资料库中没有要比较的报告，无法比较。请用 reviewdesk list 查看报告编号。",
    }
    return messages.get(reason or NoPrior.NOT_FOUND, messages[NoPrior.NOT_FOUND])


def compare_json(compared: PriorComparison) -> dict[str, Any]:
    """The ``reviewdesk compare --json`` object (``message`` and ``reason`` when there is no prior)."""
    message = (
        None if compared.comparison is not None else no_prior_message(compared.reason, compared.report_id)
    )
    return compared.as_json(message)


def compare_lines(compared: PriorComparison) -> list[str]:
    comparison = compared.comparison
    if comparison is None:
        return [no_prior_message(compared.reason, compared.report_id)]
    lines = [carried_line(compared)]
    lines += ["注意：" + section.message for section in comparison.sections if section.message]
    for row in compared.figures:
        if row.prior is not None and row.current is not None:
            pct = f"（{row.pct:+.1f}%）" if row.pct is not None else ""
            lines.append(f"{row.label}：{row.prior:g} → {row.current:g}{row.unit or ''}{pct}")
    return lines + ["[warning] " + check.message for check in compared.checks]


def carried_line(compared: PriorComparison) -> str:
    """The share of substantive sentences carried over; formulae and page chrome are not counted."""
    comparison = compared.comparison
    share = _rounded(comparison.carried_over if comparison else None)
    raw = _rounded(comparison.carried_over_raw if comparison else None)
    line = f"与报告 #{compared.prior_id} 比较："
    if share is None:
        line += "没有可比较的实质内容句子"
    else:
        line += f"实质内容中 {share:.0%} 的句子与上年相同或几乎相同"
    if comparison is not None and comparison.boilerplate and raw is not None:
        line += f"（{comparison.boilerplate} 句套话不计；计入套话为 {raw:.0%}）"
    return line + "。"


def _rounded(share: float | None) -> float | None:
    # As the JSON gives it: a share printed as a percentage rounds the same in both outputs.
    return None if share is None else round(share, 3)
