"""In one library: different issuers never supersede or pair; the reviewer's decisions last."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from db import models
from db.session import Library
from desktop.core.corrections import correct
from desktop.core.identity_links import choose_prior, restore_version
from desktop.core.identity_summary import summary_lines
from desktop.core.importing import import_file, import_files
from desktop.core.library import get_report, report_detail
from desktop.core.prior_year import find_prior
from desktop.core.reprocess import reprocess_report

PARTS = (
    "一、主要举措和成效\n（一）加强组织领导。{who}全年召开专题会议{n}次，研究部署法治政府建设重点任务，"
    "审核行政规范性文件{m}件，办理行政复议案件{k}件，组织执法人员培训两期。\n"
    "（二）规范行政执法。推行执法公示制度，完善执法全过程记录，开展案卷评查，发现问题即时整改。\n"
    "二、存在的不足和原因\n基层执法力量仍显薄弱，{who}在执法队伍专业化方面仍有差距。\n"
    "三、下一年度主要安排\n一是继续加强学习培训；二是强化执法监督；三是{plan}。"
)


def report(title: str, opening: str, who: str, year: int, seed: int, plan: str = "推进普法宣传") -> str:
    body = PARTS.format(who=who, n=seed, m=seed * 3, k=seed + 1, plan=plan)
    return f"{title}\n{opening}现将{year}年有关情况报告如下：\n{body}"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_two_provinces_short_forms_never_supersede_or_pair(library: Library, tmp_path: Path) -> None:
    shanxi = report("", "2024年，省司法厅坚持依法行政，深化法治山西建设。", "厅党组", 2024, 7)
    shaanxi = report(
        "", "2024年，省司法厅坚持依法行政，落实《陕西省法治政府建设实施方案》。", "厅党组", 2024, 7
    )
    outcomes = import_files(
        library.sessions, [write(tmp_path, "a.txt", shanxi), write(tmp_path, "b.txt", shaanxi)]
    )
    assert [o.superseded for o in outcomes] == [[], []]
    assert [o.agency_confident for o in outcomes] == [False, False]
    with library.sessions() as session:
        details = [report_detail(session, o.report_id or 0) for o in outcomes]
    assert all(d and d.current and d.identity.possible_versions == () for d in details)
    assert [d.agency_suggestion for d in details if d] == ["山西省司法厅", "陕西省司法厅"]


def test_county_government_and_a_town_never_pair(library: Library, tmp_path: Path) -> None:
    county = report(
        "示例县人民政府关于2024年法治政府建设情况的报告", "2024年，我县坚持依法行政。", "县政府", 2024, 5
    )
    town = report("某某镇2023年法治政府建设年度报告", "2023年以来，某某镇坚持依法行政。", "镇政府", 2023, 5)
    outcomes = import_files(
        library.sessions, [write(tmp_path, "c.txt", town), write(tmp_path, "d.txt", county)]
    )
    with library.sessions() as session:
        current = get_report(session, outcomes[1].report_id or 0)
        assert current is not None and find_prior(session, current) is None
        detail = report_detail(session, current.id)
    assert detail is not None and detail.identity.prior is None and detail.identity.possible_priors == ()


def test_same_issuer_same_year_same_text_supersedes_and_says_why(library: Library, tmp_path: Path) -> None:
    text = report("示例市司法局2024年法治政府建设年度报告", "2024年，我局坚持依法行政。", "局党组", 2024, 6)
    first = import_file(library.sessions, write(tmp_path, "v1.txt", text))
    second = import_file(library.sessions, write(tmp_path, "v2.txt", text + "\n示例市司法局\n2025年1月20日"))
    assert second.superseded == [first.report_id]
    assert any("取代了旧版本" in line and "相同" in line for line in summary_lines(second))


def test_same_issuer_same_year_different_report_is_only_a_possible_version(
    library: Library, tmp_path: Path
) -> None:
    a = report("示例市司法局2024年法治政府建设年度报告", "2024年，我局坚持依法行政。", "局党组", 2024, 6)
    b = (
        "示例市司法局2024年度法治政府建设工作总结\n今年以来，全局干部职工围绕中心服务大局，紧盯年度目标任务，"
        "扎实开展矛盾纠纷排查化解、人民调解员培训、社区矫正对象教育帮扶和公共法律服务站点建设，"
        "全市新建村居法律顾问微信群二百余个，开展法律援助进企业活动，办结援助案件一批。"
    )
    first = import_file(library.sessions, write(tmp_path, "r.txt", a))
    second = import_file(library.sessions, write(tmp_path, "s.txt", b))
    assert second.superseded == []
    with library.sessions() as session:
        detail = report_detail(session, second.report_id or 0)
    assert detail is not None and [v.id for v in detail.identity.possible_versions] == [first.report_id]


def test_undo_superseding_survives_reprocessing_and_reimport(library: Library, tmp_path: Path) -> None:
    text = report(
        "示例县应急管理局2024年法治政府建设年度报告", "2024年，我局坚持依法行政。", "局党组", 2024, 4
    )
    old = import_file(library.sessions, write(tmp_path, "old.txt", text))
    new = import_file(library.sessions, write(tmp_path, "new.txt", text + "\n示例县应急管理局"))
    assert new.superseded == [old.report_id]
    with library.sessions.begin() as session:
        older = get_report(session, old.report_id or 0)
        assert older is not None
        restore_version(session, older, "张审阅")
    reprocess_report(library.sessions, old.report_id or 0)
    reprocess_report(library.sessions, new.report_id or 0)
    with library.sessions.begin() as session:  # delete the newer file and import it again
        newer = get_report(session, new.report_id or 0)
        assert newer is not None
        session.delete(newer)
    again = import_file(library.sessions, tmp_path / "new.txt")
    assert again.ok and again.superseded == []
    with library.sessions() as session:
        older = get_report(session, old.report_id or 0)
        assert older is not None and older.superseded_by_id is None


def test_chosen_prior_survives_reprocessing_and_reimport(library: Library, tmp_path: Path) -> None:
    prior = report("2023年，市公安局坚持依法行政。", "", "局党委", 2023, 3)
    current = report(
        "某某市公安局2024年法治政府建设年度报告", "2024年，我局坚持依法行政。", "局党委", 2024, 4
    )
    outcomes = import_files(
        library.sessions, [write(tmp_path, "p.txt", prior), write(tmp_path, "q.txt", current)]
    )
    prior_id, current_id = (o.report_id or 0 for o in outcomes)
    with library.sessions.begin() as session:
        this, that = get_report(session, current_id), get_report(session, prior_id)
        assert this is not None and that is not None and find_prior(session, this) is None
        choose_prior(session, this, that, "张审阅")
    reprocess_report(library.sessions, current_id)
    with library.sessions.begin() as session:
        this = get_report(session, current_id)
        assert this is not None
        session.delete(this)
    again = import_files(library.sessions, [tmp_path / "q.txt"])[0]
    assert again.identity["prior"]["id"] == prior_id and again.identity["prior"]["reason"] == "chosen"


def test_confirming_an_agency_lets_it_pair(library: Library, tmp_path: Path) -> None:
    prior = report("", "2023年，区教育局坚持依法治教。", "局党委", 2023, 2)
    current = report(
        "示例区教育局2024年法治政府建设年度报告", "2024年，我局坚持依法治教。", "局党委", 2024, 3
    )
    outcomes = import_files(
        library.sessions, [write(tmp_path, "e.txt", prior), write(tmp_path, "f.txt", current)]
    )
    with library.sessions() as session:
        detail = report_detail(session, outcomes[1].report_id or 0)
    assert detail is not None and detail.identity.prior is None
    assert [p.id for p in detail.identity.possible_priors] == [outcomes[0].report_id]
    with library.sessions.begin() as session:
        unsure = get_report(session, outcomes[0].report_id or 0)
        assert unsure is not None
        correct(session, unsure, "agency", "示例区教育局", "张审阅")
        assert unsure.agency_confident and unsure.agency_key
    with library.sessions() as session:
        this = get_report(session, outcomes[1].report_id or 0)
        assert this is not None
        found = find_prior(session, this)
        assert found is not None and found.id == outcomes[0].report_id
        links = session.scalars(select(models.MetadataCorrection)).all()
    assert [(row.field, row.value) for row in links] == [("agency", "示例区教育局")]
