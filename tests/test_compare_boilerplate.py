"""The carried-over share leaves out boilerplate: formulae, page chrome, titles, standard headings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.analysis import analyse
from desktop.core.compare import Comparison, compare_reports, compare_texts
from desktop.core.compare.boilerplate import load_boilerplate
from desktop.core.compare.tokens import normalise
from desktop.core.sections import parse_sections
from desktop.core.text.cleaning import clean_text
from tests.conftest import CORPUS, ROOT

CHROME = "您现在所在的位置：首页>政府信息公开>法治政府建设\n来源：本网\n发布机构：本网\n【字体：大 中 小】\n"


PLANS = {2023: "重点推进执法案卷评查和行政复议规范化建设。", 2024: "建设智慧执法平台，推行非现场监管方式。"}


def made_up(issuer: str, year: int, body: list[str], shortcomings: list[str], chrome: bool = True) -> str:
    lines = [
        f"{issuer}{year}年法治政府建设年度报告",
        f"{year}年，{issuer}在市委、市政府的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，"
        "深入学习贯彻习近平法治思想。现将有关情况报告如下：",
        "一、主要举措和成效",
        *body,
        "二、存在的不足和原因",
        *shortcomings,
        "三、下一年度推进法治政府建设的主要安排",
        "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。",
        PLANS[year],
    ]
    text = "\n".join(lines)
    return clean_text((CHROME if chrome else "") + text).text


def compare(a: str, b: str, **kwargs) -> Comparison:  # type: ignore[no-untyped-def]
    return compare_texts(a, parse_sections(a).sections, b, parse_sections(b).sections, **kwargs)


@pytest.mark.parametrize(
    "issuer", ["示例县司法局", "某某镇人民政府", "某某经济开发区管理委员会", "某省教育厅"]
)
def test_rewritten_report_with_the_same_formulae_is_not_carried_over(issuer: str) -> None:
    prior = made_up(
        issuer, 2023, ["全年审核规范性文件8件，组织集体学法3次。"], ["基层执法人员数量不足，专业化程度不高。"]
    )
    current = made_up(
        issuer,
        2024,
        ["建成行政执法监督平台，全年评查执法案卷56卷。", "办理行政复议案件14件，纠错2件。"],
        ["执法装备更新缓慢，数字化执法手段运用不够。"],
    )
    comparison = compare(prior, current)
    assert comparison.carried_over_raw is not None and comparison.carried_over_raw >= 0.3
    assert comparison.carried_over == 0.0
    carried = [current[c.b_start : c.b_end] for c in comparison.carried_sentences]
    assert carried and all(c.boilerplate for c in comparison.carried_sentences)
    # Cleaning already takes the page chrome out of the text; the formulae are what is left to discount.
    assert "来源" not in current and any("报告如下" in text for text in carried)
    assert comparison.flags == []
    data = comparison.to_dict()
    assert data["carried_over"] == 0.0 and data["carried_over_raw"] == round(comparison.carried_over_raw, 3)
    assert data["boilerplate_sentences"] >= 4 and data["carried_boilerplate"] == len(carried)


def test_copied_shortcomings_are_flagged_on_substantive_text() -> None:
    shortcomings = ["基层执法人员数量不足，专业化程度不高。", "普法宣传针对性不强，覆盖面有待扩大。"]
    prior = made_up("某某街道办事处", 2023, ["调解矛盾纠纷112件。"], shortcomings)
    current = made_up("某某街道办事处", 2024, ["调解矛盾纠纷136件，成功率98%。"], shortcomings)
    comparison = compare(prior, current)
    part = next(p for p in comparison.sections if p.kind == "shortcomings")
    assert part.carried_over == 1.0 and part.flagged
    plans = next(p for p in comparison.sections if p.kind == "next_year")
    # Only the formula repeats in the plans: the raw share is half, the substantive share none.
    assert plans.carried_over_raw == 0.5 and plans.carried_over == 0.0 and not plans.flagged
    assert part.message is not None and "照搬往年" in part.message


def test_the_library_share_is_the_substantive_one() -> None:
    prior = made_up("某某区人民政府", 2023, ["办理人大代表建议45件。", "审核规范性文件9件。"], ["短板一。"])
    current = made_up(
        "某某区人民政府", 2024, ["办理人大代表建议45件。", "审核规范性文件12件。"], ["短板二。"]
    )
    comparison = compare(prior, current)
    assert comparison.substantive_carried == 1
    assert comparison.carried_over == comparison.substantive_carried / comparison.substantive_sentences
    assert comparison.carried_over_raw is not None and comparison.carried_over_raw > comparison.carried_over


def test_an_office_can_add_its_own_boilerplate(tmp_path: Path) -> None:
    sentence = "全面落实“八五”普法规划，推动法治宣传教育提质增效。"
    prior = made_up("示例县司法局", 2023, [sentence, "审核规范性文件8件。"], ["不足一。"], chrome=False)
    current = made_up("示例县司法局", 2024, [sentence, "审核规范性文件12件。"], ["不足二。"], chrome=False)
    built_in = compare(prior, current, boilerplate=load_boilerplate(None))
    (tmp_path / "boilerplate.json").write_text(
        json.dumps({"phrases": ["全面落实“八五”普法规划", "推动法治宣传教育提质增效"]}, ensure_ascii=False),
        encoding="utf-8",
    )
    office = load_boilerplate(tmp_path)
    assert office.problems == () and office.is_boilerplate(normalise(sentence))
    extended = compare(prior, current, boilerplate=office)
    assert built_in.substantive_carried == 1 and extended.substantive_carried == 0


def test_a_broken_office_file_is_named_and_the_built_in_lists_still_apply(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.json"
    path.write_text("{not json", encoding="utf-8")
    broken = load_boilerplate(tmp_path)
    assert broken.problems and "无法读取套话规则文件" in broken.problems[0]
    assert broken.is_boilerplate(normalise("现将有关情况报告如下："))
    path.write_text(json.dumps({"sentences": ["(unclosed"], "phrases": ["特此说明"]}), encoding="utf-8")
    partial = load_boilerplate(tmp_path)
    assert len(partial.problems) == 1 and "(unclosed" in partial.problems[0]
    assert partial.is_boilerplate(normalise("特此说明。"))
    comparison = compare("现将有关情况报告如下：\n", "现将有关情况报告如下：\n", boilerplate=partial)
    assert comparison.notes == list(partial.problems)


@pytest.mark.parametrize(
    "sentence",
    [
        "现将我分局2024年法治政府建设工作情况报告如下：",
        "•来源：本网",
        "发布日期：2024-03-28 09:18",
        "您现在所在的位置：首页>政府信息公开目录>法治政府建设报告",
        "某某市公安局某某区分局关于2024年度法治政府建设情况的报告",
        "（三）2024年度党政主要负责人履行推进法治建设第一责任人职责情况",
        "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。",
        "特此报告。",
        "中共示例县委、示例县人民政府：",
        "2019年12月3日星期二",
    ],
)
def test_built_in_boilerplate(sentence: str) -> None:
    assert load_boilerplate(None).is_boilerplate(normalise(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "一是坚持落实“第一议题”制度。",
        "全年审核规范性文件12件，备案率100%。",
        "坚持以习近平新时代中国特色社会主义思想为指导，建成全市首个行政执法协调监督平台。",
        "执法力量与监管任务不相匹配。",
        "2024年全年检查企业。",
        "二是深入推进“放管服”改革。",
        "深入学习贯彻习近平法治思想，组织专题培训班2期。",
    ],
)
def test_substantive_sentences_are_not_boilerplate(sentence: str) -> None:
    assert not load_boilerplate(None).is_boilerplate(normalise(sentence))


def test_cli_compare_reports_the_substantive_share(tmp_path: Path) -> None:
    prior = made_up("某省教育厅", 2023, ["审核规范性文件8件。"], ["执法力量不足。"], chrome=True)
    current = made_up("某省教育厅", 2024, ["审核规范性文件12件。"], ["执法力量不足。"], chrome=True)
    files = []
    for name, text in (("prior.txt", prior), ("current.txt", current)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(str(tmp_path / name))
    library = str(tmp_path / "library.sqlite")
    run = [sys.executable, "-m", "desktop"]
    subprocess.run([*run, "import", *files, "--library", library], cwd=ROOT, check=True, capture_output=True)
    result = subprocess.run(
        [*run, "compare", "2", "--prior", "1", "--library", library],
        cwd=ROOT,
        capture_output=True,
        check=True,
        text=True,
    )
    first = result.stdout.splitlines()[0]
    assert "实质内容中" in first and "句套话不计" in first and "计入套话为" in first


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "openings").is_dir(), reason="../shared/corpus is not beside the checkout")
def test_openings_series_share_is_mostly_boilerplate() -> None:
    def load(name: str):  # type: ignore[no-untyped-def]
        return analyse((CORPUS / "openings" / name).read_bytes(), name)

    comparison = compare_reports(load("sifaju_dongguan_2021.txt"), load("sifaju_dongguan_2022.txt"))
    # Cleaning removes the page chrome both years share; the formulae that remain are not counted.
    assert comparison.carried_over_raw is not None and comparison.carried_over is not None
    assert comparison.carried_over_raw > comparison.carried_over and comparison.carried_over <= 0.15
