"""Is this an annual rule-of-law report at all? A meeting notice must not pass silently."""

from __future__ import annotations

import re

from desktop.core.sections import SectionResult

_OTHER_DOCUMENT_RE = re.compile(r"(通知|通报|函|纪要|方案|决定|批复|请示|公告|要点|意见)$")
_REPORT_TITLE_RE = re.compile(r"(报告|总结)$")
_RULE_OF_LAW_RE = re.compile(r"法治|依法行政|法制")


def not_a_report_warning(title: str | None, text: str, sections: SectionResult) -> str | None:
    """A Chinese warning when the document does not look like a 法治政府建设年度报告."""
    found = {kind for s in sections.sections if s.level <= 2 for kind in s.covers}
    mentions = len(_RULE_OF_LAW_RE.findall(text))
    clean_title = (title or "").strip("。 ")
    if clean_title and _OTHER_DOCUMENT_RE.search(clean_title) and not _REPORT_TITLE_RE.search(clean_title):
        kind = _OTHER_DOCUMENT_RE.search(clean_title)
        label = kind.group(1) if kind else "其他公文"
        return (
            f"该文件看起来不是法治政府建设年度报告，而是一份“{label}”（标题：{clean_title}）。"
            "已按要求导入，请确认是否选错了文件。"
        )
    if mentions < 3 or len(found) < 2:
        return (
            "该文件看起来不是法治政府建设年度报告：未找到报告应有的主要部分"
            f"（识别到 {len(found)} 个必备部分，提及“法治”{mentions} 次）。已导入，请确认文件内容。"
        )
    return None
