"""Web-page chrome in report text: the same rules for a page saved as .html and one pasted into .txt.

Chrome is what a government site puts around a report: navigation and breadcrumbs
(``您现在所在的位置：首页>…``), accessibility bars (``无障碍 简体|繁体``), font-size switches
(``字号：大 中 小``), share/print/close links, footers, and the site names of mirror sites. It is
removed from the text analysed. The page's own facts (``发布日期 来源 浏览次数 发布机构 索引号``) are
removed from the text as well but kept as the report's source metadata.

Some lines are chrome wherever they stand (a breadcrumb, ``打印本页``); others only before the
report's first paragraph or after its last one (a site name, a bare timestamp, a stale header
date such as ``2019年12月3日星期二``), where no report sentence can be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.importers.model import Edit

CHROME_MAX_CHARS = 160
"""Chrome lines are short; a longer paragraph is report text even if it mentions 网站 or 分享."""

_SPACED = r"\s*"
# Labels of the page's info table, and the metadata key each one fills (None: dropped only).
INFO_LABELS: dict[str, str | None] = {
    "发布机构": "agency", "发文机关": "agency", "发文单位": "agency", "发布单位": "agency",
    "成文日期": "written_date", "发布日期": "published_date", "发布时间": "published_date",
    "公开日期": "published_date", "发布于": "published_date", "更新时间": "published_date",
    "来源": "source", "信息来源": "source", "文章来源": "source", "稿件来源": "source", "转自": "source",
    "转载自": "source", "发布者": "publisher", "发布人": "publisher", "索引号": "index_no",
    "浏览次数": None, "浏览量": None, "访问量": None, "访问次数": None, "点击数": None, "点击量": None,
    "点击次数": None, "阅读次数": None, "阅读数": None, "阅读量": None, "作者": None, "编辑": None,
    "责任编辑": None, "主题分类": None, "文号": None, "发文字号": None, "主题词": None, "有效性": None,
    "体裁分类": None, "组配分类": None, "服务对象": None, "字号": None, "字体": None,
}  # fmt: skip
_LABEL_ALT = "|".join(_SPACED.join(label) for label in sorted(INFO_LABELS, key=len, reverse=True))
_LABEL_RE = re.compile(rf"(?<![\u3400-\u9fff])({_LABEL_ALT})\s*[:：]\s*")
_BULLET = r"^[\s•·●◆■□▪►>\-—*【\[]*"
_INFO_LINE_RE = re.compile(rf"{_BULLET}({_LABEL_ALT})\s*[:：]")

_ANYWHERE = re.compile(
    "|".join(
        (
            r"^(您现在所在的位置|您现在的位置|您的位置|您当前的位置|当前位置|当前所在位置|所在位置)",
            r"首页\s*(>|＞|›|»|→|/|》)",
            r"无障碍|简体\s*[|｜丨/]\s*繁体|繁體|关怀版|关爱版|长者版|适老化|读屏专用",
            r"字[号体]\s*[:：]?\s*[【\[]?\s*大\s*[|｜丨]?\s*中\s*[|｜丨]?\s*小",
            r"^[【\[]?\s*字[号体]\s*[:：]?\s*[】\]]?$",
            r"^分享(到|至)|^分享\s*[:：]|扫一扫|二维码|^收藏本页|加入收藏",
            r"【\s*(打印|关闭|字体|字号|收藏|纠错|返回)|打印本页|关闭窗口|^(打印|关闭|返回顶部|返回|关闭本页)$",
            r"^相关(链接|附件|文件|阅读|新闻|文章|信息|稿件|下载)\s*[:：]?\s*$",
            r"网站标识码|ICP\s*备|ICP\s*证|公网安备|版权所有|Copyright|©",
            r"(主办单位|承办单位|技术支持|维护单位)\s*[:：]|^联系我们|网站地图",
            r"^(上一篇|下一篇|上一条|下一条)\s*[:：]?|^责任编辑\s*[:：]",
            r"免责声明|版权声明|本站(?:所有|不)|www\.|https?://",
        )
    ),
    re.IGNORECASE,
)
_DATE = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_TIME = r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_EDGE_ONLY = re.compile(
    "|".join(
        (
            rf"{_DATE}\s*(?:星期|周)[一二三四五六日天]",  # a site header's (often stale) date
            r"^[^，。；：:,.]{0,20}(?:网|网站|门户网站|资讯网|政务网|信息网)(?:\s+\S+)*$",  # site names
            r"^[A-Za-z\s]{1,12}$|^(头部|尾部|底部|导航|菜单|搜索|登录|注册|首页|English|APP|微信|微博)$",
        )
    ),
    re.IGNORECASE,
)
_HEAD_ONLY = re.compile(rf"^{_BULLET[1:]}{_DATE}{_TIME}\s*$")
"""A bare timestamp before the report (the page's publishing time); after it, a date is the 落款."""
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_END = re.compile(r"[，。；,;]")


@dataclass
class ChromeScan:
    edits: list[Edit] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)
    """The page's facts: ``published_date`` (ISO), ``source``, ``agency``, ``publisher``, ``index_no``…"""


