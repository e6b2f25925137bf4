"""Backups of a 1,000-report library (target ≤ 5 s, never blocking the window).

Run: ``python benchmarks/backup_bench.py [--reports N]`` (uses ../shared/corpus when present, else the
samples). The library is built through the real import path: each report is a corpus or sample file
with unique bytes (originals, texts, sections, figures, search index, prior-year summaries), plus
annotations and review states. Then: a backup on request (VACUUM INTO, integrity check, rename), an
automatic backup when nothing changed, one after a change, a restore, and — with the backup running
on the window's task runner — the longest the event loop went without running (offscreen Qt).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from import_bench import report_files, variant  # noqa: E402

from db.backup import auto_backup, backup_library, restore_library  # noqa: E402
from db.session import Library, open_library  # noqa: E402
from desktop.core.annotations.review import set_review_state  # noqa: E402
from desktop.core.importers import shutdown_workers  # noqa: E402
from desktop.core.importing import import_bytes, update_derived  # noqa: E402


def build(path: Path, count: int) -> Library:
    files = report_files()
    library = open_library(path)
    ids = []
    for n in range(count):
        source = files[n % len(files)]
        outcome = import_bytes(library.sessions, variant(source.read_bytes(), source.suffix, n), source.name)
        if not outcome.ok:
            raise SystemExit(f"import failed: {outcome.error}")
        ids.append(outcome.report_id)
    update_derived(library.sessions, [i for i in ids if i])
    with library.sessions.begin() as session:
        for report_id in ids[::3]:
            set_review_state(
                session, report_id, status="in_review", reviewer="王审阅", conclusion="请补充数据来源。" * 20
            )
    return library


def event_loop_gaps(library: Library) -> tuple[float, float]:
    """Run a backup on the task runner and measure the GUI thread meanwhile: (backup s, max gap s)."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    clock = QElapsedTimer()
    clock.start()
    gaps: list[float] = []
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append((now - last[0]) / 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    took: list[float] = []
    runner.run(lambda _c: backup_library(library), lambda _r: took.append(time.perf_counter() - started))
    while not took:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return took[0], max(gaps, default=0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.sqlite"
        began = time.perf_counter()
        library = build(path, options.reports)
        shutdown_workers()
        size = path.stat().st_size + (
            path.with_name(path.name + "-wal").stat().st_size
            if path.with_name(path.name + "-wal").exists()
            else 0
        )
        print(
            f"ReviewDesk backup benchmark — {options.reports} reports imported in {time.perf_counter() - began:.0f} s, library {size / 1024 / 1024:.0f} MB"
        )

        runs = []
        for _ in range(3):
            with library.sessions.begin() as session:
                set_review_state(session, 1, conclusion=f"第 {len(runs)} 次修改")
            began = time.perf_counter()
            backup = backup_library(library)
            runs.append(time.perf_counter() - began)
        print(
            f"  backup on request (VACUUM INTO + integrity_check + rename): median {statistics.median(runs):.2f} s, max {max(runs):.2f} s; backup file {backup.size / 1024 / 1024:.0f} MB  (target ≤ 5 s)"
        )

        began = time.perf_counter()
        unchanged = auto_backup(library)
        print(
            f"  automatic backup, library unchanged: {(time.perf_counter() - began) * 1000:.0f} ms ({'skipped' if unchanged is None else 'made'})"
        )
        with library.sessions.begin() as session:
            set_review_state(session, 2, conclusion="自动备份前的修改")
        began = time.perf_counter()
        auto_backup(library)
        print(f"  automatic backup after a change: {time.perf_counter() - began:.2f} s")

        took, gap = event_loop_gaps(library)
        print(
            f"  backup on the task runner: {took:.2f} s; longest the window's event loop waited meanwhile: {gap * 1000:.0f} ms"
        )

        library.close()
        began = time.perf_counter()
        restore_library(path, backup.path)
        print(
            f"  restore (verify the backup, copy it in, keep the old file aside): {time.perf_counter() - began:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
