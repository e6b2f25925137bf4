"""Access to files in the ``resources`` package, the same way from source and from a bundle."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any


def resource(*parts: str) -> Traversable:
    node = resources.files("resources")
    for part in parts:
        node = node.joinpath(part)
    return node


@lru_cache(maxsize=16)
def load_json(name: str) -> Any:
    return json.loads(resource(name).read_text(encoding="utf-8"))
