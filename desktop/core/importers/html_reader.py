"""Saved web pages: find the report body on a government site and drop the site chrome around it.

Parsing uses lxml's HTML parser only: no network, no DTD or external entities, no scripts.
The body is found generically (well-known CMS content containers, else readability-style
scoring), so the reader works on sites it was not tuned on.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from desktop.core.errors import ImportRefused
from desktop.core.importers.model import Block, BlockKind, ExtractedDocument

if TYPE_CHECKING:
    from lxml.html import HtmlElement as _Element

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_GB_NAMES = {"gb2312", "gbk", "gb18030", "cp936", "euc_cn"}  # codecs.lookup() names; GB18030 covers all
_WESTERN_NAMES = {"ascii", "latin-1", "iso8859-1", "cp1252"}  # often declared wrongly on Chinese sites

_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "template",
    "svg", "canvas", "select", "button", "textarea", "input", "nav", "aside", "footer", "map",
)  # fmt: skip
_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "caption", "center", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "li", "dd", "blockquote"} | _HEADINGS)

# id/class names of the body container in common Chinese government CMSs (TRS, 大汉, 拓尔思, gov.cn
# 内容管理 …), best first. Matched as whole tokens, case-insensitively.
_KNOWN_CONTAINERS = (
    "zoom", "trs_editor", "trs_ueditor", "ucap-content", "pages_content", "article-content",
    "article_content", "articlecontent", "xxgk_content", "ccontent", "news_content", "main-content",
    "detail-content", "content_text", "zw", "content", "article",
)  # fmt: skip

_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_ALIGN_STYLE = re.compile(r"text-align\s*:\s*(\w+)", re.IGNORECASE)
_TITLE_CLASS = re.compile(r"title|biaoti|headline|(^|[\s_-])(tit|bt)([\s_-]|$)", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜—–]|(?<!\d)-|-(?!\d))+\s*")  # not the "-" of 2021-2025
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")

# Labels of the 政府信息公开 info table, and the metadata key each one fills (None: drop only).
_INFO_LABELS: dict[str, str | None] = {
    "发布机构": "agency", "发文机关": "agency", "发文单位": "agency", "成文日期": "written_date",
    "发布日期": "published_date", "发布时间": "published_date", "公开日期": "published_date",
    "名称": "title", "标题": "title", "来源": "source", "信息来源": "source", "索引号": None,
    "主题分类": None, "分类": None, "文号": None, "发文字号": None, "主题词": None, "有效性": None,
    "体裁分类": None, "组配分类": None, "服务对象": None, "生效日期": None, "废止日期": None,
}  # fmt: skip
# Sites pad labels to equal width: 索 引 号, 标　　题.
_LABEL_ALT = "|".join(r"\s*".join(label) for label in sorted(_INFO_LABELS, key=len, reverse=True))
_INLINE_LABEL = re.compile(rf"(?<![\u3400-\u9fff])({_LABEL_ALT})\s*[:：]\s*")  # not 数据来源：
_META_NAMES = {"articletitle": "title", "pubdate": "published_date", "contentsource": "agency",
               "description": "description"}  # fmt: skip

_MAX_ELEMENTS = 300_000
"""A report page has a few thousand elements; this many would take minutes to score."""
_CHROME_MAX_CHARS = 160
"""Chrome lines are short; a longer paragraph is report text even if it mentions 网站 or 分享."""
_CHROME = re.compile(
    "|".join(
        (
            r"^(当前位置|您现在的位置|您的位置|您当前的位置|当前所在位置|所在位置)",
            r"^首页\s*(>|＞|›|»|→|/)",
            rf"^({_LABEL_ALT})\s*[:：]?\t",  # a row of the info table
            rf"^({_LABEL_ALT})\s*[:：]",
            r"(?<![\u3400-\u9fff])(索引号|发布机构|成文日期|发布日期|发布时间)\s*[:：]",
            r"(浏览次数|浏览量|访问量|访问次数|点击数|点击量|点击次数|阅读次数|阅读数)\s*[:：]",
            r"^分享(到|至)|^分享\s*[:：]|扫一扫|二维码",
            r"【\s*(打印|关闭|字体|字号|收藏|纠错|返回)|打印本页|关闭窗口|^(打印|关闭|返回顶部)$",
            r"字体\s*[:：]?\s*[【\[]?\s*大\s*中\s*小",
            r"^相关(链接|附件|文件|阅读|新闻|文章|信息|稿件|下载)\s*[:：]?\s*$",
            r"网站标识码|ICP\s*备|ICP\s*证|公网安备|版权所有|Copyright|©",
            r"(主办单位|承办单位|技术支持|维护单位)\s*[:：]|^联系我们|网站地图",
            r"^(上一篇|下一篇|上一条|下一条)\s*[:：]?|^责任编辑\s*[:：]",
        )
    ),
    re.IGNORECASE,
)
_FIELD_VALUE = re.compile(r"\d{4}\S*\s\d{1,2}:\d{2}(:\d{2})?|\S+")
"""A field's value ends at whitespace, except for a time of day after a date."""
_NUMBERED = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．]")
_LINK_LIST = re.compile(r"^相关(链接|阅读|新闻|文章|信息|稿件)")


