"""Figures of every kind of issuer, one rule at a time, on sentences written for the purpose.

The issuers are made up (示例县司法局, 某某市公安局某某区分局, 某某镇人民政府 …); each sentence is in the
style such reports use, not copied from any of them. The agency decides the sector packs, as at import.
"""

from __future__ import annotations

import pytest

from desktop.core.metrics.catalog import load_catalog
from desktop.core.metrics.extract import extract_metrics
from desktop.core.metrics.sector import classify_sector

CATALOG = load_catalog()
Case = tuple[str, str, list[tuple[str, float]]]


def keyed(agency: str, text: str) -> list[tuple[str, float]]:
    return sorted((m.key, m.value) for m in extract_metrics(text, [], CATALOG, agency=agency) if m.key)


def check(cases: list[Case]) -> None:
    for agency, text, expected in cases:
        assert keyed(agency, text) == sorted((k, float(v)) for k, v in expected), (agency, text)


CORE_KEYS: list[Case] = [  # the core keys, for every kind of issuer
    (
        "示例县司法局",
        "全年审核县政府行政规范性文件13件，备案审查部门规范性文件8件，清理规范性文件21件，废止3件。",
        [
            ("normative_documents", 13),
            ("document_filings", 8),
            ("document_cleanups", 21),
            ("document_cleanups", 3),
        ],
    ),
    (
        "示例县司法局",
        "办理行政复议案件46件，纠错率为10.9%；全县行政机关负责人出庭应诉率达100%。",
        [("reconsiderations", 46), ("correction_rate", 10.9), ("court_appearance_rate", 100)],
    ),
    (
        "示例县司法局",
        "全年共发生行政诉讼案件38件，败诉2件，败诉率5.3%。",
        [("litigations", 38), ("litigation_losses", 2), ("litigation_loss_rate", 5.3)],
    ),
    (
        "示例县司法局",
        "办理法律援助案件1260件，人民调解组织调解矛盾纠纷3400余件，调解成功率98%。",
        [("legal_aid_cases", 1260), ("mediations", 3400)],
    ),
    ("示例县司法局", "开展行政执法案卷评查，共评查案卷320卷。", [("case_file_reviews", 320)]),
    ("示例县司法局", "全县行政机关负责人出庭应诉56次。", [("court_appearances", 56)]),
    (
        "示例县司法局",
        "公职律师为政府提供法律咨询260余次，出具法律意见书85份。",
        [("legal_opinions", 260), ("legal_opinions", 85)],
    ),
    (
        "示例县司法局",
        "新增持证执法人员126名，全县持行政执法证人员达2300人。",
        [("certified_officers", 126), ("certified_officers", 2300)],
    ),
    ("某某市公安局某某区分局", "全年查处治安案件1520起，行政处罚违法人员860人。", [("cases_filed", 1520)]),
    (
        "某某区市场监督管理局",
        "受理消费者投诉举报5620件，为消费者挽回经济损失310万元。",
        [("complaints", 5620)],
    ),
    (
        "示例县教育局",
        "组织全县中小学开展法治讲座120场，覆盖师生3.5万人次。",
        [("publicity_events", 120), ("publicity_reach", 35000)],
    ),
    (
        "示例县教育局",
        "局党组理论学习中心组集体学法4次，举办法治专题讲座2期。",
        [("study_sessions", 4), ("study_sessions", 2)],
    ),
    (
        "某省教育厅",
        "全年受理政府信息公开申请12件，主动公开政府信息860条。",
        [("info_disclosure", 12), ("info_disclosure", 860)],
    ),
    (
        "某某市生态环境局",
        "全年下达环境行政处罚决定书85份，罚款金额1260.5万元。",
        [("penalty_decisions", 85), ("fines", 1260.5)],
    ),
    (
        "某某市生态环境局",
        "办理环评审批项目210个，开展执法检查2300余家次。",
        [("licenses", 210), ("inspections", 2300)],
    ),
    (
        "示例县人民政府",
        "县政府常务会议专题研究法治政府建设工作3次，集体学法4次。",
        [("rule_of_law_meetings", 3), ("study_sessions", 4)],
    ),
    ("示例县人民政府", "全年作出重大行政决策12项，均经合法性审查。", [("major_decisions", 12)]),
    (
        "示例县人民政府",
        "办理人大代表建议86件、政协委员提案112件。",
        [("proposals_handled", 86), ("proposals_handled", 112)],
    ),
    (
        "示例县人民政府",
        "全县政务服务中心全年办件48.6万件，政务服务事项网上可办率达98%。",
        [("licenses", 486000)],
    ),
    (
        "某某镇人民政府",
        "通过举办法治讲座4次、挂宣传横幅12条，排查化解矛盾纠纷156起。",
        [("publicity_events", 4), ("mediations", 156)],
    ),
    ("某某街道办事处", "街道党工委会议专题研究法治建设工作4次。", [("rule_of_law_meetings", 4)]),
    (
        "某某街道办事处",
        "12345热线工单办结3200件，群众满意度99.2%。",
        [("complaints", 3200), ("satisfaction_rate", 99.2)],
    ),
    (
        "某某经济开发区管理委员会",
        "充分发挥依法行政领导小组作用，共召开专题会议5场。",
        [("rule_of_law_meetings", 5)],
    ),
    ("某某经济开发区管理委员会", "对区内企业开展安全生产检查560家次。", [("inspections", 560)]),
    ("示例市司法局", "共聘请4名法律顾问、20名公职律师参", []),
    (
        "示例县人民政府",
        "组织全县行政执法人员培训6期，参训1200人次。",
        [("enforcement_trainings", 6), ("trainees", 1200)],
    ),
    ("示例县人民政府", "审核规范性文件、重大行政决策、合同协议等共计45件。", [("legal_reviews", 45)]),
    (
        "示例县人民政府",
        "开展普法宣传活动320场次，受众达15万人次。",
        [("publicity_events", 320), ("publicity_reach", 150000)],
    ),
    (
        "示例县司法局",
        "开展法治宣传活动86场次，受教育群众3.2万人次。",
        [("publicity_events", 86), ("publicity_reach", 32000)],
    ),
    (
        "某某市公安局某某区分局",
        "破获各类刑事案件356起，抓获犯罪嫌疑人218名。",
        [("cases_solved", 356), ("suspects_caught", 218)],
    ),
    ("示例县人民政府", "召开县委全面依法治县委员会会议2次。", [("rule_of_law_meetings", 2)]),
    ("示例县人民政府", "召开会议2次研究部署法治政府建设。", [("rule_of_law_meetings", 2)]),
    ("某某区市场监督管理局", "日均办件3000件。", [("licenses", 3000)]),
    ("示例市应急管理局", "组织开展应急演练320场次，参演人员2.6万人次。", [("drills", 320)]),
]

