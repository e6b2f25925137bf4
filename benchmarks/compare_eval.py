"""Prior-year comparison: quality on the synthetic pairs, speed and memory on large texts.

Run: ``python benchmarks/compare_eval.py`` (needs ../shared/corpus for the quality figures and the
15,000-character texts; prints figures, asserts nothing).

(a) recall: a recorded change is found when its ``old`` text (located in the current report) or
    its ``new`` text (in the prior report) overlaps a non-equal op; for ``figure`` changes each
    changed number itself must lie inside a non-equal op. Target >= 0.95.
(b) false changes: current sentences that no recorded change touches but that overlap a non-equal
    op. Target <= 5 %.
(c) speed: two ~15,000-character reports <= 50 ms after warm-up; two ~150,000-character texts
    < 1 s and < 100 MB peak (tracemalloc).
"""

from __future__ import annotations

import difflib
import json
import random
import re
import statistics
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.analysis import AnalysedReport, analyse  # noqa: E402
from desktop.core.compare import Comparison, compare_texts, warm_up  # noqa: E402
from desktop.core.compare.tokens import clear_caches, normalise, normalise_with_map  # noqa: E402
from desktop.core.sections import Section, parse_sections  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "resources" / "samples"
PAIRS = [
    ("CHANGES_heshan_2023.json", "heshan_2023.docx", "heshan_2024.docx"),
    ("CHANGES_kaiping_2024.json", "kaiping_2024.html", "kaiping_2025.html"),
]
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?%?")
_SENTENCE_RE = re.compile(r"[^。！？；\n]+[。！？；]?")


def load(path: Path) -> AnalysedReport:
    return analyse(path.read_bytes(), path.name)


def compare(prior: AnalysedReport, current: AnalysedReport) -> Comparison:
    return compare_texts(
        prior.cleaned.text, prior.sections.sections, current.cleaned.text, current.sections.sections
    )


def locate(text: str, needle: str) -> list[tuple[int, int]]:
    """Spans of ``needle`` in ``text`` compared after NFKC and with whitespace removed."""
    key, positions = normalise_with_map(text)
    wanted = normalise(needle)
    spans, at = [], key.find(wanted)
    while wanted and at >= 0:
        spans.append((positions[at], positions[at + len(wanted) - 1] + 1))
        at = key.find(wanted, at + 1)
    return spans


def changed_numbers(clause: str, other: str) -> list[tuple[int, int]]:
    """Spans (inside ``clause``) of the numbers that differ from those of ``other``."""
    mine = list(_NUMBER_RE.finditer(normalise(clause)))
    theirs = [m.group() for m in _NUMBER_RE.finditer(normalise(other))]
    matcher = difflib.SequenceMatcher(a=[m.group() for m in mine], b=theirs, autojunk=False)
    return [
        mine[k].span()
        for tag, i1, i2, _j1, _j2 in matcher.get_opcodes()
        if tag != "equal"
        for k in range(i1, i2)
    ]


def overlaps(span: tuple[int, int], ops: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in ops)


def inside(span: tuple[int, int], ops: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in ops)


def change_found(change: dict[str, str | None], a: str, b: str, cmp: Comparison) -> bool | None:
    a_spans = [(o.a_start, o.a_end) for o in cmp.ops if o.op != "equal" and o.a_end > o.a_start]
    b_spans = [(o.b_start, o.b_end) for o in cmp.ops if o.op != "equal" and o.b_end > o.b_start]
    sides = [(change["old"], change["new"], b, b_spans), (change["new"], change["old"], a, a_spans)]
    located = False
    for text, other, where, spans in sides:
        if not text:
            continue
        for start, _end in locate(where, text):
            located = True
            if change["kind"] == "figure":
                # The number spans are in key coordinates of the clause; map them into the text.
                _key, positions = normalise_with_map(where[start:])
                numbers = [
                    (start + positions[s], start + positions[e - 1] + 1)
                    for s, e in changed_numbers(text, other or "")
                ]
                if numbers and all(inside(n, spans) for n in numbers):
                    return True
            elif overlaps((start, start + len(text)), spans):
                return True
    return False if located else None


def quality() -> None:
    found_total = changes_total = unlocated = 0
    untouched_total = false_total = 0
    for changes_name, prior_name, current_name in PAIRS:
        changes = json.loads((CORPUS / "synthetic" / changes_name).read_text(encoding="utf-8"))
        prior, current = load(CORPUS / "reports" / prior_name), load(CORPUS / "reports" / current_name)
        a, b = prior.cleaned.text, current.cleaned.text
        cmp = compare(prior, current)
        missed = []
        found = 0
        for change in changes:
            result = change_found(change, a, b, cmp)
            unlocated += result is None
            found += bool(result)
            if not result:
                missed.append(change)
        touched = [span for c in changes if c["old"] for span in locate(b, c["old"])]
        b_spans = [(o.b_start, o.b_end) for o in cmp.ops if o.op != "equal" and o.b_end > o.b_start]
        sentences = [m.span() for m in _SENTENCE_RE.finditer(b) if normalise(m.group())]
        untouched = [s for s in sentences if not overlaps(s, touched)]
        falsely = [s for s in untouched if overlaps(s, b_spans)]
        print(
            f"{prior_name} → {current_name}: recall {found}/{len(changes)} = {found / len(changes):.3f}; "
            f"unchanged sentences marked changed {len(falsely)}/{len(untouched)} = {len(falsely) / len(untouched):.1%}; "
            f"carried over {cmp.carried_over:.0%} substantive, {cmp.carried_over_raw:.0%} raw"
        )
        for pair in cmp.sections:
            if pair.message:
                print("   flag:", pair.message)
        for change in missed:
            print("   missed:", change["kind"], (change["old"] or change["new"] or "")[:50])
        for start, end in falsely:
            print("   false change:", b[start:end][:60])
        found_total += found
        changes_total += len(changes)
        untouched_total += len(untouched)
        false_total += len(falsely)
    print(
        f"(a) recall of recorded changes: {found_total}/{changes_total} = {found_total / changes_total:.3f} "
        f"(target >= 0.95; {unlocated} could not be located)"
    )
    print(
        f"(b) unchanged sentences marked changed: {false_total}/{untouched_total} = "
        f"{false_total / untouched_total:.1%} (target <= 5 %)"
    )


