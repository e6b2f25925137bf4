"""What an operation changed, and the app-wide bus that announces it.

Every write from the UI ends with a :class:`Changes` notice on the :class:`ChangeBus`; the library
list, the panels and the counts observe the bus and reload what concerns them, so no action has
to know (and refresh by hand) everything that shows its data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Changes:
    """The kinds of stored data an operation changed (``report_ids``: which reports; empty: any)."""

    reports: bool = False
    """Reports added, removed or corrected (the library list and its columns)."""
    annotations: bool = False
    review: bool = False
    """A report's review status or conclusion."""
    figures: bool = False
    findings: bool = False
    links: bool = False
    """Prior-year pairings and versions of a report."""
    report_ids: frozenset[int] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        flags = {f.name: getattr(self, f.name) or getattr(other, f.name) for f in _FLAGS}
        ids = (
            frozenset() if not self.report_ids or not other.report_ids else self.report_ids | other.report_ids
        )
        return replace(self, **flags, report_ids=ids)

    @property
    def anything(self) -> bool:
        return any(getattr(self, f.name) for f in _FLAGS)

    @property
    def listed(self) -> bool:
        """Whether the library list shows something that changed (its columns and counts)."""
        return self.reports or self.annotations or self.review or self.links or self.findings

    def concerns(self, report_id: int | None) -> bool:
        """Whether the change may concern ``report_id`` (a change of unknown reports concerns all)."""
        return report_id is not None and (not self.report_ids or report_id in self.report_ids)

    @staticmethod
    def of(report_id: int | None, **kinds: bool) -> Changes:
        return Changes(**kinds, report_ids=frozenset() if report_id is None else frozenset({report_id}))


_FLAGS = [f for f in fields(Changes) if f.name != "report_ids"]


class ChangeBus(QObject):
    """Announces stored changes; emitted on the GUI thread, only after the commit."""

    changed = Signal(object, object)
    """(changes, initiator): the initiator may skip what it already shows."""

    def notify(self, changes: Changes, initiator: object | None = None) -> None:
        if changes.anything:
            self.changed.emit(changes, initiator)
