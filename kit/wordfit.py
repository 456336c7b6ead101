"""A word that fits its sentence far worse than a near-synonym would: "doing its chore of
looking after" where English says "doing its job of". A lead for a swapped wording, with the
usual word as evidence, never proof.

A spinning tool swaps a word for one its thesaurus offers and does not read the sentence.
The word it leaves is English, but English in that place would almost always use another
word of the same meaning. :func:`poor_fits` asks a general language model of English how
likely each word is between its neighbours (two words on each side), against each of the
word's near-synonyms in the same place. When a near-synonym is at least
:data:`MIN_LIKELIER` times likelier there, the word is a lead. Two resources, both offline:

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
was written from (tests/files/signals: ten news texts and a test spinner's copies of them):
with the other list-free signals it finds about one swap in eight, with about one false lead
per 400 words of faithful text. On five of those texts held out until the first version of
this module was done, that version found one swap in six but gave one false lead per 126
words; the threshold was then raised (and :data:`REPEATED_EXTRA` added) on all ten texts, so
the figures above are no longer blind. On the kit's own 001, spun by a real tool, it flags
"encompassing", "limb", "traversing", "prayed", "chore" and "traverse" with no list of spun
words. A writer's own rare but apt word can be a lead too, and most swaps that keep the
sentence idiomatic ("rainfall" for "rain") leave no trace. A lead says: read this word again.

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

#: How much likelier (natural log) a near-synonym must be in the word's place: e**8 is about
#: 3,000 times. Set for few false leads on faithful news, not for many finds.
MIN_GAIN = 8.0
MIN_LIKELIER = round(math.exp(MIN_GAIN), -2)
#: A word the text uses more than once is mostly the writer's subject ("barley" in a farm
#: story), and a spinning tool rarely swaps it the same way twice: it must fit that much worse
#: again (e**2, about 7 times) to be a lead.
REPEATED_EXTRA = 2.0
#: Log-probabilities below this (natural log) mean the model does not know the word.
_UNKNOWN = -50.0
#: pocketsphinx scores in units of log base 1.0001.
_LOG_UNIT = math.log(1.0001)
SIGNAL = "word that fits worse than a near-synonym"
SOURCE = "Moby Thesaurus II (near-synonyms); CMU Sphinx general English trigram model"

_TOKEN = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*|[.!?;:\n]")


@dataclass(frozen=True)
class Fit:
    """How a word fits its place, against its best near-synonym there (natural log gain)."""

    word: str
    start: int
    better: str
    gain: float

    @property
    def times_likelier(self) -> float:
        """How many times likelier the near-synonym is in the word's place."""
        return math.exp(self.gain)


@cache
def _model():
    """The general English trigram model of pocketsphinx, loaded once."""
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
    return _model().prob(list(reversed(words))) * _LOG_UNIT


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


def word_fits(text: str) -> list[Fit]:
    """Every checked word of a text with its best near-synonym in the same place.

    >>> fits = {fit.word: fit for fit in word_fits("Hundreds of occupants were evacuated.")}
    >>> fits["occupants"].better, fits["occupants"].times_likelier > 10
    ('residents', True)
    """
    stops = stop_words()
    fits = []
    for sentence in _sentences(text):
        words = ["<s>"] + [t.group().lower() for t in sentence] + ["</s>"]
        for k, token in enumerate(sentence, 1):
            word = words[k]
            if word in stops or not word.isalpha() or log_probability(word) < _UNKNOWN:
                continue
            if token.group()[0].isupper() and k > 1:
                continue  # a name
            others = [o for o in near_synonyms(word, LOOSEST) if log_probability(o) > _UNKNOWN]
            if not others:
                continue
            own = _place_score(words, k, word)
            gain, better = max((_place_score(words, k, o) - own, o) for o in others)
            fits.append(Fit(token.group(), token.start(), better, gain))
    return fits


def poor_fits(version: Version) -> list[Finding]:
    """Words that a near-synonym would fit at least :data:`MIN_LIKELIER` times better.

    >>> from kit.locate import as_version
    >>> poor_fits(as_version("national guard doing chore looking public security"))
    []
    """
    if not is_running_prose(version.text):
        return []
    counts = Counter(t.group().lower() for t in _TOKEN.finditer(version.text))
    findings = []
    for fit in word_fits(version.text):
        if fit.gain < MIN_GAIN + (REPEATED_EXTRA if counts[fit.word.lower()] > 1 else 0):
            continue
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
                "spinning tool swaps one for the other without reading the sentence. A lead: "
                "the writer may have chosen the rarer word on purpose.",
                SOURCE,
            )
        )
    return findings


def _rounded(factor: float) -> str:
    """A factor in words a reader can take in: '1,100', '40,000', 'a million'."""
    if factor >= 1e6:
        return f"{factor / 1e6:,.0f} million"
    digits = len(str(int(factor))) - 2
    return f"{round(factor, -max(0, digits)):,.0f}"
