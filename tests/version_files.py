"""Report files of made-up issuers in several formats, and corrected versions of them, for the tests
of versions, carried reviews and the bin (real files: Word written by python-docx, a saved web page,
plain text)."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from tests.findings_texts import Report

CONFIDENT = ("青石县司法局", "临江市公安局滨河区分局", "示例省教育厅")
"""Issuers whose name places them (county, city district, province): their identity is confident."""

QUOTE = "开展案卷评查2次，评查案卷60卷"
"""A passage every version keeps (an annotation on it re-anchors)."""
GONE = "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度"
"""A passage the corrected version drops (an annotation on it becomes an orphan)."""


def report_text(agency: str, year: int = 2024, corrected: bool = False) -> str:
    """The report; ``corrected``: a figure changed and a sentence dropped, as an issuer's re-issue."""
    # Dated after 1 March: the late-report finding gives the reviewer something to decide on.
    text = Report(agency=agency, year=year).text().replace("年1月15日", "年3月20日")
    if corrected:
        text = text.replace("参训150人次", "参训165人次").replace(GONE + "。", "")
    return text


def as_docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_html(text: str) -> bytes:
    lines = text.splitlines()
    body = "".join(f"<p>{line}</p>" for line in lines)
    page = (
        f'<html><head><meta charset="utf-8"><title>{lines[0]}</title></head>'
        f'<body><div class="article">{body}</div></body></html>'
    )
    return page.encode("utf-8")


def write(folder: Path, name: str, text: str) -> Path:
    """``text`` as the file ``name`` (its format by the extension)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    suffix = path.suffix.lower()
    if suffix == ".docx":
        path.write_bytes(as_docx(text))
    elif suffix == ".html":
        path.write_bytes(as_html(text))
    else:
        path.write_text(text, encoding="utf-8")
    return path
