"""Child side of the import worker: every import's reading and analysis runs here, not in the app.

A hostile or broken file can make a parser loop, eat memory or crash (pdfium, libxml2, or a slow
spot in our own analysis); in this process that costs only the worker, which the parent kills
when the time is up and replaces. The address space is capped (POSIX; a job object does it on
Windows, from the parent).

The worker reads length-prefixed request frames on stdin, each a pickled ``(op, budget, args)``,
and answers each with one pickled frame on stdout:

- ``{"ok": True, "result": …, "peak": bytes | None, "recycle": bool}``;
- ``{"ok": False, "refused": (code, message)}`` for a file that cannot be imported;
- ``{"ok": False, "memory": True}`` when the cap was hit (the worker exits after saying so);
- ``{"ok": False, "error": "Type: message", "trace": "…"}`` for a bug.

Ops: ``analyse`` (bytes, filename, catalog) → :class:`~desktop.core.analysis.AnalysedReport`,
``pdf`` (bytes) → the PDF text layer (:func:`~desktop.core.importers.pdf_worker.extract`), and
``probe`` → facts about the worker (process id, memory cap), for tests and benchmarks.

Pickle is safe here: both ends are ReviewDesk, and the parent only unpickles its own child.
This module must never import PySide6.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import sys
import time
import traceback
from typing import IO, Any

FRAME_HEADER = struct.Struct(">Q")
MAX_FRAME_BYTES = 256 * 1024 * 1024
READY = b"reviewdesk-import-worker-ready"
MAX_RESULT_BYTES = 32 * 1024 * 1024
"""A report's analysis is well under a megabyte; one this big comes from a pathological file (and
would bloat the library), so the file is refused instead."""
RECYCLE_RSS_BYTES = 600 * 1024 * 1024
"""After a file that left the worker this big, the parent starts a fresh one (Python keeps the
memory it once used, and the next file should have the whole cap)."""


def read_frame(stream: IO[bytes]) -> bytes | None:
    """One frame's payload, or ``None`` at a clean end of the stream."""
    header = stream.read(FRAME_HEADER.size)
    if len(header) < FRAME_HEADER.size:
        return None
    (size,) = FRAME_HEADER.unpack(header)
    if size > MAX_FRAME_BYTES:
        raise ValueError(f"frame too large: {size}")
    payload = stream.read(size)
    if len(payload) < size:
        return None
    return payload


def write_frame(stream: IO[bytes], payload: bytes) -> None:
    stream.write(FRAME_HEADER.pack(len(payload)) + payload)
    stream.flush()


def peak_memory() -> int | None:
    """The largest resident size this process has had, in bytes (``None`` where unknown)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def current_memory() -> int | None:
    with contextlib.suppress(OSError, ValueError, IndexError), open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return peak_memory()


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent puts the worker in a job object with a memory limit
        return
    from desktop.core.limits import IMPORT_MEMORY_BYTES

    # macOS may refuse RLIMIT_AS; the parent's time limit still applies there.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (IMPORT_MEMORY_BYTES, IMPORT_MEMORY_BYTES))


def _warm_up() -> None:
    """Load every reader before announcing readiness, so no file pays for it in its time budget."""
    import desktop.core.analysis
    import desktop.core.importers.docx_reader
    import desktop.core.importers.html_reader
    import desktop.core.importers.pdf_reader
    import desktop.core.importers.txt_reader  # noqa: F401

    with contextlib.suppress(ImportError):
        import charset_normalizer  # noqa: F401
        import lxml.html  # noqa: F401
        import pypdfium2  # noqa: F401


def _run(op: str, args: tuple[Any, ...]) -> Any:
    if op == "analyse":
        from desktop.core.analysis import analyse

        data, filename, catalog = args
        analysed = analyse(data, filename, catalog)
        _check_size(analysed)
        # The library stores neither the layout blocks nor the edits: they stay here.
        analysed.document.blocks = []
        analysed.document.edits = []
        return analysed
    if op == "pdf":
        from desktop.core.importers.pdf_worker import extract

        return extract(args[0])
    if op == "probe":
        limit = None
        with contextlib.suppress(ImportError, ValueError, OSError):
            import resource

            limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        return {"pid": os.getpid(), "memory_limit": limit, "peak": peak_memory()}
    raise ValueError(f"unknown op {op!r}")


def _check_size(analysed: Any) -> None:
    """Refuse an analysis too big to be a report's (see ``MAX_SECTIONS`` and ``MAX_FIGURES``)."""
    from desktop.core.errors import ImportRefused
    from desktop.core.limits import MAX_FIGURES, MAX_SECTIONS

    if len(analysed.sections.sections) > MAX_SECTIONS or len(analysed.metrics) > MAX_FIGURES:
        raise ImportRefused("too_complex", "")


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    from desktop.core.errors import ImportRefused
    from desktop.core.importers import worker

    while True:
        frame = read_frame(requests)
        if frame is None:
            return
        reply: dict[str, Any]
        exit_after = False
        try:
            op, budget, args = pickle.loads(frame)
            worker.set_budget(budget)
            result = _run(op, args)
            rss = current_memory()
            reply = {"ok": True, "result": result, "peak": peak_memory()}
            reply["recycle"] = rss is not None and rss > RECYCLE_RSS_BYTES
        except ImportRefused as refused:
            reply = {"ok": False, "refused": (refused.code, refused.message), "peak": peak_memory()}
        except MemoryError:
            reply, exit_after = {"ok": False, "memory": True}, True
        except RecursionError:
            reply = {"ok": False, "refused": ("damaged", "")}
        except Exception as error:
            detail = f"{type(error).__name__}: {str(error)[:300]}"
            reply = {"ok": False, "error": detail, "trace": traceback.format_exc()[-4000:]}
        finally:
            worker.set_budget(None)
        try:
            payload = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload, exit_after = pickle.dumps({"ok": False, "memory": True}), True
        if len(payload) > MAX_RESULT_BYTES:
            del reply
            payload = pickle.dumps(
                {"ok": False, "refused": ("too_complex", ""), "peak": peak_memory(), "recycle": True}
            )
        write_frame(replies, payload)
        if exit_after:
            return  # the state of a process that ran out of memory is suspect


def main() -> None:
    """Serve requests until stdin closes. Frames go to the real stdout; fd 1 is pointed at
    stderr so that stray prints from libraries cannot corrupt the protocol."""
    _limit_memory()
    requests = sys.stdin.buffer
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    with contextlib.suppress(ImportError, ValueError):
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    from desktop.core.importers import worker

    worker.INSIDE_WORKER = True
    started = time.monotonic()
    _warm_up()
    write_frame(replies, READY + f" {time.monotonic() - started:.3f}".encode())
    serve(requests, replies)


if __name__ == "__main__":
    main()
