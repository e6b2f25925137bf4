"""An import's result in the interface's language.

The core words its refusals and notes in Chinese, for the command line and the Chinese interface,
with a stable code for each refusal. In another language the window says the same thing by that
code (the Chinese detail stays in the tooltip), and writes the import's version and pairing notes
from their facts, so nothing of the summary stays in Chinese.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.ui.labels import QT_TRANSLATE_NOOP, interface_is_chinese

if TYPE_CHECKING:
    from desktop.core.importing import ImportOutcome

REFUSALS = {
    "too_large": QT_TRANSLATE_NOOP("ImportMessages", "文件超过了导入大小的上限。"),
    "not_found": QT_TRANSLATE_NOOP("ImportMessages", "找不到这个文件（或它是一个文件夹）。"),
    "unreadable": QT_TRANSLATE_NOOP("ImportMessages", "无法读取这个文件（没有权限或磁盘出错）。"),
    "damaged": QT_TRANSLATE_NOOP("ImportMessages", "文件已损坏，无法读取。请重新获取原文件。"),
    "encrypted": QT_TRANSLATE_NOOP("ImportMessages", "文件经过加密，无法读取。请索取未加密的文件。"),
    "scanned": QT_TRANSLATE_NOOP("ImportMessages", "这个 PDF 没有文字层（可能是扫描件），无法提取文字。"),
    "garbled": QT_TRANSLATE_NOOP("ImportMessages", "这个 PDF 的文字层是乱码，提取出的文字无法使用。"),
    "empty": QT_TRANSLATE_NOOP("ImportMessages", "文件是空的，没有可导入的内容。"),
    "no_text": QT_TRANSLATE_NOOP("ImportMessages", "文件中没有可读取的文字。"),
    "binary": QT_TRANSLATE_NOOP("ImportMessages", "这不是文字文件。"),
    "text_too_long": QT_TRANSLATE_NOOP("ImportMessages", "文字过长，超出了一份报告的合理长度。"),
    "too_complex": QT_TRANSLATE_NOOP(
        "ImportMessages", "文件结构过于复杂（标题或数字过多），无法作为报告分析。"
    ),
    "type_mismatch": QT_TRANSLATE_NOOP("ImportMessages", "文件内容与扩展名不符。"),
    "unsupported": QT_TRANSLATE_NOOP("ImportMessages", "不支持这种文件类型。"),
    "unsupported_type": QT_TRANSLATE_NOOP("ImportMessages", "不支持这种文件类型。"),
    "doc_unsupported": QT_TRANSLATE_NOOP(
        "ImportMessages", "旧版 Word（.doc）文件需要安装 LibreOffice 才能导入。"
    ),
    "unsafe_xml": QT_TRANSLATE_NOOP("ImportMessages", "文件中含有不安全的内容，已拒绝导入。"),
    "zip_bomb": QT_TRANSLATE_NOOP("ImportMessages", "文件解压后过大，已拒绝导入。"),
    "timeout": QT_TRANSLATE_NOOP(
        "ImportMessages", "读取文件超过了时间上限，已停止。请检查文件或索取原文件。"
    ),
    "memory": QT_TRANSLATE_NOOP("ImportMessages", "读取文件所需的内存超过了上限，已停止。"),
    "crashed": QT_TRANSLATE_NOOP("ImportMessages", "读取文件时读取程序意外退出，文件未导入。"),
    "worker_failed": QT_TRANSLATE_NOOP("ImportMessages", "无法启动读取文件的程序，文件未导入。"),
    "worker_slow": QT_TRANSLATE_NOOP("ImportMessages", "读取文件的程序启动过慢，文件未导入，请重试。"),
    "not_attempted": QT_TRANSLATE_NOOP("ImportMessages", "因前面的存储错误，这个文件未尝试导入。"),
    "internal": QT_TRANSLATE_NOOP("ImportMessages", "导入时发生内部错误，文件未导入，资料库未受影响。"),
}


def refusal_text(code: str | None, message: str) -> str:
    """Why a file was not imported, in the interface's language (the core's words in Chinese)."""
    if interface_is_chinese():
        return message
    if code and code.startswith("storage_"):
        return QCoreApplication.translate(
            "ImportMessages", "文件未能存入资料库（磁盘已满、只读或资料库被占用）。"
        )
    source = REFUSALS.get(code or "")
    if source is None:
        return QCoreApplication.translate("ImportMessages", "文件未导入。")
    return QCoreApplication.translate("ImportMessages", source)


def outcome_notes(outcome: ImportOutcome) -> str:
    """An imported file's notes (warnings, versions, pairing, carried review) for the summary."""
    from desktop.core.identity_summary import summary_lines

    if interface_is_chinese():
        return "；".join(
            [*outcome.warnings, *summary_lines(outcome)] or [f"{outcome.agency or ''} {outcome.year or ''}"]
        )
    notes: list[str] = []
    if outcome.warnings:
        notes.append(
            QCoreApplication.translate("ImportMessages", "关于文字的提示 %1 条（见提示框）").replace(
                "%1", str(len(outcome.warnings))
            )
        )
    facts = outcome.identity
    if outcome.ok and not outcome.duplicate and not outcome.agency_confident:
        notes.append(QCoreApplication.translate("ImportMessages", "报告单位未确定，请在“更正报告信息”中确认"))
    for item in facts.get("superseding", []):
        if item["newer"] == outcome.report_id:
            text = QCoreApplication.translate("ImportMessages", "取代了旧版本 #%1")
            notes.append(text.replace("%1", str(item["older"])))
        elif item.get("kind") == "format":
            text = QCoreApplication.translate("ImportMessages", "作为 #%1 的另一格式保存")
            notes.append(text.replace("%1", str(item["newer"])))
        else:
            notes.append(
                QCoreApplication.translate("ImportMessages", "已被 #%1 取代").replace(
                    "%1", str(item["newer"])
                )
            )
    carry = outcome.carry or {}
    if carry.get("annotations") or carry.get("status") or carry.get("conclusion"):
        notes.append(
            QCoreApplication.translate("ImportMessages", "审阅记录已从旧版本转移：%1 条批注（%2 条无法定位）")
            .replace("%1", str(carry.get("annotations", 0)))
            .replace("%2", str(carry.get("orphaned", 0)))
        )
    prior = facts.get("prior")
    if prior:
        notes.append(
            QCoreApplication.translate("ImportMessages", "与上年报告 #%1 比较").replace(
                "%1", str(prior["id"])
            )
        )
    if facts.get("possible_versions"):
        notes.append(QCoreApplication.translate("ImportMessages", "可能是另一份报告的新版本，请确认"))
    if facts.get("possible_priors"):
        notes.append(QCoreApplication.translate("ImportMessages", "找到可能的上年报告，请确认"))
    if not notes:
        notes.append(f"{outcome.agency or ''} {outcome.year or ''}".strip())
    return QCoreApplication.translate("ImportMessages", "；").join(notes)
