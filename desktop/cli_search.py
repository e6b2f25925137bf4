"""``reviewdesk search QUERY [--limit N] [--current] [--json]``: full-text search of the library.

desktop/cli.py adds the parser with ``add_parsers(sub, library_parent)`` and dispatches through
``HANDLERS`` (``search`` also belongs in its ``COMMANDS``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], library_parent: argparse.ArgumentParser
) -> None:
    p = sub.add_parser("search", parents=[library_parent], help="全文检索资料库中的报告")
    p.add_argument(
        "query", nargs="+", metavar="QUERY", help='检索词：以空格分隔的词须同时出现，"引号"内为短语'
    )
    p.add_argument("--limit", type=int, default=20, metavar="N", help="最多列出多少份报告（默认 20）")
    p.add_argument("--current", action="store_true", help="只检索各单位各年度的最新版本")


def _cmd_search(library: Any, args: argparse.Namespace) -> int:
    # Imported here: desktop.cli imports this module while it is still being defined.
    from db.search import split_query
    from desktop.cli_output import emit, fail, say
    from desktop.core.search_service import hit_json, search_library

    query = " ".join(args.query)
    if not split_query(query):
        return fail("请输入要检索的词，例如：reviewdesk search 安全生产")
    if args.limit < 1:
        return fail("--limit 须为正整数。")
    hits = search_library(library.sessions, query, args.limit, current_only=args.current)
    if args.json:
        emit([hit_json(hit) for hit in hits])
        return 0
    if not hits:
        say(f"资料库中没有找到“{query}”。")
    for hit in hits:
        flag = "" if hit.current else "（已被新版本取代）"
        say(f"#{hit.report_id}  {hit.agency or '？'}  {hit.year or '？'}  {hit.title or ''}{flag}")
        say(f"    {hit.marked()}  （共 {len(hit.spans)} 处）")
    return 0


HANDLERS: dict[str, Callable[[Any, argparse.Namespace], int]] = {"search": _cmd_search}
