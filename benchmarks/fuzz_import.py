"""Import fuzzing, the full run: seeded hostile variants of the corpus (and sample) files of every
format go through the real import path, into one library.

Prints per format: files, imported, refused cleanly, crashed, timed out, the longest import, the
import worker's largest memory, and how often a failed import changed the library (targets:
0 crashed, 0 timed out, 0 damaged). The CI test (tests/test_fuzz_import.py) runs a fast subset.

Run: ``python benchmarks/fuzz_import.py [--count N] [--seed S] [--scale N] [--formats txt,html]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db.session import open_library  # noqa: E402
from desktop.core.importers import shutdown_workers  # noqa: E402
from desktop.core.limits import IMPORT_TIMEOUT_SECONDS  # noqa: E402
from tests.fuzzing import FORMATS, cases, integrity_ok, run_cases  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=250, help="files per format (default 250)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--scale", type=int, default=200_000, help="size of the pathological inputs")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--show", type=int, default=5, help="list this many non-clean results per format")
    options = parser.parse_args()
    formats = [f for f in options.formats.split(",") if f]
    print(
        f"ReviewDesk import fuzzing: {options.count} files per format, seed {options.seed}, scale {options.scale}, "
        f"limit {IMPORT_TIMEOUT_SECONDS:g} s per file"
    )
    header = f"{'format':7}{'files':>6}{'imported':>9}{'refused':>9}{'crashed':>8}{'timeout':>8}{'max s':>8}{'max MB':>8}{'damaged':>8}"
    rows = []
    problems = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "fuzz.sqlite")
        for fmt in formats:
            results = run_cases(library, cases(fmt, options.count, options.seed, options.scale), Path(tmp))
            counts = Counter(r.outcome for r in results)
            peak = max((r.peak or 0 for r in results), default=0)
            damaged = sum(r.damaged for r in results)
            rows.append(
                f"{fmt:7}{len(results):>6}{counts['imported']:>9}{counts['refused']:>9}{counts['crashed']:>8}"
                f"{counts['timeout']:>8}{max(r.seconds for r in results):>8.1f}{peak / 1024 / 1024:>8.0f}{damaged:>8}"
            )
            bad = [r for r in results if r.outcome in ("crashed", "timeout") or r.damaged]
            problems += [f"  {r.case}: {r.outcome} {r.code} {r.message[:120]}" for r in bad[: options.show]]
            slowest = sorted(results, key=lambda r: -r.seconds)[:3]
            problems += [f"  slowest {fmt}: {r.case} {r.seconds:.1f} s ({r.outcome})" for r in slowest]
            print(rows[-1] if len(rows) > 1 else header + "\n" + rows[-1], flush=True)
        sound = integrity_ok(library)
        library.close()
    shutdown_workers()
    print(
        f"\nlibrary integrity after all of them: {'ok' if sound else 'FAILED'}; {time.monotonic() - started:.0f} s in all"
    )
    if problems:
        print("not clean, and the slowest:\n" + "\n".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
