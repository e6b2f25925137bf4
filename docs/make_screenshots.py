"""Render screenshots of the main views into docs/screenshots/ (used by the README): at 1600×1000, at
the first-start size 1200×760 and at 150 % scaling, in Chinese and in English.

Runs on the offscreen platform by default (no display needed); under Xvfb set
QT_QPA_PLATFORM=xcb to take them from a real window. Uses a throw-away library with the samples.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
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

OUT = Path(os.environ.get("REVIEWDESK_SHOTS", ROOT / "docs" / "screenshots"))


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


CONFIGURATIONS = [
    # (folder, size, language, scale): the README shows the first; the others prove every layout.
    ("", (1600, 1000), "zh_CN", "1"),
    ("1200x760", (1200, 760), "zh_CN", "1"),
    ("scale150", (1200, 760), "zh_CN", "1.5"),
    ("en", (1600, 1000), "en", "1"),
    ("en/1200x760", (1200, 760), "en", "1"),
    ("en/scale150", (1200, 760), "en", "1.5"),
]


def wait_until(check: Callable[[], bool], ms: int = 5000) -> None:
    for _ in range(ms // 100):
        if check():
            return
        wait(100)


def shoot(out: Path, size: tuple[int, int], language: str, full: bool) -> None:
    from desktop.ui.app import install_translator

    app = create_application([])
    install_translator(app, language)
    families = [f for f in QFontDatabase.families() if "CJK SC" in f or "WenQuanYi" in f]
    if families:
        app.setFont(QFont(families[0], 10))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "library.sqlite")
        ids = [import_file(library.sessions, path).report_id for path in sample_files()]
        update_derived(library.sessions, [i for i in ids if i])
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, TaskRunner())
        window.resize(*size)  # logical pixels: at scale 1.5 the window is 1.5 times larger on screen
        window.show()
        window.set_library(library)
        wait(800)
        window.table.selectRow(0)
        wait_until(lambda: window.report_view.report_id is not None)
        wait(400)
        window.grab().save(str(out / "main_window.png"))
        annotate(library, window)
        window.report_view.side.setCurrentIndex(1)
        wait(400)
        window.grab().save(str(out / "annotations.png"))
        if full:
            window.actions_by_name["show_original"].setChecked(True)
            wait(200)
            window.grab().save(str(out / "original_text.png"))
            window.actions_by_name["show_original"].setChecked(False)
        findings = window.findings.panel
        side = window.report_view.side
        side.setCurrentIndex(side.indexOf(findings))
        wait_until(lambda: bool(findings.findings))
        wait(300)
        window.grab().save(str(out / "findings.png"))
        window.actions_by_name["show_comparison"].trigger()
        wait_until(lambda: window.comparison.compared_id is not None)
        window.comparison_view.next_change()
        window.comparison_view.next_change()
        wait(300)
        window.grab().save(str(out / "comparison.png"))
        if full:
            window.comparison_view.tabs.setCurrentIndex(1)
            wait(200)
            window.grab().save(str(out / "comparison_figures.png"))
            window.actions_by_name["show_overview"].trigger()
            wait_until(lambda: window.overview_view is not None and window.overview_view.table.rowCount() > 0)
            wait(1500)
            window.grab().save(str(out / "overview.png"))
        window.close()
        library.close()


def main() -> int:
    """Without arguments: every configuration, each in its own process (the scale factor is read at
    start). ``--one FOLDER``: that configuration only, in this process."""
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        folder, size, language, _scale = next(c for c in CONFIGURATIONS if c[0] == sys.argv[2].strip("."))
        shoot(OUT / folder, size, language, full=folder == "")
        return 0
    for folder, _size, _language, scale in CONFIGURATIONS:
        env = {**os.environ, "QT_SCALE_FACTOR": scale}
        subprocess.run([sys.executable, __file__, "--one", folder or "."], env=env, check=True)
        print(f"screenshots written to {OUT / folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
