"""Web-page import: the report body of government pages, without the site chrome, plus metadata.

Besides the two corpus pages, the tests use pages written here in other CMS styles (TRS with GB2312,
gov.cn-like, old table layout, ASP.NET form), because the reader must work on sites it has not seen.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import ImportRefused
from desktop.core.importers import read_document
from desktop.core.importers.html_reader import read_html
from tests.conftest import corpus_path

CHROME_WORDS = (
    "网站标识码", "ICP", "扫一扫", "索引号", "浏览次数", "当前位置", "相关附件", "分享", "打印", "关闭",
    "点击数", "浏览量", "阅读次数", "您现在的位置", "版权所有", "主办", "相关链接", "栏目导航", "责任编辑",
    "首页", "字体", "纠错", "隐藏", "脚本",
)  # fmt: skip

TITLE = "某某县司法局2024年法治政府建设年度报告"
BODY = [
    "　　2024年，某某县司法局在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，"
    "全面落实《法治政府建设实施纲要（2021－2025年）》，扎实推进法治政府建设各项工作，取得了明显成效。"
    "现将有关情况报告如下。",
    "一、主要举措和成效",
    "（一）坚持党的领导，压实法治建设责任。局党组把法治政府建设摆在全局工作的突出位置，"
    "全年召开党组会议研究法治工作6次，制定年度工作要点，明确责任分工，"
    "形成了主要领导亲自抓、分管领导具体抓、各股室协同抓的工作格局。",
    "（二）规范行政执法，提升执法质效。全面落实行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，"
    "全年审核重大执法决定23件，开展案卷评查2次，评查案卷56卷，合格率达到100%。",
    "二、存在的不足和原因",
    "一是执法人员专业素养有待提高，部分人员对新修订法律法规学习不深不透；"
    "二是基层法治力量较为薄弱，乡镇司法所人员不足的问题仍然存在。",
    "三、下一年度主要安排",
    "2025年，我局将持续深化法治政府建设，加强执法队伍建设，完善行政执法监督机制，推动法治政府建设再上新台阶。",
]

# TRS-style page in GB2312 declared by http-equiv: breadcrumb, info table, TRS_Editor body, share bar.
TRS_GB2312 = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{TITLE}_某某县人民政府网</title>
<script src="/js/jquery.js"></script><script>var a = "<p>脚本里的假正文，不应出现</p>";</script>
</head><body>
<div class="top"><a href="/">网站首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a>
 | <a href="/hdjl/">互动交流</a> | <a href="/zjmx/">走进某某</a></div>
<div class="location">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">政府信息公开</a>
 &gt;&gt; <a href="#">法治政府建设年度报告</a></div>
<table class="xxgk_table" width="100%"><tbody>
<tr><td class="lab">索&nbsp;引&nbsp;号：</td><td>431381000/2025-00012</td>
<td class="lab">主题分类：</td><td>司法</td></tr>
<tr><td class="lab">发布机构：</td><td>某某县司法局</td>
<td class="lab">成文日期：</td><td>2025年01月20日</td></tr>
<tr><td class="lab">标　　题：</td><td colspan="3">{TITLE}</td></tr>
<tr><td class="lab">文　　号：</td><td></td><td class="lab">发布日期：</td><td>2025年1月22日</td></tr>
</tbody></table>
<div class="detail">
<h2 class="detail-title" align="center">{TITLE}</h2>
<div class="detail-info">来源：某某县司法局&nbsp;&nbsp;点击数：<span id="hits">356</span>&nbsp;&nbsp;
【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="TRS_Editor"><style type="text/css">.TRS_Editor P{{margin-top:0;line-height:1.5}}</style>
<p>{BODY[0]}</p>
<p style="text-indent: 2em"><strong>{BODY[1]}</strong></p>
<p>　　<b>（一）坚持党的领导，压实法治建设责任。</b>{BODY[2].split("。", 1)[1]}</p>
<p>　　{BODY[3]}</p>
<table border="1" cellspacing="0"><tr><td><p>指标</p></td><td><p>2023年</p></td><td><p>2024年</p></td></tr>
<tr><td>行政复议案件（件）</td><td>12</td><td>9</td></tr></table>
<p><strong>{BODY[4]}</strong></p>
<p>{BODY[5]}</p>
<p><strong>{BODY[6]}</strong></p>
<p>{BODY[7]}</p>
<p style="text-align: right">某某县司法局<br/>2025年1月20日</p>
<p>扫一扫在手机打开当前页</p>
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="print">【<a href="javascript:window.print()">打印</a>】
【<a href="javascript:window.close()">关闭</a>】</div>
<div class="related"><div>相关链接：</div>
<ul><li><a href="#">某某市司法局</a></li><li><a href="#">某某县人民政府</a></li></ul></div>
</div>
<div class="foot">主办：某某县人民政府办公室&nbsp;&nbsp;版权所有：某某县人民政府<br/>
网站标识码：4313810001&nbsp;湘ICP备05001234号-1&nbsp;湘公网安备43138102000123号</div>
</body></html>"""

