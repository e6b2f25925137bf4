"""The header above a report's text: title, facts, missing parts, warnings."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.ui.labels import KIND_LABELS, kind_label

if TYPE_CHECKING:
    from desktop.core.report_detail import ReportDetail

__all__ = ["KIND_LABELS", "header_html", "identity_lines"]

_RED, _AMBER, _GREY = "#b3261e", "#a15c00", "#666"


def _line(color: str, text: str, href: str | None = None, link: str = "") -> str:
    anchor = f" <a href='{href}'>{escape(link)}</a>" if href else ""
    return f"<span style='color:{color}'>{text}</span>{anchor}"


def identity_lines(d: ReportDetail) -> list[str]:
    """Who issued it, if unsure; which versions and which prior-year report, and what to confirm."""
    lines = []
    if not d.agency_confident:
        text = QCoreApplication.translate("ReportHeader", "⚠ 报告单位未确定")
        if d.agency_note:
            text += "：" + escape(d.agency_note)
        if d.agency_suggestion:
            text += QCoreApplication.translate("ReportHeader", "；可能是“%1”").replace(
                "%1", escape(d.agency_suggestion)
            )
        text += QCoreApplication.translate("ReportHeader", "。确认前不自动取代旧版本、不自动配对上年报告。")
        lines.append(
            _line(_RED, text, "rd:confirm-agency", QCoreApplication.translate("ReportHeader", "确认或更正"))
        )
    newer = d.identity.superseded_by_report
    if newer:
        text = QCoreApplication.translate("ReportHeader", "此版本已被 %1 取代。").replace(
            "%1", escape(newer.label)
        )
        lines.append(_line(_AMBER, text, "rd:versions", QCoreApplication.translate("ReportHeader", "撤销")))
    for item in d.identity.possible_versions:
        text = QCoreApplication.translate("ReportHeader", "可能与 %1 是同一报告的不同版本，请确认。").replace(
            "%1", escape(item.label)
        )
        lines.append(_line(_AMBER, text, "rd:versions", QCoreApplication.translate("ReportHeader", "确认")))
    prior = d.identity.prior
    if prior:
        reason = (
            QCoreApplication.translate("ReportHeader", "审阅人指定")
            if prior.reason == "chosen"
            else QCoreApplication.translate("ReportHeader", "同一单位")
        )
        text = QCoreApplication.translate("ReportHeader", "上年报告：%1（%2）").replace(
            "%1", escape(prior.label)
        )
        lines.append(
            _line(
                _GREY,
                text.replace("%2", reason),
                "rd:prior",
                QCoreApplication.translate("ReportHeader", "更改"),
            )
        )
    for item in d.identity.possible_priors:
        text = QCoreApplication.translate("ReportHeader", "可能的上年报告：%1，请确认。").replace(
            "%1", escape(item.label)
        )
        lines.append(_line(_AMBER, text, "rd:prior", QCoreApplication.translate("ReportHeader", "选择")))
    return lines


def header_html(d: ReportDetail, showing_original: bool) -> str:
    # Translated strings are looked up outside the f-strings, where Qt Linguist can find them.
    title = d.title or QCoreApplication.translate("ReportHeader", "（无标题）")
    if d.title_generated:
        generated = QCoreApplication.translate("ReportHeader", "（标题为自动生成）")
        title += f" <span style='color:#888'>{generated}</span>"
    agency = escape(d.agency or "—")
    if d.agency and not d.agency_confident:
        unsure = QCoreApplication.translate("ReportHeader", "（未确认）")
        agency += f"<span style='color:#b3261e'>{unsure}</span>"
    facts = [
        QCoreApplication.translate("ReportHeader", "单位：") + agency,
        QCoreApplication.translate("ReportHeader", "年度：") + str(d.year or "—"),
        QCoreApplication.translate("ReportHeader", "成文日期：") + (d.date or "—"),
    ]
    if d.published:
        facts.append(QCoreApplication.translate("ReportHeader", "发布日期：") + d.published)
    facts.append(QCoreApplication.translate("ReportHeader", "来源：") + d.source_name)
    if d.corrected_fields:
        corrected = QCoreApplication.translate("ReportHeader", "已人工更正")
        facts.append(f"<span style='color:#a15c00'>{corrected}</span>")
    lines = [f"<b style='font-size:15pt'>{title}</b>", "　".join(facts), *identity_lines(d)]
    missing = [kind_label(k) for k in d.missing_sections]
    if missing:
        text = QCoreApplication.translate("ReportHeader", "缺少必备部分：") + "、".join(missing)
        lines.append(f"<span style='color:#b3261e'>{text}</span>")
    for warning in d.warnings:
        lines.append(f"<span style='color:#a15c00'>⚠ {warning}</span>")
    view = QCoreApplication.translate("ReportHeader", "当前显示：") + (
        QCoreApplication.translate("ReportHeader", "原文")
        if showing_original
        else QCoreApplication.translate("ReportHeader", "清理后文本")
    )
    lines.append(f"<span style='color:#666'>{view}</span>")
    return "<br>".join(lines)
