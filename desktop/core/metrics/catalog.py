"""The metric catalog (data, not code): a sector-neutral core plus sector packs, and user additions.

``resources/metrics_catalog.json`` holds the core (what every 法治政府建设 report counts: 规范性文件,
复议, 诉讼, 学法, 培训, 普法 …), the issuer types, and the list of pack files
(``metrics_pack_*.json``); a pack adds the figures of one sector (应急管理: 隐患, 事故; 公安: 警情 …).
Which packs a report gets is decided per report by :mod:`desktop.core.metrics.sector`. A reviewer
extends all of it with ``metrics_catalog.json`` in the ReviewDesk data folder (docs/metrics_catalog.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.core.resources import resource

USER_CATALOG_NAME = "metrics_catalog.json"
CORE = "core"
EXTRACTOR_VERSION = 3
"""Raise when the extraction rules change: stored figures are recomputed, as for a catalog change."""


class CatalogError(ValueError):
    """A catalog file that cannot be used, with a Chinese message."""


@dataclass(frozen=True, eq=False)
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
    zero_subjects: tuple[str, ...] = ()
    """Words put into the catalog's ``zero_forms`` (无{}案件 …) to find a count of zero."""
    change_of: str | None = None
    rate_of: tuple[str, str] | None = None
    direction: str = "neutral"
    """``up_good``, ``down_good`` or ``neutral``: how a rise is coloured year over year."""
    pack: str = CORE
    head_triggers: tuple[str, ...] = ()
    """Nouns that name the figure only when they head its phrase (事故23起, not 事故定性案60宗)."""
    weak_triggers: tuple[str, ...] = ()
    """Triggers too general to decide alone (审核): they make the figure doubtful."""
    requires: tuple[str, ...] = ()
    """The sentence must hold one of these words (a meeting counts only if it was about 法治)."""
    requires_clause: tuple[str, ...] = ()
    """The clause must hold one of these words (备案 counts documents only if 文件 is said)."""
    context_triggers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Trigger → words one of which the sentence must hold for that trigger to count (讲座)."""
    refine: tuple[tuple[tuple[str, ...], str], ...] = ()
    """(words, key): one of the words before the figure in its clause makes it that key instead."""
    covers: tuple[str, ...] = ()
    """Keys whose objects this metric counts together (合法性审查 of 规范性文件 and 决策)."""
    bare: bool = False
    """Accepts a figure written with a magnitude and no measure word (``阅读量超1850万``)."""
    items_need: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None = None
    """(nouns, units, verbs): a count of such items (事项 in 项) counts this metric only when one of the
    verbs says they were handled (受理85项审批服务事项), not when it lists kinds (行政许可事项218项)."""


@dataclass(frozen=True)
class Pack:
    name: str
    label: str
    issuer_types: tuple[str, ...]
    text_words: tuple[str, ...]


@dataclass(frozen=True)
class IssuerType:
    type: str
    words: tuple[str, ...]


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
    """Hash of the catalog's content and rules version: stored figures are recomputed when it changes."""
    packs: dict[str, Pack] = field(default_factory=dict)
    issuer_types: tuple[IssuerType, ...] = ()
    comprehensive_types: tuple[str, ...] = ()
    linkers: tuple[str, ...] = ()
    goal_words: tuple[str, ...] = ()
    averages: tuple[str, ...] = ()
    """Words that make a figure an average (日均办件200件), not a total: its key is doubtful."""
    zero_forms: tuple[str, ...] = ()
    active_packs: tuple[str, ...] | None = None
    """None: every kind is active; otherwise the packs (besides the core) this view extracts."""
    every_kind: dict[str, MetricKind] | None = None
    """In a view restricted to some packs: every kind of the full catalog (for labels)."""

    @property
    def all_kinds(self) -> dict[str, MetricKind]:
        return self.every_kind if self.every_kind is not None else self.kinds

    def label(self, key: str | None) -> str:
        kinds = self.all_kinds
        return kinds[key].label if key in kinds else "其他数字"

    def triggers(self) -> set[str]:
        return {t for kind in self.kinds.values() for t in (*kind.triggers, *kind.sentence_triggers)}

    def pack_of(self, key: str | None) -> str | None:
        kind = self.all_kinds.get(key or "")
        return kind.pack if kind else None

    def with_packs(self, packs: Iterable[str]) -> Catalog:
        """The same catalog extracting only the core and ``packs`` (labels of every key still known)."""
        chosen = tuple(p for p in dict.fromkeys(packs) if p in self.packs)
        return _restricted(self, chosen)


_views: dict[tuple[int, tuple[str, ...]], Catalog] = {}


def _restricted(catalog: Catalog, packs: tuple[str, ...]) -> Catalog:
    cache_key = (id(catalog), packs)
    view = _views.get(cache_key)
    if view is None or view.digest != catalog.digest:
        every = catalog.all_kinds
        kinds = {k: v for k, v in every.items() if v.pack == CORE or v.pack in packs}
        view = replace(catalog, kinds=kinds, active_packs=packs, every_kind=every)
        if len(_views) > 64:
            _views.clear()
        _views[cache_key] = view
    return view


def _words(entry: dict[str, Any], name: str) -> tuple[str, ...]:
    value = entry.get(name, ())
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise CatalogError(f"指标目录中“{name}”应为文字列表：{entry.get('key', entry)!r}")
    return tuple(value)


