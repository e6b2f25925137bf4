"""Word 97-2003 import: LibreOffice conversion when installed, a clear refusal when not."""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
import time
from pathlib import Path

import pytest

from desktop.core.errors import ImportRefused
from desktop.core.importers.doc_reader import _run, find_soffice, read_doc
from tests.conftest import corpus_path

OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _hide_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", "")
    for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        monkeypatch.setenv(variable, str(tmp_path))


def test_without_libreoffice_the_file_is_refused_with_advice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _hide_libreoffice(monkeypatch, tmp_path)
    assert find_soffice() is None
    with pytest.raises(ImportRefused) as caught:
        read_doc(OLE_HEADER, "报告.doc")
    assert caught.value.code == "doc_unsupported"
    assert "LibreOffice" in caught.value.message
    assert "另存为 .docx" in caught.value.message


@pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX shell script as a fake soffice")
def test_failed_conversion_is_reported_as_damaged(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A stand-in "soffice" on PATH that writes nothing and fails, as LibreOffice does on a broken file.
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_soffice() == str(fake)
    with pytest.raises(ImportRefused) as caught:
        read_doc(OLE_HEADER, "broken.doc")
    assert caught.value.code == "damaged"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX process groups")
def test_timeout_kills_the_whole_process_tree(tmp_path: Path) -> None:
    marker = tmp_path / "child.pid"
    # The shell starts a grandchild and waits, like the soffice launcher does with soffice.bin.
    command = ["/bin/sh", "-c", f"sleep 30 & echo $! > {marker}; wait"]
    started = time.monotonic()
    with pytest.raises(ImportRefused) as caught:
        _run(command, 0.5, "slow.doc")
    assert caught.value.code == "damaged"
    assert "超时" in caught.value.message
    assert time.monotonic() - started < 10
    grandchild = int(marker.read_text())
    for _ in range(50):
        if not _alive(grandchild):
            break
        time.sleep(0.1)
    else:
        pytest.fail("the grandchild process survived the timeout")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    # Killed but not yet reaped by init: a zombie ("Z") no longer runs.
    return not (status.exists() and status.read_text().rsplit(")", 1)[-1].split()[0] == "Z")


@pytest.mark.corpus
@pytest.mark.slow
def test_corpus_doc_is_converted_with_libreoffice() -> None:
    data = corpus_path("reports", "xiangxiang_2024.doc").read_bytes()
    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    if importlib.util.find_spec("desktop.core.importers.docx_reader") is None:
        pytest.skip("docx_reader is not available yet")
    document = read_doc(data, "xiangxiang_2024.doc")
    assert document.format == "doc"
    assert document.metadata["converted_by"] == "LibreOffice"
    assert "湘乡市应急管理局" in document.text
    assert "（一）" in document.text
    assert document.blocks
