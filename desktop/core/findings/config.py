"""The findings configuration: ``resources/findings.json``, merged with the reviewer's own copy.

A user file in the ReviewDesk data folder (``findings.json``) lists only what an office changes:
each rule it names is merged key by key over the built-in rule, and so are the deadlines. A rule
the built-in file does not know is refused with a message, so a misspelt id is noticed.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.core.resources import resource

USER_CONFIG_NAME = "findings.json"
_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")


class FindingsConfigError(ValueError):
    """A configuration that cannot be used, with a Chinese message for the user."""


@dataclass(frozen=True)
class FindingsConfig:
    rules: dict[str, dict[str, Any]]
    deadlines: dict[str, tuple[int, int]]
    """``report_by`` / ``publish_by`` → (month, day) of the year after the one reported on."""
    digest: str

    def rule(self, rule_id: str) -> dict[str, Any]:
        return self.rules.get(rule_id, {})

    def enabled(self, rule_id: str) -> bool:
        settings = self.rules.get(rule_id)
        return settings is not None and bool(settings.get("enabled", True))


def _merge(base: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(base)
    for key, value in user.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _deadline(value: Any, name: str, source: str) -> tuple[int, int]:
    m = _MONTH_DAY.match(str(value).strip())
    if not m or not (1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31):
        raise FindingsConfigError(f"{source} 中的期限“{name}”应写作“月-日”，例如 03-01，而不是“{value}”。")
    return int(m.group(1)), int(m.group(2))


def parse_config(raw: dict[str, Any], user: dict[str, Any] | None = None, source: str = "") -> FindingsConfig:
    """Built-in settings with ``user`` merged over them; patterns are compiled once to check them."""
    source = source or USER_CONFIG_NAME
    rules: dict[str, dict[str, Any]] = copy.deepcopy(raw.get("rules", {}))
    deadlines_raw = dict(raw.get("deadlines", {}))
    if user is not None:
        if not isinstance(user, dict):
            raise FindingsConfigError(f"{source} 应为 JSON 对象。")
        for rule_id, settings in dict(user.get("rules", {})).items():
            if rule_id.startswith("_"):
                continue
            if rule_id not in rules:
                known = "、".join(sorted(rules))
                raise FindingsConfigError(f"{source} 中有未知的规则“{rule_id}”。可用的规则：{known}。")
            if not isinstance(settings, dict):
                raise FindingsConfigError(f"{source} 中规则“{rule_id}”的设置应为 JSON 对象。")
            rules[rule_id] = _merge(rules[rule_id], settings)
        deadlines_raw.update(dict(user.get("deadlines", {})))
    for rule_id, settings in rules.items():
        _check_patterns(rule_id, settings, source)
    deadlines = {
        name: _deadline(deadlines_raw[name], name, source)
        for name in ("report_by", "publish_by")
        if name in deadlines_raw
    }
    canonical = json.dumps([rules, deadlines], ensure_ascii=False, sort_keys=True)
    return FindingsConfig(rules, deadlines, hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16])


def _check_patterns(rule_id: str, settings: Any, source: str) -> None:
    """Every string in a list under a pattern-like key must compile (a typo is reported, not crashed on)."""
    for key, value in settings.items():
        if key.startswith("_"):
            continue
        lists = value.values() if isinstance(value, dict) else [value]
        for entry in lists:
            if not isinstance(entry, list):
                continue
            for pattern in entry:
                if not isinstance(pattern, str):
                    continue
                try:
                    re.compile(pattern)
                except re.error as error:
                    raise FindingsConfigError(
                        f"{source} 中规则“{rule_id}”的“{key}”有无法使用的正则表达式“{pattern}”：{error}"
                    ) from error


def load_config(user_folder: Path | None = None) -> FindingsConfig:
    """The built-in configuration, with ``findings.json`` from ``user_folder`` merged over it."""
    raw = json.loads(resource(USER_CONFIG_NAME).read_text(encoding="utf-8"))
    user = None
    path = user_folder / USER_CONFIG_NAME if user_folder is not None else None
    if path is not None and path.is_file():
        try:
            user = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise FindingsConfigError(f"无法读取用户检查规则文件 {path}：{error}") from error
    return parse_config(raw, user, str(path) if user is not None else USER_CONFIG_NAME)


@lru_cache(maxsize=1)
def default_config() -> FindingsConfig:
    """The configuration in effect: built-in, or with the reviewer's file in the data folder."""
    from platformdirs import user_data_path

    return load_config(user_data_path("ReviewDesk", appauthor=False))
