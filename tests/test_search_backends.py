"""Search on PostgreSQL finds the same reports as SQLite's FTS5 index, with the same matches located.

The reports are the corpus's (when it is beside the checkout) and the samples, imported in the same order
into a library file and a team library; the queries are the search benchmark's fixed ones, words of every
frequency cut from the texts, pairs of them, and quoted phrases of two and three words.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.search import search, segmenter
from db.session import Library, open_library
from desktop.core.importers import shutdown_workers
from desktop.core.importing import import_files
from tests.conftest import CORPUS, SAMPLES, postgres_schema, require_postgres

FIXED = [
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
    "府建设",
    "2024年",
    "ABC",
]


def files() -> list[Path]:
    folders = [CORPUS / "reports", SAMPLES]
    suffixes = (".docx", ".pdf", ".txt", ".html")
    return sorted(p for f in folders if f.is_dir() for p in f.iterdir() if p.suffix in suffixes)


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, Library, list[str]]]:
    require_postgres()
    paths = files()
    with postgres_schema() as url:
        libraries = [open_library(tmp_path_factory.mktemp("fts5") / "library.sqlite"), open_library(url)]
        for library in libraries:
            outcomes = import_files(library.sessions, paths)
            assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
        shutdown_workers()
        with libraries[0].sessions() as session:
            from sqlalchemy import text

            texts = list(session.scalars(text("SELECT clean_text FROM reports ORDER BY id")))
        yield libraries[0], libraries[1], queries(texts)
        for library in libraries:
            library.close()


def queries(texts: list[str]) -> list[str]:
    rng = random.Random(11)
    words = sorted({w for body in texts for w in segmenter().cut(body) if len(w) >= 2 and w.strip()})
    han = [w for w in words if "\u4e00" <= w[0] <= "\u9fff"]
    chosen = list(FIXED) + rng.sample(words, 60) + [f"{rng.choice(han)} {rng.choice(han)}" for _ in range(30)]
    for body in rng.sample(texts, min(len(texts), 10)):
        cut = [w for w in segmenter().cut(body) if w.strip()]
        for _ in range(3):
            start = rng.randrange(max(1, len(cut) - 3))
            chosen.append('"' + "".join(cut[start : start + rng.choice((2, 3))]) + '"')
    return chosen


def found(library: Library, query: str) -> dict[int, tuple[tuple[int, int], ...]]:
    with library.sessions() as session:
        return {hit.report_id: hit.spans for hit in search(session, query, limit=10_000)}


def test_postgresql_finds_what_fts5_finds(both: tuple[Library, Library, list[str]]) -> None:
    sqlite, postgres, chosen = both
    differences = []
    hits = 0
    for query in chosen:
        expected, got = found(sqlite, query), found(postgres, query)
        hits += len(expected)
        if expected != got:
            differences.append((query, sorted(expected), sorted(got)))
    assert differences == []
    assert hits > len(chosen)  # the queries do find things


def test_current_only_and_limits_agree(both: tuple[Library, Library, list[str]]) -> None:
    sqlite, postgres, _ = both
    for query in ("安全生产", "行政复议", '"法治政府建设"'):
        with sqlite.sessions() as a, postgres.sessions() as b:
            assert {h.report_id for h in search(a, query, current_only=True)} == {
                h.report_id for h in search(b, query, current_only=True)
            }
            assert len(search(b, query, limit=2)) == min(2, len(search(a, query, limit=2)))