Piece = tuple[str, list[Section]]


def shifted(sections: list[Section], offset: int) -> list[Section]:
    return [
        replace(s, start=s.start + offset, end=s.end + offset, heading_end=s.heading_end + offset)
        for s in sections
    ]


def pieces(reports: list[AnalysedReport], limit: int) -> list[Piece]:
    """Report texts with their sections, the last one cut after a sentence so the total is ``limit``."""
    result: list[Piece] = []
    total = 0
    for report in reports:
        text = report.cleaned.text + "\n"
        if total + len(text) > limit:
            text = text[: text.rfind("。", 0, limit - total) + 1] + "\n"
        result.append((text, parse_sections(text).sections))
        total += len(text)
    return result


def concatenate(parts: list[Piece]) -> Piece:
    text, sections = "", []
    for piece_text, piece_sections in parts:
        sections += shifted(piece_sections, len(text))
        text += piece_text
    return text, sections


def vary(text: str, seed: int) -> str:
    """A copy with typical year-to-year edits: figures, a dropped, an added and a moved sentence."""
    rng = random.Random(seed)
    sentences = [m.group() for m in re.finditer(r"[^。！？；\n]*[。！？；\n]|[^。！？；\n]+$", text)]
    for k in rng.sample(range(len(sentences)), max(1, len(sentences) // 12)):
        sentences[k] = re.sub(
            r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), sentences[k], count=1
        )
    for _ in range(2):
        k = rng.randrange(len(sentences))
        if not sentences[k].endswith("\n"):
            del sentences[k]
    k, m = rng.randrange(len(sentences)), rng.randrange(len(sentences))
    if not sentences[k].endswith("\n"):
        sentences.insert(m, sentences.pop(k))
    sentences.insert(rng.randrange(len(sentences)), f"新增第{seed}项工作制度，推动法治建设落地见效。")
    return "".join(sentences)


def timed(a: Piece, b: Piece, runs: int, cold: bool = True) -> tuple[float, float]:
    """Median and best wall time in ms; ``cold`` forgets segmented words before each run."""
    times = []
    for _ in range(runs):
        if cold:
            clear_caches()
        start = time.perf_counter()
        compare_texts(a[0], a[1], b[0], b[1])
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, min(times) * 1000


def speed() -> None:
    warm_up()
    names = [("heshan_2023.docx", "heshan_2024.docx"), ("kaiping_2024.html", "kaiping_2025.html")]
    priors = [load(CORPUS / "reports" / p) for p, _ in names] + [load(SAMPLES / "shili_2023.docx")]
    currents = [load(CORPUS / "reports" / c) for _, c in names] + [load(SAMPLES / "shili_2024.docx")]
    xiang = load(CORPUS / "reports" / "xiangxiang_2024.docx")
    # Three year pairs plus an unchanged report (twice) make a 15,000-character city-level report.
    prior_pieces = pieces([*priors, xiang, xiang], 15_000)
    current_pieces = pieces([*currents, xiang, xiang], 15_000)
    a15, b15 = concatenate(prior_pieces), concatenate(current_pieces)
    timed(a15, b15, 2)  # warm-up: jieba's dictionary, regexes, first-call overheads
    (cold, cold_best), (warm, warm_best) = timed(a15, b15, 15), timed(a15, b15, 15, cold=False)
    print(
        f"(c) {len(a15[0]):,} vs {len(b15[0]):,} characters: {cold:.1f} ms median, {cold_best:.1f} ms best "
        f"({warm:.1f} / {warm_best:.1f} ms with the word segmentation cached); target <= 50 ms"
    )

    a150 = concatenate(prior_pieces * 10)
    varied = [
        (text, parse_sections(text).sections)
        for k in range(10)
        for t, _ in current_pieces
        for text in [vary(t, k)]
    ]
    b150 = concatenate(varied)
    for label, a, b in (
        ("with sections", a150, b150),
        ("without sections (one part each: anchors, then gaps)", (a150[0], []), (b150[0], [])),
    ):
        elapsed, best = timed(a, b, 5)
        tracemalloc.start()
        compare_texts(a[0], a[1], b[0], b[1])
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"(c) {len(a[0]):,} vs {len(b[0]):,} characters {label}: {elapsed:.0f} ms median, {best:.0f} ms best, "
            f"peak {peak / 2**20:.1f} MB traced (targets < 1 s, < 100 MB)"
        )
    # tracemalloc sees Python allocations only; the LCS bit matrices live in rapidfuzz's C++ heap
    # (cells / 8 bytes: about 1.3 MB for 3,300 × 3,300 sentences), so report the process too.
    if sys.platform != "win32":
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"    process peak RSS {rss:.0f} MB (jieba's dictionary and the analysed reports included)")


def main() -> None:
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}; nothing to measure")
        return
    quality()
    speed()


if __name__ == "__main__":
    main()
