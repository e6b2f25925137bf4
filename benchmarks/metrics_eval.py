"""Metric extraction quality and speed: precision and recall of (key, value) pairs against gold.

Run: ``python benchmarks/metrics_eval.py``. Uses ../shared/corpus/gold (each report in every format it
comes in) when present, and always the project's samples (resources/samples/expected.json).
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.analysis import analyse  # noqa: E402
from desktop.core.importers import shutdown_workers  # noqa: E402
from desktop.core.metrics.catalog import load_catalog  # noqa: E402
from desktop.core.metrics.extract import extract_metrics  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "resources" / "samples"


def cases() -> list[tuple[str, Path, list[dict[str, object]]]]:
    found = []
    if (CORPUS / "gold").is_dir():
        for gold in sorted((CORPUS / "gold").glob("*.json")):
            metrics = json.loads(gold.read_text(encoding="utf-8"))["metrics"]
            for report in sorted((CORPUS / "reports").glob(gold.stem + ".*")):
                if report.suffix != ".doc":
                    found.append((gold.stem, report, metrics))
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
    for stem, data in expected.items():
        for report in sorted(SAMPLES.glob(stem + ".*")):
            found.append((stem, report, data["metrics"]))
    return found


def pairs(items: list[tuple[str | None, float]]) -> Counter[tuple[str, float]]:
    return Counter((key, round(float(value), 4)) for key, value in items if key)


def main() -> int:
    catalog = load_catalog()
    started = time.perf_counter()
    from desktop.core.metrics.segmenter import tokenizer

    tokenizer()
    print(f"jieba load (with the domain dictionary): {time.perf_counter() - started:.2f} s")
    tp = fp = fn = 0
    misses: list[str] = []
    for _stem, report, gold in cases():
        analysed = analyse(report.read_bytes(), report.name)
        mentions = extract_metrics(analysed.cleaned.text, analysed.sections.sections, catalog)
        predicted = pairs([(m.key, m.value) for m in mentions])
        expected = pairs([(str(g["key"]), float(str(g["value"]))) for g in gold])
        tp += sum((predicted & expected).values())
        fp += sum((predicted - expected).values())
        fn += sum((expected - predicted).values())
        for key, value in predicted - expected:
            misses.append(f"  {report.name}: extra {key}={value}")
        for key, value in expected - predicted:
            misses.append(f"  {report.name}: missed {key}={value}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(
        f"(key, value) pairs over {len(cases())} files: precision {precision:.3f}, recall {recall:.3f} (target ≥ 0.95)"
    )
    print("\n".join(misses) if misses else "  no misses")

    texts = [analyse(r.read_bytes(), r.name).cleaned.text for _s, r, _g in cases() if r.suffix == ".docx"]
    long_text = "\n".join(texts)[:15000]
    del texts
    gc.collect()  # time extraction, not the collection of the analyses made above
    runs = []
    from desktop.core.metrics.segmenter import token_bounds

    for _ in range(20):
        token_bounds.cache_clear()  # measure a report seen for the first time
        start = time.perf_counter()
        extract_metrics(long_text, [], catalog)
        runs.append(time.perf_counter() - start)
    print(
        f"extraction of a 15,000-character report: median {statistics.median(runs) * 1000:.1f} ms (target ≤ 30 ms)"
    )
    shutdown_workers()
    return 0


if __name__ == "__main__":
    sys.exit(main())
