"""jieba word segmentation with ReviewDesk's domain dictionary, loaded once and lazily.

jieba takes about half a second to load its dictionary, so nothing imports it at start-up; the
first import job (a background thread) pays for it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from desktop.core.resources import resource

_lock = threading.Lock()
_tokenizer: Any = None


def tokenizer(extra_words: Iterable[str] = ()) -> Any:
    """A jieba ``Tokenizer`` with the domain dictionary (``resources/jieba_userdict.txt``) loaded."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            instance = jieba.Tokenizer()
            instance.initialize()
            for line in resource("jieba_userdict.txt").read_text(encoding="utf-8").splitlines():
                word = line.split(" ")[0].strip()
                if word and not word.startswith("#"):
                    instance.add_word(word, freq=50_000)
            _tokenizer = instance
        for word in extra_words:
            if _tokenizer.FREQ.get(word, 0) < 50_000:
                _tokenizer.add_word(word, freq=50_000)
        return _tokenizer


@lru_cache(maxsize=4096)
def token_bounds(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Offsets where jieba words start and end in ``text``."""
    starts, ends = set(), set()
    position = 0
    for word in tokenizer().cut(text, HMM=False):
        starts.add(position)
        position += len(word)
        ends.add(position)
    return frozenset(starts), frozenset(ends)


def dictionary_words() -> Any:
    """jieba's word frequencies (prefixes of words are in it too, with frequency 0)."""
    return tokenizer().FREQ
