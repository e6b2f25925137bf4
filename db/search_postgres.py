"""Full-text search on PostgreSQL: the same jieba words as SQLite's FTS5 index, in a ``tsvector``.

Why a ``tsvector`` of jieba words and not ``pg_trgm``: search must give the same reports on both
backends. FTS5 matches whole words (jieba's cut, plus the dictionary words inside compounds), and a
trigram index matches substrings: ``复议`` (two characters, no trigram at all) and ``府建设`` would
behave differently, and a short Chinese query cannot use a trigram index. So the words are cut by the
same segmenter, in Python, and handed to PostgreSQL already split: the ``tsvector`` is built from its
literal form (``'行政':1A '复议':2A,3B``), not by ``to_tsvector``, so neither the server's text-search
parser nor its locale (which decides whether a Han character is a letter) touches them; the ``simple``
configuration is all the query side needs, and queries are built as ``tsquery`` literals too.

Tokens follow FTS5's ``unicode61`` tokenizer (runs of letters and digits, case-folded), so a word such
as ``13.3`` is the phrase ``13 3`` on both backends. Weight A marks a word, weight B a dictionary word
inside a longer one (FTS5's ``subwords`` column). A GIN index finds the reports that contain every
word; a phrase is then checked against ``words`` (the tokens, space-separated), which has no limit on
length (a ``tsvector`` keeps positions only up to 16,383 and 256 per word, too few for a long report).

Ranking: ``ts_rank`` with weights like FTS5's bm25 columns (words 1.0, subwords 0.4), normalised by
length. It reads each ranked row's vector, so a query that matches thousands of reports ranks the
``RANK_LIMIT`` most recently imported matches (report ids grow with import; for a phrase, as many as
are shown: its words are checked in each candidate's text) and shows the best of those:
the same reports are found as on SQLite, but among very many hits the order is not bm25's.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import models

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from db.search import IndexEntry, SearchHit, Target

RANK_LIMIT = 200
"""Matches ranked by relevance at most, the newest (ranking reads each one's vector, ~0.1 ms)."""

_TABLE = (
    "CREATE TABLE IF NOT EXISTS search_docs (report_id INTEGER PRIMARY KEY, version TEXT NOT NULL,"
    " words TEXT NOT NULL, terms TSVECTOR NOT NULL)"
)
# fastupdate off: a GIN index otherwise queues new entries in a pending list that every search reads
# in full until a vacuum merges it (after an import of a few hundred reports, ~100 ms a search).
_GIN = "CREATE INDEX IF NOT EXISTS search_docs_terms ON search_docs USING gin (terms) WITH (fastupdate = off)"
_VERSIONS = "CREATE INDEX IF NOT EXISTS search_docs_version ON search_docs (version)"
DDL = (_TABLE, _GIN, _VERSIONS)

_UPSERT = (
    "INSERT INTO search_docs (report_id, version, words, terms) VALUES (:id, :v, :w, CAST(:t AS tsvector))"
    " ON CONFLICT (report_id) DO UPDATE SET version = excluded.version, words = excluded.words,"
    " terms = excluded.terms"
)
_SAME_SETS = (
    "SELECT (SELECT count(*) FROM reports) = (SELECT count(*) FROM search_docs) AND (SELECT max(id) FROM"
    " reports) IS NOT DISTINCT FROM (SELECT max(report_id) FROM search_docs) AND NOT EXISTS (SELECT 1"
    " FROM search_docs WHERE version <> :v)"
)
_OUTDATED = (
    "(SELECT id FROM reports EXCEPT SELECT report_id FROM search_docs WHERE version = :v)"
    " UNION (SELECT report_id FROM search_docs EXCEPT SELECT id FROM reports)"
)
# 1. The GIN index gives the ids of every report holding all the query's words (only ids: no row is
#    read; the query has no weights, so the index answers alone). 2. Newest first, a phrase is checked
#    in the report's tokens until enough are found. 3. Those are ranked; the best are joined to reports.
_SEARCH = (
    "WITH c AS MATERIALIZED (SELECT report_id FROM search_docs WHERE terms @@ CAST(:q AS tsquery)"
    " ORDER BY report_id DESC),"
    # Rows come in c's order (newest first) through the nested loop, so LIMIT stops the checks early.
    " m AS (SELECT d.report_id AS id, d.terms FROM c CROSS JOIN LATERAL (SELECT d.report_id, d.terms"
    " FROM search_docs AS d WHERE d.report_id = c.report_id {current} {phrases}) AS d LIMIT :ranked)"
    " SELECT r.id, r.agency, r.year, r.title, r.superseded_by_id IS NULL,"
    " -ts_rank('{{0.0, 0.0, 0.4, 1.0}}', m.terms, CAST(:q AS tsquery), 1) AS score"
    " FROM m JOIN reports AS r ON r.id = m.id ORDER BY score, r.id DESC LIMIT :n"
)
_CURRENT = (
    "AND EXISTS (SELECT 1 FROM reports AS cur WHERE cur.id = d.report_id AND cur.superseded_by_id IS NULL)"
)


def tokens(text: str) -> list[str]:
    """``text`` split as FTS5's unicode61 tokenizer splits it: letters, digits and private-use
    characters make tokens, everything else separates them; case folded, Latin diacritics removed."""
    found: list[str] = []
    current: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LN" or category == "Co":
            current.append(char)
        elif category == "Mn" and current:  # a combining mark stays inside its word
            continue
        elif current:
            found.append(_fold("".join(current)))
            current = []
    if current:
        found.append(_fold("".join(current)))
    return found


def _fold(token: str) -> str:
    if token.isascii():
        return token.lower()
    folded = unicodedata.normalize("NFKD", token.lower())
    return unicodedata.normalize("NFC", "".join(c for c in folded if not unicodedata.combining(c)))


def _quote(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def vector_literal(entry: IndexEntry) -> tuple[str, str]:
    """The entry's tokens (space-separated, with a space at each end) and its ``tsvector`` literal."""
    words = tokens(entry.words)
    positions: dict[str, list[str]] = {}
    for position, token in enumerate(words, start=1):
        positions.setdefault(token, []).append(f"{min(position, 16383)}A")
    for position, token in enumerate(tokens(entry.subwords), start=len(words) + 1):
        if position <= 16383:  # beyond it every position would be the same one
            positions.setdefault(token, []).append(f"{position}B")
    literal = " ".join(f"{_quote(t)}:{','.join(p[:256])}" for t, p in positions.items())
    return f" {' '.join(words)} ", literal


def query_parts(terms: Iterable[tuple[str, ...]]) -> tuple[str, list[str]]:
    """A ``tsquery`` literal requiring every term's tokens, and the phrases to find in ``words``.

    A term of one jieba word that is one token matches words and subwords (weights A and B), as an
    FTS5 term matches both columns; a term of several jieba words is an FTS5 ``words :`` phrase."""
    required: list[str] = []
    phrases: list[str] = []
    for term in terms:
        parts = tokens(" ".join(term))
        if not parts:
            continue
        if len(parts) == 1:
            required.append(_quote(parts[0]))
            continue
        # The phrase check below reads ``words`` (weight A's tokens): no weight in the index query.
        required += [_quote(p) for p in dict.fromkeys(parts)]
        phrases.append(f" {' '.join(parts)} ")
    return " & ".join(required), phrases


class PostgresIndex:
    """PostgreSQL: ``search_docs`` (report id, segmenter version, tokens, ``tsvector`` with GIN)."""

    def ensure(self, connection: Connection) -> None:
        if not self._exists(connection):
            for statement in DDL:
                _run(connection, statement)

    def index_report(self, target: Target, report_id: int, entry: str | IndexEntry) -> None:
        from db.search import prepare, segmenter

        entry = prepare(entry) if isinstance(entry, str) else entry
        words, literal = vector_literal(entry)
        self.ensure(_connection(target))
        _run(target, _UPSERT, id=report_id, v=segmenter().version, w=words, t=literal)

    def remove_report(self, target: Target, report_id: int) -> None:
        if self._exists(target):
            _run(target, "DELETE FROM search_docs WHERE report_id = :id", id=report_id)

    def outdated(self, session: Session) -> list[int]:
        from db.search import segmenter

        if not self._exists(session):
            return list(session.scalars(select(models.Report.id).order_by(models.Report.id)))
        if not writable(session):  # a reviewer searches what the lead's imports indexed
            return []
        if _run(session, _SAME_SETS, v=segmenter().version).scalar():
            return []
        return sorted(_run(session, _OUTDATED, v=segmenter().version).scalars())

    def clear(self, target: Target) -> None:
        self.ensure(_connection(target))
        _run(target, "DELETE FROM search_docs")

    def search(self, session: Session, query: str, limit: int, current_only: bool) -> list[SearchHit]:
        from db.search import _hits, parse

        terms, groups = parse(query)
        required, phrases = query_parts(terms)
        if not required or not self._exists(session):
            return []
        checks = "".join(f" AND strpos(d.words, :p{i}) > 0" for i in range(len(phrases)))
        sql = _SEARCH.format(current=_CURRENT if current_only else "", phrases=checks)
        # A phrase is checked in each candidate's text: then only as many as will be shown are ranked.
        ranked = max(1, limit) if phrases else max(RANK_LIMIT, limit)
        params: dict[str, Any] = {"q": required, "n": max(1, limit), "ranked": ranked}
        params |= {f"p{i}": phrase for i, phrase in enumerate(phrases)}
        # The planner does not count reading each vector out of TOAST storage: for a common word it
        # would scan the table (every vector read, ~300 ms at 10,000 reports) instead of the index.
        _run(session, "SET LOCAL enable_seqscan = off")
        return _hits(session, _run(session, sql, **params).all(), groups)

    @staticmethod
    def _exists(target: Target) -> bool:
        return _run(target, "SELECT to_regclass('search_docs') IS NOT NULL").scalar() is True


def writable(target: Target) -> bool:
    """Whether this login may change the index (a reviewer role may only read it)."""
    sql = "SELECT has_table_privilege(CAST('search_docs' AS regclass), 'INSERT')"
    return _run(target, sql).scalar() is True


def _connection(target: Target) -> Connection:
    return target.connection() if isinstance(target, Session) else target


def _run(target: Target, sql: str, **params: Any) -> Any:
    from sqlalchemy import text

    return _connection(target).execute(text(sql), params)
