"""Noticing changes that other reviewers (or another process, such as the command line) committed, so
the window can show them without a restart. Qt-free: ``ChangeWatcher`` runs in a thread of its own
and calls ``on_change`` there; the UI moves it to the GUI thread (desktop/ui/change_poller.py).

- PostgreSQL: ``LISTEN reviewdesk_changes``; triggers (migration 0010) announce each committed change
  with the schema and table. Nothing is polled; a lost connection is re-established.
- SQLite: ``PRAGMA data_version`` on a connection of its own, every ``interval`` seconds: it changes
  when any other connection commits (this app's own saves included, which costs one extra refresh).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable

from sqlalchemy import Engine

log = logging.getLogger("reviewdesk.changes")

OnChange = Callable[[frozenset[str]], None]
"""Told which tables changed (empty: unknown, e.g. on SQLite: anything may have)."""


class ChangeWatcher:
    def __init__(self, engine: Engine, on_change: OnChange, interval: float = 2.0) -> None:
        self.engine = engine
        self.on_change = on_change
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="reviewdesk-changes", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(wait)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        watch = self._listen if self.engine.dialect.name == "postgresql" else self._poll_file
        while not self._stop.is_set():
            try:
                watch()
            except Exception as error:  # a server restart, a network hiccup: try again shortly
                log.info("change watcher: %s", error)
                self._stop.wait(self.interval * 2)

    def _poll_file(self) -> None:
        path = self.engine.url.database
        if not path:
            self._stop.wait(self.interval)
            return
        connection = sqlite3.connect(path, check_same_thread=False)
        try:
            seen = connection.execute("PRAGMA data_version").fetchone()[0]
            while not self._stop.wait(self.interval):
                now = connection.execute("PRAGMA data_version").fetchone()[0]
                if now != seen:
                    seen = now
                    self.on_change(frozenset())
        finally:
            connection.close()

    def _listen(self) -> None:
        from db.postgres import CHANNEL

        raw = self.engine.raw_connection()  # the engine's settings and the password the app holds
        try:
            connection = raw.driver_connection
            assert connection is not None
            connection.rollback()
            connection.autocommit = True
            schema = connection.execute("SELECT current_schema()").fetchone()[0]
            connection.execute(f"LISTEN {CHANNEL}")
            while not self._stop.is_set():
                tables = set()
                for notice in connection.notifies(timeout=min(self.interval, 1.0), stop_after=200):
                    where, _, table = notice.payload.partition(".")
                    if where == schema:
                        tables.add(table)
                if tables:
                    self.on_change(frozenset(tables))
        finally:
            raw.invalidate()  # a listening connection never goes back to the pool
