"""Saved web pages: find the report body on a government site and drop the site chrome around it.

Parsing uses lxml's HTML parser only: no network, no DTD or external entities, no scripts.
The body is found generically (well-known CMS content containers, else readability-style
scoring), so the reader works on sites it was not tuned on.

Decoding and the page's metadata are in :mod:`html_decode`, the paragraphs of an element and the
chrome among them in :mod:`html_flow`, and the shared whitespace and character counts in :mod:`html_text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop.core.errors import ImportRefused
from desktop.core.importers.html_decode import decode, info_fields, meta_tags
from desktop.core.importers.html_flow import BLOCK_TAGS, HEADINGS, Context, Flow, Para, drop_chrome
from desktop.core.importers.html_guard import trim_huge_tags
from desktop.core.importers.html_text import SPACE, Count, collapse, count_text, wide
from desktop.core.importers.model import Block, ExtractedDocument

if TYPE_CHECKING:
    from lxml.html import HtmlElement as _Element

_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "template",
    "svg", "canvas", "select", "button", "textarea", "input", "nav", "aside", "footer", "map",
)  # fmt: skip
_PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "li", "dd", "blockquote"} | HEADINGS)

# id/class names of the body container in common Chinese government CMSs (TRS, 大汉, 拓尔思, gov.cn
# 内容管理 …), best first. Matched as whole tokens, case-insensitively.
_KNOWN_CONTAINERS = (
    "zoom", "trs_editor", "trs_ueditor", "ucap-content", "pages_content", "article-content",
    "article_content", "articlecontent", "xxgk_content", "ccontent", "news_content", "main-content",
    "detail-content", "content_text", "zw", "content", "article",
)  # fmt: skip

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TITLE_CLASS = re.compile(r"title|biaoti|headline|(^|[\s_-])(tit|bt)([\s_-]|$)", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"\s*(?:[_|｜—–]|(?<!\d)-|-(?!\d))+\s*")  # not the "-" of 2021-2025
_NUMBERED = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．]")

_MAX_ELEMENTS = 300_000
"""A report page has a few thousand elements; this many would take minutes to score."""


def read_html(data: bytes) -> ExtractedDocument:
    """Read a saved web page and return the report body with the page's info table as metadata."""
    import lxml.etree
    import lxml.html

    text, encoding, lossy, charset_note = decode(data)
    text, trimmed = trim_huge_tags(text)
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
    for el in root.xpath(".//*[@hidden or @style]"):
        if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style", "")):
            el.drop_tree()
    _drop_page_frame(root)
    stats = count_text(root)
    metadata = {**meta_tags(root), **info_fields(root, stats)}  # the visible table beats <meta>
    content = _find_content(root, stats)
    paragraphs = drop_chrome(Flow().run(content))
    expected = _expected_title(root, metadata)
    first = paragraphs[0] if paragraphs else Para("")
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
    # 来源 is kept apart from 发布机构: it often names the drafting office or the portal, not the issuer.
    metadata["encoding"] = encoding

    warnings = [charset_note] if charset_note else []
    if trimmed:
        warnings.append(
            f"网页中有 {trimmed} 个标签异常庞大（属性数量异常），已去掉其属性后读取，请与原网页核对。"
        )
    if lossy:
        warnings.append("网页的文字编码无法准确识别，个别字符可能显示为乱码，请与原网页核对。")
    if content.tag in ("body", "html") and stats[content].link_density > 0.05:
        warnings.append("未能识别网页的正文区域，导入的文字可能混有网站栏目等内容，请核对。")
    return _document(paragraphs, metadata, warnings)


def _drop_page_frame(root: _Element) -> None:
    """Drop <header> (unless it heads an <article>) and <form>s that do not wrap the whole page."""

    def cjk(el: _Element) -> int:
        return wide(el.text_content())

    total = cjk(root)
    for el in list(root.iter("header", "form")):
        if el.tag == "header" and any(a.tag == "article" for a in el.iterancestors()):
            continue
        # ASP.NET sites wrap the whole <body> in one <form>.
        if el.tag == "form" and cjk(el) > total / 2:
            continue
        if el.getparent() is not None:
            el.drop_tree()


def _find_content(root: _Element, stats: dict[_Element, Count]) -> _Element:
    """The report body: a known CMS container that agrees with readability scoring, else the winner."""
    scores: dict[_Element, float] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or stats[el].link_density > 0.5:
            continue
        leaf = not any(child.tag in BLOCK_TAGS for child in el)
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
    # Under ``root`` only: "//" would also reach elements a damaged page left outside <html>.
    for order, el in enumerate(
        root.xpath("descendant-or-self::*[@id or @class] | descendant-or-self::article")
    ):
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


def _expected_title(root: _Element, metadata: dict[str, str]) -> str:
    if metadata.get("title"):
        return metadata["title"]
    # "报告标题-栏目-网站名": the report title is the longest part.
    page_title = collapse(root.findtext(".//title") or "")
    return max(_TITLE_SPLIT.split(page_title), key=len, default="")


def _heading_before(
    root: _Element, content: _Element, expected: str, stats: dict[_Element, Count]
) -> Para | None:
    """The article heading shown above the body (outside it): a heading or ``*title*`` element that
    matches the expected title, or any short element that equals it (``<b>`` on old table pages)."""
    if not expected:
        return None
    ancestors = set(content.iterancestors())
    found: Para | None = None
    body = root.find("body")
    for el in (body if body is not None else root).iter():
        if el is content:
            break
        if el in ancestors or not isinstance(el.tag, str) or stats[el].chars > 200:
            continue
        named = el.tag in HEADINGS or _TITLE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}")
        # Alignment of the title often sits on the enclosing <td align=center> or <div>.
        outer = Context()
        for ancestor in reversed(list(el.iterancestors())[:3]):
            outer = Flow.context(ancestor, outer)
        paragraphs = Flow().run(el, outer)
        text = " ".join(p.text for p in paragraphs)
        if text and (SPACE.sub("", text) == SPACE.sub("", expected) or (named and _same(text, expected))):
            found = Para(text, "heading", paragraphs[0].bold, paragraphs[0].centered)
    return found


def _same(a: str, b: str | None) -> bool:
    if not b:
        return False
    a, b = SPACE.sub("", a), SPACE.sub("", b)
    return a == b or (min(len(a), len(b)) >= 8 and (a in b or b in a))


def _document(paragraphs: Iterable[Para], metadata: dict[str, str], warnings: list[str]) -> ExtractedDocument:
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
