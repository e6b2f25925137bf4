"""Every menu and toolbar action, declared once: name, text, shortcut, status tip."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    checkable: bool = False


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def action_specs() -> list[ActionSpec]:
    # Built on demand so that tr() sees the installed translator.
    return [
        ActionSpec(
            "import", _tr("导入报告(&I)…"), QKeySequence.StandardKey.Open, _tr("导入一个或多个报告文件")
        ),
        ActionSpec("import_folder", _tr("导入文件夹(&F)…"), "Ctrl+Shift+O", _tr("导入文件夹中的全部报告")),
        ActionSpec("import_samples", _tr("导入示例报告(&S)"), None, _tr("导入随软件附带的示例报告")),
        ActionSpec(
            "export_original", _tr("导出原始文件(&E)…"), "Ctrl+Shift+E", _tr("把所选报告的原始文件另存到磁盘")
        ),
        ActionSpec("undo", _tr("撤销(&U)"), QKeySequence.StandardKey.Undo, _tr("撤销上一步批注操作")),
        ActionSpec("redo", _tr("重做(&R)"), "Ctrl+Shift+Z", _tr("重做撤销的批注操作")),
        ActionSpec("add_annotation", _tr("添加批注(&A)…"), "Ctrl+M", _tr("为选中的文字添加批注")),
        ActionSpec("settings", _tr("设置(&S)…"), "Ctrl+,", _tr("审阅人姓名、界面语言、字号")),
        ActionSpec(
            "edit_metadata", _tr("更正报告信息(&M)…"), "Ctrl+I", _tr("更正报告单位、年度、日期或标题")
        ),
        ActionSpec("open_library", _tr("打开资料库(&L)…"), None, _tr("打开或新建另一个资料库文件")),
        ActionSpec("quit", _tr("退出(&Q)"), "Ctrl+Q", _tr("退出 ReviewDesk")),
        ActionSpec("show_original", _tr("显示原文(&O)"), "Ctrl+T", _tr("在清理后文本与原文之间切换"), True),
        ActionSpec("refresh", _tr("刷新(&R)"), QKeySequence.StandardKey.Refresh, _tr("重新读取资料库")),
        ActionSpec("zoom_in", _tr("放大字体"), QKeySequence.StandardKey.ZoomIn),
        ActionSpec("zoom_out", _tr("缩小字体"), QKeySequence.StandardKey.ZoomOut),
        ActionSpec("find", _tr("查找(&F)"), QKeySequence.StandardKey.Find, _tr("筛选报告列表")),
        ActionSpec("search", _tr("全文搜索(&S)"), "Ctrl+Shift+F", _tr("在全部报告中搜索文字")),
        ActionSpec("about", _tr("关于 ReviewDesk(&A)"), None),
    ]


def create_actions(parent: QObject, handlers: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in action_specs():
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{spec.name}")
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        handler = handlers.get(spec.name)
        if handler is not None:
            if spec.checkable:
                action.toggled.connect(lambda _checked, h=handler: h())
            else:
                action.triggered.connect(lambda _checked=False, h=handler: h())
        actions[spec.name] = action
    return actions
