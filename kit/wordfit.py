"""A word that fits its sentence far worse than a near-synonym would: "doing its chore of
looking after" where English says "doing its job of". A lead for a swapped wording, with the
usual word as evidence, never proof.

A spinning tool swaps a word for one its thesaurus offers and does not read the sentence.
The word it leaves is English, but English in that place would almost always use another
word of the same meaning. :func:`poor_fits` asks a general language model of English how
likely each word is between its neighbours (two words on each side), against each of the
word's near-synonyms in the same place. When a near-synonym is at least
:data:`MIN_LIKELIER` times likelier there, the word is a lead.

One misfit proves little; many prove more. :func:`spin_survey` counts a whole text's *odd
words* (a near-synonym about 400 times likelier): faithful news has about 1 in 100 words, a
spun copy two or three times as many. In a text that reads as spun as a whole, weaker
misfits (from about 33 times) are leads too, each saying why. Two resources, both offline:

- near-synonyms: :mod:`kit.synonyms` (Moby Thesaurus II, public domain), taken loosely
  (:data:`kit.synonyms.LOOSEST`): a spinning tool's thesaurus offers far more than close
  synonyms ("chore" for "job", "limb" for "arm");
- the language model: the general US English trigram model that ships inside the
  ``pocketsphinx`` package (CMU Sphinx, BSD-style licence; file ``en-us.lm.bin``), read with
  that package's ``NGramModel``. A trigram model knows how likely a word is after the two
  words before it, from counts of a large body of general English.

Skipped: stop words, names (a capital inside a sentence), words the model does not know, and
texts that are not running prose (a preprocessed copy such as 004: its neighbours are not the
writer's). The model loads once, on first use (a fraction of a second); importing this module
reads nothing.

How good is it? Measured by ``bench/bench_signals.py`` on keyed material that no list here
was written from (tests/files/signals: ten news texts and a test spinner's copies of them),
with the other list-free signals: about two swaps in five found, nearly two in three leads on
a swap, and about one false lead per 380 words of faithful text (the ten news texts, eight
long texts of tests/files/faithful, the attribution benchmark's sixteen short ones and the
kit's 000 and 004; none of the 19 long enough to judge reads as spun, the closest at 1.9
odd words per 100 against 2.2). How the thresholds were reached, honestly: five of the ten
news texts were held out until the first version of this module was done, and gave one false
lead per 126 words; the eight long faithful texts were written blind and, with the survey's
first settings, one of them (an obituary) read as spun and the eight gave one false lead per
114 words. Each time the thresholds were then set on all the material, so the figures are
not blind. On the kit's own 001, spun by a real tool, it flags "encompassing",
"traversing", "prayed", "chore" and "traverse" with no list of spun words. A writer's own
rare but apt word can be a lead too, and most swaps that keep the sentence idiomatic
("rainfall" for "rain") leave no trace. A lead says: read this word again.

>>> from kit.locate import as_version
>>> text = "The National Guard was doing its chore of looking after public security."
>>> [(f.evidence, f.signal) for f in poor_fits(as_version(text))]
[('chore', 'word that fits worse than a near-synonym')]
>>> poor_fits(as_version("The National Guard was doing its job of looking after public security."))
[]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kit.errors import LexiconError
from kit.findings import Finding, make_finding
from kit.lexicons import is_running_prose, stop_words
from kit.story import Version
from kit.synonyms import LOOSEST, near_synonyms
from kit.text import WORD

#: How much likelier (natural log) a near-synonym must be in the word's place: e**8 is about
#: 3,000 times. Set for few false leads on faithful news, not for many finds.
MIN_GAIN = 8.0
MIN_LIKELIER = round(math.exp(MIN_GAIN), -2)
#: A word the text uses more than once is mostly the writer's subject ("barley" in a farm
#: story), and a spinning tool rarely swaps it the same way twice: it must fit that much worse
#: again (e**2, about 7 times) to be a lead.
REPEATED_EXTRA = 2.0
#: The survey of a whole text counts its *odd words*: words that a near-synonym would fit at
#: least e**SURVEY_GAIN (about 400) times better. Faithful news has about 1 in 100 words.
SURVEY_GAIN = 6.0
#: A text of at least SURVEY_MIN_WORDS words with SPUN_DENSITY odd words or more in 100 reads
#: as spun as a whole (a shorter text is too short to tell: a few odd words decide it).
SPUN_DENSITY = 2.2
SURVEY_MIN_WORDS = 300
#: In a text that reads as spun, a word is a lead from e**SPUN_TEXT_GAIN (about 33 times): a
#: cluster of odd words is itself evidence that a tool passed over the text, so a weaker
#: misfit there is more likely a swap than the same misfit in a faithful text.
SPUN_TEXT_GAIN = 3.5
#: Log-probabilities below this (natural log) mean the model does not know the word.
_UNKNOWN = -50.0
#: pocketsphinx scores in units of log base 1.0001.
_LOG_UNIT = math.log(1.0001)
SIGNAL = "word that fits worse than a near-synonym"
SOURCE = "Moby Thesaurus II (near-synonyms); CMU Sphinx general English trigram model"

#: Words, and the marks that end a sentence for the trigram model.
_TOKEN = re.compile(WORD.pattern + r"|[.!?;:\n]")


@dataclass(frozen=True)
class Fit:
    """How a word fits its place, against its best near-synonym there (natural log gain)."""

    word: str
    start: int
    better: str
    gain: float
    repeated: bool = False

    @property
    def times_likelier(self) -> float:
        """How many times likelier the near-synonym is in the word's place."""
        return math.exp(self.gain)

    def clears(self, gain: float) -> bool:
        """Whether the word fits at least e**gain worse (a repeated word: e**2 more).

        >>> once, twice = Fit("chore", 0, "job", 8.5), Fit("chore", 0, "job", 8.5, repeated=True)
        >>> once.clears(MIN_GAIN), twice.clears(MIN_GAIN)
        (True, False)
        """
        return self.gain >= gain + (REPEATED_EXTRA if self.repeated else 0)


