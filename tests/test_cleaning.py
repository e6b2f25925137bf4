"""Cleaning steps on small hand-made texts, one behaviour per test."""

from __future__ import annotations

from desktop.core.text.cleaning import clean_text


def clean(text: str, fmt: str = "txt") -> str:
    return clean_text(text, fmt).text


def test_doubled_and_misplaced_punctuation_collapse() -> None:
    assert clean("检查企业,,发现隐患") == "检查企业，发现隐患"
    assert clean("危化品，、烟花爆竹") == "危化品、烟花爆竹"
    assert clean("危化品,、烟花爆竹") == "危化品、烟花爆竹"
    assert clean("完成整改，。") == "完成整改。"


def test_ellipsis_and_dash_survive() -> None:
    assert clean("建立健全……机制——成效明显") == "建立健全……机制——成效明显"


def test_pinyin_annotations_removed_but_latin_abbreviations_kept() -> None:
    assert clean("加强規(guī)劃管理") == "加强规划管理"
    assert clean("上传（PDF）文件和(app)数据") == "上传（PDF）文件和（app）数据"


def test_full_width_digits_become_ascii_and_half_width_punctuation_full_width() -> None:
    assert clean("检查企业１３００家") == "检查企业1300家"
    assert clean("2025年,开平市应急管理局:成效(一)明显;好") == "2025年，开平市应急管理局：成效（一）明显；好"
    assert clean("罚款1,300元，时间12:30") == "罚款1,300元，时间12:30"


def test_spaces_around_digits_and_between_chinese_removed() -> None:
    assert clean("2024 年，市应急 管理局") == "2024年，市应急管理局"
    assert clean("COVID  19 疫情") == "COVID 19疫情"


def test_traditional_converted_to_simplified() -> None:
    assert clean("推進法治政府建設") == "推进法治政府建设"


def test_markdown_markers_dropped() -> None:
    assert clean("## 一、总体情况\n**一是**加强学习。") == "一、总体情况\n一是加强学习。"


def test_hard_wrapped_pdf_copy_is_rejoined() -> None:
    body = "一、主要举措和成效\n"
    lines = [
        "2024年，示例市应急管理局坚持以习近平新时代中国特色社会",
        "主义思想为指导，深入学习贯彻党的二十大精神，围绕中央、省",
        "市关于建设法治政府的工作目标，坚定不移运用法治思维和法治",
        "方式提高应急管理法治化水平。",
        "二、存在不足和原因",
        "一是执法力量相对薄弱，基层执法人员专业背景不足，执法装备",
        "配备不到位，难以满足新形势下安全生产监管执法工作的需要。",
        "二是普法宣传形式较为单一，新媒体平台运用不够充分，宣传覆",
        "盖面还有待进一步扩大，企业主体责任意识仍需进一步增强。",
    ]
    text = body + "\n\n".join(lines)
    cleaned = clean(text)
    paragraphs = cleaned.split("\n")
    assert paragraphs[0] == "一、主要举措和成效"
    assert paragraphs[1].startswith("2024年，示例市") and paragraphs[1].endswith("法治化水平。")
    assert paragraphs[2] == "二、存在不足和原因"
    assert paragraphs[3].startswith("一是执法力量") and paragraphs[3].endswith("工作的需要。")
    assert paragraphs[4].startswith("二是普法宣传") and paragraphs[4].endswith("进一步增强。")


def test_paragraph_split_at_a_page_break_is_rejoined() -> None:
    text = (
        "三是开展普法教育。全面落实“谁执法谁普法”责任制，依托“安全生产月”、“防灾减灾日”、“安全生产法\n\n"
        "宣传周”等活动，大力宣传普及法律法规。\n四是提升执法人员素质。"
    )
    assert clean(text).split("\n")[0].endswith("“安全生产法宣传周”等活动，大力宣传普及法律法规。")


def test_flattened_web_copy_is_split_into_paragraphs() -> None:
    paragraph = (
        "市应急管理局深入学习贯彻法治思想，坚持把学习贯彻作为首要政治任务，统筹推进法治政府建设工作。" * 12
    )
    text = f"2025年,示例市应急管理局坚持以习近平法治思想为指导。 一、加强组织领导 {paragraph} 二、提升法治素养 {paragraph}"
    paragraphs = clean(text).split("\n")
    assert paragraphs[1] == "一、加强组织领导"
    assert paragraphs[3] == "二、提升法治素养"


def test_docx_paragraphs_are_not_rejoined() -> None:
    text = "（三）2024年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况\n一是带头学法。"
    assert clean(text, "docx").split("\n") == text.split("\n")
