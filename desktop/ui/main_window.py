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
from desktop.ui.bin_flow import BinDialog, BinFlow
from desktop.ui.changes import Changes
from desktop.ui.columns import fit_titles
from desktop.ui.comparison_controller import ComparisonController
from desktop.ui.comparison_view import ComparisonView
from desktop.ui.context import AppContext
from desktop.ui.export_flow import ExportFlow
from desktop.ui.figure_controller import FigureController
from desktop.ui.findings_controller import FindingsController
from desktop.ui.identity_flow import IdentityFlow
from desktop.ui.import_flow import ImportFlow
from desktop.ui.library_care import LibraryCare, confirm_unsaved_review
from desktop.ui.library_filter import EmptyFilterNotice, LibraryFilter
from desktop.ui.library_model import LibraryModel, ReportIdRole
from desktop.ui.operations import QueryOp
from desktop.ui.package_flow import PackageFlow
from desktop.ui.read_only import ReadOnlyBanner
from desktop.ui.reading_room import ReadingRoom
from desktop.ui.recent_libraries import RecentLibrariesMenu, choose_library, remember_library
from desktop.ui.report_view import ReportView
from desktop.ui.search_panel import SearchPanel
from desktop.ui.settings import FONT_SIZE, LAST_REPORT_ID, LAST_REPORT_LIBRARY, AppSettings
from desktop.ui.stale_flow import StaleReanalysis
from desktop.ui.stored_commands import UndoOperations
from desktop.ui.tasks import TaskRunner
from desktop.ui.team_mode import TeamMode
from desktop.ui.window_state import restore_layout, save_layout

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.session import Library
    from desktop.core.importing import ImportOutcome
    from desktop.ui.overview_view import OverviewView


def app_title() -> str:
    """The window's name in the interface language (法治报告审阅台 / ReviewDesk)."""
    return QCoreApplication.translate("MainWindow", "法治报告审阅台")


