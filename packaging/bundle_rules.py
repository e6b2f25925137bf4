"""What the frozen ReviewDesk bundle leaves out, and why; read by ``reviewdesk.spec`` and by the tests.

Every rule names the module that would need what it removes. ``tests/test_bundle_rules.py`` imports
every module of the app, scans every ``import`` statement in its sources (lazy ones included) and
fails if the app uses a module whose code or data a rule removes. The packaging check
(``.ci/packaging.sh``) then runs the installed app through import, analysis and every export.

The figures behind the choices come from tracing the frozen app (``strace -e openat``) through
imports of every format, comparison, search, memo, summary and season-overview exports (.png,
.pdf, .xlsx), a team library on PostgreSQL and the GUI on the offscreen and xcb platforms
(``packaging/linux/trace_loaded.sh``; see docs/packaging.md, "What the bundle leaves out").
"""

from __future__ import annotations

import json
import re
import sys
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

# matplotlib backends: the charts save through Agg (PNG, also the images of the .xlsx export) and
# PDF (which draws images through backend_mixed); the GUI, cairo, PostScript, SVG, PGF and browser
# backends stay out. Everything else in matplotlib/backends/ must be on one of the two lists.
MATPLOTLIB_BACKENDS_KEPT = (
    "backend_agg",
    "_backend_agg",
    "backend_pdf",
    "_backend_pdf_ps",
    "backend_mixed",
    "registry",
)
# fmt: off
MATPLOTLIB_BACKENDS_UNUSED = (
    "backend_cairo", "backend_gtk3", "backend_gtk3agg", "backend_gtk3cairo", "backend_gtk4",
    "backend_gtk4agg", "backend_gtk4cairo", "_backend_gtk", "backend_macosx", "_macosx", "backend_nbagg",
    "backend_pgf", "backend_ps", "backend_qt", "backend_qt5", "backend_qt5agg", "backend_qt5cairo",
    "backend_qtagg", "backend_qtcairo", "qt_compat", "qt_editor", "backend_svg", "backend_template",
    "backend_tkagg", "backend_tkcairo", "_backend_tk", "_tkagg", "backend_webagg", "backend_webagg_core",
    "backend_wx", "backend_wxagg", "backend_wxcairo",
)
# fmt: on

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
    # setuptools' resource API: jieba tries it for its dictionary and opens the file beside its
    # module without it. Bundled, it also adds PyInstaller's pkg_resources start-up hook, which
    # scans every distribution on each launch.
    "pkg_resources",
    # Interactive help and debugging: reached only from fontTools' and numpy's developer entry
    # points (doctest in "if __name__ == '__main__'" blocks, numpy.info()).
    "doctest",
    "pdb",
    "pydoc",
    "pydoc_data",
    # SQLAlchemy's dialects for servers a library never lives on: a library is a SQLite file or a
    # postgresql:// URL (db/paths.py), and a dialect loads only when a URL names it. Alembic's
    # MySQL, SQL Server and Oracle modules name them under TYPE_CHECKING only.
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
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
    # Pillow's colour management (+ liblcms2): Image.convert() imports it only to convert LAB
    # images; the only images the app handles are the RGBA PNGs its charts write.
    "PIL.ImageCms",
    "PIL._imagingcms",
    # The season overview's charts (desktop/core/overview/charts.py) build matplotlib Figures
    # and save them through the Agg (PNG) and PDF canvases. What else matplotlib offers stays out:
    "matplotlib.pyplot",  # global figure manager and GUI backend selection; charts use Figure directly
    "matplotlib._tri",  # triangulation (tricontour, tripcolor) and its Delaunay code: 1.2 MB
    "matplotlib._qhull",
    "contourpy",  # contour lines, imported only by Axes.contour()/contourf(): 0.9 MB
    *(f"matplotlib.backends.{name}" for name in MATPLOTLIB_BACKENDS_UNUSED),
    # numpy: the charts pass lists of numbers through matplotlib; nothing samples, transforms or
    # fits them, and numpy's own test and build tools are for developers.
    "numpy.random",  # 2.7 MB of extension modules
    "numpy.fft",
    "numpy.polynomial",
    "numpy.f2py",
    "numpy.distutils",  # numpy 1.x only
    "numpy.testing",
    "numpy.tests",
    "numpy._core._multiarray_tests",
    "numpy._pyinstaller",
)

