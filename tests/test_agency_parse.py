"""Issuer names read by their structure: places from the gazetteer or by form, a body, a sub-unit."""

from __future__ import annotations

import pytest

from desktop.core.agency.gazetteer import gazetteer
from desktop.core.agency.parse import parse_issuer


@pytest.mark.parametrize(
    ("text", "places", "body", "sub", "kind"),
    [
        ("示例县司法局", ["示例县"], "司法局", None, "department"),
        ("某某市公安局某某区分局", ["某某市"], "公安局", "某某区分局", "sub_bureau"),
        ("某某市公安局交通警察支队", ["某某市"], "公安局", "交通警察支队", "sub_bureau"),
        ("某某镇人民政府", ["某某镇"], "人民政府", None, "town"),
        ("某某乡人民政府", ["某某乡"], "人民政府", None, "town"),
        ("某某街道办事处", ["某某街道"], "办事处", None, "street"),
        ("某某经济开发区管理委员会", ["某某经济开发区"], "管理委员会", None, "zone"),
        ("某某高新区管委会", ["某某高新区"], "管委会", None, "zone"),
        ("某省教育厅", ["某省"], "教育厅", None, "provincial"),
        ("某省人力资源和社会保障厅", ["某省"], "人力资源和社会保障厅", None, "provincial"),
        ("示例市卫生健康委员会", ["示例市"], "卫生健康委员会", None, "department"),
        ("示例市卫健委", ["示例市"], "卫健委", None, "department"),
        ("示例县人民政府", ["示例县"], "人民政府", None, "government"),
        ("湖南省湘乡市应急管理局", ["湖南省", "湘乡市"], "应急管理局", None, "department"),
        ("长安镇人民政府", ["长安镇"], "人民政府", None, "town"),  # a town, not 长安区 + a stray 镇
        ("新乡县人民政府", ["新乡县"], "人民政府", None, "government"),  # not the 乡 of 新
        ("河北唐山芦台经济开发区管委会", ["河北", "唐山", "芦台经济开发区"], "管委会", None, "zone"),
        ("教育部", [], "教育部", None, "ministry"),
    ],
)
def test_names_of_every_kind_of_issuer(
    text: str, places: list[str], body: str, sub: str | None, kind: str
) -> None:
    issuer = parse_issuer(text, free=True)
    assert issuer is not None and issuer.text == text
    assert [p.text for p in issuer.places] == places
    assert (issuer.body, issuer.sub, issuer.kind) == (body, sub, kind)


def test_short_forms_keep_their_bare_level() -> None:
    for text, level in (("市司法局", "市"), ("省司法厅", "省"), ("区教育局", "区"), ("县应急管理局", "县")):
        issuer = parse_issuer(text)
        assert issuer is not None and issuer.level == level and issuer.places == ()


def test_joint_party_and_government_report() -> None:
    for text in ("中共示例县委 示例县人民政府", "中共示例县县委 示例县人民政府", "示例县委、示例县人民政府"):
        issuer = parse_issuer(text, free=True)
        assert issuer is not None and issuer.kind == "joint" and issuer.body == "人民政府"
        assert [p.text for p in issuer.places] == ["示例县"]


@pytest.mark.parametrize(
    "text",
    [
        "法治政府建设",  # a goal, not an issuer
        "市委、市政府",  # the superiors, and no place
        "度省教育厅",  # a fragment of 年度省教育厅
        "大力推进全省司法厅系统",
        "议案形式提请市司法局",
        "前进区在区委",
        "现将我局",
        "人民政府",
        "东莞市中国东莞政府",
    ],
)
def test_fragments_and_non_agencies_are_not_issuers(text: str) -> None:
    issuer = parse_issuer(text, free=True)
    assert issuer is None


def test_gazetteer_short_forms_and_districts() -> None:
    g = gazetteer()
    assert [d.name for d in g.lookup("山西")] == ["山西省"]
    assert {g.filing_name(d) for d in g.lookup("和平区")} >= {"天津市和平区", "沈阳市和平区"}
    [jinghai] = g.lookup("静海区")
    assert g.filing_name(jinghai) == "天津市静海区" and jinghai.is_district
    [xunxian] = g.lookup("浚县")
    assert g.filing_name(xunxian) == "浚县"  # counties are filed without their city
