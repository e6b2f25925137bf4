"""The sample library: a made-up agency's reports for two years, shipped in ``resources/samples``."""

from __future__ import annotations

from pathlib import Path

from desktop.core.resources import resource

SAMPLE_SUFFIXES = (".docx", ".pdf", ".txt")


def sample_files() -> list[Path]:
    """The built sample reports (one file per format and year), sorted for a stable order."""
    folder = Path(str(resource("samples")))
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in SAMPLE_SUFFIXES and p.name.startswith("shili_"))


def first_start_samples() -> list[Path]:
    """The files offered on first start: one version per year (the .docx), so nothing is superseded."""
    return [p for p in sample_files() if p.suffix == ".docx"]
