"""The annotation taxonomy (data, not code): ``resources/annotation_categories.json`` or the user's copy."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.core.resources import resource

USER_TAXONOMY_NAME = "annotation_categories.json"
_LISTS = ("categories", "severities", "statuses")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_UNKNOWN_COLOR = "#7F8C8D"


class AnnotationError(ValueError):
    """A request the annotation store cannot carry out, with a Chinese message for the user."""


class TaxonomyError(AnnotationError):
    """A taxonomy file that cannot be used."""


@dataclass(frozen=True)
class Term:
    """One category, severity or status: a stored key and how it is shown."""

    key: str
    label: str
    label_en: str
    color: str | None = None

    def as_json(self) -> dict[str, str | None]:
        return {"key": self.key, "label": self.label, "label_en": self.label_en, "color": self.color}


@dataclass(frozen=True)
class Taxonomy:
    categories: tuple[Term, ...]
    severities: tuple[Term, ...]
    statuses: tuple[Term, ...]
    default_severity: str

    @property
    def default_status(self) -> str:
        return self.statuses[0].key

    # Lookups never fail: an annotation keeps its key even when a user taxonomy drops that key,
    # and must still be shown (under the key itself) rather than hidden or crash a view.
    def category(self, key: str) -> Term:
        return _find(self.categories, key) or Term(key, key, key, _UNKNOWN_COLOR)

    def severity(self, key: str) -> Term:
        return _find(self.severities, key) or Term(key, key, key)

    def status(self, key: str) -> Term:
        return _find(self.statuses, key) or Term(key, key, key)

    # Resolving user input is strict: a key, the Chinese label or the English label.
    def resolve_category(self, text: str) -> str:
        return _resolve(self.categories, text, "问题类别")

    def resolve_severity(self, text: str) -> str:
        return _resolve(self.severities, text, "严重程度")

    def resolve_status(self, text: str) -> str:
        return _resolve(self.statuses, text, "处理状态")


def _find(terms: tuple[Term, ...], key: str) -> Term | None:
    return next((term for term in terms if term.key == key), None)


def _resolve(terms: tuple[Term, ...], text: str, what: str) -> str:
    wanted = text.strip()
    for term in terms:
        if wanted in (term.key, term.label) or wanted.casefold() == term.label_en.casefold():
            return term.key
    choices = "、".join(f"{t.label}（{t.key}）" for t in terms)
    raise AnnotationError(f"未知的{what}“{text}”。可选：{choices}。")


def _terms(entries: Any, name: str, source: str) -> tuple[Term, ...]:
    if not isinstance(entries, list) or not entries:
        raise TaxonomyError(f"{source} 中的“{name}”应为非空列表。")
    terms = []
    for entry in entries:
        try:
            term = Term(
                key=str(entry["key"]).strip(),
                label=str(entry["label"]).strip(),
                label_en=str(entry.get("label_en") or entry["key"]).strip(),
                color=str(entry["color"]) if entry.get("color") else None,
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise TaxonomyError(f"{source} 中“{name}”的条目不完整：{entry!r}（需要 key 和 label）") from error
        if not term.key or not term.label:
            raise TaxonomyError(f"{source} 中“{name}”的条目 key 或 label 为空：{entry!r}")
        if term.color is not None and not _COLOR.match(term.color):
            raise TaxonomyError(f"{source} 中“{term.label}”的颜色应写作 #RRGGBB，而不是“{term.color}”。")
        terms.append(term)
    keys = [t.key for t in terms]
    if len(set(keys)) != len(keys):
        raise TaxonomyError(f"{source} 中“{name}”有重复的 key：{keys}")
    return tuple(terms)


def parse_taxonomy(raw: dict[str, Any], user: dict[str, Any] | None = None, source: str = "") -> Taxonomy:
    """Build a taxonomy; each list present in ``user`` replaces the built-in list of that name."""
    merged = dict(raw)
    if user is not None:
        if not isinstance(user, dict):
            raise TaxonomyError(f"{source} 应为 JSON 对象。")
        merged.update({k: v for k, v in user.items() if k in (*_LISTS, "default_severity")})
    label = source or USER_TAXONOMY_NAME
    categories, severities, statuses = (_terms(merged.get(name), name, label) for name in _LISTS)
    default = str(merged.get("default_severity") or severities[0].key)
    if _find(severities, default) is None:
        # A user file that replaces the severities need not repeat default_severity.
        default = severities[0].key
    return Taxonomy(categories, severities, statuses, default)


def load_taxonomy(user_folder: Path | None = None) -> Taxonomy:
    """The built-in taxonomy, or the user's ``annotation_categories.json`` in ``user_folder``."""
    raw = json.loads(resource(USER_TAXONOMY_NAME).read_text(encoding="utf-8"))
    user = None
    path = user_folder / USER_TAXONOMY_NAME if user_folder is not None else None
    if path is not None and path.is_file():
        try:
            user = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise TaxonomyError(f"无法读取用户问题分类文件 {path}：{error}") from error
    return parse_taxonomy(raw, user, str(path) if user is not None else USER_TAXONOMY_NAME)


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The taxonomy in effect: built-in, or the reviewer's file in the ReviewDesk data folder."""
    from platformdirs import user_data_path

    return load_taxonomy(user_data_path("ReviewDesk", appauthor=False))
