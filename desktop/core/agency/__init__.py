"""Who issued a report: the division gazetteer, the issuer lexicon, structural parsing of names,
the evidence a report gives, and the resulting identity with its confidence."""

from __future__ import annotations

from desktop.core.agency.identify import SOURCE_LABELS, AgencyIdentity, identify_agency, identity_of_name

__all__ = ["SOURCE_LABELS", "AgencyIdentity", "identify_agency", "identity_of_name"]
