"""Command-line care of the library itself and of review states:
``reviewdesk backup [--out FILE] [--keep N]``, ``reviewdesk backups``, ``reviewdesk restore BACKUP``
and ``reviewdesk review ID [--status S] [--conclusion TEXT] [--reviewer NAME]``.

Wired into :mod:`desktop.cli` by ``add_parsers(sub, library)`` and ``HANDLERS``. The output helpers
come from :mod:`desktop.cli_output`.
``restore`` replaces the library file, so it runs before the library is opened (``BEFORE_OPEN``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line starts fast: nothing heavy is imported until a handler runs
    from db.session import Library

COMMANDS = ("backup", "backups", "restore", "review")
BEFORE_OPEN = ("restore",)
"""Commands that work on the library file without opening it (it may be damaged)."""


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], library_parent: argparse.ArgumentParser
) -> None:
    """Add the sub-commands; ``library_parent`` is the parent parser that gives --library and --json."""
    p = sub.add_parser(
        "backup", parents=[library_parent], help="立即备份资料库（默认存入资料库旁的备份文件夹，自动轮换）"
    )
    p.add_argument("--out", metavar="FILE", help="备份到指定文件（不会覆盖已有文件，不参与轮换）")
    p.add_argument("--keep", type=int, metavar="N", help="自动备份保留的份数（保存为资料库设置）")
    sub.add_parser("backups", parents=[library_parent], help="列出资料库的备份，最新的在前")
    p = sub.add_parser(
        "restore", parents=[library_parent], help="用备份替换资料库（原文件改名保留，不会被覆盖）"
    )
    p.add_argument("backup", metavar="BACKUP", help="备份文件（见 reviewdesk backups）")
    p = sub.add_parser("review", parents=[library_parent], help="查看或设置报告的审阅状态和总体结论")
    p.add_argument("id", type=int, help="报告编号")
    p.add_argument("--status", metavar="S", help="审阅状态：未审/审阅中/已完成 或 unreviewed/in_review/done")
    p.add_argument("--conclusion", metavar="TEXT", help="总体结论（替换原有结论）")
    p.add_argument("--reviewer", metavar="NAME", help="审阅人")


def _cmd_backup(library: Library, args: argparse.Namespace) -> int:
    from db.backup import BackupError, backup_library, keep_count, set_keep_count
    from desktop.cli_output import emit, fail, say

    try:
        if args.keep is not None:
            set_keep_count(library, args.keep)
        backup = backup_library(library, args.out)
    except BackupError as error:
        return fail(str(error), 1)
    if args.json:
        emit({**backup.as_json(), "keep": keep_count(library)})
    else:
        say(f"已备份到 {backup.path}（{backup.size / 1024 / 1024:.1f} MB，已通过完整性检查）")
        if args.out is None:
            say(f"    备份文件夹中保留最新的 {keep_count(library)} 份自动备份。")
    return 0


def _cmd_backups(library: Library, args: argparse.Namespace) -> int:
    from db.backup import BackupError, list_library_backups
    from desktop.cli_output import emit, fail, say

    path = library.file
    if path is None:
        from db.backup import SERVER_MESSAGE

        return fail(str(BackupError(SERVER_MESSAGE)), 1)
    backups = list_library_backups(path)
    if args.json:
        emit([b.as_json() for b in backups])
        return 0
    if not backups:
        say("还没有备份。可以运行 reviewdesk backup 立即备份。")
    for b in backups:
        kind = "升级前" if b.kind == "upgrade" else "备份"
        say(f"{b.created:%Y-%m-%d %H:%M:%S}  {kind}  {b.size / 1024 / 1024:6.1f} MB  {b.path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """``reviewdesk restore``: runs without opening the library (it may be damaged)."""
    from db.backup import BackupError, restore_library
    from db.paths import default_library_path
    from desktop.cli_output import emit, fail, say

    location = args.library or default_library_path()
    try:
        aside = restore_library(location, args.backup)
    except BackupError as error:
        return fail(str(error), 1)
    if args.json:
        emit(
            {
                "library": str(location),
                "restored_from": args.backup,
                "previous_kept_as": str(aside) if aside else None,
            }
        )
        return 0
    say(f"已从备份 {args.backup} 恢复资料库 {location}。")
    if aside is not None:
        say(f"    原资料库文件已改名保留为 {aside}。")
    return 0


def _cmd_review(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli_output import emit, fail, say
    from desktop.core.annotations.review import get_review_state, set_review_state
    from desktop.core.annotations.taxonomy import AnnotationError

    try:
        if args.status is None and args.conclusion is None and args.reviewer is None:
            with library.sessions() as session:
                from db import models

                if session.get(models.Report, args.id) is None:
                    return fail(f"资料库中没有编号为 {args.id} 的报告。")
                state = get_review_state(session, args.id)
        else:
            with library.sessions.begin() as session:
                state = set_review_state(
                    session, args.id, status=args.status, reviewer=args.reviewer, conclusion=args.conclusion
                )
    except AnnotationError as error:
        return fail(str(error))
    if args.json:
        emit(state.as_json())
        return 0
    when = f"{state.updated_at:%Y-%m-%d %H:%M}" if state.updated_at else "尚未审阅"
    say(f"报告 #{args.id}：{state.status_label}  {state.reviewer or '（未署名）'}  {when}")
    if state.conclusion:
        say(f"    {state.conclusion}")
    return 0


HANDLERS: dict[str, Callable[[Library, argparse.Namespace], int]] = {
    "backup": _cmd_backup,
    "backups": _cmd_backups,
    "review": _cmd_review,
}
