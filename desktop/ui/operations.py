"""Every database read and write from the UI, as an operation off the GUI thread.

- :class:`QueryOp` reads: its function gets a session of its own in a worker thread and returns
  plain data; ``success`` gets that data on the GUI thread.
- :class:`CollectionOp` writes: its function runs in one transaction (or, with ``per_library``,
  gets the library to run transactions of its own); writes run one at a time, in order. Only once
  the commit is done does ``success`` run and the operation's :class:`Changes` reach the bus, so
  the list, panels and counts that observe it reload; nothing says "saved" before.

A failure goes to ``failure`` when given, else to the default dialog: the Chinese message of a
storage error (full disk, read-only library, server gone), or an internal-error notice.
The functions must not touch widgets: they run on a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Slot

from desktop.ui.changes import Changes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.session import Library
    from desktop.ui.context import AppContext

log = logging.getLogger("reviewdesk.operations")
T = TypeVar("T")


def show_operation_error(context: AppContext, error: BaseException) -> None:
    """The default failure dialog: what went wrong, in the reviewer's words; nothing was saved."""
    from db.errors import is_storage_error
    from desktop.ui.storage_errors import show_storage_error, storage_message

    if is_storage_error(error):
        show_storage_error(context.parent_widget, storage_message(error, context.library))
        return
    log.error("operation failed", exc_info=(type(error), error, error.__traceback__))
    message = QCoreApplication.translate(
        "StorageErrors",
        "发生内部错误，操作未完成：%1。请重试；如果问题重复出现，请把日志发给技术支持。",
    ).replace("%1", f"{type(error).__name__}")
    show_storage_error(context.parent_widget, message, QCoreApplication.translate("StorageErrors", "出错了"))


def settle(context: AppContext, msecs: int = 10000) -> bool:
    """Wait for the operations under way and run their callbacks now (only when closing: this
    blocks); True when all finished in time."""
    finished = context.runner.wait(msecs)
    QCoreApplication.sendPostedEvents()
    return finished


class _Receiver(QObject):
    """Brings an operation's result to the GUI thread, unless its owner is gone by then (a closed
    dialog, a closed window): then Qt drops the connection and the result with it."""

    def __init__(self, op: _Op[Any], owner: QObject) -> None:
        super().__init__(owner)
        self.op = op

    @Slot(object)
    def finished(self, result: object) -> None:
        self.deleteLater()
        self.op._finished(result)

    @Slot(object, str)
    def failed(self, error: BaseException, trace: str) -> None:
        self.deleteLater()
        self.op._failed(error, trace)


class _Op(Generic[T]):
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.owner: QObject = context
        """The widget whose lifetime bounds the callbacks (see :meth:`owned_by`)."""
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException], Any] | None = None

    def success(self, success: Callable[[T], Any] | None) -> _Op[T]:
        self._success = success
        return self

    def failure(self, failure: Callable[[BaseException], Any] | None) -> _Op[T]:
        self._failure = failure
        return self

    def owned_by(self, owner: QObject) -> _Op[T]:
        """Run the callbacks only while ``owner`` (e.g. the dialog that asked) still exists."""
        self.owner = owner
        return self

    def _work(self, library: Library) -> Callable[[Any], T]:
        raise NotImplementedError

    def _receiver_owner(self) -> QObject:
        return self.owner

    def _owner_alive(self) -> bool:
        from shiboken6 import isValid

        return isValid(self.owner)

    def _finished(self, result: T) -> None:
        if self._success is not None:
            self._success(result)

    def _failed(self, error: BaseException, _trace: str) -> None:
        if self._failure is not None:
            self._failure(error)
        else:
            show_operation_error(self.context, error)

    def run(self, serial: bool = False) -> bool:
        """Start the operation; False (and nothing runs) when no library is open."""
        library = self.context.library
        if library is None:
            return False
        receiver = _Receiver(self, self._receiver_owner())
        self.context.runner.run(self._work(library), receiver.finished, receiver.failed, serial=serial)
        return True


class QueryOp(_Op[T]):
    """Read with a session of its own, off the GUI thread."""

    def __init__(
        self, context: AppContext, op: Callable[[Session], T], success: Callable[[T], Any] | None = None
    ) -> None:
        super().__init__(context)
        self._op = op
        self._success = success

    def _work(self, library: Library) -> Callable[[Any], T]:
        op = self._op

        def work(_task: Any) -> T:
            with library.sessions() as session:
                return op(session)

        return work


class CollectionOp(_Op[T]):
    """Write in one transaction (or several of the function's own), then announce ``changes``."""

    def __init__(
        self,
        context: AppContext,
        op: Callable[[Session], T],
        changes: Changes | Callable[[T], Changes],
        initiator: object | None = None,
    ) -> None:
        super().__init__(context)
        self._op: Callable[[Any], T] = op
        self._changes = changes
        self._initiator = initiator
        self._per_library = False

    @classmethod
    def per_library(
        cls,
        context: AppContext,
        op: Callable[[Library], T],
        changes: Changes | Callable[[T], Changes],
        initiator: object | None = None,
    ) -> CollectionOp[T]:
        """An operation that opens its own transactions (each committed before it returns)."""
        made: CollectionOp[T] = cls(context, op, changes, initiator)  # type: ignore[arg-type]
        made._per_library = True
        return made

    def _work(self, library: Library) -> Callable[[Any], T]:
        op, per_library = self._op, self._per_library

        def work(_task: Any) -> T:
            if per_library:
                return op(library)
            with library.sessions.begin() as session:
                return op(session)

        return work

    def _receiver_owner(self) -> QObject:
        return self.context  # a stored change is announced even when the dialog that asked is gone

    def _finished(self, result: T) -> None:
        changes = self._changes(result) if callable(self._changes) else self._changes
        try:
            if self._owner_alive():
                super()._finished(result)
        finally:
            self.context.bus.notify(changes, self._initiator)

    def _failed(self, error: BaseException, trace: str) -> None:
        if self._owner_alive():
            super()._failed(error, trace)
        else:
            show_operation_error(self.context, error)

    def run(self, serial: bool = True) -> bool:
        return super().run(serial)
