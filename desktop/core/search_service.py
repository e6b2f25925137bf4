"""Full-text search for the GUI and the command line (Qt-free); the index itself is db/search.py."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from db.search import SearchHit, index_missing, search, segmenter

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # ０-９ Ａ-Ｚ ａ-ｚ and marks


def search_library(
    sessions: sessionmaker[Session], query: str, limit: int = 50, *, current_only: bool = False
) -> list[SearchHit]:
    """Reports matching ``query``, best first, after indexing any report not indexed yet.

    The catch-up costs a millisecond when nothing is missing (a library imported before search
    existed is indexed on its first search: about 0.1 s a report). The first call in a process
    also loads jieba's dictionary (a second or two): ``warm_up`` early in a worker thread.
    """
    index_missing(sessions)
    with sessions() as session:
        return search(session, normalize_query(query), limit, current_only=current_only)


def normalize_query(query: str) -> str:
    """The query as cleaning leaves a report's text: ASCII digits and letters, simplified characters."""
    from desktop.core.text.traditional import to_simplified

    return to_simplified(query.translate(_FULL_WIDTH))


def warm_up() -> None:
    segmenter()


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """A hit for ``--json``: every field, the spans as lists, and the snippet marked with 【】."""
    return {**asdict(hit), "spans": [list(span) for span in hit.spans], "snippet": hit.marked()}
