"""The library schema (typed SQLAlchemy 2.0 declarative). Every change goes through Alembic."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, deferred, mapped_column, relationship

from db.types import UtcDateTime


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[str]: JSON,
        date: Date,
        datetime: UtcDateTime,  # timezone-aware, stored in UTC
    }


def _clip_to_columns(mapper: Mapper[Any], _connection: Any, target: Base) -> None:
    """Clip text longer than its column (a broken page's whole body taken for its title): a server
    refuses it where a library file would keep it, and the same file must import on both."""
    for attribute in mapper.column_attrs:
        length = getattr(attribute.columns[0].type, "length", None)
        value = target.__dict__.get(attribute.key)
        if length and isinstance(value, str) and len(value) > length:
            setattr(target, attribute.key, value[: length - 1] + "…")


event.listen(Base, "before_insert", _clip_to_columns, propagate=True)
event.listen(Base, "before_update", _clip_to_columns, propagate=True)


class Report(Base):
    """One imported file: a version of one agency's report for one year."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency: Mapped[str | None] = mapped_column(String(200))
    agency_key: Mapped[str | None] = mapped_column(String(200), index=True)
    region: Mapped[str | None] = mapped_column(String(100))
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    title: Mapped[str | None] = mapped_column(String(500))
    title_generated: Mapped[bool] = mapped_column(default=False)
    report_date: Mapped[date | None]
    published_date: Mapped[date | None]
    written_date: Mapped[date | None]
    source_name: Mapped[str] = mapped_column(String(500))
    source_format: Mapped[str] = mapped_column(String(10))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    is_annual_report: Mapped[bool] = mapped_column(default=True)
    original_text: Mapped[str] = deferred(mapped_column(Text))
    clean_text: Mapped[str] = deferred(mapped_column(Text))
    offset_map: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    missing_sections: Mapped[list[str]] = mapped_column(default=list)
    warnings: Mapped[list[str]] = mapped_column(default=list)
    source_metadata: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """What the container said (web-page info table, Word properties, encoding), as text."""
    pipeline_version: Mapped[int] = mapped_column(Integer, default=1)
    imported_at: Mapped[datetime]
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="SET NULL"))
    agency_confident: Mapped[bool] = mapped_column(default=False)
    """The agency was stated by the report and resolved, or confirmed by the reviewer. Only then is
    ``agency_key`` set, and only the key drives superseding and prior-year pairing."""
    agency_evidence: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=dict)
    """How the agency was found: evidence used, suggestion, why unsure (``AgencyIdentity.as_json``)."""

    file: Mapped[ReportFile] = relationship(
        back_populates="report", cascade="all, delete-orphan", lazy="raise", uselist=False
    )
    sections: Mapped[list[Section]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="Section.ordinal"
    )
    metrics: Mapped[list[MetricMention]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="MetricMention.ordinal"
    )

    @property
    def is_current(self) -> bool:
        return self.superseded_by_id is None


class ReportFile(Base):
    """The original bytes, kept apart so listing reports never loads them."""

    __tablename__ = "report_files"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)

    report: Mapped[Report] = relationship(back_populates="file")


class Section(Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    covers: Mapped[list[str]] = mapped_column(default=list)
    start: Mapped[int] = mapped_column("start_pos", Integer)
    end: Mapped[int] = mapped_column("end_pos", Integer)
    heading_end: Mapped[int] = mapped_column(Integer)

    report: Mapped[Report] = relationship(back_populates="sections")


class MetricMention(Base):
    """One figure of a report, as the metric catalog classified it (``key`` None: other figures)."""

    __tablename__ = "metric_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    key: Mapped[str | None] = mapped_column(String(40), index=True)
    label: Mapped[str] = mapped_column(String(80))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(20))
    qualifier: Mapped[str | None] = mapped_column(String(10))
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    start: Mapped[int] = mapped_column("start_pos", Integer)
    end: Mapped[int] = mapped_column("end_pos", Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    section_kind: Mapped[str | None] = mapped_column(String(20))
    confidence: Mapped[str] = mapped_column(String(10), default="sure", server_default="sure")
    """``sure`` or ``doubtful``: a doubtful key is not stated as fact until the reviewer confirms it."""
    doubt: Mapped[str | None] = mapped_column(Text)
    written: Mapped[str] = mapped_column(String(80), default="", server_default="")
    """The figure as the report words it (``超过10万人``)."""

    report: Mapped[Report] = relationship(back_populates="metrics")


class FigureReview(Base):
    """A reviewer's decision on one extracted figure: confirmed, corrected (key and/or value) or excluded.

    Stored apart from the figures, which are recomputed whenever the text or the catalog changes, and
    anchored like an annotation (the figure's words with context, offsets and the text's hash), keyed
    by the file's sha256: the decision finds its figure again after re-processing and re-import.
    """

    __tablename__ = "figure_reviews"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    report_sha256: Mapped[str] = mapped_column(String(64), index=True)
    decision: Mapped[str] = mapped_column(String(20))
    key: Mapped[str | None] = mapped_column(String(40))
    """The corrected key (None: the key was not corrected)."""
    value: Mapped[float | None] = mapped_column(Float)
    """The corrected value (None: the value was not corrected)."""
    extracted_key: Mapped[str | None] = mapped_column(String(40))
    extracted_value: Mapped[float] = mapped_column(Float)
    quote_exact: Mapped[str] = mapped_column(Text)
    quote_prefix: Mapped[str] = mapped_column(Text, default="")
    quote_suffix: Mapped[str] = mapped_column(Text, default="")
    position_start: Mapped[int] = mapped_column(Integer)
    position_end: Mapped[int] = mapped_column(Integer)
    text_hash: Mapped[str] = mapped_column(String(64))
    author: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime]
    modified_at: Mapped[datetime]


