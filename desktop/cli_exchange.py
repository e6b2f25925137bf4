"""Command-line summary and review packages: ``reviewdesk export-summary``, ``export-annotations``,
``import-annotations``, ``conflicts`` and ``resolve-conflict``.

Wired into :mod:`desktop.cli` by ``add_parsers(sub, library)`` and ``HANDLERS``. The output helpers
come from :mod:`desktop.cli_output`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line starts fast: nothing heavy is imported until a handler runs
    from db.session import Library
    from desktop.core.exchange import ConflictView

COMMANDS = ("export-summary", "export-annotations", "import-annotations", "conflicts", "resolve-conflict")


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], library_parent: argparse.ArgumentParser
) -> None:
    """Add the sub-commands; ``library_parent`` is the parent parser that gives --library and --json."""
    p = sub.add_parser(
        "export-summary", parents=[library_parent], help="导出各报告的审阅汇总表（.xlsx 或 .csv）"
    )
    p.add_argument("--out", required=True, metavar="FILE", help="输出文件，以 .xlsx 或 .csv 结尾")
    p = sub.add_parser(
        "export-annotations", parents=[library_parent], help="把批注和审阅状态导出为审阅包（.rdpkg）"
    )
    p.add_argument("ids", type=int, nargs="*", metavar="ID", help="报告编号（省略则导出资料库中的全部批注）")
    p.add_argument("--out", required=True, metavar="FILE", help="输出的审阅包，如 第一组.rdpkg")
    p.add_argument(
        "--with-originals",
        action="store_true",
        help="同时打包报告原始文件，对方资料库中没有这些报告时也能导入",
    )
    p.add_argument("--by", metavar="NAME", help="导出人")
    p = sub.add_parser(
        "import-annotations", parents=[library_parent], help="导入审阅包，按批注编号合并（不会重复）"
    )
    p.add_argument("file", metavar="FILE", help="审阅包（.rdpkg）")
    sub.add_parser("conflicts", parents=[library_parent], help="列出导入审阅包时双方都修改过的批注")
    p = sub.add_parser("resolve-conflict", parents=[library_parent], help="处理一条批注冲突")
    p.add_argument("conflict_id", type=int, metavar="CONFLICT_ID", help="冲突编号（见 reviewdesk conflicts）")
    p.add_argument(
        "--keep",
        required=True,
        choices=("local", "incoming"),
        help="local 保留本地版本，incoming 采用导入的版本",
    )


def _cmd_export_summary(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli_output import emit, fail, say
    from desktop.core.export.summary import SummaryExportError, export_summary
    from desktop.core.metrics.catalog import CatalogError
    from desktop.core.metrics.store import default_catalog, ensure_current

    try:
        # The summary reads the stored figures: bring them up to date with the catalog first.
        ensure_current(library.sessions, default_catalog())
        with library.sessions() as session:
            count = export_summary(session, args.out)
    except (SummaryExportError, CatalogError) as error:
        return fail(str(error))
    if args.json:
        emit({"out": args.out, "reports": count})
    else:
        say(f"已导出 {count} 份报告的审阅汇总到 {args.out}")
    return 0


def _cmd_export_annotations(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli_output import emit, fail, say
    from desktop.core.exchange import PackageError, export_package

    try:
        with library.sessions.begin() as session:
            stats = export_package(
                session,
                args.ids or None,
                args.out,
                include_originals=args.with_originals,
                exported_by=args.by,
            )
    except PackageError as error:
        return fail(str(error))
    if args.json:
        emit(stats.as_json())
        return 0
    files = f"，含 {stats.originals} 份原始文件" if stats.originals else ""
    say(f"已导出 {stats.annotations} 条批注（{stats.reports} 份报告{files}）到 {stats.path}")
    if stats.detached:
        say(f"    其中 {stats.detached} 条批注所属的报告已从资料库删除，按文件摘要导出。")
    return 0


def _cmd_import_annotations(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli_output import emit, fail, say
    from desktop.core.exchange import PackageError, import_package

    try:
        stats = import_package(library, args.file)
    except PackageError as error:
        return fail(str(error))
    if args.json:
        emit(stats.as_json())
    else:
        say(
            f"已导入审阅包 {stats.package}：新增 {stats.added} 条，更新 {stats.updated} 条，"
            f"未变 {stats.unchanged} 条，冲突 {stats.conflicts} 条。"
        )
        if stats.reports_imported:
            say(f"    随包导入报告 {stats.reports_imported} 份。")
        if stats.review_states:
            say(f"    更新审阅状态 {stats.review_states} 份报告。")
        if stats.pending:
            say(f"    {stats.pending} 条批注所属的报告不在资料库中，已暂存；导入该报告文件后自动关联。")
        if stats.orphaned:
            say(f"    {stats.orphaned} 条新批注在报告正文中找不到原文，已保留为无法定位的批注。")
        if stats.conflicts:
            say(
                f"    {stats.conflicts} 条批注在双方都修改过，已保留本地版本并记录为冲突。"
                "请在图形界面中处理，或用 reviewdesk conflicts 查看、reviewdesk resolve-conflict 处理。"
            )
        for message in stats.failed_originals:
            say(f"    原始文件未能导入：{message}")
        for note in stats.notes:
            say(f"    注意：{note}")
    return 1 if stats.failed_originals else 0


def _cmd_conflicts(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli_output import emit, say
    from desktop.core.exchange import list_conflicts

    with library.sessions() as session:
        conflicts = list_conflicts(session)
    if args.json:
        emit([c.as_json() for c in conflicts])
        return 0
    if not conflicts:
        say("没有待处理的批注冲突。")
    for c in conflicts:
        where = f"报告 #{c.report_id}" if c.report_id is not None else "报告不在资料库中"
        say(
            f"冲突 #{c.id}  {where}  “{_short(c.local.selectors.exact)}”（来自 {c.source}，{c.detected_at.astimezone():%Y-%m-%d %H:%M}）"
        )
        say("    本地：" + _version(c, local=True))
        say("    导入：" + _version(c, local=False))
    if conflicts:
        say(
            "处理：reviewdesk resolve-conflict 冲突编号 --keep local（保留本地）或 --keep incoming（采用导入）"
        )
    return 0


def _version(conflict: ConflictView, local: bool) -> str:
    v = conflict.local if local else conflict.incoming
    by = f"{v.author}，" if v.author else ""
    when = f"{v.modified_at.astimezone():%Y-%m-%d %H:%M}" if v.modified_at else "时间未知"
    return f"[{v.severity_label}] {v.category_label}  {v.status_label}  {v.comment}（{by}{when}）"


def _cmd_resolve_conflict(library: Library, args: argparse.Namespace) -> int:
    from db import models
    from desktop.cli_output import emit, fail, say
    from desktop.core.annotations import annotation_view
    from desktop.core.exchange import ConflictError, resolve_conflict

    try:
        with library.sessions.begin() as session:
            annotation = resolve_conflict(session, args.conflict_id, args.keep)
            report = session.get(models.Report, annotation.report_id) if annotation.report_id else None
            shown = annotation_view(annotation, report.clean_text if report else None).as_json()
    except ConflictError as error:
        return fail(str(error))
    if args.json:
        emit({"conflict_id": args.conflict_id, "keep": args.keep, "annotation": shown})
    else:
        kept = "保留本地版本" if args.keep == "local" else "采用导入的版本"
        say(f"已处理冲突 #{args.conflict_id}：{kept}（批注 {annotation.id}）。")
    return 0


def _short(quote: str, limit: int = 30) -> str:
    return quote if len(quote) <= limit else quote[:limit] + "…"


HANDLERS: dict[str, Callable[[Library, argparse.Namespace], int]] = {
    "export-summary": _cmd_export_summary,
    "export-annotations": _cmd_export_annotations,
    "import-annotations": _cmd_import_annotations,
    "conflicts": _cmd_conflicts,
    "resolve-conflict": _cmd_resolve_conflict,
}
