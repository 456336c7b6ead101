"""A near-synonym that breaks a usual word pair: "two youngsters" where English says "two
kids", "was sluggish" for "was slow". A lead for a swapped wording, with the usual phrase as
evidence, never proof.

A spinning tool replaces a word with a near-synonym from its thesaurus and does not read the
neighbours. The pair it leaves is often one English hardly uses, while the same neighbour with
the replaced word is a common phrase. :func:`unusual_pairings` looks for exactly that, with
two resources that ship with their packages and work offline:

- near-synonyms: :mod:`kit.synonyms`, from the Moby Thesaurus II (public domain): two words
  count as near-synonyms here when their thesaurus lists overlap by a quarter or more;
- how often two words stand side by side: the English bigram counts of Google's Web 1T corpus
  (about a trillion words) as published by Peter Norvig (count_2w.txt, in "Natural Language
  Corpus Data", Beautiful Data, 2009) and shipped by the ``wordsegment`` package (Apache 2.0).
  That list holds the pairs seen at least 100,000 times: a pair missing from it is *rarer than
  that*, not unknown.

A word is flagged when its pair with a neighbour is not in the list while a near-synonym of it
that is at least :data:`MORE_COMMON_BY` Zipf units more common (``wordfreq``: about 30 times)
makes a listed pair with the same neighbour. Stop-word neighbours count too ("was sluggish").
Texts that are not running prose (stop words removed, as in a preprocessed copy) are skipped:
their neighbours are not the writer's. Both resources load once, on first use (about a second
and 40 MB on a small machine); importing the module reads no data.

Measured on the keyed spun news of ``tests/files/signals`` (``bench/bench_signals.py``): it
finds about one swap in twenty-five, with no false lead in the 2,400 words of faithful news
and two in the 1,600 unspun words of the kit's story. Most swaps leave no trace it can read:
the bigram list keeps only pairs seen 100,000 times or more, so a swap next to an uncommon
neighbour, or of a word whose usual pair is itself uncommon, goes unseen. A looser rule (a
near-synonym ten times more common, in a pair seen 300,000 times) finds one in seventeen,
with several times the false leads. Absence from the list is weak evidence, and the
threshold is set for few false leads, not for many finds.

>>> from kit.locate import as_version
>>> text = "Two youngsters were hurt, and progress was sluggish as the river rose."
>>> [f.evidence for f in unusual_pairings(as_version(text))]
['Two youngsters', 'was sluggish']
>>> [f.evidence for f in unusual_pairings(as_version(text), stop_word_neighbours=False)]
['Two youngsters']
>>> unusual_pairings(as_version("Two children were hurt, and progress was slow as the river rose."))
[]
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from wordfreq import zipf_frequency
from wordsegment import Segmenter

from kit.findings import Finding, make_finding
from kit.lexicons import is_running_prose, stop_words
from kit.story import Version
from kit.synonyms import near_synonyms
from kit.text import WORD

#: The smallest count in the bigram list: a pair missing from it was seen fewer times.
BIGRAM_FLOOR = 100_000
#: How much more common (Zipf units, log10) the near-synonym must be than the word: 1.5 is
#: about 30 times. Spinning tools trade a usual word for a rarer one ("residents" ->
#: "occupants"); a writer who picks the rarer word on purpose mostly picks its usual company.
MORE_COMMON_BY = 1.5

_SENTENCE_END = tuple('.!?:"“”(\n-–—')


@cache
def bigram_counts() -> dict[str, float]:
    """Web 1T counts of common English word pairs ("local residents" -> 730438), loaded once.

    >>> bigram_counts()["local residents"] > 500_000
    True
    """
    return Segmenter.parse(Segmenter.BIGRAMS_FILENAME)


def _usual_pair(word: str, neighbour: str, word_first: bool) -> tuple[str, float, str] | None:
    """(pair, count, near-synonym): the most common listed pair that a much more common
    near-synonym of word makes with the neighbour, when word's own pair is not listed."""
    counts = bigram_counts()

    def pair(w: str) -> str:
        return f"{w} {neighbour}" if word_first else f"{neighbour} {w}"

    rarity = zipf_frequency(word, "en")
    if pair(word) in counts or rarity == 0:
        return None
    best = None
    for other in near_synonyms(word):
        count = counts.get(pair(other), 0.0)
        if count and zipf_frequency(other, "en") - rarity >= MORE_COMMON_BY:
            if best is None or count > best[1]:
                best = (pair(other), count, other)
    return best


def unusual_pairings(version: Version, stop_word_neighbours: bool = True) -> list[Finding]:
    """Words that make a rare pair with a neighbour where a near-synonym makes a common one.

    With ``stop_word_neighbours=False`` a pair with a function word ("was sluggish", "the
    farmland") is not read: such pairs are the weaker evidence (many apt words make no listed
    pair with "the"), and :func:`kit.signals.spinning_signals` reads them only in a text that
    reads as spun as a whole.

    >>> from kit.locate import as_version
    >>> [f.evidence for f in unusual_pairings(as_version("They fled the hefty rain."))]
    []
    >>> unusual_pairings(as_version("local occupants evacuated officials stated river rose"))
    []
    """
    tokens = list(WORD.finditer(version.text))
    if not is_running_prose(version.text):
        return []
    stops = stop_words()
    findings: list[Finding] = []
    flagged: set[int] = set()
    for left, right in pairwise(tokens):
        if version.text[left.end() : right.start()].strip():
            continue  # punctuation between: not a pair
        for word, neighbour, word_first in ((right, left, False), (left, right, True)):
            low = word.group().lower()
            if word.start() in flagged or low in stops or not low.isalpha():
                continue
            before = version.text[max(0, word.start() - 4) : word.start()].rstrip(" ")
            if word.group()[0].isupper() and before and not before.endswith(_SENTENCE_END):
                continue  # a name
            if not stop_word_neighbours and neighbour.group().lower() in stops:
                continue
            usual = _usual_pair(low, neighbour.group().lower(), word_first)
            if usual is None:
                continue
            flagged.add(word.start())
            start = min(left.start(), right.start())
            found = version.text[start : right.end()]
            findings.append(
                make_finding(
                    version,
                    start,
                    "spinning",
                    "near-synonym in an unusual pair",
                    found,
                    f"'{found.lower()}' is rare in English; '{usual[0]}' is the usual phrase "
                    f"(about {usual[1] / 1e6:.1f} million times in a trillion words of web "
                    f"text, against fewer than {BIGRAM_FLOOR:,} for '{found.lower()}'). "
                    f"'{low}' and '{usual[2]}' "
                    "are near-synonyms: a spinning tool swaps one for the other without "
                    "reading the neighbours. A lead: the writer may have meant it.",
                    "Moby Thesaurus II (near-synonyms); Web 1T word-pair counts (wordsegment)",
                )
            )
    return sorted(findings, key=lambda f: f.offset)
