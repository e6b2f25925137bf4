"""Undoable review actions whose every step is stored off the GUI thread.

A :class:`StoredCommand` holds the work of one step (``forward`` to do or redo it, ``backward`` to
undo it), each one or more committed transactions run by an operation. :class:`UndoOperations`
runs them: a new command goes on the undo stack only after its first save landed; an undo or redo
moves the stack only after its save landed. A save that fails is shown and leaves the stack where
it was, so the stack never offers to undo something that was never stored. A step that lost a race
with another reviewer (``lost`` says so) becomes obsolete and leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from desktop.ui.changes import Changes
from desktop.ui.operations import CollectionOp, show_operation_error

if TYPE_CHECKING:
    from db.session import Library
    from desktop.ui.context import AppContext

Conflicted = Callable[[str, int | None], None]
"""Told the message and the conflict kept (None: nothing to choose, e.g. the annotation is gone)."""


class StoredCommand(QUndoCommand):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.done_outside = False
        """The next redo()/undo() from the stack only takes note: the work was stored already."""

    # The work itself, on a worker thread; they raise when the save fails.
    def forward(self) -> None:
        raise NotImplementedError

    def backward(self) -> None:
        raise NotImplementedError

    @property
    def changes(self) -> Changes:
        raise NotImplementedError

    def lost(self, error: BaseException) -> tuple[str, int | None] | None:
        """(message, conflict kept) when ``error`` means another reviewer saved first."""
        return None

    def redo(self) -> None:  # QUndoStack calls these once the operation has stored the step
        self.done_outside = False

    def undo(self) -> None:
        self.done_outside = False


class UndoOperations(QObject):
    """Pushes, undoes and redoes :class:`StoredCommand` s on the context's undo stack."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.stack = context.undo_stack
        self.conflicted: Conflicted | None = None
        self.failed: Callable[[BaseException], None] | None = None
        """Told a storage error (default: the operation's error dialog)."""
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def push(self, command: StoredCommand, failed: Callable[[BaseException], None] | None = None) -> bool:
        """Store ``command``'s change, and put it on the stack once that worked (``failed``: told
        why it did not, instead of the default)."""

        def done() -> None:
            command.done_outside = True
            self.stack.push(command)  # push() calls redo(), which only takes note

        return self._run(command, command.forward, done, None, failed)

    def undo(self) -> None:
        command = self.stack.command(self.stack.index() - 1) if self.stack.canUndo() else None
        if command is None or not isinstance(command, StoredCommand) or self._busy:
            return
        self._run(command, command.backward, self._moved(command, self.stack.undo), self.stack.undo)

    def redo(self) -> None:
        command = self.stack.command(self.stack.index()) if self.stack.canRedo() else None
        if command is None or not isinstance(command, StoredCommand) or self._busy:
            return
        self._run(command, command.forward, self._moved(command, self.stack.redo), self.stack.redo)

    def _moved(self, command: StoredCommand, move: Callable[[], None]) -> Callable[[], None]:
        def done() -> None:
            command.done_outside = True
            move()

        return done

    def _run(
        self,
        command: StoredCommand,
        work: Callable[[], None],
        done: Callable[[], None],
        drop: Callable[[], None] | None,
        told: Callable[[BaseException], None] | None = None,
    ) -> bool:
        def op(_library: Library) -> None:
            work()

        def failed(error: BaseException) -> None:
            self._busy = False
            lost = command.lost(error)
            if lost is not None:
                # Undoing or redoing it now would overwrite another reviewer's work: it leaves the stack.
                command.setObsolete(True)
                if drop is not None:
                    command.done_outside = True
                    drop()
                self.context.bus.notify(command.changes, self)
                if self.conflicted is not None:
                    self.conflicted(*lost)
                return
            from db.errors import is_storage_error

            if told is not None:
                told(error)
            elif self.failed is not None and is_storage_error(error):
                self.failed(error)
            else:
                show_operation_error(self.context, error)

        def finished(_result: Any) -> None:
            self._busy = False
            done()

        self._busy = True
        started = (
            CollectionOp.per_library(self.context, op, command.changes, self)
            .success(finished)
            .failure(failed)
            .run()
        )
        if not started:  # no library open: nothing to store
            self._busy = False
        return started
