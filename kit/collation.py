"""Collate any number of versions word by word into a table of variants.

In the model of CollateX, the reference tool of textual scholarship: the versions (its
"witnesses") are aligned token by token, and every place where they differ becomes one
**variant**, with each version's reading and where it is (paragraph, character offset into
that version's ``text``). Words are compared after folding case and accents and dropping
punctuation, so "Juárez," and "juarez" are the same token; English stop words may be absent
in one version and still align, so a copy preprocessed for NLP (lower case, no punctuation,
no stop words, like ``004``) lines up with the others. Headlines are left out: only bodies
are collated.

**Why our own alignment and not the collatex package.** bench/eval_collatex.py runs both
on the keyed copies of tests/files/collation, on the kit's story and on long versions.
On quality they tie: on the keyed copies both mark every word the key says was changed, and
the same other words. On speed they do not: collatex 2.3 (pure Python) took about 2 s of CPU
for 000 and 001 and 4 s for all three versions, where this module takes a few hundredths of
a second, and collatex did not finish two versions of 5,000 words within five minutes,
where this module collates ten such versions in about a second. collatex also knows
nothing of stop words or character offsets, which a preprocessed copy and the lessons need,
and would add networkx, prettytable and python-Levenshtein to the kit. So the kit aligns
with the standard library's :mod:`difflib` (in :mod:`kit.wordalign`: each version is aligned
to the columns of those before it, anchored on words found once in both, with a second pass
inside each changed stretch that matches a word to any version's reading of a column), and
collatex is not a dependency.

Bad input is refused with a :class:`CollationInputError` subclass that says what to fix: an
empty version, a version that is not English, versions with identical texts, or one version
100 times longer than another.

>>> table = collate(["The guard said no to her.", "The soldier said no to her."])
>>> [(row.readings["text1"].text, row.readings["text2"].text) for row in table.rows]
[('guard', 'soldier')]
>>> table.rows[0].readings["text2"].offset
4
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kit.errors import (
    CollationInputError,
    EmptyVersionError,
    IdenticalVersionsError,
    LengthMismatchError,
    NotEnglishError,
)
from kit.lexicons import stop_words
from kit.locate import as_versions, fold, paragraph_number
from kit.story import Story, Version
from kit.wordalign import align_keys

_TOKEN = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|«[^»]*»?|„[^“”]*[“”]?")
#: Function words beyond the kit's short stop-word list that NLP stop lists commonly drop,
#: and pieces of contractions ("Lety's", "don't"): all may be missing from a cleaned copy.
MORE_FUNCTION_WORDS = frozenset(
    "s t d ll re ve m don am being having doing whom myself ourselves yourself yourselves "
    "himself herself itself themselves ours yours hers theirs because until against between "
    "through during before above below down off under again further once here any both each "
    "few other such nor own same too now".split()
)
LENGTH_RATIO_LIMIT = 100
ISLAND_WORDS = 2  # an agreement this short between two long differences is chance
LONG_STRETCH = 4

#: The commonest function words of languages a copy of a story is often found in.
OTHER_LANGUAGES = {
    "Spanish": "de la que el en y los del se las por un para con una su al lo como más pero",
    "French": "de la le et les des en un du une que est pour qui dans par pas au sur ne",
    "German": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine",
    "Portuguese": "de a o que e do da em um para com não uma os no se na por mais ao",
    "Italian": "di e il la che in un per è non una sono del della con si le da al dei",
    "Dutch": "de en van het een in is dat op te zijn met voor niet aan er die ook als",
}


_COMMON_WORDS = {
    language: frozenset(fold(word) for word in common.split())
    for language, common in OTHER_LANGUAGES.items()
}


@dataclass(frozen=True)
class Token:
    """One word of a version: its comparison key and where it is in ``version.text``."""

    key: str
    start: int
    end: int
    stop: bool
    quoted: bool
    surface: str  # the word as written, with punctuation attached to it ("“Gonzalez,")


@dataclass(frozen=True)
class Reading:
    """What one version has at a variant place ("" when it has nothing there).

    ``offset`` is a character offset into the version's ``text`` (for an empty reading, the
    place where the passage would be); ``paragraph`` counts from 1 as in
    ``version.paragraphs``; ``tokens`` are indices into the version's token list.
    """

    version: str
    text: str
    offset: int
    paragraph: int
    tokens: tuple[int, ...]
    quoted: bool


@dataclass
class VariantPlace:
    """One place where the versions differ: each version's reading, by version id."""

    number: int
    readings: dict[str, Reading]
    first_column: int
    last_column: int


