"""Review packages (``.rdpkg``) for teams that work offline (Qt-free): export annotations and review
states, with the report files if asked; import and merge them by annotation id; list and settle the
conflicts when both sides edited the same annotation.

Format: :mod:`desktop.core.exchange.package`; merge rules: :mod:`desktop.core.exchange.merge`.
"""

from __future__ import annotations

from desktop.core.exchange.conflicts import (
    ConflictError,
    ConflictView,
    IncomingVersion,
    count_conflicts,
    list_conflicts,
    resolve_conflict,
)
from desktop.core.exchange.export import ExportStats, export_package
from desktop.core.exchange.merge import ImportStats, import_package
from desktop.core.exchange.package import FORMAT, SUFFIX, VERSION, PackageError, content_hash

__all__ = [
    "FORMAT",
    "SUFFIX",
    "VERSION",
    "ConflictError",
    "ConflictView",
    "ExportStats",
    "ImportStats",
    "IncomingVersion",
    "PackageError",
    "content_hash",
    "count_conflicts",
    "export_package",
    "import_package",
    "list_conflicts",
    "resolve_conflict",
]
