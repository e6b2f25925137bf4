"""The comparison's options: which report this one is compared with (its baseline), and what counts
as a change (year-only edits, whitespace and paragraph splits). Shown above the comparison whenever a
report is open, even when it has no prior report, so a baseline can always be chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

if TYPE_CHECKING:
    from desktop.core.baseline import Baselines
    from desktop.core.compare import CompareOptions


class ComparisonOptions(QWidget):
    options_changed = Signal(object)
    """The reviewer changed what counts as a change (a ``CompareOptions``)."""
    baseline_chosen = Signal(object)
    """The reviewer chose another baseline: a report id, None (none) or ``"auto"``."""
    other_baseline_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.baselines: Baselines | None = None
        self._build()

    def _build(self) -> None:
        bar = self
        bar.setObjectName("comparisonOptions")
        label = QLabel(QCoreApplication.translate("ComparisonOptions", "比较对象："), bar)
        self.baseline = QComboBox(bar)
        self.baseline.setObjectName("comparisonBaseline")
        self.baseline.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.baseline.setMinimumContentsLength(20)
        self.baseline.setToolTip(
            QCoreApplication.translate(
                "ComparisonView", "与哪份报告比较；选择会被记录，重新分析或重新导入后仍然有效"
            )
        )
        label.setBuddy(self.baseline)
        self.baseline.activated.connect(self._baseline_activated)
        self.other_baseline = QToolButton(bar)
        self.other_baseline.setObjectName("comparisonOtherBaseline")
        self.other_baseline.setText(QCoreApplication.translate("ComparisonOptions", "其他报告…"))
        self.other_baseline.setToolTip(
            QCoreApplication.translate("ComparisonOptions", "从资料库的全部报告中选择比较对象")
        )
        self.other_baseline.clicked.connect(self.other_baseline_requested)
        self.ignore_years = QCheckBox(QCoreApplication.translate("ComparisonOptions", "忽略年份变化"), bar)
        self.ignore_years.setObjectName("comparisonIgnoreYears")
        self.ignore_years.setToolTip(
            QCoreApplication.translate(
                "ComparisonView", "只改了年份（2023→2024、本年度/上一年度）的句子算作沿用上年，不算改动"
            )
        )
        self.ignore_splits = QCheckBox(QCoreApplication.translate("ComparisonOptions", "忽略空白和分段"), bar)
        self.ignore_splits.setObjectName("comparisonIgnoreSplits")
        self.ignore_splits.setToolTip(
            QCoreApplication.translate("ComparisonOptions", "只是换行、分段或空白不同的文字不算改动")
        )
        for box in (self.ignore_years, self.ignore_splits):
            box.setChecked(True)
            box.toggled.connect(lambda _checked: self.options_changed.emit(self.options()))
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 2)
        row.addWidget(label)
        row.addWidget(self.baseline)
        row.addWidget(self.other_baseline)
        row.addSpacing(16)
        row.addWidget(self.ignore_years)
        row.addWidget(self.ignore_splits)
        row.addStretch(1)
        bar.hide()

    def options(self) -> CompareOptions:
        from desktop.core.compare.options import CompareOptions

        return CompareOptions(
            ignore_years=self.ignore_years.isChecked(), ignore_splits=self.ignore_splits.isChecked()
        )

    def set_options(self, options: CompareOptions) -> None:
        """Show the remembered options (without asking for a new comparison)."""
        for box, value in (
            (self.ignore_years, options.ignore_years),
            (self.ignore_splits, options.ignore_splits),
        ):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)

    def set_baselines(self, choices: Baselines | None) -> None:
        """Fill the baseline list: automatic, the agency's other reports, or none; the current choice selected."""
        from desktop.core.baseline import AUTO

        combo = self.baseline
        combo.blockSignals(True)
        combo.clear()
        self.baselines = choices
        if choices is None:
            self.hide()
            combo.blockSignals(False)
            return
        auto = QCoreApplication.translate("ComparisonOptions", "自动（上一年度）")
        if choices.reason == "same_issuer" and choices.prior_id is not None:
            auto += f" #{choices.prior_id}"
        combo.addItem(auto, AUTO)
        combo.setItemData(
            0,
            QCoreApplication.translate("ComparisonOptions", "自动：同一单位上一年度的报告"),
            Qt.ItemDataRole.ToolTipRole,
        )
        unknown = QCoreApplication.translate("ComparisonOptions", "（单位未识别）")
        for row in choices.candidates:
            year = (
                QCoreApplication.translate("ComparisonOptions", "%1年度").replace("%1", str(row.year))
                if row.year
                else ""
            )
            # The file name tells versions of one report apart (Word, PDF, a corrected copy).
            text = f"#{row.id} {row.agency or unknown} {year}".rstrip() + f" · {row.source_name}"
            combo.addItem(text, row.id)
            combo.setItemData(
                combo.count() - 1, f"{text}\n{row.title or row.source_name}", Qt.ItemDataRole.ToolTipRole
            )
        combo.addItem(QCoreApplication.translate("ComparisonOptions", "不与任何报告比较"), None)
        choice = choices.choice
        index = next((i for i in range(combo.count()) if combo.itemData(i) == choice), 0)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self.show()

    def _baseline_activated(self, index: int) -> None:
        choices = self.baselines
        choice = self.baseline.itemData(index)
        if choices is not None and choice != choices.choice:
            self.baseline_chosen.emit(choice)
