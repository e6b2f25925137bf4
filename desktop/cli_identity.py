"""Command-line decisions about versions and prior-year reports, stored like the GUI's:

``reviewdesk prior ID (--set PRIOR_ID | --none | --auto)`` chooses the report ``ID`` is compared with;
``reviewdesk version ID (--of NEWER_ID | --undo)`` marks ``ID`` as an earlier version of another
report, or makes it current again. Both survive re-processing and re-import.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.session import Library

COMMANDS = ("prior", "version")


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], library_parent: argparse.ArgumentParser
) -> None:
    p = sub.add_parser("prior", parents=[library_parent], help="指定报告与哪份报告比较（上年报告）")
    p.add_argument("id", type=int, help="报告编号")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--set", type=int, metavar="PRIOR_ID", help="与该报告比较")
    choice.add_argument("--none", action="store_true", help="不与任何报告比较")
    choice.add_argument("--auto", action="store_true", help="恢复自动配对（同一单位的上一年度报告）")
    p.add_argument("--by", metavar="NAME", help="审阅人")
    p = sub.add_parser("version", parents=[library_parent], help="确认或撤销“旧版本”关系")
    p.add_argument("id", type=int, help="报告编号")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--of", type=int, metavar="NEWER_ID", help="该报告是 NEWER_ID 的旧版本")
    choice.add_argument(
        "--undo", action="store_true", help="该报告不是旧版本：恢复为当前版本（审阅记录随之移回）"
    )
    p.add_argument(
        "--no-carry", action="store_true", help="与 --of 合用：不把该报告的批注、审阅状态和结论转移到新版本"
    )
    p.add_argument("--by", metavar="NAME", help="审阅人")


def _cmd_prior(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli import emit, fail, say
    from desktop.core.identity_links import choose_prior, reset_prior
    from desktop.core.library import get_report
    from desktop.core.metrics.store import default_catalog
    from desktop.core.prior_year import prior_choice, refresh_summary

    with library.sessions.begin() as session:
        report = get_report(session, args.id)
        if report is None:
            return fail(f"资料库中没有编号为 {args.id} 的报告。")
        if args.set is not None:
            prior = get_report(session, args.set)
            if prior is None or prior.id == report.id:
                return fail(f"不能与报告 {args.set} 比较：资料库中没有它，或它就是本报告。")
            choose_prior(session, report, prior, args.by)
        elif args.none:
            choose_prior(session, report, None, args.by)
        else:
            reset_prior(session, report)
        session.flush()
        refresh_summary(session, report.id, default_catalog())
        found, reason = prior_choice(session, report)
        result = {"id": report.id, "prior_id": found.id if found else None, "reason": reason}
    if args.json:
        emit(result)
    else:
        say(
            f"报告 #{args.id} 将与 #{result['prior_id']} 比较"
            if result["prior_id"]
            else f"报告 #{args.id} 不与任何报告比较"
        )
    return 0


def _cmd_version(library: Library, args: argparse.Namespace) -> int:
    from desktop.cli import emit, fail, say
    from desktop.core.annotations.carry import carry_review
    from desktop.core.annotations.taxonomy import AnnotationError
    from desktop.core.identity_links import mark_earlier_version, restore_version
    from desktop.core.library import get_report

    carried: dict[str, object] | None = None
    try:
        with library.sessions.begin() as session:
            report = get_report(session, args.id)
            if report is None:
                return fail(f"资料库中没有编号为 {args.id} 的报告。")
            if args.undo:
                restore_version(session, report, args.by)
            else:
                newer = get_report(session, args.of)
                if newer is None or newer.id == report.id:
                    return fail(f"资料库中没有编号为 {args.of} 的另一份报告。")
                mark_earlier_version(session, newer, report, args.by)
                if not args.no_carry:
                    session.flush()
                    carried = carry_review(session, newer, [report], args.by).as_json()
            result = {
                "id": report.id,
                "current": report.superseded_by_id is None,
                "superseded_by": report.superseded_by_id,
                "carry": carried,
            }
    except AnnotationError as error:  # the review moved back would undo someone's later change
        return fail(str(error))
    if args.json:
        emit(result)
    else:
        say(
            f"报告 #{args.id} 现为当前版本"
            if result["current"]
            else f"报告 #{args.id} 已标为 #{result['superseded_by']} 的旧版本"
        )
        if carried is not None:
            say(f"{carried['message']}。撤销：reviewdesk carry {args.of} --undo")
    return 0


HANDLERS: dict[str, Callable[[Library, argparse.Namespace], int]] = {
    "prior": _cmd_prior,
    "version": _cmd_version,
}