def read_html(data: bytes) -> ExtractedDocument:
    """Read a saved web page and return the report body with the page's info table as metadata."""
    import lxml.etree
    import lxml.html

    text, encoding, lossy = _decode(data)
    parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, default_doctype=False
    )
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ImportRefused(
            "damaged", "网页文件无法解析，可能已损坏。请在浏览器中重新保存后再导入。"
        ) from error
    if sum(1 for _ in root.iter()) > _MAX_ELEMENTS:
        raise ImportRefused(
            "too_large", "网页结构过于复杂（元素数量异常多），无法作为报告导入。请确认文件内容。"
        )
    lxml.etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    for el in root.xpath("//*[@hidden or @style]"):
        if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style", "")):
            el.drop_tree()
    _drop_page_frame(root)
    stats = _count(root)
    metadata = {**_meta_tags(root), **_info_fields(root, stats)}  # the visible table beats <meta>
    content = _find_content(root, stats)
    paragraphs = _drop_chrome(_Flow().run(content))
    expected = _expected_title(root, metadata)
    first = paragraphs[0] if paragraphs else _Para("")
    if _same(first.text, expected) or (first.kind == "heading" and not _NUMBERED.match(first.text)):
        title = first.text  # the body opens with its own title (not with "一、…")
    else:
        heading = _heading_before(root, content, expected, stats)
        title = heading.text if heading else ""
        if heading:
            paragraphs.insert(0, heading)
    if not paragraphs:
        raise ImportRefused(
            "no_text",
            "网页中没有找到报告正文（页面可能由脚本动态加载内容，或结构异常）。"
            "请在浏览器中打开该网页，复制正文并保存为 .txt 文件后再导入。",
        )
    if title or expected:
        metadata["title"] = title or expected
    if "agency" not in metadata and "source" in metadata:
        metadata["agency"] = metadata["source"]
    metadata.pop("source", None)
    metadata["encoding"] = encoding

    warnings = []
    if lossy:
        warnings.append("网页的文字编码无法准确识别，个别字符可能显示为乱码，请与原网页核对。")
    if content.tag in ("body", "html") and stats[content].link_density > 0.05:
        warnings.append("未能识别网页的正文区域，导入的文字可能混有网站栏目等内容，请核对。")
    return _document(paragraphs, metadata, warnings)


