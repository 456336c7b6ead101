"""The kit's curated word lists (``data/lexicons/*.toml``), each entry with its source.

An installed kit carries them inside the package (``kit/_data/lexicons``); a source checkout
keeps them in ``data/lexicons``. Lexicons are read once and cached.

``story_examples`` holds the examples of the kit's own story (for the lessons); the general
finders of :mod:`kit.artifacts` and :mod:`kit.signals` never read it.

>>> sorted(lexicon_names())  # doctest: +NORMALIZE_WHITESPACE
['concept_groups', 'fixed_expressions', 'reporting_verbs', 'story_examples', 'text_residue',
 'tortured_phrases', 'translation_signals']
>>> entry = load_lexicon("tortured_phrases")["entries"][0]
>>> entry["phrase"], entry["expected"]
('counterfeit consciousness', 'artificial intelligence')
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from kit.errors import LexiconError
from kit.fileio import data_folder, parse_toml
from kit.locate import fold
from kit.text import WORD

LEXICON_FORMAT = "kit-lexicon/1"


def lexicon_dir() -> Path:
    """Return the folder of the lexicons: ``kit/_data/lexicons``, else ``<repo>/data/lexicons``.

    >>> (lexicon_dir() / "tortured_phrases.toml").is_file()
    True
    """
    return data_folder("lexicons", "*.toml")


def lexicon_names() -> list[str]:
    """The names of the available lexicons (file names without ``.toml``)."""
    return sorted(path.stem for path in lexicon_dir().glob("*.toml"))


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """Read one lexicon by name and return its TOML content as a dict.

    >>> load_lexicon("nonsense")
    Traceback (most recent call last):
    ...
    kit.errors.LexiconError: No lexicon 'nonsense' in ... Valid names: 'concept_groups', ...
    """
    folder = lexicon_dir()
    path = folder / f"{name}.toml"
    if not path.is_file():
        valid = ", ".join(repr(n) for n in lexicon_names())
        raise LexiconError(f"No lexicon {name!r} in {folder}. Valid names: {valid}.")
    try:
        content = parse_toml(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise LexiconError(
            f"{path} is not valid UTF-8 TOML: {error}. Fix that line, or restore the file "
            "with 'git checkout -- data/lexicons'."
        ) from None
    if content.get("format") != LEXICON_FORMAT:
        raise LexiconError(f"{path} should start with format = {LEXICON_FORMAT!r}.")
    return content


@cache
def compiled_patterns(name: str, key: str = "entries") -> tuple[tuple[re.Pattern, dict], ...]:
    """The entries of a lexicon with their ``pattern`` compiled (ignoring case by default)."""
    entries = load_lexicon(name).get(key, [])
    compiled = []
    for number, entry in enumerate(entries, start=1):
        flags = 0 if entry.get("case_sensitive", name == "translation_signals") else re.I
        try:
            compiled.append((re.compile(entry["pattern"], flags), entry))
        except (KeyError, re.error) as error:
            raise LexiconError(
                f"{lexicon_dir() / (name + '.toml')}, entry #{number} under [{key}]: its "
                f"pattern is missing or not a valid regular expression ({error})."
            ) from None
    return tuple(compiled)


@cache
def stop_words() -> frozenset[str]:
    """A short list of English function words (the kit's own; NLTK's would need a download).

    >>> "the" in stop_words(), "clampdown" in stop_words()
    (True, False)
    """
    return frozenset(load_lexicon("text_residue")["stop_words"]["words"])


@cache
def first_name_table() -> dict[str, str]:
    """First name (lower case, no accents) -> "female" or "male", loaded once.

    >>> first_name_table()["margaret"]
    'female'
    """
    path = lexicon_dir() / "first_names.tsv"
    table = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line and not line.startswith("#"):
            name, _, sex = line.partition("\t")
            if sex not in ("female", "male"):
                raise LexiconError(
                    f"{path}, line {number}: expected 'name<TAB>female' or 'name<TAB>male', "
                    f"not {line!r}. Restore the file from the kit's repository, or rebuild it "
                    "with bench/make_first_names.py."
                )
            table[name] = sex
    return table


def first_name_sex(name: str) -> str | None:
    """'female' or 'male' for a first name that US census records give mostly to one sex;
    None for names given to both, and for names the list lacks (data/lexicons/README.md).

    >>> first_name_sex("Margaret"), first_name_sex("José"), first_name_sex("Guadalupe")
    ('female', 'male', None)
    """
    return first_name_table().get(fold(name))


#: Below this share of stop words a text is not running prose (a preprocessed copy).
PROSE_STOP_SHARE = 0.2


def is_running_prose(text: str) -> bool:
    """Whether a text reads as prose: at least :data:`PROSE_STOP_SHARE` of its words are stop
    words. A copy with its stop words stripped (as 004) is not: its neighbours are not the
    writer's, so checks that read neighbouring words skip it.

    >>> is_running_prose("The river rose and the town was flooded.")
    True
    >>> is_running_prose("river rose town flooded officials said")
    False
    """
    words = WORD.findall(text.lower())
    stops = stop_words()
    return sum(w in stops for w in words) >= PROSE_STOP_SHARE * max(1, len(words))


@cache
def agency_alternation() -> str:
    """The news and photo agencies of ``text_residue`` as a regular-expression alternation.

    Longest names first, so "gettyimages" wins over "getty".

    >>> re.fullmatch(agency_alternation(), "gettyimages") is not None
    True
    """
    names = load_lexicon("text_residue")["agencies"]
    return "|".join(sorted(map(re.escape, names), key=len, reverse=True))


@cache
def reporting_verb_forms() -> dict[str, dict[str, Any]]:
    """Map every form of a reporting verb ("says", "insisted") to its lexicon entry.

    >>> reporting_verb_forms()["claims"]["stance"]
    'casts doubt'
    """
    forms: dict[str, dict[str, Any]] = {}
    for entry in load_lexicon("reporting_verbs")["entries"]:
        for form in entry["forms"]:
            forms[form] = entry
    return forms


@cache
def concept_groups() -> tuple[dict[str, Any], ...]:
    """The concept groups for framing: each with ``name``, ``note``, ``source`` and ``words``."""
    return tuple(load_lexicon("concept_groups")["groups"])
