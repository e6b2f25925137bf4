"""Command-line control over one figure: ``reviewdesk figure ID [--confirm|--exclude|--key K|--value V|--reset]``.

``ID`` is the figure's number as ``reviewdesk metrics REPORT`` lists it (``#12``). Without an option the
figure is shown. The decision is stored in the library and survives re-processing and re-import.
Wired into :mod:`desktop.cli` by ``add_parsers(sub, library)`` and ``HANDLERS``; output helpers come
from :mod:`desktop.cli_output`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line starts fast: nothing heavy is imported until a handler runs
    from db.session import Library
    from desktop.core.metrics.result import Figure

COMMANDS = ("figure",)
NO_METRIC = ("none", "无", "其他数字")
"""Values of ``--key`` that mean "this is no metric" (the figure becomes an other figure)."""


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], library_parent: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "figure",
        parents=[library_parent],
        help="查看或审定报告中的一个数字：确认、更正指标或数值、排除",
        description="ID 为 reviewdesk metrics 列出的数字编号（#12）。不带选项时显示该数字。",
    )
    p.add_argument("figure_id", type=int, metavar="ID", help="数字编号")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--confirm", action="store_true", help="确认指标归类和数值无误")
    action.add_argument("--exclude", action="store_true", help="排除：不作为指标，不写入审查意见和汇总")
    action.add_argument("--reset", action="store_true", help="撤销审阅人对该数字的处理")
    p.add_argument("--key", metavar="KEY", help="更正指标（指标键，如 litigations；none 表示不是指标）")
    p.add_argument("--value", type=float, metavar="N", help="更正数值")
    p.add_argument("--by", metavar="NAME", help="审阅人")


def _figure(library: Library, figure_id: int) -> tuple[Figure, int] | None:
    """The figure as the reviewer left it, and its report's id."""
    from db import models
    from desktop.core.metrics.store import default_catalog, report_metrics

    with library.sessions() as session:
        row = session.get(models.MetricMention, figure_id)
        if row is None:
            return None
        result = report_metrics(session, row.report_id, default_catalog())
    found = result.figure(figure_id) if result else None
    return (found, row.report_id) if found else None


def _cmd_figure(library: Library, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from desktop.cli_output import describe_figure, emit, fail, figure_json, say
    from desktop.core.metrics.catalog import CatalogError
    from desktop.core.metrics.reviews import FigureReviewError, reset_figure, review_figure
    from desktop.core.metrics.store import default_catalog, ensure_current

    correcting = args.key is not None or args.value is not None
    if correcting and (args.confirm or args.exclude or args.reset):
        return fail("--key/--value 不能与 --confirm、--exclude 或 --reset 同时使用。")
    try:
        catalog = default_catalog()
        ensure_current(library.sessions, catalog)
    except CatalogError as error:
        return fail(str(error))
    except SQLAlchemyError as error:
        return fail(f"无法更新资料库中的数字：{_reason(error)}。", 1)
    done = ""
    try:
        with library.sessions.begin() as session:
            if args.reset:
                done = (
                    "已撤销对数字的处理"
                    if reset_figure(session, args.figure_id)
                    else "该数字没有审阅处理，无需撤销"
                )
            elif args.confirm or args.exclude or correcting:
                decision = "confirmed" if args.confirm else "excluded" if args.exclude else "corrected"
                key = "" if args.key is not None and args.key.lower() in NO_METRIC else args.key
                review_figure(
                    session, args.figure_id, decision, catalog, key=key, value=args.value, author=args.by
                )
                done = {"confirmed": "已确认", "excluded": "已排除", "corrected": "已更正"}[decision]
    except FigureReviewError as error:
        return fail(str(error))
    except SQLAlchemyError as error:
        return fail(f"无法保存对数字的处理：{_reason(error)}。资料库未被修改。", 1)
    shown = _figure(library, args.figure_id)
    if shown is None:
        return fail(f"资料库中没有编号为 {args.figure_id} 的数字。")
    if args.json:
        emit(figure_json(*shown))
        return 0
    if done:
        say(f"{done}：数字 #{args.figure_id}")
    say(describe_figure(shown[0]))
    return 0


def _reason(error: Exception) -> str:
    text = str(getattr(error, "orig", error))
    if "readonly" in text or "read-only" in text:
        return "资料库为只读"
    if "full" in text:
        return "磁盘空间不足"
    if "locked" in text:
        return "资料库正被其他程序使用"
    return "数据库写入失败"


HANDLERS = {"figure": _cmd_figure}
