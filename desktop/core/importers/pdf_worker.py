"""pdfium's part of the PDF importer; it runs in the import worker process, never in the app's
own (see :mod:`desktop.core.importers.worker`). :func:`extract` returns:

- ``{"ok": true, "pages": [...], "failed": [...], "meta": {...}}`` with the text lines of every
  page and their geometry (the PDF reader rebuilds paragraphs from them), or
- ``{"ok": false, "code": "encrypted" | "scanned" | "garbled" | "damaged"}``.

This module must stay cheap to import, so pypdfium2 is imported only when a PDF is parsed; it
must never import PySide6.
"""

from __future__ import annotations

import ctypes
import re
import struct
from typing import Any

_RECTF = struct.Struct("=4f")  # FS_RECTF: left, top, right, bottom

# Line flags sent to the parent (sampled at the first, middle and last visible character).
BOLD_FIRST, BOLD_LAST, BOLD_ALL, BOLD_ANY = 1, 2, 4, 8

# 黑体 is rendered with a sans CJK face (Noto/Source Han Sans in LibreOffice exports); YaHei is
# a common body face, so it deliberately does not count as bold.
_BOLD_FONT = re.compile(
    r"bold|heavy|black|demi|simhei|heiti|fzhei|(?<!ya)hei\b|黑体|notosanscjk|sourcehansans"
)
_FORCE_BOLD = 1 << 18
_CID_PATTERN = re.compile(r"\(cid:\d+\)")
_WHITESPACE = frozenset(" \t\r\n\u3000\xa0")


_CJK = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
# General punctuation (— “ ”), CJK symbols (、。《》) and full-width forms (，：％).
_PUNCTUATION = "\u2000-\u206f\u3000-\u303f\uff00-\uffef"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_BAD_CHAR = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08\x0b\x0c\x0e-\x1f]")
# Neither CJK, ASCII nor punctuation: mojibake such as GBK bytes read as Latin-1 (``ÊÐÓ¦¼±``)
# or glyph ids read as Tibetan/Myanmar letters.
_JUNK_CHAR = re.compile(f"[^\\x00-\\x7f\\s{_CJK}{_PUNCTUATION}]")
_SPACE = re.compile(r"\s")


def garble_reason(text: str, map_errors: int = 0, sampled: int = 0) -> str | None:
    """Why a text layer is unusable (a short English phrase for logs), or ``None`` if it is fine.

    Fonts embedded without a Unicode map give private-use characters, U+FFFD, ``(cid:123)``
    or, with pdfium, raw glyph ids that land in random scripts (flagged as map errors).
    """
    total = len(text) - len(_SPACE.findall(text))
    if total <= 0:
        return None
    bad = len(_BAD_CHAR.findall(text)) + sum(len(m) for m in _CID_PATTERN.findall(text))
    if bad / total > 0.05:
        return "private-use or replacement characters"
    if sampled and map_errors / sampled > 0.1:
        return "characters without a Unicode mapping"
    cjk = len(_CJK_CHAR.findall(text))
    if cjk / total < 0.2 and len(_JUNK_CHAR.findall(text)) / total > 0.3:
        return "mostly non-CJK junk"
    return None


def _is_bold(name: str, flags: int) -> bool:
    key = re.sub(r"[\s_\-]", "", name.lower())
    return bool(flags & _FORCE_BOLD) or bool(_BOLD_FONT.search(key))


def _pdf_date(value: str) -> str | None:
    match = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", value.strip())
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


Char = tuple[float, float, float, float, str, int]
"""``(top, bottom, left, right, text, index)`` of one character; index -1 for pdfium's spaces."""


