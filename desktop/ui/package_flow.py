"""Annotation packages coming in: import a review package in the background, say what it
brought, and settle the annotations edited on both sides (the conflict dialog)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.ui.changes import Changes
from desktop.ui.export_flow import FileFlow

if TYPE_CHECKING:
    from desktop.core.exchange.merge import ImportStats


class PackageFlow(FileFlow):
    def choose_import_package(self) -> None:
        if self.context.library is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self.context.parent_widget,
            QCoreApplication.translate("ExportFlow", "导入批注包"),
            str(self._folder()),
            QCoreApplication.translate("ExportFlow", "ReviewDesk 批注包 (*.rdpkg);;所有文件 (*)"),
        )
        if name:
            self.import_package_from(Path(name))

    def import_package_from(self, source: Path) -> None:
        library = self.context.library
        assert library is not None

        def work(_context: Any) -> ImportStats:
            from desktop.core.exchange.merge import import_package

            return import_package(library, source)

        self._run("import", QCoreApplication.translate("ExportFlow", "正在导入批注包…"), work, self._imported)

    def _imported(self, stats: ImportStats) -> str:
        # What came in (reports, annotations, their review) shows wherever it is shown.
        self.context.bus.notify(
            Changes(reports=True, annotations=True, review=True, links=True, findings=True)
        )
        text = (
            QCoreApplication.translate(
                "ExportFlow", "新增 %1 条，更新 %2 条，未变 %3 条，冲突 %4 条，待对应报告 %5 条。"
            )
            .replace("%1", str(stats.added))
            .replace("%2", str(stats.updated))
            .replace("%3", str(stats.unchanged))
            .replace("%4", str(stats.conflicts))
            .replace("%5", str(stats.pending))
        )
        if stats.reports_imported:
            text += QCoreApplication.translate("ExportFlow", "随包导入报告 %1 份。").replace(
                "%1", str(stats.reports_imported)
            )
        if stats.notes:  # values outside the taxonomy, and what they became
            text += "\n" + "\n".join(stats.notes)
        if self.show_results:
            if stats.conflicts:
                question = (
                    text
                    + "\n\n"
                    + QCoreApplication.translate("ExportFlow", "有批注在两边都被修改过。现在处理冲突吗？")
                )
                answer = QMessageBox.question(
                    self.context.parent_widget,
                    QCoreApplication.translate("ExportFlow", "批注包已导入"),
                    question,
                )
                if answer == QMessageBox.StandardButton.Yes:
                    self.resolve_conflicts()
            else:
                QMessageBox.information(
                    self.context.parent_widget, QCoreApplication.translate("ExportFlow", "批注包已导入"), text
                )
        return QCoreApplication.translate("ExportFlow", "批注包已导入：") + text

    def resolve_conflicts(self) -> None:
        from desktop.ui.conflict_dialog import ConflictDialog

        if self.context.library is None:
            return
        ConflictDialog(self.context, self.context.parent_widget).exec()  # its choices announce themselves