WRONG_KEYINGS: list[Case] = [  # counts of unlike things, other people's training and publicity are no metric
    ("示例市应急管理局", "审理行政处罚案、事故定性案等共60宗。", []),
    ("示例市应急管理局", "开展安全生产宣传、培训活动4800余场次。", []),
    ("示例市应急管理局", "组织企业培训120场，开展安全宣传6966人次。", []),
    ("示例县司法局", "开展“法律明白人”培训12场次，培训1500人次。", []),
    ("示例市应急管理局", "培训企业主要负责人和安全管理人员1.2万人次。", []),
]

NOT_FIGURES: list[Case] = [  # numbers in names, slogans, thresholds, durations and words are not figures
    ("某某市公安局某某区分局", "坚持两人以上执法。", []),
    ("某某镇人民政府", "认真落实“十件实事”，实现八个新突破，深入开展“三个年”活动。", []),
    ("示例市司法局", "开展“四个深化年”活动，发布《某某市2024年法治建设十件实事工作方案》。", []),
    ("示例市人民政府", "行政许可事项办理时限由20个工作日缩短至5个工作日。", []),
    ("示例市人民政府", "联合12部门印发规范性文件3件。", [("normative_documents", 3)]),
]

CHANGES: list[Case] = [  # a change is signed, keyed or not, and is never the level it changes
    (
        "某某市公安局某某区分局",
        "辖区刑事警情同比下降15.2%，抓获违法犯罪嫌疑人320名。",
        [("police_incidents_change", -15.2), ("suspects_caught", 320)],
    ),
    ("示例市司法局", "全市刑事立案数同比下降13.4%，较上年提高0.05个百分点。", []),
    ("示例市应急管理局", "全年共发生事故12起，同比减少3起。", [("accidents", 12)]),
    ("示例市司法局", "群众满意率较上年提高2%。", []),
    (
        "某某市公安局",
        "全年接报警情2.3万起，同比下降8%。",
        [("police_incidents", 23000), ("police_incidents_change", -8)],
    ),
    (
        "某省司法厅",
        "全省法治政府建设群众满意度为95.43%，较上年提高0.05个百分点。",
        [("satisfaction_rate", 95.43)],
    ),
    (
        "示例市应急管理局",
        "全年共发生各类生产安全事故15起、死亡12人，同比分别下降16.7%和7.7%，未发生较大及以上生产安全事故。",
        [("accidents", 15), ("deaths", 12), ("accidents_change", -16.7), ("deaths_change", -7.7)],
    ),
]

