"""Offset maps between the original text and the cleaned text.

The map is an array ``m`` with one entry per cleaned character plus one: ``m[i]`` is the offset in
the original text of cleaned character ``i``, and ``m[len(clean)] == len(original)``. It never
decreases, so a cleaned span ``[s, e)`` maps to the original span ``[m[s], m[e - 1] + 1)`` and an
original offset maps back by bisection. Cleaning steps are edits; each step's map is composed
with the previous one, so any number of steps still yields one array.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.importers.model import Edit


@dataclass
class OffsetMap:
    """Maps cleaned-text offsets to original-text offsets (and back)."""

    positions: array
    """``array('l')`` of length ``len(clean) + 1``."""

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(array("l", range(length + 1)))

    @property
    def clean_length(self) -> int:
        return len(self.positions) - 1

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span that cleaned ``[start, end)`` came from."""
        start = max(0, min(start, self.clean_length))
        end = max(start, min(end, self.clean_length))
        if start == end:
            position = self.positions[start]
            return position, position
        return self.positions[start], self.positions[end - 1] + 1

    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """The cleaned span covering original ``[start, end)`` (as far as it survived cleaning)."""
        clean_start = bisect_left(self.positions, start, 0, self.clean_length)
        clean_end = bisect_left(self.positions, end, clean_start, self.clean_length)
        return clean_start, max(clean_start, clean_end)

    def compose(self, later: OffsetMap) -> OffsetMap:
        """The map of applying ``self`` then ``later`` (``later`` maps into ``self``'s clean text)."""
        # map() indexes at C speed: a generator here cost more than all other cleaning steps.
        return OffsetMap(array("l", map(self.positions.__getitem__, later.positions)))

    def to_bytes(self) -> bytes:
        """Compact storage: deltas (mostly 1) compress to a few hundred bytes per report."""
        deltas = array("l", [0] * len(self.positions))
        previous = 0
        for index, value in enumerate(self.positions):
            deltas[index] = value - previous
            previous = value
        return zlib.compress(deltas.tobytes(), 6)

    @classmethod
    def from_bytes(cls, blob: bytes) -> OffsetMap:
        deltas = array("l")
        deltas.frombytes(zlib.decompress(blob))
        positions = array("l", [0] * len(deltas))
        total = 0
        for index, delta in enumerate(deltas):
            total += delta
            positions[index] = total
        return cls(positions)


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits and return the new text with its map back into ``text``.

    Edits are sorted here; an edit that overlaps an earlier one is skipped, so a buggy step can
    lose a cleanup but never corrupt the map. A replacement of equal length maps character by
    character (width or traditional→simplified changes); others spread over the replaced span.
    """
    pieces: list[str] = []
    positions = array("l")
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor or edit.end < edit.start or edit.end > len(text):
            continue
        pieces.append(text[cursor : edit.start])
        positions.extend(range(cursor, edit.start))
        replacement = edit.replacement
        pieces.append(replacement)
        span = edit.end - edit.start
        if len(replacement) == span:
            positions.extend(range(edit.start, edit.end))
        elif replacement:
            positions.extend(edit.start + (k * span) // len(replacement) for k in range(len(replacement)))
        cursor = edit.end
    pieces.append(text[cursor:])
    positions.extend(range(cursor, len(text) + 1))
    return "".join(pieces), OffsetMap(positions)
