#!/usr/bin/env python3
"""Build the project's own sample reports from the clean texts in ``source/``.

Outputs (written next to this script, in ``resources/samples/``):

* ``shili_2023.docx`` / ``shili_2024.docx`` - official-format Word files (GB/T 9704-2012 layout,
  same conventions as the test corpus: A4, margins 37/35/28/26 mm, 方正小标宋简体 title, 仿宋_GB2312
  body at a fixed 28.95 pt line pitch, 黑体 ``一、`` headings, 楷体_GB2312 ``（一）`` headings, East Asian
  fonts set with ``w:rFonts w:eastAsia``, ``— N —`` page numbers, odd right / even left).
* ``shili_2023.pdf`` / ``shili_2024.pdf`` - LibreOffice exports of the .docx files.
* ``shili_2024.txt`` - the 2024 report as text copied out of a PDF: hard line breaks about every
  28 characters, in the middle of sentences.

The .docx build is deterministic: fixed core-properties dates and fixed zip entry timestamps, so
rebuilding gives the same bytes.  The PDFs are normalised (fixed dates and document ID) as far as
LibreOffice allows; see README.md.

Usage::

    .venv/bin/python resources/samples/build_samples.py            # build everything
    .venv/bin/python resources/samples/build_samples.py --no-pdf   # skip the LibreOffice step
    .venv/bin/python resources/samples/build_samples.py --check    # only verify texts + expected.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
EXPECTED = HERE / "expected.json"

AGENCY = "示例市应急管理局"

# Per sample: the report date printed at the end, used for the core properties and PDF dates.
SAMPLES = {
    "shili_2023": {"date": dt.datetime(2024, 1, 25, 9, 30, 0)},
    "shili_2024": {"date": dt.datetime(2025, 1, 20, 9, 30, 0)},
}
PDF_COPY_SAMPLES = ["shili_2024"]

# --- layout constants (twips unless stated; 1 pt = 20 twips, 1 mm = 56.7 twips) -------------------
PAGE_W, PAGE_H = 11906, 16838  # A4
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2098, 1984, 1587, 1474  # 37/35/28/26 mm
HEADER_DIST, FOOTER_DIST = 850, 1417
BODY_LINE = 579  # 28.95 pt exact line spacing: 22 lines on the 225 mm text block
TITLE_LINE = 700  # 35 pt for the 22 pt title
BODY_SZ = 32  # half-points: 16 pt = 三号
TITLE_SZ = 44  # 22 pt = 二号
FOOTER_SZ = 28  # 14 pt = 四号
CHAR_W = 320  # one 三号 character = 16 pt = 320 twips

LATIN = "Times New Roman"
F_TITLE = "方正小标宋简体"
F_BODY = "仿宋_GB2312"
F_H1 = "黑体"
F_H2 = "楷体_GB2312"
F_PAGE = "宋体"

RE_H1 = re.compile(r"^[一二三四五六七八九十]+、")
RE_H2 = re.compile(r"^（[一二三四五六七八九十]+）")
RE_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
RE_YEAR = re.compile(r"\d{4}年度?")

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# ------------------------------------------------------------------------------------------------
# source texts
# ------------------------------------------------------------------------------------------------
def read_source(name: str) -> list[str]:
    text = (SOURCE / f"{name}.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if any(not ln.strip() for ln in lines):
        raise SystemExit(f"{name}.txt: blank line found (one paragraph per line, no blank lines)")
    if any(ln != ln.strip() for ln in lines):
        raise SystemExit(f"{name}.txt: leading/trailing whitespace found")
    return lines


def classify(lines: list[str]) -> list[tuple[str, str]]:
    """Label each clean-text line: title, addressee, h1, h2, body, signature, date, note."""
    out: list[tuple[str, str]] = []
    for i, ln in enumerate(lines):
        if i == 0:
            kind = "title"
        elif i == 1 and ln.endswith("："):
            kind = "addressee"
        elif ln == AGENCY and i >= len(lines) - 3:
            kind = "signature"
        elif RE_DATE.match(ln):
            kind = "date"
        elif ln.startswith("（公开方式"):
            kind = "note"
        elif RE_H1.match(ln):
            kind = "h1"
        elif RE_H2.match(ln):
            kind = "h2"
        else:
            kind = "body"
        out.append((kind, ln))
    return out


def split_title(title: str) -> list[str]:
    """Break the title into two lines right after the year (``…关于2024年`` / ``法治政府建设…``)."""
    m = RE_YEAR.search(title)
    if not m or m.end() >= len(title):
        return [title]
    return [title[: m.end()], title[m.end() :]]


def text_width(s: str) -> float:
    """Width in 三号 characters: CJK and full-width = 1, ASCII (Times New Roman digits) ≈ 0.5."""
    return sum(0.5 if ord(c) < 0x2E80 and unicodedata.east_asian_width(c) in "NaH" else 1 for c in s)


# ------------------------------------------------------------------------------------------------
# docx
# ------------------------------------------------------------------------------------------------
def build_docx(name: str, out_path: Path) -> None:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Twips

    lines = read_source(name)
    items = classify(lines)
    date = SAMPLES[name]["date"]

    doc = Document()
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)

    def set_fonts(rpr, east_asia: str, latin: str = LATIN) -> None:
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            rpr.insert(0, rfonts)
        rfonts.set(qn("w:ascii"), latin)
        rfonts.set(qn("w:hAnsi"), latin)
        rfonts.set(qn("w:eastAsia"), east_asia)
        rfonts.set(qn("w:cs"), latin)
        rfonts.set(qn("w:hint"), "eastAsia")

    def set_size(rpr, half_points: int) -> None:
        for tag in ("w:sz", "w:szCs"):
            el = OxmlElement(tag)
            el.set(qn("w:val"), str(half_points))
            rpr.append(el)

    # Normal style: 仿宋_GB2312 / Times New Roman 16 pt, so that unstyled text falls back correctly.
    normal = doc.styles["Normal"]
    nrpr = normal.element.get_or_add_rPr()
    for el in list(nrpr):
        nrpr.remove(el)
    set_fonts(nrpr, F_BODY)
    set_size(nrpr, BODY_SZ)

    def add_par(
        *,
        line: int = BODY_LINE,
        jc: str | None = "both",
        first_line: bool = False,
        ind_left: int = 0,
        ind_right: int = 0,
        keep_next: bool = False,
    ):
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        sp = OxmlElement("w:spacing")
        sp.set(qn("w:before"), "0")
        sp.set(qn("w:after"), "0")
        sp.set(qn("w:line"), str(line))
        sp.set(qn("w:lineRule"), "exact")
        ppr.append(sp)
        if first_line or ind_left or ind_right:
            ind = OxmlElement("w:ind")
            if ind_left:
                ind.set(qn("w:left"), str(ind_left))
            if ind_right:
                ind.set(qn("w:right"), str(ind_right))
            if first_line:
                ind.set(qn("w:firstLine"), str(2 * CHAR_W))
                ind.set(qn("w:firstLineChars"), "200")
            ppr.append(ind)
        if keep_next:  # schema order: keepNext comes before spacing/ind/jc
            ppr.insert(0, OxmlElement("w:keepNext"))
        if jc:
            j = OxmlElement("w:jc")
            j.set(qn("w:val"), jc)
            ppr.append(j)
        p.append(ppr)
        body.insert(len(body) - 1, p)  # before sectPr
        return p

    def add_run(
        p, text: str, east_asia: str, size: int = BODY_SZ, latin: str = LATIN, br_after: bool = False
    ) -> None:
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        set_fonts(rpr, east_asia, latin)
        set_size(rpr, size)
        r.append(rpr)
        t = OxmlElement("w:t")
        t.text = text
        if text != text.strip():
            t.set(qn("xml:space"), "preserve")
        r.append(t)
        if br_after:
            r.append(OxmlElement("w:br"))
        p.append(r)

    date_line = next(ln for k, ln in items if k == "date")
    date_right = 4 * CHAR_W  # 成文日期右空四字
    for kind, ln in items:
        if kind == "title":
            p = add_par(line=TITLE_LINE, jc="center")
            parts = split_title(ln)
            for j, part in enumerate(parts):
                add_run(p, part, F_TITLE, TITLE_SZ, latin=F_TITLE, br_after=j < len(parts) - 1)
            add_par(jc=None)  # blank line under the title
        elif kind == "addressee":
            add_run(add_par(), ln, F_BODY)
        elif kind == "h1":
            add_run(add_par(first_line=True, keep_next=True), ln, F_H1)
        elif kind == "h2":
            cut = ln.find("。")
            p = add_par(first_line=True, keep_next=cut == -1)
            if cut == -1 or cut == len(ln) - 1:
                add_run(p, ln, F_H2)
            else:  # run-in heading: only the text up to the first 。 is 楷体
                add_run(p, ln[: cut + 1], F_H2)
                add_run(p, ln[cut + 1 :], F_BODY)
        elif kind == "body":
            add_run(add_par(first_line=True), ln, F_BODY)
        elif kind == "signature":
            add_par(jc=None)
            add_par(jc=None)
            # the issuing body is centred over the date
            right = date_right + round((text_width(date_line) - text_width(ln)) / 2 * CHAR_W)
            add_run(add_par(jc="right", ind_right=max(right, 0)), ln, F_BODY)
        elif kind == "date":
            add_run(add_par(jc="right", ind_right=date_right), ln, F_BODY)
        elif kind == "note":
            add_run(add_par(jc="left", first_line=True), ln, F_BODY)
        else:  # pragma: no cover
            raise AssertionError(kind)

    # --- section: A4, GB/T 9704 margins, line grid ---------------------------------------------
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Twips(PAGE_W), Twips(PAGE_H)
    sec.top_margin, sec.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    sec.left_margin, sec.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    sec.header_distance, sec.footer_distance = Twips(HEADER_DIST), Twips(FOOTER_DIST)
    sec.gutter = Twips(0)
    sectpr = sec._sectPr
    grid = sectpr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sectpr.append(grid)
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    # no w:type: a "lines" grid makes LibreOffice snap the exact-spaced lines to the grid and
    # spread them out; the exact 28.95 pt spacing already gives 22 lines a page
    grid.set(qn("w:linePitch"), str(BODY_LINE))

    # --- footers: "— N —", 宋体 四号, odd pages right, even pages left, one character in ----------
    doc.settings.odd_and_even_pages_header_footer = True

    def fill_footer(footer, align: str) -> None:
        ftr = footer._element
        for child in list(ftr):
            ftr.remove(child)
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        ps = OxmlElement("w:pStyle")
        ps.set(qn("w:val"), "Footer")
        ppr.append(ps)
        sp = OxmlElement("w:spacing")
        sp.set(qn("w:before"), "0")
        sp.set(qn("w:after"), "0")
        sp.set(qn("w:line"), "400")
        sp.set(qn("w:lineRule"), "exact")
        ppr.append(sp)
        ind = OxmlElement("w:ind")
        ind.set(qn("w:right" if align == "right" else "w:left"), str(FOOTER_SZ * 10))
        ppr.append(ind)
        j = OxmlElement("w:jc")
        j.set(qn("w:val"), align)
        ppr.append(j)
        p.append(ppr)

        def run(kind: str, value: str | None = None) -> None:
            r = OxmlElement("w:r")
            rpr = OxmlElement("w:rPr")
            set_fonts(rpr, F_PAGE, F_PAGE)
            set_size(rpr, FOOTER_SZ)
            r.append(rpr)
            if kind == "t":
                t = OxmlElement("w:t")
                t.text = value
                t.set(qn("xml:space"), "preserve")
                r.append(t)
            elif kind == "instr":
                t = OxmlElement("w:instrText")
                t.text = value
                t.set(qn("xml:space"), "preserve")
                r.append(t)
            else:
                fc = OxmlElement("w:fldChar")
                fc.set(qn("w:fldCharType"), kind)
                r.append(fc)
            p.append(r)

        run("t", "— ")
        run("begin")
        run("instr", " PAGE ")
        run("separate")
        run("t", "1")
        run("end")
        run("t", " —")
        ftr.append(p)

    sec.footer.is_linked_to_previous = False
    sec.even_page_footer.is_linked_to_previous = False
    fill_footer(sec.footer, "right")
    fill_footer(sec.even_page_footer, "left")

    # --- core properties: a clerk's file, fixed dates ------------------------------------------
    cp = doc.core_properties
    cp.author = "Administrator"
    cp.last_modified_by = "Administrator"
    cp.title = ""
    cp.subject = ""
    cp.keywords = ""
    cp.comments = ""
    cp.category = ""
    cp.revision = 3
    cp.created = date
    cp.modified = date
    cp.last_printed = date

    buf = io.BytesIO()
    doc.save(buf)
    out_path.write_bytes(normalize_zip(buf.getvalue()))


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes so identical content gives identical bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, src.read(info.filename), compresslevel=6)
    return out.getvalue()


# ------------------------------------------------------------------------------------------------
# pdf
# ------------------------------------------------------------------------------------------------
# The official fonts are not free.  For the PDF export, a private fontconfig file (used only by the
# LibreOffice process started here, via FONTCONFIG_FILE) maps them onto Noto CJK SC, as in the corpus:
# 仿宋/楷体/宋体 -> Noto Serif CJK SC, 方正小标宋 -> Noto Serif CJK SC Bold, 黑体 -> Noto Sans CJK SC.
_SERIF = ("仿宋_GB2312", "仿宋", "FangSong", "楷体_GB2312", "楷体", "KaiTi", "宋体", "SimSun")
_SANS = ("黑体", "SimHei")
_BOLD_SERIF = ("方正小标宋简体", "方正小标宋_GBK")


def _fc_rule(family: str, target: str, bold: bool = False) -> str:
    weight = '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' if bold else ""
    return (
        f'  <match target="pattern"><test name="family" qual="any"><string>{family}</string></test>'
        f'<edit name="family" mode="prepend" binding="strong"><string>{target}</string></edit>'
        f"{weight}</match>\n"
    )


FONTCONFIG = (
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
    + "".join(_fc_rule(f, "Noto Serif CJK SC") for f in _SERIF)
    + "".join(_fc_rule(f, "Noto Sans CJK SC") for f in _SANS)
    + "".join(_fc_rule(f, "Noto Serif CJK SC", bold=True) for f in _BOLD_SERIF)
    + '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n</fontconfig>\n'
)


def find_soffice() -> str | None:
    for cand in ("soffice", "libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"):
        path = shutil.which(cand)
        if path:
            return path
    return None


def build_pdf(docx_path: Path, out_path: Path, date: dt.datetime) -> None:
    soffice = find_soffice()
    if soffice is None:
        raise SystemExit("soffice not found: install LibreOffice or run with --no-pdf")
    with tempfile.TemporaryDirectory(prefix="shili_pdf_") as tmp:
        tmpd = Path(tmp)
        profile = tmpd / "profile"
        src = tmpd / docx_path.name
        shutil.copyfile(docx_path, src)
        fc_conf = tmpd / "fonts.conf"
        fc_conf.write_text(FONTCONFIG, encoding="utf-8")
        env = dict(
            os.environ,
            TZ="UTC",
            FONTCONFIG_FILE=str(fc_conf),
            SOURCE_DATE_EPOCH=str(int(date.replace(tzinfo=dt.timezone.utc).timestamp())),
        )
        cmd = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmpd),
            str(src),
        ]
        res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        produced = tmpd / (docx_path.stem + ".pdf")
        if res.returncode != 0 or not produced.exists():
            raise SystemExit(f"LibreOffice failed ({res.returncode}): {res.stdout}\n{res.stderr}")
        data = normalize_pdf(produced.read_bytes(), date, docx_path.read_bytes())
        out_path.write_bytes(data)


def normalize_pdf(data: bytes, date: dt.datetime, seed: bytes) -> bytes:
    """Pin the volatile bits of a LibreOffice PDF without moving any byte offsets.

    Replaces /CreationDate and /ModDate (and XMP dates, if any) with the report date, and the
    document /ID with a hash of the .docx, always keeping the original byte length so the xref
    table stays valid.
    """
    stamp = date.strftime("%Y%m%d%H%M%S").encode()

    def fix_date(m: re.Match) -> bytes:
        old = m.group(2)
        new = (b"D:" + stamp + old[16:]) if len(old) >= 16 else old
        return m.group(1) + new[: len(old)].ljust(len(old), b" ") + m.group(3)

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()(D:[^)]*)(\))", fix_date, data)

    def fix_xmp(m: re.Match) -> bytes:
        old = m.group(2)
        new = date.strftime("%Y-%m-%dT%H:%M:%S").encode() + old[19:]
        return m.group(1) + new + m.group(3)

    data = re.sub(
        rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^<]*)(</xmp)",
        fix_xmp,
        data,
    )

    digest = hashlib.sha256(seed).hexdigest().upper().encode()

    def same_len(old: bytes) -> bytes:
        return (digest * 2)[: len(old)]

    def fix_id(m: re.Match) -> bytes:
        return m.group(1) + same_len(m.group(2)) + m.group(3) + same_len(m.group(4)) + m.group(5)

    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)", fix_id, data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + same_len(m.group(2)), data)
    return data


# ------------------------------------------------------------------------------------------------
# "copied out of a PDF" text
# ------------------------------------------------------------------------------------------------
NO_LINE_START = set("，。、；：？！）》〕】」』”’%…·")
NO_LINE_END = set("（《〔【「『“‘")
INDENT = "\u3000\u3000"
WRAP = 28


def wrap_paragraph(text: str, indent: str) -> list[str]:
    """Wrap at WRAP characters (the indent counts), with simple kinsoku: closing punctuation hangs at
    the end of the line instead of starting the next one, opening punctuation moves down."""
    lines: list[str] = []
    cur = indent
    for ch in text:
        if len(cur) >= WRAP:
            if ch in NO_LINE_START:
                cur += ch
                continue
            carry = ""
            while cur and cur[-1] in NO_LINE_END:
                carry = cur[-1] + carry
                cur = cur[:-1]
            lines.append(cur)
            cur = carry
        cur += ch
    if cur:
        lines.append(cur)
    return lines


def pdf_copy_text(name: str) -> str:
    out: list[str] = []
    for kind, ln in classify(read_source(name)):
        if kind == "title":
            out.extend(split_title(ln))
        elif kind in ("addressee", "signature", "date"):
            out.extend(wrap_paragraph(ln, ""))
        else:
            out.extend(wrap_paragraph(ln, INDENT))
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------------------------
# self-check of the texts and expected.json
# ------------------------------------------------------------------------------------------------
CLAUSE_SPLIT = re.compile(r"[，。；：！？\n]")


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def check() -> list[str]:
    problems: list[str] = []
    expected = json.loads(EXPECTED.read_text(encoding="utf-8")) if EXPECTED.exists() else {}
    for name in SAMPLES:
        lines = read_source(name)
        text = "\n".join(lines)
        bad = re.findall(r"[,;:?!()]", text)
        if bad:
            problems.append(f"{name}: half-width punctuation {sorted(set(bad))}")
        for op, cl in ("（）", "《》", "“”", "〔〕"):
            if text.count(op) != text.count(cl):
                problems.append(f"{name}: unbalanced {op}{cl}")
        gold = expected.get(name)
        if not gold:
            problems.append(f"{name}: no entry in expected.json")
            continue
        clauses = set(CLAUSE_SPLIT.split(text))
        clauses |= {c.split("（")[0] for c in clauses}  # quotes cut at a parenthesis
        headings = {ln for ln in lines if RE_H1.match(ln)}
        got = [s["heading"] for s in gold["sections"]]
        if sorted(got) != sorted(headings):
            problems.append(f"{name}: sections {got} != level-1 headings {sorted(headings)}")
        iso = gold["date"]
        y, m, d = (int(x) for x in iso.split("-"))
        if f"{y}年{m}月{d}日" not in lines:
            problems.append(f"{name}: date {iso} not printed")
        for met in gold["metrics"]:
            q = met["quote"]
            if q not in clauses:
                problems.append(f"{name}: quote is not a clause of the text: {q}")
        # arithmetic a reviewer checks
        vals: dict[str, list] = {}
        for met in gold["metrics"]:
            vals.setdefault(met["key"], []).append(met["value"])
        found, fixed = vals["hazards_found"][0], vals["hazards_rectified"][0]
        rate = round(fixed / found * 100, 2)
        if rate not in vals["rectification_rate"]:
            problems.append(f"{name}: rectification rate {rate} not stated")
        m = re.search(r"行政许可(\d+)件（其中([^）]*)）", text)
        if not m or int(m.group(1)) != sum(int(x) for x in re.findall(r"(\d+)件", m.group(2))):
            problems.append(f"{name}: licence parts do not sum to the total")
    if "shili_2023" in expected and "shili_2024" in expected:

        def one(n: str, k: str):
            return next(x["value"] for x in expected[n]["metrics"] if x["key"] == k)

        for k, ch in (("accidents", "accidents_change"), ("deaths", "deaths_change")):
            prev, cur = one("shili_2023", k), one("shili_2024", k)
            if round((cur - prev) / prev * 100, 1) != one("shili_2024", ch):
                problems.append(f"shili_2024: {ch} does not match {prev} -> {cur}")
    return problems


# ------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice PDF export")
    ap.add_argument("--check", action="store_true", help="only check the texts and expected.json")
    args = ap.parse_args(argv)

    if not args.check:
        for name, meta in SAMPLES.items():
            docx_path = HERE / f"{name}.docx"
            build_docx(name, docx_path)
            print(f"wrote {docx_path.relative_to(HERE.parent.parent)} ({docx_path.stat().st_size} bytes)")
            if not args.no_pdf:
                pdf_path = HERE / f"{name}.pdf"
                build_pdf(docx_path, pdf_path, meta["date"])
                print(f"wrote {pdf_path.relative_to(HERE.parent.parent)} ({pdf_path.stat().st_size} bytes)")
        for name in PDF_COPY_SAMPLES:
            txt_path = HERE / f"{name}.txt"
            txt_path.write_text(pdf_copy_text(name), encoding="utf-8", newline="\n")
            print(f"wrote {txt_path.relative_to(HERE.parent.parent)} ({txt_path.stat().st_size} bytes)")

    problems = check()
    for p in problems:
        print("CHECK:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
