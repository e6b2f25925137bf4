"""The suite's network guard really refuses (in the test process and in its child processes), and
import and export work with no network at all (``unshare -n``, where the system permits it)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers import sample
from tests.net_guard import LOG_VARIABLE


def test_guard_refuses_an_internet_connection_in_the_test(network_attempts: list[str]) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 80), timeout=0.5)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.com", 443)
    assert len(network_attempts) == 2
    network_attempts.clear()  # seen: this test provoked them on purpose


def test_guard_allows_unix_sockets(tmp_path: Path) -> None:
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no unix sockets here")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(tmp_path / "s"))
    server.listen(1)
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(str(tmp_path / "s"))
    client.close()
    server.close()


def test_guard_reaches_child_processes(network_attempts: list[str]) -> None:
    code = "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), timeout=0.5)\nexcept OSError:\n    print('refused')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "refused"
    log = Path(os.environ[LOG_VARIABLE])
    assert "192.0.2.1" in log.read_text(encoding="utf-8")
    log.unlink()  # seen: provoked on purpose


def _unshare() -> list[str]:
    tool = shutil.which("unshare")
    if tool is None or sys.platform != "linux":
        pytest.skip("unshare is not available here")
    prefix = [tool, "-n"] if os.geteuid() == 0 else [tool, "-r", "-n"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"unshare -n is not permitted here: {probe.stderr.decode(errors='replace').strip()}")
    return prefix


def test_import_and_export_without_any_network(tmp_path: Path) -> None:
    prefix = _unshare()
    library = str(tmp_path / "lib.sqlite")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*prefix, sys.executable, "-m", "desktop", *args, "--library", library],
            cwd=ROOT,
            capture_output=True,
            encoding="utf-8",
            timeout=180,
        )

    files = [str(sample(name)) for name in ("shili_2023.docx", "shili_2024.pdf", "shili_2024.txt")]
    imported = run("import", *files, "--json")
    assert imported.returncode == 0, imported.stderr
    assert all(o["ok"] for o in json.loads(imported.stdout))
    assert (
        run("annotate", "1", "--quote", "示例市", "--category", "其他", "--comment", "离线批注").returncode
        == 0
    )
    for command in (
        ["export-memo", "1", "--out", str(tmp_path / "memo.docx")],
        ["export-annotations", "--out", str(tmp_path / "round.rdpkg")],
        ["export-summary", "--out", str(tmp_path / "summary.xlsx")],
        ["backup", "--out", str(tmp_path / "copy.sqlite")],
    ):
        result = run(*command)
        assert result.returncode == 0, (command, result.stderr)
    assert all(
        (tmp_path / name).is_file() for name in ("memo.docx", "round.rdpkg", "summary.xlsx", "copy.sqlite")
    )
