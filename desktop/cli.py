"""The command line: ``reviewdesk import|list|show|correct|reprocess|export-original``.

For batch users, scripts and tests. JSON output is UTF-8 and not ASCII-escaped.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path
from typing import Any

from desktop import (
    __version__,
    cli_annotations,
    cli_data,
    cli_exchange,
    cli_figures,
    cli_findings,
    cli_identity,
    cli_memo,
    cli_search,
    cli_team,
    cli_versions,
)

COMMANDS = (
    "import",
    "list",
    "show",
    "metrics",
    "compare",
    "correct",
    "reprocess",
    "export-original",
    *cli_annotations.COMMANDS,
    *cli_memo.COMMANDS,
    *cli_exchange.COMMANDS,
    *cli_findings.COMMANDS,
    *cli_identity.COMMANDS,
    *cli_figures.COMMANDS,
    "search",
    *cli_team.COMMANDS,
    *cli_data.COMMANDS,
    *cli_versions.COMMANDS,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewdesk",
        description="ReviewDesk（法治报告审阅台）：离线审阅法治政府建设年度报告。不带子命令时启动图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"ReviewDesk {__version__}")
    library = argparse.ArgumentParser(add_help=False)
    library.add_argument(
        "--library", metavar="PATH", help="资料库文件（默认在用户数据目录），或 postgresql://… 团队资料库地址"
    )
    library.add_argument("--json", action="store_true", help="以 JSON 输出")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("import", parents=[library], help="导入报告文件（.docx .pdf .txt .html .doc）")
    p.add_argument("files", nargs="+", metavar="FILE", help="文件或文件夹")
    cli_versions.add_import_options(p)
    cli_versions.add_list_options(
        sub.add_parser("list", parents=[library], help="列出资料库中的报告（现行版本）")
    )
    p = sub.add_parser("show", parents=[library], help="显示一份报告")
    p.add_argument("id", type=int)
    p = sub.add_parser("metrics", parents=[library], help="显示报告中的数字指标及一致性检查")
    p.add_argument("id", type=int)
    p = sub.add_parser("compare", parents=[library], help="与上一年度报告比较（差异、沿用内容、指标同比）")
    p.add_argument("id", type=int)
    p.add_argument(
        "--prior", type=int, metavar="ID", help="指定要比较的报告（默认自动查找同一单位上一年度的报告）"
    )
    cli_versions.add_compare_options(p)
    p = sub.add_parser("correct", parents=[library], help="更正报告信息（单位、年度、日期、标题）")
    p.add_argument("id", type=int)
    for field in ("agency", "region", "year", "title", "report-date", "published-date"):
        p.add_argument(f"--{field}", metavar="VALUE")
    p.add_argument("--by", metavar="NAME", help="更正人")
    p = sub.add_parser("reprocess", parents=[library], help="用当前版本重新分析已导入的报告（保留更正）")
    p.add_argument("ids", type=int, nargs="*", help="报告编号（省略则处理全部）")
    p.add_argument("--stale", action="store_true", help="只处理由旧版本分析的报告（升级后使用）")
    p = sub.add_parser("export-original", parents=[library], help="导出报告的原始文件")
    p.add_argument("id", type=int)
    p.add_argument("--out", required=True, metavar="FILE")
    cli_annotations.add_parsers(sub, library)
    cli_search.add_parsers(sub, library)
    cli_memo.add_parsers(sub, library)
    cli_exchange.add_parsers(sub, library)
    cli_findings.add_parsers(sub, library)
    cli_identity.add_parsers(sub, library)
    cli_figures.add_parsers(sub, library)
    cli_team.add_parsers(sub, library)
    cli_data.add_parsers(sub, library)
    cli_versions.add_parsers(sub, library)
    return parser


def emit(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()


def say(line: str) -> None:
    sys.stdout.buffer.write(line.encode("utf-8") + b"\n")
    sys.stdout.flush()


def fail(message: str, code: int = 2) -> int:
    sys.stderr.buffer.write(("错误：" + message).encode("utf-8") + b"\n")
    return code


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(signal, "SIGPIPE"):
        # `reviewdesk list | head` should stop quietly, as other command-line tools do.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if args.command is None:
        return fail("请给出子命令，例如 reviewdesk import 文件.docx；reviewdesk -h 列出全部子命令。")
    from desktop.logs import configure_logging

    configure_logging()
    if args.command in cli_data.BEFORE_OPEN:
        return cli_data.run_restore(args)
    from db.session import LibraryError, open_library

    if args.command in cli_team.STANDALONE:  # opens its own libraries
        return cli_team.run_standalone(args)
    cli_team.prepare_location(args.library)  # a team library's password, asked on a terminal
    try:
        library = open_library(args.library)
    except LibraryError as error:
        return _failed(args, str(error), "library")
    try:
        handler = _HANDLERS[args.command]
        return _run_handler(handler, library, args)
    finally:
        library.close()


RETRY_WHEN_LOCKED = frozenset({"annotate", "review", "correct", "resolve-conflict", "backup"})
"""Commands of one transaction: when another program held the library past the busy timeout,
nothing was written, so running them again is safe."""


def _run_handler(handler: Any, library: Any, args: argparse.Namespace) -> int:
    """Run a command; a failed read or write of the library is a Chinese message and exit code 1,
    never a traceback."""
    from db.errors import is_storage_error
    from db.session import storage_problem

    attempts = 3 if args.command in RETRY_WHEN_LOCKED else 1
    for attempt in range(1, attempts + 1):
        try:
            return int(handler(library, args))
        except Exception as error:
            if not is_storage_error(error):
                raise
            if isinstance(error, OSError) and error.filename and _not_the_library(error.filename, library):
                return _failed(args, _file_error(error), "file")
            problem = storage_problem(error, library.url)
            if problem.kind == "locked" and attempt < attempts:
                continue
            if not problem.known:
                import logging

                logging.getLogger("reviewdesk.cli").error("%s failed", args.command, exc_info=True)
            message = problem.message
            if library.read_only and problem.kind in ("read_only", "no_permission"):
                message = read_only_message(library.read_only)
            return _failed(args, message, f"storage_{problem.kind}")
    return 1


def read_only_message(reason: str) -> str:
    return f"{reason}，修改未能保存。只读的资料库可以查看和导出；要修改，请把它复制到可写的位置后再用 --library 指定。"


def _not_the_library(filename: object, library: Any) -> bool:
    file = library.file
    return file is None or not str(filename).startswith(str(file))


def _file_error(error: OSError) -> str:
    from db.errors import classify

    kind = classify(error)
    name = error.filename
    if kind == "disk_full":
        return f"磁盘空间已满，“{name}”未能写入（没有留下不完整的文件）。请清理磁盘空间后重试。"
    if kind in ("read_only", "no_permission"):
        return f"无法写入“{name}”：该位置是只读的或没有写入权限。请另选一个位置。"
    return f"无法写入“{name}”：{error.strerror or error}。"


def write_atomically(out: Path, data: bytes) -> None:
    """Write beside ``out`` and rename: a full disk never leaves half a file under its name."""
    import os

    part = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        part.write_bytes(data)
        os.replace(part, out)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(out)) from error


def _failed(args: argparse.Namespace, message: str, code: str) -> int:
    """A failure of the command as a whole: the message on stderr (and as JSON with ``--json``)."""
    if getattr(args, "json", False):
        emit({"ok": False, "error": message, "error_code": code})
    return fail(message, 1)


def _cmd_import(library: Any, args: argparse.Namespace) -> int:
    from desktop.core.identity_summary import summary_lines
    from desktop.core.importing import expand_paths, import_files

    if library.read_only:
        return _failed(args, read_only_message(library.read_only), "storage_read_only")

    from desktop.core.importing import skipped_in_folders

    given = [Path(name) for name in args.files]
    outcomes = import_files(library.sessions, expand_paths(given), carry=not args.no_carry, by=args.by)
    skipped = skipped_in_folders(given)
    if args.json:
        emit([o.as_json() for o in outcomes])
    else:
        for o in outcomes:
            if o.ok:
                state = "已存在" if o.duplicate else "已导入"
                say(f"{state}  #{o.report_id}  {o.agency or '（单位未识别）'}  {o.year or ''}  {o.file}")
                for warning in o.warnings:
                    say(f"    提示：{warning}")
                for line in summary_lines(o):
                    say(f"    {line}")
            else:
                say(f"失败  {o.file}\n    {o.error}")
            if o.carry and o.carry.get("carry_id"):
                say(f"    撤销转移：reviewdesk carry {o.report_id} --undo")
        if skipped:
            names = "、".join(p.name for p in skipped[:5]) + ("等" if len(skipped) > 5 else "")
            say(f"文件夹中另有 {len(skipped)} 个文件不是报告格式（{names}），未导入。")
    return 0 if all(o.ok for o in outcomes) else 1


def _cmd_list(library: Any, args: argparse.Namespace) -> int:
    from desktop.core.collation import agency_sort_key
    from desktop.core.library import list_reports

    with library.sessions() as session:
        reports = list_reports(session, include_superseded=args.all)
    reports.sort(key=lambda r: (agency_sort_key(r.agency), -(r.year or 0), r.id))
    if args.json:
        emit([r.as_json() for r in reports])
    else:
        for r in reports:
            flag = "" if r.current else f"（已被 #{r.superseded_by} 取代）"
            say(f"#{r.id}  {r.agency or '？'}  {r.year or '？'}  {r.title or ''}{flag}")
    return 0


def _cmd_show(library: Any, args: argparse.Namespace) -> int:
    from desktop.core.library import report_detail

    with library.sessions() as session:
        detail = report_detail(session, args.id)
    if detail is None:
        return fail(f"资料库中没有编号为 {args.id} 的报告。")
    if args.json:
        emit(detail)
        return 0
    unsure = "" if detail["agency_confident"] else "（未确认，请核对）"
    say(
        f"{detail['title']}\n单位：{detail['agency']}{unsure}  年度：{detail['year']}  成文日期：{detail['date']}"
    )
    if not detail["agency_confident"] and detail["agency_note"]:
        suggestion = f"；可能是“{detail['agency_suggestion']}”" if detail["agency_suggestion"] else ""
        say(
            f"提示：{detail['agency_note']}{suggestion}。确认或更正：reviewdesk correct {detail['id']} --agency 名称"
        )
    for s in detail["sections"]:
        if s["level"] <= 2:
            say(f"{'  ' * (s['level'] - 1)}{s['number']}{s['title']}  [{s['kind']}]")
    if detail["missing_sections"]:
        say("缺少必备部分：" + "、".join(detail["missing_sections"]))
    for warning in detail["warnings"]:
        say("提示：" + warning)
    return 0


def _cmd_metrics(library: Any, args: argparse.Namespace) -> int:
    from desktop.core.metrics.catalog import CatalogError
    from desktop.core.metrics.store import default_catalog, ensure_current, report_metrics

    try:
        catalog = default_catalog()
    except CatalogError as error:
        return fail(str(error))
    if not library.read_only:  # a read-only library shows the figures as they were stored
        ensure_current(library.sessions, catalog)
    with library.sessions() as session:
        result = report_metrics(session, args.id, catalog)
    if result is None:
        return fail(f"资料库中没有编号为 {args.id} 的报告。")
    if args.json:
        emit(result)
        return 0
    for m in result["metrics"]:
        if m["key"] or m.get("review"):
            say(cli_figures.describe(m))
    for check in result["checks"]:
        say(f"[{check['severity']}] {check['message']}")
    return 0


def _cmd_compare(library: Any, args: argparse.Namespace) -> int:
    from desktop.core.metrics.store import default_catalog, ensure_current
    from desktop.core.prior_year import compare_in_library

    catalog = default_catalog()
    if not library.read_only:
        ensure_current(library.sessions, catalog)
    with library.sessions() as session:
        compared = compare_in_library(
            session, args.id, catalog, args.prior, cli_versions.compare_options(args)
        )
    if compared is None:
        return fail(f"资料库中没有编号为 {args.id} 的报告。")
    result, _comparison = compared
    if args.json:
        emit(result)
        return 0
    if result["prior_id"] is None:
        say(result["message"])
        return 0
    say(_carried_line(result))
    for section in result["sections"]:
        if section.get("message"):
            say("注意：" + section["message"])
    for row in result["metrics"]:
        if row["prior"] is not None and row["current"] is not None:
            pct = f"（{row['pct']:+.1f}%）" if row["pct"] is not None else ""
            say(f"{row['label']}：{row['prior']:g} → {row['current']:g}{row['unit'] or ''}{pct}")
    for check in result["checks"]:
        say("[warning] " + check["message"])
    return 0


def _carried_line(result: dict[str, Any]) -> str:
    """The share of substantive sentences carried over; formulae and page chrome are not counted."""
    share, raw = result.get("carried_over"), result.get("carried_over_raw")
    line = f"与报告 #{result['prior_id']} 比较："
    if share is None:
        line += "没有可比较的实质内容句子"
    else:
        line += f"实质内容中 {share:.0%} 的句子与上年相同或几乎相同"
    if result.get("boilerplate_sentences") and raw is not None:
        line += f"（{result['boilerplate_sentences']} 句套话不计；计入套话为 {raw:.0%}）"
    return line + "。"


def _cmd_correct(library: Any, args: argparse.Namespace) -> int:
    from desktop.core.corrections import CorrectionError, correct
    from desktop.core.library import get_report, report_detail

    changes = {
        f: getattr(args, f) for f in ("agency", "region", "year", "title", "report_date", "published_date")
    }
    changes = {f: v for f, v in changes.items() if v is not None}
    if not changes:
        return fail("请至少给出一项更正，例如 --agency 或 --year。")
    try:
        with library.sessions.begin() as session:
            report = get_report(session, args.id)
            if report is None:
                return fail(f"资料库中没有编号为 {args.id} 的报告。")
            for field, value in changes.items():
                correct(session, report, field, value, args.by)
    except CorrectionError as error:
        return fail(str(error))
    with library.sessions() as session:
        detail = report_detail(session, args.id)
    if args.json and detail:
        emit({k: v for k, v in detail.items() if k not in ("text", "original_text")})
    else:
        say(f"已更正报告 #{args.id}：" + "、".join(changes))
    return 0


def _cmd_reprocess(library: Any, args: argparse.Namespace) -> int:
    from desktop.core.errors import ImportRefused
    from desktop.core.library import list_reports
    from desktop.core.reprocess import reprocess_report, stale_report_ids

    with library.sessions() as session:
        if args.stale:
            stale = stale_report_ids(session)
            ids = [i for i in args.ids if i in stale] if args.ids else stale
        else:
            ids = args.ids or [r.id for r in list_reports(session)]
    if not ids and not args.json:
        say("没有需要重新分析的报告。")
    results = []
    for report_id in ids:
        try:
            results.append(
                {"id": report_id, "ok": True, "warnings": reprocess_report(library.sessions, report_id)}
            )
        except ImportRefused as error:
            results.append({"id": report_id, "ok": False, "error": error.message})
    if args.json:
        emit(results)
    else:
        for r in results:
            say(f"#{r['id']} {'已重新分析' if r['ok'] else '失败：' + str(r.get('error'))}")
    return 0 if all(r["ok"] for r in results) else 1


def _cmd_export_original(library: Any, args: argparse.Namespace) -> int:
    from desktop.core.library import original_file

    with library.sessions() as session:
        found = original_file(session, args.id)
    if found is None:
        return fail(f"资料库中没有编号为 {args.id} 的报告。")
    write_atomically(Path(args.out), found[1])
    if args.json:
        emit({"id": args.id, "source_name": found[0], "out": args.out, "size": len(found[1])})
    else:
        say(f"已导出原始文件“{found[0]}”到 {args.out}")
    return 0


_HANDLERS = {
    "import": _cmd_import,
    "list": _cmd_list,
    "show": _cmd_show,
    "metrics": _cmd_metrics,
    "compare": _cmd_compare,
    "correct": _cmd_correct,
    "reprocess": _cmd_reprocess,
    "export-original": _cmd_export_original,
    **cli_annotations.HANDLERS,
    **cli_search.HANDLERS,
    **cli_memo.HANDLERS,
    **cli_exchange.HANDLERS,
    **cli_findings.HANDLERS,
    **cli_identity.HANDLERS,
    **cli_figures.HANDLERS,
    **cli_team.HANDLERS,
    **cli_data.HANDLERS,
    **cli_versions.HANDLERS,
}
