"""Small helpers shared by tests (real files, real SQLite; nothing of ours is mocked)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from db import models
from db.session import Library
from tests.conftest import SAMPLES


def sample(name: str) -> Path:
    path = SAMPLES / name
    assert path.is_file(), f"sample missing: {path} (run resources/samples/build_samples.py)"
    return path


def library_fingerprint(library: Library) -> tuple[int, int, int, list[tuple[int, int | None]]]:
    """Counts and version links: equal fingerprints mean the library did not change."""
    with library.sessions() as session:
        reports = session.scalar(select(func.count(models.Report.id))) or 0
        files = session.scalar(select(func.count(models.ReportFile.report_id))) or 0
        sections = session.scalar(select(func.count(models.Section.id))) or 0
        links = list(
            session.execute(
                select(models.Report.id, models.Report.superseded_by_id).order_by(models.Report.id)
            )
        )
    return reports, files, sections, [(row[0], row[1]) for row in links]