def _decode(data: bytes) -> tuple[str, str, bool]:
    """Return ``(text, encoding, lossy)``: BOM, then the declared charset, then UTF-8, then GB18030,
    except that valid UTF-8 is read as UTF-8 whatever the page declares: browsers re-encode
    saved pages, and GBK text is practically never valid UTF-8, while UTF-8 often decodes
    "cleanly" as GB18030 into mojibake.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(name, errors="replace")
            return text, name, "\ufffd" in text
    declared = _declared_charset(data[:16384])
    order = ["utf-8", "gb18030"]
    if declared and declared in _WESTERN_NAMES:
        order.append(declared)  # try it last: GBK bytes read as Latin-1 would "succeed" as mojibake
    elif declared:
        order.insert(1, declared)
    for name in order:
        try:
            return data.decode(name), name, False
        except UnicodeDecodeError:
            continue
    # Damaged page: keep the reading that loses the fewest characters.
    readings = [(data.decode(name, errors="replace"), name) for name in dict.fromkeys([*order, "gb18030"])]
    text, name = min(readings, key=lambda reading: reading[0].count("\ufffd"))
    return text, name, True


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return "gb18030" if name in _GB_NAMES else name


def _drop_page_frame(root: _Element) -> None:
    """Drop <header> (unless it heads an <article>) and <form>s that do not wrap the whole page."""

    def cjk(el: _Element) -> int:
        return _wide(el.text_content())

    total = cjk(root)
    for el in list(root.iter("header", "form")):
        if el.tag == "header" and any(a.tag == "article" for a in el.iterancestors()):
            continue
        # ASP.NET sites wrap the whole <body> in one <form>.
        if el.tag == "form" and cjk(el) > total / 2:
            continue
        if el.getparent() is not None:
            el.drop_tree()


def _meta_tags(root: _Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = _META_NAMES.get(meta.get("name", "").strip().lower())
        value = _collapse(meta.get("content", ""))
        if key and value and key not in found:
            found[key] = _iso_date(value) if key == "published_date" else value
    return {key: value for key, value in found.items() if value}  # an unreadable PubDate is dropped


def _info_fields(root: _Element, stats: dict[_Element, _Count]) -> dict[str, str]:
    """Label/value pairs of the info table: label and value in sibling cells, or ``标签：值`` inline."""
    found: dict[str, str] = {}

    def put(label: str, value: str) -> None:
        key = _INFO_LABELS.get(label)
        if key and key.endswith("_date"):
            value = _iso_date(value)
        if key and value and key not in found:
            found[key] = value

    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    for cell in elements:  # <td>索引号：</td><td>value</td>, <dt>…</dt><dd>…</dd>, <b>…</b><span>…</span>
        sibling = cell.getnext()
        if stats[cell].chars <= 20 and sibling is not None:
            label = _SPACE.sub("", cell.text_content()).rstrip(":：")
            if label in _INFO_LABELS:
                put(label, _collapse(sibling.text_content()))
    # "发布日期：… 来源：…" lines: read each short stretch of text once, in its outermost short element.
    for el in elements:
        parent = el.getparent()
        if stats[el].chars > 300 or (parent is not None and stats[parent].chars <= 300):
            continue
        text = _collapse(el.text_content())
        for match in _INLINE_LABEL.finditer(text):
            rest = _INLINE_LABEL.split(text[match.end() :], maxsplit=1)[0].strip()
            value = _FIELD_VALUE.match(rest)
            put(_SPACE.sub("", match.group(1)), value.group(0) if value else "")
    return found


def _iso_date(value: str) -> str:
    match = _DATE.search(value)
    if match is None:
        return ""
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return ""


def _find_content(root: _Element, stats: dict[_Element, _Count]) -> _Element:
    """The report body: a known CMS container that agrees with readability scoring, else the winner."""
    scores: dict[_Element, float] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or stats[el].link_density > 0.5:
            continue
        leaf = not any(child.tag in _BLOCK_TAGS for child in el)
        if el.tag in _PARAGRAPH_TAGS and leaf and stats[el].cjk >= 10:
            score = 1 + stats[el].commas + min(stats[el].cjk / 100, 3)
            parent = el.getparent()
            targets = ((parent, 1.0), (parent.getparent() if parent is not None else None, 0.5))
        elif stats[el].own_cjk >= 10:  # text straight in a <div> or <td>, paragraphs split by <br>
            score = 1 + stats[el].own_commas + min(stats[el].own_cjk / 100, 3)
            targets = ((el, 1.0), (el.getparent(), 0.75))
        else:
            continue
        for target, weight in targets:
            if target is not None:
                scores[target] = scores.get(target, 0.0) + score * weight
    body = root.find("body")
    best = max(scores, key=lambda el: scores[el] * (1 - stats[el].link_density), default=None)
    best = best if best is not None else (body if body is not None else root)

    ranked: list[tuple[int, int, _Element]] = []
    for order, el in enumerate(root.xpath("//*[@id or @class] | //article")):
        tokens = {*f"{el.get('id', '')} {el.get('class', '')}".lower().split(), el.tag}
        rank = min((r for r, name in enumerate(_KNOWN_CONTAINERS) if name in tokens), default=None)
        if rank is not None:
            ranked.append((rank, order, el))
    around_best = set(best.iterancestors())
    # Best name first; among equal names (nested class="content"), the one closest in size to the winner.
    ranked.sort(key=lambda item: (item[0], abs(stats[item[2]].cjk - stats[best].cjk), item[1]))
    for _rank, _order, el in ranked:
        if stats[el].cjk < 50 or stats[el].link_density > 0.4:
            continue
        if el is best:
            return el
        if el in around_best:
            # A named wrapper may add the rest of the article, but not a sidebar of links.
            extra, extra_links = stats[el].cjk - stats[best].cjk, stats[el].linked - stats[best].linked
            if extra <= 0.25 * stats[el].cjk and extra_links <= 0.3 * max(extra, 1):
                return el
        elif best in set(el.iterancestors()) and stats[el].cjk >= 0.6 * stats[best].cjk:
            return el
    return best


class _Count(NamedTuple):
    """Characters under one element, counted once bottom-up; ``own_*`` leave out child elements.

    ``cjk`` counts characters beyond Latin-1 (Chinese characters and full-width punctuation): as a
    measure of text it is as good as a CJK-only count and 25 times faster to take.
    """

    chars: int
    cjk: int
    commas: int
    linked: int
    """Wide characters inside links."""
    own_cjk: int
    own_commas: int

    @property
    def link_density(self) -> float:
        return self.linked / max(self.cjk, 1)


def _count(root: _Element) -> dict[_Element, _Count]:
    counts: dict[_Element, _Count] = {}
    for el in reversed(list(root.iter())):
        own = el.text if isinstance(el.tag, str) and el.text else ""
        chars = cjk = commas = linked = 0
        for child in el:
            own += child.tail or ""
            c = counts[child]
            chars, cjk, commas, linked = chars + c.chars, cjk + c.cjk, commas + c.commas, linked + c.linked
        own_cjk, own_commas = _wide(own), sum(map(own.count, "，。；、,;"))
        cjk += own_cjk
        linked = cjk if el.tag == "a" else linked
        counts[el] = _Count(chars + len(own), cjk, commas + own_commas, linked, own_cjk, own_commas)
    return counts


def _wide(text: str) -> int:
    return len(text) - len(text.encode("latin-1", errors="ignore"))


def _expected_title(root: _Element, metadata: dict[str, str]) -> str:
    if metadata.get("title"):
        return metadata["title"]
    # "报告标题-栏目-网站名": the report title is the longest part.
    page_title = _collapse(root.findtext(".//title") or "")
    return max(_TITLE_SPLIT.split(page_title), key=len, default="")


def _heading_before(
    root: _Element, content: _Element, expected: str, stats: dict[_Element, _Count]
) -> _Para | None:
    """The article heading shown above the body (outside it): a heading or ``*title*`` element that
    matches the expected title, or any short element that equals it (``<b>`` on old table pages)."""
    if not expected:
        return None
    ancestors = set(content.iterancestors())
    found: _Para | None = None
    body = root.find("body")
    for el in (body if body is not None else root).iter():
        if el is content:
            break
        if el in ancestors or not isinstance(el.tag, str) or stats[el].chars > 200:
            continue
        named = el.tag in _HEADINGS or _TITLE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}")
        # Alignment of the title often sits on the enclosing <td align=center> or <div>.
        outer = _Context()
        for ancestor in reversed(list(el.iterancestors())[:3]):
            outer = _Flow._context(ancestor, outer)
        paragraphs = _Flow().run(el, outer)
        text = " ".join(p.text for p in paragraphs)
        if text and (_SPACE.sub("", text) == _SPACE.sub("", expected) or (named and _same(text, expected))):
            found = _Para(text, "heading", paragraphs[0].bold, paragraphs[0].centered)
    return found


def _same(a: str, b: str | None) -> bool:
    if not b:
        return False
    a, b = _SPACE.sub("", a), _SPACE.sub("", b)
    return a == b or (min(len(a), len(b)) >= 8 and (a in b or b in a))


@dataclass
class _Para:
    text: str
    kind: BlockKind = "paragraph"
    bold: bool = False
    centered: bool = False
    links: int = 0
    """Characters of the paragraph that sit inside links (navigation lists are nearly all links)."""


@dataclass(frozen=True)
class _Context:
    bold: bool = False
    centered: bool = False
    heading: bool = False
    link: bool = False


@dataclass
class _Flow:
    """Turn an element's content into paragraphs: block elements and <br> break, inline text joins."""

    paragraphs: list[_Para] = field(default_factory=list)
    _parts: list[str] = field(default_factory=list)
    _current: _Para = field(default_factory=lambda: _Para(""))
    _started: bool = False

    def run(self, el: _Element, outer: _Context | None = None) -> list[_Para]:
        context = self._context(el, outer or _Context())
        self._add(el.text, context)
        for child in el:
            self._walk(child, context)
        self._flush()
        return self.paragraphs

    def _walk(self, el: _Element, parent: _Context) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            self._flush()
        elif tag == "table" and _is_data_table(el):
            self._flush()
            self._table(el, parent)
        elif tag:
            context = self._context(el, parent)
            block = tag in _BLOCK_TAGS
            if block:
                self._flush()
            self._add(el.text, context)
            for child in el:
                self._walk(child, context)
            if block:
                self._flush()
        self._add(el.tail, parent)

    @staticmethod
    def _context(el: _Element, parent: _Context) -> _Context:
        style, tag = el.get("style", ""), el.tag
        align = (el.get("align") or "").lower()
        css = _ALIGN_STYLE.search(style)
        align = css.group(1).lower() if css else align
        centered = align == "center" or tag == "center" or (parent.centered and not align)
        return _Context(
            bold=parent.bold or tag in ("b", "strong") or bool(_BOLD_STYLE.search(style)),
            centered=centered,
            heading=parent.heading or tag in _HEADINGS,
            link=parent.link or tag == "a",
        )

    def _add(self, text: str | None, context: _Context) -> None:
        if not text:
            return
        if not self._started and text.strip():
            # The paragraph takes its layout facts from where its first visible text sits.
            self._started = True
            kind: BlockKind = "heading" if context.heading else "paragraph"
            self._current = _Para("", kind, context.bold, context.centered)
        self._parts.append(text)
        if context.link:
            self._current.links += len(_SPACE.sub("", text))

    def _flush(self) -> None:
        text = _collapse("".join(self._parts))
        self._parts = []
        self._started = False
        if text:
            self._current.text = text
            self.paragraphs.append(self._current)
        self._current = _Para("")

    def _table(self, table: _Element, context: _Context) -> None:
        for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
            cells = [_Flow().run(cell) for cell in row if cell.tag in ("td", "th")]
            texts = [" ".join(p.text for p in cell) for cell in cells]
            if any(texts):
                first = next(cell[0] for cell in cells if cell)
                links = sum(p.links for cell in cells for p in cell)
                row_para = _Para("\t".join(texts), "table_row", first.bold, first.centered, links)
                self.paragraphs.append(row_para)


