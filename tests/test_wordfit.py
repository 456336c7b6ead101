"""kit.wordfit: a word that a near-synonym would fit far better, found without any list of
spun words, and kit.synonyms, the thesaurus table it reads."""

from __future__ import annotations

import gzip
import re

import pytest

from kit import synonyms, wordfit
from kit.errors import LexiconError
from kit.locate import as_version

# Sentences written for these tests (not taken from the keyed material or the story): a
# faithful news sentence, and the same sentence with one word swapped for a near-synonym the
# way a spinning tool does it, without reading the neighbours.
SWAPS = [
    (
        "The company will cut jobs at its main factory next year.",
        "The company will cut chores at its main factory next year.",
        "chores",
    ),
    (
        "Doctors said the patient was in a stable condition.",
        "Doctors said the patient was in a stable circumstance.",
        "circumstance",
    ),
    (
        "The bridge will remain closed for repairs until Friday.",
        "The bridge will remain shut for repairs until Friday.",
        "shut",
    ),
    (
        "Prices rose sharply in the first quarter of the year.",
        "Prices rose sharply in the initial quarter of the year.",
        "initial",
    ),
]


@pytest.mark.parametrize(("faithful", "swapped", "word"), SWAPS)
def test_a_swapped_word_is_a_lead_and_the_faithful_sentence_is_clean(faithful, swapped, word):
    assert wordfit.poor_fits(as_version(faithful)) == []
    found = wordfit.poor_fits(as_version(swapped))
    assert [f.evidence for f in found] == [word]
    assert swapped[found[0].offset :].startswith(word)
    better = re.findall(r"\w+", faithful)[re.findall(r"\w+", swapped).index(word)]
    assert f"'{better}'" in found[0].explanation and "A lead" in found[0].explanation


def test_the_gain_is_the_likelihood_ratio_of_the_two_places():
    fits = {fit.word: fit for fit in wordfit.word_fits("Doctors said the patient was stable.")}
    fit = fits["patient"]
    words = ["<s>", "doctors", "said", "the", "patient", "was", "stable", "</s>"]
    own = sum(wordfit.log_probability(*words[i - 2 : i + 1]) for i in (4, 5, 6))
    words[4] = fit.better
    other = sum(wordfit.log_probability(*words[i - 2 : i + 1]) for i in (4, 5, 6))
    assert fit.gain == pytest.approx(other - own)


def test_names_stop_words_and_stripped_copies_are_skipped():
    # a capital inside a sentence is a name; the stripped copy has no writer's neighbours
    assert wordfit.poor_fits(as_version("They met Frigid Chores at the factory.")) == []
    assert wordfit.poor_fits(as_version("company cut chores main factory next year")) == []
    assert all(fit.word.lower() != "the" for fit in wordfit.word_fits("The the the cat."))


def test_one_lead_per_word_across_the_spinning_signals():
    from kit.signals import spinning_signals

    text = "Customers may ask queries about the new service."
    found = spinning_signals(as_version(text))
    starts = [f.offset for f in found]
    assert len(starts) == len(set(starts)) and found  # flagged once, by the pair signal


def test_a_damaged_thesaurus_table_names_the_file_and_the_fix(tmp_path, monkeypatch):
    (tmp_path / synonyms.TABLE_NAME).write_bytes(b"not gzip at all")
    monkeypatch.setattr(synonyms, "lexicon_dir", lambda: tmp_path)
    synonyms.thesaurus_table.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"near_synonyms\.tsv\.gz.*make_near_synonyms"):
            synonyms.thesaurus_table()
        (tmp_path / synonyms.TABLE_NAME).write_bytes(gzip.compress(b"word without a tab\n"))
        synonyms.thesaurus_table.cache_clear()
        with pytest.raises(LexiconError, match="line 1"):
            synonyms.thesaurus_table()
    finally:
        synonyms.thesaurus_table.cache_clear()


def test_near_synonyms_inflect_and_loosen_with_the_overlap():
    assert "residents" in synonyms.near_synonyms("occupants")  # plural of a base pair
    close, loose = synonyms.near_synonyms("chore"), synonyms.near_synonyms("chore", 8)
    assert close < loose and "job" in loose
    assert not synonyms.same_meaning("chore", "river")
