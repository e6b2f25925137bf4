"""One report as the core hands it to the CLI and the UI: :class:`ReportDetail`.

The facts the header shows (title, agency and how sure it is, year, dates, source), the outline,
what is missing, the warnings, the identity links the reviewer may confirm (versions, the
prior-year report), and both texts. ``as_json`` gives the ``reviewdesk show --json`` object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SectionInfo:
    """A heading of the report's outline; offsets of the cleaned text."""

    level: int
    number: str
    title: str
    kind: str
    start: int
    end: int
    heading_end: int

    def as_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "number": self.number,
            "title": self.title,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "heading_end": self.heading_end,
        }


@dataclass(frozen=True)
class ReportRef:
    """Another report named in this one's facts (``#12 示例县司法局 2023``)."""

    id: int
    label: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label}


@dataclass(frozen=True)
class PriorLink(ReportRef):
    """The report this one is compared with, and why."""

    reason: str | None = None
    """``chosen`` (the reviewer chose it) or ``same_issuer`` (the same sure agency, the year before)."""

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "reason": self.reason}


@dataclass(frozen=True)
class IdentityFacts:
    """Versions and the prior-year pairing of a report, and what the reviewer is asked to confirm."""

    agency_suggestion: str | None
    prior: PriorLink | None
    paired_next: tuple[ReportRef, ...]
    """Reports of the year after that are compared with this one."""
    possible_versions: tuple[ReportRef, ...]
    possible_priors: tuple[ReportRef, ...]
    superseded: bool = False
    superseded_by_report: ReportRef | None = None
    """The newer version (when :attr:`superseded`; None if it left the library)."""

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "agency_suggestion": self.agency_suggestion,
            "prior": self.prior.as_json() if self.prior else None,
            "paired_next": [r.as_json() for r in self.paired_next],
            "possible_versions": [r.as_json() for r in self.possible_versions],
            "possible_priors": [r.as_json() for r in self.possible_priors],
        }
        if self.superseded:
            newer = self.superseded_by_report
            data["superseded_by_report"] = newer.as_json() if newer else None
        return data


@dataclass(frozen=True)
class ReportDetail:
    id: int
    agency: str | None
    agency_confident: bool
    agency_kind: str | None
    agency_note: str | None
    """Why the agency is unsure (None when it is sure)."""
    agency_evidence: tuple[Any, ...]
    region: str | None
    year: int | None
    title: str | None
    title_generated: bool
    date: str | None
    published: str | None
    written_date: str | None
    source_name: str
    source_format: str
    sha256: str
    size: int
    current: bool
    superseded_by: int | None
    is_annual_report: bool
    corrected_fields: tuple[str, ...]
    imported_at: str
    sections: tuple[SectionInfo, ...]
    missing_sections: tuple[str, ...]
    warnings: tuple[str, ...]
    source_metadata: dict[str, Any]
    identity: IdentityFacts
    text: str
    original_text: str

    @property
    def agency_suggestion(self) -> str | None:
        return self.identity.agency_suggestion

    def as_json(self, with_text: bool = True) -> dict[str, Any]:
        """The ``reviewdesk show --json`` object (``with_text=False``: without both texts)."""
        data: dict[str, Any] = {
            "id": self.id,
            "agency": self.agency,
            "agency_confident": self.agency_confident,
            "agency_kind": self.agency_kind,
            "agency_note": self.agency_note,
            "agency_suggestion": None,
            "agency_evidence": list(self.agency_evidence),
            "region": self.region,
            "year": self.year,
            "title": self.title,
            "title_generated": self.title_generated,
            "date": self.date,
            "published": self.published,
            "written_date": self.written_date,
            "source_name": self.source_name,
            "source_format": self.source_format,
            "sha256": self.sha256,
            "size": self.size,
            "current": self.current,
            "superseded_by": self.superseded_by,
            "is_annual_report": self.is_annual_report,
            "corrected_fields": list(self.corrected_fields),
            "imported_at": self.imported_at,
            "sections": [s.as_json() for s in self.sections],
            "missing_sections": list(self.missing_sections),
            "warnings": list(self.warnings),
            "source_metadata": dict(self.source_metadata),
            **self.identity.as_json(),
        }
        if with_text:
            data["text"] = self.text
            data["original_text"] = self.original_text
        return data
