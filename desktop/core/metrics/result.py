"""A report's figures as the core hands them to the CLI and the UI: :class:`ReportMetrics`.

Each :class:`Figure` is one stored figure with the reviewer's decision applied: its metric key (or
None: another number), value and unit, how sure the key is, the sentence it came from (offsets of
the cleaned text) and its span in the original text. ``as_json`` gives the ``reviewdesk metrics
--json`` objects; the window reads the attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.metrics.catalog import Catalog
from desktop.core.metrics.checks import Check
from desktop.core.metrics.extract import Mention
from desktop.core.metrics.sector import Sector


@dataclass(frozen=True)
class FigureReview:
    """The reviewer's decision on a figure (see :class:`desktop.core.metrics.reviews.Decision`)."""

    id: str
    decision: str
    """``confirmed``, ``corrected`` or ``excluded``."""
    label: str
    """The decision in the reviewer's words (已确认 …)."""
    key: str | None
    value: float | None
    """The corrected value (None: the value was not corrected)."""
    extracted_key: str | None
    extracted_value: float | None
    author: str | None
    modified_at: str

    @classmethod
    def of(cls, data: dict[str, Any] | None) -> FigureReview | None:
        if not data:
            return None
        return cls(
            id=str(data.get("id", "")),
            decision=str(data["decision"]),
            label=str(data.get("label") or data["decision"]),
            key=data.get("key"),
            value=data.get("value"),
            extracted_key=data.get("extracted_key"),
            extracted_value=data.get("extracted_value"),
            author=data.get("author"),
            modified_at=str(data.get("modified_at") or ""),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "decision": self.decision,
            "label": self.label,
            "key": self.key,
            "value": self.value,
            "extracted_key": self.extracted_key,
            "extracted_value": self.extracted_value,
            "author": self.author,
            "modified_at": self.modified_at,
        }


@dataclass(frozen=True)
class Figure:
    """One figure of a report, as the reviewer left it."""

    id: int | None
    key: str | None
    """The metric (None: another number, not a metric of the catalog)."""
    label: str
    value: float
    unit: str | None
    confidence: str
    """``sure`` or ``doubtful`` (the key may be wrong)."""
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    sentence: str
    quote: str
    """The clause the figure stands in (shown in lists)."""
    written: str
    """The figure as the report words it (``超过10万人``)."""
    fact: bool
    """Whether the memo and the summary may state it (keyed, not excluded, sure or confirmed)."""
    original_start: int
    original_end: int
    qualifier: str | None = None
    low: float | None = None
    high: float | None = None
    section_kind: str | None = None
    doubt: str | None = None
    """Why the key is doubtful, for the reviewer."""
    review: FigureReview | None = None

    @classmethod
    def of(cls, mention: Mention, original: tuple[int, int]) -> Figure:
        return cls(
            id=mention.id,
            key=mention.key,
            label=mention.label,
            value=mention.value,
            unit=mention.unit,
            confidence=mention.confidence,
            start=mention.start,
            end=mention.end,
            sentence_start=mention.sentence_start,
            sentence_end=mention.sentence_end,
            sentence=mention.sentence,
            quote=mention.quote,
            written=mention.written,
            fact=mention.is_fact,
            original_start=original[0],
            original_end=original[1],
            qualifier=mention.qualifier,
            low=mention.low,
            high=mention.high,
            section_kind=mention.section_kind,
            doubt=mention.doubt,
            review=FigureReview.of(mention.review),
        )

    @property
    def decision(self) -> str | None:
        return self.review.decision if self.review else None

    @property
    def excluded(self) -> bool:
        return self.decision == "excluded"

    @property
    def doubtful(self) -> bool:
        """A keyed figure the memo leaves out until the reviewer confirms it."""
        return bool(self.key) and not self.fact and not self.excluded

    @property
    def sentence_span(self) -> tuple[int, int]:
        return self.sentence_start, self.sentence_end

    def as_mention(self) -> Mention:
        return Mention(
            key=self.key,
            label=self.label,
            value=self.value,
            unit=self.unit,
            qualifier=self.qualifier,
            low=self.low,
            high=self.high,
            start=self.start,
            end=self.end,
            sentence=self.sentence,
            sentence_start=self.sentence_start,
            sentence_end=self.sentence_end,
            quote=self.quote,
            section_kind=self.section_kind,
            confidence=self.confidence,
            doubt=self.doubt,
            written=self.written,
            id=self.id,
            review=self.review.as_json() if self.review else None,
        )

    def as_json(self) -> dict[str, Any]:
        data = self.as_mention().as_json()
        data["fact"] = self.fact
        data["original_start"], data["original_end"] = self.original_start, self.original_end
        return data


@dataclass(frozen=True)
class SectorPack:
    pack: str
    label: str
    from_text: bool
    """Chosen from the wording alone (no issuer name behind it): its figures are doubtful."""


@dataclass(frozen=True)
class SectorView:
    """Which kind of issuer wrote the report, and the sector packs its figures were read with."""

    issuer_type: str | None
    type_source: str
    packs: tuple[SectorPack, ...]

    @classmethod
    def of(cls, sector: Sector, catalog: Catalog) -> SectorView:
        packs = tuple(
            SectorPack(pack, catalog.packs[pack].label, pack in sector.from_text)
            for pack in sector.packs
            if pack in catalog.packs
        )
        return cls(sector.issuer_type, sector.type_source, packs)

    def as_json(self) -> dict[str, Any]:
        return {
            "issuer_type": self.issuer_type,
            "type_source": self.type_source,
            "packs": [{"pack": p.pack, "label": p.label, "from_text": p.from_text} for p in self.packs],
        }


@dataclass(frozen=True)
class ReportMetrics:
    """Every figure of a report (excluded ones too) and the checks on those the reviewer kept."""

    report_id: int
    sector: SectorView
    figures: tuple[Figure, ...]
    checks: tuple[Check, ...]

    def figure(self, figure_id: int) -> Figure | None:
        return next((f for f in self.figures if f.id == figure_id), None)

    @property
    def doubtful(self) -> int:
        """Keyed figures waiting for the reviewer's confirmation."""
        return sum(1 for f in self.figures if f.doubtful)

    def as_json(self) -> dict[str, Any]:
        """The ``reviewdesk metrics --json`` object."""
        return {
            "report_id": self.report_id,
            "sector": self.sector.as_json(),
            "metrics": [f.as_json() for f in self.figures],
            "checks": [c.as_json() for c in self.checks],
        }
