"""Boilerplate: sentences every report repeats every year, which say nothing about copying.

``现将有关情况报告如下：``, the page's ``来源：本网``, the title, the standard part headings and the
political formulae (``坚持以习近平新时代中国特色社会主义思想为指导``) are the same in every report of
every year. A carried-over share that counts them calls an honest report "copied"; the substantive
share leaves them out. The patterns are data (``resources/boilerplate.json``), and an office can add
its own in ``boilerplate.json`` in the ReviewDesk data folder.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.core.resources import resource

FILE_NAME = "boilerplate.json"
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_DIGIT_RE = re.compile(r"\d")


@dataclass(frozen=True)
class Boilerplate:
    sentences: re.Pattern[str]
    phrases: re.Pattern[str]
    neutral: re.Pattern[str]
    """Removed before judging (the report's year), never by itself a reason to call a sentence
    boilerplate: ``2024年全年检查企业…`` is content."""
    min_remaining: int
    min_share: float = 0.3
    problems: tuple[str, ...] = field(default=())
    """Chinese messages about entries of the office's file that could not be used."""

    def is_boilerplate(self, key: str) -> bool:
        """Whether a sentence (its comparison key: NFKC, no whitespace) is boilerplate.

        It is when a sentence pattern matches, or when cutting the formulae out of it leaves no
        figure and fewer than ``min_remaining`` Chinese characters, or less than ``min_share`` of them
        (what is left of ``2024年，某某管理委员会在…领导下，坚持以…为指导`` is only the issuer).
        """
        if self.sentences.search(key):
            return True
        key = self.neutral.sub("", key)
        remaining = self.phrases.sub("", key)
        if remaining == key or _DIGIT_RE.search(remaining):
            return False  # no formula in it (a short sentence is not a formula), or a figure
        left = len(_HAN_RE.findall(remaining))
        return left < self.min_remaining or left < self.min_share * len(_HAN_RE.findall(key))


def _compile(patterns: list[str], where: str, problems: list[str]) -> list[str]:
    usable = []
    for pattern in patterns:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as error:
            problems.append(f"{where}中的套话规则“{pattern}”无效（{error}），已忽略。")
            continue
        usable.append(pattern)
    return usable


def parse_boilerplate(
    raw: dict[str, Any], extra: dict[str, Any] | None = None, where: str = ""
) -> Boilerplate:
    """The built-in lists, extended by an office's lists; unusable entries are skipped and named."""
    problems: list[str] = []
    sentences = list(raw["sentences"])
    phrases = list(raw["phrases"])
    neutral = list(raw.get("neutral", []))
    minimum = int(raw.get("min_remaining", 8))
    share = float(raw.get("min_share", 0.3))
    if extra is not None:
        if not isinstance(extra, dict):
            problems.append(f"{where}不是有效的套话规则文件（应为 JSON 对象），已忽略。")
        else:
            sentences += _compile(_strings(extra.get("sentences")), where, problems)
            phrases += _compile(_strings(extra.get("phrases")), where, problems)
            neutral += _compile(_strings(extra.get("neutral")), where, problems)
            if isinstance(extra.get("min_remaining"), int) and extra["min_remaining"] >= 0:
                minimum = extra["min_remaining"]
            if isinstance(extra.get("min_share"), (int, float)) and 0 <= extra["min_share"] <= 1:
                share = float(extra["min_share"])
    return Boilerplate(
        _either(sentences), _either(phrases), _either(neutral), minimum, share, tuple(problems)
    )


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _either(patterns: list[str]) -> re.Pattern[str]:
    # One alternation: a sentence is searched once, however many patterns an office adds.
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")


def load_boilerplate(user_folder: Path | None = None) -> Boilerplate:
    raw = json.loads(resource(FILE_NAME).read_text(encoding="utf-8"))
    path = user_folder / FILE_NAME if user_folder is not None else None
    if path is None or not path.is_file():
        return parse_boilerplate(raw)
    try:
        extra = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        built_in = parse_boilerplate(raw)
        message = f"无法读取套话规则文件 {path}（{error}），本次比较只用内置规则。"
        return replace(built_in, problems=(message,))
    return parse_boilerplate(raw, extra, str(path))


@lru_cache(maxsize=1)
def default_boilerplate() -> Boilerplate:
    """The built-in lists plus the office's file in the ReviewDesk data folder."""
    from platformdirs import user_data_path

    return load_boilerplate(user_data_path("ReviewDesk", appauthor=False))
