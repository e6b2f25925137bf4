"""The header above a report's text: title, facts, missing parts, warnings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

KIND_LABELS = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "leader_duty": "第一责任人履职情况",
    "next_year": "下一年度主要安排",
    "other": "其他需要报告的情况",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportHeader", text)


def header_html(d: dict[str, Any], showing_original: bool) -> str:
    title = d["title"] or _tr("（无标题）")
    if d.get("title_generated"):
        title += f" <span style='color:#888'>{_tr('（标题为自动生成）')}</span>"
    facts = [
        f"{_tr('单位')}：{d['agency'] or '—'}",
        f"{_tr('年度')}：{d['year'] or '—'}",
        f"{_tr('成文日期')}：{d['date'] or '—'}",
    ]
    if d.get("published"):
        facts.append(f"{_tr('发布日期')}：{d['published']}")
    facts.append(f"{_tr('来源')}：{d['source_name']}")
    if d.get("corrected_fields"):
        facts.append(f"<span style='color:#a15c00'>{_tr('已人工更正')}</span>")
    lines = [f"<b style='font-size:15pt'>{title}</b>", "　".join(facts)]
    missing = [_tr(KIND_LABELS.get(k, k)) for k in d["missing_sections"]]
    if missing:
        lines.append(f"<span style='color:#b3261e'>{_tr('缺少必备部分')}：{'、'.join(missing)}</span>")
    for warning in d["warnings"]:
        lines.append(f"<span style='color:#a15c00'>⚠ {warning}</span>")
    view = _tr("原文") if showing_original else _tr("清理后文本")
    lines.append(f"<span style='color:#666'>{_tr('当前显示')}：{view}</span>")
    return "<br>".join(lines)