def language_check(version: Version) -> str | None:
    """None when ``version`` looks like English; otherwise a sentence saying why not.

    The signal is cheap and offline: the share of words that are common English function
    words, against the same share for six other languages, and the share of words written
    in the Latin alphabet. A copy with its stop words stripped (like ``004``) still passes,
    because it has few function words of any language.

    >>> language_check(as_versions("La madre pidió al soldado que la dejara pasar.")[0])
    'it reads as Spanish: 44% of its words are common Spanish words, 0% common English ones'
    >>> language_check(as_versions("The mother asked the soldier to let her cross.")[0])
    """
    words = [fold(word) for word in _TOKEN.findall(version.body)]
    if not words:
        return None
    latin = sum(1 for word in words if re.fullmatch(r"[a-z0-9]+", word))
    if latin / len(words) < 0.5:
        return f"only {latin / len(words):.0%} of its words are written in the Latin alphabet"
    english = sum(1 for word in words if word in stop_words()) / len(words)
    shares = {
        language: sum(1 for word in words if word in common) / len(words)
        for language, common in _COMMON_WORDS.items()
    }
    language = max(shares, key=shares.get)
    share = shares[language]
    if share >= 0.08 and share > 1.5 * english:
        return (
            f"it reads as {language}: {share:.0%} of its words are common {language} "
            f"words, {english:.0%} common English ones"
        )
    return None


@lru_cache(maxsize=256)
def _tokens_cached(text: str, body_start: int) -> tuple[Token, ...]:
    quoted = [match.span() for match in _QUOTED.finditer(text, body_start)]
    skip = stop_words() | MORE_FUNCTION_WORDS
    tokens, cursor = [], 0
    for match in _TOKEN.finditer(text, body_start):
        while cursor < len(quoted) and quoted[cursor][1] <= match.start():
            cursor += 1
        inside = cursor < len(quoted) and quoted[cursor][0] < match.start()
        key = fold(match.group())
        start, end = match.span()
        while (
            start > body_start and not text[start - 1].isspace() and not _word_char(text, start - 1)
        ):
            start -= 1
        while end < len(text) and not text[end].isspace() and not _word_char(text, end):
            end += 1
        surface = text[start:end]
        word = match.group()
        acronym = len(word) > 1 and word.isupper()  # "US" the country, not "us"
        tokens.append(Token(key, start, end, key in skip and not acronym, inside, surface))
    return tuple(tokens)


def _word_char(text: str, index: int) -> bool:
    return bool(_TOKEN.match(text, index))


def tokens_of(version: Version) -> tuple[Token, ...]:
    """The words of a version's body, each with its key (folded, no punctuation) and offsets.

    >>> [t.key for t in tokens_of(as_versions("Lety's 6-year-old “son”")[0])]
    ['lety', 's', '6', 'year', 'old', 'son']
    """
    return _tokens_cached(version.text, len(version.text) - len(version.body))


def check_versions(versions: tuple[Version, ...]) -> None:
    """Raise a :class:`CollationInputError` subclass when the versions cannot be collated.

    >>> check_versions(as_versions(["Same words here.", "Same words here."]))
    Traceback (most recent call last):
    ...
    kit.errors.IdenticalVersionsError: Versions text1 and text2 have identical texts: ...
    """
    if len(versions) < 2:
        raise CollationInputError(
            f"Collation needs at least two versions; got {len(versions)} "
            f"({', '.join(v.id for v in versions) or 'none'}). Pass a story or a list of "
            "versions or strings."
        )
    sizes = {}
    for version in versions:
        sizes[version.id] = len(tokens_of(version))
        if not sizes[version.id]:
            raise EmptyVersionError(
                f"Version {version.id} has no words (is its file empty?). Remove it from the "
                "story's manifest or put its text in the file."
            )
        problem = language_check(version)
        if problem:
            raise NotEnglishError(
                f"Version {version.id} does not look like English text ({problem}). The kit's "
                "collation compares English words; translate that copy, or leave it out."
            )
    seen: dict[str, str] = {}
    for version in versions:
        text = " ".join(version.body.split())
        if text in seen:
            raise IdenticalVersionsError(
                f"Versions {seen[text]} and {version.id} have identical texts: the same file "
                "twice? Keep one of them; collation shows differences only."
            )
        seen[text] = version.id
    longest, shortest = max(sizes, key=sizes.get), min(sizes, key=sizes.get)
    if sizes[longest] >= LENGTH_RATIO_LIMIT * sizes[shortest]:
        raise LengthMismatchError(
            f"Version {longest} has {sizes[longest]} words, {sizes[longest] // sizes[shortest]}"
            f" times as many as version {shortest} ({sizes[shortest]}): they are hardly copies "
            "of one text. Check that each file holds one whole article."
        )


def _reading(version: Version, tokens, indices: list[int], next_index: int) -> Reading:
    if indices:
        start, end = tokens[indices[0]].start, tokens[indices[-1]].end
        quoted = any(tokens[i].quoted for i in indices)
    else:
        start = end = tokens[next_index].start if next_index < len(tokens) else len(version.text)
        quoted = next_index < len(tokens) and tokens[next_index].quoted
    return Reading(
        version.id,
        version.text[start:end],
        start,
        paragraph_number(version, start),
        tuple(indices),
        quoted,
    )


