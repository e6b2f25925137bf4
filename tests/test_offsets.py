"""The offset map between original and cleaned text (property-tested)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.importers.model import Edit
from desktop.core.text.cleaning import clean_text
from desktop.core.text.offsets import OffsetMap, apply_edits

ALPHABET = st.sampled_from(
    [*list("安全生产法治报告一二三（）()，,、。 \n\t2024年規劃guī**#:;"), "(guī)", "，，", "\u3000"]
)
texts = st.lists(ALPHABET, max_size=120).map("".join)


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(texts)
    edits = []
    cursor = 0
    while cursor < len(text) and draw(st.booleans()):
        start = draw(st.integers(cursor, len(text)))
        end = draw(st.integers(start, min(len(text), start + 5)))
        edits.append(Edit(start, end, draw(st.text(alphabet="甲乙x", max_size=4))))
        cursor = end + 1
    return text, edits


@given(text_and_edits())
def test_apply_edits_keeps_untouched_characters_mapped(case: tuple[str, list[Edit]]) -> None:
    text, edits = case
    result, offsets = apply_edits(text, edits)
    assert offsets.clean_length == len(result)
    assert offsets.positions[-1] == len(text)
    assert list(offsets.positions) == sorted(offsets.positions)
    touched = set()
    for edit in edits:
        touched.update(range(edit.start, edit.end))
    # Every character no edit touched is still there, mapped to where it came from.
    mapped = {(offsets.positions[i], ch) for i, ch in enumerate(result)}
    for index, ch in enumerate(text):
        if index not in touched:
            assert (index, ch) in mapped


@settings(max_examples=200, deadline=None)
@given(texts)
def test_cleaning_map_is_monotonic_and_spans_map_back(text: str) -> None:
    cleaned = clean_text(text, "txt")
    positions = list(cleaned.offsets.positions)
    assert len(positions) == len(cleaned.text) + 1
    assert positions == sorted(positions)
    assert positions[-1] == len(text)
    assert all(0 <= p <= len(text) for p in positions)
    for start in range(0, len(cleaned.text), 7):
        end = min(len(cleaned.text), start + 5)
        o_start, o_end = cleaned.offsets.to_original(start, end)
        assert 0 <= o_start <= o_end <= len(text)
        # Going back lands on (or inside) the cleaned span we started from.
        back_start, back_end = cleaned.offsets.to_clean(o_start, o_end)
        assert (back_start <= start and back_end >= end - 1) or o_start == o_end


@settings(max_examples=100, deadline=None)
@given(texts)
def test_cjk_characters_map_to_the_same_character_in_the_original(text: str) -> None:
    cleaned = clean_text(text, "txt")
    for index, ch in enumerate(cleaned.text):
        if "\u4e00" <= ch <= "\u9fff" and ch not in "规划":  # 規劃 → 规划 is a conversion
            assert text[cleaned.offsets.positions[index]] == ch


def test_map_round_trips_through_bytes() -> None:
    cleaned = clean_text("規(guī)劃  2024 年，，安全\n\n\n生产", "txt")
    restored = OffsetMap.from_bytes(cleaned.offsets.to_bytes())
    assert list(restored.positions) == list(cleaned.offsets.positions)


def test_pinyin_span_maps_back_to_the_annotated_original() -> None:
    original = "推进規(guī)劃建设"
    cleaned = clean_text(original, "txt")
    assert cleaned.text == "推进规划建设"
    start = cleaned.text.index("规划")
    o_start, o_end = cleaned.offsets.to_original(start, start + 2)
    assert original[o_start:o_end] == "規(guī)劃"
