"""Saved web pages: the bytes decoded, and the metadata the page states about itself.

Metadata comes from ``<meta>`` tags and from the 政府信息公开 info table (label and value in
sibling cells, or ``标签：值`` inline); the visible table beats ``<meta>``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import TYPE_CHECKING

from desktop.core.importers.html_text import SPACE, Count, collapse

if TYPE_CHECKING:
    from lxml.html import HtmlElement as _Element

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_GB_NAMES = {"gb2312", "gbk", "gb18030", "cp936", "euc_cn"}  # codecs.lookup() names; GB18030 covers all
_WESTERN_NAMES = {"ascii", "latin-1", "iso8859-1", "cp1252"}  # often declared wrongly on Chinese sites
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
LABEL_ALT = "|".join(r"\s*".join(label) for label in sorted(_INFO_LABELS, key=len, reverse=True))
"""A regex alternation of the labels, longest first; chrome detection also drops lines that start so."""
_INLINE_LABEL = re.compile(rf"(?<![\u3400-\u9fff])({LABEL_ALT})\s*[:：]\s*")  # not 数据来源：
_META_NAMES = {"articletitle": "title", "pubdate": "published_date", "contentsource": "agency",
               "description": "description"}  # fmt: skip
_FIELD_VALUE = re.compile(r"\d{4}\S*\s\d{1,2}:\d{2}(:\d{2})?|\S+")
"""A field's value ends at whitespace, except for a time of day after a date."""


def decode(data: bytes) -> tuple[str, str, bool, str | None]:
    """Return ``(text, encoding, lossy, note)``: BOM, then the declared charset, then UTF-8, then
    GB18030, except that valid UTF-8 is read as UTF-8 whatever the page declares: browsers
    re-encode saved pages, and GBK text is practically never valid UTF-8, while UTF-8 often
    decodes "cleanly" as GB18030 into mojibake.

    Only a genuine text encoding is taken from the page's declaration; ``note`` says (in Chinese)
    when a declaration was ignored (``charset=hex``, ``rot13``, ``idna``, or a name Python lacks).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(name, errors="replace")
            return text, name, "\ufffd" in text, None
    declared, note = declared_charset(data[:16384])
    order = ["utf-8", "gb18030"]
    if declared and declared in _WESTERN_NAMES:
        order.append(declared)  # try it last: GBK bytes read as Latin-1 would "succeed" as mojibake
    elif declared:
        order.insert(1, declared)
    for name in order:
        try:
            return data.decode(name), name, False, note
        except UnicodeDecodeError:
            continue
    # Damaged page: keep the reading that loses the fewest characters.
    readings = [(data.decode(name, errors="replace"), name) for name in dict.fromkeys([*order, "gb18030"])]
    text, name = min(readings, key=lambda reading: reading[0].count("\ufffd"))
    return text, name, True, note


# Codecs Python counts as text encodings that are not character sets a page can be written in:
# they fail on any error handler, decode escapes, or stand for "no encoding".
_NOT_CHARSETS = {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "charmap", "utf-7"}


def declared_charset(head: bytes) -> tuple[str | None, str | None]:
    """The page's declared charset if it is a genuine text encoding, and a note when one was ignored."""
    match = _META_CHARSET.search(head)
    if match is None:
        return None, None
    label = match.group(1).decode("ascii", errors="replace")[:40]
    ignored = f"网页声明的文字编码“{label}”不是可用于网页的文字编码，已忽略，按实际内容识别编码。请与原网页核对文字。"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None, f"网页声明的文字编码“{label}”无法识别，已忽略，按实际内容识别编码。请与原网页核对文字。"
    # Only real text encodings: rot13, hex, base64, zlib … are bytes-to-bytes transforms.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None, ignored
    return ("gb18030" if info.name in _GB_NAMES else info.name), None


def meta_tags(root: _Element) -> dict[str, str]:
    """Title, publishing date, agency and description from the CMS's ``<meta name=…>`` tags."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = _META_NAMES.get(meta.get("name", "").strip().lower())
        value = collapse(meta.get("content", ""))
        if key and value and key not in found:
            found[key] = _iso_date(value) if key == "published_date" else value
    return {key: value for key, value in found.items() if value}  # an unreadable PubDate is dropped


def info_fields(root: _Element, stats: dict[_Element, Count]) -> dict[str, str]:
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
            label = SPACE.sub("", cell.text_content()).rstrip(":：")
            if label in _INFO_LABELS:
                put(label, collapse(sibling.text_content()))
    # "发布日期：… 来源：…" lines: read each short stretch of text once, in its outermost short element.
    for el in elements:
        parent = el.getparent()
        if stats[el].chars > 300 or (parent is not None and stats[parent].chars <= 300):
            continue
        text = collapse(el.text_content())
        for match in _INLINE_LABEL.finditer(text):
            rest = _INLINE_LABEL.split(text[match.end() :], maxsplit=1)[0].strip()
            value = _FIELD_VALUE.match(rest)
            put(SPACE.sub("", match.group(1)), value.group(0) if value else "")
    return found


def _iso_date(value: str) -> str:
    match = _DATE.search(value)
    if match is None:
        return ""
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return ""
