"""Exports and exchanges from the GUI: review memo, summary table, annotation packages.

Each action asks for a file (``choose_*``), then does the work in the background (``*_to``/``*_from``,
which tests call directly) with a busy indicator; the result comes back as a status-bar message
and the ``finished`` signal, errors as a message box.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

if TYPE_CHECKING:
    from desktop.core.exchange.merge import ImportStats
    from desktop.core.export.memo_content import MemoData
    from desktop.ui.main_window import MainWindow


def _safe_name(text: str) -> str:
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in text).strip() or "ReviewDesk"


class ExportFlow(QObject):
    finished = Signal(str, object)
    """(kind, result): ``memo``/``summary``/``package`` with the written path, ``import`` with stats."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.show_results = True
        self.done_box: QMessageBox | None = None
        """The last 导出完成 message (with 打开所在文件夹)."""
        """Tests turn this off: an import's summary box would wait for a click."""
        self._busy: QProgressDialog | None = None

    # Helpers -----------------------------------------------------------------------------

    def _folder(self) -> Path:
        from desktop.ui.settings import EXPORT_DIR

        return Path(self.window.settings.get(EXPORT_DIR) or Path.home())

    def _save_name(self, title: str, name: str, filters: str) -> Path | None:
        target, _ = QFileDialog.getSaveFileName(self.window, title, str(self._folder() / name), filters)
        if not target:
            return None
        from desktop.ui.settings import EXPORT_DIR

        self.window.settings.put(EXPORT_DIR, str(Path(target).parent))
        return Path(target)

    def _run(
        self,
        kind: str,
        label: str,
        work: Callable[[Any], Any],
        done: Callable[[Any], str],
        target: Path | None = None,
    ) -> None:
        """``target``: the file written, offered with 打开所在文件夹 once it is there."""
        busy = QProgressDialog(label, "", 0, 0, self.window)
        busy.setWindowTitle("ReviewDesk")
        busy.setCancelButton(None)  # these jobs take seconds and write one file
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(400)
        self._busy = busy

        def finished(result: object) -> None:
            busy.close()
            message = done(result)
            self.window.statusBar().showMessage(message, 10000)
            if target is not None and self.show_results:
                from desktop.ui.export_done import show_export_done

                self.done_box = show_export_done(self.window, message, target)
            self.finished.emit(kind, result)

        def failed(error: BaseException, trace: str) -> None:
            busy.close()
            self.window.statusBar().showMessage(str(error), 10000)
            self.finished.emit(kind, error)
            if self.show_results:
                QMessageBox.warning(
                    self.window, QCoreApplication.translate("ExportFlow", "未能完成"), str(error)
                )

        self.window.runner.run(work, finished, failed)

    @property
    def _reviewer(self) -> str | None:
        return self.window.settings.reviewer()

    # Original file ----------------------------------------------------------------------

    def choose_original(self) -> None:
        from desktop.core.library import original_file

        report_id, library = self.window.report_view.report_id, self.window.library
        if report_id is None or library is None:
            return
        with library.sessions() as session:
            found = original_file(session, report_id)
        if found is None:
            return
        name, data = found
        target = self._save_name(
            QCoreApplication.translate("ExportFlow", "导出原始文件"),
            name,
            QCoreApplication.translate("ExportFlow", "所有文件 (*)"),
        )
        if target is not None:
            target.write_bytes(data)
            self.window.statusBar().showMessage(
                QCoreApplication.translate("ExportFlow", "已导出原始文件：") + str(target), 5000
            )

    # Review memo -------------------------------------------------------------------------

    def choose_memo(self) -> None:
        report_id, library = self.window.report_view.report_id, self.window.library
        if report_id is None or library is None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("ExportFlow", "请先选择一份报告。"), 5000
            )
            return
        self.window.report_view.review.flush()  # the conclusion being typed belongs in the memo

        def work(_context: Any) -> MemoData:
            from desktop.core.export.memo_content import gather_memo
            from desktop.core.metrics.store import default_catalog, ensure_current

            ensure_current(library.sessions, default_catalog())
            with library.sessions() as session:
                return gather_memo(session, report_id)

        def failed(error: BaseException, _trace: str) -> None:
            QMessageBox.warning(self.window, QCoreApplication.translate("ExportFlow", "未能完成"), str(error))

        self.window.runner.run(work, lambda data: self._memo_checked(report_id, data), failed)

    def memo_cautions(self, data: MemoData) -> list[str]:
        """What the reviewer should know before the memo leaves the office (cf. ``memo_cautions``)."""
        cautions = []
        if data.agency is None:
            cautions.append(
                QCoreApplication.translate(
                    "ExportFlow",
                    "报告单位尚未确认（识别为“%1”），审查意见中不写单位名称。请先在“更正报告信息”中确认报告单位。",
                ).replace("%1", data.agency_unconfirmed or "—")
            )
        if data.unconfirmed_figures:
            cautions.append(
                QCoreApplication.translate(
                    "ExportFlow", "有 %1 项数据的归类存疑且未经确认，未写入审查意见的数据对比表。"
                ).replace("%1", str(data.unconfirmed_figures))
            )
        if not data.conclusion:
            cautions.append(QCoreApplication.translate("ExportFlow", "尚未填写总体审查结论。"))
        return cautions

    def _memo_checked(self, report_id: int, data: MemoData) -> None:
        cautions = self.memo_cautions(data)
        if cautions:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("ExportFlow", "导出审查意见"),
                QCoreApplication.translate("ExportFlow", "导出前请注意："),
                QMessageBox.StandardButton.NoButton,
                self.window,
            )
            box.setInformativeText("\n".join("• " + c for c in cautions))
            go_on = box.addButton(
                QCoreApplication.translate("ExportFlow", "仍然导出"), QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is not go_on:
                return
        stem = f"{data.agency or ''}{data.year or ''}"
        name = _safe_name(stem + QCoreApplication.translate("ExportFlow", "年度报告审查意见")) + ".docx"
        target = self._save_name(
            QCoreApplication.translate("ExportFlow", "导出审查意见"),
            name,
            QCoreApplication.translate("ExportFlow", "Word 文档 (*.docx)"),
        )
        if target is not None:
            self.export_memo_to(report_id, target.with_suffix(".docx"))

    def export_memo_to(self, report_id: int, target: Path) -> None:
        library, reviewer = self.window.library, self._reviewer
        assert library is not None
        self.window.report_view.review.flush()  # the conclusion being typed belongs in the memo

        def work(_context: Any) -> Path:
            from desktop.core.export.memo_docx import export_memo
            from desktop.core.metrics.store import default_catalog, ensure_current

            ensure_current(library.sessions, default_catalog())
            with library.sessions() as session:
                return export_memo(session, report_id, target, reviewer=reviewer)

        self._run(
            "memo",
            QCoreApplication.translate("ExportFlow", "正在生成审查意见…"),
            work,
            lambda path: QCoreApplication.translate("ExportFlow", "已导出审查意见：") + str(path),
            target,
        )

    # Summary -----------------------------------------------------------------------------

    def choose_summary(self) -> None:
        if self.window.library is None:
            return
        filters = QCoreApplication.translate("ExportFlow", "Excel 工作簿 (*.xlsx);;CSV 表格（UTF-8） (*.csv)")
        target = self._save_name(
            QCoreApplication.translate("ExportFlow", "导出审阅汇总"),
            QCoreApplication.translate("ExportFlow", "审阅汇总") + ".xlsx",
            filters,
        )
        if target is not None:
            self.export_summary_to(
                target if target.suffix.lower() in (".xlsx", ".csv") else target.with_suffix(".xlsx")
            )

    def export_summary_to(self, target: Path) -> None:
        library = self.window.library
        assert library is not None

        def work(_context: Any) -> int:
            from desktop.core.export.summary import export_summary

            with library.sessions() as session:
                return export_summary(session, target)

        def done(rows: int) -> str:
            return QCoreApplication.translate("ExportFlow", "已导出审阅汇总（%1 份报告）：").replace(
                "%1", str(rows)
            ) + str(target)

        self._run("summary", QCoreApplication.translate("ExportFlow", "正在汇总…"), work, done, target)

    # Annotation packages -----------------------------------------------------------------

    def choose_package(self) -> None:
        if self.window.library is None:
            return
        ids = self.window.selected_report_ids()
        name = QCoreApplication.translate("ExportFlow", "批注包") + (f"_{len(ids)}" if ids else "") + ".rdpkg"
        target = self._save_name(
            QCoreApplication.translate("ExportFlow", "导出批注包"),
            name,
            QCoreApplication.translate("ExportFlow", "ReviewDesk 批注包 (*.rdpkg)"),
        )
        if target is None:
            return
        answer = QMessageBox.question(
            self.window,
            QCoreApplication.translate("ExportFlow", "导出批注包"),
            QCoreApplication.translate(
                "ExportFlow",
                "是否把原始报告文件一并放入批注包？\n对方资料库中没有这些报告时，可以随批注一起导入。",
            ),
        )
        originals = answer == QMessageBox.StandardButton.Yes
        self.export_package_to(ids or None, target.with_suffix(".rdpkg"), originals)

    def export_package_to(self, report_ids: list[int] | None, target: Path, originals: bool = False) -> None:
        library, reviewer = self.window.library, self._reviewer
        assert library is not None

        def work(_context: Any) -> Any:
            from desktop.core.exchange.export import export_package

            with library.sessions.begin() as session:
                return export_package(
                    session, report_ids, target, include_originals=originals, exported_by=reviewer
                )

        def done(stats: Any) -> str:
            return QCoreApplication.translate("ExportFlow", "已导出 %1 条批注：").replace(
                "%1", str(stats.annotations)
            ) + str(target)

        self._run("package", QCoreApplication.translate("ExportFlow", "正在导出批注包…"), work, done, target)

    def choose_import_package(self) -> None:
        if self.window.library is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("ExportFlow", "导入批注包"),
            str(self._folder()),
            QCoreApplication.translate("ExportFlow", "ReviewDesk 批注包 (*.rdpkg);;所有文件 (*)"),
        )
        if name:
            self.import_package_from(Path(name))

    def import_package_from(self, source: Path) -> None:
        library = self.window.library
        assert library is not None

        def work(_context: Any) -> ImportStats:
            from desktop.core.exchange.merge import import_package

            return import_package(library, source)

        self._run("import", QCoreApplication.translate("ExportFlow", "正在导入批注包…"), work, self._imported)

    def _imported(self, stats: ImportStats) -> str:
        self.window.refresh()
        self.window.comparison.invalidate()
        if self.window.report_view.report_id is not None:
            self.window.annotations.reload()
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
                    self.window, QCoreApplication.translate("ExportFlow", "批注包已导入"), question
                )
                if answer == QMessageBox.StandardButton.Yes:
                    self.resolve_conflicts()
            else:
                QMessageBox.information(
                    self.window, QCoreApplication.translate("ExportFlow", "批注包已导入"), text
                )
        return QCoreApplication.translate("ExportFlow", "批注包已导入：") + text

    def resolve_conflicts(self) -> None:
        from desktop.ui.conflict_dialog import ConflictDialog

        if self.window.library is None:
            return
        dialog = ConflictDialog(self.window.library, self.window)
        dialog.exec()
        if dialog.resolved:
            self.window.refresh()
            self.window.annotations.reload()
