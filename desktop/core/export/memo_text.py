"""The memo's wording and order: title, 主送, the six parts, the reviewer and the date.

:mod:`desktop.core.export.memo_docx` owns the template and the layout; this module says what the memo
says, through the writer's ``para`` and ``table`` calls.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from desktop.core.export.memo_content import MemoData, chinese_date, short_quote
from desktop.core.text.headings import numeral_text

if TYPE_CHECKING:
    from desktop.core.export.memo_docx import DocWriter


def compose(w: DocWriter, data: MemoData, *, signer: str | None, addressee: str | None, today: date) -> None:
    """The memo, in order: title, 主送, opening, parts 一 to 六, then the reviewer and the date."""
    w.para(data.memo_title, "MemoTitle")
    w.para("", "MemoAddressee")  # one blank line under the title
    w.para(f"{(addressee or data.agency or '报送单位').strip().rstrip('：:')}：", "MemoAddressee")
    dated = f"（{chinese_date(data.report_date)}）" if data.report_date else ""
    w.para(f"你单位报送的《{data.report_title}》{dated}收悉。经审查，现提出如下意见：")
    for number, (heading, part) in enumerate(_PARTS, 1):
        w.para(f"{numeral_text(number)}、{heading}", "MemoHeading1")
        part(w, data, today)
    w.para("", "MemoSignature")
    date_text = chinese_date(today)
    name = signer or "（审阅人）"
    # 成文日期右空四字; the name is centred over the date.
    w.para(name, "MemoSignature", right_chars=4 + max(0.0, (_width(date_text) - _width(name)) / 2))
    w.para(date_text, "MemoSignature", right_chars=4)


def _basics(w: DocWriter, data: MemoData, today: date) -> None:
    generated = "（原文未见规范标题，此为按标准名称拟定）" if data.title_generated else ""
    dates = [
        ("落款日期", data.report_date),
        ("成文日期", data.written_date),
        ("公开日期", data.published_date),
    ]
    shown = [
        f"{label}：{chinese_date(d) if d else '未注明'}" for label, d in dates if d or label != "成文日期"
    ]
    for line in (
        f"报告单位：{data.agency or ('未经确认' if data.agency_unconfirmed else '未能识别')}。",
        f"报告年度：{f'{data.year}年度' if data.year else '未能识别'}。",
        f"报告标题：《{data.report_title}》{generated}。",
        "；".join(shown) + "。",
        f"报送文件：{data.source_name}。",
        *data.timeliness,
    ):
        w.para(line)


def _structure(w: DocWriter, data: MemoData, today: date) -> None:
    missing = data.missing_labels
    if missing:
        w.para(f"经核对，报告缺少“{'”“'.join(missing)}”，请予补充。各部分情况如下：")
    else:
        w.para("经核对，报告具备法治政府建设年度报告要求的各项必备内容。各部分情况如下：")
    for index, part in enumerate(data.parts, 1):
        if part.present:
            state = f"具备（见“{short_quote(part.heading)}”）" if part.heading else "具备"
        else:
            state = "缺失" if part.required else "未单列（可根据实际情况报告）"
        w.para(f"{index}.{part.label}：{state}。")


def _figures(w: DocWriter, data: MemoData, today: date) -> None:
    w.para("（一）主要数据同比变化", "MemoHeading2")
    if not data.figures:
        w.para("报告中未识别出可比较的主要数据。")
    elif data.prior_id is None:
        w.para("资料库中没有该单位上一年度的报告，无法进行同比比较。本年度报告的主要数据如下：")
        w.table(
            ["指标", "本年"], [[f.label, f.current or "—"] for f in data.figures], [96, 60], keep_whole=(1,)
        )
    else:
        w.para(f"与该单位{data.prior_year}年度报告相比，主要数据变化如下（数值按报告原文摘录）：")
        rows = [[f.label, f.prior or "—", f.current or "—", f.change] for f in data.figures]
        w.table(["指标", "上年", "本年", "同比变化"], rows, [58, 26, 26, 46], keep_whole=(1, 2, 3))
    w.para("（二）数据一致性核查", "MemoHeading2")
    if not data.checks:
        w.para("经核对，未发现比率与数量、合计与分项、同比变化与上年数据之间的矛盾。")
        return
    w.para("经核对，以下数据存在疑点，请核实并更正或在报告中说明：")
    for index, check in enumerate(data.checks, 1):
        w.para(f"{index}.{_sentence(check)}")


def _problems(w: DocWriter, data: MemoData, today: date) -> None:
    count = 0
    for group in data.findings:
        count += 1
        w.para(f"（{numeral_text(count)}）关于{group.place}", "MemoHeading2")
        for index, category in enumerate(group.categories, 1):
            w.para(f"{index}.{category.label}")
            for number, f in enumerate(category.findings, 1):
                w.para(
                    f"（{number}）原文“{short_quote(f.quote)}”（{f.severity_label}）。{_sentence(f.comment)}"
                )
    if data.orphans:
        w.para(f"（{numeral_text(count + 1)}）无法定位的批注", "MemoHeading2")
        w.para("以下批注所指的原文在报告更新后已无法定位，现照录批注时的引文，请核对：")
        for index, f in enumerate(data.orphans, 1):
            state = f"，{f.status_label}" if f.resolved else ""
            about = f"（{f.category_label}，{f.severity_label}{state}）"
            w.para(f"{index}.原文“{short_quote(f.quote)}”{about}。{_sentence(f.comment)}")
    if not data.findings and not data.orphans:
        w.para("审阅中未标注具体问题。")
    if data.resolved_count:
        w.para(f"另有{data.resolved_count}条批注已标记为已处理，未列入以上问题。")


def _carried(w: DocWriter, data: MemoData, today: date) -> None:
    if data.prior_id is None:
        w.para("资料库中没有该单位上一年度的报告，无法比对沿用往年内容的情况。")
        return
    share = f"约{data.carried_over:.0%}" if data.carried_over is not None else "部分"
    w.para(f"与该单位{data.prior_year}年度报告比对，全文{share}的句子与上年相同或几乎相同。")
    for index, message in enumerate(data.carried_flags, 1):
        w.para(f"{index}.{_sentence(''.join(message.split()))}")
    if data.carried_flags:
        w.para("存在的不足和下一年度安排应结合本年度实际重新查摆、研究部署，不宜沿用往年表述，请予修改。")
    else:
        w.para("“存在的不足和原因”“下一年度主要安排”部分未发现大段沿用往年内容的情况。")


def _conclusion(w: DocWriter, data: MemoData, today: date) -> None:
    lines = [line.strip() for line in data.conclusion.splitlines() if line.strip()]
    for line in lines or ["（审阅人尚未填写总体意见）"]:
        w.para(line)
    advice = []
    if data.missing_labels or data.finding_count or data.orphans or data.checks or data.carried_flags:
        advice.append("请对照上述意见修改完善报告。")
    if data.year and today <= date(data.year + 1, 4, 1):
        deadline = chinese_date(date(data.year + 1, 4, 1))
        advice.append(f"年度报告应于{deadline}前通过报刊、网站等方式向社会公开（涉及国家秘密的除外）。")
    if advice:
        w.para("".join(advice))


_PARTS: tuple[tuple[str, Callable[[DocWriter, MemoData, date], None]], ...] = (
    ("基本情况", _basics),
    ("报告结构完整性", _structure),
    ("主要数据及同比变化", _figures),
    ("存在的问题", _problems),
    ("沿用往年内容情况", _carried),
    ("总体意见和建议", _conclusion),
)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？；…）”" else text + "。"


def _width(text: str) -> float:
    """Width in characters: Latin letters and digits take half a 三号 character."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)