# gov.cn-like: <meta> article fields, HTML5 <header>/<nav>/<aside>/<footer>, labels in <b>, h1 title.
GOVCN_STYLE = f"""<!DOCTYPE html><html lang="zh"><head><meta charset="UTF-8">
<meta name="ArticleTitle" content="{TITLE}"><meta name="PubDate" content="2025/02/03 09:30">
<meta name="ContentSource" content="某某县司法局"><meta name="description" content="{TITLE}全文">
<title>{TITLE}</title></head><body>
<header class="site-header"><h1 class="logo">某某县人民政府</h1>
<nav><a href="/">首页</a><a href="/zwgk">政务公开</a></nav></header>
<div class="crumb">首页 &gt; 政务公开 &gt; 法治政府建设</div>
<div class="article oneColumn pub_border">
<table class="bd1"><tr><td><b>索 引 号：</b></td><td>000014349/2025-00003</td>
<td><b>主题分类：</b></td><td>公安、安全生产、司法</td></tr>
<tr><td><b>发文机关：</b></td><td>某某县司法局</td><td><b>成文日期：</b></td><td>2025-01-27</td></tr></table>
<h1>{TITLE}</h1>
<div class="pages-date">2025-02-03 09:30 <span class="font">来源： 某某县司法局</span>
<span>浏览量：1,024</span></div>
<div class="pages_content" id="UCAP-CONTENT">
{"".join(f"<p>{p}</p>" for p in BODY)}
<p style="display:none">隐藏的统计代码文字</p>
<div class="attachment">相关附件:</div>
</div>
<div class="editor">【我要纠错】 责任编辑：张三</div>
<div class="mhide"><span>分享：</span><a>微信</a><a>微博</a></div>
</div>
<aside class="related"><h3>相关稿件</h3>
<ul><li><a href="#">某某县2023年法治政府建设年度报告</a></li></ul></aside>
<footer><p>主办单位：某某县人民政府办公室</p><p>网站标识码bm01000001 京ICP备05070218号</p>
<p>联系我们 | 网站地图</p></footer>
</body></html>"""

# An old table-layout page: no known container, the body in a <td> with <br> line breaks, GBK
# bytes and no charset declaration at all.
TABLE_LAYOUT_GBK = f"""<html><head><title>{TITLE}</title></head><body>
<table width="980"><tr><td colspan="2"><img src="banner.jpg"></td></tr>
<tr><td width="200" valign="top"><table>
<tr><td><a href="#">通知公告</a></td></tr><tr><td><a href="#">政策文件</a></td></tr>
<tr><td><a href="#">工作动态</a></td></tr><tr><td><a href="#">人事信息</a></td></tr></table></td>
<td valign="top"><font size="4"><b>{TITLE}</b></font><br><br>
<font size="3">{"<br>".join(BODY)}</font><br>
<div align="center">【<a href="#">打印本页</a>】 【<a href="#">关闭窗口</a>】</div></td></tr>
<tr><td colspan="2" align="center">Copyright &copy; 2025 某某县人民政府 版权所有
　地址：某某县人民路1号</td></tr>
</table></body></html>"""

