"""Command-line review memo: ``reviewdesk export-memo ID --out FILE.docx [--reviewer NAME]``.

Wired into :mod:`desktop.cli` by ``add_parsers(sub, library)`` and ``HANDLERS`` (``export-memo`` also
belongs in its ``COMMANDS``). The output helpers come from :mod:`desktop.cli_output`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line starts fast: nothing heavy is imported until a handler runs
    from db.session import Library

COMMANDS = ("export-memo",)


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], library_parent: argparse.ArgumentParser
) -> None:
    """Add the sub-command; ``library_parent`` is the parent parser that gives --library and --json."""
    p = sub.add_parser(
        "export-memo", parents=[library_parent], help="导出报告的审查意见（Word 文件，GB/T 9704 版式）"
    )
    p.add_argument("id", type=int, help="报告编号")
    p.add_argument("--out", required=True, metavar="FILE", help="保存为（.docx）")
    p.add_argument("--reviewer", metavar="NAME", help="落款的审阅人（默认取审阅状态中的审阅人）")
    p.add_argument("--addressee", metavar="TEXT", help="主送机关（默认为报告单位）")
    p.add_argument(
        "--template", metavar="FILE", help="审查意见模板（默认用数据目录中的 memo_template.docx 或内置模板）"
    )


def _cmd_export_memo(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli_output import emit, fail, say
    from desktop.core.annotations import AnnotationError
    from desktop.core.export.memo_content import MemoError, gather_memo, memo_cautions
    from desktop.core.export.memo_docx import render_memo
    from desktop.core.metrics.catalog import CatalogError
    from desktop.core.metrics.store import default_catalog, ensure_current

    try:
        catalog = default_catalog()
        ensure_current(library.sessions, catalog)  # figures as the current catalog reads them
        with library.sessions() as session:
            data = gather_memo(session, args.id, catalog=catalog)
        out = render_memo(
            data, args.out, reviewer=args.reviewer, addressee=args.addressee, template=args.template
        )
    except (MemoError, AnnotationError, CatalogError) as error:
        return fail(str(error))
    cautions = memo_cautions(data)
    if getattr(args, "json", False):
        emit(
            {
                "id": args.id,
                "out": str(out),
                "title": data.memo_title,
                "findings": data.finding_count,
                "orphans": len(data.orphans),
                "resolved": data.resolved_count,
                "missing_sections": [p.kind for p in data.parts if p.required and not p.present],
                "prior_id": data.prior_id,
                "agency_confirmed": data.agency is not None,
                "unconfirmed_figures": data.unconfirmed_figures,
                "cautions": cautions,
            }
        )
        return 0
    say(f"已导出审查意见“{data.memo_title}”到 {out}")
    notes = [f"问题 {data.finding_count} 条"]
    if data.orphans:
        notes.append(f"无法定位的批注 {len(data.orphans)} 条（已单独列出）")
    if data.resolved_count:
        notes.append(f"已处理未列入 {data.resolved_count} 条")
    say("    " + "，".join(notes) + "。")
    for caution in cautions:
        say("    注意：" + caution)
    return 0


HANDLERS: dict[str, Callable[[Library, argparse.Namespace], int]] = {"export-memo": _cmd_export_memo}
