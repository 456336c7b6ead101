"""Framing: concordance, concept groups, headlines, connotation and keyness on the story."""

from __future__ import annotations

import re

import pytest

from kit import framing


def test_concordance_finds_clampdown_in_001_and_suppression_in_000(story):
    clampdown = framing.concordance(story, "clampdown")
    assert clampdown["version"].tolist() == ["001"]
    assert clampdown.iloc[0]["right"].startswith("by Mexico")
    suppression = framing.concordance(story, "suppression")
    assert suppression["version"].tolist() == ["000", "000"]
    assert "the suppression of Mexico" in story["000"].text
    assert any(row.right.startswith("of Mexico") for row in suppression.itertuples())


def test_concordance_ignores_accents_and_points_at_the_text(story):
    rows = framing.concordance(story, "perez")
    assert set(rows["version"]) == {"000", "001", "004"}
    for row in rows.itertuples():
        text = story[row.version].text
        assert text[row.offset : row.offset + len(row.match)] == row.match


def test_concordance_rejects_an_empty_query(story):
    with pytest.raises(ValueError, match="clampdown"):
        framing.concordance(story, "  ")


def test_lexical_choices_count_the_concept_words(story):
    table = framing.lexical_choices(story).set_index("choice")
    assert table.loc["clampdown", ["000", "001", "004"]].tolist() == [0, 1, 0]
    assert table.loc["suppression", "000"] == 2
    assert table.loc["pray", "001"] == 1 and table.loc["pray", "000"] == 0
    assert table.loc["traverse", "001"] == 2


def test_headlines_compared(story):
    table = framing.compare_headlines(story).set_index("version")
    assert table.loc["004", "case style"] == "all lower case"
    assert "haunting" in table.loc["001", "emotive words (VADER valence)"]


def test_vader_lacks_suppression_and_clampdown(story):
    table = framing.word_connotations(story).set_index("word")
    assert not table.loc["suppression", "in VADER lexicon"]
    assert not table.loc["clampdown", "in VADER lexicon"]
    assert table.loc["repression", "valence"] < 0


def test_connotation_uses_windows_without_sentences(story):
    table = framing.connotation(story).set_index("version")
    assert table.loc["004", "unit"] == "25-word windows"
    assert table.loc["000", "units"] == len(story["000"].sentences)


def test_log_likelihood_matches_rayson_and_garside():
    # 10 vs 0 in equal corpora: G2 = 2 * 10 * ln(10 / 5)
    assert framing.log_likelihood(10, 0, 1000, 1000) == pytest.approx(13.8629, abs=1e-3)
    assert framing.log_likelihood(3, 3, 500, 500) == 0


def test_keyness_between_000_and_001(story):
    table = framing.keyness(story["000"], story["001"], min_frequency=2).set_index("word")
    assert table.loc["ramirez", "more in"] == "001"
    assert table.loc["suppression", "more in"] == "000"
    assert "the" not in table.index  # stop words dropped by default
    assert (table["000"] + table["001"] >= 2).all()


def test_a_name_is_not_a_word_choice(story):
    # "guard" inside "National Guard" names the institution; a guard on his own is counted
    table = framing.lexical_choices("The National Guard sent a guard. National Guards")
    assert table.set_index("choice").loc["guard", "text"] == 1
    story_table = framing.lexical_choices(story).set_index("choice")
    for version in story:
        bare = re.findall(r"(?<!national )\bguards?\b", version.body.lower())
        assert story_table.loc["guard", version.id] == len(bare), version.id


def test_people_crossing_counts_nouns_for_people_only():
    table = framing.lexical_choices("Migration and immigration rose; a migrant spoke.")
    counts = table.set_index("choice")["text"]
    assert counts["migrant"] == 1 and counts["immigrant"] == 0