# ASP.NET: the whole body sits in one <form>, and id="content" wraps a link sidebar too.
ASPNET_FORM = f"""<html><head><meta http-equiv="content-type" content="text/html;charset=utf-8">
<title>{TITLE}-某某县司法局</title></head>
<body><form id="form1" method="post" action="./show.aspx?id=12">
<input type="hidden" name="__VIEWSTATE" value="abc">
<div id="content"><div class="left"><h3>栏目导航</h3><ul><li><a href="#">机构概况</a></li>
<li><a href="#">法治政府建设</a></li><li><a href="#">普法依法治理</a></li>
<li><a href="#">公共法律服务</a></li><li><a href="#">人民调解</a></li></ul></div>
<div class="right"><div class="con_title">{TITLE}</div>
<div class="con_info">时间：2025-01-22 来源：某某县司法局 阅读次数：88</div>
<div class="con">{"".join(f"<p>{p}</p>" for p in BODY)}</div></div></div>
<div class="bottom">主办单位：某某县司法局 技术支持：某某网络公司</div></form></body></html>"""


def _paragraphs(text: str) -> list[str]:
    return text.split("\n")


def _assert_clean_report(text: str) -> None:
    for word in CHROME_WORDS:
        assert word not in text, word
    paragraphs = _paragraphs(text)
    assert paragraphs[0] == TITLE
    assert paragraphs[1].startswith("2024年，某某县司法局在县委")  # the full-width indent is trimmed
    for heading in ("一、主要举措和成效", "二、存在的不足和原因", "三、下一年度主要安排"):
        assert heading in paragraphs
    assert paragraphs[-1] in ("2025年1月20日", BODY[7])


def test_trs_page_in_gb2312() -> None:
    data = TRS_GB2312.encode("gb2312")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    document = read_html(data)
    _assert_clean_report(document.text)
    assert document.format == "html"
    assert document.metadata["encoding"] == "gb18030"
    assert document.metadata["agency"] == "某某县司法局"
    assert document.metadata["written_date"] == "2025-01-20"
    assert document.metadata["published_date"] == "2025-01-22"
    assert document.metadata["title"] == TITLE
    paragraphs = _paragraphs(document.text)
    assert "指标\t2023年\t2024年" in paragraphs
    assert "行政复议案件（件）\t12\t9" in paragraphs
    assert paragraphs[-2:] == ["某某县司法局", "2025年1月20日"]  # <br> splits the signature
    by_text = {document.text[b.start : b.end]: b for b in document.blocks}
    assert by_text[TITLE].kind == "heading" and by_text[TITLE].centered
    assert by_text["一、主要举措和成效"].bold
    assert by_text[BODY[2]].bold  # <b> opens the paragraph: a run-in heading
    assert not by_text[BODY[3]].bold
    assert by_text["行政复议案件（件）\t12\t9"].kind == "table_row"
    assert not by_text["2025年1月20日"].centered


def test_govcn_style_page() -> None:
    document = read_html(GOVCN_STYLE.encode("utf-8"))
    _assert_clean_report(document.text)
    assert len(_paragraphs(document.text)) == len(BODY) + 1
    assert document.blocks[0].kind == "heading"
    assert document.metadata["agency"] == "某某县司法局"
    assert document.metadata["written_date"] == "2025-01-27"
    assert document.metadata["published_date"] == "2025-02-03"  # from <meta name="PubDate">
    assert document.metadata["description"] == f"{TITLE}全文"


def test_old_table_layout_page_without_charset() -> None:
    document = read_html(TABLE_LAYOUT_GBK.encode("gbk"))
    _assert_clean_report(document.text)
    assert _paragraphs(document.text)[1:] == [p.strip("　") for p in BODY]
    assert document.blocks[0].bold
    assert document.metadata["encoding"] == "gb18030"


def test_aspnet_form_page_keeps_the_body() -> None:
    document = read_html(ASPNET_FORM.encode("utf-8"))
    _assert_clean_report(document.text)
    for word in ("机构概况", "普法依法治理", "人民调解", "技术支持"):
        assert word not in document.text


def test_word_saved_html() -> None:
    paragraphs = "".join(
        f"<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>{p}"
        "<o:p></o:p></span></p>\n"
        for p in BODY
    )
    page = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312"><title>{TITLE}</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>Administrator</o:Author>
</o:DocumentProperties></xml><![endif]--></head><body lang=ZH-CN><div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt'>{TITLE}
<o:p></o:p></span></b></p><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
{paragraphs}<p class=MsoNormal align=right style='text-align:right'><span>某某县司法局</span></p>
</div></body></html>"""
    document = read_html(page.encode("gb18030"))
    assert _paragraphs(document.text) == [TITLE, *(p.strip("　") for p in BODY), "某某县司法局"]
    assert document.blocks[0].bold and document.blocks[0].centered
    assert document.metadata["title"] == TITLE


def test_nested_content_wrappers_and_a_wrong_charset_declaration() -> None:
    sidebar = "".join(f"<li><a href='#'>栏目{i}的名称</a></li>" for i in range(12))
    body = "".join(f"<p>{p}</p>" for p in BODY)
    page = f"""<html><head><meta charset="gbk"><title>{TITLE}-某某县</title></head><body>
