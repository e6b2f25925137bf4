"""Plain-text reports: detect the encoding, refuse binary garbage, keep the text as written.

Paragraphs are *not* rebuilt here: hard-wrapped lines (PDF copy-paste, e-mail) are joined later by
the cleaner, which keeps an offset map back to this original text.
"""

from __future__ import annotations

import codecs
import re

from desktop.core.errors import ImportRefused
from desktop.core.importers.model import Block, ExtractedDocument
from desktop.core.importers.text_damage import Damage, decode_damaged, mark_nuls

# Longest BOMs first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SAMPLE_CHARS = 65_536
"""Quality checks look at a few slices of this size, so a 20 MB file costs no more than a small one."""

# Characters that never occur in a real report: C0/C1 controls (tab, line ends and form feed
# excepted), U+FFFD from a lossy decode, private-use code points and lone surrogates.
_BAD = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")
# Characters a Chinese report is made of: ASCII, CJK ideographs, CJK and full-width punctuation,
# general punctuation, number forms, circled numbers, box drawing, and the few Latin-1 signs
# (§ ° ± · × ÷) that official texts use. Accented Latin letters are not here on purpose: a page
# of them is the classic mojibake of GBK read as Windows-1252.
_GOOD = re.compile(
    "[\t\n\f\r\x20-\x7e\xa0\xa7\xb0\xb1\xb7\xd7\xf7"
    "\u2000-\u206f\u2100-\u22ff\u2460-\u27bf\u3000-\u30ff\u3105-\u312f\u3200-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)
_MAX_BAD_RATIO = 0.01
_MIN_GOOD_RATIO = 0.85
_MIN_GB2312_RATIO = 0.9
"""Share of non-ASCII characters that GB2312 (the 7,445 everyday characters) can encode. Real
Chinese text scores ~0.99; random bytes that happen to decode as GB18030 score ~0.3."""


def read_txt(data: bytes) -> ExtractedDocument:
    """Read a plain-text report; raise :class:`ImportRefused` (``binary``) for non-text bytes.

    Small damage (a bad byte, a NUL, a character cut off at the end) is replaced by “�” and
    reported in a warning that gives the lines.
    """
    text, encoding, damage = decode_text_checked(data)
    return ExtractedDocument(
        format="txt",
        text=text,
        blocks=_line_blocks(text),
        metadata={"encoding": encoding},
        warnings=[damage.warning(text)] if damage else [],
    )


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data`` as text and return ``(text, encoding name)`` (see :func:`decode_text_checked`)."""
    text, encoding, _damage = decode_text_checked(data)
    return text, encoding


def decode_text_checked(data: bytes) -> tuple[str, str, Damage]:
    """Decode ``data`` as text and return ``(text, encoding name, damaged spots)``.

    The BOM is removed, damaged bytes and NUL characters become U+FFFD and line ends become
    ``\\n``; nothing else changes. Raises :class:`ImportRefused` with code ``binary`` when the
    bytes are not text.
    """
    if not data:
        return "", "utf-8", Damage()
    text, encoding, damage = _decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
        damage.spots = [spot - 1 for spot in damage.spots]
    text = mark_nuls(text, damage)
    if not _looks_like_text(text, tolerated=len(damage.spots)):
        raise ImportRefused(
            "binary",
            "文件内容不是可读的文字（可能是二进制数据、已损坏，或使用了无法识别的编码）。"
            "请确认选择的是报告文件；如为 Word 或 PDF 文件，请使用正确的扩展名后再导入。",
        )
    if damage and "\r" in text:
        # Offsets move where "\r\n" becomes "\n": count the lines on the final text instead.
        return _normalise_lines(text, damage), encoding, damage
    # str.replace runs in C: a 20 MB file takes milliseconds.
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding, damage


def _normalise_lines(text: str, damage: Damage) -> str:
    damage.spots = [spot - text.count("\r\n", 0, spot) for spot in damage.spots]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> tuple[str, str, Damage]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            decoded = decode_damaged(data[len(bom) :], encoding, limit=len(data))
            assert decoded is not None  # no limit: every spot is replaced
            return decoded[0], encoding, decoded[1]
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return (*utf16, Damage())
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # A short GBK text can be valid UTF-8 by chance ("应" is D3 A6, Cyrillic "Ӧ" in UTF-8).
        if _looks_like_text(text.replace("\x00", "")):
            return text, "utf-8", Damage()
    # UTF-8 with a few bad bytes; a GBK file read as UTF-8 has bad bytes everywhere instead.
    damaged = decode_damaged(data, "utf-8")
    if (
        damaged is not None
        and _mostly_multibyte(damaged[0], len(damaged[1].spots))
        and _looks_like_text(damaged[0].replace("\x00", ""), len(damaged[1].spots))
    ):
        return damaged[0], "utf-8", damaged[1]
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_chinese(text):
            return text, "gb18030", Damage()
    damaged = decode_damaged(data, "gb18030")
    if damaged is not None and _looks_chinese(damaged[0].replace("\x00", ""), len(damaged[1].spots)):
        return damaged[0], "gb18030", damaged[1]
    return (*_decode_fallback(data), Damage())


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a BOM: the ASCII characters (digits, spaces) leave NULs on one side."""
    head = data[:4096]
    if head.count(0) < len(head) // 8:
        return None
    even_nuls, odd_nuls = head[0::2].count(0), head[1::2].count(0)
    encoding = "utf-16-le" if odd_nuls > 3 * even_nuls else "utf-16-be" if even_nuls > 3 * odd_nuls else None
    if encoding is None or len(data) % 2:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, encoding) if _looks_like_text(text) else None


