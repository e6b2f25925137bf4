"""Agency names sorted by pinyin, as a Chinese reader looks them up (the list and the summary)."""

from __future__ import annotations

from desktop.core.collation import agency_sort_key, sort_by_agency


def test_names_sort_by_pinyin_not_by_code_point() -> None:
    names = [
        "重庆市司法局",
        "长沙市教育局",
        "厦门市公安局",
        "北京市司法局",
        "北海市司法局",
        "阿坝州人民政府",
        "桃源镇人民政府",
        "东湖街道办事处",
        "云山经济开发区管理委员会",
        "某某市公安局某某区分局",
        "某省教育厅",
        "示例县司法局",
        "示例市应急管理局",
    ]
    assert sort_by_agency(names) == [
        "阿坝州人民政府",  # ā
        "北海市司法局",  # běi hǎi before běi jīng
        "北京市司法局",
        "长沙市教育局",  # cháng (a polyphone read in context)
        "重庆市司法局",  # chóng
        "东湖街道办事处",
        "某某市公安局某某区分局",  # mǒu mǒu before mǒu shěng
        "某省教育厅",
        "示例市应急管理局",  # shì lì shì before shì lì xiàn
        "示例县司法局",
        "桃源镇人民政府",
        "厦门市公安局",  # xià
        "云山经济开发区管理委员会",
    ]
    assert sorted(names) != sort_by_agency(names)  # code point order is not this


def test_missing_names_last_and_latin_first() -> None:
    assert sort_by_agency(["青石县司法局", "12345热线办公室", "ABC开发区管委会"]) == [
        "12345热线办公室",
        "ABC开发区管委会",
        "青石县司法局",
    ]
    assert sorted([None, "青石县司法局", ""], key=agency_sort_key) == ["青石县司法局", None, ""]


def test_the_list_command_sorts_the_same_way(library, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from db.paths import library_location
    from desktop.cli import run
    from desktop.core.importing import import_files
    from tests.version_files import CONFIDENT, report_text, write

    files = [write(tmp_path, f"{n}.txt", report_text(agency)) for n, agency in enumerate(CONFIDENT)]
    import_files(library.sessions, files)
    assert run(["list", "--library", library_location(library.url), "--json"]) == 0
    listed = [r["agency"] for r in json.loads(capsys.readouterr().out)]
    assert listed == ["临江市公安局滨河区分局", "青石县司法局", "示例省教育厅"]  # lín, qīng, shì
    assert listed != sorted(listed)  # by code point 示 comes before 青
