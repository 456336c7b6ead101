"""Readability: the classic formulas, the counts behind them, and when not to trust them.

Readability formulas turn two things into a number: how long the sentences are, and how long
(or how unfamiliar) the words are. They were made for ordinary prose of at least 100 words,
so each score here comes with the counts it was computed from and a reliability flag that
says, in plain words, when the input makes a formula meaningless. The scores are textstat's
(version 0.7.8, which works offline).

Main entry points:

- :func:`readability_table` (story or version) -> DataFrame, one row per version
- :func:`paragraph_readability` (story or version) -> DataFrame, one row per paragraph
- :func:`readability_scores` (text) -> dict of scores and counts for one text
- :func:`reliability` (text) -> (reliable, reasons, smog_reliable)
- ``kit.figures.readability_figure(story)`` draws the versions side by side

>>> import kit
>>> table = readability_table(kit.load_story())
>>> bool(table.loc["004", "reliable"]), bool(table.loc["001", "reliable"])
(False, True)
>>> print(table.loc["004", "why"])  # doctest: +ELLIPSIS
no sentence punctuation: textstat counts the whole text as 1 sentence of ... words...
"""

from __future__ import annotations

from typing import Any

from kit.accessible import label_headers
from kit.locate import as_version, as_versions
from kit.story import Story, Version
from kit.text import plural

#: The formulas reported, as (column name, textstat function, what it measures).
#: (formula, textstat function, scale, built from). Every text cell is at most 50 characters,
#: pandas' default column width, so the guide displays in full in a notebook.
FORMULAS = (
    (
        "Flesch reading ease",
        "flesch_reading_ease",
        "0-100, higher is easier",
        "words per sentence, syllables per word",
    ),
    (
        "Flesch-Kincaid grade",
        "flesch_kincaid_grade",
        "US school grade",
        "words per sentence, syllables per word",
    ),
    (
        "Gunning fog",
        "gunning_fog",
        "US school grade",
        "words per sentence, share of 3+ syllable words",
    ),
    ("SMOG", "smog_index", "US school grade", "words of 3+ syllables per 30 sentences"),
    (
        "Coleman-Liau",
        "coleman_liau_index",
        "US school grade",
        "letters and sentences per 100 words",
    ),
    (
        "ARI",
        "automated_readability_index",
        "US school grade",
        "characters per word, words per sentence",
    ),
    (
        "Dale-Chall",
        "dale_chall_readability_score",
        "4.9 or less: grade 4 or below; 9.0-9.9: college",
        "words per sentence, share of unfamiliar words",
    ),
)
#: Grade-level formulas (the ones a figure can put on one axis).
GRADE_FORMULAS = ("Flesch-Kincaid grade", "Gunning fog", "SMOG", "Coleman-Liau", "ARI")

MIN_WORDS = 100
SMOG_MIN_SENTENCES = 30
MAX_WORDS_PER_SENTENCE = 50


def _textstat():
    import textstat

    return textstat


def counts(text: Version | str) -> dict[str, Any]:
    """The counts the formulas use, as textstat makes them, plus the kit's own sentence count.

    textstat ignores "sentences" of one or two words, so its count can differ from the kit's:

    >>> found = counts("The guard said no. She wept.")
    >>> found["sentences (textstat)"], found["sentences (kit)"]
    (1, 2)
    """
    version = as_version(text)
    body = version.body
    textstat = _textstat()
    sentences = textstat.sentence_count(body)
    words = textstat.lexicon_count(body)
    syllables = textstat.syllable_count(body)
    return {
        "words": words,
        "sentences (textstat)": sentences,
        "sentences (kit)": len(version.sentences),
        "syllables": syllables,
        "words per sentence": round(words / sentences, 1) if sentences else 0.0,
        "syllables per word": round(syllables / words, 2) if words else 0.0,
    }


