"""Render screenshots of the main views into docs/screenshots/ (used by the README).

Runs on the offscreen platform by default (no display needed); under Xvfb set
QT_QPA_PLATFORM=xcb to take them from a real window. Uses a throw-away library with the samples.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402

from db.session import open_library  # noqa: E402
from desktop.core.importing import import_file, update_derived  # noqa: E402
from desktop.core.samples import sample_files  # noqa: E402
from desktop.ui.app import create_application  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    app = create_application([])
    families = [f for f in QFontDatabase.families() if "CJK SC" in f or "WenQuanYi" in f]
    if families:
        app.setFont(QFont(families[0], 10))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "library.sqlite")
        ids = [import_file(library.sessions, path).report_id for path in sample_files()]
        update_derived(library.sessions, [i for i in ids if i])
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, TaskRunner())
        window.resize(1500, 900)
        window.show()
        window.set_library(library)
        wait(800)
        window.table.selectRow(0)
        wait(300)
        tree = window.report_view.metrics.tree
        for index in range(tree.topLevelItemCount()):
            if tree.topLevelItem(index).text(0) == "隐患整改率":
                tree.itemClicked.emit(tree.topLevelItem(index).child(0), 0)
        wait(200)
        window.grab().save(str(OUT / "main_window.png"))
        window.actions_by_name["show_original"].setChecked(True)
        wait(200)
        window.grab().save(str(OUT / "original_text.png"))
        window.close()
        library.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
