"""Reviewer corrections of report metadata: stored by file hash, flagged, re-applied on re-import."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import models
from db.models import CORRECTABLE_FIELDS
from db.types import utc_now
from desktop.core.agency import identity_of_name
from desktop.core.metadata import parse_iso

FIELD_LABELS = {
    "agency": "报告单位",
    "region": "地区",
    "year": "报告年度",
    "title": "标题",
    "report_date": "成文日期",
    "published_date": "发布日期",
}


class CorrectionError(ValueError):
    """An invalid correction, with a Chinese message."""


def _parse(field: str, value: str | None) -> object:
    if value is None or value.strip() == "":
        return None
    value = value.strip()
    if field == "year":
        if not value.isdigit() or not 1990 <= int(value) <= 2100:
            raise CorrectionError(f"报告年度应为四位数字年份，而不是“{value}”。")
        return int(value)
    if field in ("report_date", "published_date"):
        parsed = parse_iso(value)
        if parsed is None:
            raise CorrectionError(f"日期应写作 YYYY-MM-DD（如 2025-01-20），而不是“{value}”。")
        return parsed
    return value


def _set_field(report: models.Report, field: str, value: object) -> None:
    setattr(report, field, value)
    if field == "agency":
        # A name the reviewer typed or confirmed is confident: it identifies the issuer.
        agency = value if isinstance(value, str) else None
        identity = identity_of_name(agency) if agency else None
        if identity is not None:  # keep what the analysis found, after the reviewer's word
            found = (report.agency_evidence or {}).get("evidence") or []
            identity.evidence += [item for item in found if item.get("source") != "reviewer"]
        report.agency_confident = identity is not None
        report.agency_key = identity.key if identity is not None else None
        report.agency_evidence = identity.as_json() if identity is not None else {}
        if identity is not None and identity.region:
            report.region = identity.region
    if field == "title":
        report.title_generated = False


def correct(
    session: Session,
    report: models.Report,
    field: str,
    value: str | None,
    by: str | None,
    expected_version: int | None = None,
) -> None:
    """Record a correction for ``report`` and apply it at once.

    ``expected_version``: the version of this field's correction the reviewer saw (0: none); if
    another reviewer corrected the field since, ``EditConflict`` is raised and nothing is written."""
    if field not in CORRECTABLE_FIELDS:
        raise CorrectionError(f"字段“{field}”不可修改。可修改：{'、'.join(FIELD_LABELS.values())}。")
    parsed = _parse(field, value)
    row = session.scalar(
        select(models.MetadataCorrection).where(
            models.MetadataCorrection.sha256 == report.sha256, models.MetadataCorrection.field == field
        )
    )
    if expected_version is not None and (row.version if row else 0) != expected_version:
        from desktop.core.annotations.concurrency import EditConflict

        raise EditConflict("correction", field)
    if row is None:
        row = models.MetadataCorrection(sha256=report.sha256, field=field, corrected_at=utc_now())
        session.add(row)
    row.value = value.strip() if value else None
    row.corrected_by = by
    row.corrected_at = utc_now()
    _set_field(report, field, parsed)
    if field in ("agency", "year"):
        from desktop.core.identity_links import supersede_older_versions

        session.flush()
        supersede_older_versions(session, report)


def apply_corrections(session: Session, report: models.Report) -> list[str]:
    """Re-apply stored corrections to a freshly analysed report; returns the corrected fields."""
    rows = session.scalars(
        select(models.MetadataCorrection).where(models.MetadataCorrection.sha256 == report.sha256)
    )
    fields = []
    # The agency first: its identity brings a region, which a region correction then overrides.
    for row in sorted(rows, key=lambda r: r.field != "agency"):
        try:
            _set_field(report, row.field, _parse(row.field, row.value))
        except CorrectionError:
            continue
        fields.append(row.field)
    return fields


def correction_versions(session: Session, sha256: str) -> dict[str, int]:
    """The version of each corrected field (a field not listed: never corrected, version 0)."""
    query = select(models.MetadataCorrection.field, models.MetadataCorrection.version)
    rows = session.execute(query.where(models.MetadataCorrection.sha256 == sha256))
    return {field: version or 1 for field, version in rows}


def corrected_fields(session: Session, sha256: str) -> dict[str, str | None]:
    rows = session.scalars(
        select(models.MetadataCorrection).where(models.MetadataCorrection.sha256 == sha256)
    )
    return {row.field: row.value for row in rows}


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
