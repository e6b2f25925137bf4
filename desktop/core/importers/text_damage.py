"""Text with small damage: a stray byte, a NUL, a character cut off at the end of the file.

A reviewer wants such a report imported, with each damaged spot replaced by “�” (U+FFFD) and a
warning that says where, rather than the whole file refused. Damage is *small* when the spots are
few for the file's size; a file in another encoding, or binary data, has damage everywhere and
is left to the other checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

REPLACEMENT = "\ufffd"
MAX_SPOTS = 32
"""Never more damaged spots than this, whatever the size: beyond it the file is not "slightly" damaged."""
SPOTS_PER_CHARS = 2000
"""At most one damaged spot per this many characters."""
_LISTED = 5


@dataclass
class Damage:
    """Character offsets (into the decoded text) of the damaged spots, in order."""

    spots: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.spots)

    def places(self) -> list[int]:
        """The spots, with those a few characters apart (one overwritten byte inside a multi-byte
        character leaves two or three bad stretches) counted as one."""
        merged: list[int] = []
        for offset in sorted(self.spots):
            if not merged or offset - merged[-1] > 3:
                merged.append(offset)
        return merged

    def warning(self, text: str) -> str:
        """Where the damage is, as line numbers of ``text`` (the text the reviewer sees)."""
        places = self.places()
        lines: list[int] = []
        for offset in places:
            line = text.count("\n", 0, offset) + 1
            if line not in lines:
                lines.append(line)
        shown = "、".join(f"第 {n} 行" for n in lines[:_LISTED])
        more = f"等 {len(lines)} 处" if len(lines) > _LISTED else ""
        return (
            f"文件有 {len(places)} 处损坏（无法识别的字节、空字符或被截断的字），位于{shown}{more}，"
            f"已替换为“{REPLACEMENT}”。请与原件核对这些位置的文字。"
        )


def allowed_spots(size: int) -> int:
    """How many replaced characters still count as small damage (one bad byte in a multi-byte
    encoding can cost two or three)."""
    return min(MAX_SPOTS, size // SPOTS_PER_CHARS + 4)


def decode_damaged(data: bytes, encoding: str, limit: int | None = None) -> tuple[str, Damage] | None:
    """``data`` decoded with each undecodable stretch replaced, or ``None`` beyond ``limit`` spots.

    Runs at the codec's speed whatever the damage (a U+FFFD already in the file counts as damage
    too: it is what an earlier lossy conversion leaves).
    """
    limit = allowed_spots(len(data)) if limit is None else limit
    text = data.decode(encoding, errors="replace")
    if text.count(REPLACEMENT) > limit:
        return None
    damage = Damage()
    start = 0
    while (found := text.find(REPLACEMENT, start)) >= 0:
        damage.spots.append(found)
        start = found + 1
    return text, damage


def mark_nuls(text: str, damage: Damage) -> str:
    """NUL characters (never in a real report) become U+FFFD damaged spots too."""
    if "\x00" not in text:
        return text
    start = 0
    while (found := text.find("\x00", start)) >= 0:
        damage.spots.append(found)
        start = found + 1
    damage.spots.sort()
    return text.replace("\x00", REPLACEMENT)
