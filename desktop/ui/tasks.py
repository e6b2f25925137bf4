"""One helper for background work: run a function off the GUI thread, report progress, cancel.

The work function never touches widgets. It receives a :class:`TaskContext` to report progress
and to ask whether the user cancelled; its result or exception comes back to the GUI thread by
signal, where the ``on_done``/``on_error`` callbacks run.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("reviewdesk.tasks")


class TaskContext:
    """Handed to the work function: progress reports and the cancel flag."""

    def __init__(self, signals: _TaskSignals) -> None:
        self._signals = signals
        self._cancelled = threading.Event()

    def progress(self, done: int, total: int, label: str = "") -> None:
        self._signals.progress.emit(done, total, label)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class _TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)


class _Runnable(QRunnable):
    def __init__(
        self, work: Callable[[TaskContext], Any], context: TaskContext, signals: _TaskSignals
    ) -> None:
        super().__init__()
        self._work = work
        self._context = context
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work(self._context)
        except Exception as error:
            log.exception("background task failed")
            self._signals.failed.emit(error, traceback.format_exc())
        else:
            self._signals.finished.emit(result)


class Task(QObject):
    """A running piece of background work; keep a reference until it finishes."""

    progress = Signal(int, int, str)
    done = Signal(object)
    error = Signal(object, str)

    def __init__(self, work: Callable[[TaskContext], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _TaskSignals()
        self.context = TaskContext(self._signals)
        self._runnable = _Runnable(work, self.context, self._signals)
        self._signals.progress.connect(self.progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self.running = False

    def cancel(self) -> None:
        self.context.cancel()

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self.running = False
        self.done.emit(result)

    @Slot(object, str)
    def _on_failed(self, error: object, trace: str) -> None:
        self.running = False
        self.error.emit(error, trace)


class TaskRunner(QObject):
    """Starts tasks on a thread pool. Tests may pass a pool of their own."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.serial_pool = QThreadPool(self)
        """Writes run here, one at a time and in the order they were asked for (as a reviewer acts)."""
        self.serial_pool.setMaxThreadCount(1)
        self._active: set[Task] = set()

    def run(
        self,
        work: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        serial: bool = False,
    ) -> Task:
        task = self._task(work, on_done, on_error)
        self._active.add(task)
        task.done.connect(lambda _result, t=task: self._active.discard(t))
        task.error.connect(lambda _e, _t, t=task: self._active.discard(t))
        task.running = True
        (self.serial_pool if serial else self.pool).start(task._runnable)
        return task

    def _task(
        self,
        work: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException, str], None] | None,
    ) -> Task:
        task = Task(work, self)
        if on_done is not None:
            task.done.connect(on_done)
        if on_error is not None:
            task.error.connect(on_error)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def wait(self, msecs: int = 30000) -> bool:
        return self.serial_pool.waitForDone(msecs) and self.pool.waitForDone(msecs)


class InlineRunner(TaskRunner):
    """Runs each task at once on the calling thread, callbacks included: deterministic, for tests
    and for work that must be finished before the caller goes on."""

    def run(
        self,
        work: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        serial: bool = False,
    ) -> Task:
        task = self._task(work, on_done, on_error)
        task.running = True
        task._runnable.run()  # its signals are direct here: the callbacks ran when this returns
        task.deleteLater()
        return task

    def wait(self, msecs: int = 30000) -> bool:
        return super().wait(msecs)
