"""Tell a file's real type from its first bytes, not from its name."""

from __future__ import annotations

import zipfile
from io import BytesIO

FORMAT_NAMES_ZH = {
    "docx": "Word 文档（.docx）",
    "doc": "Word 97-2003 文档（.doc）",
    "pdf": "PDF 文件",
    "html": "网页文件（.html）",
    "txt": "纯文本文件",
    "zip": "压缩包",
    "binary": "二进制数据",
    "empty": "空文件",
}

EXTENSION_FORMATS = {
    ".docx": "docx",
    ".doc": "doc",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".mhtml": "html",
    ".txt": "txt",
    ".text": "txt",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_format(data: bytes) -> str:
    """Return ``pdf``, ``docx``, ``doc``, ``zip``, ``html``, ``txt``, ``binary`` or ``empty``."""
    if not data.strip():
        return "empty"
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(_OLE_MAGIC):
        return "doc"
    if _looks_like_html(data[:4096]):
        return "html"
    if looks_like_text(data[:65536]):
        return "txt"
    return "binary"


def _zip_kind(data: bytes) -> str:
    # Only the central directory is read here; nothing is inflated.
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        # A truncated download of a .docx still starts with a local header.
        return "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:4096] else "zip"
    return "docx" if "word/document.xml" in names else "zip"


def _looks_like_html(head: bytes) -> bool:
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return True
    return lowered.startswith((b"<?xml", b"<!--", b"<meta", b"<head")) and b"<html" in lowered


def looks_like_text(sample: bytes) -> bool:
    """True when ``sample`` decodes as text in one of the encodings reports come in.

    A few damaged spots (a stray byte, a NUL, a character cut at the sample's end) still count
    as text: the text reader replaces them and says where.
    """
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    allowed = min(32, len(sample) // 1000 + 4)
    if sample.count(0) > allowed:
        return False
    for encoding in ("utf-8", "gb18030"):
        text = sample.decode(encoding, errors="replace")
        # The last character may be cut by the sample's end, not damaged.
        damaged = text[:-2].count("\ufffd") + text.count("\x00")
        if damaged > allowed:
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f\x00")
        if controls <= len(text) // 200:
            return True
    return False
