"""'Not a report' only for other documents; incomplete reports are called incomplete."""

from __future__ import annotations

import json

import pytest

from db import models
from db.session import Library
from desktop.core.analysis import analyse
from desktop.core.importing import import_file
from desktop.core.report_kind import assess_report
from desktop.core.sections import parse_sections
from desktop.core.text.cleaning import clean_text
from tests.conftest import CORPUS

NOT_A_REPORT = "不是法治政府建设年度报告"
OPENINGS = CORPUS / "openings"
OPENING_FILES = sorted(json.loads((OPENINGS / "meta.json").read_text("utf-8"))) if OPENINGS.is_dir() else []


def assess(text: str, title: str | None = None):  # type: ignore[no-untyped-def]
    cleaned = clean_text(text).text
    return assess_report(title, cleaned, parse_sections(cleaned))


WHOLE = """示例县司法局2024年法治政府建设年度报告
2024年，示例县司法局坚持依法行政，扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
全年审核规范性文件12件，组织集体学法4次。
二、党政主要负责人履行推进法治建设第一责任人职责情况
局长带头学法，主持召开专题会议3次。
三、存在的不足和原因
基层执法力量薄弱。
四、2025年工作安排
继续加强执法队伍建设。
示例县司法局
2025年1月10日"""


def test_a_whole_report_gets_no_warning() -> None:
    kind = assess(WHOLE, "示例县司法局2024年法治政府建设年度报告")
    assert kind.is_annual_report and kind.warning is None and not kind.incomplete


def test_a_whole_report_ending_in_a_short_line_is_not_called_cut() -> None:
    text = WHOLE.replace("继续加强执法队伍建设。", "继续加强执法队伍建设。\n五、其他需要报告的情况\n无")
    kind = assess(text, "示例县司法局2024年法治政府建设年度报告")
    assert kind.warning is None


def test_a_report_with_parts_missing_is_incomplete_and_lists_them() -> None:
    text = WHOLE.replace("三、存在的不足和原因\n基层执法力量薄弱。\n", "").replace("四、", "三、")
    kind = assess(text, "示例县司法局2024年法治政府建设年度报告")
    assert kind.is_annual_report and kind.incomplete
    assert kind.missing == ["shortcomings"]
    assert kind.warning and "存在的不足和原因" in kind.warning and NOT_A_REPORT not in kind.warning


@pytest.mark.parametrize(
    "issuer",
    ["某某镇人民政府", "某某街道办事处", "某某经济开发区管理委员会", "某省教育厅", "某某市公安局某某区分局"],
)
def test_an_opening_cut_mid_sentence_is_incomplete_not_another_document(issuer: str) -> None:
    text = (
        f"{issuer}2024年法治政府建设情况报告\n2024年，{issuer}坚持以习近平新时代中国特色社会主义思想为指导，"
        "深入贯彻习近平法治思想。\n一、坚持党的领导，统筹推进依法行政\n（一）深入学习贯彻习近平法治思想。"
        "召开党组会议学习12次，组织"
    )
    kind = assess(text, f"{issuer}2024年法治政府建设情况报告")
    assert kind.is_annual_report and kind.incomplete
    assert kind.missing == ["shortcomings", "leader_duty", "next_year"]
    assert kind.warning and "中断" in kind.warning and NOT_A_REPORT not in kind.warning


def test_an_opening_without_title_or_report_phrase_is_still_a_report() -> None:
    kind = assess(
        "2024年，区教育局坚持依法治教，推进法治政府建设。\n一、2024年工作情况\n（一）完善制度建设。修订制度5项，"
    )
    assert kind.is_annual_report and kind.incomplete


@pytest.mark.parametrize(
    ("title", "body", "label"),
    [
        (
            "示例县应急管理局关于召开2025年安全生产工作会议的通知",
            "各乡镇人民政府：\n现将有关事项通知如下：\n一、会议时间\n2025年2月18日上午9时。\n二、参会人员\n各乡镇分管负责同志。",
            "通知",
        ),
        (
            "某某街道办事处2025年法治建设工作要点",
            "为深入推进法治街道建设，制定本要点。\n一、加强组织领导\n二、推进依法决策\n三、强化法治宣传",
            "要点",
        ),
        (
            "某某镇人民政府法治政府建设实施方案",
            "为加快建设法治政府，结合本镇实际，制定本方案。\n一、总体要求\n二、主要任务",
            "方案",
        ),
        (
            "某某经济开发区管理委员会主任办公会议纪要",
            "2025年3月5日，管委会主任主持召开办公会议，研究法治建设有关事项。纪要如下：\n一、关于合同审查\n会议同意。",
            "纪要",
        ),
    ],
)
def test_other_documents_are_not_reports(title: str, body: str, label: str) -> None:
    kind = assess(title + "\n" + body, title)
    assert not kind.is_annual_report
    assert kind.warning and NOT_A_REPORT in kind.warning and label in kind.warning


def test_a_notice_without_a_title_is_recognised_by_its_formulas() -> None:
    kind = assess(
        "各股室：\n现将有关事项通知如下：\n一、会议时间：3月1日\n二、参会人员：全体干部\n特此通知。"
    )
    assert not kind.is_annual_report and kind.warning and "通知" in kind.warning


def test_a_report_that_mentions_meetings_and_plans_is_still_a_report() -> None:
    text = WHOLE.replace("全年审核", "召开法治工作会议，参会人员：各股室负责人；制定工作方案2个。全年审核")
    assert assess(text, None).is_annual_report


def test_a_text_with_nothing_of_a_report_is_not_one() -> None:
    kind = assess("今天天气很好。我们去公园散步，看到很多花。")
    assert not kind.is_annual_report and kind.warning and NOT_A_REPORT in kind.warning


@pytest.mark.corpus
@pytest.mark.skipif(not OPENING_FILES, reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("name", OPENING_FILES)
def test_every_opening_is_an_incomplete_report(name: str) -> None:
    result = analyse((OPENINGS / name).read_bytes(), name)
    assert result.is_annual_report
    assert result.warnings and result.warnings[0].startswith("报告不完整")
    assert not any(NOT_A_REPORT in w for w in result.warnings)


@pytest.mark.corpus
@pytest.mark.skipif(not OPENING_FILES, reason="../shared/corpus is not beside the checkout")
def test_incomplete_is_stored_without_losing_the_flag(library: Library) -> None:
    outcome = import_file(library.sessions, OPENINGS / "zhen_xiayang_2023.txt")
    assert outcome.ok and outcome.report_id is not None
    with library.sessions() as session:
        report = session.get(models.Report, outcome.report_id)
        assert report is not None
        assert report.is_annual_report
        assert report.missing_sections == ["shortcomings", "leader_duty", "next_year"]
        assert report.warnings[0].startswith("报告不完整")
    notice = import_file(library.sessions, CORPUS / "bad" / "not_a_report.docx")
    with library.sessions() as session:
        stored = session.get(models.Report, notice.report_id)
        assert stored is not None and not stored.is_annual_report
