"""Sections of small made-up reports of every kind of issuer, with headings written every way
real reports write them, and enumerations that must not become headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.sections import SectionResult, classify_heading, parse_sections, strict_kind
from desktop.core.text.cleaning import clean_text

REQUIRED = ["measures", "shortcomings", "leader_duty", "next_year"]

# (issuer, the five part headings as that kind of issuer words them)
ISSUERS = {
    "示例县司法局": [
        "2024年度推进法治政府建设的主要举措和成效",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "存在的不足和原因",
        "2025年度推进法治政府建设的主要安排",
        "其他需要报告的情况",
    ],
    "某某市公安局某某区分局": [
        "坚持党的绝对领导，全面推进公安机关法治建设",
        "分局主要负责同志履行推进法治建设第一责任人职责情况",
        "存在的问题",
        "下一步工作打算",
        "其他需要报告的事项",
    ],
    "某某镇人民政府": [
        "主要工作开展情况",
        "镇党委书记、镇长履行推进法治建设第一责任人职责情况",
        "存在的短板和不足",
        "2025年工作计划",
        "其他有关情况",
    ],
    "某某街道办事处": [
        "强化组织领导，夯实法治建设基础",
        "街道党工委书记、办事处主任履行法治建设第一责任人职责情况",
        "工作中存在的问题和原因",
        "下一年度工作安排",
        "其他需要报告的情况",
    ],
    "某某经济开发区管理委员会": [
        "2023年法治政府建设工作情况",
        "管委会主要领导履行推进法治建设第一责任人职责情况",
        "存在的不足",
        "2024年工作思路",
        "其他需要报告的情况",
    ],
    "某某区人民政府": [
        "坚持党的全面领导，统筹推进法治政府建设",
        "区政府主要负责同志履行推进法治建设第一责任人职责情况",
        "存在的问题和不足",
        "下一步工作打算",
        "其他需要报告的情况",
    ],
    "某省教育厅": [
        "2024年推进法治政府建设的主要举措和成效",
        "厅党组主要负责同志履行推进法治建设第一责任人职责情况",
        "存在的不足和原因",
        "2025年推进法治政府建设的主要安排",
        "其他需要报告的情况",
    ],
    "某某部": [
        "深入学习贯彻习近平法治思想，坚持党对法治政府建设的全面领导",
        "部主要负责同志履行推进法治建设第一责任人职责情况",
        "存在的不足和原因",
        "2025年主要安排",
        "其他需要报告的情况",
    ],
}
KINDS = ["measures", "leader_duty", "shortcomings", "next_year", "other"]
NUMERALS = "一二三四五"


def body(issuer: str, index: int) -> str:
    sentences = [
        f"{issuer}认真贯彻落实上级关于法治政府建设的部署要求，全年召开专题会议{index + 3}次。",
        "严格落实重大行政决策程序，审核规范性文件5件。",
    ]
    return "".join(sentences)


def preamble(issuer: str) -> str:
    return (
        f"2024年，{issuer}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
        "扎实推进法治政府建设各项工作。现将有关情况报告如下："
    )


def numbered(style: str, index: int) -> str:
    numeral = NUMERALS[index]
    return {
        "dun": f"{numeral}、",
        "dot": f"{numeral}．",
        "ascii_dot": f"{numeral}.",
        "comma": f"{numeral}，",
        "part": f"第{numeral}部分 ",
        "part_colon": f"第{numeral}部分：",
        "markdown": f"**{numeral}、",
        "arabic": f"{index + 1}．",
        "paren_half": f"({numeral})",
        "bare": "",
    }[style]


def report(issuer: str, style: str, layout: str = "lines") -> str:
    """A whole small report: title, preamble, five parts each with a subheading and body."""
    headings = ISSUERS[issuer]
    parts = []
    for index, heading in enumerate(headings):
        line = numbered(style, index) + heading + ("**" if style == "markdown" else "")
        sub = {"paren_half": "1.", "arabic": "（1）"}.get(style, "（一）") + "加强组织领导。"
        parts.append([line, sub + body(issuer, index)])
    title = f"{issuer}2024年法治政府建设年度报告"
    if layout == "lines":
        return "\n".join([title, preamble(issuer), *[p for part in parts for p in part]])
    if layout == "spaces":
        return " ".join([title, preamble(issuer), *[p for part in parts for p in part]])
    assert layout == "glued"  # nothing at all between paragraphs
    return title + "\n" + preamble(issuer) + "".join(p for part in parts for p in part)


def sections_of(text: str, fmt: str = "txt") -> SectionResult:
    return parse_sections(clean_text(text, fmt).text)


def level1(result: SectionResult) -> list[tuple[str, str]]:
    return [(s.kind, s.title) for s in result.sections if s.level == 1]


@pytest.mark.parametrize("issuer", list(ISSUERS))
@pytest.mark.parametrize(
    "style", ["dun", "dot", "ascii_dot", "comma", "part", "part_colon", "markdown", "bare"]
)
def test_every_issuer_every_heading_style_on_its_own_lines(issuer: str, style: str) -> None:
    result = sections_of(report(issuer, style))
    found = level1(result)
    if style == "bare":
        # Unnumbered parts (bold in Word, or automatic numbering the text does not carry): the
        # four required parts are found by their names; a thematic first part has no name.
        assert result.missing in ([], ["measures"])
        expected = KINDS if not result.missing else KINDS[1:]
        assert [kind for kind, _ in found] == expected
        return
    assert [kind for kind, _ in found] == KINDS
    assert [title for _, title in found] == [h.replace("**", "") for h in ISSUERS[issuer]]
    assert result.missing == []


@pytest.mark.parametrize("issuer", list(ISSUERS))
@pytest.mark.parametrize("layout", ["spaces", "glued"])
def test_report_flattened_into_one_paragraph_gets_its_sections_at_every_level(
    issuer: str, layout: str
) -> None:
    result = sections_of(report(issuer, "dun", layout))
    assert [kind for kind, _ in level1(result)] == KINDS
    assert result.missing == []
    subheadings = [s for s in result.sections if s.level == 2]
    assert len(subheadings) == 5 and all(s.title == "加强组织领导" for s in subheadings)


@pytest.mark.parametrize("issuer", ["某某镇人民政府", "某省教育厅"])
def test_half_width_and_arabic_subheadings(issuer: str) -> None:
    text = report(issuer, "dun").replace("（一）", "(一)")
    result = sections_of(text)
    assert [s.number for s in result.sections if s.level == 2] == ["（一）"] * 5
    result = sections_of(report(issuer, "dun").replace("（一）", "1．"))
    assert [s.level for s in result.sections if s.number.startswith("1")] == [3] * 5


def test_parts_numbered_with_arabic_numbers_are_the_top_level() -> None:
    result = sections_of(report("某某街道办事处", "arabic"))
    assert [kind for kind, _ in level1(result)] == KINDS
    assert result.missing == []


def test_parts_numbered_with_parentheses_are_the_top_level_when_nothing_is_above() -> None:
    result = sections_of(report("某某经济开发区管理委员会", "paren_half"))
    assert [kind for kind, _ in level1(result)] == KINDS


def test_level1_heading_glued_to_the_preamble_is_recovered() -> None:
    text = (
        "2023年，在区委、区政府的正确领导下，示例区教育局全面完成各项工作任务。现将工作情况汇报如下："
        "一、2023年度推进法治政府建设的主要举措和成效\n"
        "一是精心谋划部署。年初有部署、年中有检查。\n二是加强组织领导。\n"
        "二、2023年度推进法治政府建设存在的不足和原因\n执法队伍建设需要进一步加强。"
    )
    for fmt in ("txt", "docx"):
        result = sections_of(text, fmt)
        assert level1(result) == [
            ("measures", "2023年度推进法治政府建设的主要举措和成效"),
            ("shortcomings", "2023年度推进法治政府建设存在的不足和原因"),
        ]


def test_half_width_flattened_web_copy_with_spaces() -> None:
    text = (
        "2023年,示例市司法局坚持依法行政,为经济社会发展提供法治保障。现将有关情况报告如下: "
        "一、坚持党的领导,统筹法治政府向纵深推进 (一)深入学习贯彻习近平法治思想。"
        "召开局党组会议27次,研究法治建设工作。组织专题培训班2期。 (二)认真统筹谋划法治建设各项工作。"
        "局主要负责同志严格履行法治建设第一责任人职责,召开会议研究部署。 二、存在的不足和原因 "
        "基层执法力量仍然薄弱。 三、下一步工作打算 继续加强学习。"
    )
    cleaned = clean_text(text).text
    result = parse_sections(cleaned)
    assert [kind for kind, _ in level1(result)] == ["measures", "shortcomings", "next_year"]
    assert [s.title for s in result.sections if s.level == 2] == [
        "深入学习贯彻习近平法治思想",
        "认真统筹谋划法治建设各项工作",
    ]
    assert "\n一、坚持党的领导" in cleaned and "\n（一）深入学习" in cleaned


def test_enumerations_inside_sentences_are_not_headings() -> None:
    text = "\n".join(
        [
            "示例县市场监督管理局2024年法治政府建设年度报告",
            "2024年，我局扎实推进法治政府建设。现将有关情况报告如下：",
            "一、主要举措和成效",
            "年初印发工作要点，明确三项任务：一、加强组织领导；二、完善制度建设；三、强化执法监督。",
            "执法工作坚持“三个必须”：（一）必须亮证执法，（二）必须全程记录，（三）必须法制审核。",
            "一是加强学习。组织学法4次。二是规范执法。开展案卷评查，评查案卷（一）类12卷。",
            "一、二季度共检查企业120家，十一、十二月份开展专项整治。",
            "认真执行《党政主要负责人履行推进法治建设第一责任人职责规定》，于2024.11.21召开会议。",
            "宪法宣传周（12.4）期间开展普法活动6场，（1）号文件已印发。",
            "二、存在的不足和原因",
            "执法人员专业素质有待提升。",
        ]
    )
    result = sections_of(text)
    assert level1(result) == [("measures", "主要举措和成效"), ("shortcomings", "存在的不足和原因")]
    assert [s for s in result.sections if s.level in (2, 3, 4)] == []
    assert [s.number for s in result.sections if s.level == 5] == ["一是", "二是"]
    assert result.missing == ["leader_duty", "next_year"]


def test_cited_document_title_does_not_make_a_subheading_a_required_part() -> None:
    text = (
        "2024年，某某镇人民政府扎实推进法治政府建设。\n一、坚持党的领导\n"
        "（一）认真落实《党政主要负责人履行推进法治建设第一责任人职责规定》\n镇党委召开会议3次。\n"
        "（二）党政主要负责人履行推进法治建设第一责任人职责情况\n镇长带头学法。"
    )
    result = sections_of(text)
    subs = [(s.title[:6], s.kind) for s in result.sections if s.level == 2]
    assert subs == [("认真落实《党", "measures"), ("党政主要负责", "leader_duty")]
    assert result.missing == ["shortcomings", "next_year"]


def test_list_items_on_their_own_lines_inside_a_part_do_not_restart_the_parts() -> None:
    text = (
        "2024年，示例县人民政府推进法治政府建设。\n一、主要举措和成效\n全年工作分为：\n一、建章立制\n"
        "二、落实责任\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n县长带头。\n"
        "三、存在的不足和原因\n不足。\n四、下一步工作打算\n计划。"
    )
    result = sections_of(text)
    assert [kind for kind, _ in level1(result)] == ["measures", "leader_duty", "shortcomings", "next_year"]


def test_run_in_subheadings_after_a_sentence_end() -> None:
    text = (
        "2024年，某某市公安局某某区分局坚持依法履职。\n一、主要举措和成效\n"
        "（一）加强执法监督。全年办理刑事案件1200件。（二）深化执法规范化建设。建成办案中心1个。"
        "（三）主要负责同志履行推进法治建设第一责任人职责情况。分局局长带头学法。\n"
        "二、存在的问题\n不足。"
    )
    result = sections_of(text)
    assert [s.title for s in result.sections if s.level == 2] == [
        "加强执法监督",
        "深化执法规范化建设",
        "主要负责同志履行推进法治建设第一责任人职责情况",
    ]
    assert result.missing == ["next_year"]


@pytest.mark.parametrize(
    ("heading", "kinds"),
    [
        ("2024年度法治政府建设工作开展情况", ["measures"]),
        ("推进法治政府建设的主要做法和成效", ["measures"]),
        ("2024年法治建设工作总体情况", ["measures"]),
        ("党政主要负责人履职情况", ["leader_duty"]),
        ("书记、镇长履行法治建设第一责任人职责情况", ["leader_duty"]),
        ("党工委书记、主任述法情况", ["leader_duty"]),
        ("存在的短板和弱项", ["shortcomings"]),
        ("问题与不足", ["shortcomings"]),
        ("2025年法治政府建设工作思路", ["next_year"]),
        ("今后工作打算", ["next_year"]),
        ("其他事项", ["other"]),
        ("存在的问题和下一步打算", ["shortcomings", "next_year"]),
        ("坚持党的全面领导", []),
        ("认真落实《党政主要负责人履行推进法治建设第一责任人职责规定》", []),
    ],
)
def test_part_headings_of_every_kind_of_issuer_are_classified(heading: str, kinds: list[str]) -> None:
    assert classify_heading(heading) == kinds


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("存在的短板和弱项", "shortcomings"),
        ("工作中存在的不足", "shortcomings"),
        ("今后工作打算", "next_year"),
        ("2025年工作思路", "next_year"),
        ("街道党工委书记述法情况", "leader_duty"),
        ("加强组织领导", None),
    ],
)
def test_subheadings_that_clearly_name_a_part(heading: str, kind: str | None) -> None:
    assert strict_kind(heading) == kind


def test_word_report_with_bold_unnumbered_part_headings(tmp_path: Path) -> None:
    """Parts set in bold (or numbered by Word's automatic numbering, which is not in the text)."""
    from docx import Document

    from desktop.core.analysis import analyse

    document = Document()
    document.add_paragraph("某某经济开发区管理委员会2024年法治政府建设年度报告")
    document.add_paragraph("2024年，管委会坚持依法行政，扎实推进法治政府建设。现将有关情况报告如下：")
    for heading, body in [
        ("主要举措和成效", "全年审核合同32份，办理行政许可1260件。"),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", "管委会主任主持专题会议4次。"),
        ("存在的不足和原因", "执法力量不足。"),
        ("下一年度推进法治政府建设的主要安排", "推进综合执法改革。"),
    ]:
        document.add_paragraph().add_run(heading).bold = True
        document.add_paragraph(body)
    path = tmp_path / "report.docx"
    document.save(str(path))
    result = analyse(path.read_bytes(), path.name)
    level1 = [(s.kind, s.number, s.title) for s in result.sections.sections if s.level == 1]
    assert [kind for kind, _, _ in level1] == ["measures", "leader_duty", "shortcomings", "next_year"]
    assert all(number == "" for _, number, _ in level1)
    assert result.sections.missing == [] and result.is_annual_report
