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

from db.session import Library, open_library  # noqa: E402
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


def annotate(library: Library, window: MainWindow) -> None:
    """Two findings on the shown report, as a reviewer would leave them."""
    from desktop.core.annotations import create_annotation
    from desktop.core.library import get_report

    report_id = window.report_view.report_id
    assert report_id is not None
    with library.sessions.begin() as session:
        report = get_report(session, report_id, with_text=True)
        assert report is not None
        for quote, category, severity, comment in (
            ("执法力量与监管任务不相匹配", "shallow_analysis", "serious", "只列现象，未分析深层原因。"),
            ("生产安全事故23起", "data_inconsistent", "normal", "请核对整改率与已整改、发现数是否一致。"),
        ):
            start = report.clean_text.find(quote)
            if start >= 0:
                create_annotation(
                    session,
                    report,
                    start,
                    start + len(quote),
                    category=category,
                    severity=severity,
                    comment=comment,
                    author="王审阅",
                )
    window.annotations.reload()
    window.refresh()


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
        window.actions_by_name["show_original"].setChecked(False)
        annotate(library, window)
        window.report_view.side.setCurrentIndex(1)
        wait(300)
        window.grab().save(str(OUT / "annotations.png"))
        window.actions_by_name["show_comparison"].trigger()
        for _ in range(50):
            wait(100)
            if window.comparison.compared_id is not None:
                break
        window.comparison_view.next_change()
        window.comparison_view.next_change()
        wait(300)
        window.grab().save(str(OUT / "comparison.png"))
        window.comparison_view.tabs.setCurrentIndex(1)
        wait(200)
        window.grab().save(str(OUT / "comparison_figures.png"))
        window.close()
        library.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
