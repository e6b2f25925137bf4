"""PDF importer: text lines from pdfium in a child process, paragraphs rebuilt from the layout.

pdfium runs in one persistent worker process (:mod:`desktop.core.importers.pdf_worker`) with a
time limit and a memory cap: spawning Python per file would cost more than the parsing itself.
This module is the client of that worker; :mod:`desktop.core.importers.pdf_layout` turns the
lines it returns into the text, the edits (page furniture, wrapped lines) and the blocks.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from desktop.core.errors import ImportRefused
from desktop.core.importers.model import ExtractedDocument
from desktop.core.importers.pdf_layout import _is_furniture_text as _is_furniture_text  # tests import it here
from desktop.core.importers.pdf_layout import build_document
from desktop.core.importers.pdf_worker import READY, read_frame, write_frame
from desktop.core.limits import PDF_TIMEOUT_SECONDS

_ASK_ORIGINAL = "请向报送单位索取 .docx 原件，或用其他软件打开后重新导出 PDF 再导入。"
_MESSAGES = {
    "encrypted": "该 PDF 已加密（需要密码才能打开），无法读取其中的文字。"
    "请向报送单位索取未加密的 PDF 或 Word 原件后再导入。",
    "scanned": "该 PDF 没有可提取的文字层，可能是扫描件或由图片生成。"
    "请索取 .docx 原件，或先用 OCR 软件识别后再导入。",
    "garbled": "该 PDF 的文字层是乱码（字体未嵌入 Unicode 映射），提取出的文字无法使用。"
    "请索取 .docx 原件，或先用 OCR 软件识别后再导入。",
    "damaged": "该 PDF 文件已损坏或结构异常（可能下载不完整），无法读取。"
    "请重新下载，或向报送单位索取完好的 PDF 或 .docx 原件。",
    "memory": "解析该 PDF 所需的内存超出上限，文件可能已损坏或结构异常。" + _ASK_ORIGINAL,
    "crashed": "解析该 PDF 时解析进程意外退出，文件可能已损坏或结构异常。" + _ASK_ORIGINAL,
}


def read_pdf(data: bytes) -> ExtractedDocument:
    """Extract a PDF's text layer with layout-based edits; refuse what cannot be read."""
    result = _run_in_worker(data, PDF_TIMEOUT_SECONDS)
    if not result.get("ok"):
        code = str(result.get("code", "damaged"))
        message = _MESSAGES.get(code, _MESSAGES["damaged"])
        raise ImportRefused(code if code in ("encrypted", "scanned", "garbled") else "damaged", message)
    document = build_document(result["pages"])
    document.metadata.update({str(k): str(v) for k, v in result.get("meta", {}).items()})
    failed = "、".join(str(n) for n in result.get("failed", []))
    if failed:
        document.warnings.append(f"PDF 部分页面无法读取（第 {failed} 页），内容可能不完整。")
    scanned = "、".join(str(page["n"]) for page in result["pages"] if page.get("image_only"))
    if scanned:
        document.warnings.append(
            f"PDF 第 {scanned} 页只有图片、没有文字层（可能是扫描页），这些页的内容未能导入。"
            "请核对原件，必要时先用 OCR 软件识别后再导入。"
        )
    return document


# --- the worker process ----------------------------------------------------------------------

_WORKER_FAILED = "无法启动 PDF 解析进程。请重新启动本软件；如果问题仍然存在，请重新安装。"


class _WorkerTimeout(Exception):
    pass


class _WorkerGone(Exception):
    """The worker is not there to take the request (it died or was killed between calls)."""


def _worker_command() -> list[str]:
    """How to start the worker. A frozen (PyInstaller) app has no ``-m``: its entry point must
    call :func:`desktop.core.importers.pdf_worker.main` when given ``--pdf-worker``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--pdf-worker"]
    return [sys.executable, "-m", "desktop.core.importers.pdf_worker"]


class _Worker:
    def __init__(self) -> None:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[3])  # so ``-m desktop…`` works from any cwd
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        self.process = subprocess.Popen(
            _worker_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        self.replies: queue.Queue[bytes | None] = queue.Queue()
        # A thread (not selectors) so that the timeout works on Windows pipes too.
        threading.Thread(target=self._read_replies, name="pdf-worker-reader", daemon=True).start()
        try:
            ready = self.replies.get(timeout=max(PDF_TIMEOUT_SECONDS, 30.0))
        except queue.Empty:
            ready = None
        if ready != READY:
            self.close(kill=True)
            raise ImportRefused("worker_failed", _WORKER_FAILED)

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

    def request(self, data: bytes, timeout: float) -> bytes | None:
        """The reply frame, or ``None`` if the worker died while parsing this input."""
        stdin = self.process.stdin
        assert stdin is not None
        try:
            write_frame(stdin, data)
        except (OSError, ValueError):
            raise _WorkerGone from None
        try:
            return self.replies.get(timeout=timeout)
        except queue.Empty:
            raise _WorkerTimeout from None

    def close(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        elif self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()  # the worker exits at the end of its input
        try:
            self.process.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


_lock = threading.Lock()
_worker: _Worker | None = None


def _run_in_worker(data: bytes, timeout: float) -> dict[str, Any]:
    """Parse ``data`` in the shared worker; kill it on timeout, restart it when it died."""
    global _worker
    with _lock:
        for _attempt in range(2):  # a worker that died between calls is replaced once
            if _worker is not None and not _worker.alive():
                _discard_worker()
            if _worker is None:
                _worker = _Worker()
            try:
                reply = _worker.request(data, timeout)
            except _WorkerGone:
                _discard_worker()
                continue
            except _WorkerTimeout:
                _discard_worker()
                message = f"解析 PDF 超时（超过 {timeout:g} 秒），已停止解析。文件可能已损坏或结构异常。"
                raise ImportRefused("timeout", message + _ASK_ORIGINAL) from None
            if reply is None:  # it died on this file (pdfium crashed or ran out of memory)
                _discard_worker()
                return {"ok": False, "code": "crashed"}
            try:
                result: dict[str, Any] = json.loads(reply)
            except ValueError:
                result = {"ok": False, "code": "damaged"}
            return result
        raise ImportRefused("worker_failed", _WORKER_FAILED)


def _discard_worker() -> None:
    global _worker
    if _worker is not None:
        _worker.close(kill=True)
        _worker = None


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
        _worker.close()


atexit.register(_close_at_exit)
