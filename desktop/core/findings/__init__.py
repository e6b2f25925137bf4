"""Pre-review findings (Qt-free): rules that propose what a careful reviewer would mark.

- :mod:`.model` — :class:`Finding` and :class:`ReportFacts`;
- :mod:`.inputs` — the one adapter from sections, metadata, figure checks and the comparison;
- :mod:`.rules` — the rules by stable id, configured in ``resources/findings.json``
  (:mod:`.config`, a user file in the data folder overrides it);
- :mod:`.engine` — runs the enabled rules;
- :mod:`.decisions` and :mod:`.service` — accept (→ an annotation) and dismiss, kept across
  re-processing, re-import and new versions.
"""
