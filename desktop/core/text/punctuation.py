"""Width, spacing and punctuation normalisation of Chinese text."""

from __future__ import annotations

import re

from desktop.core.importers.model import Edit
from desktop.core.text.chars import CJK_RANGES, is_cjk, is_wide

_FULLWIDTH_ALNUM_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e\uff05\uff0b\uff0d\uff0f]")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_HALF_PUNCT_RE = re.compile(r"[,;:?!]")
_PAREN_RE = re.compile(r"\(([^()\n]{0,80})\)")
_CJK_SIDE = f"{CJK_RANGES}，。、；：？！“”‘’（）《》【】〔〕—…"


def _cjk_like(ch: str) -> bool:
    return (bool(ch) and ch in _CJK_SIDE) or is_cjk(ch)


def width_edits(text: str) -> list[Edit]:
    """Full-width digits and letters → ASCII; half-width punctuation in Chinese context → full-width.

    ``1,300`` and ``12:30`` keep their ASCII marks (digits on both sides); ``(一)`` and
    ``(2021-2025年)`` become ``（一）`` and ``（2021-2025年）``.
    """
    edits = [
        Edit(m.start(), m.end(), chr(ord(m.group()) - 0xFEE0)) for m in _FULLWIDTH_ALNUM_RE.finditer(text)
    ]
    edits += [Edit(m.start(), m.end(), " ") for m in re.finditer("\u3000", text)]
    for m in _HALF_PUNCT_RE.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before.isdigit() and after.isdigit():
            continue
        if m.group() in "?!" and not _cjk_like(before):
            continue
        if _cjk_like(before) or _cjk_like(
            after.strip() or (text[m.end() + 1] if m.end() + 1 < len(text) else "")
        ):
            edits.append(Edit(m.start(), m.end(), _HALF_TO_FULL[m.group()]))
    for m in _PAREN_RE.finditer(text):
        inner = m.group(1)
        before = text[m.start() - 1] if m.start() else ""
        if any(is_cjk(ch) for ch in inner) or is_cjk(before):
            edits.append(Edit(m.start(), m.start() + 1, "（"))
            edits.append(Edit(m.end() - 1, m.end(), "）"))
    return edits


_SPACE_RUN_RE = re.compile(r"[ \t]+")


def space_edits(text: str) -> list[Edit]:
    """Drop spaces next to Chinese characters (``2024 年`` → ``2024年``); collapse other runs.

    Spaces between two Latin words or numbers stay (``COVID 19``), as one space.
    """
    edits = []
    for m in _SPACE_RUN_RE.finditer(text):
        before = text[m.start() - 1] if m.start() else "\n"
        after = text[m.end()] if m.end() < len(text) else "\n"
        if before == "\n" or after == "\n" or is_wide(before) or is_wide(after):
            edits.append(Edit(m.start(), m.end(), ""))
        elif m.end() - m.start() > 1 or m.group() != " ":
            edits.append(Edit(m.start(), m.end(), " "))
    return edits


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ"
_PINYIN_RE = re.compile(
    rf"(?<=[{CJK_RANGES}])[（(]([a-zü{_TONED}]+(?:[ '’][a-zü{_TONED}]+)*)[)）]",
)


def pinyin_annotation_edits(text: str) -> list[Edit]:
    """Remove pinyin glosses after characters: ``規(guī)劃`` → ``規劃``.

    Only lower-case Latin with at least one tone mark counts, so ``（PDF）`` or ``(app)`` stay.
    """
    return [
        Edit(m.start(), m.end(), "")
        for m in _PINYIN_RE.finditer(text)
        if any(ch in _TONED for ch in m.group(1))
    ]


_PUNCT_RUN_RE = re.compile(r"[，、；：。,]{2,}")
_STRENGTH = "。；：、，"


def doubled_punctuation_edits(text: str) -> list[Edit]:
    """Collapse runs like ``，，`` ``，、`` ``，。`` to their strongest mark (``……`` stays)."""
    edits = []
    for m in _PUNCT_RUN_RE.finditer(text):
        run = m.group().replace(",", "，")
        keep = next(mark for mark in _STRENGTH if mark in run)
        edits.append(Edit(m.start(), m.end(), keep))
    return edits
