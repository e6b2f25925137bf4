"""A team library on PostgreSQL with 10,000 reports: library list, opening a report, search, and ten
reviewers saving annotations at once.

Run: ``python benchmarks/team_bench.py [--server URL] [--reports N] [--reviewers 10] [--seconds 60]``.
The server defaults to REVIEWDESK_TEST_PG (``source .ci/postgres.sh``); that throwaway cluster skips
fsync, so pass a server with the usual durability settings for figures to publish. The library goes
into a new schema, dropped at the end. Targets (as on SQLite): list ≤ 0.3 s, opening ≤ 100 ms, search
median ≤ 50 ms; saves p95 ≤ 50 ms with no write lost or duplicated.

The big library is built as in ``search_bench.py`` (bulk rows, index entries from paragraphs segmented
once), with the corpus and sample reports imported on top (sections, figures, comparisons) for the
opening figure. Each reviewer is a process of its own (its own engine and connections, as each
reviewer's app is): it opens a random annotation of a shared set (so reviewers collide), waits
50–250 ms as if typing, and saves its change based on the version it opened; one save in five adds a
new annotation instead. A save that lost a race is kept as a conflict, as the app does. Afterwards
every successful save is checked: each annotation's version is one more than its successful edits,
no two edits claim the same version, its comment is the last successful edit's, and each reviewer's
added annotations are there exactly once.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

SHARED_ANNOTATIONS = 120
"""Annotations all reviewers edit (on 20 reports): small enough that reviewers collide often."""


def with_schema(server: str, schema: str) -> str:
    return f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"


def admin(server: str, *statements: str) -> None:
    import psycopg

    from db.paths import library_url  # noqa: F401  (registers ReviewDesk's connection settings)

    with psycopg.connect(server, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)  # type: ignore[arg-type]


def build(url: str, texts: list[str], count: int) -> dict[str, float]:
    """``count`` reports as bulk rows with their search entries, then the real reports imported."""
    from search_bench import row
    from sqlalchemy import insert

    from db import models
    from db.search import IndexEntry, prepare
    from db.search_postgres import PostgresIndex
    from db.session import open_library
    from desktop.core.importers import shutdown_workers
    from desktop.core.importing import import_file, update_derived

    rng = random.Random(20240601)
    paragraphs = [[(p, prepare(p)) for p in body.split("\n") if p.strip()] for body in texts]
    pool = [p for paras in paragraphs for p in paras]
    library = open_library(url)
    reports, entries = [], []
    for n in range(1, count + 1):
        paras = list(paragraphs[n % len(paragraphs)])
        for i in rng.sample(range(len(paras)), len(paras) // 5):
            paras[i] = rng.choice(pool)
        name = f"第{n}号"
        paras.insert(1, (f"{name}单位", prepare(f"{name}单位")))
        body = "\n".join(p for p, _ in paras)
        entries.append(
            IndexEntry(
                " ".join(e.words for _, e in paras if e.words),
                " ".join(e.subwords for _, e in paras if e.subwords),
            )
        )
        reports.append(row(n, body, 2019 + n % 7, name))
    started = time.perf_counter()
    with library.engine.begin() as connection:
        for first in range(0, count, 500):
            connection.execute(insert(models.Report), reports[first : first + 500])
        connection.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('reports', 'id'), {count})")
    inserted = time.perf_counter()
    index = PostgresIndex()
    with library.engine.begin() as connection:
        for report_id, entry in enumerate(entries, start=1):
            index.index_report(connection, report_id, entry)
    indexed = time.perf_counter()
    corpus = ROOT.parent / "shared" / "corpus" / "reports"
    folders = [f for f in (corpus, ROOT / "resources" / "samples") if f.is_dir()]
    files = sorted(p for f in folders for p in f.iterdir() if p.suffix in (".docx", ".pdf", ".txt", ".html"))
    real = [o.report_id for o in (import_file(library.sessions, p) for p in files) if o.ok and o.report_id]
    update_derived(library.sessions, real)
    shutdown_workers()
    with library.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    library.close()
    return {"rows": inserted - started, "index": indexed - inserted, "real": float(len(set(real)))}


def reading(url: str, searches: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from search_bench import FIXED_QUERIES
    from sqlalchemy import select

    from db import models
    from db.search import search
    from db.session import open_library
    from desktop.core.library import list_reports
    from desktop.core.metrics.segmenter import tokenizer
    from desktop.core.search_service import search_library
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    tokenizer()
    library = open_library(url)
    settings = QSettings(
        str(Path(os.environ.get("TMPDIR", "/tmp")) / f"team-bench-{os.getpid()}.ini"),
        QSettings.Format.IniFormat,
    )
    window = MainWindow(settings, TaskRunner())
    window.resize(1400, 850)
    window.show()
    window.library = library
    app.processEvents()
    lists, queries = [], []
    for _ in range(5):
        started = time.perf_counter()
        with library.sessions() as session:
            summaries = list_reports(session)
        queried = time.perf_counter()
        window.model.set_reports(summaries)
        window.table.viewport().repaint()
        app.processEvents()
        lists.append((time.perf_counter() - started) * 1000)
        queries.append((queried - started) * 1000)
    print(
        f"library list of {len(summaries):,} reports: median {statistics.median(lists):.0f} ms"
        f" (query {statistics.median(queries):.0f} ms; model and painted table the rest; target ≤ 300 ms)"
    )
    with library.sessions() as session:
        real = list(
            session.scalars(
                select(models.Report.id).where(models.Report.sections.any()).order_by(models.Report.id)
            )
        )
    opening = []
    for report_id in real * 3:
        started = time.perf_counter()
        window.open_report(report_id)
        window.report_view.repaint()
        opening.append((time.perf_counter() - started) * 1000)
    print(
        f"opening a report (text, outline, figures, annotations, review state): median {statistics.median(opening):.0f} ms,"
        f" max {max(opening):.0f} ms over {len(real)} real reports (target ≤ 100 ms)"
    )
    rng = random.Random(7)
    chosen = [*FIXED_QUERIES, *(f"第{rng.randrange(1, len(summaries))}号" for _ in range(10))]
    chosen += ["安全生产", "行政复议", "法治政府建设", "执法 公示", "合法性审查", "普法"]
    timings: list[tuple[float, str, int]] = []
    with library.sessions() as session:
        search(session, "安全生产")
        for query in chosen[:searches]:
            started = time.perf_counter()
            hits = search(session, query, limit=50)
            timings.append(((time.perf_counter() - started) * 1000, query, len(hits)))
    service = []
    for query in chosen[:searches]:
        started = time.perf_counter()
        search_library(library.sessions, query, 50)
        service.append((time.perf_counter() - started) * 1000)
    ms = sorted(t[0] for t in timings)
    print(
        f"search, {len(ms)} queries (50 hits at most, snippets included): median {statistics.median(ms):.1f} ms,"
        f" p90 {ms[int(len(ms) * 0.9)]:.1f} ms, max {ms[-1]:.1f} ms; through the search service (catch-up check"
        f" included) median {statistics.median(service):.1f} ms (target median ≤ 50 ms)"
    )
    print("slowest:", ", ".join(f"{q} {t:.0f} ms/{n} hits" for t, q, n in sorted(timings, reverse=True)[:4]))
    window.close()
    window.runner.wait(10000)
    library.close()


def prepare_annotations(url: str) -> list[str]:
    from sqlalchemy import select

    from db import models
    from db.session import open_library
    from desktop.core.annotations.store import create_annotation

    library = open_library(url)
    ids = []
    with library.sessions.begin() as session:
        reports = session.scalars(select(models.Report).order_by(models.Report.id).limit(20)).all()
        for n in range(SHARED_ANNOTATIONS):
            report = reports[n % len(reports)]
            start = 40 + 3 * (n // len(reports))
            made = create_annotation(
                session, report, start, start + 2, category="问题查摆不深", author="组长"
            )
            ids.append(made.id)
    library.close()
    return ids


def reviewer(url: str, name: str, shared: list[str], seconds: float, seed: int, out: Any) -> None:
    """One reviewer's app for ``seconds``: opens, thinks, saves; reports what it saved."""
    from sqlalchemy import select

    from db import models
    from db.session import open_library
    from desktop.core.annotations.concurrency import save_annotation_change
    from desktop.core.annotations.store import create_annotation, edit_annotation, get_annotation

    rng = random.Random(seed)
    library = open_library(url)
    with library.sessions() as session:
        report_ids = list(session.scalars(select(models.Report.id).order_by(models.Report.id).limit(20)))
    saves: list[float] = []
    edits: list[tuple[str, int, str]] = []
    added: list[str] = []
    lost = 0
    deadline = time.monotonic() + seconds
    sequence = 0
    while time.monotonic() < deadline:
        sequence += 1
        if rng.random() < 0.2:
            time.sleep(rng.uniform(0.05, 0.25))
            started = time.perf_counter()
            with library.sessions.begin() as session:
                report = session.get(models.Report, rng.choice(report_ids))
                assert report is not None
                made = create_annotation(
                    session, report, 10, 14, category="表述不规范", author=name, comment=f"{name}#{sequence}"
                )
                made_id = made.id
            saves.append((time.perf_counter() - started) * 1000)
            added.append(made_id)
            continue
        annotation_id = rng.choice(shared)
        with library.sessions() as session:  # the reviewer opens the annotation
            version = get_annotation(session, annotation_id).version
        time.sleep(rng.uniform(0.05, 0.25))  # and types
        comment = f"{name}#{sequence}"
        result_version: list[int] = []

        def change(
            session: Any,
            annotation_id: str = annotation_id,
            version: int = version,
            comment: str = comment,
            result_version: list[int] = result_version,
        ) -> None:
            edited = edit_annotation(
                session, annotation_id, comment=comment, expected_version=version, by=name
            )
            result_version.append(edited.version)

        started = time.perf_counter()
        result = save_annotation_change(
            library.sessions, annotation_id, version, change, {"comment": comment}, name
        )
        saves.append((time.perf_counter() - started) * 1000)
        if result.saved:
            edits.append((annotation_id, result_version[-1], comment))
        else:
            lost += 1
    library.close()
    out.put({"name": name, "saves": saves, "edits": edits, "added": added, "lost": lost})


