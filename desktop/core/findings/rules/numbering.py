"""Numbering and bracket slips: 一、二、四、, 二加强… with no 、, an empty （）, unbalanced 《》（）“”."""

from __future__ import annotations

import re

from desktop.core.findings.config import FindingsConfig
from desktop.core.findings.model import Finding, ReportFacts
from desktop.core.findings.rules.base import Settings, finding
from desktop.core.text.headings import numeral_text, numeral_value

_NUMERAL = "[一二三四五六七八九十]{1,3}"
_LEVEL1_RE = re.compile(rf"({_NUMERAL})[、.．]")
_LEVEL2_RE = re.compile(rf"[（(]({_NUMERAL})[）)]")
_BARE_RE = re.compile(rf"({_NUMERAL})(?=[\u4e00-\u9fff\d])")
# A numeral followed by these starts an ordinary phrase (一是, 三项制度, 二〇二四年, 一岗双责…).
_NOT_HEADING_NEXT = set("是、.．）)年月日个项次条种类级期批名人家件万千百十点倍方岗网体化线站码心")
_EMPTY_RE = re.compile(r"[（(]\s*[）)]|《\s*》|“\s*”")


def _lines(text: str, end: int) -> list[tuple[int, str]]:
    found, offset = [], 0
    for line in text[:end].split("\n"):
        stripped = line.lstrip(" \t\u3000")
        found.append((offset + len(line) - len(stripped), stripped))
        offset += len(line) + 1
    return found


def numbering_slip(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    text = facts.text
    found: list[Finding] = []
    last1: int | None = None
    last2: int | None = None
    since1 = since2 = 0
    for offset, line in _lines(text, facts.body_end):
        if m := _LEVEL1_RE.match(line):
            value = numeral_value(m.group(1))
            span = (offset, offset + len(m.group(0)))
            if not _inline(text[since1:offset], last1, value, "{}、"):
                found += _sequence(settings, m.group(0), value, last1, span, "一级标题")
            last1, last2, since1, since2 = value, None, offset + 1, offset + 1
            continue
        if m := _LEVEL2_RE.match(line):
            value = numeral_value(m.group(1))
            span = (offset, offset + len(m.group(0)))
            if (last1 is not None or last2 is not None) and not _inline(
                text[since2:offset], last2, value, "（{}）"
            ):
                found += _sequence(settings, m.group(0), value, last2, span, "二级标题")
            last2, since2 = value, offset + 1
            continue
        bare = _BARE_RE.match(line)
        if bare and last1 is not None and numeral_value(bare.group(1)) == last1 + 1:
            after = line[len(bare.group(0)) : len(bare.group(0)) + 1]
            first_sentence = re.split(r"[。；]", line, maxsplit=1)[0]
            if after and after not in _NOT_HEADING_NEXT and len(first_sentence) <= 40:
                number = bare.group(1)
                end = offset + min(len(first_sentence), len(number) + 12)
                found.append(
                    finding(
                        "numbering_slip",
                        settings,
                        f"标题序号“{number}”后缺少顿号，应写作“{number}、”。",
                        (offset, end),
                        key="no_dunhao",
                        evidence={"number": number},
                    )
                )
                last1, last2 = last1 + 1, None
    return found


def _inline(between: str, last: int | None, value: int, form: str) -> bool:
    """The skipped numbers stand inside the text before (a heading run into its paragraph): no slip."""
    skipped = range((last or 0) + 1, value)
    normalised = between.replace("(", "（").replace(")", "）")
    return bool(skipped) and all(form.format(numeral_text(v)) in normalised for v in skipped)


def _sequence(
    settings: Settings, written: str, value: int, last: int | None, span: tuple[int, int], level: str
) -> list[Finding]:
    expected = 1 if last is None else last + 1
    if value == expected or value == 0:
        return []
    if last is not None and value == last:
        message, key = f"{level}序号“{written}”重复。", "repeated"
    elif value > expected:
        skipped = "、".join(numeral_text(v) for v in range(expected, value))
        before = f"“{numeral_text(last)}”之后" if last is not None else "开头"
        message, key = f"{level}序号不连续：{before}是“{written}”，缺少序号“{skipped}”。", "skipped"
    else:
        message, key = f"{level}序号顺序错乱：“{written}”出现在“{numeral_text(last or 0)}”之后。", "order"
    return [
        finding(
            "numbering_slip",
            settings,
            message + "序号应连续。",
            span,
            key=key,
            evidence={"level": level, "written": written, "expected": numeral_text(expected)},
        )
    ]


def bracket_slip(facts: ReportFacts, settings: Settings, _config: FindingsConfig) -> list[Finding]:
    text = facts.text
    pairs = [p for p in settings.get("pairs", ["《》", "（）", "“”"]) if len(p) == 2]
    found: list[Finding] = []
    for m in _EMPTY_RE.finditer(text):
        found.append(
            finding(
                "bracket_slip",
                settings,
                f"出现空的“{m.group(0).replace(' ', '')}”，括号或引号中漏了内容（可能是漏写的序号）。",
                (m.start(), min(len(text), m.end() + 12)),
                key="empty",
            )
        )
    for offset, line in _lines(text, len(text)):
        found += _unbalanced(settings, text, offset, line, pairs)
    found.sort(key=lambda f: f.start or 0)
    return found[: int(settings.get("max_findings", 10))]


def _unbalanced(settings: Settings, text: str, offset: int, line: str, pairs: list[str]) -> list[Finding]:
    found = []
    normalised = line.replace("(", "（").replace(")", "）")
    for pair in pairs:
        opening, closing = pair[0], pair[1]
        if opening not in normalised and closing not in normalised:
            continue
        stack: list[int] = []
        stray: list[int] = []
        for index, ch in enumerate(normalised):
            if ch == opening and opening != closing:
                stack.append(index)
            elif ch == closing:
                if stack:
                    stack.pop()
                else:
                    stray.append(index)
        for index in stray[:1] + stack[:1]:
            start = offset + index
            lone = (
                "有“"
                + normalised[index]
                + "”而没有与之配对的“"
                + (closing if index in stack else opening)
                + "”"
            )
            found.append(
                finding(
                    "bracket_slip",
                    settings,
                    f"本段{lone}，{pair}不成对。",
                    (max(offset, start - 8), min(offset + len(line), start + 12)),
                    key=f"unbalanced{pair}",
                    evidence={"pair": pair, "char": normalised[index]},
                )
            )
    return found
