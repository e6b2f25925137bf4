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

# The shipped metric catalog's figure kinds, sector packs and issuer types (resources/metrics_*.json):
# the core and the memo keep them in Chinese; the interface shows them in its language.
CATALOG_LABELS = (
    QT_TRANSLATE_NOOP("Labels", "规范性文件"),
    QT_TRANSLATE_NOOP("Labels", "规范性文件备案"),
    QT_TRANSLATE_NOOP("Labels", "规范性文件清理"),
    QT_TRANSLATE_NOOP("Labels", "重大行政决策"),
    QT_TRANSLATE_NOOP("Labels", "合法性审查/法制审核"),
    QT_TRANSLATE_NOOP("Labels", "法律顾问出具意见"),
    QT_TRANSLATE_NOOP("Labels", "研究法治建设的会议"),
    QT_TRANSLATE_NOOP("Labels", "学法/专题学习次数"),
    QT_TRANSLATE_NOOP("Labels", "执法/业务/法治培训次数"),
    QT_TRANSLATE_NOOP("Labels", "参训人数/人次"),
    QT_TRANSLATE_NOOP("Labels", "持执法证人数"),
    QT_TRANSLATE_NOOP("Labels", "普法/宣传活动场次"),
    QT_TRANSLATE_NOOP("Labels", "宣传覆盖/参与人次"),
    QT_TRANSLATE_NOOP("Labels", "检查企业/单位数"),
    QT_TRANSLATE_NOOP("Labels", "立案/查办案件"),
    QT_TRANSLATE_NOOP("Labels", "行政处罚决定"),
    QT_TRANSLATE_NOOP("Labels", "罚款金额"),
    QT_TRANSLATE_NOOP("Labels", "案卷评查"),
    QT_TRANSLATE_NOOP("Labels", "行政许可/审批办理"),
    QT_TRANSLATE_NOOP("Labels", "行政复议件数"),
    QT_TRANSLATE_NOOP("Labels", "行政复议纠错率"),
    QT_TRANSLATE_NOOP("Labels", "行政诉讼件数"),
    QT_TRANSLATE_NOOP("Labels", "行政诉讼败诉件数"),
    QT_TRANSLATE_NOOP("Labels", "行政诉讼败诉率"),
    QT_TRANSLATE_NOOP("Labels", "负责人出庭应诉"),
    QT_TRANSLATE_NOOP("Labels", "负责人出庭应诉率"),
    QT_TRANSLATE_NOOP("Labels", "信访/投诉举报件数"),
    QT_TRANSLATE_NOOP("Labels", "政府信息公开"),
    QT_TRANSLATE_NOOP("Labels", "人大建议/政协提案办理"),
    QT_TRANSLATE_NOOP("Labels", "矛盾纠纷调解"),
    QT_TRANSLATE_NOOP("Labels", "法律援助案件"),
    QT_TRANSLATE_NOOP("Labels", "满意率"),
    QT_TRANSLATE_NOOP("Labels", "应急管理"),
    QT_TRANSLATE_NOOP("Labels", "公安"),
    QT_TRANSLATE_NOOP("Labels", "司法行政"),
    QT_TRANSLATE_NOOP("Labels", "市场监管"),
    QT_TRANSLATE_NOOP("Labels", "教育"),
    QT_TRANSLATE_NOOP("Labels", "生态环境"),
    QT_TRANSLATE_NOOP("Labels", "人社"),
    QT_TRANSLATE_NOOP("Labels", "卫生健康"),
    QT_TRANSLATE_NOOP("Labels", "自然资源"),
    QT_TRANSLATE_NOOP("Labels", "住建"),
    QT_TRANSLATE_NOOP("Labels", "交通运输"),
    QT_TRANSLATE_NOOP("Labels", "税务"),
    QT_TRANSLATE_NOOP("Labels", "开发区"),
    QT_TRANSLATE_NOOP("Labels", "乡镇街道"),
    QT_TRANSLATE_NOOP("Labels", "人民政府"),
    QT_TRANSLATE_NOOP("Labels", "排查/发现隐患"),
    QT_TRANSLATE_NOOP("Labels", "已整改隐患"),
    QT_TRANSLATE_NOOP("Labels", "隐患整改率"),
    QT_TRANSLATE_NOOP("Labels", "重大事故隐患"),
    QT_TRANSLATE_NOOP("Labels", "应急演练次数"),
    QT_TRANSLATE_NOOP("Labels", "事故起数"),
    QT_TRANSLATE_NOOP("Labels", "死亡人数"),
    QT_TRANSLATE_NOOP("Labels", "事故起数同比"),
    QT_TRANSLATE_NOOP("Labels", "死亡人数同比"),
    QT_TRANSLATE_NOOP("Labels", "警情"),
    QT_TRANSLATE_NOOP("Labels", "刑事立案"),
    QT_TRANSLATE_NOOP("Labels", "破获刑事案件"),
    QT_TRANSLATE_NOOP("Labels", "抓获违法犯罪人员"),
    QT_TRANSLATE_NOOP("Labels", "逮捕"),
    QT_TRANSLATE_NOOP("Labels", "刑事案件破案率"),
    QT_TRANSLATE_NOOP("Labels", "警情同比"),
    QT_TRANSLATE_NOOP("Labels", "刑事立案同比"),
    QT_TRANSLATE_NOOP("Labels", "破获刑事案件同比"),
    QT_TRANSLATE_NOOP("Labels", "抓获违法犯罪人员同比"),
    QT_TRANSLATE_NOOP("Labels", "逮捕同比"),
)


__all__ = [
    "QT_TRANSLATE_NOOP",
    "counted",
    "field_label",
    "interface_is_chinese",
    "kind_label",
    "label",
    "review_label",
]


def label(text: str) -> str:
    """``text`` in the interface language (unchanged when it has no translation)."""
    return QCoreApplication.translate("Labels", text)


def interface_is_chinese() -> bool:
    """Whether the interface speaks the source language (no translation of ours is installed)."""
    return QCoreApplication.translate("Labels", "中文") == "中文"


def counted(title: str, count: int | str) -> str:
    """A tab or group title with its count: 批注（3） in Chinese, Annotations (3) in English."""
    return QCoreApplication.translate("Labels", "%1（%2）").replace("%1", title).replace("%2", str(count))


def kind_label(kind: str) -> str:
    return label(KIND_LABELS.get(kind, kind))


def review_label(status: str) -> str:
    return label(REVIEW_LABELS.get(status, status))


def field_label(field: str) -> str:
    return label(FIELD_LABELS.get(field, field))
