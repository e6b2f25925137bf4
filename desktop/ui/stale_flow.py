"""After an upgrade: reports analysed by an older ReviewDesk are analysed again, in the background.

A new version may clean, divide or read figures differently; the reports already in the library keep
what the older version found until they are analysed again from their stored originals (with the
reviewer's corrections and decisions kept). This runs once when a writable library opens, shows its
progress in the status bar, can be stopped (the rest is done the next time), and refreshes the window
when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar

if TYPE_CHECKING:
    from db.session import Library
    from desktop.ui.tasks import Task, TaskContext, TaskRunner


class StaleReanalysis(QObject):
    """Brings a library's older analyses up to date; ``finished`` carries (analysed, failed)."""

    finished = Signal(int, int)

    def __init__(self, runner: TaskRunner, status_bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.status_bar = status_bar
        self.task: Task | None = None
        self.progress = QProgressBar(status_bar)
        self.progress.setObjectName("staleProgress")
        self.progress.setMaximumWidth(180)
        self.stop = QPushButton(QCoreApplication.translate("StaleReanalysis", "停止"), status_bar)
        self.stop.setObjectName("staleStop")
        self.stop.clicked.connect(self.cancel)
        for widget in (self.progress, self.stop):
            status_bar.addPermanentWidget(widget)
            widget.hide()

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def start(self, library: Library, on_error: Callable[[BaseException, str], None]) -> None:
        """Find and analyse again the library's stale reports (nothing happens when there are none)."""
        if self.running:
            return

        def work(context: TaskContext) -> tuple[int, int]:
            from desktop.core.errors import ImportRefused
            from desktop.core.reprocess import reprocess_report, stale_report_ids

            with library.sessions() as session:
                ids = stale_report_ids(session)
            done = failed = 0
            for number, report_id in enumerate(ids):
                if context.cancelled:
                    break
                context.progress(number, len(ids), "")
                try:
                    reprocess_report(library.sessions, report_id)
                    done += 1
                except ImportRefused:
                    failed += 1  # its original can no longer be read; it keeps its older analysis
            return done, failed

        self.task = self.runner.run(work, self._done, self._failed(on_error))
        self.task.progress.connect(self._progress)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.stop.setEnabled(False)

    def _progress(self, done: int, total: int, _label: str) -> None:
        if total <= 0:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.show()
        self.stop.setEnabled(True)
        self.stop.show()
        self.status_bar.showMessage(
            QCoreApplication.translate("StaleReanalysis", "正在用新版本重新分析报告：%1/%2")
            .replace("%1", str(done + 1))
            .replace("%2", str(total))
        )

    def _hide(self) -> None:
        self.progress.hide()
        self.stop.hide()

    def _done(self, result: Any) -> None:
        self._hide()
        done, failed = result
        if done or failed:
            message = QCoreApplication.translate("StaleReanalysis", "已用新版本重新分析 %1 份报告").replace(
                "%1", str(done)
            )
            if failed:
                message += QCoreApplication.translate(
                    "StaleReanalysis", "，%1 份的原文无法读取，保留原有分析"
                ).replace("%1", str(failed))
            self.status_bar.showMessage(message)
        self.finished.emit(done, failed)

    def _failed(self, on_error: Callable[[BaseException, str], None]) -> Callable[[BaseException, str], None]:
        def failed(error: BaseException, trace: str) -> None:
            self._hide()
            if not (self.task is not None and self.task.context.cancelled):  # stopped: the library closed
                on_error(error, trace)

        return failed
