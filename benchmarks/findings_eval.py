"""Pre-review findings: are injected defects found, and what is raised on clean reports?

Run: ``python benchmarks/findings_eval.py`` (the corpus part needs ../shared/corpus; prints figures,
asserts nothing).

(a) Injected defects: copies of the project's sample reports (``resources/samples/source``) with one
    defect per rule injected, several variants each. A defect is found when the mutated report
    raises a finding of the target rule that the unmodified copy does not raise. Target: all.
(b) Clean text: every finding raised on the corpus reports (with their prior-year report where the
    corpus has one), on the samples and on the openings of other issuers' reports. Openings are
    cut mid-document, so only the rules that read a passage run on them (not missing parts,
    closing block or carried-over parts), and the text is cut after its last full sentence. Each
    finding is listed with a reviewer's verdict recorded below (right / arguable / wrong; ``?`` when
    no verdict was recorded yet). Target: nothing above 一般 that a reviewer would call wrong.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.analysis import AnalysedReport, analyse  # noqa: E402
from desktop.core.findings.config import FindingsConfig, default_config, parse_config  # noqa: E402
from desktop.core.findings.engine import run_rules  # noqa: E402
from desktop.core.findings.inputs import facts_from_analysed  # noqa: E402
from desktop.core.findings.model import Finding  # noqa: E402
from desktop.core.resources import load_json  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SOURCE = ROOT / "resources" / "samples" / "source"
Mutation = Callable[[str], str]

# ---- text surgery on the sample texts (one paragraph per line) ------------------------------------

_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")


def _lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


def _part(lines: list[str], words: str) -> tuple[int, int]:
    """Line range of the level-1 part whose heading contains ``words`` (to the next part or the signature)."""
    start = next(i for i, line in enumerate(lines) if _LEVEL1.match(line) and words in line)
    end = start + 1
    while (
        end < len(lines) and not _LEVEL1.match(lines[end]) and not lines[end].startswith("示例市应急管理局")
    ):
        end += 1
    return start, end


def _renumber(lines: list[str]) -> list[str]:
    numerals = "一二三四五六七八九十"
    count = 0
    out = []
    for line in lines:
        if _LEVEL1.match(line):
            line = numerals[count] + line[line.index("、") :]
            count += 1
        out.append(line)
    return out


def drop_part(words: str) -> Mutation:
    def apply(text: str) -> str:
        lines = _lines(text)
        start, end = _part(lines, words)
        return "\n".join(_renumber(lines[:start] + lines[end:])) + "\n"

    return apply


def drop_subsection(words: str) -> Mutation:
    """Remove a （n）… subsection (its heading line and its paragraphs up to the next heading)."""

    def apply(text: str) -> str:
        lines = _lines(text)
        start = next(i for i, line in enumerate(lines) if line.startswith("（") and words in line)
        end = start + 1
        while end < len(lines) and not re.match(
            r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)", lines[end]
        ):
            end += 1
        return "\n".join(lines[:start] + lines[end:]) + "\n"

    return apply


def set_body(words: str, body: str) -> Mutation:
    def apply(text: str) -> str:
        lines = _lines(text)
        start, end = _part(lines, words)
        return "\n".join([*lines[: start + 1], *body.split("\n"), *lines[end:]]) + "\n"

    return apply


def replace(old: str, new: str, count: int = 1) -> Mutation:
    def apply(text: str) -> str:
        if old not in text:
            raise ValueError(f"not in the sample: {old}")
        return text.replace(old, new, count)

    return apply


def drop_line(prefix: str, last: bool = True) -> Mutation:
    def apply(text: str) -> str:
        lines = _lines(text)
        found = [i for i, line in enumerate(lines) if line.startswith(prefix)]
        index = found[-1] if last else found[0]
        return "\n".join(lines[:index] + lines[index + 1 :]) + "\n"

    return apply


def both(*mutations: Mutation) -> Mutation:
    def apply(text: str) -> str:
        for mutation in mutations:
            text = mutation(text)
        return text

    return apply


GENERIC = (
    "一是法治意识有待进一步提高。二是执法力量相对薄弱。三是普法宣传力度还需加大。",
    "主要表现在：一是学习贯彻还不够深入；二是制度建设还不够完善；三是执法规范化水平有待提升；四是与上级要求还存在一定差距。",
    "一是依法行政能力有待加强。二是执法队伍素质参差不齐。三是法治宣传的针对性还不够强。",
)
VAGUE_PLAN = (
    "2025年，我局将继续坚持以习近平法治思想为指导，进一步提高思想认识，持续深化法治政府建设。坚持问题导向，强化责任落实，努力开创法治建设新局面。",
    "下一步，我们将在市委、市政府的坚强领导下，进一步提高政治站位，压实工作责任，不断推进法治政府建设工作再上新台阶。",
    "2025年，我局将认真贯彻落实上级部署，持续加强法治建设，不断提升依法行政水平。进一步健全工作机制，全面推动各项工作落地见效。",
)
VAGUE_LEADER = (
    "局主要负责人高度重视法治建设，切实履行推进法治建设第一责任人职责，做到重要工作亲自部署、重大问题亲自过问。坚持把法治建设摆在全局工作的重要位置，统筹推进各项工作落实。",
    "主要负责同志认真履行第一责任人职责，坚持以上率下，带头尊法学法守法用法，推动法治政府建设各项任务有效落实。把法治建设与业务工作同谋划、同推进。",
    "局党委书记、局长切实扛起法治建设第一责任人责任，对法治政府建设工作常抓不懈，始终把依法行政贯穿工作全过程。",
)
OTHER_SHORTCOMINGS = (
    "一是新修订的突发事件应对法配套制度尚未完全跟进，基层对新规定的适用把握不准。二是执法信息化平台与省级平台数据尚未打通，"
    "执法数据重复录入。三是行政执法与刑事司法衔接的案件线索移送标准不统一，2个案件移送后被退回补充材料。\n"
    "分析原因：一是制度修订周期跟不上法律修订节奏；二是信息化建设经费分年度安排，平台改造滞后。"
)
OTHER_PLAN = (
    "2025年，我局将重点抓好以下工作。\n（一）完善配套制度。6月底前完成突发事件应对法配套制度清理，修订应急预案管理办法。\n"
    "（二）推进执法信息化。年内完成执法平台与省级平台的数据对接，实现执法数据一次录入。\n"
    "（三）规范两法衔接。联合公安、检察机关制定案件移送标准，开展联合培训2期。"
)


def injections() -> dict[str, list[tuple[str, Mutation, str | None]]]:
    """rule → [(name, mutation, prior sample or None)]; mutations apply to shili_2024 and shili_2023."""
    return {
        "part_missing": [
            ("不足部分删除", drop_part("存在的不足"), None),
            ("下一年度部分删除", drop_part("主要安排"), None),
            (
                "第一责任人部分删除",
                lambda t: (
                    drop_part("第一责任人")(t)
                    if "、党政主要负责人" in t
                    else drop_subsection("第一责任人")(t)
                ),
                None,
            ),
        ],
        "part_only_sentence": [
            ("安排只剩一句", set_body("主要安排", "下一年度，将继续推进法治政府建设各项工作。"), None),
            ("不足只剩一句", set_body("存在的不足", "我局工作还存在一些不足，原因是重视不够。"), None),
            (
                "第一责任人只在正文提到",
                lambda t: replace(
                    "二是健全学法制度。", "二是健全学法制度。主要负责人认真履行法治建设第一责任人职责。"
                )(
                    drop_part("第一责任人")(t)
                    if "、党政主要负责人" in t
                    else drop_subsection("第一责任人")(t)
                ),
                None,
            ),
        ],
        "shortcomings_no_cause": [
            ("删去原因段", drop_line("究其原因"), None),
            (
                "删去原因段并改标题",
                both(drop_line("究其原因"), replace("、存在的不足和原因", "、存在的问题和不足")),
                None,
            ),
        ],
        "shortcomings_generic": [
            (f"套话{i + 1}", set_body("存在的不足", body + "\n究其原因，主要是重视程度还不够高。"), None)
            for i, body in enumerate(GENERIC)
        ],
        "shortcomings_short": [
            (
                "两句话",
                set_body(
                    "存在的不足", "一是执法人员偏少，原因是编制不足。二是普法方式单一，原因是经费有限。"
                ),
                None,
            ),
            ("一段短话", set_body("存在的不足", "执法检查精准性有待提高，主要原因是专业人员少。"), None),
        ],
        "next_year_not_concrete": [
            (f"空泛安排{i + 1}", set_body("主要安排", body), None) for i, body in enumerate(VAGUE_PLAN)
        ],
        "leader_duty_vague": [
            (f"空泛履职{i + 1}", _vague_leader(body), None) for i, body in enumerate(VAGUE_LEADER)
        ],
        "carried_over": [
            ("不足照搬", lambda t: t, "copy:shortcomings"),
            ("安排照搬", lambda t: t, "copy:next_year"),
            ("两部分照搬", lambda t: t, "copy:both"),
        ],
        "figures_inconsistent": [
            ("整改率不符", lambda t: re.sub(r"整改率9\d\.\d\d%", "整改率98.33%", t, count=1), None),
            (
                "合计不符",
                lambda t: re.sub(
                    r"共办理行政许可(\d+)件", lambda m: f"共办理行政许可{int(m.group(1)) + 8}件", t, count=1
                ),
                None,
            ),
            ("比率超过100%", lambda t: re.sub(r"群众满意率(\d+\.\d)%", "群众满意率108.6%", t, count=1), None),
        ],
        "stated_change_contradicts": [
            (
                "事故降幅不符",
                lambda t: re.sub(r"同比分别下降[\d.]+%和", "同比分别下降25.5%和", t, count=1),
                "prior",
            ),
            ("死亡降幅不符", lambda t: re.sub(r"和[\d.]+%，未发生", "和40%，未发生", t, count=1), "prior"),
        ],
        "time_word_this_year": [
            ("今年以来", replace("二是健全学法制度。", "二是健全学法制度。今年以来，"), None),
            ("本年", replace("2.深化隐患排查整治。", "2.深化隐患排查整治。本年，"), None),
            ("今年上半年", replace("3.提升应急处置能力。", "3.提升应急处置能力。今年上半年，"), None),
        ],
        "data_period_early": [
            ("截至11月底", lambda t: re.sub(r"全年全市共检查", "截至11月底，全市共检查", t, count=1), None),
            ("1-10月", lambda t: re.sub(r"全年全市共发生", "1-10月，全市共发生", t, count=1), None),
            ("截至目前", replace("一是规范重大行政决策。", "一是规范重大行政决策。截至目前，"), None),
        ],
        "late": [
            (
                "3月中旬落款",
                lambda t: re.sub(r"\n(\d{4})年1月(\d+)日\n", lambda m: f"\n{m.group(1)}年3月15日\n", t),
                None,
            ),
            (
                "4月落款",
                lambda t: re.sub(r"\n(\d{4})年1月(\d+)日\n", lambda m: f"\n{m.group(1)}年4月2日\n", t),
                None,
            ),
        ],
        "title_nonstandard": [
            (
                "工作总结",
                lambda t: re.sub(
                    r"关于(\d{4})年法治政府建设情况的报告", r"\1年法治政府建设工作总结", t, count=1
                ),
                None,
            ),
            (
                "工作要点",
                lambda t: re.sub(
                    r"关于(\d{4})年法治政府建设情况的报告", r"\1年法治政府建设工作要点", t, count=1
                ),
                None,
            ),
            (
                "无法治二字",
                lambda t: re.sub(r"关于(\d{4})年法治政府建设情况的报告", r"\1年度工作情况报告", t, count=1),
                None,
            ),
        ],
        "closing_incomplete": [
            ("无落款日期", lambda t: re.sub(r"\n\d{4}年1月\d+日\n", "\n", t), None),
            ("无落款单位", drop_line("示例市应急管理局"), None),
            (
                "无落款",
                both(drop_line("示例市应急管理局"), lambda t: re.sub(r"\n\d{4}年1月\d+日\n", "\n", t)),
                None,
            ),
        ],
        "numbering_slip": [
            ("跳号", lambda t: re.sub(r"\n([三])、", "\n四、", t, count=1), None),
            ("重号", replace("（三）严格规范公正文明执法", "（二）严格规范公正文明执法"), None),
            ("漏顿号", lambda t: re.sub(r"\n三、", "\n三", t, count=1), None),
        ],
        "bracket_slip": [
            ("空括号", replace("（三）严格规范公正文明执法", "（）严格规范公正文明执法"), None),
            (
                "书名号不成对",
                lambda t: re.sub(
                    r"《中国共产党纪律处分条例》|《中华人民共和国安全生产法》",
                    lambda m: m.group(0)[:-1],
                    t,
                    count=1,
                ),
                None,
            ),
            ("括号不成对", replace("（2021-2025年）", "（2021-2025年"), None),
        ],
    }


def _vague_leader(body: str) -> Mutation:
    def apply(text: str) -> str:
        if "、党政主要负责人" in text:  # a part of its own (2024) or a （四） inside part 一 (2023)
            return set_body("第一责任人", body)(text)
        return _set_subsection(text, "第一责任人", body)

    return apply


def _set_subsection(text: str, words: str, body: str) -> str:
    lines = _lines(text)
    start = next(i for i, line in enumerate(lines) if line.startswith("（") and words in line)
    end = start + 1
    while end < len(lines) and not re.match(
        r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)", lines[end]
    ):
        end += 1
    return "\n".join([*lines[: start + 1], body, *lines[end:]]) + "\n"


# ---- running the rules ----------------------------------------------------------------------------


def analysed(text: str, name: str = "report.txt") -> AnalysedReport:
    return analyse(text.encode("utf-8"), name)


def run(
    current: AnalysedReport, prior: AnalysedReport | None = None, config: FindingsConfig | None = None
) -> list[Finding]:
    return run_rules(facts_from_analysed(current, prior), config or default_config())


def _prior_for_copy(prior_text: str, current_text: str, what: str) -> str:
    """The prior report with rewritten 不足/安排 (so nothing is carried), then the copied part(s) put back."""
    fresh = set_body("主要安排", OTHER_PLAN)(set_body("存在的不足", OTHER_SHORTCOMINGS)(prior_text))
    if what == "clean":
        return fresh
    lines = _lines(current_text)
    for words, kind in (("存在的不足", "shortcomings"), ("主要安排", "next_year")):
        if what in (kind, "both"):
            start, end = _part(lines, words)
            fresh = set_body(words, "\n".join(lines[start + 1 : end]))(fresh)
    return fresh


def evaluate_injections() -> None:
    bases = {
        "shili_2024": (SOURCE / "shili_2024.txt").read_text(encoding="utf-8"),
        "shili_2023": (SOURCE / "shili_2023.txt").read_text(encoding="utf-8"),
    }
    prior_of = {"shili_2024": bases["shili_2023"], "shili_2023": None}
    found_total = variants_total = 0
    missed: list[str] = []
    clean_counts: Counter[str] = Counter()
    print("(a) injected defects (one rule per variant, on both sample reports)")
    print(f"{'rule':<28}{'variants':>9}{'found':>7}")
    cache: dict[tuple[str, str], set[str]] = {}
    for base in bases.values():
        clean = run(analysed(base))
        clean_counts.update(f.rule for f in clean)
    per_rule: dict[str, list[int]] = {}
    for rule, variants in injections().items():
        done = total = 0
        for base_name, base in bases.items():
            for name, mutation, prior_mode in variants:
                if prior_mode == "prior" and prior_of[base_name] is None:
                    continue
                prior_text = prior_of[base_name] or bases["shili_2024"]
                if prior_mode and prior_mode.startswith("copy:"):
                    what = prior_mode.split(":")[1]
                    clean_prior = analysed(_prior_for_copy(prior_text, base, "clean"))
                    key = (base_name, "copy-clean")
                    if key not in cache:
                        cache[key] = {f.id for f in run(analysed(base), clean_prior)}
                    baseline = cache[key]
                    found = run(analysed(base), analysed(_prior_for_copy(prior_text, base, what)))
                else:
                    prior = analysed(prior_text) if prior_mode == "prior" else None
                    key = (base_name, prior_mode or "")
                    if key not in cache:
                        cache[key] = {f.id for f in run(analysed(base), prior)}
                    baseline = cache[key]
                    found = run(analysed(mutation(base)), prior)
                total += 1
                hit = any(f.rule == rule and f.id not in baseline for f in found)
                done += hit
                if not hit:
                    missed.append(f"{rule}/{name} on {base_name}")
        per_rule[rule] = [total, done]
        print(f"{rule:<28}{total:>9}{done:>7}")
        found_total += done
        variants_total += total
    print(f"{'all rules':<28}{variants_total:>9}{found_total:>7}")
    for miss in missed:
        print("  missed:", miss)
    print("findings on the unmodified samples (no prior report):", dict(clean_counts) or "none")


# ---- clean corpus ----------------------------------------------------------------------------------

# A reviewer's verdict on each finding raised on clean text: (file, rule, start of the quote or key).
# Judged by reading each passage against the domain guide; the corpus README's notes back several.
VERDICTS: dict[tuple[str, str, str], str] = {
    # Dated 21/17 November: the figures run "to date" and the accident changes stop at 11月20日/15日.
    ("heshan_2024.docx", "data_period_early", "截至"): "right",
    ("heshan_2023.docx", "data_period_early", "截至"): "right",
    # The synthetic prior years keep 不足 and 下一年度 almost word for word; so does the sample pair.
    ("heshan_2024.docx", "carried_over", ""): "right",
    ("kaiping_2025.html", "carried_over", ""): "right",
    ("shili_2024.docx", "carried_over", ""): "right",
    # 存在的问题和不足 lists problems and no causes.
    ("kaiping_2025.html", "shortcomings_no_cause", ""): "right",
    ("kaiping_2024.html", "shortcomings_no_cause", ""): "right",
    # Web copies without signature and date: true of the text, and the message says web copies drop them.
    ("kaiping_2025.html", "closing_incomplete", "signature_date"): "arguable",
    ("kaiping_2024.html", "closing_incomplete", "signature_date"): "arguable",
    ("xiangxiang_2024.docx", "closing_incomplete", "signature_date"): "right",
    # The gold lists leader_duty as missing: one item inside （一） touches it.
    ("xiangxiang_2024.docx", "part_only_sentence", ""): "right",
    # 今年 in an undated report about the year (worded as a question); the accident figures cover 1-8月.
    ("xiangxiang_2024.docx", "time_word_this_year", ""): "right",
    ("xiangxiang_2024.docx", "data_period_early", "2024年1-8月"): "right",
    # Two sentences of intentions; 常态化抓好…培训 is the nearest to a measure.
    ("xiangxiang_2024.docx", "next_year_not_concrete", ""): "arguable",
    # Openings that start with the body: the text has no title.
    **{
        (name, "title_nonstandard", "missing"): "right"
        for name in (
            "gongan_yichun_2023.txt",
            "jiaoyu_qianjin_2023.txt",
            "jiaoyu_shangcheng_2024.txt",
            "renshe_hubei_2024.txt",
            "scjg_shangcheng_2024.txt",
            "sifaju_dongguan_2023.txt",
            "sifating_shaanxi_2024.txt",
            "sifating_shanxi_2024.txt",
        )
    },
    ("gongan_yichun_2023.txt", "time_word_this_year", "今年以来"): "right",
    ("scjg_shangcheng_2024.txt", "time_word_this_year", "现将今年"): "right",
    ("zhen_xiayang_2023.txt", "time_word_this_year", "今年我镇"): "right",
}
PASSAGE_RULES = (
    "time_word_this_year",
    "data_period_early",
    "numbering_slip",
    "bracket_slip",
    "figures_inconsistent",
    "title_nonstandard",
)


def _verdict(name: str, finding: Finding) -> str:
    for (file, rule, start), verdict in VERDICTS.items():
        if (
            file == name
            and rule == finding.rule
            and (finding.quote.startswith(start) or finding.key == start)
        ):
            return verdict
    return "?"


def _openings_config() -> FindingsConfig:
    raw = load_json("findings.json")
    off = {rule: {"enabled": False} for rule in raw["rules"] if rule not in PASSAGE_RULES}
    return parse_config(raw, {"rules": off})


def evaluate_clean() -> None:
    if not CORPUS.is_dir():
        print("(b) clean corpus: ../shared/corpus not found, skipped")
        return
    reports = CORPUS / "reports"
    pairs = [
        ("heshan_2024.docx", "heshan_2023.docx"),
        ("heshan_2023.docx", None),
        ("kaiping_2025.html", "kaiping_2024.html"),
        ("kaiping_2024.html", None),
        ("xiangxiang_2024.docx", None),
    ]
    samples = ROOT / "resources" / "samples"
    rows: list[tuple[str, Finding]] = []
    started = time.perf_counter()  # includes reading and analysing every file
    count = 0
    rule_times = []
    for name, prior in pairs:
        current = analyse((reports / name).read_bytes(), name)
        before = analyse((reports / prior).read_bytes(), prior) if prior else None
        timer = time.perf_counter()
        rows += [(name, f) for f in run(current, before)]
        rule_times.append(time.perf_counter() - timer)
        count += 1
    for name, prior in (("shili_2024.docx", "shili_2023.docx"), ("shili_2023.docx", None)):
        current = analyse((samples / name).read_bytes(), name)
        before = analyse((samples / prior).read_bytes(), prior) if prior else None
        rows += [(name, f) for f in run(current, before)]
        count += 1
    config = _openings_config()
    openings = sorted((CORPUS / "openings").glob("*.txt"))
    for path in openings:
        text = path.read_text(encoding="utf-8")
        cut = max(text.rfind("。"), text.rfind("；"))
        rows += [
            (path.name, f)
            for f in run(analysed(text[: cut + 1] if cut > 0 else text, path.name), config=config)
        ]
        count += 1
    elapsed = time.perf_counter() - started
    print(
        f"\n(b) findings on clean text: {len(rows)} on {count} documents "
        f"({len(pairs) + 2} full reports, {len(openings)} openings; {elapsed:.1f} s with analysis)"
    )
    verdicts = Counter(_verdict(name, f) for name, f in rows)
    above = [(name, f) for name, f in rows if f.severity in ("serious", "critical")]
    wrong_above = [(name, f) for name, f in above if _verdict(name, f) == "wrong"]
    print(
        f"rules on a full report (comparison with the prior year included): "
        f"{max(rule_times) * 1000:.0f} ms at most, {sum(rule_times) / len(rule_times) * 1000:.0f} ms on average"
    )
    print("by rule:", dict(Counter(f.rule for _n, f in rows)))
    print("by verdict:", dict(verdicts))
    print(
        f"above 一般: {len(above)}, of which a reviewer would call wrong: {len(wrong_above)}; "
        f"unjudged above 一般: {sum(_verdict(n, f) == '?' for n, f in above)}"
    )
    for name, f in rows:
        quote = (f.quote or f.key)[:28].replace("\n", " ")
        print(f"  {_verdict(name, f):<9}{f.severity_label:<4}{name:<28}{f.rule:<26}{quote}")


if __name__ == "__main__":
    started = time.perf_counter()
    evaluate_injections()
    evaluate_clean()
    print(f"\ntotal {time.perf_counter() - started:.1f} s")
