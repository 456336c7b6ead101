"""Artifacts: traces that machine translation, synonym spinning or preprocessing left in a text.

Each finding gives the version, its position (character offset in ``version.text`` and
paragraph number), the signal, the evidence (the words themselves) and a plain explanation.
These are heuristics, not proof: a signal says "look here", and a careful reader checks the
original. The curated lists behind them are in ``data/lexicons/``, each entry with a public
source; none is written from the kit's own story (its examples are in
``story_examples.toml``, which these finders do not read). The spinning signals of
:mod:`kit.signals` need no list of spun words at all.

Main entry points:

- :func:`find_artifacts` (story or version) -> :class:`Findings` (a list of :class:`Finding`
  with ``.to_frame()`` and a notebook display)
- :func:`tortured_phrases` (published tortured phrases, spun forms of fixed expressions, and
  the list-free signals of :mod:`kit.signals`), :func:`translation_signals`,
  :func:`preprocessing_signals` (version) -> lists of findings, one family each
- cross-version checks, run by :func:`find_artifacts` on a story: name drift ("Lilly" /
  "Lety" / "Ledy"), pronoun genders, quotations that differ between versions
  (in :mod:`kit.crosscheck`)

>>> import kit
>>> findings = find_artifacts(kit.load_story())
>>> for signal in sorted({f.signal for f in findings if f.version == "001"}):
...     print(signal)
article does not fit the next word
broken fixed expression
name drift
near-synonym in an unusual pair
quotation differs between versions
word that fits worse than a near-synonym
>>> [f.evidence for f in findings if f.version == "000" and "abbreviation" in f.signal][0]
'USUU'
"""

from __future__ import annotations

import re
from functools import cache

from kit.crosscheck import name_drift, pronoun_disagreements, quotation_changes
from kit.findings import CATEGORIES, HEURISTIC_NOTE, Finding, Findings, make_finding
from kit.lexicons import agency_alternation, compiled_patterns, load_lexicon, stop_words
from kit.locate import as_versions, fold, snippet
from kit.signals import spinning_signals, zipf
from kit.story import Story, Version

__all__ = [
    "CATEGORIES",
    "HEURISTIC_NOTE",
    "Finding",
    "Findings",
    "find_artifacts",
    "preprocessing_signals",
    "tortured_phrases",
    "translation_signals",
]


@cache
def _spun_forms() -> dict[str, tuple[tuple[re.Pattern, str, str, str], ...]]:
    """First word (lower case) -> (pattern, spun form, expected expression, source) for every
    swap of fixed_expressions; a text is only searched for the forms whose first word it has."""
    forms: dict[str, list] = {}
    for entry in load_lexicon("fixed_expressions")["entries"]:
        flags = 0 if entry.get("case_sensitive") else re.I
        for swap in entry["swaps"]:
            words = r"\s+".join(map(re.escape, swap.split()))
            # a plural ending, unless it gives back the expression ("United State" + "s")
            plural = "" if entry["expression"].lower().startswith(swap.lower()) else "(?:s|es)?"
            pattern = re.compile(rf"\b{words}{plural}\b(?![-’'])", flags)
            first = swap.split()[0].lower()
            forms.setdefault(first, []).append(
                (pattern, swap, entry["expression"], entry["source"])
            )
    return {first: tuple(found) for first, found in forms.items()}


