"""Readability: scores, the counts behind them, and reliability flags on the real story."""

from __future__ import annotations

import pytest

from kit import readability


@pytest.fixture(scope="module")
def table(story):
    return readability.readability_table(story)


def test_004_is_flagged_unreliable_because_it_has_no_sentences(table):
    assert not table.loc["004", "reliable"]
    assert table.loc["004", "sentences (textstat)"] == 1
    assert table.loc["004", "sentences (kit)"] == 0
    assert "no sentence punctuation" in table.loc["004", "why"]
    # the absurd grade the flag warns about: one "sentence" of hundreds of words
    assert table.loc["004", "Flesch-Kincaid grade"] > 100


def test_reuters_copies_are_reliable_but_smog_wants_30_sentences(table):
    assert table.loc["000", "reliable"] and table.loc["001", "reliable"]
    assert table.loc["000", "sentences (textstat)"] >= 30
    assert table.loc["000", "SMOG reliable"]
    assert not table.loc["001", "SMOG reliable"]
    assert "SMOG needs at least 30 sentences" in table.loc["001", "why"]


def test_counts_explain_the_scores(table):
    for version_id in ("000", "001"):
        row = table.loc[version_id]
        assert row["words per sentence"] == pytest.approx(
            row["words"] / row["sentences (textstat)"], abs=0.05
        )
        assert 5 <= row["Flesch-Kincaid grade"] <= 20


def test_short_paragraphs_are_flagged(story):
    paragraphs = readability.paragraph_readability(story["000"])
    short = paragraphs[paragraphs["words"] < readability.MIN_WORDS]
    assert len(short) > 0
    assert not short["reliable"].any()
    assert short["why"].str.contains("only").all()


def test_empty_text_gives_zeros_not_an_error():
    scores = readability.readability_scores("")
    assert scores["words"] == 0 and scores["reliable"] is False


def test_figure_has_labels_and_hatches_unreliable_bars(story):
    from kit.figures import readability_figure

    figure = readability_figure(story)
    axes = figure.axes[0]
    assert axes.get_title() and axes.get_ylabel() and axes.get_xlabel()
    hatched = [patch for patch in axes.patches if patch.get_hatch()]
    # all five grade formulas of 004 are unreliable, plus SMOG for 001
    assert len(hatched) == 6
    assert figure.get_size_inches()[0] <= 9
