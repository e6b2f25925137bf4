"""The reading room: the report text gets the room, side panels give way, a reading mode, find routing.

The text pane never shrinks under ``MIN_CHARS`` characters a line of its font (its minimum width
follows zoom and font changes). The side panels (library list, outline, figures/annotations
panel) can be hidden and shown from the View menu; when the window is too narrow for the text and
every panel the reviewer wants, panels give way in ``GIVE_WAY`` order (the one asked for last
gives way last) and come back when the window grows. Reading mode shows only the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextEdit, QToolBar, QWidget

from desktop.ui.window_state import load_panels, save_panels

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLineEdit, QStatusBar, QTabWidget

    from desktop.ui.comparison_view import ComparisonView
    from desktop.ui.find_bar import FindBar
    from desktop.ui.report_view import ReportView
    from desktop.ui.search_panel import SearchPanel

    class MainWindow(Protocol):
        """What the reading room arranges of the main window (declared here, so that this module
        does not import the window that builds it)."""

        @property
        def settings(self) -> QSettings: ...
        @property
        def splitter(self) -> QSplitter: ...
        @property
        def workspace(self) -> QTabWidget: ...
        @property
        def filter_edit(self) -> QLineEdit: ...
        @property
        def search(self) -> SearchPanel: ...
        @property
        def report_view(self) -> ReportView: ...
        @property
        def comparison_view(self) -> ComparisonView: ...
        @property
        def actions_by_name(self) -> dict[str, QAction]: ...

        def statusBar(self) -> QStatusBar: ...
        def installEventFilter(self, watched: QObject) -> None: ...


MIN_CHARS = 25
"""The narrowest text line the layout allows, in characters of the report font."""
READING_CHARS = 42
"""Reading mode's line length: the text is centred in a column this wide (a printed page's line)."""
GIVE_WAY = ("outline", "side", "library")
"""Which panel a narrow window hides first."""
FLOORS = {"library": 200, "outline": 120, "side": 220}
"""The narrowest useful width of each panel (more if its contents need it)."""
PROPORTIONS = {"library": (0.19, 360), "outline": (0.11, 220), "side": (0.25, 440)}
"""First-start widths: a share of the window, capped; the text pane takes the rest."""


def _child(splitter: QSplitter, index: int) -> QWidget:
    widget = splitter.widget(index)
    assert widget is not None
    return widget


def characters_per_line(text: QTextEdit) -> int:
    """How many characters of the text's font (``国`` wide) fit on one line of its viewport."""
    margin = int(text.document().documentMargin())
    return (text.viewport().width() - 2 * margin) // max(1, text.fontMetrics().horizontalAdvance("国"))


def text_width_for(text: QTextEdit, chars: int) -> int:
    """The width of a text view (frame, margins, scroll bar) whose lines hold ``chars`` characters."""
    margin = int(text.document().documentMargin())
    scroll_bar = text.verticalScrollBar().sizeHint().width()
    return (
        chars * text.fontMetrics().horizontalAdvance("国") + 2 * margin + 2 * text.frameWidth() + scroll_bar
    )


