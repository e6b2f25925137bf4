"""What the frozen ReviewDesk bundle leaves out, and why; read by ``reviewdesk.spec`` and by the tests.

Every rule names the module that would need what it removes. ``tests/test_bundle_rules.py`` imports
every module of the app, scans every ``import`` statement in its sources (lazy ones included) and
fails if the app uses a module whose code or data a rule removes. The packaging check
(``.ci/packaging.sh``) then runs the installed app through import, analysis and every export.

The figures behind the choices come from tracing the frozen app (``strace -e openat``) through
imports of every format, comparison, search, memo and summary exports and the GUI on the
offscreen and xcb platforms (see docs/packaging.md, "What the bundle leaves out").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# Qt modules the app does not use: their Python bindings, libraries, plugins and QML stay out.
QT_UNUSED = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtBluetooth",
    "QtCharts",
    "QtDataVisualization",
    "QtDBus",  # the Python binding only: libQt6DBus stays, the xcb platform plugin links it
    "QtDesigner",
    "QtGraphs",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
)

# Python modules never imported by the app (checked by the tests), with what they would pull in.
PYTHON_UNUSED = (
    "tkinter",
    "_tkinter",
    "readline",  # line editing for an interactive prompt; brings libreadline and libtinfo
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "IPython",
    "pygments",  # only for Mako's optional HTML error highlighting (falls back without it)
    # Pillow stays (openpyxl and pdfplumber import it) but not its optional codecs: each plugin
    # imports its codec module inside try/except, so AVIF/WebP images are simply unsupported.
    "PIL._avif",  # + libavif (5 MB)
    "PIL._webp",  # + libwebp, libwebpmux, libwebpdemux, libsharpyuv
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    # lxml parts no reader uses.
    "lxml.objectify",  # 3 MB
    "lxml.isoschematron",
    "lxml.html.diff",
    "lxml.html._difflib",
    "lxml.html.soupparser",
    "lxml.html.html5parser",
)

EXCLUDES = (*(f"PySide6.{name}" for name in QT_UNUSED), *PYTHON_UNUSED)

# Excluded modules that a library imports when they are installed and does without otherwise
# (inside try/except ImportError); the development environment has them, the bundle does not.
OPTIONAL_IMPORTS = ("pygments",)  # Mako (through Alembic) highlights tracebacks with it

# OpenCC conversions the app asks for (``opencc.OpenCC("t2s")``); their dictionaries are kept.
OPENCC_CONFIGS = ("t2s",)


class DataRule:
    """Files of the collected tree to leave out: ``pattern`` matches the bundle-relative path."""

    def __init__(self, pattern: str, reason: str, needed_by: tuple[str, ...] = ()) -> None:
        self.pattern = re.compile(pattern)
        self.reason = reason
        # Modules whose use would make the files necessary (the tests check none is imported).
        self.needed_by = needed_by

    def matches(self, dest: str) -> bool:
        return self.pattern.match(dest.replace("\\", "/")) is not None


DATA_RULES = (
    # QtNetwork stays for QLocalServer/QLocalSocket (one window per library, desktop/ui/single_instance.py);
    # what it can load for the internet stays out.
    DataRule(
        r"PySide6/Qt/plugins/(tls|networkinformation)/",
        "TLS backends and network-status plugins: the app only talks over local sockets",
    ),
    DataRule(
        r"jieba/lac_small/",
        "the 13 MB model of jieba's paddle mode; needs paddlepaddle, never enabled",
        ("paddle",),
    ),
    DataRule(r"jieba/analyse/", "keyword extraction (TF-IDF table, 6 MB)", ("jieba.analyse",)),
    DataRule(
        r"jieba/(finalseg|posseg)/.*\.p$",
        "pickled HMM tables read only under Jython; CPython imports the same tables as modules",
    ),
    DataRule(
        r"opencc/clib/(bin|include|lib|lib64)/",
        "OpenCC's command-line tools, headers and static libraries (the binding is one module)",
    ),
    DataRule(
        r"PySide6/Qt/plugins/imageformats/libq(icns|tga|tiff|wbmp|webp)\.(so|dll|dylib)$",
        "image formats the app never reads (its icons are PNG; report images are not rendered)",
    ),
    DataRule(
        r"PySide6/(Qt/)?plugins/imageformats/q(icns|tga|tiff|wbmp|webp)\.dll$",
        "the same image-format plugins in the Windows layout",
    ),
    DataRule(r"resources/i18n/.*\.ts$", "translation sources; the app loads the compiled .qm"),
)


def opencc_files_needed(share_dir: Path, configs: tuple[str, ...] = OPENCC_CONFIGS) -> set[str]:
    """Names of the files in OpenCC's share directory that the given conversions read."""
    needed: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            file = node.get("file")
            if isinstance(file, str):
                needed.add(file)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for config in configs:
        name = f"{config}.json"
        needed.add(name)
        walk(json.loads((share_dir / name).read_text(encoding="utf-8")))
    return needed


_OPENCC_SHARE = re.compile(r"opencc/clib/share/opencc/([^/]+)$")


def keep_data(dest: str, opencc_keep: set[str] | None) -> bool:
    """Whether a collected file (bundle-relative ``dest``) stays in the bundle."""
    path = dest.replace("\\", "/")
    if any(rule.matches(path) for rule in DATA_RULES):
        return False
    match = _OPENCC_SHARE.match(path)
    return not (match and opencc_keep is not None and match.group(1) not in opencc_keep)


def is_excluded_module(name: str) -> bool:
    """Whether module ``name`` is left out by EXCLUDES (an excluded package takes its submodules)."""
    return any(name == excluded or name.startswith(excluded + ".") for excluded in EXCLUDES)
