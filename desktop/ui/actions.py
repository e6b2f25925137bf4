"""Every menu and toolbar action, declared once (name, text, shortcut, status tip), and where it goes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from desktop.ui.labels import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    checkable: bool = False
    more: tuple[str, ...] = ()
    """Further shortcuts, after the standard key (Ctrl+Y redoes on every system, not only Windows)."""


def action_specs() -> list[ActionSpec]:
    # Built on demand so that tr() sees the installed translator.
    return [
        ActionSpec(
            "import",
            QCoreApplication.translate("Actions", "导入报告(&I)…"),
            QKeySequence.StandardKey.Open,
            QCoreApplication.translate("Actions", "导入一个或多个报告文件"),
        ),
        ActionSpec(
            "import_folder",
            QCoreApplication.translate("Actions", "导入文件夹(&F)…"),
            "Ctrl+Shift+O",
            QCoreApplication.translate("Actions", "导入文件夹中的全部报告"),
        ),
        ActionSpec(
            "import_samples",
            QCoreApplication.translate("Actions", "导入示例报告(&S)"),
            None,
            QCoreApplication.translate("Actions", "导入随软件附带的示例报告"),
        ),
        ActionSpec(
            "export_original",
            QCoreApplication.translate("Actions", "导出原始文件(&E)…"),
            "Ctrl+Shift+E",
            QCoreApplication.translate("Actions", "把所选报告的原始文件另存到磁盘"),
        ),
        ActionSpec(
            "undo",
            QCoreApplication.translate("Actions", "撤销(&U)"),
            QKeySequence.StandardKey.Undo,
            QCoreApplication.translate("Actions", "撤销上一步批注操作"),
        ),
        ActionSpec(
            "redo",
            QCoreApplication.translate("Actions", "重做(&R)"),
            QKeySequence.StandardKey.Redo,
            QCoreApplication.translate("Actions", "重做撤销的批注操作"),
            more=("Ctrl+Y", "Ctrl+Shift+Z"),
        ),
        ActionSpec(
            "add_annotation",
            QCoreApplication.translate("Actions", "添加批注(&A)…"),
            "Ctrl+M",
            QCoreApplication.translate("Actions", "为选中的文字添加批注"),
        ),
        ActionSpec(
            "settings",
            QCoreApplication.translate("Actions", "设置(&S)…"),
            "Ctrl+,",
            QCoreApplication.translate("Actions", "审阅人姓名、界面语言、字号"),
        ),
        ActionSpec(
            "edit_metadata",
            QCoreApplication.translate("Actions", "更正报告信息(&M)…"),
            "Ctrl+I",
            QCoreApplication.translate("Actions", "更正报告单位、年度、日期或标题"),
        ),
        ActionSpec(
            "choose_prior",
            QCoreApplication.translate("Actions", "选择上年报告(&Y)…"),
            None,
            QCoreApplication.translate("Actions", "指定与本报告比较的上一年度报告"),
        ),
        ActionSpec(
            "versions",
            QCoreApplication.translate("Actions", "版本关系(&V)…"),
            None,
            QCoreApplication.translate("Actions", "确认同一报告的新旧版本，或撤销“已被取代”"),
        ),
        ActionSpec(
            "open_library",
            QCoreApplication.translate("Actions", "打开资料库(&L)…"),
            None,
            QCoreApplication.translate("Actions", "打开或新建另一个资料库文件"),
        ),
        ActionSpec(
            "delete_reports",
            QCoreApplication.translate("Actions", "移到回收站(&D)"),
            "Del",
            QCoreApplication.translate(
                "Actions", "把所选报告移到回收站（可撤销；原件和批注保留，可从回收站恢复）"
            ),
        ),
        ActionSpec(
            "show_bin",
            QCoreApplication.translate("Actions", "回收站(&B)…"),
            None,
            QCoreApplication.translate("Actions", "查看移到回收站的报告，恢复或永久删除"),
        ),
        ActionSpec(
            "undo_carry",
            QCoreApplication.translate("Actions", "撤销评审迁移(&K)"),
            None,
            QCoreApplication.translate(
                "Actions", "把转移到当前报告（新版本）的批注、审阅状态和结论移回旧版本"
            ),
        ),
        ActionSpec(
            "show_superseded",
            QCoreApplication.translate("Actions", "显示被取代的旧版本(&H)"),
            None,
            QCoreApplication.translate("Actions", "在报告列表中显示或隐藏已被新版本取代的报告"),
            checkable=True,
        ),
        ActionSpec(
            "connect_team",
            QCoreApplication.translate("Actions", "连接团队资料库(&T)…"),
            None,
            QCoreApplication.translate("Actions", "打开本单位服务器上的共享资料库，与其他审阅人一起审阅"),
        ),
        ActionSpec(
            "quit",
            QCoreApplication.translate("Actions", "退出(&Q)"),
            "Ctrl+Q",
            QCoreApplication.translate("Actions", "退出 ReviewDesk"),
        ),
        ActionSpec(
            "show_original",
            QCoreApplication.translate("Actions", "显示原文(&O)"),
            "Ctrl+T",
            QCoreApplication.translate("Actions", "在清理后文本与原文之间切换"),
            True,
        ),
        ActionSpec(
            "refresh",
            QCoreApplication.translate("Actions", "刷新(&R)"),
            QKeySequence.StandardKey.Refresh,
            QCoreApplication.translate("Actions", "重新读取资料库"),
        ),
        ActionSpec(
            "zoom_in", QCoreApplication.translate("Actions", "放大字体"), QKeySequence.StandardKey.ZoomIn
        ),
        ActionSpec(
            "zoom_out", QCoreApplication.translate("Actions", "缩小字体"), QKeySequence.StandardKey.ZoomOut
        ),
        ActionSpec(
            "find",
            QCoreApplication.translate("Actions", "查找(&F)…"),
            QKeySequence.StandardKey.Find,
            QCoreApplication.translate("Actions", "在打开的报告（或比较的两份报告）中查找文字"),
        ),
        ActionSpec(
            "find_next",
            QCoreApplication.translate("Actions", "查找下一个(&N)"),
            "F3",
            QCoreApplication.translate("Actions", "跳到下一处匹配，到末尾后从开头继续"),
        ),
        ActionSpec(
            "find_previous",
            QCoreApplication.translate("Actions", "查找上一个(&P)"),
            "Shift+F3",
            QCoreApplication.translate("Actions", "跳到上一处匹配，到开头后从末尾继续"),
        ),
        ActionSpec(
            "filter_library",
            QCoreApplication.translate("Actions", "筛选资料库(&L)…"),
            "Ctrl+L",
            QCoreApplication.translate("Actions", "按单位、年度或标题筛选报告列表"),
        ),
        ActionSpec(
            "search",
            QCoreApplication.translate("Actions", "全文搜索(&S)"),
            "Ctrl+Shift+F",
            QCoreApplication.translate("Actions", "在全部报告中搜索文字"),
        ),
        ActionSpec(
            "show_comparison",
            QCoreApplication.translate("Actions", "与上年比较(&C)"),
            "Ctrl+Shift+C",
            QCoreApplication.translate("Actions", "并排查看本报告与该单位上一年度报告的差异"),
        ),
        ActionSpec(
            "show_report",
            QCoreApplication.translate("Actions", "报告正文(&B)"),
            "Ctrl+Shift+B",
            QCoreApplication.translate("Actions", "回到报告正文、指标和批注"),
        ),
        ActionSpec(
            "show_overview",
            QCoreApplication.translate("Actions", "年度概览(&Y)"),
            "Ctrl+Shift+Y",
            QCoreApplication.translate("Actions", "一年全部报告的按时、齐全、问题和照搬往年情况及图表"),
        ),
        ActionSpec(
            "export_memo",
            QCoreApplication.translate("Actions", "导出审查意见(&M)…"),
            "Ctrl+Shift+M",
            QCoreApplication.translate("Actions", "把所选报告的审查意见导出为公文格式的 Word 文档"),
        ),
        ActionSpec(
            "export_summary",
            QCoreApplication.translate("Actions", "导出审阅汇总(&U)…"),
            None,
            QCoreApplication.translate("Actions", "把全部报告的审阅情况汇总为 Excel 或 CSV 表格"),
        ),
        ActionSpec(
            "export_package",
            QCoreApplication.translate("Actions", "导出批注包(&P)…"),
            None,
            QCoreApplication.translate("Actions", "把所选报告的批注打包，交给其他审阅人导入"),
        ),
        ActionSpec(
            "import_package",
            QCoreApplication.translate("Actions", "导入批注包(&K)…"),
            None,
            QCoreApplication.translate("Actions", "导入其他审阅人导出的批注包，按批注合并"),
        ),
        ActionSpec(
            "resolve_conflicts",
            QCoreApplication.translate("Actions", "处理批注冲突(&X)…"),
            None,
            QCoreApplication.translate("Actions", "两边都修改过的批注：选择保留哪一版"),
        ),
        ActionSpec(
            "restore_backup",
            QCoreApplication.translate("Actions", "恢复备份(&B)…"),
            None,
            QCoreApplication.translate("Actions", "查看资料库的备份，立即备份，或用备份恢复资料库"),
        ),
        ActionSpec(
            "backup_now",
            QCoreApplication.translate("Actions", "立即备份(&K)"),
            None,
            QCoreApplication.translate("Actions", "把资料库备份到旁边的备份文件夹（经完整性检查）"),
        ),
        ActionSpec(
            "toggle_library",
            QCoreApplication.translate("Actions", "报告列表(&L)"),
            "Alt+1",
            QCoreApplication.translate("Actions", "显示或隐藏左侧的报告列表和全文搜索"),
            True,
        ),
        ActionSpec(
            "toggle_outline",
            QCoreApplication.translate("Actions", "目录(&T)"),
            "Alt+2",
            QCoreApplication.translate("Actions", "显示或隐藏报告正文左侧的目录"),
            True,
        ),
        ActionSpec(
            "toggle_side",
            QCoreApplication.translate("Actions", "指标与批注面板(&P)"),
            "Alt+3",
            QCoreApplication.translate("Actions", "显示或隐藏报告正文右侧的指标、批注、提示和审阅面板"),
            True,
        ),
        ActionSpec(
            "reading_mode",
            QCoreApplication.translate("Actions", "专注阅读(&F)"),
            "F11",
            QCoreApplication.translate("Actions", "只显示报告正文；按 Esc 或 F11 退出"),
            True,
        ),
        ActionSpec(
            "user_guide",
            QCoreApplication.translate("Actions", "使用指南(&G)"),
            QKeySequence.StandardKey.HelpContents,
            QCoreApplication.translate("Actions", "阅读随软件附带的使用指南（无需联网）"),
        ),
        ActionSpec(
            "shortcuts",
            QCoreApplication.translate("Actions", "键盘快捷键(&K)"),
            None,
            QCoreApplication.translate("Actions", "列出全部菜单命令的快捷键"),
        ),
        ActionSpec("about", QCoreApplication.translate("Actions", "关于 ReviewDesk(&A)"), None),
    ]


MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Actions", "文件(&F)"),
        (
            "open_library",
            "connect_team",
            "@recent_libraries",
            None,
            "import",
            "import_folder",
            "import_samples",
            None,
            "export_memo",
            "export_summary",
            "export_original",
            None,
            "export_package",
            "import_package",
            "resolve_conflicts",
            None,
            "backup_now",
            "restore_backup",
            "show_bin",
            None,
            "quit",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "编辑(&E)"),
        (
            "undo",
            "redo",
            None,
            "add_annotation",
            "edit_metadata",
            "choose_prior",
            "versions",
            "undo_carry",
            "delete_reports",
            None,
            "find",
            "find_next",
            "find_previous",
            "filter_library",
            "search",
            None,
            "settings",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "视图(&V)"),
        (
            "show_report",
            "show_comparison",
            "@comparison_steps",
            "show_overview",
            None,
            "toggle_library",
            "toggle_outline",
            "toggle_side",
            "reading_mode",
            None,
            "show_original",
            "show_superseded",
            "refresh",
            None,
            "zoom_in",
            "zoom_out",
        ),
    ),
    (QT_TRANSLATE_NOOP("Actions", "帮助(&H)"), ("user_guide", "shortcuts", None, "about")),
)
"""Menu bar: titles and action names; ``None`` is a separator, ``@name`` a submenu or actions the
window supplies (recent libraries, the comparison view's stepping actions)."""
TOOLBAR = ("import", "import_folder", "show_original", "add_annotation", "show_comparison", "export_memo")
LIBRARY_CONTEXT_MENU = (
    "show_comparison",
    "export_memo",
    "export_package",
    None,
    "edit_metadata",
    "choose_prior",
    "versions",
    "export_original",
    None,
    "delete_reports",
)


def build_menus(
    window: QMainWindow, actions: dict[str, QAction], extras: dict[str, QMenu | list[QAction]]
) -> None:
    for title, names in MENUS:
        menu = window.menuBar().addMenu(QCoreApplication.translate("Actions", title))
        for name in names:
            if name is None:
                menu.addSeparator()
                continue
            extra = extras.get(name.removeprefix("@")) if name.startswith("@") else None
            if isinstance(extra, QMenu):
                menu.addMenu(extra)
            elif isinstance(extra, list):
                menu.addActions(extra)
            elif not name.startswith("@"):
                menu.addAction(actions[name])
    toolbar = window.addToolBar(QCoreApplication.translate("Actions", "主工具栏"))
    toolbar.setObjectName("mainToolbar")
    for name in TOOLBAR:
        toolbar.addAction(actions[name])


def context_menu(parent: QWidget, actions: dict[str, QAction], names: tuple[str | None, ...]) -> QMenu:
    menu = QMenu(parent)
    for name in names:
        if name is None:
            menu.addSeparator()
        else:
            menu.addAction(actions[name])
    return menu


def create_actions(parent: QObject, handlers: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in action_specs():
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{spec.name}")
        if spec.shortcut is not None:
            keys = (
                QKeySequence.keyBindings(spec.shortcut)
                if isinstance(spec.shortcut, QKeySequence.StandardKey)
                else [QKeySequence(spec.shortcut)]
            )
            for extra in spec.more:
                if QKeySequence(extra) not in keys:
                    keys.append(QKeySequence(extra))
            action.setShortcuts(keys)
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