def is_chrome_line(line: str) -> bool:
    """Chrome wherever it stands: navigation, accessibility and font bars, share/print, footers,
    and a line of the page's info table."""
    stripped = line.strip()
    if not stripped or len(stripped) > CHROME_MAX_CHARS:
        return False
    return bool(_ANYWHERE.search(stripped)) or is_info_line(stripped)


def is_info_line(line: str) -> bool:
    """``发布日期：… 来源：…``: labels of the page's info table, and no report sentence."""
    stripped = line.strip()
    if len(stripped) > CHROME_MAX_CHARS or "。" in stripped:
        return False
    if _INFO_LINE_RE.match(stripped):
        return True
    labels = _LABEL_RE.findall(stripped)
    return len(labels) >= 2 or (bool(labels) and bool(re.search(_DATE, stripped)))


def info_fields(line: str) -> dict[str, str]:
    """The label/value pairs of an info line; dates as ISO ``YYYY-MM-DD``."""
    found: dict[str, str] = {}
    matches = list(_LABEL_RE.finditer(line))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(line)
        value = line[match.end() : end].strip(" \t\u3000|｜丨•·")
        key = INFO_LABELS.get(re.sub(r"\s+", "", match.group(1)))
        if key is None or not value:
            continue
        value = (iso_date(value) or "") if key.endswith("_date") else re.split(r"\s{2,}|\t", value)[0].strip()
        if value and key not in found:
            found[key] = value
    lead = re.match(rf"[^:：]*?({_DATE})", line)
    if (
        "published_date" not in found
        and lead
        and lead.start(1) < (matches[0].start() if matches else len(line))
    ):
        found["published_date"] = iso_date(lead.group(1)) or ""
    return {k: v for k, v in found.items() if v}


def iso_date(value: str) -> str | None:
    m = re.search(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", value)
    if not m:
        return None
    year, month, day = (int(part) for part in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _is_content(line: str) -> bool:
    """A report paragraph: a sentence of some length (or the title itself)."""
    # Two linear searches: one pattern ``汉.*，`` backtracks over every character of a long line.
    han = _HAN.search(line) if len(line) >= 30 else None
    return han is not None and bool(_CLAUSE_END.search(line, han.end())) and not is_chrome_line(line)


def scan(text: str) -> ChromeScan:
    """Edits that remove the chrome lines of ``text``, and the page facts they carried."""
    result = ChromeScan()
    lines: list[tuple[int, int, str]] = []
    offset = 0
    for raw in text.split("\n"):
        lines.append((offset, offset + len(raw), raw.strip()))
        offset += len(raw) + 1
    content = [index for index, (_s, _e, line) in enumerate(lines) if _is_content(line)]
    first = content[0] if content else len(lines)
    last = content[-1] if content else -1
    seen_head: set[str] = set()
    repeated: set[int] = set()
    for index, (start, end, line) in enumerate(lines):
        if not line:
            continue
        edge = index < first or index > last
        chrome = is_chrome_line(line) or index in repeated
        if not chrome and edge and len(line) <= CHROME_MAX_CHARS:
            chrome = bool(_EDGE_ONLY.search(line)) or (
                index < first and (bool(_HEAD_ONLY.search(line)) or _compact(line) in seen_head)
            )
            # A page shows its title twice: once as the page heading, once above the text (often
            # broken over two lines there).
            following = next((j for j in range(index + 1, min(first, index + 3)) if lines[j][2]), None)
            if not chrome and following is not None and _compact(line + lines[following][2]) in seen_head:
                chrome = True
                repeated.add(following)
        if index < first and len(line) <= 80:
            seen_head.add(_compact(line))
        if not chrome:
            continue
        if is_info_line(line) or (
            edge and re.search(_DATE, line) and "星期" not in line and "周" not in line
        ):
            for key, value in info_fields(line).items():
                result.info.setdefault(key, value)
        # The line and its line break go; the last line takes the break before it instead.
        if end < len(text):
            result.edits.append(Edit(start, end + 1, ""))
        elif start > 0:
            result.edits.append(Edit(start - 1, end, ""))
        else:
            result.edits.append(Edit(start, end, ""))
    result.edits = _non_overlapping(result.edits)
    return result


def _compact(line: str) -> str:
    return re.sub(r"\s+", "", line)


def _non_overlapping(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if kept and edit.start < kept[-1].end:
            continue
        kept.append(edit)
    return kept
