"""Exports from the GUI: original file, review memo, summary table, annotation packages.

Each action asks for a file (``choose_*``), then does the work in the background (``*_to``, which
tests call directly) with a busy indicator; the result comes back as a status-bar message and the
``finished`` signal, errors as a message box. Importing a package and settling its conflicts is
:mod:`desktop.ui.package_flow`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from desktop.ui.operations import QueryOp

if TYPE_CHECKING:
    from desktop.core.export.memo_content import MemoData
    from desktop.ui.context import AppContext
    from desktop.ui.report_view import ReportView


def _safe_name(text: str) -> str:
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in text).strip() or "ReviewDesk"


class FileFlow(QObject):
    """Background work on a file the reviewer chose, with a busy indicator and a result message."""

    finished = Signal(str, object)
    """(kind, result): ``memo``/``summary``/``package`` with the written path, ``import`` with stats."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.show_results = True
        self.done_box: QMessageBox | None = None
        """The last export's done message (with 打开所在文件夹), kept for tests."""
        """Tests turn this off: an import's summary box would wait for a click."""
        self._busy: QProgressDialog | None = None

    # Helpers -----------------------------------------------------------------------------

    def _folder(self) -> Path:
        return Path(str(self.context.settings.value("export/last_dir", str(Path.home()))))

    def _save_name(self, title: str, name: str, filters: str) -> Path | None:
        target, _ = QFileDialog.getSaveFileName(
            self.context.parent_widget, title, str(self._folder() / name), filters
        )
        if not target:
            return None
        self.context.settings.setValue("export/last_dir", str(Path(target).parent))
        return Path(target)

    def _run(
        self,
        kind: str,
        label: str,
        work: Callable[[Any], Any],
        done: Callable[[Any], str],
        serial: bool = False,
        target: Path | None = None,
    ) -> None:
        """``serial``: after the writes asked for before (e.g. the conclusion just typed); ``target``:
        the file written, offered with 打开所在文件夹 once it is there."""
        busy = QProgressDialog(label, "", 0, 0, self.context.parent_widget)
        busy.setWindowTitle("ReviewDesk")
        busy.setCancelButton(None)  # these jobs take seconds and write one file
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(400)
        self._busy = busy

        def finished(result: object) -> None:
            busy.close()
            message = done(result)
            self.context.show_status(message, 10000)
            if target is not None and self.show_results:
                from desktop.ui.export_done import show_export_done

                self.done_box = show_export_done(self.context.parent_widget, message, target)
            self.finished.emit(kind, result)

        def failed(error: BaseException, trace: str) -> None:
            busy.close()
            self.context.show_status(str(error), 10000)
            self.finished.emit(kind, error)
            if self.show_results:
                QMessageBox.warning(
                    self.context.parent_widget,
                    QCoreApplication.translate("ExportFlow", "未能完成"),
                    str(error),
                )

        self.context.runner.run(work, finished, failed, serial=serial)

    @property
    def _reviewer(self) -> str | None:
        return self.context.reviewer


class ExportFlow(FileFlow):
    def __init__(
        self, context: AppContext, report_view: ReportView, selected_ids: Callable[[], list[int]]
    ) -> None:
        super().__init__(context)
        self.report_view = report_view
        self.selected_ids = selected_ids

    # Original file ----------------------------------------------------------------------

    def choose_original(self) -> None:
        from desktop.core.library import original_file

        report_id = self.report_view.report_id
        if report_id is None:
            return
        QueryOp(self.context, lambda session: original_file(session, report_id), self._save_original).run()

    def _save_original(self, found: tuple[str, bytes] | None) -> None:
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
            self.context.show_status(
                QCoreApplication.translate("ExportFlow", "已导出原始文件：") + str(target), 5000
            )

    # Review memo -------------------------------------------------------------------------

    def choose_memo(self) -> None:
        report_id, library = self.report_view.report_id, self.context.library
        if report_id is None or library is None:
            self.context.show_status(QCoreApplication.translate("ExportFlow", "请先选择一份报告。"), 5000)
            return
        self.report_view.review.flush()  # the conclusion being typed belongs in the memo

        def work(_context: Any) -> MemoData:
            from desktop.core.export.memo_content import gather_memo
            from desktop.core.metrics.store import default_catalog, ensure_current

            ensure_current(library.sessions, default_catalog())
            with library.sessions() as session:
                return gather_memo(session, report_id)

        def failed(error: BaseException, _trace: str) -> None:
            QMessageBox.warning(
                self.context.parent_widget, QCoreApplication.translate("ExportFlow", "未能完成"), str(error)
            )

        self.context.runner.run(work, lambda data: self._memo_checked(report_id, data), failed, serial=True)

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
                self.context.parent_widget,
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
        library, reviewer = self.context.library, self._reviewer
        assert library is not None
        self.report_view.review.flush()  # the conclusion being typed belongs in the memo

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
            serial=True,
            target=target,
        )

    # Summary -----------------------------------------------------------------------------

    def choose_summary(self) -> None:
        if self.context.library is None:
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
        library = self.context.library
        assert library is not None

        def work(_context: Any) -> int:
            from desktop.core.export.summary import export_summary

            with library.sessions() as session:
                return export_summary(session, target)

        def done(rows: int) -> str:
            return QCoreApplication.translate("ExportFlow", "已导出审阅汇总（%1 份报告）：").replace(
                "%1", str(rows)
            ) + str(target)

        self._run("summary", QCoreApplication.translate("ExportFlow", "正在汇总…"), work, done, target=target)

    # Annotation packages -----------------------------------------------------------------

    def choose_package(self) -> None:
        if self.context.library is None:
            return
        ids = self.selected_ids()
        name = QCoreApplication.translate("ExportFlow", "批注包") + (f"_{len(ids)}" if ids else "") + ".rdpkg"
        target = self._save_name(
            QCoreApplication.translate("ExportFlow", "导出批注包"),
            name,
            QCoreApplication.translate("ExportFlow", "ReviewDesk 批注包 (*.rdpkg)"),
        )
        if target is None:
            return
        answer = QMessageBox.question(
            self.context.parent_widget,
            QCoreApplication.translate("ExportFlow", "导出批注包"),
            QCoreApplication.translate(
                "ExportFlow",
                "是否把原始报告文件一并放入批注包？\n对方资料库中没有这些报告时，可以随批注一起导入。",
            ),
        )
        originals = answer == QMessageBox.StandardButton.Yes
        self.export_package_to(ids or None, target.with_suffix(".rdpkg"), originals)

    def export_package_to(self, report_ids: list[int] | None, target: Path, originals: bool = False) -> None:
        library, reviewer = self.context.library, self._reviewer
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

        self._run(
            "package", QCoreApplication.translate("ExportFlow", "正在导出批注包…"), work, done, target=target
        )