# Left out of one platform's bundle only. On Linux the .deb depends on the distribution's libpq5
# (and OpenSSL), which psycopg's pure-Python implementation loads: the wheel's private copies of
# libpq, OpenSSL, Kerberos and LDAP (10.8 MB) would duplicate them and miss the distribution's
# security updates. Windows has no system libpq and keeps psycopg_binary.
PLATFORM_UNUSED = {"linux": ("psycopg_binary",)}

EXCLUDES = (*(f"PySide6.{name}" for name in QT_UNUSED), *PYTHON_UNUSED)


def excludes_for(platform: str = sys.platform) -> tuple[str, ...]:
    """Every module left out of the bundle built on ``platform`` (``sys.platform`` style)."""
    key = "linux" if platform.startswith("linux") else platform
    return (*EXCLUDES, *PLATFORM_UNUSED.get(key, ()))


# Excluded modules that a library imports when they are installed and does without otherwise
# (inside try/except ImportError); the development environment has them, the bundle does not.
OPTIONAL_IMPORTS = (
    "pygments",  # Mako (through Alembic) highlights tracebacks with it
    "psycopg_binary",  # psycopg.pq tries it, then its Python implementation with the system libpq
    "pkg_resources",  # jieba._compat tries it, then opens its dictionary beside the module
)

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
    # matplotlib's data (mpl-data/): the charts need matplotlibrc, DejaVu Sans (the default family
    # and the fallback after the system's CJK font, charts.py) and Last Resort (the glyph of last
    # resort font_manager adds to every font). Text between two "$" is mathtext, whose other
    # families fall back to DejaVu Sans when absent (tests/test_bundle_rules.py draws one).
    DataRule(
        r"matplotlib/mpl-data/fonts/ttf/(?!DejaVuSans\.ttf$|LastResortHE-Regular\.ttf$|LICENSE_DEJAVU$)",
        "fonts no chart uses: DejaVu Sans bold/oblique/mono/serif, STIX and Computer Modern (7 MB)",
    ),
    DataRule(
        r"matplotlib/mpl-data/fonts/(afm|pdfcorefonts)/",
        "Type 1 font metrics, read only with rcParams pdf.use14corefonts or ps.useafm (the charts embed TrueType)",
    ),
    DataRule(
        r"matplotlib/mpl-data/sample_data/",
        "example data sets for matplotlib's gallery (cbook.get_sample_data)",
    ),
    DataRule(
        r"matplotlib/mpl-data/images/",
        "toolbar icons of the interactive GUI backends (left out above)",
        ("matplotlib.pyplot", "matplotlib.backends.backend_qt"),
    ),
    DataRule(
        r"matplotlib/mpl-data/stylelib/", "style sheets for matplotlib.style.use()", ("matplotlib.style",)
    ),
    DataRule(
        r"matplotlib/mpl-data/(plot_directive/|kpsewhich\.lua$)",
        "Sphinx plot directive and the TeX helper of text.usetex",
        ("matplotlib.sphinxext",),
    ),
    DataRule(
        r"matplotlib/backends/web_backend/",
        "the browser backend's HTML and JavaScript",
        ("matplotlib.backends.backend_webagg",),
    ),
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


def is_excluded_module(name: str, platform: str = sys.platform) -> bool:
    """Whether module ``name`` is left out of the bundle built on ``platform`` (an excluded package
    takes its submodules)."""
    return any(name == excluded or name.startswith(excluded + ".") for excluded in excludes_for(platform))