<div id="content"><div class="sidebar"><ul>{sidebar}</ul></div>
<div class="main"><div class="content"><h1>{TITLE}</h1>{body}</div>
<div class="pre-next"><p>上一篇：<a href="#">某某县司法局2023年工作总结</a></p>
<p>下一篇：<a href="#">关于印发某某办法的通知</a></p></div></div></div></body></html>"""
    document = read_html(page.encode("utf-8"))  # saved as UTF-8, still declaring GBK
    assert document.metadata["encoding"] == "utf-8"
    _assert_clean_report(document.text)
    assert "栏目" not in document.text and "上一篇" not in document.text


def test_layout_table_with_paragraphs_in_a_cell() -> None:
    nav = "".join(f"<tr><td><a href='#'>栏目名称{i}</a></td></tr>" for i in range(10))
    body = "".join(f"<p>{p}</p>" for p in BODY)
    page = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<table width=1000><tr><td colspan=2>某某县人民政府门户网站</td></tr>
<tr><td width=200><table>{nav}</table></td><td><table width=100%>
<tr><td align=center><b>{TITLE}</b></td></tr><tr><td>发布时间：2025-01-22 浏览次数：12</td></tr>
<tr><td>{body}</td></tr></table></td></tr>
<tr><td colspan=2>版权所有 某某县人民政府 网站标识码1234</td></tr></table></body></html>"""
    document = read_html(page.encode("utf-8"))
    assert _paragraphs(document.text) == [TITLE, *(p.strip("　") for p in BODY)]
    assert document.blocks[0].kind == "heading"
    assert document.blocks[0].bold and document.blocks[0].centered
    assert document.metadata["published_date"] == "2025-01-22"


def test_paragraph_layout_rules() -> None:
    page = (
        "<html><body><div class='article-content'>"
        "<h3>标题 一</h3>"
        "<p>  第一段　中文   文字，&nbsp;&nbsp;保留单个空格。 </p>"
        "<p> </p><p>&nbsp;</p>"
        "<div>直接写在 div 里的文字<br/>换行后的第二段<div>嵌套的块</div>尾随文字</div>"
        "<ul><li>列表一，含有逗号。</li><li><strong>列表二</strong>加粗开头</li></ul>"
        "<p align='center'>居中段落</p><div style='text-align:center'><p>继承居中</p></div>"
        "<p style='font-weight:700'>样式加粗</p>"
        "<p>这是一个足够长的段落，用来让正文容器拥有足够多的中文字符，从而被识别为正文区域，而不是页面框架。"
        "这是一个足够长的段落，用来让正文容器拥有足够多的中文字符，从而被识别为正文区域。</p>"
        "</div></body></html>"
    )
    document = read_html(page.encode("utf-8"))
    paragraphs = _paragraphs(document.text)
    assert paragraphs[:10] == [
        "标题 一",
        "第一段 中文 文字， 保留单个空格。",
        "直接写在 div 里的文字",
        "换行后的第二段",
        "嵌套的块",
        "尾随文字",
        "列表一，含有逗号。",
        "列表二加粗开头",
        "居中段落",
        "继承居中",
    ]
    blocks = {document.text[b.start : b.end]: b for b in document.blocks}
    assert blocks["标题 一"].kind == "heading"
    assert blocks["列表二加粗开头"].bold and not blocks["列表一，含有逗号。"].bold
    assert blocks["居中段落"].centered and blocks["继承居中"].centered
    assert blocks["样式加粗"].bold
    assert document.metadata["title"] == "标题 一"
    for block in document.blocks:
        assert document.text[block.start : block.end] == document.text[block.start : block.end].strip()


