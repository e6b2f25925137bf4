"""Full-text search: jieba words in an SQLite FTS5 table, or a PostgreSQL ``tsvector`` (db/search_postgres.py).

FTS5's ``unicode61`` tokenizer takes a run of Han characters for one token, so naive FTS finds
``安全生产`` only between punctuation. We index each report's cleaned text cut by jieba into words
separated by spaces, and cut queries the same way. Column ``subwords`` holds the dictionary words
inside longer words (行政复议 → 行政, 复议) so a part of a compound is found; quoted phrases match
``words`` only. A fragment cut mid-word (``府建设``) is not found: search whole words. The FTS table
is contentless (a copy would nearly double the library): ``search_docs`` keeps the indexed values,
zlib-compressed, to delete with. Snippets and offsets come from ``reports.clean_text``.

Query: whitespace-separated words (all must occur) and ``"…"``/``“…”``/``「…」`` phrases. Every word
is quoted before FTS5 sees it, so ``AND OR "(`` are words, never FTS5 syntax.
PostgreSQL: the same words in a ``tsvector`` with a GIN index, the same reports found
(:mod:`db.search_postgres`). Other databases: nothing is indexed (``LikeIndex``), LIKE scans ``clean_text``.
Hooks: ``prepare(text)`` (segmenting, ~5-10 ms per 1,000 characters: outside write transactions),
then ``index_report(session, report_id, entry)`` in the transaction that stores the text (import,
reprocess); ``index_missing(sessions)`` catches up on the rest; ``reindex_all(sessions)`` rebuilds.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import logging
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Protocol

from sqlalchemy import Connection, literal, select, text
from sqlalchemy.orm import Session, sessionmaker

from db import models

Target = Session | Connection
Sessions = sessionmaker[Session]
Progress = Callable[[int, int], bool]  # progress(done, total); False stops, what is indexed stays

SCHEME = 1  # bump when what is stored changes: index_missing then re-indexes every report
MAX_TERMS, MAX_SPANS = 16, 200
BEFORE, AFTER, WINDOW = 24, 56, 80  # snippet context; how near the query's words count as together
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PHRASE = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」')
_QUOTES = re.compile(r'["“”「」]')
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class SearchHit:
    """One matching report; ``start``/``end`` index its cleaned text (None: not located)."""

    report_id: int
    agency: str | None
    year: int | None
    title: str | None
    current: bool
    before: str
    match: str
    after: str
    start: int | None
    end: int | None
    spans: tuple[tuple[int, int], ...]
    """Every located occurrence (adjacent words merged, sorted, at most MAX_SPANS): next/previous."""
    score: float = 0.0

    def marked(self) -> str:
        return f"{self.before}【{self.match}】{self.after}" if self.match else self.before + self.after


@dataclass(frozen=True)
class IndexEntry:
    """What the index stores for one text: its words, and the dictionary words inside them."""

    words: str
    subwords: str

    def packed(self) -> bytes:
        return zlib.compress(f"{self.words}\0{self.subwords}".encode(), 6)

    @classmethod
    def unpacked(cls, data: bytes) -> IndexEntry:
        words, _, subwords = zlib.decompress(data).decode().partition("\0")
        return cls(words, subwords)


class _Segmenter:
    """``jieba.dt``'s dictionary, then runs of words that make a domain word joined into one.

    Not metrics' tokenizer, which gains trigger words at run time (a query must be cut exactly as
    the text was), nor a private jieba.Tokenizer (~70 MB more; ``jieba.dt`` is shared with compare)."""

    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.dt.check_initialized()
        lines = files("resources").joinpath("jieba_userdict.txt").read_text(encoding="utf-8").splitlines()
        self.domain = frozenset(w for w in (x.split(" ")[0].strip() for x in lines) if w and w[0] != "#")
        self.heads = frozenset(w[:end] for w in self.domain for end in range(1, len(w)))
        self.jieba = jieba.dt
        digest = hashlib.sha1("\n".join(sorted(self.domain)).encode()).hexdigest()[:10]
        self.version = f"s{SCHEME}/jieba{jieba.__version__}/{jieba.dt.total}/{digest}"

    def cut(self, text: str) -> list[str]:
        tokens, words, i = list(self.jieba.cut(text, HMM=False)), [], 0
        while i < len(tokens):
            j = i + 1
            if tokens[i] in self.heads:  # the longest run of words from here that is a domain word
                ends = range(min(len(tokens), i + 6), i + 1, -1)
                j = next((k for k in ends if "".join(tokens[i:k]) in self.domain), j)
            words.append("".join(tokens[i:j]))
            i = j
        return words

    def known(self, word: str) -> bool:
        return word in self.domain or bool(self.jieba.FREQ.get(word))


@functools.lru_cache(maxsize=1)
def segmenter() -> _Segmenter:
    """Loaded once (a second or two: jieba's dictionary); call early in a worker thread to warm up."""
    return _Segmenter()


def _alnum(word: str) -> bool:
    return any(ch.isalnum() for ch in word)


def prepare(text: str) -> IndexEntry:
    """Segment a cleaned text for the index: the slow part, to run outside write transactions."""
    seg = segmenter()
    words = [w for w in seg.cut(text) if _alnum(w)]
    inner = [
        w[i:j]
        for w in words
        if len(w) > 2 and _HAN.match(w)
        for i in range(len(w) - 1)
        for j in range(i + 2, len(w) + 1 - (i == 0))  # every dictionary word inside, not w itself
        if seg.known(w[i:j])
    ]
    return IndexEntry(" ".join(words), " ".join(inner))


def split_query(query: str) -> list[tuple[str, bool]]:
    """The query's phrases (True) and whitespace-separated words (False), without outer punctuation."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for found in [*_PHRASE.finditer(query), None]:
        bare = query[position : found.start() if found else len(query)]
        chunks = (_EDGES.sub("", chunk) for chunk in _QUOTES.sub(" ", bare).split())
        pieces += [(chunk, False) for chunk in chunks if _alnum(chunk)]
        if found:
            phrase = next(g for g in found.groups() if g is not None).strip()
            pieces += [(phrase, True)] if _alnum(phrase) else []
            position = found.end()
    return pieces


def parse(query: str) -> tuple[list[tuple[str, ...]], list[list[re.Pattern[str]]]]:
    """FTS terms (all must match; several words: a phrase) and, for each piece of the query, patterns
    to locate it: the whole piece, then (a bare piece's words may be apart) its terms one by one."""
    terms: list[tuple[str, ...]] = []
    groups: list[list[re.Pattern[str]]] = []
    for piece, phrase in split_query(query):
        words = segmenter().cut(piece)
        own = [tuple(w for w in words if _alnum(w))]
        run: list[str] = []
        for word in [] if phrase else [*words, "。"]:  # runs without Han (13.3) stay one phrase
            if _HAN.search(word) or word == "。":
                own += ([tuple(run)] if run else []) + ([(word,)] if _alnum(word) else [])
                run = []
            elif _alnum(word):
                run.append(word)
        terms += own[1:] or own
        # The words of a phrase may be apart by marks or spaces in the text: unicode61 skips those.
        groups.append([re.compile(r"[\W_]{0,3}".join(map(re.escape, t)), re.I) for t in dict.fromkeys(own)])
    return list(dict.fromkeys(terms))[:MAX_TERMS], groups


def fts_expression(terms: Iterable[tuple[str, ...]]) -> str:
    """An FTS5 MATCH expression in which every word is a quoted string (no syntax gets through)."""
    quoted = [('"' + " ".join(w.replace('"', '""') for w in words) + '"', len(words) > 1) for words in terms]
    return " AND ".join(f"words : {q}" if phrase else q for q, phrase in quoted)


class SearchIndex(Protocol):
    """What a database's search provides; ``index_for`` picks the one for a connection."""

    def ensure(self, connection: Connection) -> None: ...
    def index_report(self, target: Target, report_id: int, entry: str | IndexEntry) -> None: ...
    def remove_report(self, target: Target, report_id: int) -> None: ...
    def outdated(self, session: Session) -> list[int]: ...
    def clear(self, target: Target) -> None: ...
    def search(self, session: Session, query: str, limit: int, current_only: bool) -> list[SearchHit]: ...


def _connection(target: Target) -> Connection:
    return target.connection() if isinstance(target, Session) else target


def _run(target: Target, sql: str, **params: Any) -> Any:
    return _connection(target).execute(text(sql), params)


_FTS = "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(words, subwords, content='')"
_DOCS = "CREATE TABLE IF NOT EXISTS search_docs (report_id INTEGER PRIMARY KEY, version TEXT, entry BLOB)"
_INSERT = "INSERT INTO search_fts(rowid, words, subwords) VALUES (:id, :w, :s)"
_DELETE = "INSERT INTO search_fts(search_fts, rowid, words, subwords) VALUES ('delete', :id, :w, :s)"
_VERSIONS = "CREATE INDEX IF NOT EXISTS search_docs_version ON search_docs(version)"
# Only b-tree counts, ends and indexes here: a report row is pages of text to skip over. Same count
# and last id is "nothing to do" (an id reused after a delete without remove_report goes unseen).
_SAME_SETS = (
    "SELECT (SELECT count(*) FROM reports) = (SELECT count(*) FROM search_docs) AND (SELECT max(id) FROM"
    " reports) IS (SELECT max(report_id) FROM search_docs) AND NOT EXISTS (SELECT 1 FROM search_docs"
    " WHERE version < :v OR version > :v)"
)
_OUTDATED = (
    "SELECT * FROM (SELECT id FROM reports EXCEPT SELECT report_id FROM search_docs WHERE version = :v)"
    " UNION SELECT * FROM (SELECT report_id FROM search_docs EXCEPT SELECT id FROM reports)"
)
_SEARCH = (  # rank in FTS5 alone, then join the top rows (joining all matches first is slower)
    "SELECT r.id, r.agency, r.year, r.title, r.superseded_by_id IS NULL, f.score FROM"
    " (SELECT rowid AS id, bm25(search_fts, 1.0, 0.4) AS score FROM search_fts WHERE search_fts MATCH :q"
    " ORDER BY score {limit}) AS f JOIN reports AS r ON r.id = f.id {where} ORDER BY f.score LIMIT :n"
)


class Fts5Index:
    """SQLite: ``search_fts`` (contentless FTS5, rowid = report id) and ``search_docs`` (its values)."""

    def ensure(self, connection: Connection) -> None:
        for statement in (_FTS, _DOCS, _VERSIONS):
            _run(connection, statement)

    def index_report(self, target: Target, report_id: int, entry: str | IndexEntry) -> None:
        entry = prepare(entry) if isinstance(entry, str) else entry
        self.ensure(_connection(target))
        self.remove_report(target, report_id)
        _run(target, _INSERT, id=report_id, w=entry.words, s=entry.subwords)
        version, packed = segmenter().version, entry.packed()
        _run(target, "INSERT INTO search_docs VALUES (:id, :v, :e)", id=report_id, v=version, e=packed)

    def remove_report(self, target: Target, report_id: int) -> None:
        if not self._exists(target):
            return
        old = _run(target, "SELECT entry FROM search_docs WHERE report_id = :id", id=report_id).scalar()
        if old is not None:  # a contentless table deletes a row when told the exact values it indexed
            entry = IndexEntry.unpacked(old)
            _run(target, _DELETE, id=report_id, w=entry.words, s=entry.subwords)
            _run(target, "DELETE FROM search_docs WHERE report_id = :id", id=report_id)

    def outdated(self, session: Session) -> list[int]:
        """Reports not indexed or indexed by another segmenter, and entries of deleted reports."""
        if not self._exists(session):
            return list(session.scalars(select(models.Report.id).order_by(models.Report.id)))
        if _run(session, _SAME_SETS, v=segmenter().version).scalar():  # the usual case: < 1 ms
            return []
        return list(_run(session, _OUTDATED, v=segmenter().version).scalars())

    def clear(self, target: Target) -> None:
        self.ensure(_connection(target))
        _run(target, "INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
        _run(target, "DELETE FROM search_docs")

    def search(self, session: Session, query: str, limit: int, current_only: bool) -> list[SearchHit]:
        terms, groups = parse(query)
        if not terms or not self._exists(session):
            return []
        current = "WHERE r.superseded_by_id IS NULL"
        sql = _SEARCH.format(limit="" if current_only else "LIMIT :n", where=current if current_only else "")
        rows = _run(session, sql, q=fts_expression(terms), n=max(1, limit)).all()
        return _hits(session, rows, groups)

    @staticmethod
    def _exists(target: Target) -> bool:
        return _run(target, "SELECT 1 FROM sqlite_master WHERE name = 'search_docs'").scalar() is not None


class LikeIndex:
    """Any other database: nothing to index (these methods do nothing); search scans with LIKE."""

    def ensure(self, connection: Connection) -> None: ...
    def index_report(self, target: Target, report_id: int, entry: str | IndexEntry) -> None: ...
    def remove_report(self, target: Target, report_id: int) -> None: ...
    def clear(self, target: Target) -> None: ...
    def outdated(self, session: Session) -> list[int]:
        return []

    def search(self, session: Session, query: str, limit: int, current_only: bool) -> list[SearchHit]:
        pieces = [piece for piece, _ in split_query(query)][:MAX_TERMS]
        if not pieces:
            return []
        r = models.Report
        statement = select(r.id, r.agency, r.year, r.title, r.superseded_by_id.is_(None), literal(0.0))
        for piece in pieces:
            statement = statement.where(r.clean_text.icontains(piece, autoescape=True))
        if current_only:
            statement = statement.where(r.superseded_by_id.is_(None))
        rows = session.execute(statement.order_by(r.year.desc(), r.id.desc()).limit(max(1, limit))).all()
        return _hits(session, rows, [[re.compile(re.escape(p), re.IGNORECASE)] for p in pieces])


def index_for(target: Target) -> SearchIndex:
    dialect = _connection(target).dialect.name
    if dialect == "postgresql":
        from db.search_postgres import PostgresIndex

        return PostgresIndex()
    return Fts5Index() if dialect == "sqlite" else LikeIndex()


def _hits(session: Session, rows: Sequence[Any], patterns: list[list[re.Pattern[str]]]) -> list[SearchHit]:
    ids = [row[0] for row in rows]
    query = select(models.Report.id, models.Report.clean_text).where(models.Report.id.in_(ids))
    texts = {report_id: body for report_id, body in session.execute(query)}
    return [_hit(tuple(row), texts.get(row[0]) or "", patterns) for row in rows]


def _find(body: str, group: list[re.Pattern[str]]) -> list[re.Match[str]]:
    return list(group[0].finditer(body)) or [m for pattern in group[1:] for m in pattern.finditer(body)]


def _hit(row: tuple[Any, ...], body: str, patterns: list[list[re.Pattern[str]]]) -> SearchHit:
    head, score = (row[0], row[1], row[2], row[3], bool(row[4])), float(row[5])
    # Occurrences of each query piece k (whole, else its words), adjacent ones merged.
    found: list[tuple[int, int, frozenset[int]]] = []
    for s, e, k in sorted((m.start(), m.end(), k) for k, g in enumerate(patterns) for m in _find(body, g)):
        if found and s <= found[-1][1]:
            found[-1] = (found[-1][0], max(e, found[-1][1]), found[-1][2] | {k})
        elif len(found) < MAX_SPANS:
            found.append((s, e, frozenset({k})))
    if not found:  # the index is older than the text: the report matched, show its beginning
        return SearchHit(*head, "", "", body[:AFTER], None, None, (), score)
    starts, best, most = [f[0] for f in found], 0, 0
    for i in range(len(found)):  # the first place with the most of the query's pieces within WINDOW
        near = found[i : bisect.bisect_right(starts, starts[i] + WINDOW)]
        if (count := len(frozenset().union(*(f[2] for f in near)))) > most:
            best, most = i, count
        if most == len(patterns):
            break
    start, end, _ = found[best]
    line_start, line_end = body.rfind("\n", 0, start) + 1, body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    left, right = max(line_start, start - BEFORE), min(line_end, end + AFTER)
    before = ("…" if left > line_start else "") + body[left:start]
    after = body[end:right] + ("…" if right < line_end else "")
    return SearchHit(*head, before, body[start:end], after, start, end, tuple(f[:2] for f in found), score)


def index_report(target: Target, report_id: int, entry: str | IndexEntry) -> None:
    """(Re)index one report's cleaned text, or its ``prepare``d entry, in the caller's transaction."""
    index_for(target).index_report(target, report_id, entry)


def remove_report(target: Target, report_id: int) -> None:
    index_for(target).remove_report(target, report_id)


def search(session: Session, query: str, limit: int = 50, *, current_only: bool = False) -> list[SearchHit]:
    """Reports matching ``query``, best first (SQLite: bm25; elsewhere newest first)."""
    return index_for(session).search(session, query, limit, current_only)


def index_missing(sessions: Sessions, progress: Progress | None = None) -> int:
    """Index what is not (or not currently) indexed and drop deleted reports; returns how many."""
    with sessions() as session:
        index = index_for(session)
        ids = index.outdated(session)
    return _index_ids(sessions, index, ids, progress)


def reindex_all(sessions: Sessions, progress: Progress | None = None) -> int:
    """Rebuild the whole index (searches meanwhile see what is rebuilt so far); returns how many."""
    with sessions.begin() as session:
        index = index_for(session)
        index.clear(session)
        ids = list(session.scalars(select(models.Report.id).order_by(models.Report.id)))
    return _index_ids(sessions, index, ids, progress)


def _index_ids(sessions: Sessions, index: SearchIndex, ids: list[int], progress: Progress | None) -> int:
    done = 0
    for first in range(0, len(ids), 64):
        if progress is not None and not progress(done, len(ids)):
            break
        chunk = ids[first : first + 64]
        with sessions() as session:  # segment with no transaction open, so writers are not held up
            query = select(models.Report.id, models.Report.clean_text).where(models.Report.id.in_(chunk))
            entries = {report_id: prepare(body or "") for report_id, body in session.execute(query)}
        with sessions.begin() as session:
            for report_id in chunk:
                if report_id in entries:
                    index.index_report(session, report_id, entries[report_id])
                else:  # an entry of a deleted report
                    index.remove_report(session, report_id)
        done += len(chunk)
    if isinstance(index, Fts5Index) and done > 100:
        with sessions.begin() as session:
            _run(session, "INSERT INTO search_fts(search_fts) VALUES ('optimize')")  # faster queries
    return done
