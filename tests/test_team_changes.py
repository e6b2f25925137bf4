"""Changes committed elsewhere (another reviewer, the command line) are noticed without a restart."""

from __future__ import annotations

import threading

from db.changes import ChangeWatcher
from db.session import Library, open_library
from desktop.core.annotations.review import set_review_state
from desktop.core.importing import import_file
from tests.helpers import sample


def test_a_change_by_another_process_is_noticed(library: Library) -> None:
    outcome = import_file(library.sessions, sample("shili_2024.docx"))
    assert outcome.ok and outcome.report_id
    seen: list[frozenset[str]] = []
    noticed = threading.Event()

    def on_change(tables: frozenset[str]) -> None:
        seen.append(tables)
        noticed.set()

    watcher = ChangeWatcher(library.engine, on_change, interval=0.2)
    watcher.start()
    try:
        assert not noticed.wait(0.8)  # nothing happens: nothing is reported
        other = open_library(library.url)  # another reviewer's app, or the command line
        try:
            with other.sessions.begin() as session:
                set_review_state(session, outcome.report_id, status="审阅中", reviewer="乙审阅")
        finally:
            other.close()
        assert noticed.wait(10)
        if library.engine.dialect.name == "postgresql":
            assert "review_states" in set().union(*seen)
    finally:
        watcher.stop()
    assert not watcher.running