def _decode_fallback(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        raise ImportRefused(
            "binary",
            "无法识别文件的文字编码，内容可能不是文字（二进制数据或已损坏）。"
            "请用记事本或 WPS 打开确认后，另存为 UTF-8 编码的 .txt 文件再导入。",
        )
    return str(match), _canonical(match.encoding)


def _canonical(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def _samples(text: str) -> list[str]:
    """Up to three slices (start, middle, end), so checks cost the same for any file size."""
    if len(text) <= 3 * _SAMPLE_CHARS:
        return [text]
    middle = len(text) // 2
    return [text[:_SAMPLE_CHARS], text[middle : middle + _SAMPLE_CHARS], text[-_SAMPLE_CHARS:]]


def _looks_like_text(text: str, tolerated: int = 0) -> bool:
    """Mostly characters of a Chinese report; ``tolerated`` bad characters (known damaged spots,
    already limited in number) do not count against it."""
    for sample in _samples(text):
        if len(_BAD.findall(sample)) - tolerated > _MAX_BAD_RATIO * len(sample):
            return False
        if len(_GOOD.findall(sample)) < _MIN_GOOD_RATIO * len(sample):
            return False
    return True


def _mostly_multibyte(text: str, spots: int) -> bool:
    """A damaged UTF-8 reading is believable when the characters it did decode outside ASCII far
    outnumber the damaged ones (a short GBK text can fail UTF-8 in only a couple of places)."""
    good = len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")
    return good == 0 or good >= 10 * spots


def _looks_chinese(text: str, tolerated: int = 0) -> bool:
    """True when a GB18030 decode is plausible Chinese rather than bytes that merely decode."""
    for sample in _samples(text):
        non_ascii = len(sample) - len(sample.encode("ascii", errors="ignore"))
        if non_ascii == 0:
            continue
        # encode(errors="replace") writes "?" for each character GB2312 lacks; runs in C.
        missing = sample.encode("gb2312", errors="replace").count(b"?") - sample.count("?") - tolerated
        if missing > (1 - _MIN_GB2312_RATIO) * non_ascii:
            return False
    return _looks_like_text(text, tolerated)


def _line_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            blocks.append(Block(start=start, end=end))
        start = end + 1
    return blocks
