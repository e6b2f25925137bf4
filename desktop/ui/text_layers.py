"""A text view's extra selections as named layers, so one kind of highlight never erases another.

Qt keeps a single list of extra selections per text view. The report pane tints annotated passages
and marks a figure or heading; the find bar marks every match. Each writes its own layer here and
the view shows all layers, in a fixed order (find matches on top, so the current match stays visible
over an annotation tint).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTextEdit

ORDER = ("marks", "find")
"""Painting order: later layers paint over earlier ones."""

_ATTRIBUTE = "_reviewdesk_highlight_layers"


class HighlightLayers:
    def __init__(self, edit: QTextEdit) -> None:
        self.edit = edit
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}

    def set(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        if name not in ORDER:
            raise ValueError(f"unknown highlight layer {name!r}")
        self._layers[name] = list(selections)
        self.edit.setExtraSelections([s for layer in ORDER for s in self._layers.get(layer, [])])

    def get(self, name: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._layers.get(name, []))


def highlight_layers(edit: QTextEdit) -> HighlightLayers:
    """The layers of ``edit``, created on first use and kept with the view."""
    layers = getattr(edit, _ATTRIBUTE, None)
    if not isinstance(layers, HighlightLayers):
        layers = HighlightLayers(edit)
        setattr(edit, _ATTRIBUTE, layers)
    return layers
