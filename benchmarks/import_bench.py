"""Import speed: medians per format, a warm batch of 200 reports, and pdftotext for comparison.

Run: ``python benchmarks/import_bench.py`` (uses ../shared/corpus when present, else the samples).
Each import gets unique bytes (a harmless trailing change), so none is skipped as a duplicate.
"""

from __future__ import annotations

import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db.session import open_library  # noqa: E402
from desktop.core.importers import shutdown_workers  # noqa: E402
from desktop.core.importing import import_bytes, update_derived  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
SAMPLES = ROOT / "resources" / "samples"
FORMATS = (".docx", ".pdf", ".txt", ".html")


def report_files() -> list[Path]:
    folders = [CORPUS] if CORPUS.is_dir() else []
    folders.append(SAMPLES)
    return sorted(p for folder in folders for p in folder.iterdir() if p.suffix in FORMATS)


def variant(data: bytes, suffix: str, k: int) -> bytes:
    """Same report, different bytes: a zip comment, a PDF comment after %%EOF, trailing text."""
    if suffix == ".docx":
        buffer = io.BytesIO(data)
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.comment = f"variant {k}".encode()
        return buffer.getvalue()
    if suffix == ".pdf":
        return data + f"\n% variant {k}\n".encode()
    if suffix == ".html":
        return data + f"<!-- variant {k} -->".encode()
    return data + b" " * (k + 1)


def pdf_pages(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def timed_import(sessions, data: bytes, name: str) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    outcome = import_bytes(sessions, data, name)
    elapsed = time.perf_counter() - start
    if not outcome.ok or outcome.duplicate:
        raise SystemExit(f"import of {name} failed: {outcome.error}")
    return elapsed


def worker_cost(files: list[Path]) -> None:
    """What running every import in the worker process costs: starting it, and per file the
    round trip (bytes there, the pickled analysis back) against analysing in this process."""
    from desktop.core.analysis import analyse, analyse_isolated
    from desktop.core.importers import worker
    from desktop.core.metrics.store import default_catalog

    catalog = default_catalog()
    starts = []
    for _ in range(5):
        worker.shutdown_worker()
        began = time.perf_counter()
        worker.call("probe", (), "probe")
        starts.append(time.perf_counter() - began)
    data = [(p.name, p.read_bytes()) for p in files if p.suffix != ".pdf"]  # PDFs use a worker either way
    for name, raw in data:  # warm both sides
        analyse(raw, name, catalog)
        analyse_isolated(raw, name, catalog)
    inside, outside = [], []
    for _ in range(5):
        for name, raw in data:
            began = time.perf_counter()
            analyse(raw, name, catalog)
            inside.append(time.perf_counter() - began)
            began = time.perf_counter()
            analyse_isolated(raw, name, catalog)
            outside.append(time.perf_counter() - began)
    extra = statistics.median(o - i for o, i in zip(outside, inside, strict=True))
    print("\nImport worker (every format is read and analysed in it):")
    print(
        f"  start to ready (fresh process, readers loaded): median {statistics.median(starts) * 1000:.0f} ms"
    )
    print(
        f"  per file, in the worker vs in this process (.docx/.txt/.html): median "
        f"{statistics.median(outside) * 1000:.1f} ms vs {statistics.median(inside) * 1000:.1f} ms "
        f"(+{extra * 1000:.1f} ms for the round trip)"
    )


def main() -> int:
    files = report_files()
    print(
        f"ReviewDesk import benchmark — {len(files)} report files ({'corpus + samples' if CORPUS.is_dir() else 'samples'})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "bench.sqlite")
        counter = 0
        # Warm-up: load libraries, start the PDF worker, fill caches.
        for path in files:
            counter += 1
            timed_import(library.sessions, variant(path.read_bytes(), path.suffix, counter), path.name)

        per_format: dict[str, list[float]] = {suffix: [] for suffix in FORMATS}
        per_10_pages: list[float] = []
        for path in files:
            data = path.read_bytes()
            runs = []
            for _ in range(7):
                counter += 1
                runs.append(timed_import(library.sessions, variant(data, path.suffix, counter), path.name))
            per_format[path.suffix].append(statistics.median(runs))
            if path.suffix == ".pdf":
                per_10_pages.append(statistics.median(runs) / pdf_pages(path) * 10)

        print("\nMedian import time per file (read, clean, sections, metadata, figures, store), warm:")
        for suffix, medians in per_format.items():
            if medians:
                print(f"  {suffix:6} {statistics.median(medians) * 1000:7.1f} ms  ({len(medians)} files)")
        if per_10_pages:
            print(f"  PDF per 10 pages: {statistics.median(per_10_pages) * 1000:.1f} ms (target ≤ 150 ms)")

        batch = [files[i % len(files)] for i in range(200)]
        start = time.perf_counter()
        ids = []
        for path in batch:
            counter += 1
            data = variant(path.read_bytes(), path.suffix, counter)
            ids.append(import_bytes(library.sessions, data, path.name).report_id)
        stored = time.perf_counter() - start
        update_derived(library.sessions, [i for i in ids if i])
        total = time.perf_counter() - start
        print(
            f"\nWarm batch of 200 reports (mixed formats): {total:.2f} s in all, {total / 200 * 1000:.1f} ms per report"
        )
        print(
            f"  reading, analysing and storing: {stored:.2f} s; search index and prior-year comparisons: {total - stored:.2f} s"
        )
        library.close()
    worker_cost(files)
    shutdown_workers()

    pdfs = [p for p in files if p.suffix == ".pdf"]
    tool = shutil.which("pdftotext")
    if pdfs and tool:
        times = []
        for path in pdfs:
            runs = []
            for _ in range(7):
                start = time.perf_counter()
                subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True)
                runs.append(time.perf_counter() - start)
            times.append(statistics.median(runs) / pdf_pages(path) * 10)
        ours = statistics.median(per_10_pages)
        theirs = statistics.median(times)
        print(f"\npdftotext per 10 pages (text only, process start included): {theirs * 1000:.1f} ms")
        print(f"ReviewDesk full import ÷ pdftotext: {ours / theirs:.2f}×")
    else:
        print("\npdftotext not installed: comparison skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
