"""Spinning signals that need no list of spun words: leads with evidence, never proof.

A synonym-spinning tool swaps words one at a time and does not read what it wrote. Five
traces follow from that, on any text:

- :func:`article_mismatches`: the article stayed while the word after it changed
  ("an arm" -> "an limb", "a big" -> "a enormous");
- :func:`rare_words_in_expressions`: a near-synonym much rarer than the usual word in a common
  fixed expression ("peace talks" -> "tranquillity talks": over 100 times rarer than "peace").
  The expressions are those of ``data/lexicons/fixed_expressions.toml`` (not their spun
  forms); how rare a word is comes from the ``wordfreq`` package (R. Speer,
  https://github.com/rspeer/wordfreq), which ships its frequency lists and works offline;
- :func:`names_written_two_ways`: a name of that list written as usual in one place and with
  another form of one of its words in another ("United States" ... "United State");
- :func:`kit.collocations.unusual_pairings`: a word that breaks a usual word pair where a
  much more common near-synonym makes it ("two youngsters" for "two kids"), from a thesaurus
  and word-pair counts;
- :func:`kit.wordfit.poor_fits`: a word that a near-synonym would fit far better between its
  neighbours ("doing its chore of" for "doing its job of"), from the same thesaurus and a
  general language model of English.

Each finding is a lead: a person may write "a union" or "border skirmish" on purpose. Read the
sentence, and compare with the original where you can.

>>> from kit.locate import as_version
>>> [f.evidence for f in article_mismatches(as_version("She held an limb and a apple."))]
['an limb', 'a apple']
>>> article_mismatches(as_version("An hour later, a union leader and an MP met a European."))
[]
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from wordfreq import zipf_frequency

from kit.collocations import unusual_pairings
from kit.findings import Finding, make_finding
from kit.lexicons import is_running_prose, load_lexicon, stop_words
from kit.story import Version
from kit.synonyms import same_meaning
from kit.text import WORD
from kit.wordfit import poor_fits, spin_survey, word_fits

#: How much rarer (in Zipf units, log10 per billion words) a word must be than the usual word
#: of an expression: 1.3 is 20 times rarer.
RARER_BY = 1.3
#: A word at least this common (Zipf) is never "rare": about 3 per million words.
RARE_BELOW = 3.5

# Words spelled with a vowel that start with a consonant sound ("a union", "a one-off",
# "a European") and words spelled with h that start with a vowel sound ("an hour").
_YOU_SOUND = re.compile(
    r"^(?:uni(?!n[^e]|mp|mm)|unan|use|usu|usa|ura|ure|uri|uro|uti|ubiq|ukr|uga|ufo|eu|ewe"
    r"|one(?!r)|once|ouija)"
)
_SILENT_H = re.compile(r"^(?:hour|honest|honou?r|heir|herb(?!ert))")
_ARTICLE = re.compile(r"\b(?P<article>[Aa]n?)\s+(?P<word>[a-z][a-z'’-]*)")
_SENTENCE_END = tuple('.!?…:;"“”(\n-–—')  # a dateline ends with a dash


@cache
def zipf(word: str) -> float:
    """How common an English word is: Zipf scale, 0 (unknown) to about 7.5 ("the").

    >>> zipf("arm") > zipf("limb") + 1
    True
    """
    return zipf_frequency(word, "en")


def _vowel_sound(word: str) -> bool:
    word = word.lower()
    if word[0] in "aeiou":
        return not _YOU_SOUND.match(word)
    return bool(_SILENT_H.match(word))


def article_mismatches(version: Version) -> list[Finding]:
    """'an' before a consonant sound or 'a' before a vowel sound: a swapped word after an article.

    Only words that English knows (``wordfreq``) count, so a Spanish "a ella" is not flagged;
    "an h..." is never flagged, since "an historic" is good British usage.

    >>> from kit.locate import as_version
    >>> [f.evidence for f in article_mismatches(as_version("It was an very long day."))]
    ['an very']
    """
    findings = []
    for found in _ARTICLE.finditer(version.text):
        article, word = found.group("article"), found.group("word")
        before = version.text[: found.start()].rstrip(" ")
        if article[0] == "A" and before and not before.endswith(_SENTENCE_END):
            continue  # "Plan A or", "Type A" are labels, not articles
        if zipf(word.lower()) < 2.0 or re.match(r"[a-z]-", word):
            continue  # unknown to English (a foreign word), or a letter ("an x-ray")
        wants_an = _vowel_sound(word)
        if article.lower() == "an" and (wants_an or word[0] == "h"):
            continue
        if article.lower() == "a" and not wants_an:
            continue
        usual = "an" if wants_an else "a"
        start = found.start()
        findings.append(
            make_finding(
                version,
                start,
                "spinning",
                "article does not fit the next word",
                f"{article} {word}",
                f"'{article}' before '{word}', which English writes with '{usual}'. When a "
                "spinning tool swaps the word after an article (an arm -> an limb) the article "
                "stays, a slip no writer makes. It can also be a plain typo.",
                "English grammar (a before a consonant sound, an before a vowel sound)",
            )
        )
    return findings


@cache
def _expressions() -> tuple[dict[str, set[str]], dict[str, set[str]], dict[tuple[str, str], bool]]:
    """(first word -> second words, second word -> first words, pair -> is a name)."""
    after: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    pairs: dict[tuple[str, str], bool] = {}
    for entry in load_lexicon("fixed_expressions")["entries"]:
        words = entry["expression"].split()
        if len(words) != 2:
            continue
        first, second = words
        pairs[(first, second)] = bool(entry.get("case_sensitive"))
        after.setdefault(first.lower(), set()).add(second.lower())
        before.setdefault(second.lower(), set()).add(first.lower())
    return after, before, pairs


def _pairs(version: Version):
    """Adjacent word pairs of the text (no punctuation between): (word, start, word, start)."""
    tokens = list(WORD.finditer(version.text))
    for left, right in pairwise(tokens):
        if version.text[left.end() : right.start()].strip() == "":
            yield left.group(), left.start(), right.group(), right.start()


def rare_words_in_expressions(version: Version) -> list[Finding]:
    """A word far rarer than the usual word of a fixed expression, next to the expression's
    other word ("tranquillity talks" for "peace talks").

    The word must be a near-synonym (:mod:`kit.synonyms`) of a word that completes a listed
    expression there ("border" has "city", "crossing", "wall" and "patrol"), rare in English
    (Zipf below :data:`RARE_BELOW`) and at least :data:`RARER_BY` below that word; names and
    pairs that are themselves listed expressions are left alone.

    >>> from kit.locate import as_version
    >>> [f.evidence for f in rare_words_in_expressions(as_version("The tranquillity talks began."))]
    ['tranquillity talks']
    >>> rare_words_in_expressions(as_version("He joined the city architect's department."))
    []
    >>> rare_words_in_expressions(as_version("They fought for human rights and civil rights."))
    []
    """
    after, before, pairs = _expressions()
    listed = {(a.lower(), b.lower()) for a, b in pairs}
    findings = []
    for left, start, right, _ in _pairs(version):
        low_left, low_right = left.lower(), right.lower()
        if (low_left, low_right) in listed or right[0].isupper() or left[0].isupper():
            continue  # a listed pair, or a name
        if low_left in after and low_right not in stop_words():
            odd, kept, completions = low_right, low_left, after[low_left]
        elif low_right in before and low_left not in stop_words():
            odd, kept, completions = low_left, low_right, before[low_right]
        else:
            continue
        # only a near-synonym of a word that completes the expression stands in for it:
        # "architect's department" is a department, not a broken "fire department"
        replaced = [w for w in completions if same_meaning(odd, w)]
        if not replaced or not 0 < zipf(odd) < RARE_BELOW:
            continue
        usual = max(replaced, key=zipf)
        if zipf(odd) > zipf(usual) - RARER_BY:
            continue
        times = round(10 ** (zipf(usual) - zipf(odd)))
        expression = f"{kept} {usual}" if odd == low_right else f"{usual} {kept}"
        findings.append(
            make_finding(
                version,
                start,
                "spinning",
                "rare word in a fixed expression",
                f"{left} {right}",
                f"'{odd}' stands where English usually has the fixed expression '{expression}'; "
                f"the thesaurus lists '{odd}' and '{usual}' together, and '{odd}' is at least "
                f"{times} times rarer. Spinning tools swap one word of an expression for a "
                "rarer near-synonym. A lead: the writer may mean something else.",
                "wordfreq word frequencies; expressions of fixed_expressions.toml; Moby "
                "Thesaurus II",
            )
        )
    return findings


def names_written_two_ways(version: Version) -> list[Finding]:
    """A name of the fixed expressions written as usual in one place and with another form of
    one of its words in another ("United States" ... "United State").

    Only another form of the same word counts (the first four letters agree): "European
    Union" and "European Commission" are two names, not one name written two ways.

    >>> from kit.locate import as_version
    >>> text = "He left the United States. Back in the United State, he waited."
    >>> [f.evidence for f in names_written_two_ways(as_version(text))]
    ['United State']
    >>> names_written_two_ways(as_version("The United States and the United Nations met."))
    []
    """
    _, _, pairs = _expressions()
    names = {pair for pair, is_name in pairs.items() if is_name}
    firsts = {first for first, _ in names}
    seen = {(a, b) for a, _, b, _ in _pairs(version) if (a, b) in names}
    findings = []
    for left, start, right, _ in _pairs(version):
        right = re.sub(r"['’]s$", "", right)  # "National Guard's" is "National Guard"
        if left not in firsts or (left, right) in pairs or not right[:1].isupper():
            continue
        usual = [b for a, b in seen if a == left and b[:4] == right[:4]]
        if not usual or right.isupper():
            continue
        findings.append(
            make_finding(
                version,
                start,
                "spinning",
                "name written two ways",
                f"{left} {right}",
                f"The text writes '{left} {usual[0]}' elsewhere, and '{left} {right}' here. "
                "A spinning or translation tool that changes a word inside a name does it in "
                "some places and not in others. A lead: check that both are meant.",
                "comparison within the text; names of fixed_expressions.toml",
            )
        )
    return findings


def spinning_signals(version: Version) -> list[Finding]:
    """All the list-free spinning signals of one version, in text order.

    >>> from kit.locate import as_version
    >>> spinning_signals(as_version("The soldier said he was only following orders."))
    []
    """
    findings = article_mismatches(version)
    findings += rare_words_in_expressions(version)
    findings += names_written_two_ways(version)
    fits = word_fits(version.text) if is_running_prose(version.text) else []
    spun_text = spin_survey(version.text, fits).reads_spun
    findings += unusual_pairings(version, stop_word_neighbours=spun_text)
    spans = [(f.offset, f.offset + len(f.evidence)) for f in findings]
    # one lead per word: a word already flagged with a phrase as evidence is not flagged again
    findings += [
        lead
        for lead in poor_fits(version, fits)
        if not any(start <= lead.offset < end for start, end in spans)
    ]
    return sorted(findings, key=lambda f: f.offset)
