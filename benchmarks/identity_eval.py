"""Who issued it, which year, and identities that cannot hide reports: measured per issuer type.

    python benchmarks/identity_eval.py

Over the corpus's full reports (every format), the 23 openings of other issuers
(``../shared/corpus/openings``) and the hand-written reports of ``identity_cases.py``, prints per
issuer type: agency exact, right-but-unsure (a short form marked unsure where the text gives no
more), wrong-but-confident (must be 0), wrong-and-unsure, and year. Then all of them are imported
into one library: false superseding and false pairing (must be 0) and the real pairs found.
Finally the analysis time per report, per 15,000 characters, after jieba is loaded.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from identity_cases import CASES  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
# Names the openings' notes accept besides the filed one.
ACCEPTED = {"xianzf_xunxian_2024.txt": {"浚县人民政府"}, "zhen_xiayang_2023.txt": {"下洋镇人民政府"}}
SHORT_FORMS = {"人社厅": "人力资源和社会保障厅", "市场监管局": "市场监督管理局"}


@dataclass
class Case:
    path: Path
    category: str
    agency: str
    accepted: set[str]
    year: int
    series: str | None
    full_in_text: bool
    unsure_forms: frozenset[str] = frozenset()
    """Short forms that are right when marked unsure (the text gives no more)."""


def corpus_cases() -> list[Case]:
    cases = []
    if not CORPUS.is_dir():
        return cases
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (CORPUS / "gold").glob("*.json")}
    synthetic = {"heshan_2023": ("鹤山市应急管理局", 2023), "kaiping_2024": ("开平市应急管理局", 2024)}
    for path in sorted((CORPUS / "reports").iterdir()):
        stem = path.name.split(".")[0]
        if stem in gold:
            agency, year = gold[stem]["agency"], gold[stem]["year"]
        elif stem in synthetic:
            agency, year = synthetic[stem]
        else:
            continue
        cases.append(Case(path, "应急（语料全文）", agency, set(), year, agency, True))
    meta = json.loads((CORPUS / "openings" / "meta.json").read_text(encoding="utf-8"))
    for name, item in sorted(meta.items()):
        series = item["agency"] if item.get("series") or item.get("pair") else f"opening:{name}"
        cases.append(
            Case(
                CORPUS / "openings" / name,
                item["agency_category"],
                item["agency"],
                ACCEPTED.get(name, set()),
                item["year"],
                series,
                item["agency_in_text"] == "full",
            )
        )
    return cases


def own_cases(folder: Path) -> list[Case]:
    cases = []
    for name, category, agency, unsure_forms, year, series, text in CASES:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        cases.append(
            Case(
                path,
                "自编：" + category,
                agency,
                set(),
                year,
                series,
                not unsure_forms,
                frozenset(unsure_forms),
            )
        )
    return cases


def judge(case: Case, agency: str | None, confident: bool) -> str:
    """``exact``, ``right_unsure``, ``wrong_confident`` or ``wrong_unsure``."""
    if agency == case.agency or agency in case.accepted:
        return "exact"
    if not confident and agency in case.unsure_forms:
        return "right_unsure"
    if confident:
        return "wrong_confident"
    if agency is None:
        return "right_unsure" if not case.full_in_text else "wrong_unsure"
    body = agency.lstrip("省市区县")
    for short, full in SHORT_FORMS.items():
        body = body.replace(short, full)
    return "right_unsure" if case.agency.endswith(body) else "wrong_unsure"


def _long_report(cases: list[Case]) -> str:
    """15,000 characters of real report text under one title (the corpus's plain-text reports)."""
    bodies = [
        c.path.read_text(encoding="utf-8")
        for c in cases
        if c.path.parent.name == "reports" and c.path.suffix == ".txt" and c.path.stem.count(".") == 0
    ]
    if not bodies:
        return ""
    text = "示例市司法局2024年法治政府建设年度报告\n"
    while len(text) < 15000:
        text += "\n".join(bodies) + "\n"
    return text[:15000]


def main() -> None:
    import jieba

    from db.session import open_library
    from desktop.core.analysis import analyse
    from desktop.core.importing import import_files
    from desktop.core.metadata import extract_metadata
    from desktop.core.sections import parse_sections
    from desktop.core.text.cleaning import clean_text

    jieba.initialize()
    work = Path(tempfile.mkdtemp(prefix="identity_eval_"))
    cases = corpus_cases() + own_cases(work)
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    per_15k: list[float] = []
    per_opening: list[float] = []
    verdicts: list[tuple[Case, str, bool]] = []
    problems = []
    for case in cases:
        try:
            result = analyse(case.path.read_bytes(), case.path.name)
        except Exception as error:  # a file that cannot be read (e.g. .doc without LibreOffice)
            problems.append(f"{case.path.name}: {error}")
            continue
        meta = result.metadata
        verdict = judge(case, meta.agency, meta.identity.confident)
        verdicts.append((case, verdict, meta.year == case.year))
        for group in (case.category, "全部"):
            rows[group]["n"] += 1
            rows[group][verdict] += 1
            rows[group]["year"] += meta.year == case.year
        if verdict in ("wrong_confident", "wrong_unsure") or meta.year != case.year:
            problems.append(f"{case.path.name}: {meta.agency} ({meta.identity.confident}) year {meta.year}")
        # The identity work on its own: chrome, title, agency, year (sections as the pipeline has them).
        original = result.document.text
        started = time.perf_counter()
        for _ in range(5):
            cleaned = clean_text(original, result.document.format, result.document.edits)
            extract_metadata(cleaned.text, parse_sections(cleaned.text).body_end, result.document.metadata)
        elapsed = (time.perf_counter() - started) / 5 * 1000
        if len(original) >= 5000:
            per_15k.append(elapsed * 15000 / len(original))
        else:
            per_opening.append(elapsed)

    print(
        f"{'issuer type':<16}{'n':>4}{'exact':>7}{'unsure✓':>9}{'wrong!':>8}{'wrong?':>8}{'right':>8}{'year':>7}"
    )
    for group in sorted(rows, key=lambda g: (g == "全部", g)):
        r = rows[group]
        right = (r["exact"] + r["right_unsure"]) / r["n"]
        print(
            f"{group:<16}{r['n']:>4}{r['exact']:>7}{r['right_unsure']:>9}{r['wrong_confident']:>8}"
            f"{r['wrong_unsure']:>8}{right:>8.2f}{r['year'] / r['n']:>7.2f}"
        )
    openings = [(c, v, y) for c, v, y in verdicts if c.path.parent.name == "openings"]
    if openings:
        right = sum(v in ("exact", "right_unsure") for _c, v, _y in openings)
        full = [(c, v) for c, v, _y in openings if c.full_in_text]
        print(
            f"\nopenings ({len(openings)}): agency right {right / len(openings):.2f}, "
            f"confident-wrong {sum(v == 'wrong_confident' for _c, v, _y in openings)}, "
            f"exact where the text names the issuer {sum(v == 'exact' for _c, v in full)}/{len(full)}, "
            f"year {sum(y for _c, _v, y in openings) / len(openings):.2f}"
        )

    library = open_library(work / "all.sqlite")
    outcomes = import_files(library.sessions, [c.path for c in cases])
    by_id = {o.report_id: c for o, c in zip(outcomes, cases, strict=True) if o.ok}
    false_superseding = real_superseding = false_pairs = real_pairs = 0
    for outcome, case in zip(outcomes, cases, strict=True):
        # A file supersedes earlier versions, or (a poorer format of a report already here) is
        # superseded by the richer one at once: both are version decisions to check.
        newer = [outcome.superseded_by] if outcome.superseded_by in by_id else []
        for older in [*outcome.superseded, *newer]:
            other = by_id[older]
            same = other.series == case.series and other.year == case.year and other.series is not None
            real_superseding += same
            false_superseding += not same
            if not same:
                print(f"FALSE SUPERSEDING: {case.path.name} over {other.path.name}")
        prior = outcome.identity.get("prior")
        if prior:
            other = by_id[prior["id"]]
            same = other.series == case.series and other.year == case.year - 1 and other.series is not None
            real_pairs += same
            false_pairs += not same
            if not same:
                print(f"FALSE PAIRING: {case.path.name} with {other.path.name}")
    expected_pairs = {
        (c.series, c.year) for c in cases if any(o.series == c.series and o.year == c.year - 1 for o in cases)
    }
    found = {
        (c.series, c.year)
        for o, c in zip(outcomes, cases, strict=True)
        if o.ok and o.identity.get("prior") and by_id[o.identity["prior"]["id"]].year == c.year - 1
    }
    library.close()
    print(f"false superseding: {false_superseding}   (real versions superseded: {real_superseding})")
    print(
        f"false pairing: {false_pairs}   real pairs found: {len(found & expected_pairs)} of {len(expected_pairs)}"
    )
    for series, year in sorted(expected_pairs - found, key=str):
        print(f"  missed pair: {series} {year - 1}→{year}")
    print("\ncleaning + sections + metadata (chrome, title, agency, year), after jieba is loaded:")
    long_text = _long_report(cases)
    if long_text:
        timings, identity_only = [], []
        for _ in range(7):
            started = time.perf_counter()
            cleaned = clean_text(long_text, "txt")
            body_end = parse_sections(cleaned.text).body_end
            middle = time.perf_counter()
            extract_metadata(cleaned.text, body_end, cleaned.page_info)
            timings.append((time.perf_counter() - started) * 1000)
            identity_only.append((time.perf_counter() - middle) * 1000)
        print(
            f"  a 15,000-character report: median {statistics.median(timings):.1f} ms in all, "
            f"{statistics.median(identity_only):.1f} ms of it agency, title and year"
        )
    if per_15k:
        print(
            f"  full reports, per 15,000 characters: median {statistics.median(per_15k):.1f} ms, "
            f"max {max(per_15k):.1f} ms ({len(per_15k)} files)"
        )
    if per_opening:
        print(
            f"  openings and short reports, per report: median {statistics.median(per_opening):.1f} ms, "
            f"max {max(per_opening):.1f} ms ({len(per_opening)} files)"
        )
    if problems:
        print("\nnot right:")
        for line in problems:
            print("  " + line)


if __name__ == "__main__":
    main()