class MainWindow(QMainWindow):
    library_loaded = Signal()
    first_painted = Signal()
    """Once, after the window is on screen: the library opens then, so nothing heavy delays it."""

    def __init__(self, settings: QSettings, runner: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = AppSettings.of(settings)
        self.runner = runner
        # What controllers receive instead of this window: library, runner, change bus, undo stack.
        self.context = AppContext(settings, runner, self)
        self.context.status_message.connect(lambda text, msecs: self.statusBar().showMessage(text, msecs))
        self.context.bus.changed.connect(self._stored)
        self.undo_ops = UndoOperations(self.context)
        self._opening: int | None = None
        self.setWindowTitle(app_title())
        self.setAcceptDrops(True)
        self._pending_select: int | None = None
        self.model = LibraryModel(self)
        from desktop.core.annotations.taxonomy import default_taxonomy

        self.taxonomy = default_taxonomy()
        self._build_widgets()
        # Sorting and filtering keep the report on screen selected (the view drops it on a reset).
        self.model.modelReset.connect(self._reselect)
        self.report_view.review.attach(self.context)
        self.annotations = AnnotationController(self.context, self.undo_ops, self.report_view, self.taxonomy)
        self.findings = FindingsController(self.context, self.undo_ops, self.report_view)
        self.overview_view: OverviewView | None = None
        self.figures = FigureController(self.context, self.undo_ops, self.report_view)
        self.exports = ExportFlow(self.context, self.report_view, self.selected_report_ids)
        self.packages = PackageFlow(self.context)
        self.team = TeamMode(
            self.context, self.statusBar(), self.selected_report_ids, lambda path: self.switch_library(path)
        )
        self.care = LibraryCare(self)
        self.actions_by_name = create_actions(self, self._handlers())
        self.team.actions = self.actions_by_name
        self._build_menus()
        self.reading = ReadingRoom(self)
        self._connect_undo()
        self._build_versions()
        self.identity = IdentityFlow(self.context, self.report_view)
        self.comparison_view.options_bar.other_baseline_requested.connect(
            lambda: self.identity.choose_prior()
        )
        self.import_flow = ImportFlow(runner, self)
        self.import_flow.finished.connect(self._imported)
        self.font_size = self.settings.get(FONT_SIZE)
        self._apply_font_size()
        self._restore_layout()
        self._painted = False
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "就绪"))

    def _build_widgets(self) -> None:
        self.filter_edit = LibraryFilter(self)
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
        fit_titles(header)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._library_menu)
        self.empty_filter_notice = EmptyFilterNotice(self.table, self.filter_edit)
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
        self.comparison = ComparisonController(
            self.context, self.report_view, self.workspace, self.comparison_view
        )
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(1, 1)  # the report text takes the room (see ReadingRoom)
        self.read_only_banner = ReadOnlyBanner(self)
        self.setCentralWidget(self.read_only_banner.above(self.splitter))

    def _handlers(self) -> dict[str, Any]:
        return {
            "import": lambda: self.import_flow.choose_files(self),
            "import_folder": lambda: self.import_flow.choose_folder(self),
            "import_samples": self.import_samples,
            "open_library": lambda: choose_library(
                self, self.library.url if self.library else "", self.switch_library
            ),
            "connect_team": lambda: self.team.connect_dialog(),
            "delete_reports": self.move_to_bin,
            "show_bin": self.show_bin,
            "undo_carry": self.undo_carry,
            "show_superseded": lambda: self.set_show_superseded(
                self.actions_by_name["show_superseded"].isChecked()
            ),
            "export_original": self.exports.choose_original,
            "export_memo": self.exports.choose_memo,
            "export_summary": self.exports.choose_summary,
            "export_package": self.exports.choose_package,
            "import_package": self.packages.choose_import_package,
            "resolve_conflicts": self.packages.resolve_conflicts,
            "edit_metadata": self.edit_metadata,
            "choose_prior": lambda: self.identity.choose_prior(),
            "versions": lambda: self.identity.versions(),
            "undo": lambda: self.undo_ops.undo(),
            "redo": lambda: self.undo_ops.redo(),
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
            "find": lambda: self.reading.find(),
            "find_next": lambda: self.reading.find_next(),
            "find_previous": lambda: self.reading.find_previous(),
            "filter_library": lambda: self.reading.filter_library(),
            "search": lambda: self.reading.search_library(),
            "toggle_library": lambda: self.reading.toggle("library"),
            "toggle_outline": lambda: self.reading.toggle("outline"),
            "toggle_side": lambda: self.reading.toggle("side"),
            "reading_mode": lambda: self.reading.toggle_reading_mode(),
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

    def _build_versions(self) -> None:
        """The bin, earlier versions in the list, and undoing a carried review (see bin_flow)."""
        self.bins = BinFlow(
            self.runner,
            self.undo_ops,
            lambda: self.library,
            lambda: self.context.reviewer,
            self._background_error,
            lambda changes: self.context.bus.notify(changes, self),
            self,
        )
        self.bins.changed.connect(self._versions_changed)
        self.stale = StaleReanalysis(self.runner, self.statusBar(), self)
        self.stale.finished.connect(self._stale_done)
        delete = self.actions_by_name["delete_reports"]
        # Del moves reports to the bin only from the library list, never while typing elsewhere.
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(delete)
        shown = self.settings.value("library/show_superseded", True, type=bool)
        self.actions_by_name["show_superseded"].setChecked(bool(shown))
        self.model.set_show_superseded(bool(shown))

    def _stale_done(self, analysed: int, _failed: int) -> None:
        if analysed:  # texts, parts, figures and findings may all differ now
            every = Changes(
                reports=True, annotations=True, review=True, figures=True, findings=True, links=True
            )
            self.context.bus.notify(every, self)

    def _versions_changed(self, message: str) -> None:
        """A move to or from the bin, or an undone carry, was stored (the list and panels follow the
        change notice; undoable moves send their own)."""
        self.statusBar().showMessage(message, 10000)

    def move_to_bin(self) -> None:
        ids = self.selected_report_ids()
        if self.library is None or not ids:
            return
        capabilities = self.team.capabilities
        if capabilities is not None and not capabilities.delete_reports:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "您的账号是审阅人：删除报告需要组长账号"), 8000
            )
            return
        self.bins.move_to_bin(ids)

    def show_bin(self) -> None:
        BinDialog(self.bins, self).exec()

    def set_show_superseded(self, show: bool) -> None:
        self.settings.setValue("library/show_superseded", show)
        self.model.set_show_superseded(show)

    def undo_carry(self) -> None:
        library, report_id = self.library, self.report_view.report_id
        if library is None or report_id is None:
            return
        by = self.context.reviewer

        def work(_context: Any) -> str:
            from desktop.core.version_carry import undo_last_carry

            return undo_last_carry(library.sessions, report_id, by).describe()

        def done(message: str) -> None:
            self._versions_changed(message)
            self.context.bus.notify(Changes(reports=True, annotations=True, review=True, links=True), self)

        self.runner.run(work, done, self._background_error, serial=True)

    def _connect_undo(self) -> None:
        stack = self.context.undo_stack
        undo, redo = self.actions_by_name["undo"], self.actions_by_name["redo"]
        undo.setEnabled(False)
        redo.setEnabled(False)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)

    # Library -----------------------------------------------------------------------------

    @property
    def library(self) -> Library | None:
        return self.context.library

    @library.setter
    def library(self, library: Library | None) -> None:
        self.context.library = library

    def _stored(self, changes: Changes, _initiator: object) -> None:
        """Something was stored: the list shows it, and so does the open report's header."""
        if changes.listed:
            self.refresh()
        report_id = self.report_view.report_id
        if (changes.reports or changes.links) and changes.concerns(report_id) and report_id is not None:
            self.open_report(report_id)

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
        self.setWindowTitle(f"{app_title()} — {location}")
        self.care.library_set(library)
        self.refresh()
        self.stale.cancel()
        if library.file is not None and not library.read_only:
            # A team library's lead runs `reviewdesk reprocess --stale` (reviewers may not rewrite reports).
            self.stale.start(library, self._background_error)
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
        # The report being opened wins over the one still shown: a refresh must not undo a click.
        selected = self._pending_select or self._opening or self.report_view.report_id
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
        """Read the report, its figures, annotations and review state in the background; show
        them if the reviewer is still on this report when they arrive."""
        from desktop.core.annotations.review import get_review_state
        from desktop.core.annotations.store import list_annotations
        from desktop.core.library import get_report, report_detail
        from desktop.core.metrics.store import default_catalog, report_metrics

        self._opening = report_id
        taxonomy = self.taxonomy

        def read(session: Session) -> tuple[Any, ...] | None:
            detail = report_detail(session, report_id)
            if detail is None:
                return None
            metrics = report_metrics(session, report_id, default_catalog())
            report = get_report(session, report_id, with_text=True)
            views = list_annotations(session, report, taxonomy) if report else []
            return detail, metrics, views, get_review_state(session, report_id)

        QueryOp(self.context, read, lambda loaded: self._report_read(report_id, loaded)).failure(
            lambda error: self._report_unread(report_id, error)
        ).run()

    def _report_read(self, report_id: int, loaded: tuple[Any, ...] | None) -> None:
        if report_id != self._opening:
            return  # the reviewer moved on; the newer report's read is under way
        if loaded is None:
            self.report_view.clear()
            self.report_view.review.show_report(None, None)
        else:
            detail, metrics, views, state = loaded
            self.report_view.show_report(detail, metrics)
            self.report_view.show_annotations(views)
            self.report_view.review.show_report(report_id, state)
        self.findings.reload()
        self.comparison.invalidate()

    def _report_unread(self, report_id: int, error: BaseException) -> None:
        if report_id == self._opening:  # the review panel says it could not be read, and why
            self.report_view.review.show_report(report_id, None, error)

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
        # A new report may be the shown report's prior year, or a new version of it.
        self.context.bus.notify(
            Changes(reports=True, links=True, findings=True, annotations=True, review=True)
        )

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

            self.overview_view = OverviewView(self.context, self._shown_year, self.workspace)
            self.overview_view.report_requested.connect(self.open_from_overview)
            self.workspace.addTab(self.overview_view, QCoreApplication.translate("MainWindow", "年度概览"))
        self.workspace.setCurrentWidget(self.overview_view)
        self.overview_view.reload()

    def _shown_year(self) -> int | None:
        shown = self.report_view.report_id
        summary = self.model.report_at(self.model.row_of(shown)) if shown is not None else None
        return summary.year if summary is not None else None

    def open_from_overview(self, report_id: int) -> None:
        self.open_hit(report_id, -1, -1)

    def edit_metadata(self) -> None:
        self.identity.edit_metadata()

    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        if SettingsDialog(self.settings, self).exec():
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

        # The panels read the name from the settings at each save, so a name given now signs the
        # review of the report already open too.
        self.reviewer_dialog = ask_reviewer_once(self.settings, self)

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
        splitters, headers = self._remembered()
        restore_layout(self, self.settings, splitters, headers)
        for header in headers.values():  # widths saved in the other language may cut a title
            fit_titles(header)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.import_flow.allow_close():  # an import runs: continue it, or stop it and quit
            event.ignore()
            return
        from desktop.ui.operations import settle

        self.report_view.review.flush()
        settle(self.context)  # the conclusion being typed is stored (or kept as a draft) before closing
        if not confirm_unsaved_review(self):
            event.ignore()
            return
        self.team.library_closing()
        self.care.shutdown()
        self.reading.before_saving()
        save_layout(self, self.settings, *self._remembered())
        self._remember_report()
        super().closeEvent(event)
