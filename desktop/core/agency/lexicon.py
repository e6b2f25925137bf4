"""What issuing bodies are called: department stems, body types, short forms, and non-agencies."""

from __future__ import annotations

import re

# Departments of governments at every level, by the stem before 局/厅/委员会… (longest first when
# compiled). A stem outside this list is still accepted where the position says "issuer" (a title,
# a signature line), never in running text.
DEPARTMENT_STEMS = (
    "司法", "司法行政", "公安", "教育", "教育体育", "教育和体育", "教体", "财政", "民政", "人力资源和社会保障",
    "人力资源社会保障", "人社", "自然资源", "自然资源和规划", "规划和自然资源", "生态环境", "生态环境保护综合执法",
    "住房和城乡建设", "住房城乡建设", "住建", "城乡建设", "交通运输", "交通", "水利", "水务", "农业农村", "农业",
    "商务", "文化和旅游", "文化广电和旅游", "文化广电旅游", "文化广电旅游体育", "文化旅游体育", "文旅", "文广旅体",
    "卫生健康", "卫健", "退役军人事务", "应急管理", "应急", "审计", "统计", "市场监督管理", "市场监管",
    "医疗保障", "医保", "林业", "林业和草原", "体育", "信访", "城市管理", "城市管理综合执法", "综合行政执法",
    "城管", "行政审批服务", "行政审批", "政务服务和数据管理", "政务服务数据管理", "政务服务", "数据", "大数据",
    "发展和改革", "发展改革", "发改", "工业和信息化", "工信", "经济和信息化", "经信", "科学技术", "科技",
    "粮食和物资储备", "国有资产监督管理", "国资", "地方金融监督管理", "金融工作", "机关事务管理", "档案",
    "民族宗教事务", "民族事务", "宗教事务", "外事", "侨务", "人民防空", "人防", "气象", "税务", "烟草专卖",
    "消防救援", "住房公积金管理", "乡村振兴", "公共资源交易", "知识产权", "药品监督管理", "广播电视",
    "新闻出版", "海洋", "海洋渔业", "渔业", "港口", "口岸", "商务和粮食", "投资促进", "营商环境建设",
    "城市管理和综合执法", "交通运输综合行政执法", "监狱管理", "戒毒管理", "移民管理", "邮政管理",
    "能源", "国防动员", "社会工作", "机构编制", "网信", "人力资源", "劳动和社会保障", "卫生", "环境保护", "环保",
)  # fmt: skip
TYPE_SUFFIXES = ("委员会", "办公室", "管理局", "总局", "局", "厅", "委", "办", "部", "署")
SUB_SUFFIXES = ("分局", "支队", "大队", "派出所", "中队")
GOVERNMENT_SUFFIXES = ("人民政府", "政府")
ZONE_BODIES = ("管理委员会", "管委会", "党工委", "工作委员会")
STREET_BODIES = ("街道办事处", "办事处")
# Structural names of units below the county, which no national list covers.
TOWNSHIP_TYPES = ("民族乡", "镇", "乡", "苏木", "街道")
ZONE_TYPES = (
    "经济技术开发区", "高新技术产业开发区", "经济开发区", "高新技术开发区", "高新区", "开发区", "工业园区",
    "产业园区", "园区", "新区", "示范区", "保税区", "综合保税区", "管理区", "试验区", "合作区",
)  # fmt: skip
LEVEL_CHARS = "省市县区州旗镇乡"
NATIONAL_PREFIXES = ("国家", "国务院", "中华人民共和国", "中央")

# Short forms of bodies and their official names (the display and the identity key use the latter).
BODY_FULL_FORMS = {
    "市场监管局": "市场监督管理局",
    "人社局": "人力资源和社会保障局",
    "人社厅": "人力资源和社会保障厅",
    "人力资源社会保障局": "人力资源和社会保障局",
    "人力资源社会保障厅": "人力资源和社会保障厅",
    "应急局": "应急管理局",
    "卫健委": "卫生健康委员会",
    "卫健局": "卫生健康局",
    "发改委": "发展和改革委员会",
    "发展改革委": "发展和改革委员会",
    "住建局": "住房和城乡建设局",
    "住房城乡建设局": "住房和城乡建设局",
    "住建厅": "住房和城乡建设厅",
    "住房城乡建设厅": "住房和城乡建设厅",
    "工信局": "工业和信息化局",
    "工信厅": "工业和信息化厅",
    "科技局": "科学技术局",
    "科技厅": "科学技术厅",
    "医保局": "医疗保障局",
    "教体局": "教育体育局",
    "文旅局": "文化和旅游局",
    "文旅厅": "文化和旅游厅",
    "国资委": "国有资产监督管理委员会",
    "管委会": "管理委员会",
    "政府": "人民政府",
}
# Words that end like a body but never name an issuer (法治政府 is a goal, 市委 the party committee
# above the issuer, 人民政府 alone names no one).
NOT_AGENCIES = frozenset({
    "法治政府", "人民政府", "政府", "服务型政府", "数字政府", "诚信政府", "廉洁政府", "有为政府", "有效政府",
    "市委", "县委", "区委", "省委", "党委", "党组", "全局", "本局", "我局", "该局", "各局", "委员会", "办公室",
    "中央", "党中央", "国务院",
})  # fmt: skip
STOP_CHARS = frozenset("的在了是将对与及等各我本该其并把被从向按据着而或但就也又还已此年度月日")
"""Characters that never occur inside an issuer's name but do in the sentence around it."""

CJK = "\u4e00-\u9fff"
_STEM_ALT = "|".join(sorted(DEPARTMENT_STEMS, key=len, reverse=True))
_TYPE_ALT = "|".join(TYPE_SUFFIXES)
DEPARTMENT_RE = re.compile(rf"(?:{_STEM_ALT})(?:{_TYPE_ALT})")
"""A department of the lexicon, e.g. 司法局, 人力资源和社会保障厅, 卫健委."""


def full_body(body: str) -> str:
    """The official form of a body: 市场监管局 → 市场监督管理局; other bodies unchanged."""
    return BODY_FULL_FORMS.get(body, body)


def clean_stem(stem: str) -> bool:
    return bool(stem) and not any(ch in STOP_CHARS for ch in stem)