def reliability(text: Version | str, found: dict[str, Any] | None = None):
    """Say whether the formulas mean anything for this text: ``(reliable, reasons, smog_ok)``.

    ``reasons`` are plain sentences for a reader. A text is unreliable when it has no words,
    no sentence punctuation, fewer than 100 words, or sentences averaging over 50 words.
    SMOG is judged apart: it was built on samples of 30 sentences.

    >>> reliable, reasons, smog_ok = reliability("Short text. Very short.")
    >>> reliable, smog_ok
    (False, False)
    >>> reasons[0]
    'only 4 words: the formulas were made for samples of at least 100 words'
    """
    version = as_version(text)
    found = found if found is not None else counts(version)
    words, sentences = found["words"], found["sentences (textstat)"]
    reasons = []
    if words == 0:
        return False, ["no words to measure"], False
    if not version.has_sentence_punctuation:
        reasons.append(
            "no sentence punctuation: textstat counts the whole text as "
            f"{plural(sentences, 'sentence')} of about {round(words / max(sentences, 1))} "
            "words, so every formula that uses sentence length gives a meaningless value"
        )
    if words < MIN_WORDS:
        reasons.append(
            f"only {plural(words, 'word')}: the formulas were made for samples of at "
            f"least {MIN_WORDS} words"
        )
    if version.has_sentence_punctuation and words / max(sentences, 1) > MAX_WORDS_PER_SENTENCE:
        reasons.append(
            f"sentences average {words / max(sentences, 1):.0f} words: probably missing "
            "sentence boundaries, so the grade levels are inflated"
        )
    reliable = not reasons
    smog_ok = reliable and sentences >= SMOG_MIN_SENTENCES
    if reliable and not smog_ok:
        reasons.append(
            f"SMOG needs at least {SMOG_MIN_SENTENCES} sentences and this text has "
            f"{sentences}: read its SMOG value as a rough guess"
        )
    return reliable, reasons, smog_ok


def readability_scores(text: Version | str) -> dict[str, Any]:
    """All formulas, the counts behind them, and the reliability verdict for one text.

    Scores are computed on the body (without the headline). Empty text gives zeros and
    ``reliable`` False, never an error.

    >>> scores = readability_scores("")
    >>> scores["words"], scores["reliable"], scores["why"]
    (0, False, 'no words to measure')
    """
    version = as_version(text)
    found = counts(version)
    textstat = _textstat()
    body = version.body
    scores: dict[str, Any] = dict(found)
    for column, function, *_ in FORMULAS:
        scores[column] = round(float(getattr(textstat, function)(body)), 1) if body else 0.0
    scores["text standard"] = textstat.text_standard(body) if found["words"] else ""
    reliable, reasons, smog_ok = reliability(version, found)
    scores["reliable"] = reliable
    scores["SMOG reliable"] = smog_ok
    scores["why"] = (
        "; ".join(reasons) if reasons else "the counts are in the range the formulas were made for"
    )
    return scores


def readability_table(target: Story | Version | str):
    """One row per version: counts, formulas, ``reliable`` and ``why``; indexed by version id.

    >>> import kit
    >>> table = readability_table(kit.load_story())
    >>> list(table.index)
    ['000', '001', '004']
    >>> bool(table.loc["004", "Flesch-Kincaid grade"] > 100)  # one 'sentence' of 420 words
    True
    """
    import pandas as pd

    rows = {version.id: readability_scores(version) for version in as_versions(target)}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "version"
    return label_headers(table)


def paragraph_readability(target: Story | Version | str):
    """One row per paragraph of each version: its opening words, counts, two formulas, flags.

    Short paragraphs are flagged: a formula on a 20-word paragraph says little.

    >>> import kit
    >>> table = paragraph_readability(kit.load_story()["001"])
    >>> int(table.iloc[0]["paragraph"]), bool(table["reliable"].any())
    (1, True)
    """
    import pandas as pd

    rows = []
    for version in as_versions(target):
        for number, paragraph in enumerate(version.paragraphs, start=1):
            scores = readability_scores(paragraph)
            opening = " ".join(paragraph.split()[:6])
            rows.append(
                {
                    "version": version.id,
                    "paragraph": number,
                    "opening words": opening + (" …" if len(paragraph.split()) > 6 else ""),
                    "words": scores["words"],
                    "sentences (textstat)": scores["sentences (textstat)"],
                    "Flesch reading ease": scores["Flesch reading ease"],
                    "Flesch-Kincaid grade": scores["Flesch-Kincaid grade"],
                    "reliable": scores["reliable"],
                    "why": scores["why"],
                }
            )
    columns = [
        "version",
        "paragraph",
        "opening words",
        "words",
        "sentences (textstat)",
        "Flesch reading ease",
        "Flesch-Kincaid grade",
        "reliable",
        "why",
    ]
    return label_headers(pd.DataFrame(rows, columns=columns))


def formula_guide():
    """A table that says what each formula measures (for a lesson's reference box).

    Short cells (at most 50 characters each), so pandas shows them in full in a notebook.
    Dale-Chall's "unfamiliar words" are those missing from its list of about 3,000 familiar
    words.

    >>> formula_guide().loc["SMOG", "textstat function"]
    'smog_index'
    >>> list(formula_guide().columns)
    ['textstat function', 'scale', 'built from']
    """
    import pandas as pd

    guide = pd.DataFrame(
        list(FORMULAS), columns=["formula", "textstat function", "scale", "built from"]
    )
    return label_headers(guide.set_index("formula"))