class ComparisonSummary(Base):
    """The outcome of comparing a report with its prior-year report, for the library list."""

    __tablename__ = "comparison_summaries"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    prior_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="SET NULL"))
    carried_over: Mapped[float | None] = mapped_column(Float)
    flagged: Mapped[list[str]] = mapped_column(default=list)
    """Kinds of the parts carried over by half or more (shortcomings, next_year)."""
    computed_at: Mapped[datetime]


class LibrarySetting(Base):
    """Facts about the library itself, e.g. which metric catalog its stored figures came from."""

    __tablename__ = "library_settings"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class MetadataCorrection(Base):
    """A reviewer's correction of a metadata field, keyed by the file's sha256.

    Keyed by content rather than by report id, so it survives re-processing and even deleting
    and importing the same file again.
    """

    __tablename__ = "metadata_corrections"
    __table_args__ = (UniqueConstraint("sha256", "field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    field: Mapped[str] = mapped_column(String(40))
    value: Mapped[str | None] = mapped_column(Text)
    corrected_by: Mapped[str | None] = mapped_column(String(100))
    corrected_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    """Optimistic lock: a save based on an older version fails instead of overwriting (team libraries)."""

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (SQLAlchemy reads it once)


class ReportLink(Base):
    """A reviewer's decision about two reports, keyed by the files' sha256 so that it survives
    re-processing, deleting and importing again.

    ``kind`` ``version``: ``other_sha256`` is an earlier version of ``sha256`` (it is superseded);
    ``prior``: ``other_sha256`` is the report ``sha256`` is compared with as its prior year ("" for
    "compare with none"). ``decision`` is ``confirmed`` or ``rejected``.
    """

    __tablename__ = "report_links"
    __table_args__ = (UniqueConstraint("kind", "sha256", "other_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    other_sha256: Mapped[str] = mapped_column(String(64), index=True)
    decision: Mapped[str] = mapped_column(String(20))
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime]


CORRECTABLE_FIELDS = ("agency", "region", "year", "title", "report_date", "published_date")


class Annotation(Base):
    """A reviewer's comment on a passage of a report's cleaned text (W3C Web Annotation selectors).

    Identified by a UUID so annotations can be exchanged between libraries, and tied to the file's
    sha256 as well as its report: deleting the report only detaches it (``report_id`` NULL) until
    the same file is imported again. The quote and context outlive text changes; the positions are
    valid for the text whose hash is ``text_hash`` (see ``desktop.core.annotations``).
    """

    __tablename__ = "annotations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="SET NULL"), index=True)
    report_sha256: Mapped[str] = mapped_column(String(64), index=True)
    category: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime]
    modified_at: Mapped[datetime]
    quote_exact: Mapped[str] = mapped_column(Text)
    quote_prefix: Mapped[str] = mapped_column(Text, default="")
    quote_suffix: Mapped[str] = mapped_column(Text, default="")
    position_start: Mapped[int] = mapped_column(Integer)
    position_end: Mapped[int] = mapped_column(Integer)
    text_hash: Mapped[str] = mapped_column(String(64))
    orphan: Mapped[bool] = mapped_column(default=False)
    rule: Mapped[str | None] = mapped_column(String(40))
    """The finding rule this annotation was accepted from (None: the reviewer's own)."""
    sync_hashes: Mapped[list[str] | None] = mapped_column(JSON)
    """Content hashes this annotation had when it was exported or imported (oldest first; None: never
    exchanged). They tell a newer version from an older one in review packages
    (:mod:`desktop.core.exchange.merge`)."""
    modified_by: Mapped[str | None] = mapped_column(String(100))
    """The reviewer who saved the last change (``author`` wrote it first)."""
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    """Optimistic lock: a save based on an older version fails instead of overwriting (team libraries)."""

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (SQLAlchemy reads it once)


class AnnotationConflict(Base):
    """A version of an annotation from a review package that was edited on both sides.

    The local annotation is kept as it is until the reviewer chooses one side; ``incoming`` holds the
    package's version (content fields, modified time and sync history), ``source`` the package name.
    """

    __tablename__ = "annotation_conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    annotation_id: Mapped[str] = mapped_column(ForeignKey("annotations.id", ondelete="CASCADE"), unique=True)
    incoming: Mapped[dict[str, Any]] = mapped_column(default=dict)
    incoming_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(500), default="")
    detected_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(20), default="package", server_default="package")
    """``package``: from a review package; ``edit``: a save that lost a race with another reviewer's
    (``incoming`` is the unsaved version, ``source`` its reviewer)."""


