"""What a review package may bring in: only values of the reviewer's taxonomy.

An annotation's category, severity and status must be keys of the taxonomy in effect (or one of
its labels, Chinese or English, which are mapped to the key). Anything else (``<script>``, a
made-up category, severity ``致命``, status ``closed?``) is not stored as written: the category
becomes 其他 (``other``) when the taxonomy has it, the severity its default, the status its first;
when there is nowhere to map a category, the package is refused. Each mapping is reported.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from desktop.core.annotations.taxonomy import Taxonomy, Term
from desktop.core.annotations.workflow import REVIEW_STATUSES, REVIEW_STATUSES_EN

FALLBACK_CATEGORY = "other"
_SHOWN = 3


class TaxonomyRefused(ValueError):
    """A value that cannot be mapped into the taxonomy (Chinese message)."""


@dataclass
class TaxonomyCheck:
    """Maps incoming values to taxonomy keys and remembers what had to be changed."""

    taxonomy: Taxonomy
    mapped: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    """what (问题类别/严重程度/处理状态) → incoming value → how many annotations had it."""
    targets: dict[str, str] = field(default_factory=dict)
    """what → the key such values became."""

    def category(self, value: str) -> str:
        found = _resolve(self.taxonomy.categories, value)
        if found is not None:
            return found
        if any(term.key == FALLBACK_CATEGORY for term in self.taxonomy.categories):
            return self._note("问题类别", value, FALLBACK_CATEGORY)
        raise TaxonomyRefused(
            f"审阅包中的问题类别“{_safe(value)}”不在本机的问题分类表中，且分类表没有“其他”类别可以归入。"
            "请在分类表中加入该类别后再导入；未导入任何内容。"
        )

    def severity(self, value: str) -> str:
        found = _resolve(self.taxonomy.severities, value)
        return found if found is not None else self._note("严重程度", value, self.taxonomy.default_severity)

    def status(self, value: str) -> str:
        found = _resolve(self.taxonomy.statuses, value)
        return found if found is not None else self._note("处理状态", value, self.taxonomy.default_status)

    def _note(self, what: str, value: str, key: str) -> str:
        counts = self.mapped[what]
        counts[value] = counts.get(value, 0) + 1
        self.targets[what] = key
        return key

    def notes(self) -> list[str]:
        """One Chinese line per kind of value that was mapped."""
        lines = []
        for what, counts in self.mapped.items():
            target = _label(self.taxonomy, what, self.targets[what])
            values = "、".join(f"“{_safe(v)}”" for v in list(counts)[:_SHOWN])
            more = f"等 {len(counts)} 种" if len(counts) > _SHOWN else ""
            total = sum(counts.values())
            lines.append(
                f"{total} 条批注的{what}（{values}{more}）不在本机的分类表中，已改为“{target}”。请核对这些批注。"
            )
        return lines


def review_status(value: str) -> str | None:
    """A review state's status key from its key or label, else ``None`` (that state is skipped)."""
    wanted = value.strip()
    for key, label in REVIEW_STATUSES.items():
        if wanted in (key, label) or wanted.casefold() == REVIEW_STATUSES_EN[key].casefold():
            return key
    return None


def _resolve(terms: tuple[Term, ...], value: str) -> str | None:
    wanted = value.strip()
    for term in terms:
        if wanted in (term.key, term.label) or wanted.casefold() == term.label_en.casefold():
            return term.key
    return None


def _label(taxonomy: Taxonomy, what: str, key: str) -> str:
    terms = {"问题类别": taxonomy.categories, "严重程度": taxonomy.severities, "处理状态": taxonomy.statuses}
    try:
        return next(t.label for t in terms[what] if t.key == key)
    except (KeyError, StopIteration):
        return key


def _safe(value: str) -> str:
    """A value as it may be shown in a message: short, one line, no control characters."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in value)
    return cleaned[:20] + ("…" if len(cleaned) > 20 else "")
