"""Full-text search on real SQLite with the real samples: Chinese words, phrases, offsets, upkeep."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from db import models
from db.search import (
    Fts5Index,
    LikeIndex,
    SearchHit,
    index_for,
    index_missing,
    index_report,
    prepare,
    reindex_all,
    remove_report,
    search,
)
from db.search_postgres import PostgresIndex
from db.session import Library, open_library
from desktop.core.importing import import_file
from desktop.core.search_service import search_library
from tests.conftest import BACKENDS, library_location, require_postgres
from tests.helpers import sample

Ids = dict[int, int]  # year → report id


def import_samples(library: Library) -> Ids:
    ids = {}
    for name in ("shili_2023.docx", "shili_2024.docx"):
        outcome = import_file(library.sessions, sample(name))
        assert outcome.ok and outcome.year and outcome.report_id, outcome.error
        ids[outcome.year] = outcome.report_id
    return ids


@pytest.fixture(scope="module", params=BACKENDS)
def shared(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Library, Ids]]:
    """Both samples imported and indexed once (on each backend), for the tests that only read."""
    if request.param == "postgresql":
        require_postgres()
    with library_location(request.param, tmp_path_factory.mktemp("search")) as location:
        library = open_library(location)
        ids = import_samples(library)
        assert index_missing(library.sessions) == 2
        yield library, ids
        library.close()


@pytest.fixture
def indexed(library: Library) -> tuple[Library, Ids]:
    """A library of its own, for the tests that change it."""
    ids = import_samples(library)
    assert index_missing(library.sessions) == 2
    return library, ids


def find(library: Library, query: str, **options: bool) -> list[SearchHit]:
    with library.sessions() as session:
        return search(session, query, **options)


def texts(library: Library) -> dict[int, str]:
    with library.sessions() as session:
        return {i: t for i, t in session.execute(select(models.Report.id, models.Report.clean_text))}


def test_an_unsegmented_query_finds_both_samples_and_points_at_every_occurrence(
    shared: tuple[Library, Ids],
) -> None:
    library, ids = shared
    hits = find(library, "安全生产")
    assert {h.report_id for h in hits} == set(ids.values())
    body = texts(library)
    for hit in hits:
        assert hit.match == "安全生产" and hit.start is not None and hit.end is not None
        assert body[hit.report_id][hit.start : hit.end] == "安全生产"
        assert hit.before.lstrip("…") + hit.match + hit.after.rstrip("…") in body[hit.report_id]
        assert "【安全生产】" in hit.marked()
        assert len(hit.spans) == body[hit.report_id].count("安全生产")
        assert all(body[hit.report_id][s:e] == "安全生产" for s, e in hit.spans)
        assert (hit.agency, hit.current) == ("示例市应急管理局", True)


def test_domain_words_and_their_parts_are_found(shared: tuple[Library, Ids]) -> None:
    library, ids = shared
    for query in ("行政复议", "复议", "行政处罚"):
        hits = find(library, query)
        assert {h.report_id for h in hits} == set(ids.values()), query
        assert all(query in h.marked() and h.match == query for h in hits)


def test_a_word_of_one_year_finds_only_that_report(shared: tuple[Library, Ids]) -> None:
    library, ids = shared
    assert [h.report_id for h in find(library, "突发事件")] == [ids[2024]]
    assert [h.report_id for h in find(library, "自然灾害")] == [ids[2023]]
    assert [h.year for h in find(library, "门户网站 记录仪")] == [2024]  # every word must occur
    assert find(library, "门户网站 自然灾害") == []


def test_phrases_need_their_words_together(shared: tuple[Library, Ids]) -> None:
    library, ids = shared
    for query in ('"法治政府建设"', "“法治政府建设”", "「法治政府建设」"):
        hits = find(library, query)
        assert {h.report_id for h in hits} == set(ids.values()), query
        assert all(h.match == "法治政府建设" for h in hits)
    assert find(library, "“门户网站记录仪”") == []
    numbers = find(library, "13.3%")
    assert [h.year for h in numbers] == [2023] and numbers[0].match == "13.3"


def test_offsets_point_at_the_query_words_in_the_cleaned_text(shared: tuple[Library, Ids]) -> None:
    library, _ = shared
    body = texts(library)
    for query, words in [
        ("示例市应急管理局", ["示例市应急管理局"]),
        ("应急 普法", ["应急", "普法"]),
        ("行政执法 公示", ["行政执法", "公示"]),
        ('"重大行政决策"', ["重大行政决策"]),
    ]:
        hits = find(library, query)
        assert hits, query
        for hit in hits:
            assert hit.start is not None and hit.end is not None
            assert body[hit.report_id][hit.start : hit.end] == hit.match
            assert any(word in hit.match for word in words), (query, hit.match)
            assert all(any(w in body[hit.report_id][s:e] for w in words) for s, e in hit.spans)
            assert hit.spans == tuple(sorted(hit.spans))
    merged = find(library, "示例市应急管理局")[0]
    assert merged.match == "示例市应急管理局"  # adjacent words are one highlighted span


@pytest.mark.parametrize(
    "query",
    ['AND OR "(', "NEAR(a b)", '"', "*", "(((", "^安全", "words:安全", "{words}: 安全", '安全" OR "生产'],
)
def test_fts5_syntax_in_a_query_is_searched_as_words(shared: tuple[Library, Ids], query: str) -> None:
    library, _ = shared
    assert isinstance(find(library, query), list)  # no sqlite3.OperationalError


def test_punctuation_around_words_is_ignored_and_empty_queries_find_nothing(
    shared: tuple[Library, Ids],
) -> None:
    library, ids = shared
    assert {h.report_id for h in find(library, "安全生产*，")} == set(ids.values())
    for query in ("", "   ", "，。！", '""'):
        assert find(library, query) == []


def test_removing_replacing_and_rebuilding(indexed: tuple[Library, Ids]) -> None:
    library, ids = indexed
    with library.sessions.begin() as session:
        remove_report(session, ids[2023])
    assert [h.report_id for h in find(library, "安全生产")] == [ids[2024]]
    assert index_missing(library.sessions) == 1  # the removed report is missing again
    assert len(find(library, "安全生产")) == 2

    entry = prepare("本报告已更正：量子纠缠实验室的安全管理。")  # as the import hook would, outside
    with library.sessions.begin() as session:
        index_report(session, ids[2023], entry)
    assert [h.report_id for h in find(library, "安全生产")] == [ids[2024]]
    assert [h.report_id for h in find(library, "量子纠缠")] == [ids[2023]]
    if library.engine.dialect.name == "sqlite":
        with library.sessions.begin() as session:  # contentless FTS5: the old row was really deleted
            session.execute(text("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 0)"))

    assert reindex_all(library.sessions) == 2
    assert len(find(library, "安全生产")) == 2 and find(library, "量子纠缠") == []
    assert index_missing(library.sessions) == 0


def test_index_missing_follows_deleted_reports_and_a_new_segmenter(indexed: tuple[Library, Ids]) -> None:
    library, ids = indexed
    with library.sessions.begin() as session:
        session.execute(text("UPDATE search_docs SET version = 'an older dictionary'"))
    assert index_missing(library.sessions) == 2
    with library.sessions.begin() as session:
        report = session.get(models.Report, ids[2023])
        assert report is not None
        session.delete(report)
    assert [h.report_id for h in find(library, "安全生产")] == [ids[2024]]
    assert index_missing(library.sessions) == 1  # its entry is dropped
    assert index_missing(library.sessions) == 0


def test_current_only_leaves_out_superseded_versions(indexed: tuple[Library, Ids]) -> None:
    library, ids = indexed
    with library.sessions.begin() as session:
        session.execute(
            update(models.Report).where(models.Report.id == ids[2023]).values(superseded_by_id=ids[2024])
        )
    hits = find(library, "安全生产")
    assert {(h.report_id, h.current) for h in hits} == {(ids[2023], False), (ids[2024], True)}
    assert [h.report_id for h in find(library, "安全生产", current_only=True)] == [ids[2024]]


def test_other_databases_fall_back_to_a_like_scan(shared: tuple[Library, Ids]) -> None:
    library, _ = shared
    body = texts(library)
    with library.sessions() as session:
        expected = Fts5Index if library.engine.dialect.name == "sqlite" else PostgresIndex
        assert isinstance(index_for(session), expected)
        hits = LikeIndex().search(session, "安全生产 复议", 50, False)
        assert LikeIndex().search(session, "1_0", 50, False) == []  # LIKE wildcards are escaped
    assert [h.year for h in hits] == [2024, 2023]
    for hit in hits:
        assert hit.start is not None and body[hit.report_id][hit.start : hit.end] in ("安全生产", "复议")


def test_search_library_indexes_what_is_missing_first(library: Library) -> None:
    ids = import_samples(library)  # the import pipeline does not index (yet)
    hits = search_library(library.sessions, "行政复议", 10)
    assert {h.report_id for h in hits} == set(ids.values())
    assert len(search_library(library.sessions, "安全生产", 1)) == 1


def test_search_library_reads_traditional_and_full_width_queries(shared: tuple[Library, Ids]) -> None:
    library, ids = shared
    assert {h.report_id for h in search_library(library.sessions, "安全生產")} == set(ids.values())
    assert [h.match for h in search_library(library.sessions, "１３.３％")] == ["13.3"]


def test_cli_search_prints_hits_and_json(
    shared: tuple[Library, Ids], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    from desktop.cli_search import HANDLERS, add_parsers

    library, ids = shared
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--library")
    parent.add_argument("--json", action="store_true")
    parser = argparse.ArgumentParser()
    add_parsers(parser.add_subparsers(dest="command"), parent)

    def run(*argv: str) -> tuple[int, str]:
        code = HANDLERS["search"](library, parser.parse_args(["search", *argv]))
        return code, capsysbinary.readouterr().out.decode("utf-8")

    code, out = run("行政复议", "--json")
    assert code == 0
    found = json.loads(out)
    assert {h["report_id"] for h in found} == set(ids.values())
    assert all("【行政复议】" in h["snippet"] and h["end"] - h["start"] == 4 for h in found)
    code, out = run("自然灾害", "--limit", "5")
    assert code == 0 and f"#{ids[2023]}" in out and "【自然灾害】" in out
    code, out = run("量子纠缠")
    assert code == 0 and "没有找到" in out
    assert run("，。")[0] == 2
    if library.engine.dialect.name == "sqlite":
        assert Path(library.url.removeprefix("sqlite:///")).is_file()
