#!/usr/bin/env python3
"""Render a sample review memo (审查意见) to PNG for the docs and for a visual check of the layout.

Builds a throw-away library with the project's sample reports, annotates the 2024 report (one
annotation resolved, one left without its passage), writes a conclusion, exports the memo, converts it
to PDF with LibreOffice and renders the first pages with ``pdftoppm``::

    .venv/bin/python docs/render_memo.py [--keep DIR]

Outputs ``docs/screenshots/memo_page1.png`` (and ``memo_page2.png``). LibreOffice runs with a private
fontconfig file that maps the official fonts onto Noto CJK, as ``resources/samples/build_samples.py`` does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
for extra in (ROOT, ROOT / "resources" / "samples"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from build_samples import FONTCONFIG, find_soffice  # type: ignore[import-not-found]  # noqa: E402

from db import models  # noqa: E402
from db.session import Library, open_library  # noqa: E402
from desktop.core.annotations import (  # noqa: E402
    create_annotation,
    edit_annotation,
    find_quote,
    reanchor_report,
    set_review_state,
)
from desktop.core.export.memo_docx import export_memo  # noqa: E402
from desktop.core.importing import import_file, update_derived  # noqa: E402
from desktop.core.metrics.store import default_catalog, ensure_current  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"
ANNOTATIONS = [
    (
        "全年全市共检查生产经营单位2860家次",
        "data_inconsistent",
        "较重",
        "上年报告按“家”统计检查企业数，本年按“家次”统计，口径不一致，请说明或统一。",
    ),
    (
        "执法检查的精准性有待提高",
        "shallow_analysis",
        "一般",
        "问题表述笼统，未列明具体表现和数据，请结合执法检查中发现的具体问题深入查摆。",
    ),
    ("听取执法工作情况汇报三次", "wording", "一般", "同一段落中次数既用阿拉伯数字又用汉字，请统一。"),
    (
        "持续推进安全生产治本攻坚三年行动",
        "copied",
        "严重",
        "与上年报告的安排基本相同，请针对本年度查摆出的问题提出具体措施。",
    ),
]
RESOLVED = ("召开两次专题会议", "wording", "一般", "次数请用阿拉伯数字。")
ORPHAN = ("首次组织开展危险化学品企业事故“双盲”应急演练", "other", "一般", "请补充演练评估和问题整改情况")
CONCLUSION = (
    "报告结构完整，主要数据较为翔实，但“存在的不足和原因”“下一年度主要安排”两部分与上年报告高度雷同，"
    "问题查摆不够深入，个别数据统计口径前后不一。\n请于2025年2月28日前修改完善后重新报送。"
)


def build_library(folder: Path) -> tuple[Library, int]:
    library = open_library(folder / "library.sqlite")
    ids = [
        import_file(library.sessions, SAMPLES / name).report_id or 0
        for name in ("shili_2023.docx", "shili_2024.docx")
    ]
    update_derived(library.sessions, ids)
    ensure_current(library.sessions, default_catalog())
    report_id = ids[1]
    with library.sessions.begin() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        for quote, category, severity, comment in [*ANNOTATIONS, RESOLVED, ORPHAN]:
            start, end, _ = find_quote(report.clean_text, quote)
            made = create_annotation(
                session,
                report,
                start,
                end,
                category=category,
                severity=severity,
                comment=comment,
                author="张审阅",
            )
            if quote == RESOLVED[0]:
                edit_annotation(session, made.id, status="resolved")
        # The passage of ORPHAN disappears (as after re-processing an edited file); same length, so
        # the stored sections stay valid.
        report.clean_text = report.clean_text.replace(ORPHAN[0], "某" * len(ORPHAN[0]))
        reanchor_report(session, report)
        set_review_state(session, report_id, status="done", reviewer="张审阅", conclusion=CONCLUSION)
    return library, report_id


def to_pdf(docx_path: Path, folder: Path) -> Path:
    soffice = find_soffice()
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to render the memo.")
    fonts = folder / "fonts.conf"
    fonts.write_text(FONTCONFIG, encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(fonts))
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    command += ["--convert-to", "pdf", "--outdir", str(folder), str(docx_path)]
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    return folder / (docx_path.stem + ".pdf")


def to_png(pdf: Path, folder: Path) -> list[Path]:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", str(pdf), str(folder / "page")], check=True
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    shots = []
    for index, page in enumerate(sorted(folder.glob("page*.png")), 1):
        target = SHOTS / f"memo_page{index}.png"
        shutil.copyfile(page, target)
        shots.append(target)
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, metavar="DIR", help="also keep the .docx and .pdf in DIR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="memo_render_") as tmp:
        folder = Path(tmp)
        library, report_id = build_library(folder)
        memo = folder / "审查意见.docx"
        try:
            with library.sessions() as session:
                export_memo(session, report_id, memo, today=date(2025, 2, 20))
        finally:
            library.close()
        pdf = to_pdf(memo, folder)
        for shot in to_png(pdf, folder):
            print(shot)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(memo, args.keep / memo.name)
            shutil.copyfile(pdf, args.keep / pdf.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
