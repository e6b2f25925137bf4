"""Traditional → simplified Chinese for analysis, with OpenCC (phrase-aware, offline data)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from desktop.core.importers.model import Edit
from desktop.core.text.chars import CJK_RE


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return str(_converter().convert(text))


def traditional_edits(text: str) -> list[Edit]:
    """Replace each changed line by its simplified form (same length maps 1:1)."""
    if not CJK_RE.search(text):
        return []
    converted = to_simplified(text)
    if converted == text:
        return []
    edits = []
    offset = 0
    for before, after in zip(text.split("\n"), converted.split("\n"), strict=False):
        if before != after:
            edits += (
                _char_edits(before, after, offset)
                if len(before) == len(after)
                else [Edit(offset, offset + len(before), after)]
            )
        offset += len(before) + 1
    return edits


def _char_edits(before: str, after: str, offset: int) -> list[Edit]:
    return [
        Edit(offset + i, offset + i + 1, b)
        for i, (a, b) in enumerate(zip(before, after, strict=True))
        if a != b
    ]
