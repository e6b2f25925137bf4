"""The main window: the library table on the left, the selected report on the right."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, APP_NAME_ZH, __version__
from desktop.ui.actions import LIBRARY_CONTEXT_MENU, build_menus, context_menu, create_actions
from desktop.ui.annotation_controller import AnnotationController
from desktop.ui.comparison_controller import ComparisonController
from desktop.ui.comparison_view import ComparisonView
from desktop.ui.export_flow import ExportFlow
from desktop.ui.figure_controller import FigureController
from desktop.ui.findings_controller import FindingsController
from desktop.ui.identity_flow import IdentityFlow
from desktop.ui.import_flow import ImportFlow
from desktop.ui.library_care import LibraryCare, confirm_unsaved_review
from desktop.ui.library_model import LibraryModel, ReportIdRole
from desktop.ui.read_only import ReadOnlyBanner
from desktop.ui.recent_libraries import RecentLibrariesMenu, choose_library, remember_library
from desktop.ui.report_view import ReportView
from desktop.ui.search_panel import SearchPanel
from desktop.ui.settings import FONT_SIZE, LAST_REPORT_ID, LAST_REPORT_LIBRARY, AppSettings
from desktop.ui.tasks import TaskRunner
from desktop.ui.team_mode import TeamMode
from desktop.ui.window_state import restore_layout, save_layout

if TYPE_CHECKING:
    from db.session import Library
    from desktop.core.importing import ImportOutcome
    from desktop.ui.overview_view import OverviewView


class MainWindow(QMainWindow):
    library_loaded = Signal()
    first_painted = Signal()
    """Once, after the window is on screen: the library opens then, so nothing heavy delays it."""

    def __init__(self, settings: QSettings, runner: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = AppSettings.of(settings)
        self.runner = runner
        self.library: Library | None = None
        self.setWindowTitle(f"{APP_NAME_ZH} {APP_NAME}")
        self.setAcceptDrops(True)
        self._pending_select: int | None = None
        self.model = LibraryModel(self)
        from desktop.core.annotations.taxonomy import default_taxonomy

        self.taxonomy = default_taxonomy()
        self._build_widgets()
        # Sorting and filtering keep the report on screen selected (the view drops it on a reset).
        self.model.modelReset.connect(self._reselect)
        self.annotations = AnnotationController(self, self.taxonomy)
        self.findings = FindingsController(self)
        self.overview_view: OverviewView | None = None
        self.figures = FigureController(self)
        self.exports = ExportFlow(self)
        self.team = TeamMode(self)
        self.care = LibraryCare(self)
        self.actions_by_name = create_actions(self, self._handlers())
        self._build_menus()
        self._connect_undo()
        self.identity = IdentityFlow(self)
        self.import_flow = ImportFlow(runner, self)
        self.import_flow.finished.connect(self._imported)
        self.font_size = self.settings.get(FONT_SIZE)
        self._apply_font_size()
        self._restore_layout()
        self._painted = False
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "就绪"))

    def _build_widgets(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("libraryFilter")
        self.filter_edit.setPlaceholderText(
            QCoreApplication.translate("MainWindow", "筛选：单位、年度、标题…")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (1, 50), (2, 66), (3, 44), (4, 70), (5, 90), (7, 50), (8, 110)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._library_menu)
        left = QWidget(self)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.filter_edit)
        left_split = QSplitter(Qt.Orientation.Vertical, left)
        left_split.setObjectName("librarySplitter")
        left_split.addWidget(self.table)
        self.search = SearchPanel(self.runner, left_split)
        self.search.hit_activated.connect(self.open_hit)
        left_split.addWidget(self.search)
        left_split.setSizes([500, 260])
        layout.addWidget(left_split)
        self.report_view = ReportView(self.taxonomy, self)
        self.report_view.review.saved.connect(lambda _id: self.refresh())
        self.report_view.body.mode_changed.connect(self._mode_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.comparison_view = ComparisonView(self)
        self.workspace = QTabWidget(self)
        self.workspace.setObjectName("workspaceTabs")
        self.workspace.setDocumentMode(True)
        self.workspace.addTab(self.report_view, QCoreApplication.translate("MainWindow", "报告"))
        self.workspace.addTab(self.comparison_view, QCoreApplication.translate("MainWindow", "与上年比较"))
        self.comparison = ComparisonController(self, self.workspace, self.comparison_view)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 1080])
        self.read_only_banner = ReadOnlyBanner(self)
        self.setCentralWidget(self.read_only_banner.above(self.splitter))

    def _handlers(self) -> dict[str, Any]:
        return {
            "import": lambda: self.import_flow.choose_files(self),
            "import_folder": lambda: self.import_flow.choose_folder(self),
            "import_samples": self.import_samples,
            "open_library": lambda: choose_library(self),
            "connect_team": lambda: self.team.connect_dialog(),
            "delete_reports": lambda: self.team.delete_selected(),
            "export_original": self.exports.choose_original,
            "export_memo": self.exports.choose_memo,
            "export_summary": self.exports.choose_summary,
            "export_package": self.exports.choose_package,
            "import_package": self.exports.choose_import_package,
            "resolve_conflicts": self.exports.resolve_conflicts,
            "edit_metadata": self.edit_metadata,
            "choose_prior": lambda: self.identity.choose_prior(),
            "versions": lambda: self.identity.versions(),
            "undo": lambda: self.annotations.undo(),
            "redo": lambda: self.annotations.redo(),
            "restore_backup": lambda: self.care.open_backups(),
            "backup_now": lambda: self.care.backup_now(),
            "add_annotation": lambda: self.annotations.add(),
            "settings": self.open_settings,
            "quit": self.close,
            "show_original": lambda: self.report_view.set_show_original(
                self.actions_by_name["show_original"].isChecked()
            ),
            "refresh": self.refresh,
            "zoom_in": lambda: self.zoom(1),
            "zoom_out": lambda: self.zoom(-1),
            "find": self.filter_edit.setFocus,
            "search": self.search.query.setFocus,
            "about": self.about,
            "user_guide": self.show_user_guide,
            "shortcuts": self.show_shortcuts,
            "show_comparison": lambda: self.comparison.show(),
            "show_report": lambda: self.workspace.setCurrentWidget(self.report_view),
            "show_overview": self.show_overview,
        }

    def _build_menus(self) -> None:
        self.recent_menu = RecentLibrariesMenu(self.settings, self.switch_library, self)
        steps = [self.comparison_view.previous_change_action, self.comparison_view.next_change_action]
        build_menus(
            self, self.actions_by_name, {"recent_libraries": self.recent_menu, "comparison_steps": steps}
        )
        self.report_view.body.text.addAction(self.actions_by_name["add_annotation"])

    def _connect_undo(self) -> None:
        stack = self.annotations.undo_stack
        undo, redo = self.actions_by_name["undo"], self.actions_by_name["redo"]
        undo.setEnabled(False)
        redo.setEnabled(False)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)

    # Library -----------------------------------------------------------------------------

    def set_library(self, library: Library, remember: bool = True) -> None:
        """``remember``: the library joins the recent list (not a library named for one run)."""
        from db.paths import library_location

        self.library = library
        self.search.library = library
        location = library_location(library.url)
        if remember:
            remember_library(self.settings, location)
        if self._pending_select is None and self.settings.get(LAST_REPORT_LIBRARY) == location:
            # The report open when the window last closed on this library opens again.
            self._pending_select = self.settings.get(LAST_REPORT_ID) or None
        self.setWindowTitle(f"{APP_NAME_ZH} — {location}")
        self.care.library_set(library)
        self.refresh()
        self.team.library_opened(library)

    def refresh(self) -> None:
        library = self.library
        if library is None:
            return

        def work(_context: Any) -> Any:
            from desktop.core.library import list_reports

            with library.sessions() as session:
                return list_reports(session)

        self.runner.run(work, self._reports_loaded, self._background_error)

    def _reports_loaded(self, reports: list[Any]) -> None:
        selected = self._pending_select or self.report_view.report_id
        self._pending_select = None
        self.model.set_reports(reports)
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "资料库中共有 %1 份报告").replace(
                "%1", str(len(reports))
            )
        )
        if selected is not None and all(r.id != selected for r in reports):
            self.report_view.clear()  # the report left the library (another window, a new library)
        elif selected is not None:
            self.select_report(selected)
        self.library_loaded.emit()

    def select_report(self, report_id: int) -> None:
        row = self.model.row_of(report_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _reselect(self) -> None:
        if self.report_view.report_id is not None:
            self.select_report(self.report_view.report_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # An invalid current row comes with every reset (refresh, sort, filter): the report stays.
        if not current.isValid() or self.library is None:
            return
        report_id = int(current.data(ReportIdRole))
        if report_id != self.report_view.report_id:
            self.open_report(report_id)

    def open_report(self, report_id: int) -> None:
        from desktop.core.library import report_detail
        from desktop.core.metrics.store import default_catalog, report_metrics

        assert self.library is not None
        with self.library.sessions() as session:
            detail = report_detail(session, report_id)
            metrics = report_metrics(session, report_id, default_catalog()) if detail else None
        if detail is None:
            self.report_view.clear()
        else:
            self.report_view.show_report(detail, metrics)
            self.annotations.reload()
        self.findings.reload()
        reviewer = self.settings.reviewer()
        self.report_view.review.show_report(self.library, report_id if detail else None, reviewer)
        self.comparison.invalidate()

    def open_hit(self, report_id: int, start: int, end: int) -> None:
        """Open a search hit's report and show the match."""
        self.select_report(report_id)
        if self.report_view.report_id != report_id:
            self.open_report(report_id)
        self.workspace.setCurrentWidget(self.report_view)
        if start >= 0:
            self.report_view.body.highlight(start, end)

    def _mode_changed(self, original: bool) -> None:
        action = self.actions_by_name["show_original"]
        if action.isChecked() != original:
            action.setChecked(original)

    def _library_menu(self, position: QPoint) -> None:
        if self.table.indexAt(position).isValid():
            menu = context_menu(self.table, self.actions_by_name, LIBRARY_CONTEXT_MENU)
            menu.exec(self.table.viewport().mapToGlobal(position))

    def selected_report_ids(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [int(self.model.index(row, 0).data(ReportIdRole)) for row in sorted(rows)]

    # Import ------------------------------------------------------------------------------

    def switch_library(self, path: str) -> None:
        from desktop.ui.app import start_library

        if not self.care.hold(path):  # another window has it: that window comes forward instead
            return
        self.team.library_closing()
        if self.library is not None:
            self.library.close()
            self.library = None
        self.report_view.clear()
        self.model.set_reports([])
        start_library(self, path, offer_samples=False)

    def import_samples(self, quiet: bool = False) -> None:
        """Import the bundled sample reports; ``quiet`` (first start) skips the summary dialog."""
        from desktop.core.samples import first_start_samples

        self.import_paths(first_start_samples(), summary=not quiet)

    def import_paths(self, paths: list[Path], summary: bool = True) -> bool:
        if self.library is None or self.library.read_only:
            self.care.explain_no_import()  # never silently
            return False
        if self.team.refuse_import():
            return False
        if not self.import_flow.start(self.library, paths, summary):
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "没有找到可导入的报告文件（.docx .pdf .txt .html .doc）"
                ),
                5000,
            )
            return False
        return True

    def _imported(self, outcomes: list[ImportOutcome]) -> None:
        imported = [o.report_id for o in outcomes if o.ok and o.report_id]
        if imported:
            self._pending_select = imported[-1]  # shown once the refreshed list arrives
        self.comparison.invalidate()  # a new report may be the shown report's prior year
        self.findings.reload()
        self.refresh()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.import_paths(paths):
            event.acceptProposedAction()

    # Other actions -----------------------------------------------------------------------

    def show_overview(self) -> None:
        """The season overview tab, created on first use (matplotlib loads only then, in the background)."""
        if self.overview_view is None:
            from desktop.ui.overview_view import OverviewView

            self.overview_view = OverviewView(self, self.workspace)
            self.overview_view.report_requested.connect(self.open_from_overview)
            self.workspace.addTab(self.overview_view, QCoreApplication.translate("MainWindow", "年度概览"))
        self.workspace.setCurrentWidget(self.overview_view)
        self.overview_view.reload()

    def open_from_overview(self, report_id: int) -> None:
        self.open_hit(report_id, -1, -1)

    def edit_metadata(self) -> None:
        report_id = self.report_view.report_id
        if report_id is None or self.library is None:
            return

        from desktop.ui.metadata_dialog import MetadataDialog

        dialog = MetadataDialog(self.library, report_id, self.settings.reviewer() or "", self)
        if dialog.exec():
            self.refresh()
            self.open_report(report_id)

    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        if SettingsDialog(self.settings, self).exec():
            self._reviewer_changed()
            self.font_size = self.settings.get(FONT_SIZE)
            self._apply_font_size()

    def _apply_font_size(self) -> None:
        self.report_view.set_font_size(self.font_size)
        self.comparison_view.set_font_size(self.font_size)

    def zoom(self, step: int) -> None:
        self.font_size = FONT_SIZE.convert(self.font_size + step)
        self._apply_font_size()
        self.settings.put(FONT_SIZE, self.font_size)

    def about(self) -> None:
        text = QCoreApplication.translate(
            "MainWindow", "离线审阅法治政府建设年度报告。所有数据保存在本机，不连接网络。"
        )
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "关于 ReviewDesk"),
            f"<b>{APP_NAME_ZH}（{APP_NAME}）</b> {__version__}<br>{text}",
        )

    def show_user_guide(self) -> None:
        from desktop.ui.help_dialogs import UserGuideDialog
        from desktop.ui.settings import LANGUAGE

        language = QCoreApplication.translate("MainWindow", "zh_CN", "the user guide's language")
        UserGuideDialog(language or self.settings.get(LANGUAGE), self).exec()

    def show_shortcuts(self) -> None:
        from desktop.ui.help_dialogs import ShortcutsDialog

        actions = [a for menu in self.menuBar().findChildren(QMenu) for a in menu.actions()]
        ShortcutsDialog(list(dict.fromkeys(actions)), self).exec()

    def _background_error(self, error: BaseException, _trace: str) -> None:
        QMessageBox.warning(self, QCoreApplication.translate("MainWindow", "出错了"), str(error))

    def _remember_report(self) -> None:
        from db.paths import library_location

        if self.library is None:
            return
        self.settings.put(LAST_REPORT_LIBRARY, library_location(self.library.url))
        self.settings.put(LAST_REPORT_ID, self.report_view.report_id or 0)

    def ask_reviewer_once(self) -> None:
        from desktop.ui.reviewer_dialog import ask_reviewer_once

        self.reviewer_dialog = ask_reviewer_once(self.settings, self)
        if self.reviewer_dialog is not None:
            self.reviewer_dialog.finished.connect(self._reviewer_changed)

    def _reviewer_changed(self) -> None:
        """A name given now signs the review of the report already open, too."""
        self.report_view.review.reviewer = self.settings.reviewer()

    # Layout ------------------------------------------------------------------------------

    def _remembered(self) -> tuple[dict[str, QSplitter], dict[str, QHeaderView]]:
        view = self.comparison_view
        splitters = {
            "splitter": self.splitter,
            "report_splitter": self.report_view.splitter,
            "comparison_splitter": view.splitter,
            "comparison_panes_splitter": view.panes_splitter,
        }
        headers = {
            "library_header": self.table.horizontalHeader(),
            "comparison_figures_header": view.figure_table.horizontalHeader(),
        }
        return splitters, headers

    def _restore_layout(self) -> None:
        restore_layout(self, self.settings, *self._remembered())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.import_flow.allow_close():  # an import runs: continue it, or stop it and quit
            event.ignore()
            return
        self.report_view.review.flush()
        if not confirm_unsaved_review(self):
            event.ignore()
            return
        self.team.library_closing()
        self.care.shutdown()
        save_layout(self, self.settings, *self._remembered())
        self._remember_report()
        super().closeEvent(event)