@dataclass(frozen=True)
class SpinSurvey:
    """A whole text's odd words (see :data:`SURVEY_GAIN`): does it read as spun?"""

    words: int
    odd_words: int
    prose: bool = True

    @property
    def per_hundred(self) -> float:
        """Odd words per 100 words."""
        return 100 * self.odd_words / max(1, self.words)

    @property
    def reads_spun(self) -> bool:
        """Long enough to tell, with at least :data:`SPUN_DENSITY` odd words per 100 words."""
        enough = self.prose and self.words >= SURVEY_MIN_WORDS
        return enough and self.per_hundred >= SPUN_DENSITY

    @property
    def lead_gain(self) -> float:
        """The gain from which a word of this text is a lead."""
        return SPUN_TEXT_GAIN if self.reads_spun else MIN_GAIN

    def __str__(self) -> str:
        if not self.prose:
            return "Not running prose (its stop words are gone): the survey does not apply."
        verdict = (
            "reads as spun as a whole"
            if self.reads_spun
            else "is too short to judge as a whole"
            if self.words < SURVEY_MIN_WORDS
            else "does not read as spun as a whole"
        )
        return (
            f"{self.odd_words} odd words in {self.words} ({self.per_hundred:.1f} per 100; "
            f"faithful news has about 1, a spun copy {SPUN_DENSITY:g} or more): the text "
            f"{verdict}."
        )


@cache
def language_model():
    """The general English trigram model of pocketsphinx, loaded once.

    >>> language_model().size()  # a trigram model
    3
    """
    import pocketsphinx

    path = Path(pocketsphinx.get_model_path()) / "en-us" / "en-us.lm.bin"
    if not path.is_file():
        raise LexiconError(
            f"{path}: the English language model of pocketsphinx is missing. Reinstall the "
            "package: python -m pip install --force-reinstall pocketsphinx"
        )
    return pocketsphinx.NGramModel.readfile(str(path))


def log_probability(*words: str) -> float:
    """Natural log of P(last word | the words before it), from the trigram model.

    >>> log_probability("police", "said") > log_probability("police", "stated")
    True
    """
    return language_model().prob(list(reversed(words))) * _LOG_UNIT


