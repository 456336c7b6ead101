"""Near-synonyms of English words, from a public-domain thesaurus, offline.

The table ``data/lexicons/near_synonyms.tsv.gz`` is derived from the Moby Thesaurus II by
Grady Ward (public domain; Project Gutenberg etext 3202) by ``bench/make_near_synonyms.py``.
Moby lists, for each head word, everything it may stand for: a loose list. The table keeps
two words that are listed together with the *overlap* of their lists (Jaccard index, in per
cent): "occupant" and "resident" share most of their lists, "council" and "meet" very
little. Each reader chooses how close a pair must be: :data:`CLOSE` (a quarter of the lists
shared) for "these two words mean the same", lower for "a spinning tool's thesaurus may have
offered one for the other". The table holds base forms; :func:`near_synonyms` inflects them
(plural, past, -ing). It loads once, on first use (about a second); importing reads nothing.

>>> "residents" in near_synonyms("occupants")
True
>>> "meet" in near_synonyms("council")
False
>>> same_meaning("limb", "arm")
True
"""

from __future__ import annotations

import gzip
from functools import cache

from wordfreq import zipf_frequency

from kit.errors import LexiconError
from kit.lexicons import lexicon_dir, stop_words

#: Overlap (per cent of the two thesaurus lists) from which two words count as near-synonyms.
CLOSE = 25
#: The loosest overlap the table keeps.
LOOSEST = 8
TABLE_NAME = "near_synonyms.tsv.gz"


@cache
def thesaurus_table() -> dict[str, str]:
    """Word -> its near-synonyms as "word:overlap" separated by spaces, loaded once.

    >>> "resident:" in thesaurus_table()["occupant"]
    True
    """
    path = lexicon_dir() / TABLE_NAME
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise LexiconError(
            f"{path}: cannot read the near-synonym table ({error}). Restore it from the kit's "
            "repository, or rebuild it with bench/make_near_synonyms.py."
        ) from error
    table = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line and not line.startswith("#"):
            word, tab, others = line.partition("\t")
            if not tab:
                raise LexiconError(
                    f"{path}, line {number}: expected 'word<TAB>word:overlap ...'. Restore the "
                    "file from the kit's repository."
                )
            table[word] = others
    return table


def base_forms(word: str) -> list[tuple[str, str]]:
    """Possible (base form, ending) of an inflected word.

    >>> base_forms("occupants")[-1]
    ('occupant', 's')
    >>> ('stop', 'ed') in base_forms("stopped")
    True
    """
    found = []
    for ending, cuts in (("s", ("ies:y", "es:", "s:")), ("ed", ("ied:y", "ed:", "d:")),
                         ("ing", ("ing:", "ing:e"))):  # fmt: skip
        for cut in cuts:
            suffix, add = cut.split(":")
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                found.append((stem + add, ending))
                if ending != "s" and stem[-1] == stem[-2] and not add:
                    found.append((stem[:-1], ending))  # "stopped" -> "stop"
    return found


def inflect(base: str, ending: str) -> list[str]:
    """Candidate spellings of a base form with an ending ('s', 'ed' or 'ing').

    >>> inflect("city", "s"), inflect("hope", "ing"), inflect("carry", "ed")
    (['cities'], ['hoping'], ['carried'])
    """
    if ending == "s":
        if base.endswith("y") and base[-2:-1] not in tuple("aeiou"):
            return [base[:-1] + "ies"]
        return [base + "es"] if base.endswith(("s", "x", "z", "ch", "sh")) else [base + "s"]
    if base.endswith("e"):
        return [base + ending[1:]] if ending == "ed" else [base[:-1] + "ing"]
    if ending == "ed" and base.endswith("y") and base[-2:-1] not in tuple("aeiou"):
        return [base[:-1] + "ied"]
    return [base + ending, base + base[-1] + ending]


def _listed(word: str, min_overlap: int) -> set[str]:
    found = set()
    for item in thesaurus_table().get(word, "").split():
        other, _, overlap = item.rpartition(":")
        if int(overlap) >= min_overlap:
            found.add(other)
    return found


@cache
def near_synonyms(word: str, min_overlap: int = CLOSE) -> frozenset[str]:
    """Near-synonyms of a lower-case word in the same form (plural, past, -ing).

    min_overlap is the share of the two thesaurus lists (per cent, from :data:`LOOSEST`)
    that must agree; function words are never near-synonyms.

    >>> "slow" in near_synonyms("sluggish"), "slow" in near_synonyms("quick")
    (True, False)
    >>> len(near_synonyms("sluggish", LOOSEST)) > len(near_synonyms("sluggish"))
    True
    """
    found = _listed(word, min_overlap)
    for base, ending in base_forms(word):
        for other in _listed(base, min_overlap):
            found.update(f for f in inflect(other, ending) if zipf_frequency(f, "en") > 0)
    found.discard(word)
    return frozenset(found - stop_words())  # "or" is gold in heraldry, not a synonym of "rose"


def same_meaning(word_a: str, word_b: str, min_overlap: int = LOOSEST) -> bool:
    """Whether the thesaurus lists two words (or their inflections) as near-synonyms.

    >>> same_meaning("Chore", "job"), same_meaning("chore", "river")
    (True, False)
    >>> same_meaning("chore", "job", min_overlap=CLOSE)
    False
    """
    a, b = word_a.lower(), word_b.lower()
    return b in near_synonyms(a, min_overlap) or a in near_synonyms(b, min_overlap)
