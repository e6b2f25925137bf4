"""Hand-written reports of made-up issuers for the finding rules: a clean report, and its parts.

Each part is a heading line and its text; tests replace one part (or the closing block) to show
a rule fires, and keep the rest clean to show it does not fire elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from desktop.core.analysis import analyse
from desktop.core.findings.config import FindingsConfig, default_config
from desktop.core.findings.engine import run_rules
from desktop.core.findings.inputs import facts_from_analysed
from desktop.core.findings.model import Finding

ISSUERS = (
    "青石县司法局",
    "临江市公安局滨河区分局",
    "桃源镇人民政府",
    "东湖街道办事处",
    "云山经济开发区管理委员会",
    "示例省教育厅",
    "青石县人民政府",
    "临江市市场监督管理局",
    "临江市生态环境局",
)

MEASURES = (
    "一、{year}年法治政府建设主要举措和成效\n"
    "（一）健全依法决策机制。全年对12件规范性文件开展合法性审核，提出修改意见36条，全部被采纳。"
    "编制重大行政决策事项目录，向社会公布决策事项5项。\n"
    "（二）规范行政执法。组织执法人员培训3期，参训150人次，开展案卷评查2次，评查案卷60卷。"
    "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。\n"
    "（三）深化普法宣传。落实“谁执法谁普法”责任制，开展法治宣传活动24场，覆盖群众1.2万人次。"
)
LEADER = (
    "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    "主要负责同志主持召开党组会专题研究法治建设工作4次，带头参加集体学法6次。"
    "对行政复议纠错案件作出批示2件，督促相关科室限期整改。"
    "在上级依法治理办公室组织的述法评议中进行现场述法，述法报告在本单位公示。"
)
SHORTCOMINGS = (
    "三、存在的不足和原因\n"
    "一是执法力量与任务不匹配，全单位持证执法人员仅18名，难以覆盖辖区23个片区的日常检查。"
    "二是个别执法案卷证据收集不全、文书制作不规范，{year}年案卷评查中有3卷被评为不合格。"
    "三是普法宣传以发放资料为主，面向企业一线人员的以案释法活动只开展了2场。"
    "究其原因，主要是执法人员专业培训不够系统，案卷质量考核机制尚未建立，普法责任清单缺少量化考核。"
)
NEXT_YEAR = (
    "四、{next}年推进法治政府建设主要安排\n"
    "一是修订《行政执法案卷评查办法》，6月底前完成。二是开展执法人员轮训2期，实现持证人员培训全覆盖。"
    "三是建立重大行政决策事项目录清单，全年开展合法性审核不少于10件。"
)
OTHER = "五、其他需要报告的情况\n{year}年未发生因违法行政被追究责任的情况。"


@dataclass
class Report:
    agency: str = ISSUERS[0]
    year: int = 2024
    title: str | None = None
    addressee: str = "中共临江市委、临江市人民政府："
    opening: str = (
        "{year}年，{agency}坚持以习近平法治思想为指导，认真落实法治政府建设各项部署，"
        "依法行政水平持续提升。现将有关情况报告如下："
    )
    parts: list[str] = field(default_factory=lambda: [MEASURES, LEADER, SHORTCOMINGS, NEXT_YEAR, OTHER])
    signature: str | None = None
    date: str | None = "{next}年1月15日"

    def with_part(self, index: int, text: str | None) -> Report:
        parts = list(self.parts)
        if text is None:
            del parts[index]
        else:
            parts[index] = text
        return replace(self, parts=parts)

    def without(self, index: int) -> Report:
        """The report without one part, the later parts renumbered (三、 → 二、)."""
        numerals = "一二三四五六七八九"
        parts = [p for i, p in enumerate(self.parts) if i != index]
        for position, part in enumerate(parts):
            if len(part) > 1 and part[0] in numerals and part[1] == "、":
                parts[position] = numerals[position] + part[1:]
        return replace(self, parts=parts)

    def text(self) -> str:
        values = {"year": self.year, "next": self.year + 1, "agency": self.agency}
        title = (
            self.title if self.title is not None else f"{self.agency}关于{self.year}年法治政府建设情况的报告"
        )
        lines = [title, self.addressee, self.opening, *self.parts]
        if self.signature != "":
            lines.append(self.signature or self.agency)
        if self.date:
            lines.append(self.date)
        return "\n".join(line.format(**values) for line in lines if line) + "\n"


def findings(
    report: Report | str,
    prior: Report | str | None = None,
    config: FindingsConfig | None = None,
    filename: str = "report.txt",
) -> list[Finding]:
    text = report if isinstance(report, str) else report.text()
    current = analyse(text.encode("utf-8"), filename)
    before = None
    if prior is not None:
        prior_text = prior if isinstance(prior, str) else prior.text()
        before = analyse(prior_text.encode("utf-8"), "prior.txt")
    return run_rules(facts_from_analysed(current, before), config or default_config())


def rules(found: list[Finding]) -> list[str]:
    return [f.rule for f in found]
