"""How a figure is written back for a reviewer: ``102.8余万元``, ``约5000本``, ``3–4次``."""

from __future__ import annotations

from desktop.core.metrics.extract import Mention


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def format_figure(mention: Mention) -> str:
    unit = mention.unit or ""
    if mention.unit is None and mention.value == 0:
        return "零"
    if mention.low is not None and mention.high is not None and mention.low != mention.high:
        return f"{_number(mention.low)}–{_number(mention.high)}{unit}"
    qualifier = mention.qualifier or ""
    value = _number(mention.value)
    if qualifier in ("约", "近", "超"):
        return f"{qualifier}{value}{unit}"
    if qualifier in ("余", "多"):
        return f"{value}{qualifier}{unit}"
    return f"{value}{unit}{qualifier}"
