"""Search speed over a library of 10,000 reports (target: median ≤ 50 ms a query).

Run: ``python benchmarks/search_bench.py [--reports N]`` (uses ../shared/corpus when present, else
the samples). The corpus and sample reports are imported once for their cleaned texts; the big
library is then built directly — report rows inserted in bulk, index entries made from paragraphs
segmented once — with each report a different mix: its base report with a fifth of its paragraphs
swapped for others', and a line naming a made-up 第N号 agency (a rare word to search for). The
database size counts report rows with cleaned and original texts (no files, sections, figures).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from db import models  # noqa: E402
from db.search import Fts5Index, IndexEntry, prepare, search, segmenter  # noqa: E402
from db.session import open_library  # noqa: E402
from desktop.core.importers import shutdown_workers  # noqa: E402
from desktop.core.importing import import_file  # noqa: E402
from desktop.core.search_service import search_library  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
SAMPLES = ROOT / "resources" / "samples"
FORMATS = (".docx", ".pdf", ".txt", ".html")
FIXED_QUERIES = [
    "安全生产",
    "行政复议",
    "法治政府建设",
    "复议",
    "行政执法 公示",
    '"重大行政决策"',
    "“规范性文件”",
    "法律顾问 合同",
    "13.3%",
    "习近平法治思想",
    "八五普法",
    'AND OR "(',
    "不存在的词语组合 量子纠缠",
    "政务公开 信息",
]


def base_texts() -> list[str]:
    """Cleaned texts of the corpus and sample reports (imported once into a scratch library)."""
    folders = [CORPUS] if CORPUS.is_dir() else []
    files = sorted(p for f in [*folders, SAMPLES] for p in f.iterdir() if p.suffix in FORMATS)
    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "bases.sqlite")
        for path in files:
            import_file(library.sessions, path)
        shutdown_workers()
        with library.sessions() as session:
            texts = {t for t in session.scalars(text("SELECT clean_text FROM reports")) if t}
        library.close()
    return sorted(texts)


def build(library_path: Path, texts: list[str], count: int) -> dict[str, float]:
    rng = random.Random(20240601)
    paragraphs = [[(p, prepare(p)) for p in body.split("\n") if p.strip()] for body in texts]
    pool = [p for paras in paragraphs for p in paras]
    library = open_library(library_path)
    reports, entries = [], []
    for n in range(1, count + 1):
        paras = list(paragraphs[n % len(paragraphs)])
        for i in rng.sample(range(len(paras)), len(paras) // 5):
            paras[i] = rng.choice(pool)
        name = f"第{n}号"
        paras.insert(1, (f"{name}单位", prepare(f"{name}单位")))
        body = "\n".join(p for p, _ in paras)
        words = " ".join(e.words for _, e in paras if e.words)
        entries.append(IndexEntry(words, " ".join(e.subwords for _, e in paras if e.subwords)))
        reports.append(row(n, body, 2019 + n % 7, name))
    made = time.perf_counter()
    with library.engine.begin() as connection:
        for first in range(0, count, 500):
            connection.execute(insert(models.Report), reports[first : first + 500])
    inserted = time.perf_counter()
    index = Fts5Index()
    with library.engine.begin() as connection:
        for report_id, entry in enumerate(entries, start=1):
            index.index_report(connection, report_id, entry)
    indexed = time.perf_counter()
    with library.engine.begin() as connection:
        connection.execute(text("INSERT INTO search_fts(search_fts) VALUES ('optimize')"))
    optimized = time.perf_counter()
    library.close()
    return {"rows": inserted - made, "index": indexed - inserted, "optimize": optimized - indexed}


def row(n: int, body: str, year: int, name: str) -> dict[str, object]:
    agency = f"示例{name}应急管理局"
    return {
        "id": n,
        "agency": agency,
        "agency_key": agency,
        "year": year,
        "title": f"{agency}关于{year}年法治政府建设情况的报告",
        "title_generated": False,
        "source_name": f"report_{n}.docx",
        "source_format": "docx",
        "sha256": hashlib.sha256(f"{n}\n{body}".encode()).hexdigest(),
        "size": len(body.encode()),
        "is_annual_report": True,
        "original_text": body,
        "clean_text": body,
        "offset_map": b"",
        "missing_sections": [],
        "warnings": [],
        "source_metadata": {},
        "pipeline_version": 1,
        "imported_at": datetime(2025, 1, 1),
    }


def queries(texts: list[str], count: int, reports: int) -> list[str]:
    """The fixed queries, words of every frequency from the texts, pairs, and rare agency numbers."""
    rng = random.Random(7)
    words = sorted(
        {w for body in texts for w in segmenter().cut(body) if len(w) >= 2 and "\u4e00" <= w[0] <= "\u9fff"}
    )
    chosen = list(FIXED_QUERIES)
    while len(chosen) < count:
        kind = len(chosen) % 3
        if kind == 0:
            chosen.append(rng.choice(words))
        elif kind == 1:
            chosen.append(f"{rng.choice(words)} {rng.choice(words)}")
        else:
            chosen.append(f"第{rng.randrange(1, reports + 1)}号")
    return chosen[:count]


def sizes(path: Path) -> dict[str, int]:
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        found = connection.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    except sqlite3.OperationalError:  # SQLite built without dbstat
        found = []
    connection.close()
    return dict(found)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    started = time.perf_counter()
    segmenter()
    print(f"jieba dictionary loaded in {time.perf_counter() - started:.1f} s")
    texts = base_texts()
    print(
        f"{len(texts)} distinct cleaned texts ({'corpus + samples' if CORPUS.is_dir() else 'samples'}),"
        f" median {statistics.median(len(t) for t in texts):,.0f} characters"
    )
    started = time.perf_counter()
    for body in texts:
        prepare(body)
    per_1000 = (time.perf_counter() - started) / sum(len(t) for t in texts) * 1000 * 1000
    print(f"segmenting for the index (prepare): {per_1000:.1f} ms per 1,000 characters")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.sqlite"
        times = build(path, texts, args.reports)
        print(
            f"library of {args.reports:,} reports: rows inserted in {times['rows']:.1f} s, index built in "
            f"{times['index']:.1f} s + optimize {times['optimize']:.1f} s"
        )
        by_table = sizes(path)
        index_bytes = sum(v for k, v in by_table.items() if k.startswith("search_"))
        print(
            f"database {path.stat().st_size / 2**20:,.0f} MB, of which the search index "
            f"{index_bytes / 2**20:,.0f} MB (search_fts* {sum(v for k, v in by_table.items() if k.startswith('search_fts')) / 2**20:,.0f} MB,"
            f" search_docs {by_table.get('search_docs', 0) / 2**20:,.0f} MB)"
        )
        library = open_library(path)
        chosen = queries(texts, args.queries, args.reports)
        timings: list[tuple[float, str, int]] = []
        with library.sessions() as session:
            search(session, "安全生产")  # warm the page cache, as a running app would be
            for query in chosen:
                started = time.perf_counter()
                hits = search(session, query, limit=50)
                timings.append(((time.perf_counter() - started) * 1000, query, len(hits)))
        service = []
        for query in chosen:
            started = time.perf_counter()
            search_library(library.sessions, query, 50)
            service.append((time.perf_counter() - started) * 1000)
        library.close()
    ms = sorted(t[0] for t in timings)
    print(
        f"{len(ms)} queries, 50 hits at most, snippets and offsets included: median {statistics.median(ms):.1f} ms, "
        f"p90 {ms[int(len(ms) * 0.9)]:.1f} ms, max {ms[-1]:.1f} ms (target: median ≤ 50 ms)"
    )
    print(
        f"the same queries through search_library (catch-up check, query normalised): median {statistics.median(service):.1f} ms"
    )
    print("slowest:", ", ".join(f"{q} {t:.0f} ms/{n} hits" for t, q, n in sorted(timings, reverse=True)[:5]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
