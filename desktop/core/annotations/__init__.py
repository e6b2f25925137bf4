"""Reviewer annotations (Qt-free): a configurable taxonomy, W3C-style anchoring that survives text
changes, the store on the library's session, re-anchoring, and each report's review state.

The UI and the CLI import from here; see :mod:`desktop.core.annotations.reanchor` for where the
import and re-processing pipeline must call :func:`reanchor_report` and :func:`attach_orphans_by_sha`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.annotations.anchoring import (
        CONTEXT_CHARS,
        MIN_FUZZY_SCORE,
        Selectors,
        anchor,
        make_selectors,
        occurrences,
        text_hash,
    )
    from desktop.core.annotations.reanchor import (
        ReanchorSummary,
        attach_orphans_by_sha,
        reanchor_report,
        reanchor_reports,
    )
    from desktop.core.annotations.review import (
        REVIEW_STATUSES,
        ReviewStateView,
        get_review_state,
        resolve_review_status,
        review_statuses,
        set_review_state,
    )
    from desktop.core.annotations.store import (
        AnnotationView,
        annotation_view,
        create_annotation,
        delete_annotation,
        detached_annotations,
        edit_annotation,
        find_quote,
        get_annotation,
        list_annotations,
    )
    from desktop.core.annotations.taxonomy import (
        USER_TAXONOMY_NAME,
        AnnotationError,
        Taxonomy,
        TaxonomyError,
        Term,
        default_taxonomy,
        load_taxonomy,
    )

# Loaded on first use: the window imports the taxonomy before anything needs the ORM-backed store.
_MODULES = {
    "AnnotationError": "taxonomy",
    "AnnotationView": "store",
    "CONTEXT_CHARS": "anchoring",
    "MIN_FUZZY_SCORE": "anchoring",
    "REVIEW_STATUSES": "workflow",
    "ReanchorSummary": "reanchor",
    "ReviewStateView": "review",
    "Selectors": "anchoring",
    "Taxonomy": "taxonomy",
    "TaxonomyError": "taxonomy",
    "Term": "taxonomy",
    "USER_TAXONOMY_NAME": "taxonomy",
    "anchor": "anchoring",
    "annotation_view": "store",
    "attach_orphans_by_sha": "reanchor",
    "create_annotation": "store",
    "default_taxonomy": "taxonomy",
    "delete_annotation": "store",
    "detached_annotations": "store",
    "edit_annotation": "store",
    "find_quote": "store",
    "get_annotation": "store",
    "get_review_state": "review",
    "list_annotations": "store",
    "load_taxonomy": "taxonomy",
    "make_selectors": "anchoring",
    "occurrences": "anchoring",
    "reanchor_report": "reanchor",
    "reanchor_reports": "reanchor",
    "resolve_review_status": "review",
    "review_statuses": "review",
    "set_review_state": "review",
    "text_hash": "anchoring",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "CONTEXT_CHARS",
    "MIN_FUZZY_SCORE",
    "REVIEW_STATUSES",
    "USER_TAXONOMY_NAME",
    "AnnotationError",
    "AnnotationView",
    "ReanchorSummary",
    "ReviewStateView",
    "Selectors",
    "Taxonomy",
    "TaxonomyError",
    "Term",
    "anchor",
    "annotation_view",
    "attach_orphans_by_sha",
    "create_annotation",
    "default_taxonomy",
    "delete_annotation",
    "detached_annotations",
    "edit_annotation",
    "find_quote",
    "get_annotation",
    "get_review_state",
    "list_annotations",
    "load_taxonomy",
    "make_selectors",
    "occurrences",
    "reanchor_report",
    "reanchor_reports",
    "resolve_review_status",
    "review_statuses",
    "set_review_state",
    "text_hash",
]
