#!/usr/bin/env python3
"""Versions and mistakes: what ignoring year-only changes costs the comparison, what carrying a
review and the bin cost, and sorting agency names by pinyin.

    .venv/bin/python benchmarks/versions_bench.py

Uses the project's samples (and the corpus's prior-year pairs when ``../shared/corpus`` is there).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core.analysis import analyse  # noqa: E402
from desktop.core.compare import CompareOptions, compare_texts, warm_up  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"
CORPUS = ROOT.parent / "shared" / "corpus" / "reports"


def timed(run: object, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def compare_costs() -> None:
    pairs = [(SAMPLES / "shili_2023.docx", SAMPLES / "shili_2024.docx")]
    if CORPUS.is_dir():
        pairs += [
            (CORPUS / "heshan_2023.docx", CORPUS / "heshan_2024.docx"),
            (CORPUS / "kaiping_2024.html", CORPUS / "kaiping_2025.html"),
        ]
    warm_up()
    print("comparison, median of 7 (ms): years ignored / as written / splits as written; carried-over share")
    for prior_path, current_path in pairs:
        prior = analyse(prior_path.read_bytes(), prior_path.name)
        current = analyse(current_path.read_bytes(), current_path.name)
        years = (prior.metadata.year, current.metadata.year)
        row = []
        shares = []
        for options in (
            CompareOptions().with_years(*years),
            CompareOptions(ignore_years=False),
            CompareOptions(ignore_splits=False).with_years(*years),
        ):

            def run(options: CompareOptions = options, a: object = prior, b: object = current) -> object:
                return compare_texts(
                    a.cleaned.text,  # type: ignore[attr-defined]
                    a.sections.sections,  # type: ignore[attr-defined]
                    b.cleaned.text,  # type: ignore[attr-defined]
                    b.sections.sections,  # type: ignore[attr-defined]
                    options=options,
                )

            row.append(timed(run) * 1000)
            shares.append(run().carried_over)  # type: ignore[attr-defined]
        figures = " / ".join(f"{t:.1f}" for t in row)
        share_text = " / ".join(f"{s:.1%}" if s is not None else "—" for s in shares)
        print(f"  {current_path.name}: {figures} ms; share {share_text}")


def collation_costs() -> None:
    from desktop.core.collation import _name_key, agency_sort_key

    names = [f"{place}{kind}" for place in ("青石县", "临江市", "长沙市", "重庆市", "厦门市", "桃源镇", "东湖街道")
             for kind in ("司法局", "公安局", "教育局", "人民政府", "市场监督管理局")]  # fmt: skip
    library = [names[i % len(names)] + str(i % 300) for i in range(10_000)]
    started = time.perf_counter()
    agency_sort_key("青石县司法局")
    load = time.perf_counter() - started
    _name_key.cache_clear()
    cold = timed(lambda: (_name_key.cache_clear(), sorted(library, key=agency_sort_key)), 3)
    warm = timed(lambda: sorted(library, key=agency_sort_key), 5)
    print(f"pinyin sort of 10,000 agency names: first use (loads pypinyin) {load * 1000:.0f} ms;")
    print(f"  cold keys {cold * 1000:.0f} ms, cached keys {warm * 1000:.1f} ms")


def carry_and_bin_costs() -> None:
    from sqlalchemy import select

    from db import models
    from db.session import open_library
    from desktop.core.annotations import create_annotation
    from desktop.core.importing import import_files
    from desktop.core.report_bin import bin_reports, restore_report
    from desktop.core.version_carry import carry_to, undo_last_carry

    with tempfile.TemporaryDirectory() as folder:
        library = open_library(Path(folder) / "bench.sqlite")
        try:
            [older] = import_files(library.sessions, [SAMPLES / "shili_2024.pdf"], carry=False)
            with library.sessions.begin() as session:
                report = session.get(models.Report, older.report_id)
                assert report is not None
                text = report.clean_text
                for k in range(200):
                    start = (k * 97) % (len(text) - 20)
                    create_annotation(session, report, start, start + 12, category="其他", author="甲")
            [newer] = import_files(library.sessions, [SAMPLES / "shili_2024.docx"], carry=False)
            assert newer.report_id is not None
            started = time.perf_counter()
            carried = carry_to(library.sessions, newer.report_id)
            carry = time.perf_counter() - started
            started = time.perf_counter()
            undo_last_carry(library.sessions, newer.report_id)
            undo = time.perf_counter() - started
            print(f"carry of 200 annotations (re-anchored: {carried.anchored}): {carry * 1000:.0f} ms;")
            print(f"  undo {undo * 1000:.0f} ms")
            started = time.perf_counter()
            bin_reports(library.sessions, [newer.report_id])
            binned = time.perf_counter() - started
            started = time.perf_counter()
            restore_report(library.sessions, newer.report_id)
            restored = time.perf_counter() - started
            with library.sessions() as session:
                assert session.scalar(select(models.Report.id).where(models.Report.id == newer.report_id))
            print(f"bin a report {binned * 1000:.0f} ms; restore it (re-analysed) {restored * 1000:.0f} ms")
        finally:
            library.close()


if __name__ == "__main__":
    compare_costs()
    collation_costs()
    carry_and_bin_costs()