def test_meta_charset_and_bom() -> None:
    body = "<p>" + "。".join(BODY) + "</p>"
    page = f"<html><head><meta charset='gbk'><title>{TITLE}</title></head><body>{body}</body></html>"
    assert read_html(page.encode("gbk")).text.startswith("2024年，某某县司法局")
    utf16 = read_html(b"\xff\xfe" + page.replace("gbk", "utf-8").encode("utf-16-le"))
    assert utf16.text.startswith("2024年，某某县司法局")
    assert utf16.metadata["encoding"] == "utf-16-le"
    # Declared Latin-1 on a UTF-8 page is a server misconfiguration; trust the bytes.
    latin = read_html(page.replace("gbk", "iso-8859-1").encode("utf-8"))
    assert latin.text.startswith("2024年，某某县司法局")


def test_no_network_or_entities_and_scripts_are_ignored(tmp_path: object) -> None:
    page = (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/hostname">]><html><body>'
        "<p>&xxe;</p><script>document.write('脚本写入的文字')</script>"
        '<iframe src="http://example.com/">框架</iframe><img src="http://example.com/x.png">'
        f"<div id='zoom'><p>{BODY[0]}</p><p>{BODY[2]}</p></div></body></html>"
    )
    document = read_html(page.encode("utf-8"))
    assert "脚本" not in document.text and "框架" not in document.text
    assert document.text.split("\n")[-2:] == [BODY[0].strip("　"), BODY[2]]


def test_page_without_text_is_refused() -> None:
    with pytest.raises(ImportRefused) as caught:
        read_html(b"<html><head><script>load()</script></head><body><div id='app'></div></body></html>")
    assert caught.value.code == "no_text"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' apdivbrtbleh1&;#x法治报告，。\n")), max_size=300))
def test_arbitrary_markup_never_crashes(markup: str) -> None:
    try:
        document = read_html(f"<html><body>{markup}</body></html>".encode())
    except ImportRefused as refused:
        assert refused.code in ("no_text", "damaged")
    else:
        for block in document.blocks:
            assert 0 <= block.start <= block.end <= len(document.text)


def test_deeply_nested_page() -> None:
    def page(depth: int) -> bytes:
        text = "法治政府建设年度报告，正文。" * 20
        return f"<html><body>{'<div>' * depth}{text}{'</div>' * depth}</body></html>".encode()

    assert "法治政府建设年度报告" in read_html(page(250)).text
    # libxml2 stops at 256 levels (a guard against hostile pages): refused cleanly, no crash.
    with pytest.raises(ImportRefused) as caught:
        read_html(page(5000))
    assert caught.value.code == "no_text"


KAIPING_HEADINGS = (
    "一、加强法治政府建设的组织领导",
    "二、全面提升法治素养",
    "三、主要负责人履行职责，加强法治政府建设情况",
    "四、推进法治政府建设主要举措和成效",
    "五、存在的问题和不足",
    "六、下一年度推进法治政府建设主要工作安排",
)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "year", "date"), [("kaiping_2025", 2025, "2025-12-19"), ("kaiping_2024", 2024, "2024-12-20")]
)
def test_corpus_kaiping_pages(name: str, year: int, date: str) -> None:
    data = corpus_path("reports", f"{name}.html").read_bytes()
    started = time.perf_counter()
    document = read_html(data)
    assert time.perf_counter() - started < 2.0
    paragraphs = _paragraphs(document.text)
    title = f"开平市应急管理局{year}年法治政府建设年度报告"
    assert paragraphs[0] == title
    assert paragraphs[1].startswith(f"{year}年，开平市应急管理局坚持")
    for heading in KAIPING_HEADINGS:
        assert heading in paragraphs
    assert paragraphs[-1].startswith(f"{year + 1}年，我局坚持")
    for word in ("网站标识码", "ICP", "扫一扫", "索引号", "浏览次数", "当前位置", "相关附件", "分享"):
        assert word not in document.text, word
    assert document.metadata["agency"] == "开平市应急管理局"
    assert document.metadata["written_date"] == date
    assert document.metadata["published_date"] == date
    assert document.metadata["title"] == title
    assert document.blocks[0].kind == "heading"
    bold = [document.text[b.start : b.end] for b in document.blocks if b.bold]
    assert bold[0].startswith("（一）") and len(bold) == 5
    assert not document.warnings


@pytest.mark.corpus
def test_corpus_page_through_the_dispatcher() -> None:
    data = corpus_path("reports", "kaiping_2025.html").read_bytes()
    document = read_document(data, "kaiping_2025.html")
    assert document.format == "html"
    assert "零复议" in document.text
