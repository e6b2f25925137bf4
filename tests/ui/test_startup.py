"""Start-up: the window paints before the ORM, jieba or the PDF and Word libraries load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from desktop.ui.app import launch

HEAVY = ("sqlalchemy", "jieba", "pypdfium2", "pdfplumber", "docx", "alembic", "opencc", "db.models", "matplotlib")

class Watch(QObject):
    seen = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = [m for m in HEAVY if m in sys.modules]
        return False

app, window = launch(["--library", sys.argv[1], "--no-samples"])
watch = Watch()
window.installEventFilter(watch)
result = {}
def loaded():
    result["library"] = window.library is not None
    result["rows"] = window.model.rowCount()
    app.quit()
window.library_loaded.connect(loaded)
QTimer.singleShot(60000, app.quit)
app.exec()
window.runner.wait(10000)
print(json.dumps({"at_paint": watch.seen, **result}))
"""


def test_window_paints_before_heavy_modules_load_then_opens_the_library(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "library.sqlite")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["at_paint"] == [], f"loaded before the window painted: {result['at_paint']}"
    assert result["library"] is True
    assert result["rows"] == 0
    assert (tmp_path / "library.sqlite").is_file()
