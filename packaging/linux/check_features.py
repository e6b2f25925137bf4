#!/usr/bin/env python3
"""Checks of what the installed app wrote, for the packaging check (.ci/packaging.sh).

    python3 packaging/linux/check_features.py overview HOME   # overview.png/.pdf/.xlsx in HOME
    python3 packaging/linux/check_features.py team HOME       # team-list.json, team.pdf, team.trace

``overview``: the PNG is a real image of chart size, drawn with a Chinese font the system has
(the strace of its export shows the font file opened, and matplotlib reported no missing glyph);
the PDF embeds a Chinese font and its text layer holds the title and the agency (poppler's
pdffonts and pdftotext); the workbook has the table and the four charts; matplotlib's font list
is kept in the user's cache folder. ``team``: the library on the server lists the imported
reports, its overview is a PDF, and libpq and OpenSSL were loaded from the system, not from the
bundle. Standard library only; exits 1 with the reason on the first failed check.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

TITLE = "年度法治政府建设年度报告审阅概览"
AGENCY = "示例市应急管理局"
BUNDLE = "/opt/reviewdesk/"
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def fail(message: str) -> None:
    print(f"check failed: {message}", file=sys.stderr)
    raise SystemExit(1)


def opened(trace: Path) -> set[str]:
    """Files a traced process opened successfully (``strace -e trace=openat`` output)."""
    found = set()
    for line in trace.read_text(errors="replace").splitlines():
        match = re.search(r'openat\([^"]*"([^"]+)"', line)
        if match and "ENOENT" not in line and "ENOTDIR" not in line:
            found.add(match.group(1))
    return found


def chinese_fonts() -> dict[str, set[str]]:
    """{font file: PostScript names} of every installed font that covers Chinese (fontconfig; a
    .ttc collection holds several faces)."""
    if shutil.which("fc-list") is None:
        fail("fc-list (fontconfig) is needed to know the system's Chinese fonts")
    listing = subprocess.run(
        ["fc-list", ":lang=zh", "file", "postscriptname"], capture_output=True, text=True, check=True
    ).stdout
    fonts: dict[str, set[str]] = {}
    for line in listing.splitlines():
        file, _, rest = line.partition(":")
        fonts.setdefault(file.strip(), set()).add(rest.partition("=")[2].strip())
    if not fonts:
        fail("no Chinese font installed (fonts-noto-cjk): the charts cannot show their labels")
    return fonts


def tool(name: str, *args: str) -> str:
    if shutil.which(name) is None:
        fail(f"{name} (poppler-utils) is needed to read the PDF")
    return subprocess.run([name, *args], capture_output=True, text=True, check=True).stdout


def check_pdf(path: Path, fonts: dict[str, set[str]], what: str) -> None:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        fail(f"{path} is not a PDF")
    embedded = [
        line.split()[0].partition("+")[2] or line.split()[0]
        for line in tool("pdffonts", str(path)).splitlines()[2:]
        if line.split() and " yes " in line
    ]
    every = set().union(*fonts.values())
    names = {name.lower() for name in every} | {re.sub(r"-[A-Za-z]+$", "", name).lower() for name in every}
    chinese = [
        name
        for name in embedded
        if name.lower() in names or re.sub(r"-[A-Za-z]+$", "", name).lower() in names
    ]
    if not chinese:
        fail(f"{path} embeds no Chinese font (embedded: {embedded or 'none'})")
    text = tool("pdftotext", "-enc", "UTF-8", str(path), "-")
    for needed in (TITLE, AGENCY):
        if needed not in text:
            fail(f"{path}: the text layer lacks {needed!r}")
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    print(f"ok: {what} PDF, {pages} pages, {len(data) // 1024} KiB, embeds {', '.join(sorted(set(chinese)))}")


def check_overview(home: Path) -> None:
    fonts = chinese_fonts()
    png = (home / "overview.png").read_bytes()
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        fail("overview.png is not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    if width < 1000 or height < 500:
        fail(f"overview.png is {width}×{height}: too small for the four charts")
    used = [font for font in opened(home / "overview-png.trace") if font in fonts]
    if not used:
        fail("the PNG export opened none of the system's Chinese fonts: its labels are not Chinese")
    errors = (home / "overview-png.err").read_text(errors="replace")
    if "missing from font" in errors:
        fail(f"matplotlib drew missing glyphs: {errors.strip().splitlines()[-1]}")
    print(f"ok: overview PNG {width}×{height}, {len(png) // 1024} KiB, drawn with {', '.join(sorted(used))}")
    check_pdf(home / "overview.pdf", fonts, "overview")
    with zipfile.ZipFile(home / "overview.xlsx") as book:
        images = [name for name in book.namelist() if name.startswith("xl/media/")]
        # Cell text, shared or inline (written as character references): what Excel shows.
        texts = [
            node.text or ""
            for name in book.namelist()
            if name == "xl/sharedStrings.xml" or name.startswith("xl/worksheets/sheet")
            for node in ElementTree.fromstring(book.read(name)).iter(f"{{{SHEET_NS}}}t")
        ]
    if len(images) != 4:
        fail(f"overview.xlsx holds {len(images)} chart images, not 4")
    if AGENCY not in texts:
        fail("overview.xlsx lacks the agency in its table")
    print(f"ok: overview workbook with the table and {len(images)} charts")
    cache = sorted((home / ".cache" / "ReviewDesk" / "matplotlib").glob("fontlist-*.json"))
    if not cache:
        fail("matplotlib's font list is not kept in ~/.cache/ReviewDesk/matplotlib")
    print(f"ok: matplotlib's font list kept in {cache[0].parent}")


def check_team(home: Path) -> None:
    reports = json.loads((home / "team-list.json").read_text(encoding="utf-8"))
    if not reports or {report["agency"] for report in reports} != {AGENCY}:
        fail(f"the team library lists {reports!r}")
    check_pdf(home / "team.pdf", chinese_fonts(), "team library overview")
    files = opened(home / "team.trace")
    libpq = sorted(f for f in files if re.search(r"/libpq\.so", f))
    openssl = sorted(f for f in files if re.search(r"/lib(ssl|crypto)[-.]", f))
    if not libpq or any(f.startswith(BUNDLE) for f in libpq + openssl):
        fail(f"libpq/OpenSSL not from the system: {libpq + openssl}")
    print(
        f"ok: team library on PostgreSQL, {len(reports)} current reports, through {', '.join(libpq + openssl)}"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("overview", "team"):
        print(__doc__, file=sys.stderr)
        return 2
    (check_overview if argv[0] == "overview" else check_team)(Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
