"""Figure extraction quality and speed, per issuer type and per key group (core, each pack).

Run: ``python benchmarks/metrics_eval.py [-v]``. Scores (key, value) pairs against hand-checked gold:

- ``../shared/corpus/gold`` (three 应急管理局 reports, each in every format it comes in);
- ``../shared/corpus/openings/gold`` (openings of 23 reports of other issuers; ``optional`` items
  count neither way, and every keyed figure in a file with empty gold is wrong);
- the project's own samples (``resources/samples/expected.json``).

A predicted key of a pack that the gold does not cover (the 公安 pack) is listed, not scored. "facts"
are the figures the memo may state (sure ones); "all" includes the doubtful ones. Timing: analysis of
the figures only, after jieba is loaded; the reproducers in ``../shared/corpus/found`` show that
pathological input stays linear.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.analysis import analyse  # noqa: E402
from desktop.core.importers import shutdown_workers  # noqa: E402
from desktop.core.metrics.catalog import CORE, Catalog, load_catalog  # noqa: E402
from desktop.core.metrics.extract import Mention, extract_metrics  # noqa: E402
from desktop.core.metrics.sector import classify_sector  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "resources" / "samples"
GOLD_PACKS = {CORE, "emergency"}
"""Key groups the gold covers (the corpus README: the core, then the 应急管理 pack)."""


@dataclass
class Case:
    name: str
    path: Path
    issuer_type: str
    required: list[tuple[str, float]]
    optional: list[tuple[str, float]] = field(default_factory=list)


def _pairs(items: list[dict[str, object]]) -> list[tuple[str, float]]:
    return [(str(g["key"]), round(float(str(g["value"])), 4)) for g in items]


def cases() -> list[Case]:
    found: list[Case] = []
    if (CORPUS / "gold").is_dir():
        for gold in sorted((CORPUS / "gold").glob("*.json")):
            data = json.loads(gold.read_text(encoding="utf-8"))
            for report in sorted((CORPUS / "reports").glob(gold.stem + ".*")):
                if report.suffix != ".doc":
                    found.append(
                        Case(
                            report.name,
                            report,
                            "应急管理(全文)",
                            _pairs(data["metrics"]),
                            _pairs(data.get("optional", [])),
                        )
                    )
    openings = CORPUS / "openings"
    if (openings / "gold").is_dir():
        meta = json.loads((openings / "meta.json").read_text(encoding="utf-8"))
        for gold in sorted((openings / "gold").glob("*.json")):
            data = json.loads(gold.read_text(encoding="utf-8"))
            name = gold.stem + ".txt"
            category = meta.get(name, {}).get("agency_category", "?")
            found.append(
                Case(
                    name, openings / name, category, _pairs(data["metrics"]), _pairs(data.get("optional", []))
                )
            )
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
    for stem, data in expected.items():
        for report in sorted(SAMPLES.glob(stem + ".*")):
            found.append(Case(report.name, report, "样例(应急管理)", _pairs(data["metrics"])))
    return found


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def text(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return f"P {p:.3f}  R {r:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def score(
    case: Case, mentions: list[Mention], catalog: Catalog, facts_only: bool, misses: list[str]
) -> tuple[dict[str, Score], list[str]]:
    """Scores per key group; pairs of packs the gold does not cover are returned, not scored."""
    groups: dict[str, Score] = defaultdict(Score)
    unscored: list[str] = []
    predicted: Counter[tuple[str, float]] = Counter()
    for m in mentions:
        if m.key is None or (facts_only and not m.is_fact):
            continue
        if catalog.pack_of(m.key) not in GOLD_PACKS:
            unscored.append(f"{m.key}={m.value:g}")
            continue
        predicted[(m.key, round(m.value, 4))] += 1
    expected = Counter(case.required)
    optional = Counter(case.optional)
    hits = predicted & expected
    extra = predicted - expected - optional
    missed = expected - predicted
    for (key, _value), count in hits.items():
        groups[catalog.pack_of(key) or CORE].tp += count
    for (key, value), count in extra.items():
        groups[catalog.pack_of(key) or CORE].fp += count
        misses.append(f"  {case.name}: extra {key}={value:g}")
    for (key, value), count in missed.items():
        groups[catalog.pack_of(key) or CORE].fn += count
        misses.append(f"  {case.name}: missed {key}={value:g}")
    return groups, unscored


def main() -> int:
    verbose = "-v" in sys.argv
    catalog = load_catalog()
    started = time.perf_counter()
    from desktop.core.metrics.segmenter import tokenizer

    tokenizer()
    print(f"jieba load (with the domain dictionary): {time.perf_counter() - started:.2f} s\n")
    all_cases = cases()
    analysed = {}
    for case in all_cases:
        result = analyse(case.path.read_bytes(), case.path.name, catalog)
        analysed[case.name] = result
    for label, facts_only in (("all keyed figures", False), ("facts only (sure or confirmed)", True)):
        by_type: dict[str, Score] = defaultdict(Score)
        by_group: dict[str, Score] = defaultdict(Score)
        by_source: dict[str, Score] = defaultdict(Score)
        unscored_all: list[str] = []
        misses: list[str] = []
        for case in all_cases:
            result = analysed[case.name]
            groups, unscored = score(case, result.metrics, catalog, facts_only, misses)
            unscored_all += [f"{case.name}: {u}" for u in unscored]
            source = "openings" if "openings" in str(case.path) else (
                "corpus reports" if "corpus" in str(case.path) else "samples"
            )  # fmt: skip
            by_type[case.issuer_type].add(Score())  # every issuer type is listed, even with nothing to find
            for group, value in groups.items():
                by_group[group].add(value)
                by_type[case.issuer_type].add(value)
                by_source[source].add(value)
        print(f"== {label}")
        for source, value in sorted(by_source.items()):
            print(f"  {source:26s} {value.text()}")
        print("  per key group:")
        for group, value in sorted(by_group.items()):
            print(f"    {group:24s} {value.text()}")
        print("  per issuer type:")
        for kind, value in sorted(by_type.items()):
            print(f"    {kind:24s} {value.text()}")
        if unscored_all:
            print(f"  keys of packs without gold (not scored): {len(unscored_all)}")
            if verbose:
                print("\n".join("    " + u for u in unscored_all))
        if verbose or misses:
            print("\n".join(misses) if misses else "  no misses")
        print()
    doubtful = sum(1 for r in analysed.values() for m in r.metrics if m.key and not m.is_fact)
    keyed = sum(1 for r in analysed.values() for m in r.metrics if m.key)
    print(f"doubtful keyed figures: {doubtful} of {keyed}")
    _sectors(all_cases, analysed, catalog)
    _timing(all_cases, analysed, catalog)
    shutdown_workers()
    return 0


def _sectors(all_cases: list[Case], analysed: dict[str, object], catalog: Catalog) -> None:
    chosen: Counter[tuple[str, str]] = Counter()
    for case in all_cases:
        result = analysed[case.name]
        sector = classify_sector(result.metadata.agency, result.cleaned.text, catalog)  # type: ignore[attr-defined]
        chosen[(case.issuer_type, ",".join(sector.packs) or "core")] += 1
    print(
        "packs chosen per issuer type: "
        + "; ".join(f"{t} → {p} ×{n}" for (t, p), n in sorted(chosen.items()))
    )


def _timing(all_cases: list[Case], analysed: dict[str, object], catalog: Catalog) -> None:
    from desktop.core.metrics.segmenter import token_bounds

    texts = [analysed[c.name].cleaned.text for c in all_cases if c.path.suffix == ".docx"]  # type: ignore[attr-defined]
    long_text = "\n".join(texts)[:15000]
    gc.collect()
    runs = []
    for _ in range(20):
        token_bounds.cache_clear()  # measure a report seen for the first time
        start = time.perf_counter()
        extract_metrics(long_text, [], catalog)
        runs.append(time.perf_counter() - start)
    print(
        f"\nfigures of a 15,000-character report (5 reports concatenated, number-dense): "
        f"median {statistics.median(runs) * 1000:.1f} ms (target ≤ 30 ms)"
    )
    per_report = []
    for case in all_cases:
        result = analysed[case.name]
        text = result.cleaned.text  # type: ignore[attr-defined]
        runs = []
        for _ in range(5):
            token_bounds.cache_clear()
            start = time.perf_counter()
            extract_metrics(text, result.sections.sections, catalog, agency=result.metadata.agency)  # type: ignore[attr-defined]
            runs.append(time.perf_counter() - start)
        per_report.append((len(text), statistics.median(runs)))
    full = [elapsed / length * 15000 for length, elapsed in per_report if length >= 2000]
    short = [elapsed for length, elapsed in per_report if length < 2000]
    print(
        f"full reports ({len(full)} files), scaled to 15,000 characters: median {statistics.median(full) * 1000:.1f} ms, "
        f"max {max(full) * 1000:.1f} ms; openings ({len(short)} files, ~700 characters): "
        f"median {statistics.median(short) * 1000:.2f} ms each"
    )
    found = CORPUS / "found"
    for name in ("txt_021_regex_stress3.txt", "txt_067_regex_stress.txt"):
        path = found / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        start = time.perf_counter()
        mentions = extract_metrics(text, [], catalog)
        elapsed = time.perf_counter() - start
        sentence_chars = sum(len(m.sentence) + len(m.quote) for m in mentions)
        print(
            f"reproducer {name}: {len(text):,} characters, {len(mentions):,} figures in {elapsed:.2f} s "
            f"({len(text) / elapsed / 1e6:.2f} M characters/s; quotes and sentences {sentence_chars:,} characters)"
        )


if __name__ == "__main__":
    sys.exit(main())
