"""Column widths that fit their titles in every interface language.

A fixed pixel width chosen for a Chinese title (批注, 4 characters' room) cuts its English title
(Annotations); each column gets at least its title's width, with room for the sort indicator.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

SORT_ROOM = 22  # the sort arrow and the section's margins


def fit_titles(header: QHeaderView, widths: dict[int, int] | None = None) -> None:
    """Give each interactive section ``widths[section]`` or its title's width, whichever is larger."""
    model = header.model()
    if model is None:
        return
    metrics = header.fontMetrics()
    for section in range(header.count()):
        if header.sectionResizeMode(section) != QHeaderView.ResizeMode.Interactive:
            continue
        title = str(model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        need = metrics.horizontalAdvance(title) + SORT_ROOM
        header.resizeSection(section, max(need, (widths or {}).get(section, header.sectionSize(section))))
