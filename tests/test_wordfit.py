"""kit.wordfit: a word that a near-synonym would fit far better, found without any list of
spun words, and kit.synonyms, the thesaurus table it reads."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from kit import synonyms, wordfit
from kit.errors import LexiconError
from kit.locate import as_version

MATERIAL = Path(__file__).parent / "files" / "signals"

# Sentences written for these tests (not taken from the keyed material or the story): a
# faithful news sentence, and the same sentence with one word swapped for a near-synonym the
# way a spinning tool does it, without reading the neighbours.
SWAPS = [
    (
        "The minister refused to answer questions from reporters.",
        "The minister refused to answer queries from reporters.",
        "queries",
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


@pytest.mark.parametrize(
    ("survey", "reads_spun"),
    [
        (wordfit.SpinSurvey(1000, round(wordfit.SPUN_DENSITY * 10) + 1), True),
        (wordfit.SpinSurvey(1000, round(wordfit.SPUN_DENSITY * 10) - 1), False),
        (wordfit.SpinSurvey(wordfit.SURVEY_MIN_WORDS - 1, 50), False),  # too short to tell
        (wordfit.SpinSurvey(400, 0, prose=False), False),
    ],
)
def test_a_text_reads_as_spun_from_a_density_of_odd_words(survey, reads_spun):
    assert survey.reads_spun is reads_spun
    assert survey.lead_gain == (wordfit.SPUN_TEXT_GAIN if reads_spun else wordfit.MIN_GAIN)
    assert ("reads as spun as a whole" in str(survey)) is reads_spun


def test_weaker_misfits_are_leads_only_in_a_text_that_reads_as_spun():
    # a keyed spun copy and the faithful text it was made from (tests/files/signals)
    spun = as_version((MATERIAL / "spun" / "flood.txt").read_text("utf-8"), "spun")
    faithful = as_version((MATERIAL / "news" / "flood.txt").read_text("utf-8"), "news")
    assert wordfit.spin_survey(spun.text).reads_spun
    assert not wordfit.spin_survey(faithful.text).reads_spun
    fits = {fit.start: fit for fit in wordfit.word_fits(spun.text)}
    weak = [f for f in wordfit.poor_fits(spun) if not fits[f.offset].clears(wordfit.MIN_GAIN)]
    assert weak and all("reads as spun as a whole" in f.explanation for f in weak)
    assert all(fits[f.offset].clears(wordfit.SPUN_TEXT_GAIN) for f in weak)
    leads = {f.offset for f in wordfit.poor_fits(faithful)}
    assert all(fit.clears(wordfit.MIN_GAIN) for fit in wordfit.word_fits(faithful.text)
               if fit.start in leads)  # fmt: skip


def test_lesson4_survey_claims_hold(story):
    """Lesson 4: 001 has about two and a half clear misfits per 100 words and reads as spun;
    000 has about one and a third and does not."""
    spun = wordfit.spin_survey(story["001"].text)
    translated = wordfit.spin_survey(story["000"].text)
    assert spun.reads_spun and round(spun.per_hundred * 2) / 2 == 2.5
    assert not translated.reads_spun and round(translated.per_hundred, 1) in (1.2, 1.3, 1.4)


def test_a_missing_language_model_names_the_file_and_the_fix(tmp_path, monkeypatch):
    import pocketsphinx

    monkeypatch.setattr(pocketsphinx, "get_model_path", lambda: str(tmp_path))
    wordfit.language_model.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"en-us\.lm\.bin.*--force-reinstall pocketsphinx"):
            wordfit.log_probability("police", "said")
    finally:
        monkeypatch.undo()
        wordfit.language_model.cache_clear()
    assert wordfit.log_probability("police", "said") < 0  # the real model again
