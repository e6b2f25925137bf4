"""Count the work a function does, without a clock: Python lines executed in ReviewDesk's code.

A timing in a test fails on a busy machine and passes a quadratic loop on a fast one; a count of
executed lines is the same on every run. Used to show that analysis grows linearly: the count
at 4n must stay near four times the count at n (a quadratic loop makes it sixteen).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

_DESKTOP = str(Path(__file__).resolve().parents[1] / "desktop")


def operations(function: Callable[..., Any], *args: Any) -> int:
    """Lines of ``desktop/`` executed while ``function(*args)`` runs (comprehensions included)."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(_DESKTOP) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        function(*args)
    finally:
        sys.settrace(previous)
    return count


def growth(make: Callable[[int], Any], function: Callable[[Any], Any], n: int) -> float:
    """How many times more work ``function`` does on ``make(4 * n)`` than on ``make(n)``."""
    function(make(n))  # load lazily loaded modules and fill caches before counting
    small = operations(function, make(n))
    large = operations(function, make(4 * n))
    return large / max(1, small)