class ReviewState(Base):
    """Where the review of one report stands (no row: not reviewed yet)."""

    __tablename__ = "review_states"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), default="unreviewed")
    reviewer: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[datetime]
    conclusion: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    """Optimistic lock: a save based on an older version fails instead of overwriting (team libraries)."""

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (SQLAlchemy reads it once)


class FindingDecision(Base):
    """A reviewer's decision on a proposed finding: ``accepted`` (it became an annotation) or ``dismissed``.

    Findings are recomputed whenever they are shown, so the decision is what is kept: tied to the
    file's sha256 (re-processing, re-import), to the agency and year (a new version of the report)
    and anchored like an annotation (quote, context, position), so it finds its finding again when
    the text changes.
    """

    __tablename__ = "finding_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="SET NULL"), index=True)
    report_sha256: Mapped[str] = mapped_column(String(64), index=True)
    agency_key: Mapped[str | None] = mapped_column(String(200), index=True)
    year: Mapped[int | None] = mapped_column(Integer)
    finding_id: Mapped[str] = mapped_column(String(80))
    rule: Mapped[str] = mapped_column(String(40))
    finding_key: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text, default="")
    quote_exact: Mapped[str] = mapped_column(Text, default="")
    quote_prefix: Mapped[str] = mapped_column(Text, default="")
    quote_suffix: Mapped[str] = mapped_column(Text, default="")
    position_start: Mapped[int | None] = mapped_column(Integer)
    position_end: Mapped[int | None] = mapped_column(Integer)
    text_hash: Mapped[str] = mapped_column(String(64), default="")
    annotation_id: Mapped[str | None] = mapped_column(ForeignKey("annotations.id", ondelete="SET NULL"))
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime]


class VersionCarry(Base):
    """The review of earlier versions carried to a newer version of one report, as one undoable step.

    ``moves`` records, for every annotation, review state, figure decision and finding decision that
    moved, where it was before and the version it had after the move: undoing puts each back only if
    nobody changed it since (see ``desktop.core.annotations.carry``). ``summary`` is what the import
    summary said (counts, the status and conclusion carried).
    """

    __tablename__ = "version_carries"

    id: Mapped[int] = mapped_column(primary_key=True)
    newer_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    newer_sha256: Mapped[str] = mapped_column(String(64))
    older_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    older_sha256s: Mapped[list[str]] = mapped_column(default=list)
    moves: Mapped[dict[str, Any]] = mapped_column(default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    carried_by: Mapped[str | None] = mapped_column(String(100))
    carried_at: Mapped[datetime]
    undone_by: Mapped[str | None] = mapped_column(String(100))
    undone_at: Mapped[datetime | None]


class BinnedReport(Base):
    """A report moved to the bin: its original file and what restoring it needs, until the bin is emptied.

    Binning removes the report from the library as deleting does (so no list, search, summary,
    overview or pairing sees it; its annotations stay, detached, keyed by the file's sha256); the
    bytes stay here, and restoring imports them again under the same id when it is free, with the
    review state, version links and import time saved in ``saved``.
    """

    __tablename__ = "report_bin"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(Integer, index=True)
    """The id the report had (restoring gives it back when no other report has taken it)."""
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_name: Mapped[str] = mapped_column(String(500))
    source_format: Mapped[str] = mapped_column(String(10))
    size: Mapped[int] = mapped_column(Integer)
    agency: Mapped[str | None] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(String(500))
    imported_at: Mapped[datetime]
    binned_at: Mapped[datetime]
    binned_by: Mapped[str | None] = mapped_column(String(100))
    saved: Mapped[dict[str, Any]] = mapped_column(default=dict)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
