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
from desktop.core.text.web_chrome import CHROME_MAX_CHARS, is_chrome_line

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
_CHROME_MAX_CHARS = CHROME_MAX_CHARS
# Chrome by its wording follows the rules of :mod:`desktop.core.text.web_chrome`, which also clean
# pasted web text: one set of rules for both formats. Lines starting with a label of the info
# table are chrome here as well.
_INFO_ROW = re.compile(rf"^({LABEL_ALT})\s*[:：]?\t|^({LABEL_ALT})\s*[:：]")
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
        if is_chrome_line(para.text) or (len(para.text) <= _CHROME_MAX_CHARS and _INFO_ROW.search(para.text)):
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
