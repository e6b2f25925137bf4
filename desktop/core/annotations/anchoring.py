"""Anchoring annotations in a report's cleaned text, after the W3C Web Annotation selectors.

An annotation remembers its span three ways: the quote with some context either side
(TextQuoteSelector), the character offsets (TextPositionSelector) and a hash of the whole text the
two were taken from. A newer cleaning pipeline or a reviewer's edit changes the text: offsets go
stale first, the quote usually survives, so anchoring falls back from the cheap and certain to the
expensive and likely, and gives up (orphan) rather than attach a comment to the wrong sentence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT_CHARS = 32
"""Prefix and suffix length: about a clause of Chinese, enough to tell repeated phrases apart."""
MIN_FUZZY_SCORE = 85.0
"""Lowest rapidfuzz similarity (0–100) at which an edited quote still counts as the same passage."""
_WINDOW_CHARS = 400


@dataclass(frozen=True)
class Selectors:
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    text_hash: str


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_selectors(text: str, start: int, end: int, digest: str | None = None) -> Selectors:
    """Selectors for ``text[start:end]``; ``digest`` is ``text_hash(text)`` when the caller has it."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}–{end} is not a non-empty span of a {len(text)}-character text")
    return Selectors(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
        text_hash=digest or text_hash(text),
    )


def occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every occurrence of ``quote`` in ``text``, overlapping ones included."""
    found: list[int] = []
    if not quote:
        return found
    at = text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def anchor(text: str, selectors: Selectors, digest: str | None = None) -> tuple[int, int] | None:
    """Where the annotation's passage is in ``text`` now, or None when it is gone (an orphan).

    ``digest`` is ``text_hash(text)`` when the caller has it (saves hashing per annotation).
    """
    if (digest or text_hash(text)) == selectors.text_hash and 0 <= selectors.start < selectors.end <= len(
        text
    ):
        return selectors.start, selectors.end
    return _exact(text, selectors) or _fuzzy(text, selectors)


def context_score(text: str, selectors: Selectors, start: int, end: int) -> float:
    """How well the text around ``start``–``end`` agrees with the prefix and suffix (0–200)."""
    before = text[max(0, start - len(selectors.prefix)) : start]
    after = text[end : end + len(selectors.suffix)]
    # Indel similarity rather than a common-suffix length: one changed character next to the quote
    # must lower agreement a little, not wipe it out.
    return fuzz.ratio(selectors.prefix, before) + fuzz.ratio(selectors.suffix, after)


def _exact(text: str, selectors: Selectors) -> tuple[int, int] | None:
    starts = occurrences(text, selectors.exact)
    if not starts:
        return None
    # The old position, when it still holds the quote, is one of the candidates at distance 0: it is
    # kept unless the same words elsewhere sit in a context that agrees better (the passage moved
    # and a repeated phrase slid under the old offsets).
    size = len(selectors.exact)
    best = max(
        starts,
        key=lambda s: (context_score(text, selectors, s, s + size), -abs(s - selectors.start)),
    )
    return best, best + size


def _fuzzy(text: str, selectors: Selectors) -> tuple[int, int] | None:
    exact = selectors.exact
    if not exact or len(text) < len(exact):
        return None
    # Search near the old position and in the whole text; a near hit wins only on a tie, so a
    # better-matching passage that moved far (a part re-ordered) is still found.
    lo = max(0, min(selectors.start, len(text)) - _WINDOW_CHARS - len(exact))
    hi = min(len(text), selectors.end + _WINDOW_CHARS + len(exact))
    hits: list[tuple[float, int, int]] = []
    for offset, haystack in ((lo, text[lo:hi]), (0, text)):
        if len(haystack) < len(exact):
            continue
        hit = fuzz.partial_ratio_alignment(exact, haystack, score_cutoff=MIN_FUZZY_SCORE)
        if hit is not None and hit.score >= MIN_FUZZY_SCORE:
            hits.append((hit.score, offset + hit.dest_start, offset + hit.dest_end))
    if not hits:
        return None
    _, start, end = max(hits, key=lambda h: (h[0], -abs(h[1] - selectors.start)))
    return _refine(text, exact, start, end)


def _refine(text: str, exact: str, start: int, end: int) -> tuple[int, int]:
    """Move the span's ends to where ``text[start:end]`` is most like ``exact``.

    partial_ratio compares windows as long as the quote, so a quote that grew or shrank comes back
    with one end short or long; a few rounds of moving each end by up to ``slack`` fixes that.
    """
    slack = min(40, max(3, len(exact) // 4))
    best = fuzz.ratio(exact, text[start:end])
    for _ in range(3):
        moved = False
        for s in sorted(
            range(max(0, start - slack), min(end, start + slack + 1)), key=lambda s: abs(s - start)
        ):
            score = fuzz.ratio(exact, text[s:end])
            if score > best:
                best, start, moved = score, s, True
        for e in sorted(
            range(max(start + 1, end - slack), min(len(text), end + slack) + 1), key=lambda e: abs(e - end)
        ):
            score = fuzz.ratio(exact, text[start:e])
            if score > best:
                best, end, moved = score, e, True
        if not moved:
            break
    return start, end
