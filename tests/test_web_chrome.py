"""Web-page chrome: removed from pasted .txt and saved .html by the same rules; page facts kept."""

from __future__ import annotations

from pathlib import Path

from desktop.core.analysis import analyse
from desktop.core.text.cleaning import clean_text
from desktop.core.text.web_chrome import is_chrome_line, scan

PAGE = """您现在所在的位置 : 首页 > 政府信息公开目录 > 法治政府建设报告
分享到:
示例县司法局2024年度法治政府建设年度报告
  • 2025-02-28 15:41:39
  • 来源: 本网
  • 发布机构: 示例县司法局
  • 【字体:\t\t
丨     网站无障碍 丨 关怀版 丨  关爱版
字号：大 中 小
  2024年，我局在县委县政府的正确领导下，坚持依法行政，统筹推动法治政府建设取得新成效。现将有关情况报告如下：
  一、主要举措和成效
  全年召开专题会议4次，审核规范性文件12件。
【打印本页】【关闭窗口】
网站标识码：1234567890 ICP备12345678号
"""


def test_pasted_page_loses_its_chrome_and_keeps_its_facts() -> None:
    cleaned = clean_text(PAGE, "txt")
    lines = cleaned.text.split("\n")
    assert lines[0] == "示例县司法局2024年度法治政府建设年度报告"
    assert lines[1].startswith("2024年，我局")
    assert lines[-1] == "全年召开专题会议4次，审核规范性文件12件。"
    assert cleaned.page_info == {"published_date": "2025-02-28", "source": "本网", "agency": "示例县司法局"}
    assert "web_chrome" in cleaned.steps


def test_offset_map_stays_correct_across_removed_lines() -> None:
    cleaned = clean_text(PAGE, "txt")
    for quote in ("示例县司法局2024年度", "审核规范性文件12件", "现将有关情况报告如下"):
        start = cleaned.text.index(quote)
        a, b = cleaned.offsets.to_original(start, start + len(quote))
        assert PAGE[a:b] == quote


def test_info_lines_and_stale_header_dates() -> None:
    text = "示例县人民政府 2019年12月3日星期二\n无障碍 简体| 繁体\n示例县2023年度法治政府建设情况报告\n来源:示例县人民政府办公室 发布时间:2024-03-28 09:18\n示例县2023年度法治政府建设情况报告\n2023年，示例县坚持依法行政，推进法治政府建设，取得积极成效。"
    found = scan(text)
    kept = clean_text(text, "txt").text.split("\n")
    assert kept == [
        "示例县2023年度法治政府建设情况报告",
        "2023年，示例县坚持依法行政，推进法治政府建设，取得积极成效。",
    ]
    assert found.info == {"source": "示例县人民政府办公室", "published_date": "2024-03-28"}  # not 2019


def test_mirror_site_spam_and_reposted_from() -> None:
    text = "某某资讯网 某某资讯网\n当前位置: 首页 » 前沿资讯 »\n教育部2024年法治政府建设年度报告\n转自:教育部\n2024年，教育部坚持依法行政，推进法治政府建设，取得新成效。"
    cleaned = clean_text(text, "txt")
    assert cleaned.text.split("\n")[0] == "教育部2024年法治政府建设年度报告"
    assert cleaned.page_info == {"source": "教育部"}


def test_report_lines_are_not_chrome() -> None:
    for line in (
        "一、主要举措和成效",
        "2024年，我局积极推进政务公开，在门户网站发布信息120条。",
        "（三）加强法治宣传。通过微信公众号发布普法文章300余篇，阅读量超过10万人次。",
        "示例县司法局",
        "2025年1月10日",
    ):
        assert not is_chrome_line(line), line
    closing = "2024年，我局坚持依法行政，推进法治政府建设，取得积极成效。\n示例县司法局\n2025年1月10日"
    assert clean_text(closing, "txt").text == closing  # the signature and its date stay


def test_page_repeating_its_title_over_two_lines() -> None:
    text = "中共示例县委示例县人民政府关于2024年法治政府建设情况的报告\n发布时间：2025年03月28日 16:52 来源：示例县司法局 浏览次数：\n中共示例县委 示例县人民政府\n关于2024年法治政府建设情况的报告\n市委、市政府：\n2024年，我县坚持以习近平法治思想为指导，推进法治政府建设，取得积极成效。"
    lines = clean_text(text, "txt").text.split("\n")
    assert lines[0].endswith("情况的报告") and lines[1] == "市委、市政府：" and len(lines) == 3


HTML = """<html><head><meta charset="utf-8"><title>示例县司法局2024年法治政府建设年度报告</title></head>
<body><div class="content">
<p>您现在所在的位置：首页>政府信息公开>法治政府建设</p>
<h1>示例县司法局2024年法治政府建设年度报告</h1>
<p>无障碍 简体|繁体</p>
<p>字号：大 中 小</p>
<p>2024年，我局在县委县政府的正确领导下，坚持依法行政，统筹推动法治政府建设取得新成效。现将有关情况报告如下：</p>
<p>一、主要举措和成效</p>
<p>全年召开专题会议4次，审核规范性文件12件，办理行政复议案件3件，较上年有所增加。</p>
<p>【打印本页】【关闭窗口】</p>
</div></body></html>"""


def test_saved_page_gets_the_same_rules(tmp_path: Path) -> None:
    txt = "\n".join(
        line.strip() for line in HTML.split("\n") if line.strip().startswith("<p>") or line.startswith("<h1>")
    )
    txt = txt.replace("<p>", "").replace("</p>", "").replace("<h1>", "").replace("</h1>", "")
    from_html = analyse(HTML.encode("utf-8"), "page.html").cleaned.text
    from_txt = analyse(txt.encode("utf-8"), "page.txt").cleaned.text
    assert from_html == from_txt
    assert "无障碍" not in from_html and "字号" not in from_html and "打印" not in from_html


def test_a_report_with_an_endless_line_imports_within_the_limit(library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The chrome scan's test for a report sentence once backtracked over a long line without a
    clause end (quadratic: ten minutes for 400,000 characters); the import's 20 s limit refused it."""
    from desktop.core.importing import import_file

    body = PAGE.replace("您现在所在的位置", "示例县司法局").split("【打印本页】")[0]
    path = tmp_path / "endless.txt"
    path.write_text(body + "一二三四五六七八九十" * 40_000, encoding="utf-8")
    outcome = import_file(library.sessions, path)
    assert outcome.ok, outcome.error
