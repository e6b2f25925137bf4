"""The report pane: outline on the left, the text in the middle, the metrics panel on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.ui.annotations_panel import AnnotationsPanel
from desktop.ui.find_bar import FindBar
from desktop.ui.labels import counted, label
from desktop.ui.metrics_panel import MetricsPanel
from desktop.ui.outline_panel import OutlinePanel
from desktop.ui.report_text import ReportTextView
from desktop.ui.review_panel import ReviewPanel

if TYPE_CHECKING:
    from desktop.core.annotations.store import AnnotationView
    from desktop.core.annotations.taxonomy import Taxonomy
    from desktop.core.metrics.result import ReportMetrics
    from desktop.core.report_detail import ReportDetail


class ReportView(QWidget):
    def __init__(self, taxonomy: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outline = OutlinePanel(self)
        self.body = ReportTextView(self)
        self.metrics = MetricsPanel(self)
        self.annotations = AnnotationsPanel(taxonomy, self)
        self.side = QTabWidget(self)
        self.side.setObjectName("reportSideTabs")
        self.side.addTab(self.metrics, QCoreApplication.translate("ReportView", "指标"))
        self.side.addTab(self.annotations, QCoreApplication.translate("ReportView", "批注"))
        self.review = ReviewPanel(self)
        self.side.addTab(self.review, QCoreApplication.translate("ReportView", "审阅"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("reportSplitter")
        self.splitter.addWidget(self.outline)
        self.splitter.addWidget(self.body)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([140, 560, 300])  # refined to the window by ReadingRoom
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.metrics.figure_activated.connect(self.body.highlight)
        self.outline.section_activated.connect(lambda start, end: self.body.highlight(start, end))
        self.annotations.annotation_activated.connect(lambda start, end: self.body.highlight(start, end))
        # Find in this report: a bar under the text (Ctrl+F, F3).
        self.find_bar = FindBar(self.body.text, self.body)
        body_layout = self.body.layout()
        assert body_layout is not None
        body_layout.addWidget(self.find_bar)
        # Kept as attributes: the main window and tests reach the text and header directly.
        self.text = self.body.text
        self.header = self.body.header

    @property
    def report_id(self) -> int | None:
        return self.body.report_id

    @property
    def show_original(self) -> bool:
        return self.body.show_original

    def set_show_original(self, original: bool) -> None:
        self.body.set_show_original(original)

    def set_font_size(self, points: int) -> None:
        self.body.set_font_size(points)

    def clear(self) -> None:
        self.body.clear()
        self.outline.clear()
        self.metrics.clear()
        self.annotations.show_annotations([])

    def show_annotations(self, views: list[AnnotationView]) -> None:
        self.annotations.show_annotations(views)
        spans = [
            (v.start, v.end, v.color or "#999999") for v in views if v.start is not None and v.end is not None
        ]
        self.body.set_annotation_spans(spans)
        self.body.set_annotation_notes(annotation_notes(views))  # shown when hovering a passage
        self.side.setTabText(
            1,
            counted(QCoreApplication.translate("ReportView", "批注"), len(views))
            if views
            else QCoreApplication.translate("ReportView", "批注"),
        )

    def show_report(self, detail: ReportDetail, metrics: ReportMetrics | None = None) -> None:
        self.body.show_report(detail)
        self.outline.show_sections(detail.sections, detail.missing_sections)
        self.metrics.show_metrics(metrics)


def annotation_notes(views: list[AnnotationView]) -> list[tuple[int, int, str]]:
    """Each anchored annotation as the text shown when hovering its passage."""
    notes = []
    for view in views:
        if view.start is None or view.end is None:
            continue
        heading = f"{label(view.category_label)} · {label(view.severity_label)} · {label(view.status_label)}"
        author = view.author or QCoreApplication.translate("AnnotationController", "（未署名）")
        body = view.comment or QCoreApplication.translate("AnnotationController", "（无意见）")
        notes.append((view.start, view.end, f"{heading}\n{body}\n—— {author}"))
    return notes