ZEROS: list[Case] = [  # a count of zero written without a number; a goal is no count
    ("示例县司法局", "行政诉讼零败诉。", [("litigation_losses", 0)]),
    ("示例县司法局", "全年无行政诉讼案件。", [("litigations", 0)]),
    ("示例县司法局", "全年未发生行政复议和行政诉讼案件。", [("reconsiderations", 0), ("litigations", 0)]),
    ("示例市应急管理局", "力争实现零事故。", []),
    ("示例市应急管理局", "全年实现零事故。", [("accidents", 0)]),
]

UNITS: list[Case] = [  # measure words of other sectors: 部, 卷, 张, 户次, 件次
    (
        "某某区市场监督管理局",
        "全年开展双随机抽查1260户次，查办案件164件，罚没款532.6万元。",
        [("inspections", 1260), ("cases_filed", 164), ("fines", 532.6)],
    ),
    ("某某区市场监督管理局", "核发食品经营许可证2911张。", [("licenses", 2911)]),
    (
        "示例市司法局",
        "印发规范性文件3部，评查案卷120卷，办理行政许可1200件次。",
        [("normative_documents", 3), ("case_file_reviews", 120), ("licenses", 1200)],
    ),
]

NEAR_MISSES: list[Case] = [  # words of a metric that do not name the figure beside them
    ("某省应急管理厅", "发布危险化学品登记证等5个电子证照标准。", []),
    ("示例县人民政府", "现保留的政务服务事项480项，行政许可事项196项。", []),
    ("示例县人民政府", "全年共受理行政许可事项2310件。", [("licenses", 2310)]),
    ("示例市司法局", "经评查共评出优秀案卷6份、合格案卷41份。", []),
    (
        "示例市应急管理局",
        "今年有5名干部通过了行政执法资格考试，据统计，全局现有执法人员38名。",
        [("certified_officers", 5)],
    ),
    ("某某市司法局", "筹备召开3次法治某某（法治政府）建设工作推进会。", [("rule_of_law_meetings", 3)]),
    ("某某县公安局", "组织开展专题培训8场次，覆盖民辅警160余人次。", [("enforcement_trainings", 8)]),
    ("某某镇人民政府", "依托法治文化广场开展宣传活动，覆盖群众1.2万人次。", [("publicity_reach", 12000)]),
    ("示例县人民政府", "减少审批环节3个，提速审批事项12项，办理环评审批项目210个。", [("licenses", 210)]),
    (
        "示例县卫生健康局",
        "全年共实施行政处罚186件，另有2件行政处罚案卷被评为优秀案卷。",
        [("penalty_decisions", 186)],
    ),
    ("示例市应急管理局", "发生较大事故2起、死亡7人，同比减少1起、3人。", [("accidents", 2), ("deaths", 7)]),
]


