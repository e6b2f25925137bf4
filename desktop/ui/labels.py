"""How stored keys read in the interface (section kinds, review statuses, fields, default taxonomy).

The core keeps Chinese labels for the command line and exports; here they are marked for Qt
Linguist, so the English interface translates them too. A label not listed (for example a category
an office added to its own taxonomy) is shown as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # PySide6 types it as returning object; it returns its text argument

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

KIND_LABELS = {
    "measures": QT_TRANSLATE_NOOP("Labels", "主要举措和成效"),
    "shortcomings": QT_TRANSLATE_NOOP("Labels", "存在的不足和原因"),
    "leader_duty": QT_TRANSLATE_NOOP("Labels", "第一责任人履职情况"),
    "next_year": QT_TRANSLATE_NOOP("Labels", "下一年度主要安排"),
    "other": QT_TRANSLATE_NOOP("Labels", "其他需要报告的情况"),
}
REVIEW_LABELS = {
    "unreviewed": QT_TRANSLATE_NOOP("Labels", "未审"),
    "in_review": QT_TRANSLATE_NOOP("Labels", "审阅中"),
    "done": QT_TRANSLATE_NOOP("Labels", "已完成"),
}
FIELD_LABELS = {
    "agency": QT_TRANSLATE_NOOP("Labels", "报告单位"),
    "region": QT_TRANSLATE_NOOP("Labels", "地区"),
    "year": QT_TRANSLATE_NOOP("Labels", "报告年度"),
    "title": QT_TRANSLATE_NOOP("Labels", "标题"),
    "report_date": QT_TRANSLATE_NOOP("Labels", "成文日期"),
    "published_date": QT_TRANSLATE_NOOP("Labels", "发布日期"),
}
DEFAULT_TAXONOMY_LABELS = (
    QT_TRANSLATE_NOOP("Labels", "内容缺项"),
    QT_TRANSLATE_NOOP("Labels", "数据不实或矛盾"),
    QT_TRANSLATE_NOOP("Labels", "问题查摆不深"),
    QT_TRANSLATE_NOOP("Labels", "照搬往年"),
    QT_TRANSLATE_NOOP("Labels", "表述不规范"),
    QT_TRANSLATE_NOOP("Labels", "时效问题"),
    QT_TRANSLATE_NOOP("Labels", "其他"),
    QT_TRANSLATE_NOOP("Labels", "一般"),
    QT_TRANSLATE_NOOP("Labels", "较重"),
    QT_TRANSLATE_NOOP("Labels", "严重"),
    QT_TRANSLATE_NOOP("Labels", "未处理"),
    QT_TRANSLATE_NOOP("Labels", "已处理"),
)


__all__ = ["QT_TRANSLATE_NOOP", "field_label", "kind_label", "label", "review_label"]


def label(text: str) -> str:
    """``text`` in the interface language (unchanged when it has no translation)."""
    return QCoreApplication.translate("Labels", text)


def kind_label(kind: str) -> str:
    return label(KIND_LABELS.get(kind, kind))


def review_label(status: str) -> str:
    return label(REVIEW_LABELS.get(status, status))


def field_label(field: str) -> str:
    return label(FIELD_LABELS.get(field, field))
