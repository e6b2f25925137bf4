"""Is this an annual rule-of-law report, and is it whole?

Two different warnings. "Not a report" is said only of a document that shows itself to be
something else (a notice, a plan, a meeting record) or that shows nothing of a report at all;
the library then stores ``is_annual_report = False``. A report with required parts missing, or
only the opening of one, is a report: it is called incomplete, with the parts it lacks (which
the library keeps as ``missing_sections``), and stays ``is_annual_report = True``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.resources import load_json
from desktop.core.sections import REQUIRED_KINDS, SectionResult, classify_heading, strict_kind

_OTHER_TITLE_RE = re.compile(
    r"(通知|通报|函|纪要|会议记录|方案|计划|规划|决定|批复|请示|公告|通告|要点|意见|办法|规定|细则|讲话|发言|简报)$"
)
_REPORT_TITLE_RE = re.compile(r"(报告|总结|情况)$")
_RULE_OF_LAW_RE = re.compile(r"法治|依法行政|法制")
_REPORT_PHRASE_RE = re.compile(r"(报告|汇报)如下|年度报告|情况报告|特此报告|建设情况|工作总结")
# Formulas that only other kinds of document use, with the kind they show.
_OTHER_FORMULAS = (
    (
        re.compile(r"特此通知|通知如下|现将有关事项通知|会议时间[:：]|参会人员[:：]|会议议程[:：]|参会回执"),
        "通知",
    ),
    (re.compile(r"现将《[^》]{1,60}》印发给你们|现印发给你们"), "通知"),
    (re.compile(r"纪要如下|出席人员[:：]|列席人员[:：]|记录人[:：]"), "会议纪要"),
    (re.compile(r"特此请示|请示如下|妥否，请批示"), "请示"),
    (re.compile(r"特此函告|特此函复"), "函"),
)
_CUT_MIN_LINE = 20
_CUT_END_RE = re.compile(r"[。！？”’）)」』…]\s*$")


@dataclass
class ReportKind:
    is_annual_report: bool
    warning: str | None
    """The Chinese warning to show first, or None when the report looks whole."""
    incomplete: bool = False
    missing: list[str] = field(default_factory=list)


def _labels() -> dict[str, str]:
    labels: dict[str, str] = load_json("section_kinds.json")["labels"]
    return labels


def assess_report(title: str | None, text: str, sections: SectionResult) -> ReportKind:
    """What the document is: another kind of document, an incomplete report, or a whole report."""
    clean_title = (title or "").strip("。 ")
    found = {kind for s in sections.sections if s.level <= 3 for kind in s.covers}
    mentions = len(_RULE_OF_LAW_RE.findall(text))
    report_title = bool(_REPORT_TITLE_RE.search(clean_title)) and bool(_RULE_OF_LAW_RE.search(clean_title))
    report_phrase = bool(_REPORT_PHRASE_RE.search(text[:4000]))
    other = _title_kind(clean_title)
    if other is None and not _named_parts(sections) and not report_phrase:
        other = _formula_kind(text)
    if other and not report_title:
        return ReportKind(
            False,
            f"该文件看起来不是法治政府建设年度报告，而是一份“{other}”"
            + (f"（标题：{clean_title}）" if clean_title else "")
            + "。已按要求导入，请确认是否选错了文件。",
        )
    if not (report_title or found or report_phrase) and mentions < 3:
        return ReportKind(
            False,
            "该文件看起来不是法治政府建设年度报告：没有报告的标题、开头语或必备部分"
            f"（提及“法治”{mentions} 次）。已导入，请确认文件内容。",
        )
    missing = list(sections.missing)
    cut = _cut_mid_sentence(text[max(0, sections.body_end - 400) : sections.body_end])
    if not missing and not cut:
        return ReportKind(True, None)
    labels = _labels()
    if missing:
        parts = "”“".join(labels.get(kind, kind) for kind in missing)
        message = f"报告不完整：未找到必备部分“{parts}”"
        message += "；正文在句中中断，可能只是报告的开头或一部分" if cut else ""
        message += "。请核对原件。"
    else:
        message = "报告可能不完整：正文在句中中断，可能只是报告的一部分。请核对原件是否完整。"
    return ReportKind(True, message, incomplete=True, missing=missing)


def _cut_mid_sentence(ending: str) -> bool:
    """The body ends inside a sentence: its last line is long and has no closing mark.

    A short last line (``无``, ``特此报告``, a heading) is a whole line, not a cut one."""
    lines = [line.strip() for line in ending.split("\n") if line.strip()]
    return bool(lines) and len(lines[-1]) >= _CUT_MIN_LINE and not _CUT_END_RE.search(lines[-1])


def _named_parts(sections: SectionResult) -> set[str]:
    """Required parts that a heading names (a thematic first part counts as measures elsewhere,
    but names nothing: a notice's ``一、会议时间`` is not a report's measures)."""
    named: set[str] = set()
    for section in sections.sections:
        if section.level == 1:
            named.update(k for k in classify_heading(section.title) if k in REQUIRED_KINDS)
        elif section.level <= 3 and (kind := strict_kind(section.title)):
            named.add(kind)
    return named


def _title_kind(title: str) -> str | None:
    """The kind of document a title names when it is not a report (``…的通知``)."""
    if title and (m := _OTHER_TITLE_RE.search(title)) and not _REPORT_TITLE_RE.search(title):
        return m.group(1)
    return None


def _formula_kind(text: str) -> str | None:
    """The kind of document the formulas of its opening show (``特此通知``, ``参会人员：``)."""
    head = text[:4000]
    for pattern, kind in _OTHER_FORMULAS:
        if pattern.search(head):
            return kind
    return None


def not_a_report_warning(title: str | None, text: str, sections: SectionResult) -> str | None:
    """The warning for a document that is not a 法治政府建设年度报告 (None for any report)."""
    kind = assess_report(title, text, sections)
    return None if kind.is_annual_report else kind.warning