def _kind(entry: dict[str, Any], pack: str) -> MetricKind:
    try:
        rate = entry.get("rate_of")
        refine = tuple((tuple(r["words"]), str(r["key"])) for r in entry.get("refine", ()))
        context = {str(k): tuple(v) for k, v in dict(entry.get("context_triggers", {})).items()}
        return MetricKind(
            key=str(entry["key"]),
            label=str(entry["label"]),
            triggers=tuple(entry["triggers"]),
            units=tuple(entry["units"]),
            exclude=_words(entry, "exclude"),
            sentence_triggers=_words(entry, "sentence_triggers"),
            sentence_exclude=_words(entry, "sentence_exclude"),
            counted_exclude=_words(entry, "counted_exclude"),
            zero_words=_words(entry, "zero_words"),
            zero_subjects=_words(entry, "zero_subjects"),
            change_of=entry.get("change_of"),
            rate_of=(str(rate[0]), str(rate[1])) if rate else None,
            direction=str(entry.get("direction", "neutral")),
            pack=str(entry.get("pack", pack)),
            head_triggers=_words(entry, "head_triggers"),
            weak_triggers=_words(entry, "weak_triggers"),
            requires=_words(entry, "requires"),
            requires_clause=_words(entry, "requires_clause"),
            context_triggers=context,
            refine=refine,
            covers=_words(entry, "covers"),
            bare=bool(entry.get("bare", False)),
            items_need=_items(entry.get("items_need")),
        )
    except (KeyError, TypeError, IndexError, AttributeError) as error:
        raise CatalogError(f"指标目录中的条目不完整：{entry!r}（缺少 {error}）") from error


def _items(raw: Any) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
    if not raw:
        return None
    return tuple(raw["nouns"]), tuple(raw["units"]), tuple(raw["verbs"])


def _pack(raw: dict[str, Any]) -> tuple[Pack, list[MetricKind]]:
    try:
        name = str(raw["pack"])
    except (KeyError, TypeError) as error:
        raise CatalogError(f"指标包缺少名称（pack）：{raw!r}") from error
    pack = Pack(
        name=name,
        label=str(raw.get("label", name)),
        issuer_types=_words(raw, "issuer_types"),
        text_words=_words(raw, "text_words"),
    )
    return pack, [_kind(entry, name) for entry in raw.get("metrics", [])]


def _merge_pack(old: Pack | None, new: Pack) -> Pack:
    if old is None:
        return new
    return Pack(
        name=old.name,
        label=new.label if new.label != new.name else old.label,
        issuer_types=tuple(dict.fromkeys(old.issuer_types + new.issuer_types)),
        text_words=tuple(dict.fromkeys(old.text_words + new.text_words)),
    )


def parse_catalog(
    raw: dict[str, Any], extra: dict[str, Any] | None = None, packs: list[dict[str, Any]] | None = None
) -> Catalog:
    """Build a catalog from the core, its ``packs`` (parsed pack files) and ``extra`` (the user's file).

    The user's entries add to the built-in ones and replace those with the same key; the user's packs
    add new packs or extend the built-in pack of the same name.
    """
    try:
        kinds = {kind.key: kind for kind in (_kind(e, CORE) for e in raw["metrics"])}
    except (KeyError, TypeError) as error:
        raise CatalogError(f"指标目录缺少指标列表（metrics）：{error}") from error
    pack_table: dict[str, Pack] = {}
    for source in [*(packs or []), *((extra or {}).get("packs", []))]:
        pack, members = _pack(source)
        pack_table[pack.name] = _merge_pack(pack_table.get(pack.name), pack)
        kinds.update({kind.key: kind for kind in members})
    if extra:
        kinds.update({kind.key: kind for kind in (_kind(e, CORE) for e in extra.get("metrics", []))})
    for kind in kinds.values():
        if kind.pack != CORE and kind.pack not in pack_table:
            pack_table[kind.pack] = Pack(kind.pack, kind.pack, (), ())
    types = [*raw.get("issuer_types", []), *(extra or {}).get("issuer_types", [])]
    words = raw.get("change_words", {})
    merged = json.dumps([raw, packs, extra, EXTRACTOR_VERSION], ensure_ascii=False, sort_keys=True)
    return Catalog(
        kinds=kinds,
        unit_aliases=dict(raw.get("unit_aliases", {})) | dict((extra or {}).get("unit_aliases", {})),
        money_units=dict(raw.get("money_units", {"万元": 1})),
        not_a_figure_before=tuple(raw.get("not_a_figure_before", ())),
        fixed_expression_after=tuple(raw.get("fixed_expression_after", ())),
        down_words=tuple(words.get("down", ())),
        up_words=tuple(words.get("up", ())),
        digest=hashlib.sha256(merged.encode("utf-8")).hexdigest()[:16],
        packs=pack_table,
        issuer_types=tuple(IssuerType(str(t["type"]), tuple(t["words"])) for t in types),
        comprehensive_types=tuple(raw.get("comprehensive_types", ())),
        linkers=tuple(sorted(raw.get("linkers", ()), key=len, reverse=True)),
        goal_words=tuple(raw.get("goal_words", ())),
        averages=tuple(raw.get("averages", ())),
        zero_forms=tuple(raw.get("zero_forms", ())),
    )


def load_catalog(user_folder: Path | None = None) -> Catalog:
    """The built-in catalog and its packs, extended by ``metrics_catalog.json`` in ``user_folder``."""
    raw = json.loads(resource(USER_CATALOG_NAME).read_text(encoding="utf-8"))
    packs = [json.loads(resource(name).read_text(encoding="utf-8")) for name in raw.get("packs", [])]
    extra = None
    if user_folder is not None and (user_folder / USER_CATALOG_NAME).is_file():
        path = user_folder / USER_CATALOG_NAME
        try:
            extra = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CatalogError(f"无法读取用户指标目录 {path}：{error}") from error
        if not isinstance(extra, dict):
            raise CatalogError(f"用户指标目录 {path} 的内容应为一个 JSON 对象。")
    return parse_catalog(raw, extra, packs)