@pytest.mark.parametrize(
    "cases",
    [CORE_KEYS, WRONG_KEYINGS, NOT_FIGURES, CHANGES, ZEROS, UNITS, NEAR_MISSES],
    ids=["core keys", "wrong keyings", "not figures", "changes", "zeros", "units", "near misses"],
)
def test_rules(cases: list[Case]) -> None:
    check(cases)


def test_unkeyed_changes_keep_their_sign() -> None:
    found = extract_metrics(
        "全市刑事立案数同比下降13.4%，群众满意率较上年提高2%。", [], CATALOG, agency="示例市司法局"
    )
    assert [(m.key, m.value, m.written) for m in found] == [(None, -13.4, "下降13.4%"), (None, 2, "提高2%")]


def test_slogans_and_names_are_not_figures_at_all() -> None:
    text = "开展“四个深化年”活动，实现八个新突破，落实《某某市2024年法治建设十件实事工作方案》，坚持两人以上执法。"
    assert extract_metrics(text, [], CATALOG, agency="某某镇人民政府") == []


@pytest.mark.parametrize(
    ("agency", "text", "reason"),
    [
        ("示例县人民政府", "召开会议2次研究部署法治政府建设。", "仅凭“会议”"),
        ("某某区市场监督管理局", "日均办件3000件。", "平均数"),
        ("示例县司法局", "组织全县执法人员和镇村干部共860人次，开展法律知识培训考试12场次。", "分句"),
        ("某某镇人民政府", "全年出具法律意见书45份，审核合同协议12份", "中断"),
    ],
)
def test_doubtful_keys_say_why(agency: str, text: str, reason: str) -> None:
    (doubtful,) = [m for m in extract_metrics(text, [], CATALOG, agency=agency) if m.confidence == "doubtful"]
    assert doubtful.key is not None and reason in (doubtful.doubt or "")


def test_near_unambiguous_figures_are_sure() -> None:
    found = extract_metrics(
        "全年办理行政复议案件46件，出具法律意见书85份。", [], CATALOG, agency="示例县司法局"
    )
    assert [(m.key, m.confidence) for m in found] == [
        ("reconsiderations", "sure"),
        ("legal_opinions", "sure"),
    ]


@pytest.mark.parametrize(
    ("agency", "opening", "issuer_type", "packs"),
    [
        ("示例市应急管理局", "", "应急管理", ("emergency",)),
        ("某某市公安局某某区分局", "", "公安", ("police",)),
        ("示例县司法局", "全年发生生产安全事故3起，排查隐患120处。", "司法行政", ()),
        ("某某街道办事处", "", "乡镇街道", ()),
        ("某省教育厅", "", "教育", ()),
        (None, "示例县教育局2024年法治政府建设年度报告\n2024年，县教育局认真贯彻", "教育", ()),
        (None, "2024年，在区委、区政府的领导下，区市场监管局坚持", "市场监管", ()),
        (None, "安全生产形势稳定。" * 5 + "排查隐患120处，生产安全事故下降。", None, ("emergency",)),
    ],
)
def test_sector_packs_follow_the_issuer_then_the_wording(
    agency: str | None, opening: str, issuer_type: str | None, packs: tuple[str, ...]
) -> None:
    sector = classify_sector(agency, opening, CATALOG)
    assert (sector.issuer_type, sector.packs) == (issuer_type, packs)
    assert sector.from_text == (packs if agency is None and issuer_type is None else ())


def test_a_list_of_changes_keeps_its_sign() -> None:
    found = extract_metrics("同比减少1起、3人。", [], CATALOG, agency="示例市应急管理局")
    assert [(m.key, m.value) for m in found] == [(None, -1), (None, -3)]


def test_money_is_compared_in_wan_yuan_and_quoted_as_written() -> None:
    found = extract_metrics("罚款5000元，罚没款共计1.2亿元。", [], CATALOG, agency="某某区市场监督管理局")
    assert [(m.key, m.value, m.unit, m.written) for m in found] == [
        ("fines", 0.5, "万元", "5000元"),
        ("fines", 12000, "万元", "1.2亿元"),
    ]
