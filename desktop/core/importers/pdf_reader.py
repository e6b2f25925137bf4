"""PDF importer: text lines from pdfium in a child process, paragraphs rebuilt from the layout.

``text`` keeps every extracted line (running headers, page numbers included), one per line;
``edits`` propose removing the page furniture and joining lines that wrapped inside a paragraph,
so that after applying them each paragraph is one line. pdfium runs in one persistent worker
process (:mod:`desktop.core.importers.pdf_worker`) with a time limit and a memory cap: spawning
Python per file would cost more than the parsing itself.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import ImportRefused
from desktop.core.importers.model import Block, Edit, ExtractedDocument
from desktop.core.importers.pdf_worker import BOLD_ALL, BOLD_ANY, BOLD_FIRST, READY, read_frame, write_frame
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


# --- layout: lines -> text, edits, blocks -------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"[-—–－~･·]*\d{1,4}[-—–－~･·]*|第\d{1,4}页(共\d{1,4}页)?|\d{1,4}/\d{1,4}|共\d{1,4}页第\d{1,4}页"
    r"|(?i:page)\d{1,4}((?i:of)\d{1,4})?"
)
_HEADING = re.compile(
    r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十百]+[章节部分]"
)
_SENTENCE_END = tuple("。！？；：.!?;:")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    flags: int
    page: int
    start: int = 0
    end: int = 0
    centered: bool = False


def _lines(pages: list[dict[str, Any]]) -> tuple[str, list[_Line]]:
    lines: list[_Line] = []
    offset = 0
    for page in pages:
        for raw in page["lines"]:
            x0, x1, top, bottom, size = (float(v) for v in raw[1:6])
            line = _Line(str(raw[0]), x0, x1, top, bottom, size, int(raw[6]), int(page["n"]))
            line.start, line.end = offset, offset + len(line.text)
            offset = line.end + 1
            lines.append(line)
    return "\n".join(line.text for line in lines), lines


def _is_furniture_text(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return bool(_PAGE_NUMBER.fullmatch(compact))


def _furniture(lines: list[_Line], page_count: int) -> set[int]:
    """Indexes of page numbers and of running headers/footers (the outer two lines of a page
    whose text, digits aside, recurs on at least half of the pages)."""
    by_page: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(i)
    edges = [run for idx in by_page.values() for run in (idx[:2], idx[::-1][:2])]
    key = {i: re.sub(r"\d+", "#", re.sub(r"\s+", "", lines[i].text)) for run in edges for i in run}
    pages_with = Counter(k for _page, k in {(lines[i].page, k) for i, k in key.items()})
    repeated = {k for k, n in pages_with.items() if page_count >= 3 and n >= max(3, page_count / 2)}
    found: set[int] = set()
    for run in edges:
        for i in run:  # from the page edge inwards; stop at the first real line
            if not (_is_furniture_text(lines[i].text) or key[i] in repeated):
                break
            found.add(i)
    return found


def _margins(lines: list[_Line], body: float) -> dict[int, tuple[float, float]]:
    """Left and right edge of the text block, per page (falls back to the whole document)."""

    def edges(group: list[_Line]) -> tuple[float, float] | None:
        if len(group) < 3:
            return None
        left = Counter(round(line.x0) for line in group).most_common(1)[0][0]
        lefts = [line.x0 for line in group if abs(line.x0 - left) <= 3]
        lowest = min(lefts)
        widest = max(line.x1 for line in group)
        # Justified lines all end at the margin; hanging punctuation sticks out a little.
        long = [line.x1 for line in group if line.x1 >= lowest + 0.75 * (widest - lowest)]
        return lowest, statistics.median(long)

    body_lines = [line for line in lines if abs(line.size - body) <= 0.15 * body]
    whole = edges(body_lines) or (
        min((line.x0 for line in lines), default=0.0),
        max((line.x1 for line in lines), default=0.0),
    )
    result: dict[int, tuple[float, float]] = {}
    for page in {line.page for line in lines}:
        on_page = [line for line in body_lines if line.page == page]
        own = edges(on_page)
        # A page of indented short lines would fake a left margin; trust the document's
        # unless the page clearly has its own (mirrored margins).
        if own is None or any(abs(line.x0 - whole[0]) <= 3 for line in on_page):
            own = whole
        result[page] = own
    return result


def _breaks(a: _Line, b: _Line, margins: dict[int, tuple[float, float]], body: float, pitch: float) -> bool:
    """Whether line ``b`` starts a new paragraph after line ``a``."""
    # A title broken over two lines: centred, larger (or bold) type, at line distance.
    close = a.page == b.page and a.bottom - b.top < 1.2 * a.size and abs(a.size - b.size) < 0.5
    if close and (a.centered or b.centered) and (a.size > 1.15 * body or a.flags & b.flags & BOLD_ALL):
        return False
    if a.centered or b.centered or abs(a.size - b.size) > max(0.5, 0.1 * b.size):
        return True
    left_b = margins[b.page][0]
    right_a = margins[a.page][1]
    if b.x0 > left_b + 0.8 * b.size or a.x1 < right_a - 1.0 * a.size:
        return True  # first-line indent, or a line that stops short of the margin
    if a.page == b.page and a.top - b.top > 1.6 * pitch:
        return True  # a blank line or paragraph spacing
    if _HEADING.match(b.text):
        return True
    bold_heading = a.flags & BOLD_ALL and not b.flags & BOLD_ANY
    return bool(bold_heading and not a.text.endswith(_SENTENCE_END))


def build_document(pages: list[dict[str, Any]]) -> ExtractedDocument:
    """Turn the worker's lines into the original text, the importer's edits and the blocks."""
    text, lines = _lines(pages)
    if not lines:
        return ExtractedDocument(format="pdf", text="")
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    body = weights.most_common(1)[0][0]
    furniture = _furniture(lines, len(pages))
    content = [line for i, line in enumerate(lines) if i not in furniture]
    margins = _margins(content, body)
    for line in content:
        left, right = margins[line.page]
        middle = (left + right) / 2
        inset = 1.5 * line.size  # both sides clearly inside the block, or an indented full line
        line.centered = (
            abs((line.x0 + line.x1) / 2 - middle) <= max(line.size, 6.0)
            and line.x0 > left + inset
            and line.x1 < right - inset
        )
    steps = [
        a.top - b.top
        for a, b in itertools.pairwise(content)
        if a.page == b.page and abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5
    ]
    pitch = statistics.median(steps) if steps else 1.5 * body

    edits = _furniture_edits(lines, furniture, len(text))
    paragraphs: list[list[_Line]] = []
    for line in content:
        if paragraphs and not _breaks(paragraphs[-1][-1], line, margins, body, pitch):
            prev = paragraphs[-1][-1]
            # Chinese joins directly; two Latin words keep a space between them.
            latin = _is_latin(prev.text[-1:]) and _is_latin(line.text[:1])
            edits.append(Edit(prev.end, prev.end + 1, " " if latin else ""))
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    edits.sort(key=lambda e: e.start)
    blocks = [_block(group, text, body) for group in paragraphs]
    return ExtractedDocument(format="pdf", text=text, blocks=blocks, edits=edits)


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _furniture_edits(lines: list[_Line], furniture: set[int], length: int) -> list[Edit]:
    """One removal per run of consecutive furniture lines, each with its line break."""
    edits: list[Edit] = []
    i = 0
    while i < len(lines):
        if i not in furniture:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and j + 1 in furniture:
            j += 1
        start, end = lines[i].start, lines[j].end
        if end < length:
            edits.append(Edit(start, end + 1, ""))
        else:  # the text ends with furniture: drop the break before it instead
            edits.append(Edit(max(start - 1, 0), end, ""))
        i = j + 1
    return edits


def _block(group: list[_Line], text: str, body: float) -> Block:
    first = group[0]
    size = statistics.median(line.size for line in group)
    centered = all(line.centered for line in group)
    joined = "".join(text[line.start : line.end] for line in group)
    compact = re.sub(r"\s+", "", joined)
    short = len(compact) <= 60 and "。" not in compact.rstrip("。")
    headingish = all(line.flags & BOLD_ALL for line in group) or bool(_HEADING.match(compact))
    title = centered and size > 1.15 * body
    return Block(
        start=first.start,
        end=group[-1].end,
        kind="heading" if title or (short and headingish) else "paragraph",
        bold=bool(first.flags & BOLD_FIRST),
        centered=centered,
        font_size=round(size, 1),
        page=first.page,
    )


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
