"""The header above a report's text: title, facts, missing parts, warnings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.ui.labels import KIND_LABELS, kind_label

__all__ = ["KIND_LABELS", "header_html"]


def header_html(d: dict[str, Any], showing_original: bool) -> str:
    # Translated strings are looked up outside the f-strings, where Qt Linguist can find them.
    title = d["title"] or QCoreApplication.translate("ReportHeader", "（无标题）")
    if d.get("title_generated"):
        generated = QCoreApplication.translate("ReportHeader", "（标题为自动生成）")
        title += f" <span style='color:#888'>{generated}</span>"
    facts = [
        QCoreApplication.translate("ReportHeader", "单位：") + (d["agency"] or "—"),
        QCoreApplication.translate("ReportHeader", "年度：") + str(d["year"] or "—"),
        QCoreApplication.translate("ReportHeader", "成文日期：") + (d["date"] or "—"),
    ]
    if d.get("published"):
        facts.append(QCoreApplication.translate("ReportHeader", "发布日期：") + d["published"])
    facts.append(QCoreApplication.translate("ReportHeader", "来源：") + d["source_name"])
    if d.get("corrected_fields"):
        corrected = QCoreApplication.translate("ReportHeader", "已人工更正")
        facts.append(f"<span style='color:#a15c00'>{corrected}</span>")
    lines = [f"<b style='font-size:15pt'>{title}</b>", "　".join(facts)]
    missing = [kind_label(k) for k in d["missing_sections"]]
    if missing:
        text = QCoreApplication.translate("ReportHeader", "缺少必备部分：") + "、".join(missing)
        lines.append(f"<span style='color:#b3261e'>{text}</span>")
    for warning in d["warnings"]:
        lines.append(f"<span style='color:#a15c00'>⚠ {warning}</span>")
    view = QCoreApplication.translate("ReportHeader", "当前显示：") + (
        QCoreApplication.translate("ReportHeader", "原文")
        if showing_original
        else QCoreApplication.translate("ReportHeader", "清理后文本")
    )
    lines.append(f"<span style='color:#666'>{view}</span>")
    return "<br>".join(lines)
