"""Correcting one figure: the metric it counts (or none) and its value."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.metrics.catalog import CORE, Catalog
from desktop.ui.labels import label


class FigureDialog(QDialog):
    """Shows the figure's clause and lets the reviewer choose the key and type the value."""

    def __init__(self, figure: dict[str, Any], catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureDialog")
        self.setWindowTitle(QCoreApplication.translate("FigureDialog", "更正数字"))
        self.figure = figure
        quote = str(figure.get("quote") or "")
        quote_label = QLabel(f"“{quote if len(quote) <= 120 else quote[:120] + '…'}”", self)
        quote_label.setWordWrap(True)
        quote_label.setStyleSheet("color:#555")
        self.key = QComboBox(self)
        self.key.setObjectName("figureKey")
        self.key.addItem(QCoreApplication.translate("FigureDialog", "（不是指标：其他数字）"), "")
        kinds = catalog.all_kinds
        packs = {name: label(pack.label) for name, pack in catalog.packs.items()}
        for key, kind in sorted(
            kinds.items(), key=lambda item: (item[1].pack != CORE, item[1].pack, item[0])
        ):
            suffix = "" if kind.pack == CORE else f"〔{packs.get(kind.pack, kind.pack)}〕"
            self.key.addItem(f"{label(kind.label)}{suffix} ({key})", key)
        self.key.setCurrentIndex(max(0, self.key.findData(figure.get("key") or "")))
        self.value = QLineEdit(self)
        self.value.setObjectName("figureValue")
        validator = QDoubleValidator(self)
        validator.setLocale(QLocale.c())
        self.value.setValidator(validator)
        self.value.setText(_number(figure.get("value")))
        unit = QLabel(str(figure.get("unit") or ""), self)
        form = QFormLayout()
        form.addRow(
            QCoreApplication.translate("FigureDialog", "原文写作"),
            QLabel(str(figure.get("written") or ""), self),
        )
        form.addRow(QCoreApplication.translate("FigureDialog", "指标"), self.key)
        form.addRow(QCoreApplication.translate("FigureDialog", "数值"), self.value)
        form.addRow("", unit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(quote_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def values(self) -> tuple[str | None, float | None]:
        """(key, value) that changed: a key ("" for "no metric") and/or a value; None for unchanged."""
        key = str(self.key.currentData())
        new_key = key if key != (self.figure.get("key") or "") else None
        try:
            value: float | None = float(self.value.text())
        except ValueError:
            value = None
        if (
            value is not None
            and self.figure.get("value") is not None
            and value == float(self.figure["value"])
        ):
            value = None
        return new_key, value


def _number(value: Any) -> str:
    if value is None:
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"
