"""Command-line annotations: ``reviewdesk annotate ID --quote … --category … --comment …`` and
``reviewdesk annotations ID``.

Wired into :mod:`desktop.cli` by ``add_parsers(sub, library)`` and ``HANDLERS``. The output helpers
come from :mod:`desktop.cli_output`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line starts fast: nothing heavy is imported until a handler runs
    from db.session import Library

COMMANDS = ("annotate", "annotations")


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], library_parent: argparse.ArgumentParser
) -> None:
    """Add the sub-commands; ``library_parent`` is the parent parser that gives --library and --json."""
    p = sub.add_parser("annotate", parents=[library_parent], help="为报告中的一段原文添加审阅批注")
    p.add_argument("id", type=int, help="报告编号")
    p.add_argument("--quote", required=True, metavar="TEXT", help="要批注的原文，从报告正文中原样复制")
    p.add_argument(
        "--occurrence", type=int, default=1, metavar="N", help="引文在正文中出现多次时，批注第 N 处（默认 1）"
    )
    p.add_argument(
        "--category",
        required=True,
        metavar="C",
        help="问题类别，键或中文名，如 data_inconsistent 或 数据不实或矛盾",
    )
    p.add_argument(
        "--severity", metavar="S", help="严重程度：一般/较重/严重 或 normal/serious/critical（默认 一般）"
    )
    p.add_argument("--comment", required=True, metavar="TEXT", help="批注意见")
    p.add_argument("--author", metavar="NAME", help="批注人")
    p = sub.add_parser("annotations", parents=[library_parent], help="列出报告的审阅批注（含无法定位的批注）")
    p.add_argument("id", type=int, help="报告编号")


def _cmd_annotate(library: Library, args: argparse.Namespace) -> int:
    from db import models
    from desktop.cli_output import emit, fail, say
    from desktop.core.annotations import (
        AnnotationError,
        annotation_view,
        create_annotation,
        default_taxonomy,
        find_quote,
    )

    try:
        taxonomy = default_taxonomy()
        # Resolve before the quote so a mistyped category is reported even when the quote is fine.
        category = taxonomy.resolve_category(args.category)
        severity = taxonomy.resolve_severity(args.severity) if args.severity else None
        with library.sessions.begin() as session:
            report = session.get(models.Report, args.id)
            if report is None:
                return fail(f"资料库中没有编号为 {args.id} 的报告。")
            start, end, count = find_quote(report.clean_text, args.quote, args.occurrence)
            annotation = create_annotation(
                session,
                report,
                start,
                end,
                category=category,
                severity=severity,
                comment=args.comment,
                author=args.author,
                taxonomy=taxonomy,
            )
            shown = annotation_view(annotation, report.clean_text, taxonomy)
    except AnnotationError as error:
        return fail(str(error))
    if getattr(args, "json", False):
        emit({**shown.as_json(), "occurrences": count})
        return 0
    say(
        f"已添加批注 {shown.id}：[{shown.severity_label}] {shown.category_label}  第 {start}–{end} 字“{_short(shown.selectors.exact)}”"
    )
    if count > 1:
        say(
            f"    提示：该引文在正文中出现 {count} 处，已批注第 {args.occurrence} 处（可用 --occurrence 指定）。"
        )
    return 0


def _cmd_annotations(library: Library, args: argparse.Namespace) -> int:
    from db import models
    from desktop.cli_output import emit, fail, say
    from desktop.core.annotations import AnnotationError, default_taxonomy, list_annotations

    try:
        taxonomy = default_taxonomy()
        with library.sessions() as session:
            report = session.get(models.Report, args.id)
            if report is None:
                return fail(f"资料库中没有编号为 {args.id} 的报告。")
            shown = list_annotations(session, report, taxonomy)
    except AnnotationError as error:
        return fail(str(error))
    if getattr(args, "json", False):
        emit([v.as_json() for v in shown])
        return 0
    if not shown:
        say(f"报告 #{args.id} 尚无批注。")
    for v in shown:
        where = "无法定位（原文已改动）" if v.orphan else f"第 {v.start}–{v.end} 字"
        say(
            f"{v.status_label}  [{v.severity_label}] {v.category_label}  {where}  “{_short(v.selectors.exact)}”"
        )
        by = f"{v.author}，" if v.author else ""
        say(f"    {v.comment}（{by}{v.modified_at.astimezone():%Y-%m-%d %H:%M}）  {v.id}")
    return 0


def _short(quote: str, limit: int = 40) -> str:
    return quote if len(quote) <= limit else quote[:limit] + "…"


HANDLERS: dict[str, Callable[[Library, argparse.Namespace], int]] = {
    "annotate": _cmd_annotate,
    "annotations": _cmd_annotations,
}
