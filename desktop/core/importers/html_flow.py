"""Saved web pages: an element's content as paragraphs with layout facts, and the site chrome
(breadcrumbs, share and print links, info-table rows, link lists) among them dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.core.importers.html_decode import LABEL_ALT
from desktop.core.importers.html_text import SPACE, collapse
from desktop.core.importers.model import BlockKind

if TYPE_CHECKING:
    from lxml.html import HtmlElement as _Element

BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "caption", "center", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_ALIGN_STYLE = re.compile(r"text-align\s*:\s*(\w+)", re.IGNORECASE)
_CHROME_MAX_CHARS = 160
"""Chrome lines are short; a longer paragraph is report text even if it mentions 网站 or 分享."""
_CHROME = re.compile(
    "|".join(
        (
            r"^(当前位置|您现在的位置|您的位置|您当前的位置|当前所在位置|所在位置)",
            r"^首页\s*(>|＞|›|»|→|/)",
            rf"^({LABEL_ALT})\s*[:：]?\t",  # a row of the info table
            rf"^({LABEL_ALT})\s*[:：]",
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
_LINK_LIST = re.compile(r"^相关(链接|阅读|新闻|文章|信息|稿件)")


@dataclass
class Para:
    text: str
    kind: BlockKind = "paragraph"
    bold: bool = False
    centered: bool = False
    links: int = 0
    """Characters of the paragraph that sit inside links (navigation lists are nearly all links)."""


@dataclass(frozen=True)
class Context:
    bold: bool = False
    centered: bool = False
    heading: bool = False
    link: bool = False


@dataclass
class Flow:
    """Turn an element's content into paragraphs: block elements and <br> break, inline text joins."""

    paragraphs: list[Para] = field(default_factory=list)
    _parts: list[str] = field(default_factory=list)
    _current: Para = field(default_factory=lambda: Para(""))
    _started: bool = False

    def run(self, el: _Element, outer: Context | None = None) -> list[Para]:
        context = self.context(el, outer or Context())
        self._add(el.text, context)
        for child in el:
            self._walk(child, context)
        self._flush()
        return self.paragraphs

    def _walk(self, el: _Element, parent: Context) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            self._flush()
        elif tag == "table" and _is_data_table(el):
            self._flush()
            self._table(el, parent)
        elif tag:
            context = self.context(el, parent)
            block = tag in BLOCK_TAGS
            if block:
                self._flush()
            self._add(el.text, context)
            for child in el:
                self._walk(child, context)
            if block:
                self._flush()
        self._add(el.tail, parent)

    @staticmethod
    def context(el: _Element, parent: Context) -> Context:
        style, tag = el.get("style", ""), el.tag
        align = (el.get("align") or "").lower()
        css = _ALIGN_STYLE.search(style)
        align = css.group(1).lower() if css else align
        centered = align == "center" or tag == "center" or (parent.centered and not align)
        return Context(
            bold=parent.bold or tag in ("b", "strong") or bool(_BOLD_STYLE.search(style)),
            centered=centered,
            heading=parent.heading or tag in HEADINGS,
            link=parent.link or tag == "a",
        )

    def _add(self, text: str | None, context: Context) -> None:
        if not text:
            return
        if not self._started and text.strip():
            # The paragraph takes its layout facts from where its first visible text sits.
            self._started = True
            kind: BlockKind = "heading" if context.heading else "paragraph"
            self._current = Para("", kind, context.bold, context.centered)
        self._parts.append(text)
        if context.link:
            self._current.links += len(SPACE.sub("", text))

    def _flush(self) -> None:
        text = collapse("".join(self._parts))
        self._parts = []
        self._started = False
        if text:
            self._current.text = text
            self.paragraphs.append(self._current)
        self._current = Para("")

    def _table(self, table: _Element, context: Context) -> None:
        for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
            cells = [Flow().run(cell) for cell in row if cell.tag in ("td", "th")]
            texts = [" ".join(p.text for p in cell) for cell in cells]
            if any(texts):
                first = next(cell[0] for cell in cells if cell)
                links = sum(p.links for cell in cells for p in cell)
                row_para = Para("\t".join(texts), "table_row", first.bold, first.centered, links)
                self.paragraphs.append(row_para)


def _is_data_table(table: _Element) -> bool:
    """A grid of short cells; layout tables (one column, nested tables, long cells) flow as blocks."""
    if table.find(".//table") is not None:
        return False
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    cells = [cell for row in rows for cell in row if cell.tag in ("td", "th")]
    widest = max((sum(1 for c in row if c.tag in ("td", "th")) for row in rows), default=0)
    return widest >= 2 and all(len(cell.text_content()) <= 500 for cell in cells)


def drop_chrome(paragraphs: list[Para]) -> list[Para]:
    """Drop the page furniture that sits inside the body container, by its wording and its links."""
    kept: list[Para] = []
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
    result: list[Para] = []
    run: list[Para] = []
    for para in [*kept, Para("")]:
        if _linky(para):
            run.append(para)
            continue
        if len(run) < 3:
            result.extend(run)
        run = []
        result.append(para)
    return result[:-1]


def _linky(para: Para) -> bool:
    return len(para.text) <= _CHROME_MAX_CHARS and para.links >= 0.6 * max(len(SPACE.sub("", para.text)), 1)
