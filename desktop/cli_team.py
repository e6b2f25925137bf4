"""Team libraries on the command line: ``reviewdesk copy-library SRC DEST``, ``team-roles``, ``delete-reports``,
and the password prompt for a server library (``prepare_location``).

desktop/cli.py adds the parsers with ``add_parsers(sub, library_parent)``, lists ``COMMANDS``, runs the
``STANDALONE`` ones itself (they open their own libraries) and dispatches the rest through ``HANDLERS``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

COMMANDS = ("copy-library", "team-roles", "delete-reports")
STANDALONE = ("copy-library",)


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], library_parent: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "copy-library",
        help="把整个资料库复制到一个空资料库（本机文件 ⇄ 团队资料库服务器），复制后核对数量",
        description="SRC、DEST 可以是资料库文件路径，或 postgresql://用户@服务器/数据库 形式的团队资料库地址。",
    )
    p.add_argument("source", metavar="SRC", help="源资料库")
    p.add_argument("destination", metavar="DEST", help="目标资料库（须为空，不存在则新建）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p = sub.add_parser(
        "delete-reports",
        parents=[library_parent],
        help="把报告移入回收站（可用 restore-report 恢复；团队资料库需组长账号）",
    )
    p.add_argument("ids", type=int, nargs="+", metavar="ID", help="报告编号")
    p.add_argument("--by", metavar="NAME", help="操作人")
    sub.add_parser(
        "team-roles",
        parents=[library_parent],
        help="团队资料库：为组长和审阅人角色授权，并显示当前账号的权限",
    )


def prepare_location(location: str | None) -> None:
    """For a server library: when the server wants a password that no pgpass file gives, ask for it
    (on a terminal) and keep it in memory for this run. Never stored."""
    from db.paths import is_server_location

    if not location or not is_server_location(location):
        return
    from db.postgres import probe, remember_password

    error = probe(location)
    if error is None or error.code != "password" or not sys.stdin.isatty():
        return  # opening the library reports any other error in full
    import getpass

    remember_password(location, getpass.getpass("团队资料库密码："))


def run_standalone(args: argparse.Namespace) -> int:
    return _cmd_copy(args)


def _cmd_copy(args: argparse.Namespace) -> int:
    from db.copy import copy_library
    from db.paths import library_location, library_url
    from db.session import LibraryError
    from desktop.cli import emit, fail, say

    for location in (args.source, args.destination):
        prepare_location(location)
    shown = {"last": ""}

    def progress(table: str, done: int, total: int) -> None:
        if not args.json and (done == total or done % 500 == 0) and shown["last"] != f"{table}{done}":
            shown["last"] = f"{table}{done}"
            sys.stderr.buffer.write(f"  {table}: {done}/{total}\n".encode())

    try:
        result = copy_library(args.source, args.destination, progress)
    except LibraryError as error:
        return fail(str(error))
    where = library_location(library_url(args.destination))
    if args.json:
        emit({"destination": where, "counts": result.counts, "indexed": result.indexed})
    else:
        counts = "，".join(f"{name} {count}" for name, count in result.counts.items())
        say(f"已复制到 {where}，核对无误：{counts}。已为 {result.indexed} 份报告建立检索索引。")
    return 0


def _cmd_roles(library: Any, args: argparse.Namespace) -> int:
    from db.postgres import apply_grants, capabilities
    from desktop.cli import emit, fail, say

    if library.engine.dialect.name != "postgresql":
        return fail("本机资料库文件只有一位使用者，不区分角色；角色只用于团队资料库（PostgreSQL）。")
    with library.engine.begin() as connection:
        granted = apply_grants(connection)
        can = capabilities(connection)
    if args.json:
        emit({"granted": granted, "user": can.user, "role": can.role, "import": can.import_reports,
              "delete": can.delete_reports, "annotate": can.annotate})  # fmt: skip
        return 0
    if granted:
        say("已为 reviewdesk_lead（组长）和 reviewdesk_reviewer（审阅人）角色授权。")
    roles = {
        "lead": "组长：可导入、删除报告，可批注",
        "reviewer": "审阅人：可批注、审阅、更正报告信息",
        "reader": "只读",
    }
    say(f"当前账号 {can.user}：{roles[can.role]}")
    return 0


def _cmd_delete(library: Any, args: argparse.Namespace) -> int:
    from desktop.cli_versions import cmd_delete_reports

    return cmd_delete_reports(library, args)


HANDLERS: dict[str, Callable[[Any, argparse.Namespace], int]] = {
    "team-roles": _cmd_roles,
    "delete-reports": _cmd_delete,
}
