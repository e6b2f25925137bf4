"""Defuse what makes libxml2's HTML parser slow before it sees a page.

libxml2 checks each new attribute of a tag against all earlier ones, so one tag with 200,000
attributes takes minutes; no real page has a tag longer than a few kilobytes. Such tags keep
their name and lose their attributes. The scan is linear: the position of the next ``>`` only
moves forward, so a page of ``<<<<<…`` costs no more than any other.
"""

from __future__ import annotations

import re

MAX_TAG_CHARS = 16_384
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9:-]{0,40}")


def trim_huge_tags(text: str, limit: int = MAX_TAG_CHARS) -> tuple[str, int]:
    """``text`` with every tag longer than ``limit`` reduced to ``<name>``; and how many were."""
    parts: list[str] = []
    trimmed = 0
    copied = 0
    position = 0
    closing = -1
    while True:
        opening = text.find("<", position)
        if opening < 0:
            break
        if closing < opening:
            closing = text.find(">", opening)
            if closing < 0:
                closing = len(text)
        if closing - opening > limit:
            name = _NAME.match(text, opening + 1)
            parts.append(text[copied:opening])
            parts.append(f"<{name.group(0)}>" if name else "")
            copied = position = min(closing + 1, len(text))
            trimmed += 1
            continue
        position = opening + 1
    if not trimmed:
        return text, 0
    parts.append(text[copied:])
    return "".join(parts), trimmed
