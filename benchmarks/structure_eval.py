"""Report structure: required parts, "not a report" vs incomplete, boilerplate, linear time.

Run: ``python benchmarks/structure_eval.py`` (needs ../shared/corpus; prints figures, asserts
nothing). ``--quick`` skips the largest timing inputs.

(1) Required parts per issuer type, over the corpus reports (gold ``sections`` and
    ``missing_sections``) and the openings (``meta.json``: ``present_in_text`` must be found,
    ``ambiguous_in_text`` may be, ``absent_in_text`` must not): found / missed / wrongly found.
(2) "Not a report" said of real reports (target 0) and of ``bad/not_a_report.docx`` (must be said);
    incomplete reports (every opening, and corpus reports with a part missing) called incomplete.
(3) Carried-over share, raw and substantive (boilerplate left out), for the corpus pairs and the
    openings' series (openings are only the first ~700 characters of each report).
(4) Time of cleaning, sections and comparison at n, 4n, 16n (linear work grows 4× per step), and
    on the fuzzer's reproducer of 200,000 lines of ``（一）``.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.analysis import AnalysedReport, analyse  # noqa: E402
from desktop.core.compare import compare_reports, compare_texts  # noqa: E402
from desktop.core.report_kind import assess_report  # noqa: E402
from desktop.core.sections import REQUIRED_KINDS, parse_sections  # noqa: E402
from desktop.core.text.cleaning import clean_text  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
OPENINGS = CORPUS / "openings"
NOT_A_REPORT = "不是法治政府建设年度报告"
PAIRS = [
    ("reports/heshan_2023.docx", "reports/heshan_2024.docx"),
    ("reports/kaiping_2024.html", "reports/kaiping_2025.html"),
    ("openings/sifaju_dongguan_2021.txt", "openings/sifaju_dongguan_2022.txt"),
    ("openings/sifaju_dongguan_2022.txt", "openings/sifaju_dongguan_2023.txt"),
    ("openings/quzf_jinghai_2023.txt", "openings/quzf_jinghai_2024.txt"),
    ("openings/gongan_zengcheng_2023.txt", "openings/gongan_zengcheng_2024.txt"),
]


def load(path: Path) -> AnalysedReport:
    return analyse(path.read_bytes(), path.name)


def found_parts(report: AnalysedReport) -> set[str]:
    return {k for s in report.sections.sections if s.level <= 3 for k in s.covers}


class Tally:
    def __init__(self) -> None:
        self.reports = self.expected = self.found = self.missed = self.wrong = 0
        self.not_report = self.incomplete_expected = self.incomplete_said = 0
        self.notes: list[str] = []

    def add(
        self, name: str, report: AnalysedReport, present: set[str], allowed: set[str], incomplete: bool
    ) -> None:
        found = found_parts(report)
        missed, wrong = present - found, found - present - allowed
        self.reports += 1
        self.expected += len(present)
        self.found += len(present & found)
        self.missed += len(missed)
        self.wrong += len(wrong)
        said_not = not report.is_annual_report or any(NOT_A_REPORT in w for w in report.warnings)
        self.not_report += said_not
        said_incomplete = bool(report.warnings) and report.warnings[0].startswith(
            ("报告不完整", "报告可能不完整")
        )
        self.incomplete_expected += incomplete
        self.incomplete_said += incomplete and said_incomplete
        for kind in sorted(missed):
            self.notes.append(f"{name}: missed {kind}")
        for kind in sorted(wrong):
            self.notes.append(f"{name}: wrongly found {kind}")
        if said_not:
            self.notes.append(f"{name}: called not a report: {report.warnings[0][:60]}")
        if incomplete and not said_incomplete:
            self.notes.append(f"{name}: incomplete but not called incomplete")


def parts() -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    required = set(REQUIRED_KINDS)
    for gold_path in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        present = required - set(gold["missing_sections"])
        for path in sorted((CORPUS / "reports").glob(gold_path.stem + ".*")):
            if path.suffix == ".doc":
                continue  # needs LibreOffice; the .docx it was made from is measured
            report = load(path)
            tallies["应急管理局 (corpus)"].add(
                path.name, report, present, set(), bool(gold["missing_sections"])
            )
    meta = json.loads((OPENINGS / "meta.json").read_text(encoding="utf-8"))
    for name, info in meta.items():
        report = load(OPENINGS / name)
        present = set(info["present_in_text"]) & required
        allowed = set(info["ambiguous_in_text"])
        tallies[info["agency_category"] + " (openings)"].add(name, report, present, allowed, True)
    return tallies


def print_parts(tallies: dict[str, Tally]) -> None:
    print("(1) required parts per issuer type (found / expected; missed; wrongly found)")
    print(f"    {'issuer type':24s} reports  found/expected  missed  wrong  not-a-report  incomplete said")
    total = Tally()
    for kind, t in sorted(tallies.items()):
        print(
            f"    {kind:24s} {t.reports:7d}  {t.found:5d}/{t.expected:<8d}  {t.missed:6d}  {t.wrong:5d}"
            f"  {t.not_report:12d}  {t.incomplete_said}/{t.incomplete_expected}"
        )
        for field in ("reports", "expected", "found", "missed", "wrong", "not_report"):
            setattr(total, field, getattr(total, field) + getattr(t, field))
        total.incomplete_expected += t.incomplete_expected
        total.incomplete_said += t.incomplete_said
        total.notes += t.notes
    print(
        f"    {'all':24s} {total.reports:7d}  {total.found:5d}/{total.expected:<8d}  {total.missed:6d}"
        f"  {total.wrong:5d}  {total.not_report:12d}  {total.incomplete_said}/{total.incomplete_expected}"
    )
    for note in total.notes:
        print("      ", note)
    notice = load(CORPUS / "bad" / "not_a_report.docx")
    said = not notice.is_annual_report and NOT_A_REPORT in notice.warnings[0]
    print(f"(2) not a report said of real reports: {total.not_report} (target 0)")
    print(
        f"    not a report said of bad/not_a_report.docx: {'yes' if said else 'NO'} ({notice.warnings[0][:50]}…)"
    )
    print(
        f"    incomplete reports called incomplete: {total.incomplete_said}/{total.incomplete_expected}"
        " (every opening, and corpus reports with a part missing)"
    )


def print_carried() -> None:
    print("(3) carried-over share, raw → substantive (boilerplate sentences left out)")
    for prior_name, current_name in PAIRS:
        prior, current = load(CORPUS / prior_name), load(CORPUS / current_name)
        comparison = compare_reports(prior, current)
        raw, share = comparison.carried_over_raw, comparison.carried_over
        print(
            f"    {Path(prior_name).stem} → {Path(current_name).stem}: raw {_pct(raw)}"
            f" ({len(comparison.carried_sentences)}/{comparison.sentences}), substantive {_pct(share)}"
            f" ({comparison.substantive_carried}/{comparison.substantive_sentences});"
            f" boilerplate carried {len(comparison.carried_sentences) - comparison.substantive_carried}"
        )
        for pair in comparison.sections:
            if pair.kind in ("shortcomings", "next_year") and pair.carried_over_raw is not None:
                print(
                    f"        {pair.kind}: raw {_pct(pair.carried_over_raw)}, substantive {_pct(pair.carried_over)}"
                    f"{', flagged' if pair.flagged else ''}"
                )


def _pct(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def timed(function: Callable[[], Any], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def print_scaling(quick: bool) -> None:
    print("(4) time at n, 4n, 16n (best of 3; linear work grows about 4× per step)")
    body = (CORPUS / "reports" / "heshan_2024.docx").read_bytes()
    report = clean_text(load_text(body)).text
    shapes: dict[str, Callable[[int], str]] = {
        "（一） lines (fuzzer shape)": lambda n: "法治政府建设年度报告\n" + "（一）\n" * n,
        "report repeated": lambda n: report * max(1, n // 400),
        "one flattened line": lambda n: report.replace("\n", "") * max(1, n // 400),
    }
    sizes = (2_000, 8_000, 32_000) if quick else (5_000, 20_000, 80_000)
    for label, make in shapes.items():
        row = []
        for n in sizes:
            text = make(n)
            cleaned = clean_text(text).text
            sections = parse_sections(cleaned)
            clean = timed(lambda text=text: clean_text(text))
            parse = timed(lambda cleaned=cleaned: parse_sections(cleaned))
            kind = timed(lambda c=cleaned, s=sections: assess_report(None, c, s))
            edited = cleaned.replace("检查", "抽查")
            edited_sections = parse_sections(edited)
            compare = timed(
                lambda c=cleaned, s=sections, e=edited, es=edited_sections: compare_texts(
                    c, s.sections, e, es.sections
                ),
                repeat=1,
            )
            row.append(
                f"{len(text):>9,} chars: clean {clean * 1000:7.0f} ms, sections {parse * 1000:6.0f} ms,"
                f" kind {kind * 1000:4.0f} ms, compare {compare * 1000:6.0f} ms"
            )
        print(f"    {label}")
        for line in row:
            print("       ", line)
    path = CORPUS / "found" / "txt_043_regex_stress.txt"
    text = path.read_text(encoding="utf-8")
    cleaned = clean_text(text).text
    print(
        f"    {path.name} ({len(text):,} chars): clean {timed(lambda: clean_text(text), 1):.2f} s,"
        f" sections {timed(lambda: parse_sections(cleaned), 1):.2f} s"
        f" ({len(parse_sections(cleaned).sections):,} headings)"
    )
    whole = timed(lambda: analyse(path.read_bytes(), path.name), 1)
    print(f"    the same file through the whole analysis (figures included): {whole:.2f} s")


def load_text(data: bytes) -> str:
    from desktop.core.importers import read_document

    return read_document(data, "report.docx").text


def main() -> None:
    if not CORPUS.is_dir():
        print("../shared/corpus is not beside the checkout")
        return
    print_parts(parts())
    print_carried()
    print_scaling("--quick" in sys.argv)


if __name__ == "__main__":
    main()