class _PageReader:
    """Pulls the characters of one text page and groups them into lines."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.rect = raw.FS_RECTF()
        self.font_buf = ctypes.create_string_buffer(256)
        self.font_flags = ctypes.c_int()
        self.map_errors = 0
        self.sampled = 0

    def _text(self, textpage: Any, count: int) -> str:
        buffer = ctypes.create_string_buffer((count + 1) * 2)
        written = self.raw.FPDFText_GetText(
            textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
        )
        text = buffer.raw[: max(written - 1, 0) * 2].decode("utf-16-le", "replace")
        if len(text) == count:
            return text
        # Characters outside the BMP take two UTF-16 units; fall back to one call per char.
        codes = (self.raw.FPDFText_GetUnicode(textpage, i) for i in range(count))
        return "".join(chr(c) if 0 < c <= 0x10FFFF and not 0xD800 <= c <= 0xDFFF else "\ufffd" for c in codes)

    def lines(self, textpage: Any) -> list[list[Any]]:
        # The hot loop (thousands of characters a page): local names, one ctypes call per
        # character and one unpack of the rectangle instead of four attribute reads.
        raw, rect = self.raw, self.rect
        char_box, unpack = raw.FPDFText_GetLooseCharBox, _RECTF.unpack_from
        text = self._text(textpage, raw.FPDFText_CountChars(textpage))
        chars: list[Char] = []
        last: Char | None = None
        for i, ch in enumerate(text):
            if ch in _WHITESPACE or ch == "\x00":
                if ch in "\r\n\x00":
                    continue
                if raw.FPDFText_IsGenerated(textpage, i) == 1:
                    # pdfium's inferred word gap has no geometry: it follows the previous char.
                    if last is not None:
                        chars.append((last[0], last[1], last[3], last[3], " ", -1))
                    continue
            char_box(textpage, i, rect)
            left, top, right, bottom = unpack(rect)
            if not i & 7:  # sampling keeps the check cheap; a bad font affects whole runs
                self.sampled += 1
                self.map_errors += raw.FPDFText_HasUnicodeMapError(textpage, i) == 1
            last = (top, bottom, left, right, ch, i)
            chars.append(last)
        return [self._line(textpage, group) for group in _group_lines(chars)]

    def _font(self, textpage: Any, index: int) -> tuple[float, bool]:
        size = self.raw.FPDFText_GetFontSize(textpage, index)
        length = self.raw.FPDFText_GetFontInfo(
            textpage, index, self.font_buf, len(self.font_buf), ctypes.byref(self.font_flags)
        )
        if length <= 0:
            return size, False
        name = self.font_buf.value.decode("utf-8", "replace")
        return size, _is_bold(name, self.font_flags.value)

    def _line(self, textpage: Any, group: list[Char]) -> list[Any]:
        group.sort(key=lambda c: c[2])
        visible = [c for c in group if c[4] not in _WHITESPACE]
        parts: list[str] = []
        samples = [self._font(textpage, c[5]) for c in (visible[0], visible[len(visible) // 2], visible[-1])]
        size = sorted(s for s, _ in samples)[1]  # median of three
        prev_right = group[0][3]
        gap = 1.5 * size
        for c in group:
            # Two runs far apart on one line (a signature beside a date, a table row) keep a
            # visible gap between them.
            if c[2] - prev_right > gap and parts and parts[-1] != " ":
                parts.append(" ")
            parts.append(c[4])
            if c[3] > prev_right:
                prev_right = c[3]
        bold = [b for _, b in samples]
        flags = (
            (BOLD_FIRST if bold[0] else 0)
            | (BOLD_LAST if bold[2] else 0)
            | (BOLD_ALL if all(bold) else 0)
            | (BOLD_ANY if any(bold) else 0)
        )
        return [
            "".join(parts).strip(),
            round(visible[0][2], 1),
            round(max(c[3] for c in visible), 1),
            round(max(c[0] for c in visible), 1),
            round(min(c[1] for c in visible), 1),
            round(size, 2),
            flags,
        ]


def _group_lines(chars: list[Char]) -> list[list[Char]]:
    """Characters whose boxes overlap vertically by half the smaller height, top line first.

    Glyph boxes of quotes and small punctuation sit high or low on the line, so overlap is
    more forgiving than comparing centres.
    """
    groups: list[list[Char]] = []
    current: list[Char] = []
    top = bottom = 0.0
    for c in sorted(chars, key=lambda c: -(c[0] + c[1])):
        c_top, c_bottom = c[0], c[1]
        low = bottom if bottom > c_bottom else c_bottom
        high = top if top < c_top else c_top
        smaller = top - bottom if top - bottom < c_top - c_bottom else c_top - c_bottom
        if current and high - low >= 0.5 * (smaller if smaller > 0.1 else 0.1):
            current.append(c)
            if c_top > top:
                top = c_top
            if c_bottom < bottom:
                bottom = c_bottom
        else:
            current = [c]
            groups.append(current)
            top, bottom = c_top, c_bottom
    return [g for g in groups if any(c[4] not in _WHITESPACE for c in g)]


def extract(data: bytes) -> dict[str, Any]:
    """Read one PDF into the JSON-ready answer described in the module docstring."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        # 4 = wrong/missing password, 6 = unsupported security handler.
        encrypted = code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY)
        return {"ok": False, "code": "encrypted" if encrypted else "damaged", "detail": str(error)}
    try:
        reader = _PageReader(raw)
        page_count = len(document)
        pages: list[dict[str, Any]] = []
        failed: list[int] = []
        for index in range(page_count):
            page = _read_page(raw, document, index, reader)
            if page is None:
                failed.append(index + 1)
            else:
                pages.append(page)
        meta = document.get_metadata_dict(skip_empty=True)
    finally:
        document.close()
    if not pages:
        return {"ok": False, "code": "damaged", "detail": "no page could be loaded"}
    text = "\n".join(line[0] for page in pages for line in page["lines"])
    visible = sum(1 for c in text if c not in _WHITESPACE)
    if visible < 15 * len(pages):
        return {"ok": False, "code": "scanned", "detail": f"{visible} characters on {len(pages)} pages"}
    reason = garble_reason(text, reader.map_errors, reader.sampled)
    if reason:
        return {"ok": False, "code": "garbled", "detail": reason}
    metadata = {"page_count": str(page_count)}
    if meta.get("Title", "").strip():
        metadata["title"] = meta["Title"].strip()
    if meta.get("Author", "").strip():
        metadata["author"] = meta["Author"].strip()
    created = _pdf_date(meta.get("CreationDate", ""))
    if created:
        metadata["created_date"] = created
    return {"ok": True, "pages": pages, "failed": failed, "meta": metadata}


def _read_page(raw: Any, document: Any, index: int, reader: _PageReader) -> dict[str, Any] | None:
    """One page's lines, or ``None`` if pdfium cannot load it."""
    page = raw.FPDF_LoadPage(document.raw, index)
    if not page:
        return None
    try:
        textpage = raw.FPDFText_LoadPage(page)
        if not textpage:
            return None
        try:
            lines = reader.lines(textpage)
        finally:
            raw.FPDFText_ClosePage(textpage)
        # A page with pictures but no text is most likely a scanned page.
        scanned = not lines and any(
            raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page, k)) == raw.FPDF_PAGEOBJ_IMAGE
            for k in range(raw.FPDFPage_CountObjects(page))
        )
    finally:
        raw.FPDF_ClosePage(page)
    return {"n": index + 1, "lines": lines, "image_only": scanned}


def main() -> None:
    """The import worker's entry point under its old name (a frozen app's ``--pdf-worker``)."""
    from desktop.core.importers.worker_process import main as worker_main

    worker_main()


if __name__ == "__main__":
    main()
