"""The interface is Chinese in the source and English through Qt Linguist files, kept complete."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.app import install_translator
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskRunner
from tests.conftest import ROOT

TS = ROOT / "resources" / "i18n" / "reviewdesk_en.ts"
HAN = re.compile(r"[\u4e00-\u9fff]")


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.skip(f"{name} not installed")
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_interface_string_has_an_english_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    found, committed = _messages(fresh), _messages(TS)
    assert len(found) > 150
    missing = sorted(key for key in found if key not in committed)
    assert not missing, f"run `make translations` and translate: {missing[:10]}"
    untranslated = []
    for key, message in committed.items():
        translation = message.find("translation")
        if key in found and (translation is None or translation.get("type") == "unfinished"):
            untranslated.append(key)
    assert not untranslated, untranslated[:10]


def test_compiled_translation_matches_the_ts_file(tmp_path: Path) -> None:
    compiled = tmp_path / "en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run `make translations`"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    installed = install_translator(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_english_interface_has_no_chinese_in_menus_and_actions(qtbot, tmp_path: Path, english: None) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, TaskRunner())
    qtbot.addWidget(window)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:2] == ["&File", "&Edit"]
    chinese = [a.text() for a in window.actions_by_name.values() if HAN.search(a.text())]
    assert not chinese
    headers = [
        str(window.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(window.model.columnCount())
    ]
    assert "Agency" in headers and not any(HAN.search(h) for h in headers)
    assert window.report_view.side.tabText(0) == "Figures"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_file_dialog_speaks_one_language(qtbot, qapp: QApplication, language: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

    installed = install_translator(qapp, language)
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        texts = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
        texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.text()]
        assert len(texts) >= 4
        if language == "en":
            assert not [t for t in texts if HAN.search(t)]
        else:
            assert not [t for t in texts if re.search("[A-Za-z]{3,}", t)], texts
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_compiled_qt_supplement_matches_its_ts_file(tmp_path: Path) -> None:
    source = TS.with_name("qt_supplement_zh_CN.ts")
    compiled = tmp_path / "supplement.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(source), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == source.with_suffix(".qm").read_bytes(), "run `make translations`"


def test_every_shipped_catalog_label_is_marked_for_translation() -> None:
    import json

    from desktop.ui.labels import CATALOG_LABELS

    shown: set[str] = set()
    for path in sorted((ROOT / "resources").glob("metrics_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        shown |= {data["label"]} if "label" in data else set()
        shown |= {m["label"] for m in data.get("metrics", [])}
        shown |= {t["type"] if isinstance(t, dict) else t for t in data.get("issuer_types", [])}
    assert len(shown) > 50
    assert sorted(shown - set(CATALOG_LABELS)) == []
