"""Comparison: alignment, the HTML diff, immutables (collation: tests/test_collation.py)."""

from __future__ import annotations

from kit import compare


def test_000_and_001_align_by_sentence(story):
    alignment = compare.align(story["000"], story["001"])
    assert alignment.unit == "sentences"
    counts = alignment.counts()
    assert counts["changed"] >= 8  # the shared Reuters passages, reworded
    frame = alignment.to_frame()
    pairs = frame[frame["status"] == "changed"]
    assert any(
        "did not reveal his name" in a and "did not disclose his name" in b
        for a, b in zip(pairs["text in 000"], pairs["text in 001"], strict=True)
    )
    only_001 = " ".join(frame.loc[frame["status"] == "only in 001", "text in 001"])
    assert "official with the National Guard" in only_001


def test_004_falls_back_to_word_windows_and_says_so(story):
    alignment = compare.align(story["001"], story["004"])
    assert alignment.unit == "windows of 25 words"
    assert "004 has no sentence punctuation" in alignment.note
    assert "004 has no sentence punctuation" in alignment._repr_html_()


def test_alignment_html_escapes_and_marks_changes_twice():
    html = compare.align("The <b>guard</b> said no.", "The soldier said no.")._repr_html_()
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "line-through" in html and "underline" in html
    assert "<del" in html and "<ins" in html


def test_identical_texts_are_all_same():
    alignment = compare.align("One fact. Two facts.", "One fact. Two facts.")
    assert alignment.counts()["same"] == 2 and alignment.counts()["changed"] == 0


def test_immutables_shared_by_000_and_001(story):
    table = compare.immutables(story).set_index("item")
    for item in ("1,500 miles", "2,410 km", "6-year-old", "nine-minute"):
        assert table.loc[item, "000"] and table.loc[item, "001"], item
    assert table.loc["6-year-old", "004"]  # "six year old" counts
    assert not table.loc["Jesus Ramirez", "000"]
    quotes = table[table["kind"] == "quotation"]
    assert not quotes.loc["what a pity, Mexico should never have accepted this.", "000"]


def test_diff_html_alias_is_gone():
    assert not hasattr(compare, "diff_html")
    assert compare.collate.__module__ == "kit.collation"
