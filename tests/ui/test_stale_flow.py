"""After an upgrade, older analyses are brought up to date in the background, and can be stopped."""

from __future__ import annotations

from sqlalchemy import select, update

from db import models
from db.session import Library
from desktop.core.analysis import PIPELINE_VERSION
from desktop.core.importing import import_file
from desktop.ui.stale_flow import StaleReanalysis
from desktop.ui.tasks import TaskRunner
from tests.helpers import sample


def _age(library: Library, ids: list[int]) -> None:
    with library.sessions.begin() as session:
        session.execute(
            update(models.Report)
            .where(models.Report.id.in_(ids))
            .values(pipeline_version=PIPELINE_VERSION - 1)
        )


def _versions(library: Library) -> list[int]:
    with library.sessions() as session:
        return list(session.scalars(select(models.Report.pipeline_version).order_by(models.Report.id)))


def test_older_analyses_are_analysed_again_with_progress(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMainWindow

    ids = [
        import_file(library.sessions, sample(n)).report_id or 0 for n in ("shili_2023.docx", "shili_2024.txt")
    ]
    _age(library, ids[:1])
    window = QMainWindow()
    qtbot.addWidget(window)
    flow = StaleReanalysis(TaskRunner(), window.statusBar(), window)
    seen: list[int] = []
    flow.progress.valueChanged.connect(seen.append)
    errors: list[BaseException] = []
    with qtbot.waitSignal(flow.finished, timeout=60000) as blocker:
        flow.start(library, lambda error, _trace: errors.append(error))
    assert blocker.args == [1, 0] and not errors
    assert _versions(library) == [PIPELINE_VERSION, PIPELINE_VERSION]
    assert "1" in window.statusBar().currentMessage()
    assert flow.progress.isHidden()
    # Up to date: a second start finds nothing and says nothing.
    window.statusBar().clearMessage()
    with qtbot.waitSignal(flow.finished, timeout=60000) as blocker:
        flow.start(library, lambda error, _trace: errors.append(error))
    assert blocker.args == [0, 0] and window.statusBar().currentMessage() == ""


def test_stopping_leaves_the_rest_for_next_time(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMainWindow

    names = ("shili_2023.docx", "shili_2024.txt", "shili_2024.pdf")
    ids = [import_file(library.sessions, sample(n)).report_id or 0 for n in names]
    _age(library, ids)
    window = QMainWindow()
    qtbot.addWidget(window)
    flow = StaleReanalysis(TaskRunner(), window.statusBar(), window)
    # Stopped as soon as the first report's progress reaches the window (each report takes far longer
    # to analyse than the signal takes to arrive); the worker stops before its next report.
    flow.progress.valueChanged.connect(lambda _value: flow.cancel())
    with qtbot.waitSignal(flow.finished, timeout=60000) as blocker:
        flow.start(library, lambda _error, _trace: None)
    done = blocker.args[0]
    assert 1 <= done < len(ids)
    assert sorted(_versions(library)).count(PIPELINE_VERSION - 1) == len(ids) - done


def test_opening_a_library_brings_its_older_analyses_up_to_date(qtbot, library: Library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from desktop.ui.main_window import MainWindow

    ids = [
        import_file(library.sessions, sample(n)).report_id or 0 for n in ("shili_2023.docx", "shili_2024.txt")
    ]
    _age(library, ids)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, TaskRunner())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.stale.finished, timeout=60000) as blocker:
        window.set_library(library)
    assert blocker.args == [2, 0]
    assert _versions(library) == [PIPELINE_VERSION, PIPELINE_VERSION]
