"""The memo states only what the reviewer could check: an unsure agency stays out until confirmed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from db import models
from db.session import Library
from desktop.core.corrections import correct
from desktop.core.export.memo_content import _part_numeral, gather_memo, memo_cautions
from desktop.core.export.memo_docx import export_memo
from desktop.core.importing import import_file

# A short form with no place anywhere in the text: the app cannot know which 司法局 wrote it.
UNSURE = """市司法局关于2024年法治政府建设情况的报告

2024年，我局坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
全年审核规范性文件12件，组织集体学法4次，办理行政复议案件15件。
二、党政主要负责人履行推进法治建设第一责任人职责情况
局主要负责人召开党组会专题研究法治建设3次，带头开展述法。
三、存在的不足和原因
基层执法力量不足，原因是编制紧张、人员流动大。
四、2025年工作安排
2025年6月前完成全部执法人员轮训，全年评查案卷不少于50卷。
"""


@pytest.fixture
def unsure_report(library: Library, tmp_path: Path) -> int:
    path = tmp_path / "report.txt"
    path.write_text(UNSURE, encoding="utf-8")
    outcome = import_file(library.sessions, path)
    assert outcome.ok and outcome.report_id is not None, outcome.error
    return outcome.report_id


def test_unconfirmed_agency_never_reaches_the_memo(
    library: Library, unsure_report: int, tmp_path: Path
) -> None:
    with library.sessions() as session:
        report = session.get(models.Report, unsure_report)
        assert report is not None and not report.agency_confident
        data = gather_memo(session, unsure_report)
        out = export_memo(session, unsure_report, tmp_path / "memo.docx", today=date(2025, 3, 1))
    assert data.agency is None and data.agency_unconfirmed
    cautions = memo_cautions(data)
    assert any("报告单位尚未确认" in c for c in cautions)
    assert any("总体审查结论" in c for c in cautions)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "报告单位：未经确认。" in text
    assert f"报告单位：{data.agency_unconfirmed}" not in text


def test_confirmed_agency_is_stated(library: Library, unsure_report: int, tmp_path: Path) -> None:
    with library.sessions.begin() as session:
        report = session.get(models.Report, unsure_report)
        assert report is not None
        correct(session, report, "agency", "示例县司法局", by="审阅人")
    with library.sessions() as session:
        data = gather_memo(session, unsure_report)
        out = export_memo(session, unsure_report, tmp_path / "memo.docx", today=date(2025, 3, 1))
    assert data.agency == "示例县司法局" and data.agency_unconfirmed is None
    assert not any("报告单位" in c for c in memo_cautions(data))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "报告单位：示例县司法局。" in text and "示例县司法局：" in text


@pytest.mark.parametrize(
    ("number", "index", "expected"),
    [("一、", 0, "一"), ("三.", 2, "三"), ("第二部分", 1, "二"), ("", 3, "四"), ("1．", 0, "一")],
)
def test_memo_names_parts_by_their_number_or_position(number: str, index: int, expected: str) -> None:
    assert _part_numeral(number, index) == expected