class ReadingRoom(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(cast(QMainWindow, window))
        self.window = window
        self.view = window.report_view
        self.actions = window.actions_by_name
        self.panels: dict[str, tuple[QSplitter, int]] = {
            "library": (window.splitter, 0),
            "outline": (self.view.splitter, 0),
            "side": (self.view.splitter, 2),
        }
        self.wanted = load_panels(window.settings, tuple(self.panels))
        self.give_way = list(GIVE_WAY)
        self.reading_mode = False
        self._widths: dict[str, int] = {}
        self._before_reading: list[QWidget] = []
        self._settled = False
        self._syncing = False
        body_layout = self.view.body.layout()
        assert body_layout is not None
        self._body_margins = body_layout.contentsMargins()
        for splitter in (window.splitter, self.view.splitter):
            splitter.setCollapsible(1, False)  # the text (or the workspace holding it) never collapses
            splitter.setStretchFactor(1, 1)
            splitter.splitterMoved.connect(lambda _pos, _index, s=splitter: self._dragged(s))
        self._arrange_soon = QTimer(self)
        self._arrange_soon.setSingleShot(True)
        self._arrange_soon.setInterval(0)
        self._arrange_soon.timeout.connect(self.arrange)
        self._leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), cast(QMainWindow, window))
        self._leave.setContext(Qt.ShortcutContext.WindowShortcut)
        self._leave.setEnabled(False)
        self._leave.activated.connect(lambda: self.set_reading_mode(False))
        self.update_text_minimum()
        self.view.text.installEventFilter(self)
        self.view.body.installEventFilter(self)
        window.splitter.installEventFilter(self)
        window.installEventFilter(self)
        for name in (*(f"toggle_{panel}" for panel in self.panels), "reading_mode"):
            # Before the window holds this controller, its actions only take their first state.
            blocked = self.actions[name].blockSignals(True)
            self.actions[name].setChecked(
                name != "reading_mode" and self.wanted[name.removeprefix("toggle_")]
            )
            self.actions[name].blockSignals(blocked)

    # Widths ------------------------------------------------------------------------------

    def text_minimum(self) -> int:
        """The report pane's minimum width: ``MIN_CHARS`` characters plus its frame and margins."""
        margins = self._body_margins
        return text_width_for(self.view.text, MIN_CHARS) + margins.left() + margins.right()

    def update_text_minimum(self) -> None:
        minimum = self.text_minimum()
        self.view.body.setMinimumWidth(minimum)
        # The window may be narrower than every panel together: panels give way instead (``fit``).
        self.window.splitter.setMinimumWidth(minimum + self._chrome())

    def _chrome(self) -> int:
        """Width the workspace takes around its page (tab frame), measured on the page on screen."""
        workspace = self.window.workspace
        page = workspace.currentWidget()
        if page is None or page.width() <= 0:
            return 8
        return max(8, workspace.width() - page.width())

    def _need(self, name: str) -> int:
        splitter, index = self.panels[name]
        widget = _child(splitter, index)
        return max(FLOORS[name], widget.minimumSizeHint().width(), widget.minimumWidth())

    def _required(self, shown: list[str]) -> int:
        handles = self.window.splitter.handleWidth()
        return self.text_minimum() + self._chrome() + sum(self._need(name) + handles for name in shown)

    def _shown(self, name: str) -> bool:
        splitter, index = self.panels[name]
        return not _child(splitter, index).isHidden()

    # Arranging ---------------------------------------------------------------------------

    @property
    def settled(self) -> bool:
        """Laid out for the window's present width (nothing waiting to be arranged)."""
        return self._settled and not self._arrange_soon.isActive()

    def arrange(self) -> None:
        """Lay out for the window's width: first-start widths once, then which panels fit."""
        if self.window.splitter.width() <= 0:
            return
        if not self._settled:
            self._settled = True
            if not self._restored_layout_is_sound():
                self.apply_default_widths()
        self.fit()

    def fit(self) -> None:
        """Show the panels the reviewer wants that fit beside a full-width text; hide the others."""
        shown = [] if self.reading_mode else [name for name in self.panels if self.wanted[name]]
        available = self.window.splitter.width()
        for name in self.give_way:
            if self._required(shown) <= available:
                break
            if name in shown:
                shown.remove(name)
        for name in self.panels:
            self._set_shown(name, name in shown)
        self._sync_actions()

    def apply_default_widths(self) -> None:
        """First-start proportions: a share of the window for each panel, the rest to the text."""
        width = self.window.splitter.width()
        widths = {
            name: max(self._need(name), min(cap, round(width * share)))
            for name, (share, cap) in PROPORTIONS.items()
        }
        self._widths.update(widths)
        main = self.window.splitter
        main.setSizes([widths["library"], max(1, width - widths["library"] - main.handleWidth())])
        report_width = width - widths["library"] - main.handleWidth() - self._chrome()
        handles = 2 * self.view.splitter.handleWidth()
        text = max(self.text_minimum(), report_width - widths["outline"] - widths["side"] - handles)
        self.view.splitter.setSizes([widths["outline"], text, widths["side"]])

    def _restored_layout_is_sound(self) -> bool:
        """A remembered layout is kept only if the text has its room and no panel is squeezed."""
        from desktop.ui.window_state import remembered_splitters

        if not remembered_splitters(self.window.settings, ("splitter", "report_splitter")):
            return False
        if self.view.splitter.sizes()[1] < self.text_minimum():
            return False
        return all(
            self.panels[name][0].sizes()[self.panels[name][1]] >= FLOORS[name]
            for name in self.panels
            if self.wanted[name] and self._shown(name)
        )

    def _set_shown(self, name: str, shown: bool) -> None:
        splitter, index = self.panels[name]
        widget = _child(splitter, index)
        if shown == (not widget.isHidden()):
            return
        if not shown:
            width = splitter.sizes()[index]
            if width > 0:
                self._widths[name] = width
            widget.hide()
            self._text_takes_the_rest(splitter)
            return
        widget.show()
        sizes = splitter.sizes()
        sizes[index] = max(self._need(name), self._widths.get(name, 0))
        self._text_takes_the_rest(splitter, sizes)

    def _text_takes_the_rest(self, splitter: QSplitter, sizes: list[int] | None = None) -> None:
        """Panels keep their widths; the text (index 1) gets what is left of the splitter."""
        sizes = sizes if sizes is not None else splitter.sizes()
        total = splitter.width() - splitter.handleWidth() * sum(
            1 for i in range(1, splitter.count()) if not _child(splitter, i).isHidden()
        )
        panels = sum(size for i, size in enumerate(sizes) if i != 1 and not _child(splitter, i).isHidden())
        sizes[1] = max(1, total - panels)
        splitter.setSizes(sizes)

    def _dragged(self, splitter: QSplitter) -> None:
        """A panel dragged shut is hidden, as if from the View menu (so the menu shows it, and it comes back)."""
        sizes = splitter.sizes()
        for name, (owner, index) in self.panels.items():
            if owner is splitter and self._shown(name) and sizes[index] == 0:
                self.wanted[name] = False
                _child(splitter, index).hide()
                self._widths[name] = self._need(name)
                save_panels(self.window.settings, self.wanted)
        self._sync_actions()

    # The View menu -----------------------------------------------------------------------

    def toggle(self, name: str) -> None:
        """A panel's View menu action: show or hide it; a panel asked for gives way last."""
        if self._syncing:
            return
        wanted = self.actions[f"toggle_{name}"].isChecked()
        if self.reading_mode:
            self.set_reading_mode(False)
        self.wanted[name] = wanted
        if wanted:
            self.give_way.remove(name)
            self.give_way.append(name)
        self.fit()
        save_panels(self.window.settings, self.wanted)
        if wanted and not self._shown(name):
            self.window.statusBar().showMessage(
                QCoreApplication.translate("ReadingRoom", "窗口太窄，放不下这个面板和报告正文"), 5000
            )

    def show_panel(self, name: str) -> None:
        if not self._shown(name):
            self.actions[f"toggle_{name}"].setChecked(True)

    def _sync_actions(self) -> None:
        self._syncing = True
        try:
            for name in self.panels:
                self.actions[f"toggle_{name}"].setChecked(self._shown(name))
            self.actions["reading_mode"].setChecked(self.reading_mode)
        finally:
            self._syncing = False

    # Reading mode ------------------------------------------------------------------------

    def toggle_reading_mode(self) -> None:
        if not self._syncing:
            self.set_reading_mode(self.actions["reading_mode"].isChecked())

    def set_reading_mode(self, reading: bool) -> None:
        """Only the text: panels, toolbars, status bar, tabs and the report's header go away."""
        if reading == self.reading_mode:
            self._sync_actions()
            return
        self.reading_mode = reading
        window = self.window
        if reading:
            toolbars = cast(QMainWindow, window).findChildren(
                QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            chrome: list[QWidget] = [*toolbars, window.statusBar()]
            chrome += [window.workspace.tabBar(), self.view.header]
            self._before_reading = [w for w in chrome if not w.isHidden()]
            for widget in self._before_reading:
                widget.hide()
        else:
            for widget in self._before_reading:
                widget.show()
            self._before_reading = []
        self._leave.setEnabled(reading)
        self.fit()
        self._centre_reading_column()
        if reading and window.workspace.currentWidget() is self.view:
            self.view.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if reading:
            window.statusBar().clearMessage()

    def _centre_reading_column(self) -> None:
        """In reading mode the text is a centred column of ``READING_CHARS``; otherwise the usual margins."""
        layout = self.view.body.layout()
        assert layout is not None
        normal = self._body_margins
        if not self.reading_mode:
            layout.setContentsMargins(normal)
            return
        column = text_width_for(self.view.text, READING_CHARS)
        side = max(normal.left(), (self.view.body.width() - column) // 2)
        layout.setContentsMargins(side, normal.top(), side, normal.bottom())

    def before_saving(self) -> None:
        """The layout is saved as the reviewer arranged it, not as reading mode shows it."""
        self.set_reading_mode(False)
        save_panels(self.window.settings, self.wanted)

    # Find --------------------------------------------------------------------------------

    def find(self) -> None:
        """Ctrl+F: find in the report or comparison on screen; with neither, filter the library."""
        bar = self.find_bar()
        if bar is None:
            self.filter_library()
        else:
            bar.open_bar()

    def find_next(self) -> None:
        bar = self.find_bar()
        if bar is not None:
            bar.find_next()

    def find_previous(self) -> None:
        bar = self.find_bar()
        if bar is not None:
            bar.find_previous()

    def find_bar(self) -> FindBar | None:
        """The find bar of the text on screen: the report, or the comparison pane in use (this year's by default)."""
        window = self.window
        current = window.workspace.currentWidget()
        if current is self.view:
            return self.view.find_bar if self.view.report_id is not None else None
        comparison = window.comparison_view
        if current is not comparison or comparison.stack.currentIndex() != 1:
            return None
        focus = QApplication.focusWidget()
        for pane in (comparison.left, comparison.right):
            if focus is not None and pane.isAncestorOf(focus):
                return pane.find_bar
        if comparison.left.find_bar.isVisible() and not comparison.right.find_bar.isVisible():
            return comparison.left.find_bar
        return comparison.right.find_bar

    def filter_library(self) -> None:
        """Ctrl+L: the library filter, with the library list brought back if it was hidden."""
        self._reveal_library()
        self.window.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.window.filter_edit.selectAll()

    def search_library(self) -> None:
        """Ctrl+Shift+F: the full-text search box under the library list."""
        self._reveal_library()
        self.window.search.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.window.search.query.selectAll()

    def _reveal_library(self) -> None:
        if self.reading_mode:
            self.set_reading_mode(False)
        self.show_panel("library")

    # Events ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Show and not self._settled:
            # The panes have their sizes by now: arrange before the first paint, not a frame after.
            self._arrange_soon.stop()
            self.arrange()
        elif watched is self.window.splitter and kind == QEvent.Type.Resize:
            self._arrange_soon.start()
        elif watched is self.view.text and kind == QEvent.Type.FontChange:
            self.update_text_minimum()
            self._arrange_soon.start()
        elif watched is self.view.body and kind == QEvent.Type.Resize and self.reading_mode:
            self._centre_reading_column()
        return False