def _is_data_table(table: _Element) -> bool:
    """A grid of short cells; layout tables (one column, nested tables, long cells) flow as blocks."""
    if table.find(".//table") is not None:
        return False
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    cells = [cell for row in rows for cell in row if cell.tag in ("td", "th")]
    widest = max((sum(1 for c in row if c.tag in ("td", "th")) for row in rows), default=0)
    return widest >= 2 and all(len(cell.text_content()) <= 500 for cell in cells)


def _drop_chrome(paragraphs: list[_Para]) -> list[_Para]:
    """Drop the page furniture that sits inside the body container, by its wording and its links."""
    kept: list[_Para] = []
    after_list_heading = False
    for para in paragraphs:
        if len(para.text) <= _CHROME_MAX_CHARS and _CHROME.search(para.text):
            after_list_heading = bool(_LINK_LIST.search(para.text))
            continue
        linky = _linky(para)
        gaps = para.text.count(" ") + para.text.count("\t")
        # The list under 相关链接, or a row of links (栏目导航) on a page without <nav>.
        if linky and (after_list_heading or gaps >= 2):
            continue
        after_list_heading = False
        kept.append(para)
    # Three or more link-only paragraphs in a row are a link list (<li> per link), not report text.
    result: list[_Para] = []
    run: list[_Para] = []
    for para in [*kept, _Para("")]:
        if _linky(para):
            run.append(para)
            continue
        if len(run) < 3:
            result.extend(run)
        run = []
        result.append(para)
    return result[:-1]


def _linky(para: _Para) -> bool:
    return len(para.text) <= _CHROME_MAX_CHARS and para.links >= 0.6 * max(len(_SPACE.sub("", para.text)), 1)


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def _document(
    paragraphs: Iterable[_Para], metadata: dict[str, str], warnings: list[str]
) -> ExtractedDocument:
    texts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for para in paragraphs:
        texts.append(para.text)
        end = offset + len(para.text)
        blocks.append(Block(offset, end, para.kind, bold=para.bold, centered=para.centered))
        offset += len(para.text) + 1
    return ExtractedDocument(
        format="html", text="\n".join(texts), blocks=blocks, metadata=metadata, warnings=warnings
    )
