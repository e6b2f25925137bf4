"""The reviewer's baseline: the agency's other reports are offered, and a choice is stored as the
command line stores it (a decision by file), on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.session import Library
from desktop.core.baseline import AUTO, baselines, set_baseline
from desktop.core.importing import import_files
from desktop.core.report_admin import ReportNotFound
from tests.version_files import report_text, write


def test_the_agency_s_reports_are_offered_and_a_choice_is_stored(library: Library, tmp_path: Path) -> None:
    agency, other = "青石县司法局", "某某镇人民政府"
    outcomes = import_files(
        library.sessions,
        [
            write(tmp_path, "a22.txt", report_text(agency, 2022)),
            write(tmp_path, "a23.txt", report_text(agency, 2023)),
            write(tmp_path, "a24.txt", report_text(agency, 2024)),
            write(tmp_path, "o23.txt", report_text(other, 2023)),
        ],
    )
    y22, y23, y24, stranger = (o.report_id or 0 for o in outcomes)
    with library.sessions() as session:
        found = baselines(session, y24)
    assert found is not None and (found.prior_id, found.reason, found.choice) == (y23, "same_issuer", AUTO)
    offered = [row.id for row in found.candidates]
    assert offered[:2] == [y23, y22] and stranger not in offered
    chosen = set_baseline(library.sessions, y24, y22, "王审阅")
    assert (chosen.prior_id, chosen.reason, chosen.choice) == (y22, "chosen", y22)
    nothing = set_baseline(library.sessions, y24, None, "王审阅")
    assert (nothing.prior_id, nothing.choice) == (None, None)
    back = set_baseline(library.sessions, y24, AUTO, None)
    assert (back.prior_id, back.choice) == (y23, AUTO)
    with pytest.raises(ReportNotFound):
        set_baseline(library.sessions, y24, y24, None)
    with library.sessions() as session:
        assert baselines(session, 9999) is None
