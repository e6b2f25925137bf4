"""Crash safety: processes write annotations and review states through the command line and are
killed with SIGKILL at random moments; every write they acknowledged is in the library afterwards,
and SQLite's integrity check passes."""

from __future__ import annotations

import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers import sample

KILLS = 32

# Runs the command line in a loop (one process, many commands, as a script of a reviewer would);
# prints "ACK kind value" after each command returned 0, i.e. after its commit.
WRITER = r"""
import io, sys
from desktop.cli import run

library, tag = sys.argv[1], sys.argv[2]
print("READY", flush=True)
for i in range(100000):
    value = f"{tag}-{i}"
    if i % 2:
        args = ["review", "1", "--conclusion", value, "--status", "in_review"]
        kind = "review"
    else:
        args = ["annotate", "1", "--quote", "示例市", "--category", "其他", "--comment", value]
        kind = "annotation"
    print("TRY", kind, value, flush=True)
    real, sys.stdout = sys.stdout, io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # the command's own output
    try:
        code = run([*args, "--library", library])
    finally:
        sys.stdout = real
    if code == 0:
        print("ACK", kind, value, flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_acknowledged_writes_survive_sigkill(tmp_path: Path) -> None:
    from db.session import open_library
    from desktop.core.importing import import_file

    library_path = tmp_path / "lib.sqlite"
    library = open_library(library_path)
    assert import_file(library.sessions, sample("shili_2024.docx")).ok
    library.close()

    rng = random.Random(13)
    acked_annotations: set[str] = set()
    reviews = Reviews()
    kills = 0
    while kills < KILLS:
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(library_path), f"p{kills}"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert process.stdout is not None
        # Kill somewhere in the middle of the writing: after a random number of writes plus a
        # random fraction of the next one.
        writes_before_kill = rng.randint(1, 3)
        deadline = time.monotonic() + 60
        acked_here = 0
        kill_at: float | None = None
        while process.poll() is None and time.monotonic() < deadline:
            if kill_at is not None and time.monotonic() >= kill_at:
                break
            ready, _, _ = select.select([process.stdout], [], [], 0.01)
            if not ready:
                continue
            acked_here += _note(process.stdout.readline(), acked_annotations, reviews)
            if acked_here >= writes_before_kill and kill_at is None:
                kill_at = time.monotonic() + rng.uniform(0.0, 0.08)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert process.returncode == -signal.SIGKILL
        for line in process.stdout:  # what it printed before it died (each ACK after its commit)
            _note(line, acked_annotations, reviews)
        kills += 1
        # Whatever the next writer finds must be what was acknowledged.
        _check(library_path, acked_annotations, reviews)

    assert kills >= 30 and len(acked_annotations) >= KILLS


class Reviews:
    """What the stored conclusion may be: the last acknowledged one, or one written after it by a
    process that died before saying so (such a write may or may not have landed)."""

    def __init__(self) -> None:
        self.acked: str | None = None
        self.maybe: set[str] = set()

    def allowed(self) -> set[str | None]:
        return {self.acked, *self.maybe}


def _note(raw: str, annotations: set[str], reviews: Reviews) -> int:
    """Record one line of the writer's output; 1 for an acknowledgement."""
    line = raw.split()
    if len(line) != 3 or not raw.endswith("\n"):  # a line cut short by the kill
        return 0
    if line[:2] == ["TRY", "review"]:
        reviews.maybe.add(line[2])
    elif line[:1] == ["ACK"]:
        if line[1] == "annotation":
            annotations.add(line[2])
        else:
            reviews.acked = line[2]
            reviews.maybe.clear()
        return 1
    return 0


def _check(path: Path, annotations: set[str], reviews: Reviews) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in connection.execute("SELECT comment FROM annotations")}
        assert annotations <= stored, f"lost acknowledged annotations: {sorted(annotations - stored)[:5]}"
        row = connection.execute("SELECT conclusion FROM review_states WHERE report_id = 1").fetchone()
        if reviews.acked is not None:
            # The last acknowledged conclusion, or one written after it and never acknowledged.
            assert row is not None and row[0] in reviews.allowed(), (row, reviews.acked, reviews.maybe)
    finally:
        connection.close()
