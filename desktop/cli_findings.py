"""Command-line findings and season overview:

``reviewdesk findings ID [--json]``, ``reviewdesk findings --all [--year Y]``,
``reviewdesk findings ID --accept FINDING_ID|--dismiss FINDING_ID|--reopen FINDING_ID``,
``reviewdesk overview --year Y --out FILE.xlsx|.pdf|.png``.

Wired into :mod:`desktop.cli` by ``add_parsers(sub, library)``, ``HANDLERS`` and ``COMMANDS``. The
output helpers come from :mod:`desktop.cli_output`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the command line starts fast: nothing heavy is imported until a handler runs
    from db.session import Library

COMMANDS = ("findings", "overview")


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], library_parent: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "findings", parents=[library_parent], help="审阅前的问题提示（缺项、套话、照搬往年、时效、格式等）"
    )
    p.add_argument("id", type=int, nargs="?", help="报告编号")
    p.add_argument("--all", action="store_true", help="资料库中全部现行报告")
    p.add_argument("--year", type=int, metavar="Y", help="与 --all 合用：只看该年度的报告")
    p.add_argument("--with-decided", action="store_true", help="也列出已采纳、已忽略的提示")
    decision = p.add_mutually_exclusive_group()
    decision.add_argument("--accept", metavar="FINDING_ID", help="采纳该提示：转为批注（进入审查意见）")
    decision.add_argument("--dismiss", metavar="FINDING_ID", help="忽略该提示（本报告不再显示）")
    decision.add_argument("--reopen", metavar="FINDING_ID", help="撤销对该提示的采纳或忽略")
    p.add_argument("--comment", metavar="TEXT", help="与 --accept 合用：批注意见（默认用提示的说明）")
    p.add_argument("--by", metavar="NAME", help="处理人")
    p = sub.add_parser(
        "overview", parents=[library_parent], help="年度审阅概览：各单位按时、齐全、问题、照搬往年情况及图表"
    )
    p.add_argument("--year", type=int, required=True, metavar="Y", help="报告所属年度")
    p.add_argument("--out", metavar="FILE", help="导出为 .xlsx、.pdf 或 .png（图表）")


def _prepare(library: Library) -> Any:
    from desktop.core.metrics.store import default_catalog, ensure_current

    catalog = default_catalog()
    ensure_current(library.sessions, catalog)  # figures as the current catalog reads them
    return catalog


def _cmd_findings(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli_output import emit, fail
    from desktop.core.annotations import AnnotationError
    from desktop.core.findings.config import FindingsConfigError
    from desktop.core.metrics.catalog import CatalogError

    if args.all == (args.id is not None):
        return fail("请给出报告编号，或用 --all 列出全部报告的提示。")
    try:
        catalog = _prepare(library)
        target = args.accept or args.dismiss or args.reopen
        if target:
            if args.all:
                return fail("采纳或忽略提示时请给出报告编号（不能与 --all 合用）。")
            return _decide(library, args, target, catalog)
        if args.all:
            return _all(library, args, catalog)
        from desktop.core.findings.service import report_findings

        with library.sessions() as session:
            result = report_findings(session, args.id, catalog=catalog)
    except (AnnotationError, CatalogError, FindingsConfigError) as error:
        return fail(str(error))
    if result is None:
        return fail(f"资料库中没有编号为 {args.id} 的报告。")
    if args.json:
        emit(result.as_json(args.with_decided))
        return 0
    _print(result.findings if args.with_decided else result.open, args.id)
    return 0


def _all(library: Library, args: argparse.Namespace, catalog: Any) -> int:
    from desktop.cli_output import emit, say
    from desktop.core.findings.service import current_report_ids, report_findings

    out = []
    with library.sessions() as session:
        for report_id in current_report_ids(session, args.year):
            result = report_findings(session, report_id, catalog=catalog)
            if result is None:
                continue
            report = result.facts
            out.append(
                {
                    **result.as_json(args.with_decided),
                    "agency": report.agency if report else None,
                    "year": report.year if report else None,
                }
            )
            if not args.json:
                shown = result.findings if args.with_decided else result.open
                say(
                    f"#{report_id}  {out[-1]['agency'] or '（单位未识别）'}  {out[-1]['year'] or ''}  {len(shown)} 条提示"
                )
                _print(shown, report_id, indent="    ", header=False)
    if args.json:
        emit(out)
    return 0


def _decide(library: Library, args: argparse.Namespace, target: str, catalog: Any) -> int:
    from desktop.cli_output import emit, say
    from desktop.core.findings.service import decide

    decision = "accepted" if args.accept else "dismissed" if args.dismiss else "open"
    with library.sessions.begin() as session:
        change = decide(
            session, args.id, target, decision, author=args.by, comment=args.comment, catalog=catalog
        )
    annotation_id = change.annotation["id"] if change.annotation else None
    if args.json:
        emit(
            {"report_id": args.id, "finding_id": target, "decision": decision, "annotation_id": annotation_id}
        )
    elif decision == "accepted":
        say(f"已采纳提示 {target}，已转为批注 {annotation_id}（将写入审查意见）。")
    elif decision == "dismissed":
        say(f"已忽略提示 {target}：本报告及其新版本不再显示。")
    else:
        say(f"已撤销对提示 {target} 的处理。")
    return 0


def _print(findings: list[Any], report_id: int, indent: str = "", header: bool = True) -> None:
    from desktop.cli_output import say

    if header and not findings:
        say(f"报告 #{report_id} 没有待处理的问题提示。")
    for f in findings:
        where = "全文" if f.start is None else f"第 {f.start}–{f.end} 字"
        state = {"accepted": "（已采纳）", "dismissed": "（已忽略）"}.get(f.decision or "", "")
        say(f"{indent}[{f.severity_label}] {f.category_label}  {where}{state}  {f.id}")
        say(f"{indent}    {f.message}")
        if f.quote:
            quote = f.quote if len(f.quote) <= 40 else f.quote[:40] + "…"
            say(f"{indent}    “{quote}”")


def _cmd_overview(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli_output import emit, fail, say
    from desktop.core.findings.config import FindingsConfigError
    from desktop.core.metrics.catalog import CatalogError
    from desktop.core.overview.data import TIMELINESS_LABELS, season_overview
    from desktop.core.overview.export import OverviewExportError, write_overview

    try:
        catalog = _prepare(library)
        with library.sessions() as session:
            overview = season_overview(session, args.year, catalog=catalog)
        out = write_overview(overview, args.out) if args.out else None
    except (CatalogError, FindingsConfigError, OverviewExportError) as error:
        return fail(str(error))
    if args.json:
        emit({**overview.as_json(), "out": str(out) if out else None})
        return 0
    rate = overview.on_time_rate
    say(
        f"{args.year}年度：{len(overview.rows)} 份报告；按时报送率 {'—' if rate is None else f'{rate:.0%}'}；"
        f"必备部分齐全 {sum(r.complete for r in overview.rows)} 份。"
    )
    for r in overview.rows:
        carried = [
            f"{name}{share:.0%}"
            for name, share in (("不足", r.carried_shortcomings), ("安排", r.carried_next_year))
            if share is not None
        ]
        say(
            f"#{r.report_id}  {r.agency}  报送{TIMELINESS_LABELS[r.report_timeliness]}  部分 {r.parts_present}/4  "
            f"待处理提示 {r.open_findings}  {'沿用上年：' + '、'.join(carried) if carried else ''}  {r.review_status_label}"
        )
    if out:
        say(f"已导出到 {out}")
    return 0


HANDLERS: dict[str, Callable[[Library, argparse.Namespace], int]] = {
    "findings": _cmd_findings,
    "overview": _cmd_overview,
}