def _place_score(words: list[str], k: int, word: str) -> float:
    """Log-probability of the trigrams that hold position k when it holds word."""
    score = log_probability(*words[max(0, k - 2) : k], word)
    if k + 1 < len(words):
        score += log_probability(words[k - 1], word, words[k + 1])
    if k + 2 < len(words):
        score += log_probability(word, words[k + 1], words[k + 2])
    return score


def _sentences(text: str) -> list[list[re.Match]]:
    sentences, current = [], []
    for token in _TOKEN.finditer(text):
        if token.group()[0].isalpha():
            current.append(token)
        elif current:
            sentences.append(current)
            current = []
    return sentences + [current] if current else sentences


@cache
def _modelled_synonyms(word: str) -> tuple[str, ...]:
    """The loose near-synonyms of a word that the language model knows (asked once a word)."""
    return tuple(o for o in near_synonyms(word, LOOSEST) if log_probability(o) > _UNKNOWN)


def word_fits(text: str) -> list[Fit]:
    """Every checked word of a text with its best near-synonym in the same place.

    >>> fits = {fit.word: fit for fit in word_fits("Hundreds of occupants were evacuated.")}
    >>> fits["occupants"].better, fits["occupants"].times_likelier > 10
    ('residents', True)
    """
    stops = stop_words()
    counts = Counter(t.group().lower() for t in WORD.finditer(text))
    fits = []
    for sentence in _sentences(text):
        words = ["<s>"] + [t.group().lower() for t in sentence] + ["</s>"]
        for k, token in enumerate(sentence, 1):
            word = words[k]
            if word in stops or not word.isalpha() or log_probability(word) < _UNKNOWN:
                continue
            if token.group()[0].isupper() and k > 1:
                continue  # a name
            others = _modelled_synonyms(word)
            if not others:
                continue
            own = _place_score(words, k, word)
            gain, better = max((_place_score(words, k, o) - own, o) for o in others)
            fits.append(Fit(token.group(), token.start(), better, gain, counts[word] > 1))
    return fits


def spin_survey(text: str, fits: list[Fit] | None = None) -> SpinSurvey:
    """Count a text's odd words: does it read as spun as a whole?

    >>> survey = spin_survey("The river rose and the town was flooded.")
    >>> survey.words, survey.reads_spun, str(survey).endswith("too short to judge as a whole.")
    (8, False, True)
    """
    words = sum(1 for _ in WORD.finditer(text))
    if not is_running_prose(text):
        return SpinSurvey(words, 0, prose=False)
    fits = word_fits(text) if fits is None else fits
    return SpinSurvey(words, sum(fit.clears(SURVEY_GAIN) for fit in fits))


def poor_fits(version: Version, fits: list[Fit] | None = None) -> list[Finding]:
    """Words that a near-synonym would fit at least :data:`MIN_LIKELIER` times better; in a
    text that reads as spun as a whole (:func:`spin_survey`), from about 33 times. ``fits``
    are the text's :func:`word_fits` when they are at hand.

    >>> from kit.locate import as_version
    >>> poor_fits(as_version("national guard doing chore looking public security"))
    []
    """
    if not is_running_prose(version.text):
        return []
    fits = word_fits(version.text) if fits is None else fits
    survey = spin_survey(version.text, fits)
    findings = []
    for fit in fits:
        if not fit.clears(survey.lead_gain):
            continue
        why = "" if fit.clears(MIN_GAIN) else f"Weak on its own, but {survey} "
        findings.append(
            make_finding(
                version,
                fit.start,
                "spinning",
                SIGNAL,
                fit.word,
                f"A general model of English finds '{fit.better}' about "
                f"{_rounded(fit.times_likelier)} times likelier than '{fit.word}' between these "
                f"neighbours. The thesaurus lists '{fit.word}' and '{fit.better}' together: a "
                f"spinning tool swaps one for the other without reading the sentence. {why}A lead: "
                "the writer may have chosen the rarer word on purpose.",
                SOURCE,
            )
        )
    return findings


def _rounded(factor: float) -> str:
    """A factor a reader can take in: '1,100', '40,000', '3 million'."""
    if factor >= 1e6:
        return f"{factor / 1e6:,.0f} million"
    digits = len(str(int(factor))) - 2
    return f"{round(factor, -max(0, digits)):,.0f}"
