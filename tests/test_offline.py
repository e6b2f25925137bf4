"""ReviewDesk never touches the network: a full import and the GUI run with sockets forbidden."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import textwrap

from tests.conftest import CORPUS, ROOT, SAMPLES

GUARD = textwrap.dedent(
    """
    import socket, sys
    attempts = []
    def forbidden(self, address, *args, **kwargs):
        if getattr(self, "family", None) == socket.AF_UNIX:
            return _connect(self, address, *args, **kwargs)
        attempts.append(repr(address))
        raise OSError("network access is forbidden in ReviewDesk")
    _connect = socket.socket.connect
    socket.socket.connect = forbidden
    socket.socket.connect_ex = forbidden
    _getaddrinfo = socket.getaddrinfo
    def no_lookup(host, *args, **kwargs):
        attempts.append("lookup " + str(host))
        raise OSError("name lookups are forbidden in ReviewDesk")
    socket.getaddrinfo = no_lookup
    import atexit
    atexit.register(lambda: print("NETWORK-ATTEMPTS:", attempts, file=sys.stderr))
    """
)


def run_guarded(body: str, tmp: str) -> subprocess.CompletedProcess[str]:
    code = GUARD + textwrap.dedent(body)
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": tmp,
        "XDG_DATA_HOME": tmp,
        "XDG_CONFIG_HOME": tmp,
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, timeout=180
    )


def test_import_of_every_format_makes_no_network_attempt(tmp_path) -> None:  # type: ignore[no-untyped-def]
    files = [str(p) for p in sorted(SAMPLES.glob("shili_*.*"))]
    if CORPUS.is_dir():
        files += [str(p) for p in sorted((CORPUS / "reports").iterdir())]
    body = f"""
    from desktop.main import main
    code = main(["import", *{files!r}, "--library", {str(tmp_path / "lib.sqlite")!r}, "--json"])
    print("EXIT", code)
    """
    result = run_guarded(body, str(tmp_path))
    assert "EXIT 0" in result.stdout, result.stderr[-3000:]
    assert "NETWORK-ATTEMPTS: []" in result.stderr, result.stderr[-3000:]


def test_gui_start_makes_no_network_attempt(tmp_path) -> None:  # type: ignore[no-untyped-def]
    library = str(tmp_path / "lib.sqlite")
    body = f"""
    from PySide6.QtCore import QSettings, QTimer
    from desktop.ui import app as gui
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tasks import TaskRunner
    application = gui.create_application([])
    window = MainWindow(QSettings(), TaskRunner())
    window.show()
    # Quit once the first start has imported the samples (or after a generous limit).
    window.import_flow.finished.connect(lambda _outcomes: QTimer.singleShot(500, application.quit))
    QTimer.singleShot(120000, application.quit)
    gui.start_library(window, {library!r})
    print("EXIT", application.exec())
    window.runner.wait(10000)
    from desktop.main import main
    main(["list", "--library", {library!r}])
    """
    result = run_guarded(body, str(tmp_path))
    assert "EXIT 0" in result.stdout, result.stderr[-3000:]
    assert "NETWORK-ATTEMPTS: []" in result.stderr, result.stderr[-3000:]
    # First start loaded the sample library: both years of the made-up agency.
    listed = sorted(re.findall(r"#\d+  示例市应急管理局  (\d{4})", result.stdout))
    assert listed == ["2023", "2024"], result.stdout


def test_guard_really_blocks_connections() -> None:
    """The guard above is only proof if it catches a real attempt."""
    result = run_guarded(
        """
        import socket
        try:
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        except OSError as error:
            print("blocked", error)
        """,
        "/tmp",
    )
    assert "blocked" in result.stdout
    assert "NETWORK-ATTEMPTS: []" not in result.stderr
    assert socket.socket.connect.__name__ == "connect"
