"""Versions and mistakes on the command line:

``reviewdesk carry ID [--from OLDER ...] [--undo]`` carries the review of the versions report ``ID``
replaced to it (or undoes the last carry); ``reviewdesk delete-reports ID...`` moves reports to the
bin, ``reviewdesk bin`` lists it, ``reviewdesk restore-report ID`` brings one back and
``reviewdesk empty-bin [--older-than DAYS]`` deletes for good. Also the options this adds to
``import`` (``--no-carry``, ``--by``), ``list`` (``--all``) and ``compare`` (what to ignore).

Wired into :mod:`desktop.cli` by ``add_parsers(sub, library)``, ``HANDLERS`` and ``COMMANDS``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.session import Library

COMMANDS = ("carry", "bin", "restore-report", "empty-bin")


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], library_parent: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "carry", parents=[library_parent], help="把旧版本的批注、审阅状态和结论转移到新版本（或撤销）"
    )
    p.add_argument("id", type=int, help="新版本的报告编号")
    p.add_argument(
        "--from", dest="olders", type=int, nargs="+", metavar="OLDER", help="旧版本（默认：被它取代的版本）"
    )
    p.add_argument("--undo", action="store_true", help="撤销最近一次向该报告的转移")
    p.add_argument("--by", metavar="NAME", help="审阅人")
    sub.add_parser("bin", parents=[library_parent], help="列出回收站中的报告")
    p = sub.add_parser("restore-report", parents=[library_parent], help="从回收站恢复报告（批注随之恢复）")
    p.add_argument("ids", type=int, nargs="+", metavar="ID", help="报告编号（见 reviewdesk bin）")
    p = sub.add_parser("empty-bin", parents=[library_parent], help="清空回收站：永久删除其中的报告原件")
    p.add_argument("--older-than", type=float, metavar="DAYS", help="只删除移入回收站超过 DAYS 天的")


def add_import_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-carry", action="store_true", help="不把旧版本的批注、审阅状态和结论转移到取代它的新版本"
    )
    parser.add_argument("--by", metavar="NAME", help="审阅人（记入转移记录）")


def add_list_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--all", action="store_true", help="也列出已被新版本取代的旧版本")
    # The default now; kept so that scripts written for earlier versions still run.
    parser.add_argument("--current", action="store_true", help=argparse.SUPPRESS)


def add_compare_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ignore-years",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="只改了年份（2023→2024、二〇二三→二〇二四、本年度/上一年度）不算改动（默认：是）",
    )
    parser.add_argument(
        "--ignore-splits",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="只是换行、分段或空白不同不算改动（默认：是）",
    )


def compare_options(args: argparse.Namespace) -> Any:
    from desktop.core.compare.options import CompareOptions

    defaults = CompareOptions()
    return CompareOptions(
        ignore_years=defaults.ignore_years if args.ignore_years is None else args.ignore_years,
        ignore_splits=defaults.ignore_splits if args.ignore_splits is None else args.ignore_splits,
    )


def _cmd_carry(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli import emit, fail, say
    from desktop.core.annotations.taxonomy import AnnotationError
    from desktop.core.version_carry import carry_to, undo_last_carry

    try:
        if args.undo:
            undone = undo_last_carry(library.sessions, args.id, args.by)
            result = undone.as_json()
        else:
            carried = carry_to(library.sessions, args.id, args.olders, args.by)
            result = carried.as_json()
    except AnnotationError as error:
        return fail(str(error))
    if args.json:
        emit(result)
    else:
        say(str(result["message"]) + ("" if args.undo else f"。撤销：reviewdesk carry {args.id} --undo"))
    return 0


def cmd_delete_reports(library: Library, args: argparse.Namespace) -> int:
    """``delete-reports``: to the bin (undoable), no longer for good."""
    from db.postgres import ServerError
    from desktop.cli import emit, fail, say
    from desktop.core.report_admin import ReportNotFound
    from desktop.core.report_bin import bin_reports

    try:
        result = bin_reports(library.sessions, args.ids, getattr(args, "by", None))
    except (ReportNotFound, ServerError) as error:
        return fail(str(error))
    if args.json:
        emit({**result.as_json(), "deleted": result.binned})
    else:
        say(result.describe() + f" 恢复：reviewdesk restore-report {' '.join(map(str, result.binned))}")
    return 0


def _cmd_bin(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli import emit, say
    from desktop.core.report_bin import list_bin

    with library.sessions() as session:
        entries = list_bin(session)
    if args.json:
        emit([e.as_json() for e in entries])
        return 0
    if not entries:
        say("回收站是空的。")
    for e in entries:
        when = e.binned_at.astimezone().strftime("%Y-%m-%d %H:%M")
        who = f"（{e.binned_by}）" if e.binned_by else ""
        notes = f"，{e.annotations} 条批注" if e.annotations else ""
        say(
            f"#{e.report_id}  {e.agency or '（单位未识别）'}  {e.year or ''}  {e.source_name}  移入于 {when}{who}{notes}"
        )
    return 0


def _cmd_restore(library: Library, args: argparse.Namespace) -> int:
    from db.postgres import ServerError
    from desktop.cli import emit, fail, say
    from desktop.core.errors import ImportRefused
    from desktop.core.report_admin import ReportNotFound
    from desktop.core.report_bin import restore_report

    results = []
    for report_id in args.ids:
        try:
            results.append(restore_report(library.sessions, report_id))
        except (ReportNotFound, ImportRefused, ServerError) as error:
            if args.json:
                emit([r.as_json() for r in results])
            return fail(str(error), 1)
    if args.json:
        emit([r.as_json() for r in results])
    else:
        for r in results:
            say(r.describe())
    return 0


def _cmd_empty(library: Library, args: argparse.Namespace) -> int:
    from db.postgres import ServerError
    from desktop.cli import emit, fail, say
    from desktop.core.report_bin import empty_bin

    try:
        removed = empty_bin(library.sessions, args.older_than)
    except ServerError as error:
        return fail(str(error))
    if args.json:
        emit({"deleted": removed})
    elif removed:
        say(
            f"已永久删除回收站中的报告 {'、'.join(f'#{i}' for i in removed)}"
            "（其批注仍分离保存，重新导入同一文件后恢复）。"
        )
    else:
        say("回收站中没有需要删除的报告。")
    return 0


HANDLERS: dict[str, Callable[[Library, argparse.Namespace], int]] = {
    "carry": _cmd_carry,
    "bin": _cmd_bin,
    "restore-report": _cmd_restore,
    "empty-bin": _cmd_empty,
}
