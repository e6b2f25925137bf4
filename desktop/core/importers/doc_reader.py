"""Word 97-2003 (.doc) files: converted to .docx by a local LibreOffice, then read as .docx.

There is no safe pure-Python reader for the binary Word format, so without LibreOffice the file is
refused with instructions instead of being half-read.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from desktop.core.errors import ImportRefused
from desktop.core.importers.model import ExtractedDocument
from desktop.core.limits import DOC_CONVERT_TIMEOUT_SECONDS

_NOT_INSTALLED = (
    "这是 Word 97-2003 格式（.doc）的文件。本机未安装 LibreOffice，无法转换。"
    "请用 Word 或 WPS 将其另存为 .docx 后再导入，或安装 LibreOffice。"
)
_FAILED = (
    "无法读取这个 Word 97-2003 格式（.doc）的文件：LibreOffice 转换失败，文件可能已损坏或设有密码。"
    "请用 Word 或 WPS 打开并另存为 .docx 后再导入。"
)


def find_soffice() -> str | None:
    """Path of the LibreOffice program, from PATH or the usual install folders; None if absent."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates: list[Path] = []
    if sys.platform == "win32":
        # Read the folders from the environment: 32-bit LibreOffice lives under "Program Files (x86)".
        for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
            folder = os.environ.get(variable)
            if folder:
                candidates.append(Path(folder) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    return None


def read_doc(data: bytes, filename: str) -> ExtractedDocument:
    """Convert a .doc file with LibreOffice and read the result like a .docx file."""
    soffice = find_soffice()
    if soffice is None:
        raise ImportRefused("doc_unsupported", _NOT_INSTALLED)
    converted = _convert(soffice, data, filename)

    from desktop.core.importers.docx_reader import read_docx

    document = read_docx(converted)
    return dataclasses.replace(
        document, format="doc", metadata={**document.metadata, "converted_by": "LibreOffice"}
    )


def _convert(soffice: str, data: bytes, filename: str) -> bytes:
    # On Windows a lingering soffice.bin can hold the folder open; leaving it to the OS is harmless.
    with tempfile.TemporaryDirectory(prefix="reviewdesk-doc-", ignore_cleanup_errors=True) as folder:
        work = Path(folder)
        # A fixed ASCII name: the user's file name may hold characters the command line mangles.
        source = work / "in.doc"
        source.write_bytes(data)
        command = [
            soffice,
            "--headless",
            "--norestore",
            "--nolockcheck",
            # A private profile, so a running LibreOffice (or a stale lock) cannot take the job.
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            "docx",
            "--outdir",
            str(work),
            str(source),
        ]
        # In the import worker the file's whole budget bounds the conversion too.
        from desktop.core.importers.worker import time_left

        returncode = _run(command, time_left(DOC_CONVERT_TIMEOUT_SECONDS), filename)
        target = work / "in.docx"
        if returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            raise ImportRefused("damaged", _FAILED)
        return target.read_bytes()


def _run(command: list[str], timeout: float, filename: str) -> int:
    """Run LibreOffice in its own process group, killing the whole group on timeout."""
    creationflags = 0
    if sys.platform == "win32":
        creationflags = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=sys.platform != "win32",
            creationflags=creationflags,
        )
    except OSError as error:
        raise ImportRefused("damaged", _FAILED) from error
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_tree(process)
        raise ImportRefused(
            "damaged",
            f"转换“{Path(filename).name}”超时（超过 {timeout:.0f} 秒），文件可能已损坏。"
            "请用 Word 或 WPS 打开并另存为 .docx 后再导入。",
        ) from None


def _kill_tree(process: subprocess.Popen[bytes]) -> None:
    # soffice is a launcher: the real work happens in child processes (oosplash → soffice.bin).
    if sys.platform == "win32":
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        process.kill()
        process.wait(timeout=5)