def concurrent(url: str, reviewers: int, seconds: float) -> None:
    from sqlalchemy import func, select

    from db import models
    from db.session import open_library

    shared = prepare_annotations(url)
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    names = [f"审阅人{n + 1}" for n in range(reviewers)]
    processes = [
        context.Process(target=reviewer, args=(url, name, shared, seconds, n, out))
        for n, name in enumerate(names)
    ]
    for process in processes:
        process.start()
    results = [out.get(timeout=seconds + 120) for _ in processes]
    for process in processes:
        process.join(30)
    saves = sorted(s for r in results for s in r["saves"])
    edits = [e for r in results for e in r["edits"]]
    lost = sum(r["lost"] for r in results)
    library = open_library(url)
    problems = []
    with library.sessions() as session:
        stored = {
            a.id: a
            for a in session.scalars(select(models.Annotation).where(models.Annotation.id.in_(shared)))
        }
        claimed = Counter((annotation_id, version) for annotation_id, version, _ in edits)
        problems += [f"version {v} of {a} saved twice" for (a, v), n in claimed.items() if n > 1]
        per_annotation = Counter(annotation_id for annotation_id, _, _ in edits)
        last = {}
        for annotation_id, version, comment in edits:
            if version > last.get(annotation_id, (0, ""))[0]:
                last[annotation_id] = (version, comment)
        for annotation_id, annotation in stored.items():
            if annotation.version != 1 + per_annotation[annotation_id]:
                problems.append(
                    f"{annotation_id}: version {annotation.version}, {per_annotation[annotation_id]} edits saved"
                )
            if annotation_id in last and annotation.comment != last[annotation_id][1]:
                problems.append(f"{annotation_id}: comment {annotation.comment!r} is not the last saved edit")
        for result in results:
            count = session.scalar(
                select(func.count(models.Annotation.id)).where(models.Annotation.author == result["name"])
            )
            if count != len(result["added"]) or len(set(result["added"])) != len(result["added"]):
                problems.append(f"{result['name']}: {len(result['added'])} added, {count} stored")
        kept = session.scalar(
            select(func.count(models.AnnotationConflict.id)).where(models.AnnotationConflict.kind == "edit")
        )
    library.close()
    p95 = saves[int(len(saves) * 0.95)]
    print(
        f"{reviewers} reviewers saving for {seconds:.0f} s: {len(saves):,} saves ({len(saves) / seconds:.0f}/s):"
        f" median {statistics.median(saves):.1f} ms, p95 {p95:.1f} ms, max {saves[-1]:.0f} ms (target p95 ≤ 50 ms)"
    )
    print(
        f"  {len(edits):,} edits and {sum(len(r['added']) for r in results):,} new annotations saved;"
        f" {lost:,} edits lost a race and were kept as conflicts ({kept} open, the newest per annotation)"
    )
    print(
        f"  lost or duplicated writes: {len(problems)}"
        + ("" if not problems else ": " + "; ".join(problems[:5]))
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default=os.environ.get("REVIEWDESK_TEST_PG", ""))
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--reviewers", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--searches", type=int, default=40)
    args = parser.parse_args()
    if not args.server:
        print("no server: pass --server postgresql://… or source .ci/postgres.sh first")
        return 2
    from search_bench import base_texts

    from db.search import segmenter

    segmenter()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin(args.server, f"CREATE SCHEMA {schema}")
    url = with_schema(args.server, schema)
    try:
        import psycopg

        with psycopg.connect(args.server) as connection:
            settings = dict(
                connection.execute(
                    "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'server_version')"
                ).fetchall()
            )  # type: ignore[arg-type]
        print(
            f"PostgreSQL {settings.get('server_version')}, fsync {settings.get('fsync')}, synchronous_commit {settings.get('synchronous_commit')}"
        )
        times = build(url, base_texts(), args.reports)
        print(
            f"built {args.reports:,} reports: rows {times['rows']:.1f} s, search index {times['index']:.1f} s,"
            f" {times['real']:.0f} real reports imported on top"
        )
        with psycopg.connect(url) as connection:
            size = connection.execute(
                "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
            ).fetchone()  # type: ignore[union-attr]
            index = connection.execute(
                "SELECT pg_size_pretty(pg_total_relation_size('search_docs'))"
            ).fetchone()  # type: ignore[union-attr]
        print(f"library size {size[0]} (search_docs with its GIN index {index[0]})")  # type: ignore[index]
        reading(url, args.searches)
        concurrent(url, args.reviewers, args.seconds)
    finally:
        admin(args.server, f"DROP SCHEMA {schema} CASCADE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
