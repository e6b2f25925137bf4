"""Importing into a real library: samples, duplicates, versions, corrections, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from db.session import Library, open_library
from desktop.core.corrections import correct
from desktop.core.importing import import_file
from desktop.core.library import get_report, list_reports, original_file, report_detail
from desktop.core.reprocess import reprocess_report
from desktop.core.samples import first_start_samples, sample_files
from tests.conftest import CORPUS, SAMPLES, sqlite_only
from tests.helpers import library_fingerprint, sample

EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [p.name for p in sample_files()])
def test_every_sample_file_imports_with_expected_metadata(library: Library, name: str) -> None:
    outcome = import_file(library.sessions, sample(name))
    assert outcome.ok, outcome.error
    expected = EXPECTED[name.split(".")[0]]
    with library.sessions() as session:
        detail = report_detail(session, outcome.report_id or 0)
    assert detail is not None
    assert detail["agency"] == expected["agency"]
    assert detail["region"] == expected["region"]
    assert detail["year"] == expected["year"]
    assert detail["date"] == expected["date"]
    assert detail["missing_sections"] == expected["missing_sections"]
    headings = [(s["kind"], s["number"] + s["title"]) for s in detail["sections"] if s["level"] == 1]
    assert headings == [(s["kind"], s["heading"]) for s in expected["sections"]]
    for section in detail["sections"]:
        assert detail["text"][section["start"] : section["heading_end"]].startswith(section["number"])


def test_first_start_samples_are_two_years_of_one_agency(library: Library) -> None:
    for path in first_start_samples():
        assert import_file(library.sessions, path).ok
    with library.sessions() as session:
        reports = list_reports(session)
    assert sorted((r.agency, r.year) for r in reports) == [
        ("示例市应急管理局", 2023),
        ("示例市应急管理局", 2024),
    ]
    assert all(r.current for r in reports)


def test_same_bytes_again_is_reported_as_already_there(library: Library) -> None:
    first = import_file(library.sessions, sample("shili_2024.docx"))
    before = library_fingerprint(library)
    second = import_file(library.sessions, sample("shili_2024.docx"))
    assert second.ok and second.duplicate and second.report_id == first.report_id
    assert "已在资料库中" in second.warnings[0]
    assert library_fingerprint(library) == before


def test_another_file_for_same_agency_and_year_supersedes_but_keeps_the_old(library: Library) -> None:
    # The same text in a richer format (Word after PDF) becomes current; see test_versions_formats.py
    # for the other order.
    old = import_file(library.sessions, sample("shili_2024.pdf"))
    new = import_file(library.sessions, sample("shili_2024.docx"))
    assert new.superseded == [old.report_id]
    with library.sessions() as session:
        reports = {r.id: r for r in list_reports(session)}
        assert reports[old.report_id or 0].superseded_by == new.report_id
        assert reports[new.report_id or 0].current
        name, data = original_file(session, old.report_id or 0) or ("", b"")
    assert name == "shili_2024.pdf" and data == sample("shili_2024.pdf").read_bytes()


def test_corrections_are_flagged_and_survive_reprocessing_and_reimport(library: Library) -> None:
    outcome = import_file(library.sessions, sample("shili_2024.docx"))
    report_id = outcome.report_id or 0
    with library.sessions.begin() as session:
        report = get_report(session, report_id)
        assert report is not None
        correct(session, report, "agency", "示例市应急管理局（更正）", "张审阅")
        correct(session, report, "report_date", "2025-01-21", "张审阅")
    reprocess_report(library.sessions, report_id)
    with library.sessions() as session:
        detail = report_detail(session, report_id)
    assert detail is not None
    assert detail["agency"] == "示例市应急管理局（更正）"
    assert detail["date"] == "2025-01-21"
    assert detail["corrected_fields"] == ["agency", "report_date"]
    # Deleting the report and importing the same file again re-applies the corrections.
    with library.sessions.begin() as session:
        session.execute(text("DELETE FROM reports WHERE id = :id"), {"id": report_id})
    again = import_file(library.sessions, sample("shili_2024.docx"))
    assert again.ok and not again.duplicate
    assert again.agency == "示例市应急管理局（更正）"


def test_cleaned_text_maps_back_to_the_original_text(library: Library) -> None:
    from db import models
    from desktop.core.text.offsets import OffsetMap

    outcome = import_file(library.sessions, sample("shili_2024.txt"))
    with library.sessions() as session:
        report = get_report(session, outcome.report_id or 0, with_text=True)
        assert report is not None
        offsets = OffsetMap.from_bytes(session.get(models.Report, report.id).offset_map)  # type: ignore[union-attr]
        clean, original = report.clean_text, report.original_text
    assert offsets.clean_length == len(clean)
    target = "存在的不足和原因"
    start = clean.index(target)
    o_start, o_end = offsets.to_original(start, start + len(target))
    assert original[o_start:o_end].replace("\n", "").replace(" ", "").replace("\u3000", "") == target


BAD_FILES = sorted((CORPUS / "bad").glob("*")) if (CORPUS / "bad").is_dir() else []


@pytest.mark.corpus
@pytest.mark.skipif(not BAD_FILES, reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("path", BAD_FILES, ids=[p.name for p in BAD_FILES])
def test_bad_files_are_refused_in_chinese_and_leave_the_library_unchanged(
    library: Library, path: Path
) -> None:
    import_file(library.sessions, sample("shili_2024.docx"))
    before = library_fingerprint(library)
    outcome = import_file(library.sessions, path)
    if path.name == "not_a_report.docx":
        assert outcome.ok
        assert "不是法治政府建设年度报告" in outcome.warnings[0]
        return
    assert not outcome.ok
    assert outcome.error and any("\u4e00" <= ch <= "\u9fff" for ch in outcome.error)
    assert outcome.error_code not in (None, "internal")
    assert library_fingerprint(library) == before


def test_missing_and_unreadable_files_get_a_message(library: Library, tmp_path: Path) -> None:
    outcome = import_file(library.sessions, tmp_path / "nowhere.docx")
    assert not outcome.ok and outcome.error_code == "not_found" and "找不到文件" in (outcome.error or "")
    odd = tmp_path / "report.xyz"
    odd.write_bytes(b"\x00\x01\x02" * 100)
    outcome = import_file(library.sessions, odd)
    assert not outcome.ok and outcome.error_code == "unsupported_type" and ".xyz" in (outcome.error or "")
    bare = tmp_path / "report"  # no extension: read by its content
    bare.write_bytes(b"\x00\x01\x02" * 100)
    outcome = import_file(library.sessions, bare)
    assert not outcome.ok and outcome.error_code == "binary"


def test_library_that_is_not_a_database_is_refused_with_a_message(tmp_path: Path) -> None:
    from db.session import LibraryError

    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(LibraryError, match="资料库"):
        open_library(broken)


@sqlite_only
def test_library_is_in_wal_mode(library: Library) -> None:
    with library.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_text_longer_than_its_column_is_clipped_on_every_backend(library) -> None:  # type: ignore[no-untyped-def]
    """A broken page can make a huge title: a server refuses what a file keeps, so both clip."""
    from datetime import datetime

    from db import models

    with library.sessions.begin() as session:
        report = models.Report(
            source_name="x" * 900,
            source_format="html",
            sha256="f" * 64,
            size=1,
            title="标题" * 400,
            agency="某" * 300,
            imported_at=datetime.now(),
            original_text="",
            clean_text="",
            offset_map=b"",
        )
        session.add(report)
    with library.sessions() as session:
        stored = session.get(models.Report, report.id)
        assert stored is not None and stored.title is not None and stored.agency is not None
        assert len(stored.title) == 500 and stored.title.endswith("…") and stored.title.startswith("标题")
        assert len(stored.agency) == 200 and len(stored.source_name) == 500


def test_reports_of_an_older_analysis_are_found_and_brought_up_to_date(library) -> None:  # type: ignore[no-untyped-def]
    from db import models
    from desktop.core.analysis import PIPELINE_VERSION
    from desktop.core.importing import import_file
    from desktop.core.reprocess import reprocess_report, stale_report_ids
    from tests.helpers import sample

    ids = [import_file(library.sessions, sample(n)).report_id for n in ("shili_2023.docx", "shili_2024.docx")]
    with library.sessions.begin() as session:
        assert stale_report_ids(session) == []
        old = session.get(models.Report, ids[0])
        assert old is not None
        old.pipeline_version, old.agency_key = PIPELINE_VERSION - 1, None  # as an older version left it
    with library.sessions() as session:
        assert stale_report_ids(session) == [ids[0]]
    reprocess_report(library.sessions, ids[0])
    with library.sessions() as session:
        assert stale_report_ids(session) == []
        again = session.get(models.Report, ids[0])
        assert again is not None and again.agency_key  # the identity is back, so pairing works again