SAME, SURFACE, DIFFER, MAJORITY = "same", "surface", "differ", "majority"


def _runs(columns, token_lists, which):
    """Stretches (state, [(column number, column), ...]) over the columns ``which`` share:
    the state is SAME (same word, written alike), SURFACE (same word, but case, accents or
    attached punctuation differ) or DIFFER (a version has another word, or none). With
    three versions or more, a column where more than half of them have the same word is
    in the state (MAJORITY, those versions): the others differ from them there."""
    stretches = []
    for number, column in enumerate(columns):
        words = [token_lists[w][column[w]] if column[w] >= 0 else None for w in which]
        if words.count(None) == len(words):
            continue
        if None in words or len({word.key for word in words}) > 1:
            state = DIFFER
            keys = [word.key if word else None for word in words]
            common = max(set(keys) - {None}, key=keys.count)
            if len(which) >= 3 and keys.count(common) * 2 > len(which):
                group = frozenset(w for w, key in zip(which, keys, strict=True) if key == common)
                state = (MAJORITY, group)
        else:
            state = SAME if len({word.surface for word in words}) == 1 else SURFACE
        if stretches and stretches[-1][0] == state:
            stretches[-1][1].append((number, column))
        else:
            stretches.append((state, [(number, column)]))
    return stretches


def _absorb_islands(stretches, which):
    """Merge a short island of agreement (a word or two, such as "the river" matched by
    chance) into the differing stretches around it when, on both sides, every version has
    a long passage of its own (two rewritten passages, not a word swapped)."""

    def shortest(items) -> int:
        return min(sum(1 for _, column in items if column[w] >= 0) for w in which)

    merged = []
    for index, (state, items) in enumerate(stretches):
        island = (
            state != DIFFER
            and len(items) <= ISLAND_WORDS
            and 0 < index < len(stretches) - 1
            and stretches[index - 1][0] == stretches[index + 1][0] == DIFFER
            and min(shortest(stretches[index - 1][1]), shortest(stretches[index + 1][1]))
            >= LONG_STRETCH
        )
        if island or (state == DIFFER and merged and merged[-1][0] == DIFFER):
            merged[-1][1].extend(items)
        else:
            merged.append((state, list(items)))
    return merged


def variant_places(versions, columns, token_lists, which=None) -> list[VariantPlace]:
    """Group runs of columns where the versions (or only those at indices ``which``) do not
    all agree into variant places; columns none of them has a word in are passed over.

    >>> versions = as_versions(["A cat sat here.", "A dog sat here."])
    >>> tokens = [tokens_of(v) for v in versions]
    >>> places = variant_places(versions, align_keys([[t.key for t in x] for x in tokens]), tokens)
    >>> [(p.readings["text1"].text, p.readings["text2"].text) for p in places]
    [('cat', 'dog')]
    """
    which = tuple(range(len(versions))) if which is None else tuple(which)
    places = []
    following = dict.fromkeys(which, 0)
    for state, items in _absorb_islands(_runs(columns, token_lists, which), which):
        if state != SAME:
            readings = {}
            for w in which:
                indices = [c[w] for _, c in items if c[w] >= 0]
                readings[versions[w].id] = _reading(
                    versions[w], token_lists[w], indices, following[w]
                )
            places.append(VariantPlace(len(places) + 1, readings, items[0][0], items[-1][0]))
        for _, column in items:
            for w in which:
                if column[w] >= 0:
                    following[w] = column[w] + 1
    return places


def collate(target: Story | list | tuple, check: bool = True):
    """Collate the versions of a story (or a list of versions or strings) word by word.

    Returns a :class:`kit.variants.VariantTable`: one row per place where the versions
    differ, each version's reading with its paragraph and character offset, each variant
    classified (see :mod:`kit.variants`). ``check=False`` skips the input checks.

    >>> import kit
    >>> table = collate(kit.load_story())
    >>> table.ids
    ('000', '001', '004')
    >>> print(table.explain_pair("000", "001", "quotation altered")[0])  # doctest: +ELLIPSIS
    Inside a quotation, 000 has ... where 001 has ...
    """
    from kit.varianttable import VariantTable

    versions = as_versions(target)
    if isinstance(target, (list, tuple)) and len({v.id for v in versions}) < len(versions):
        raise CollationInputError("Two of the versions share an id; give each a unique id.")
    if check:
        check_versions(versions)
    token_lists = [tokens_of(version) for version in versions]
    columns = align_keys([[token.key for token in tokens] for tokens in token_lists])
    places = variant_places(versions, columns, token_lists)
    ids = [version.id for version in versions]

    def pair_places(id_a: str, id_b: str) -> list[VariantPlace]:
        which = (ids.index(id_a), ids.index(id_b))
        return variant_places(versions, columns, token_lists, which)

    return VariantTable(versions, token_lists, columns, places, pair_places)
