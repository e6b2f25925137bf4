"""Anchoring annotations in changing text: positions, moved quotes, edited quotes, lost quotes."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.core.annotations import anchor, make_selectors, occurrences, text_hash
from tests.conftest import SAMPLES

TEXT = (SAMPLES / "source" / "shili_2024.txt").read_text(encoding="utf-8")
QUOTE = "全年全市共检查生产经营单位2860家次"
REPEATED = "法治建设第一责任人职责"


def selection(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    start = occurrences(text, quote)[occurrence - 1]
    return start, start + len(quote)


def test_selectors_carry_quote_context_position_and_hash() -> None:
    start, end = selection(TEXT, QUOTE)
    s = make_selectors(TEXT, start, end)
    assert (s.exact, s.start, s.end, s.text_hash) == (QUOTE, start, end, text_hash(TEXT))
    assert TEXT[start - 32 : start] == s.prefix and TEXT[end : end + 32] == s.suffix
    at_start = make_selectors(TEXT, 0, 4)
    assert at_start.prefix == "" and at_start.exact == TEXT[:4]


def test_unchanged_text_uses_the_position() -> None:
    s = make_selectors(TEXT, *selection(TEXT, QUOTE))
    assert anchor(TEXT, s) == (s.start, s.end)


def test_other_text_with_the_quote_at_the_same_place_keeps_it() -> None:
    s = make_selectors(TEXT, *selection(TEXT, QUOTE))
    changed = TEXT[: s.end + 100] + "（补充说明）" + TEXT[s.end + 100 :]
    assert text_hash(changed) != s.text_hash
    assert anchor(changed, s) == (s.start, s.end)


def test_text_inserted_before_the_quote_moves_the_anchor() -> None:
    s = make_selectors(TEXT, *selection(TEXT, QUOTE))
    inserted = "根据市委统一部署，本局还开展了安全生产大检查“回头看”。"
    changed = TEXT[:100] + inserted + TEXT[100:]
    assert anchor(changed, s) == (s.start + len(inserted), s.end + len(inserted))


def test_slightly_edited_quote_is_found_fuzzily() -> None:
    quote = "坚持把法治建设成效作为衡量班子成员和科室负责人工作实绩的重要内容"
    s = make_selectors(TEXT, *selection(TEXT, quote))
    edited = "坚持把法治建设成效作为衡量领导班子成员和科室负责人工作实绩的重要内容"
    changed = "前言。" + TEXT.replace(quote, edited)
    span = anchor(changed, s)
    assert span is not None
    assert changed[span[0] : span[1]] == edited


def test_quote_edited_at_both_ends_still_spans_the_passage() -> None:
    quote = "坚持把法治建设成效作为衡量班子成员和科室负责人工作实绩的重要内容"
    s = make_selectors(TEXT, *selection(TEXT, quote))
    edited = "始终坚持把法治建设成效作为衡量班子成员和科室负责人工作实绩的内容"
    changed = TEXT.replace(quote, edited)
    span = anchor(changed, s)
    assert span is not None
    # The added 始终 is not part of the passage the reviewer marked; the shortened end is.
    assert changed[span[0] : span[1]] == edited.removeprefix("始终")


def test_deleted_quote_is_an_orphan() -> None:
    s = make_selectors(TEXT, *selection(TEXT, QUOTE))
    sentence_start = TEXT.rindex("。", 0, s.start) + 1
    sentence_end = TEXT.index("。", s.end) + 1
    changed = TEXT[:sentence_start] + TEXT[sentence_end:]
    assert anchor(changed, s) is None


def test_rewritten_quote_is_an_orphan_not_a_wrong_match() -> None:
    s = make_selectors(TEXT, *selection(TEXT, QUOTE))
    changed = TEXT.replace(QUOTE, "全年全市共开展执法检查若干次")
    assert anchor(changed, s) is None


def test_identical_quotes_are_told_apart_by_prefix_and_suffix() -> None:
    first, second, third = occurrences(TEXT, REPEATED)
    s = make_selectors(TEXT, *selection(TEXT, REPEATED, 2))
    # Shift the text so that the *first* occurrence now sits exactly at the old offsets: position
    # and closeness both point at the wrong one; only the context can pick the second.
    shift = second - first
    changed = "序" * shift + TEXT
    assert changed[s.start : s.end] == REPEATED
    assert anchor(changed, s) == (second + shift, second + shift + len(REPEATED))
    third_selectors = make_selectors(TEXT, *selection(TEXT, REPEATED, 3))
    assert anchor(changed, third_selectors) == (third + shift, third + shift + len(REPEATED))


def test_identical_contexts_fall_back_to_the_nearest_occurrence() -> None:
    text = "甲。重复的句子在这里。" * 3
    starts = occurrences(text, "重复的句子")
    s = make_selectors(text, starts[1], starts[1] + 5)
    changed = "新" + text
    assert anchor(changed, s) == (starts[1] + 1, starts[1] + 6)


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E7F)
TEXTS = st.text(alphabet=CJK | st.sampled_from("，。、0123456789"), min_size=20, max_size=300)
INSERTS = st.text(alphabet=CJK | st.sampled_from("，。、0123456789\n"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, data=st.data())
def test_unique_quote_survives_edits_elsewhere(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 2), label="start")
    end = data.draw(st.integers(start + 2, min(len(text), start + 40)), label="end")
    quote = text[start:end]
    assume(len(occurrences(text, quote)) == 1)
    selectors = make_selectors(text, start, end)
    # One edit before the quote and one after it: replace text[p:q] by a random insertion.
    p1 = data.draw(st.integers(0, start), label="p1")
    q1 = data.draw(st.integers(p1, start), label="q1")
    p2 = data.draw(st.integers(end, len(text)), label="p2")
    q2 = data.draw(st.integers(p2, len(text)), label="q2")
    before, after = data.draw(INSERTS, label="before"), data.draw(INSERTS, label="after")
    changed = text[:p1] + before + text[q1:p2] + after + text[q2:]

    span = anchor(changed, selectors)
    assert span is not None and changed[span[0] : span[1]] == quote
    if len(occurrences(changed, quote)) == 1:
        shift = len(before) - (q1 - p1)
        assert span == (start + shift, end + shift)
