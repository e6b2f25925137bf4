"""The metric catalog (data, not code): built-in ``resources/metrics_catalog.json`` plus user additions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.resources import resource

USER_CATALOG_NAME = "metrics_catalog.json"


class CatalogError(ValueError):
    """A catalog file that cannot be used, with a Chinese message."""


@dataclass(frozen=True)
class MetricKind:
    key: str
    label: str
    triggers: tuple[str, ...]
    units: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    sentence_triggers: tuple[str, ...] = ()
    sentence_exclude: tuple[str, ...] = ()
    counted_exclude: tuple[str, ...] = ()
    zero_words: tuple[str, ...] = ()
    change_of: str | None = None
    rate_of: tuple[str, str] | None = None
    direction: str = "neutral"
    """``up_good``, ``down_good`` or ``neutral``: how a rise is coloured year over year."""


@dataclass(frozen=True)
class Catalog:
    kinds: dict[str, MetricKind]
    unit_aliases: dict[str, str]
    money_units: dict[str, float]
    not_a_figure_before: tuple[str, ...]
    fixed_expression_after: tuple[str, ...]
    down_words: tuple[str, ...]
    up_words: tuple[str, ...]
    digest: str = field(default="")
    """Hash of the catalog's content: stored figures are recomputed when it changes."""

    def label(self, key: str | None) -> str:
        return self.kinds[key].label if key in self.kinds else "其他数字"

    def triggers(self) -> set[str]:
        return {t for kind in self.kinds.values() for t in (*kind.triggers, *kind.sentence_triggers)}


def _kind(entry: dict[str, Any]) -> MetricKind:
    try:
        rate = entry.get("rate_of")
        return MetricKind(
            key=str(entry["key"]),
            label=str(entry["label"]),
            triggers=tuple(entry["triggers"]),
            units=tuple(entry["units"]),
            exclude=tuple(entry.get("exclude", ())),
            sentence_triggers=tuple(entry.get("sentence_triggers", ())),
            sentence_exclude=tuple(entry.get("sentence_exclude", ())),
            counted_exclude=tuple(entry.get("counted_exclude", ())),
            zero_words=tuple(entry.get("zero_words", ())),
            change_of=entry.get("change_of"),
            rate_of=(str(rate[0]), str(rate[1])) if rate else None,
            direction=str(entry.get("direction", "neutral")),
        )
    except (KeyError, TypeError, IndexError) as error:
        raise CatalogError(f"指标目录中的条目不完整：{entry!r}（缺少 {error}）") from error


def parse_catalog(raw: dict[str, Any], extra: dict[str, Any] | None = None) -> Catalog:
    """Build a catalog; ``extra`` (the user's file) adds entries and replaces those with the same key."""
    kinds = {kind.key: kind for kind in map(_kind, raw["metrics"])}
    if extra:
        kinds.update({kind.key: kind for kind in map(_kind, extra.get("metrics", []))})
    words = raw.get("change_words", {})
    merged = json.dumps([raw, extra], ensure_ascii=False, sort_keys=True)
    return Catalog(
        kinds=kinds,
        unit_aliases=dict(raw.get("unit_aliases", {})) | dict((extra or {}).get("unit_aliases", {})),
        money_units=dict(raw.get("money_units", {"万元": 1})),
        not_a_figure_before=tuple(raw.get("not_a_figure_before", ())),
        fixed_expression_after=tuple(raw.get("fixed_expression_after", ())),
        down_words=tuple(words.get("down", ())),
        up_words=tuple(words.get("up", ())),
        digest=hashlib.sha256(merged.encode("utf-8")).hexdigest()[:16],
    )


def load_catalog(user_folder: Path | None = None) -> Catalog:
    """The built-in catalog, extended by ``metrics_catalog.json`` in ``user_folder`` when present."""
    raw = json.loads(resource(USER_CATALOG_NAME).read_text(encoding="utf-8"))
    extra = None
    if user_folder is not None and (user_folder / USER_CATALOG_NAME).is_file():
        path = user_folder / USER_CATALOG_NAME
        try:
            extra = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CatalogError(f"无法读取用户指标目录 {path}：{error}") from error
    return parse_catalog(raw, extra)