def _broken_expressions(version: Version) -> list[Finding]:
    findings = []
    forms = _spun_forms()
    present = {word.lower() for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", version.text)}
    for first in present & forms.keys():
        for pattern, swap, expected, source in forms[first]:
            for found in pattern.finditer(version.text):
                findings.append(_broken_expression(version, found, swap, expected, source))
    return sorted(findings, key=lambda f: f.offset)


def _broken_expression(version, found, swap, expected, source) -> Finding:
    odd = [w for w in swap.lower().split() if w not in expected.lower().split()]
    usual = [w for w in expected.lower().split() if w not in swap.lower().split()]
    rarity = ""
    if len(odd) == 1 and len(usual) == 1 and zipf(usual[0]) - zipf(odd[0]) >= 0.5:
        times = round(10 ** (zipf(usual[0]) - zipf(odd[0])))
        rarity = f" '{odd[0]}' is about {times} times rarer in English than '{usual[0]}'."
    return make_finding(
        version,
        found.start(),
        "spinning",
        "broken fixed expression",
        found.group(),
        f"'{found.group()}' where English has the fixed expression '{expected}'. "
        "Article-spinning tools swap words for near-synonyms to disguise copied "
        f"text, and break fixed expressions.{rarity} A lead: check the original.",
        source,
    )


def tortured_phrases(version: Version) -> list[Finding]:
    """Spinning signals: published tortured phrases (``tortured_phrases.toml``), spun forms of
    common fixed expressions (``fixed_expressions.toml``) and the list-free signals of
    :mod:`kit.signals`. One finding per place: the first signal that fires there.

    >>> from kit.locate import as_version
    >>> [f.signal for f in tortured_phrases(as_version("A profound learning model."))]
    ['tortured phrase']
    >>> [f.evidence for f in tortured_phrases(as_version("Posted on social press."))]
    ['social press']
    >>> tortured_phrases(as_version("The treatment of migrants in the United States."))
    []
    """
    findings = []
    for pattern, entry in compiled_patterns("tortured_phrases"):
        for found in pattern.finditer(version.text):
            findings.append(
                make_finding(
                    version,
                    found.start(),
                    "spinning",
                    "tortured phrase",
                    found.group(),
                    f"A tortured phrase: '{found.group()}' where English uses "
                    f"'{entry['expected']}'. Paraphrasing tools swap words for near-synonyms to "
                    "disguise copied text, and break established expressions.",
                    entry["source"],
                )
            )
    findings += _broken_expressions(version)
    taken: list[tuple[int, int]] = []
    unique = []
    for finding in findings + spinning_signals(version):
        span = (finding.offset, finding.offset + len(finding.evidence))
        if any(start < span[1] and span[0] < end for start, end in taken):
            continue
        taken.append(span)
        unique.append(finding)
    return sorted(unique, key=lambda f: f.offset)


def translation_signals(
    version: Version, vocabulary: frozenset[str] = frozenset()
) -> list[Finding]:
    """Traces of machine translation: mangled foreign abbreviations, odd capitals, accents.

    ``vocabulary`` is a set of words seen in lower case elsewhere (e.g. other versions): a
    capitalized common word mid-sentence ("on Twilight on Monday") is flagged when its lower
    case form is in it.

    >>> from kit.locate import as_version
    >>> [f.evidence for f in translation_signals(as_version("Border of USUU. Then more."))]
    ['USUU']
    >>> text = "He was seen on Friday Evening and again in the evening."
    >>> [f.signal for f in translation_signals(as_version(text))]
    ['odd capital letter']
    """
    findings = []
    for pattern, entry in compiled_patterns("translation_signals"):
        for found in pattern.finditer(version.text):
            findings.append(
                make_finding(
                    version,
                    found.start(),
                    "translation",
                    entry["signal"],
                    found.group(),
                    entry["explanation"],
                    entry["source"],
                )
            )
    lower_here = {fold(w) for w in re.findall(r"(?<![.!?]\s)\b[a-z]+\b", version.body)}
    known_lower = vocabulary | lower_here
    # a capitalised word between an all-lower-case word (or a weekday: "on Friday Evening")
    # and a lower-case word or a comma, on one line (a headline ends without a full stop), and
    # not the head of a name such as "University of Elden" or "Homes for Heroes"
    odd = re.compile(
        r"(?<![\w’'])(?:[a-z]+|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
        r"([ \t]+)([A-Z][a-z]{2,})\b"
        r"(?=[ \t]+[a-z]|[ \t]*[,;])(?![ \t]+(?:of|for|and|de|del|la)[ \t]+[A-Z])"
    )
    for found in odd.finditer(version.text):
        word = found.group(2)
        if fold(word) in known_lower and fold(word) not in stop_words():
            start = found.start(2)
            findings.append(
                make_finding(
                    version,
                    start,
                    "translation",
                    "odd capital letter",
                    snippet(version.text, start, start + len(word), 12),
                    f"'{word}' is capitalized in mid-sentence although it is an ordinary word "
                    f"('{word.lower()}' appears in lower case elsewhere). Translation programs "
                    "sometimes capitalize words they take for names.",
                    "heuristic (capitalization)",
                )
            )
    by_fold: dict[str, set[str]] = {}
    for word in re.findall(r"[^\W\d_]{3,}", version.body):
        if word[0].isupper():
            by_fold.setdefault(fold(word), set()).add(word)
    for spellings in by_fold.values():
        if len(spellings) > 1 and len({w.lower() for w in spellings}) > 1:
            accented = sorted(spellings, key=lambda w: (w == fold(w).capitalize(), w))
            start = version.text.find(accented[0])
            findings.append(
                make_finding(
                    version,
                    start,
                    "translation",
                    "accents used inconsistently",
                    " / ".join(sorted(spellings)),
                    "The same name is written with and without accents. Parts of the text may "
                    "come from different sources (e.g. a Spanish text and an English one).",
                    "heuristic (spelling)",
                )
            )
    return findings


def preprocessing_signals(version: Version) -> list[Finding]:
    """Traces of NLP preprocessing and scraping: lower case, no punctuation, no stop words,
    share-button residue, credits glued to the next word, headline glued or repeated.

    >>> from kit.locate import as_version
    >>> [f.signal for f in preprocessing_signals(as_version("photo facebook twitter pinterest"))]
    ['web-page residue']
    """
    text, body = version.text, version.body
    findings = []
    words = re.findall(r"[^\W_]+", body)
    letters = [ch for ch in body if ch.isalpha()]
    if len(words) >= 50 and letters and not version.has_capital_letters:
        findings.append(
            make_finding(
                version,
                version.body_start,
                "preprocessing",
                "all lower case",
                body[:40] + "…",
                "No capital letters at all: names, sentence starts and acronyms were lower-cased, "
                "as text-analysis pipelines do. Names can no longer be told from ordinary words.",
            )
        )
    if len(words) >= 50 and not version.has_sentence_punctuation:
        findings.append(
            make_finding(
                version,
                version.body_start,
                "preprocessing",
                "no punctuation",
                f"{len(words)} words, no sentence ends",
                "There are no sentence ends or quotation marks: punctuation was stripped. "
                "Sentence-based measures (readability) and quotations are lost.",
            )
        )
    if len(words) >= 50:
        share = sum(fold(w) in stop_words() for w in words) / len(words)
        if share < 0.1:
            findings.append(
                make_finding(
                    version,
                    version.body_start,
                    "preprocessing",
                    "stop words removed",
                    f"{share:.0%} of the words are function words (ordinary English: 40-50%)",
                    "Words like 'the', 'of', 'she' and 'that' are almost all gone: they were "
                    "removed as 'stop words'. Who did what to whom is harder to read.",
                )
            )
    for pattern, entry in compiled_patterns("text_residue", "web_residue"):
        for found in pattern.finditer(text):
            findings.append(
                make_finding(
                    version,
                    found.start(),
                    "preprocessing",
                    "web-page residue",
                    found.group(),
                    entry["explanation"],
                    entry["source"],
                )
            )
    agencies = agency_alternation()
    glued = re.compile(rf"\b(?:photograph\w*\s+(?:[^\W\d_]+\s+){{1,4}}?)({agencies})([a-z]+)\b")
    for found in glued.finditer(text):
        findings.append(
            make_finding(
                version,
                found.start(1),
                "preprocessing",
                "credit glued to the next word",
                found.group(1) + found.group(2),
                f"A photo credit ending in '{found.group(1)}' ran into the next word "
                f"'{found.group(2)}' when line breaks were removed: the caption and credit of a "
                "photo were scraped into the article text.",
                "heuristic (a photo credit run into the next word)",
            )
        )
    if version.headline and text.startswith(version.headline):
        after = text[len(version.headline) : len(version.headline) + 1]
        if after[:1].isalnum():
            findings.append(
                make_finding(
                    version,
                    len(version.headline) - 6,
                    "preprocessing",
                    "headline glued to the body",
                    snippet(text, len(version.headline) - 6, len(version.headline) + 6, 0),
                    "The headline runs into the first word of the article: the line break between "
                    "them was removed.",
                )
            )
    if version.headline_count > 1:
        findings.append(
            make_finding(
                version,
                0,
                "preprocessing",
                "headline repeated",
                version.headline,
                f"The headline appears {version.headline_count} times at the top: a trace of how "
                "the text was copied or scraped (what exactly caused it is not known).",
            )
        )
    return findings


def find_artifacts(
    target: Story | Version | str, genders: dict[str, str] | None = None
) -> Findings:
    """All signals for each version; on a story, also the cross-version checks.

    ``genders`` (e.g. ``{"Perez": "female"}``) tells the pronoun check a person's gender;
    otherwise it is taken from the versions that use one gender consistently.

    >>> from kit.locate import as_version
    >>> find_artifacts("Perez and her son crossed into the United States.")
    []
    """
    versions = as_versions(target)
    vocabulary = frozenset(
        fold(word)
        for version in versions
        if version.has_capital_letters
        for word in re.findall(r"(?<![.!?]\s)\b[a-z]+\b", version.body)
    )
    findings = Findings()
    for version in versions:
        findings += translation_signals(version, vocabulary)
        findings += tortured_phrases(version)
        findings += preprocessing_signals(version)
    findings += pronoun_disagreements(versions, genders)
    if len(versions) > 1:
        findings += name_drift(versions)
        findings += quotation_changes(versions)
    order = {version.id: number for number, version in enumerate(versions)}
    findings.sort(key=lambda f: (order.get(f.version, 0), f.offset))
    return findings
