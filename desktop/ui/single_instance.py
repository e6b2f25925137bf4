"""One window per library: a ``QLockFile`` beside the library, and a local socket that brings the
window holding it to the front when the reviewer starts ReviewDesk a second time.

Two windows on one library would each keep their own view of the review and silently replace
each other's conclusions; the command line is different (it writes and exits, and SQLite lets it
wait for the window's writes), so it takes no lock. A lock left by a crashed window is stale:
``QLockFile`` sees that its process is gone and takes it over.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from db.locking import lock_path

RAISE_REQUEST = b"raise\n"
_CONNECT_MS = 1500


def server_name(library: Path) -> str:
    """The local socket's name for a library: the same for every window of this user on it."""
    key = hashlib.sha1(f"{os.path.normcase(str(library.resolve()))}|{_user()}".encode()).hexdigest()[:20]
    return f"reviewdesk-{key}"


def _user() -> str:
    for name in ("USER", "USERNAME", "LOGNAME"):
        if os.environ.get(name):
            return os.environ[name]
    return "user"


class LibraryLock(QObject):
    """Holds one library: the lock file and the server that answers later launches."""

    raise_requested = Signal()
    """Another launch asked for this window (emitted on the GUI thread)."""

    def __init__(self, library: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.path = lock_path(library)
        self._lock = QLockFile(str(self.path))
        # A lock whose process is gone is taken over at once; a live one is never "stale" by age.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock (recovering a stale one) and start answering; False if a window has it."""
        if not self._lock.tryLock(100):
            return False
        self._listen()
        return True

    def holder(self) -> tuple[int, str]:
        """The process id and host of the window that holds the lock (0, "" if unknown)."""
        info = self._lock.getLockInfo()
        try:
            return int(info[0]), str(info[1])
        except (IndexError, TypeError, ValueError):
            return 0, ""

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _listen(self) -> None:
        name = server_name(self.library)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            # A socket file left by a crashed window: we hold the lock, so it is ours to remove.
            QLocalServer.removeServer(name)
            if not server.listen(name):
                server.deleteLater()
                return
        server.newConnection.connect(self._answer)
        self._server = server

    def _answer(self) -> None:
        server = self._server
        if server is None:
            return
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if RAISE_REQUEST.strip() in data:
            socket.write(QByteArray(b"ok\n"))
            socket.flush()
            self.raise_requested.emit()


def ask_holder_to_raise(library: Path) -> bool:
    """Ask the window that holds ``library`` to come to the front; True if it answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(library))
    if not socket.waitForConnected(_CONNECT_MS):
        return False
    socket.write(QByteArray(RAISE_REQUEST))
    socket.flush()
    answered = socket.waitForReadyRead(_CONNECT_MS) and b"ok" in bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answered


def library_file(location: str | Path) -> Path | None:
    """The SQLite file of a library location (``None`` for a server), without loading SQLAlchemy."""
    from db.paths import library_url

    url = library_url(location)
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def other_window_message(lock: LibraryLock) -> str:
    pid, host = lock.holder()
    who = (
        QCoreApplication.translate("LibraryCare", "进程 %1，计算机 %2")
        .replace("%1", str(pid))
        .replace("%2", host or "?")
    )
    return (
        QCoreApplication.translate(
            "LibraryCare", "资料库“%1”已在另一个 ReviewDesk 窗口中打开（%2），但无法切换到那个窗口。"
        )
        .replace("%1", str(lock.library))
        .replace("%2", who)
        + QCoreApplication.translate(
            "LibraryCare", "为免两个窗口互相覆盖审阅结论，这里不再打开它。请先关闭另一个窗口再试。"
        )
        + QCoreApplication.translate(
            "LibraryCare", "如果确定没有其他窗口在使用它（例如另一台电脑已关机），可以删除锁文件“%1”后重试。"
        ).replace("%1", str(lock.path))
    )
