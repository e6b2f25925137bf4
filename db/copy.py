"""Copying a whole library into an empty one: a reviewer's SQLite file into a team library on a
server, or a team library back into a file (``reviewdesk copy-library SRC DEST``).

Rows keep their ids (annotations keep their UUIDs), so review packages and links between rows stay
valid. Everything is written in one transaction of the destination: a copy that fails half-way
leaves it as empty as it was. Afterwards every table is counted on both sides; a difference is an
error. The search index is derived data: it is rebuilt on the destination, not copied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, Table, func, select, text, update

from db import models
from db.session import Library, LibraryError, open_library

TABLES = tuple(table.name for table in models.Base.metadata.sorted_tables)
"""Every table of the schema, in an order that respects the foreign keys (a report's newer version is
linked afterwards); taken from the models, so a new table can never be left behind."""
CHUNK = 200
Progress = Callable[[str, int, int], None]  # progress(table, copied, total)


@dataclass
class CopyResult:
    counts: dict[str, int] = field(default_factory=dict)
    indexed: int = 0


def copy_library(source: str, destination: str, progress: Progress | None = None) -> CopyResult:
    """Copy every row of ``source`` into ``destination`` (created if needed, must hold no reports or
    annotations); raises :class:`LibraryError` with a Chinese message when it cannot."""
    from db.paths import library_url

    if library_url(source) == library_url(destination):
        raise LibraryError("源资料库和目标资料库是同一个，无需复制。")
    src = open_library(source)
    try:
        dst = open_library(destination)
        try:
            return _copy(src, dst, progress)
        finally:
            dst.close()
    finally:
        src.close()


def _copy(src: Library, dst: Library, progress: Progress | None) -> CopyResult:
    from db.search import index_missing

    tables = [models.Base.metadata.tables[name] for name in TABLES]
    result = CopyResult()
    with src.engine.connect() as reader, dst.engine.begin() as writer:
        for table in (tables[0], models.Base.metadata.tables["annotations"]):
            if writer.scalar(select(func.count()).select_from(table)):
                raise LibraryError(
                    "目标资料库中已有报告或批注。复制只能写入空的资料库，以免两份资料混在一起；请另选或新建一个资料库。"
                )
        for table in tables:
            result.counts[table.name] = _copy_table(reader, writer, table, progress)
        _link_versions(reader, writer)
        if writer.dialect.name == "postgresql":
            _advance_sequences(writer, tables)
        for table in tables:  # counted inside the transaction: a difference commits nothing
            copied = writer.scalar(select(func.count()).select_from(table))
            if copied != result.counts[table.name]:
                raise LibraryError(
                    f"复制后核对数量不一致：{table.name} 源 {result.counts[table.name]} 行，目标 {copied} 行。"
                    "目标资料库未做任何改动。"
                )
    if src.engine.dialect.name == "sqlite" and dst.engine.dialect.name == "postgresql":
        result.indexed = _carry_index(src, dst, progress)
    else:
        result.indexed = 0

    def indexing(done: int, total: int) -> bool:
        if progress is not None:
            progress("search_index", done, total)
        return True

    result.indexed += index_missing(dst.sessions, indexing)  # the rest is segmented afresh
    return result


def _carry_index(src: Library, dst: Library, progress: Progress | None) -> int:
    """A file's search entries hold the jieba words already: the server's index is made from them
    without segmenting every text again (about 0.1 s a report)."""
    from db.search import Fts5Index, IndexEntry, segmenter
    from db.search_postgres import PostgresIndex

    with src.engine.connect() as reader:
        if not Fts5Index._exists(reader):
            return 0
        rows = reader.execute(
            text("SELECT report_id, entry FROM search_docs WHERE version = :v ORDER BY report_id"),
            {"v": segmenter().version},
        ).all()
    index, carried = PostgresIndex(), 0
    with dst.engine.begin() as writer:
        for report_id, packed in rows:
            index.index_report(writer, report_id, IndexEntry.unpacked(packed))
            carried += 1
            if progress is not None and (carried % 500 == 0 or carried == len(rows)):
                progress("search_index", carried, len(rows))
    return carried


def _copy_table(reader: Connection, writer: Connection, table: Table, progress: Progress | None) -> int:
    total = reader.scalar(select(func.count()).select_from(table)) or 0
    order = list(table.primary_key.columns)
    copied = 0
    rows = reader.execution_options(yield_per=CHUNK).execute(select(table).order_by(*order))
    for chunk in rows.mappings().partitions(CHUNK):
        values = [dict(row) for row in chunk]
        if table.name == "reports":  # linked once every version is there
            values = [{**row, "superseded_by_id": None} for row in values]
        writer.execute(table.insert(), values)
        copied += len(values)
        if progress is not None:
            progress(table.name, copied, total)
    return copied


def _link_versions(reader: Connection, writer: Connection) -> None:
    reports = models.Base.metadata.tables["reports"]
    links = reader.execute(
        select(reports.c.id, reports.c.superseded_by_id).where(reports.c.superseded_by_id.is_not(None))
    ).all()
    for report_id, newer in links:
        writer.execute(update(reports).where(reports.c.id == report_id).values(superseded_by_id=newer))


def _advance_sequences(writer: Connection, tables: list[Table]) -> None:
    """Rows came with their ids: the server's id counters must continue after the largest."""
    for table in tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not key[0].autoincrement or str(key[0].type) != "INTEGER":
            continue
        sequence = writer.scalar(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": key[0].name}
        )
        if sequence:
            writer.execute(
                text(
                    f"SELECT setval(:s, coalesce((SELECT max({key[0].name}) FROM {table.name}), 0) + 1, false)"
                ),
                {"s": sequence},
            )
