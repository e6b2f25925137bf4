"""Parent side of the import worker: run a file's reading and analysis in a child process, with
a time limit for the whole import of the file (start-up included) and a memory cap.

One worker is started when the first file comes and reused for every file after it (starting
Python and loading the readers costs far more than passing a report back and forth). When a file
runs out of time, crashes the worker or leaves it bloated, the worker is killed and a replacement
starts at once, so it is warm by the time the next file arrives. Works the same on Windows (no
fork there): the worker is an ordinary child process talking over pipes.

The child side is :mod:`desktop.core.importers.worker_process`.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path, PurePath
from typing import Any

from desktop.core.errors import ImportRefused
from desktop.core.importers.worker_process import READY, read_frame, write_frame
from desktop.core.limits import IMPORT_MEMORY_BYTES, IMPORT_TIMEOUT_SECONDS

log = logging.getLogger("reviewdesk.import.worker")

INSIDE_WORKER = False
"""True in the worker process itself: readers then run their parsers directly."""
_budget_ends: float | None = None

_ASK = (
    "请向报送单位索取完好的原始文件（最好是 .docx），或把报告正文复制到 .txt 文件后再导入。资料库未受影响。"
)


def timeout_message(filename: str, limit: float) -> str:
    return (
        f"导入“{PurePath(filename).name}”超过 {limit:g} 秒仍未完成，已停止。"
        "文件可能已损坏、结构异常或内容过于庞杂。" + _ASK
    )


def memory_message(filename: str) -> str:
    return (
        f"解析“{PurePath(filename).name}”所需的内存超出上限（{IMPORT_MEMORY_BYTES // 1024 // 1024} MB），已停止。"
        "文件可能已损坏或结构异常。" + _ASK
    )


def crash_message(filename: str) -> str:
    return f"解析“{PurePath(filename).name}”时解析进程意外退出，文件可能已损坏或结构异常。" + _ASK


def too_complex_message(filename: str) -> str:
    return (
        f"“{PurePath(filename).name}”的内容异常（例如同一段文字或同一个标题重复成千上万次），"
        "分析结果过于庞大，已拒绝导入。" + _ASK
    )


def damaged_message(filename: str) -> str:
    return f"“{PurePath(filename).name}”的结构异常（例如嵌套过深），无法解析。" + _ASK


_WORKER_FAILED = "无法启动导入用的解析进程。请重新启动本软件；如果问题仍然存在，请重新安装。"
_WORKER_SLOW = "解析进程启动过慢，文件未能在时限内导入（这不是文件的问题）。请关闭一些正在运行的程序后重试。"


class WorkerBug(RuntimeError):
    """A bug in the analysis, raised in the worker; the message names it, the log has the trace."""


def set_budget(seconds: float | None) -> None:
    """In the worker: how long the current file may still take (for readers that start programs)."""
    global _budget_ends
    _budget_ends = None if seconds is None else time.monotonic() + seconds


def time_left(default: float) -> float:
    """Seconds the current file may still take, less a second to answer in: ``default`` outside
    the worker or without a budget."""
    if _budget_ends is None:
        return default
    return max(0.5, min(default, _budget_ends - time.monotonic() - 1.0))


def worker_command() -> list[str]:
    """How to start the worker. A frozen (PyInstaller) app has no ``-m``: its entry point runs the
    worker when given ``--pdf-worker`` (the flag's name predates the worker doing every format)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--pdf-worker"]
    return [sys.executable, "-m", "desktop.core.importers.worker_process"]


class _Timeout(Exception):
    def __init__(self, starting: bool) -> None:
        super().__init__()
        self.starting = starting


class _Gone(Exception):
    """The worker is not there to take the request (it died or was killed between calls)."""


class _Worker:
    """One child process; started without waiting, ready once it has said so."""

    def __init__(self) -> None:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[3])  # so ``-m desktop…`` works from any cwd
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            worker_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            # Its own process group: a program it starts (LibreOffice for .doc) dies with it.
            start_new_session=sys.platform != "win32",
        )
        self.job = _windows_job(self.process) if sys.platform == "win32" else None
        self.ready = False
        self.startup_seconds: float | None = None
        self.replies: queue.Queue[bytes | None] = queue.Queue()
        # A thread (not selectors) so that the timeout works on Windows pipes too.
        threading.Thread(target=self._read_replies, name="import-worker-reader", daemon=True).start()

    def _read_replies(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        try:
            while True:
                payload = read_frame(stdout)
                self.replies.put(payload)
                if payload is None:
                    return
        except (OSError, ValueError):
            self.replies.put(None)

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_ready(self, deadline: float) -> None:
        if self.ready:
            return
        try:
            first = self.replies.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise _Timeout(starting=True) from None
        if first is None or not first.startswith(READY):
            raise _Gone
        self.ready = True
        self.startup_seconds = time.monotonic() - self.started

    def request(self, payload: bytes, deadline: float) -> bytes | None:
        """The reply frame, or ``None`` if the worker died while working on this input."""
        self.wait_ready(deadline)
        stdin = self.process.stdin
        assert stdin is not None
        try:
            write_frame(stdin, payload)
        except (OSError, ValueError):
            raise _Gone from None
        try:
            return self.replies.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise _Timeout(starting=False) from None

    def close(self, kill: bool = False) -> None:
        if kill:
            self._kill()
        elif self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()  # the worker exits at the end of its input
        try:
            self.process.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            self._kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        if self.job is not None:
            _close_job(self.job)
            self.job = None

    def _kill(self) -> None:
        if sys.platform != "win32":
            with contextlib.suppress(OSError):
                os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            self.process.kill()


_lock = threading.Lock()
_worker: _Worker | None = None


def warm_up() -> None:
    """Start the worker now if none is running (it loads its readers while other work goes on)."""
    global _worker
    if INSIDE_WORKER:
        return
    with _lock:
        if _worker is None or not _worker.alive():
            _replace(start=True)


def call(
    op: str,
    args: tuple[Any, ...],
    filename: str,
    limit: float = IMPORT_TIMEOUT_SECONDS,
    shown_limit: float | None = None,
) -> Any:
    """Run ``op`` in the shared worker within ``limit`` seconds (start-up included); returns its
    result, raises :class:`ImportRefused` for a file that cannot be imported (too slow, too big,
    crashed the parser) and :class:`WorkerBug` for a bug. ``shown_limit`` is the limit the message
    names (the whole import's, when part of it is kept for storing the result)."""
    global _worker
    with _lock:
        deadline = time.monotonic() + limit
        for _attempt in range(2):  # a worker that died between calls is replaced once
            if _worker is None or not _worker.alive():
                _replace(start=True)
            assert _worker is not None
            payload = pickle.dumps((op, max(0.0, deadline - time.monotonic()), args), pickle.HIGHEST_PROTOCOL)
            try:
                frame = _worker.request(payload, deadline)
            except _Gone:
                _replace(start=False)
                continue
            except _Timeout as timeout:
                if timeout.starting:  # still starting (a busy computer): it will serve the next file
                    raise ImportRefused("worker_slow", _WORKER_SLOW) from None
                _replace(start=True)
                raise ImportRefused("timeout", timeout_message(filename, shown_limit or limit)) from None
            if frame is None:  # it died on this file (a parser crashed or was killed)
                _replace(start=True)
                raise ImportRefused("crashed", crash_message(filename))
            reply = pickle.loads(frame)
            if reply.get("recycle") or reply.get("memory"):
                _replace(start=True)
            return _result(reply, filename)
        raise ImportRefused("worker_failed", _WORKER_FAILED)


def _result(reply: dict[str, Any], filename: str) -> Any:
    global last_peak
    last_peak = reply.get("peak", IMPORT_MEMORY_BYTES if reply.get("memory") else None)
    if reply.get("ok"):
        return reply["result"]
    if reply.get("memory"):
        raise ImportRefused("memory", memory_message(filename))
    if "refused" in reply:
        code, message = reply["refused"]
        if code == "too_complex":
            message = too_complex_message(filename)
        raise ImportRefused(code, message or damaged_message(filename))
    log.error("analysis of %s failed in the worker:\n%s", filename, reply.get("trace", ""))
    raise WorkerBug(str(reply.get("error", "unknown error")))


last_peak: int | None = None
"""The worker's peak resident memory after the last call (benchmarks; the cap when it hit the cap)."""


def _replace(start: bool) -> None:
    """Kill the current worker (if any) and, if ``start``, start its replacement without waiting."""
    global _worker
    if _worker is not None:
        _worker.close(kill=True)
        _worker = None
    if start:
        try:
            _worker = _Worker()
        except OSError as error:
            log.error("cannot start the import worker: %s", error)
            raise ImportRefused("worker_failed", _WORKER_FAILED) from error


def current_worker_pid() -> int | None:
    """The running worker's process id (tests and benchmarks)."""
    worker = _worker
    return worker.process.pid if worker is not None and worker.alive() else None


def startup_seconds() -> float | None:
    """How long the current worker took from start to ready (benchmarks)."""
    worker = _worker
    return worker.startup_seconds if worker is not None else None


def shutdown_worker() -> None:
    """Stop the worker process (it is started again on the next import)."""
    global _worker
    with _lock:
        if _worker is not None:
            _worker.close()
            _worker = None


def _close_at_exit() -> None:
    # No lock: a daemon thread may still be waiting on a parse, and exit must not wait for it.
    if _worker is not None:
        _worker.close(kill=not _worker.ready)


atexit.register(_close_at_exit)


# --- Windows: a job object caps the worker's memory (there is no RLIMIT_AS) ----------------------


def _windows_job(process: subprocess.Popen[bytes]) -> Any:
    """Put the worker in a job with a per-process memory limit; the job dies with its handle."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes
        from ctypes import wintypes

        class _Basic(ctypes.Structure):
            _fields_ = [
                ("PerProcessUserTimeLimit", ctypes.c_int64),
                ("PerJobUserTimeLimit", ctypes.c_int64),
                ("LimitFlags", wintypes.DWORD),
                ("MinimumWorkingSetSize", ctypes.c_size_t),
                ("MaximumWorkingSetSize", ctypes.c_size_t),
                ("ActiveProcessLimit", wintypes.DWORD),
                ("Affinity", ctypes.c_size_t),
                ("PriorityClass", wintypes.DWORD),
                ("SchedulingClass", wintypes.DWORD),
            ]

        class _Io(ctypes.Structure):
            _fields_ = [(name, ctypes.c_uint64) for name in ("R", "W", "O", "RB", "WB", "OB")]

        class _Extended(ctypes.Structure):
            _fields_ = [
                ("BasicLimitInformation", _Basic),
                ("IoInfo", _Io),
                ("ProcessMemoryLimit", ctypes.c_size_t),
                ("JobMemoryLimit", ctypes.c_size_t),
                ("PeakProcessMemoryUsed", ctypes.c_size_t),
                ("PeakJobMemoryUsed", ctypes.c_size_t),
            ]

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.CreateJobObjectW.restype = wintypes.HANDLE
        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            return None
        info = _Extended()
        # JOB_OBJECT_LIMIT_PROCESS_MEMORY | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
        info.BasicLimitInformation.LimitFlags = 0x100 | 0x2000
        info.ProcessMemoryLimit = IMPORT_MEMORY_BYTES
        extended_limit_information = 9
        kernel32.SetInformationJobObject(
            job, extended_limit_information, ctypes.byref(info), ctypes.sizeof(info)
        )
        kernel32.AssignProcessToJobObject(job, wintypes.HANDLE(int(getattr(process, "_handle", 0))))
        return job
    except Exception:  # no limit is better than no worker
        log.warning("could not cap the import worker's memory", exc_info=True)
        return None


def _close_job(job: Any) -> None:
    if sys.platform == "win32":
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.WinDLL("kernel32").CloseHandle(job)
