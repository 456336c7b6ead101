"""The text layer: paragraphs, sentences and words, the same on every machine.

Sentences come from NLTK's Punkt algorithm with an explicit list of abbreviations, so no
trained model has to be downloaded; words come from NLTK's Treebank-style tokenizer, which
needs no data either. NLTK is imported on first use, so ``import kit`` stays fast.

>>> split_sentences("Mr. Gonzalez took the photo at 8 p.m. on Monday. It went viral.")
['Mr. Gonzalez took the photo at 8 p.m. on Monday.', 'It went viral.']
>>> tokenize_words("Lopez Obrador’s spokesman said: “no order”.")
['Lopez', 'Obrador', '’s', 'spokesman', 'said', 'no', 'order']
>>> has_sentence_punctuation("viral image show ledy pérez sobbing pleads armed guard")
False
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: A word for the signals: letters, with inner apostrophes or hyphens ("Obrador’s", "low-lying").
WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")

#: Abbreviations Punkt must not end a sentence on (lower case, without the final period).
ABBREVIATIONS = frozenset(
    {
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "pres",
        "st",
        "jr",
        "sr",
        "a.m",
        "p.m",
        "vs",
        "etc",
        "inc",
        "co",
        "corp",
        "ltd",
        "dept",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "approx",
        "fig",
        "e.g",
        "i.e",
        "ee",
        "uu",
    }
)

#: How many words make one window where a text has no sentences to split (see word_windows).
WINDOW_WORDS = 25
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"'”’)\]]|$)")


def plural(number: int, noun: str) -> str:
    """Write a count with its noun, in the plural unless the count is 1.

    >>> plural(1, "sentence"), plural(34, "sentence")
    ('1 sentence', '34 sentences')
    """
    return f"{number} {noun}" + ("" if number == 1 else "s")


def split_paragraphs(text: str) -> list[str]:
    """Split text on blank lines; return the non-empty paragraphs, stripped.

    >>> split_paragraphs("One.\\n\\nTwo,\\nstill two.\\n\\n\\n")
    ['One.', 'Two,\\nstill two.']
    """
    return [part.strip() for part in _PARAGRAPH_BREAK.split(text) if part.strip()]


def word_windows(text: str, size: int = WINDOW_WORDS) -> list[str]:
    """Cut text into runs of ``size`` whitespace-separated words (the last may be shorter):
    the stand-in for sentences in a text without sentence punctuation.

    >>> word_windows("one two three four five", size=2)
    ['one two', 'three four', 'five']
    >>> word_windows("  ")
    []
    """
    words = text.split()
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)]


def has_sentence_punctuation(text: str) -> bool:
    """Tell whether the text marks sentence ends at all (a period, ! ? or … before a space).

    Text stripped of punctuation, such as version 004 of the story, has none: splitting it
    into sentences would only pretend to find them.

    >>> has_sentence_punctuation("It rained. We stayed in.")
    True
    >>> has_sentence_punctuation("")
    False
    """
    return bool(_SENTENCE_END.search(text))


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    parameters = PunktParameters()
    parameters.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(parameters)


@lru_cache(maxsize=1)
def _treebank():
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()


def split_sentences(text: str) -> list[str]:
    """Split text into sentences with Punkt and the kit's abbreviation list.

    Paragraph breaks always end a sentence; a "sentence" with no letter or digit is dropped.
    Text without sentence punctuation gives an empty list (see
    :func:`has_sentence_punctuation`), never one invented sentence.

    >>> split_sentences("The U.S. border is near. Gen. Smith agreed.")
    ['The U.S. border is near.', 'Gen. Smith agreed.']
    >>> split_sentences("no punctuation here at all")
    []
    """
    if not has_sentence_punctuation(text):
        return []
    tokenizer = _punkt()
    sentences: list[str] = []
    for paragraph in split_paragraphs(text):
        sentences.extend(
            s.strip() for s in tokenizer.tokenize(paragraph) if any(ch.isalnum() for ch in s)
        )
    return sentences


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def _split_edges(token: str) -> list[str]:
    """Peel punctuation the Treebank rules leave on a token ("¿Por", "río…", "USUU.").

    The Treebank tokenizer splits a final period only at the end of its input, so other
    sentence-final periods are split here too; abbreviations such as "U.S." stay whole.
    """
    start, end = 0, len(token)
    while start < end and _is_punctuation(token[start]) and token[start] != "'":
        start += 1
    while end > start and _is_punctuation(token[end - 1]) and token[end - 1] not in ".'":
        end -= 1
    core = token[start:end]
    stem = core[:-1]
    parts = [token[:start]]
    if core.endswith(".") and stem and "." not in stem and stem.lower() not in ABBREVIATIONS:
        parts += [stem, "."]
    else:
        parts.append(core)
    parts.append(token[end:])
    return [part for part in parts if part]


def tokenize(text: str) -> list[str]:
    """Split text into tokens (words and punctuation), Treebank style.

    Curly apostrophes stay on their clitic ("’s"); quotation marks become tokens of their own.

    >>> tokenize("“Hi,” she said.")
    ['“', 'Hi', ',', '”', 'she', 'said', '.']
    """
    tokens: list[str] = []
    for raw in _treebank().tokenize(text.replace("’", "'")):
        tokens += _split_edges(raw)
    if "’" not in text:
        return tokens
    return [token.replace("'", "’") if token.strip("'") else token for token in tokens]


def tokenize_words(text: str) -> list[str]:
    """Return the word tokens of text: tokens with at least one letter or digit.

    >>> tokenize_words("1,500 miles (2,410 km) — José's son!")
    ['1,500', 'miles', '2,410', 'km', 'José', "'s", 'son']
    >>> tokenize_words("... !!! 🙂")
    []
    """
    return [token for token in tokenize(text) if any(ch.isalnum() for ch in token)]
