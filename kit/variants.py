"""What kind of change each variant is, how far apart the versions are, and which is closest.

:func:`kit.compare.collate` finds the places where versions differ; this module classifies
each difference between two versions, in words a learner can read:

- **wording swapped**: a word or phrase replaced by another;
- **name spelled differently**: a capitalised name written another way ("Lety" / "Lilly");
- **number/date/quantity changed**: a digit, number word, weekday or month differs;
- **quotation altered**: the difference lies inside quotation marks;
- **passage only in some versions**: added in one, or omitted from the other;
- **passage moved**: the same words, at another place;
- **preprocessing only**: only case, accents, punctuation or stop words differ.

A pair's differences are counted per kind (:meth:`VariantTable.pair_summary`), the share of
content words two versions do not share is their distance (:meth:`VariantTable.distances`),
and :func:`closeness_tree` joins the closest versions first (UPGMA, average linkage).

**Near-synonyms.** A swap of one word for one word is marked as a near-synonym when the
thesaurus the kit ships (:mod:`kit.synonyms`, from the public-domain Moby Thesaurus II) lists
the two together ("chore" / "job"). A thesaurus lists many loose pairs and misses some close
ones ("therapy" / "treatment"): the mark says "a thesaurus offers one for the other", which is
how a spinning tool picks its words, not that the meaning is the same.

>>> from kit.collation import collate
>>> table = collate(["He paid 20 dollars to Lety.", "He paid 30 dollars to Lilly."])
>>> [row.kind for row in table.rows]
['number/date/quantity changed', 'name spelled differently']
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from kit.synonyms import same_meaning

WORDING = "wording swapped"
NAME = "name spelled differently"
NUMBER = "number/date/quantity changed"
QUOTATION = "quotation altered"
ADDED = "passage only in some versions"
MOVED = "passage moved"
PREPROCESSING = "preprocessing only"
#: Every kind, most serious first: a place gets the first kind any pair of readings has.
KINDS = (QUOTATION, NAME, NUMBER, MOVED, ADDED, WORDING, PREPROCESSING)

_NUMBERISH = set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion half third quarter dozen first second percent "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)
MOVE_MIN_WORDS = 3
LOPSIDED_WORDS = 10  # a reading this long against one a fifth its size is a passage
LOPSIDED_SHARE = 0.2
LONG_PASSAGE = 25  # content words: a difference this long is a passage, not a swap
SHORT_READING = 4  # content words: a number added or dropped in a reading this short
NAME_SPELLING_SIMILARITY = 0.4


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def near_synonym(word_a: str, word_b: str) -> bool:
    """Whether the kit's thesaurus lists two single words together (case ignored).

    >>> near_synonym("chore", "job"), near_synonym("Lety", "Lilly")
    (True, False)
    """
    if " " in word_a.strip() or " " in word_b.strip():
        return False
    return same_meaning(word_a, word_b)


@dataclass
class PairDifference:
    """How two versions differ at one place: the kind and a plain explanation."""

    kind: str
    explanation: str
    near_synonym: bool | None = None


def _is_numberish(key: str) -> bool:
    return any(ch.isdigit() for ch in key) or key in _NUMBERISH


def _capitalised(tokens, indices) -> bool:
    return bool(indices) and all(tokens[i].surface.lstrip("“\"'‘(«")[:1].isupper() for i in indices)


def classify_pair(id_a: str, id_b: str, reading_a, reading_b, tokens_a, tokens_b):
    """The :class:`PairDifference` of two readings, or None when they are the same.

    ``reading_a``/``reading_b`` are :class:`kit.collation.Reading` objects, ``tokens_a``/
    ``tokens_b`` the token lists of their versions.

    >>> from kit.collation import collate
    >>> table = collate(["She said the fee was 20 euros.", "She said the fee was 25 euros."])
    >>> variant = table.pair_variants("text1", "text2")[0]
    >>> a, b = variant.place.readings["text1"], variant.place.readings["text2"]
    >>> classify_pair("text1", "text2", a, b, table.tokens["text1"], table.tokens["text2"]).kind
    'number/date/quantity changed'
    """
    keys_a = [tokens_a[i].key for i in reading_a.tokens]
    keys_b = [tokens_b[i].key for i in reading_b.tokens]
    text_a, text_b = _quote(reading_a.text), _quote(reading_b.text)
    if keys_a == keys_b:
        if reading_a.text == reading_b.text:
            return None
        letters_a = "".join(ch for ch in reading_a.text.lower() if ch.isalnum())
        letters_b = "".join(ch for ch in reading_b.text.lower() if ch.isalnum())
        capitalised = _capitalised(tokens_a, reading_a.tokens) or _capitalised(
            tokens_b, reading_b.tokens
        )
        if keys_a and letters_a != letters_b and capitalised:
            return PairDifference(
                NAME,
                f"The name is written {text_a} in {id_a} and {text_b} in {id_b} (accents "
                "differ). Names are facts: a careful copy keeps them as the source wrote them.",
            )
        return PairDifference(
            PREPROCESSING,
            f"Only case or punctuation differ: {text_a} in {id_a}, {text_b} in {id_b}. The words "
            "are the same; this is what cleaning a text for computer analysis does.",
        )
    content_a = [i for i in reading_a.tokens if not tokens_a[i].stop]
    content_b = [i for i in reading_b.tokens if not tokens_b[i].stop]
    same_content = [tokens_a[i].key for i in content_a] == [tokens_b[i].key for i in content_b]
    if same_content and _only_removed(keys_a, keys_b):
        return PairDifference(
            PREPROCESSING,
            f"Only small words (stop words such as 'the', 'of', 'was') are missing: {text_a} in "
            f"{id_a}, {text_b} in {id_b}. A text cleaned for computer analysis loses them; "
            "the content words are the same (but a lost 'not' can reverse the meaning).",
        )
    set_a = {tokens_a[i].key for i in content_a}
    set_b = {tokens_b[i].key for i in content_b}
    diff_a = [i for i in content_a if tokens_a[i].key not in set_b]
    diff_b = [i for i in content_b if tokens_b[i].key not in set_a]
    small, large = sorted((len(content_a), len(content_b)))
    if large == 0:
        return PairDifference(
            WORDING,
            f"{id_a} has {text_a} where {id_b} has {text_b}: a small word swapped for another. "
            "Small words still matter: 'her' or 'their', 'a' or 'the'.",
        )
    unrelated = small >= LOPSIDED_WORDS and len(set_a & set_b) < LOPSIDED_SHARE * small
    if unrelated or large >= LONG_PASSAGE:
        return PairDifference(
            ADDED,
            f"Here {id_a} and {id_b} have different passages ({text_a}; {text_b}), with few "
            "words in common: each has text the other lacks. Different sources, or rewritten?",
        )
    if small == 0 or (large >= LOPSIDED_WORDS and small <= LOPSIDED_SHARE * large):
        only, other, text = (id_a, id_b, text_a) if len(content_a) > small else (id_b, id_a, text_b)
        return PairDifference(
            ADDED,
            f"Only {only} has {text}; {other} has nothing like it here: added in {only}, or left "
            f"out of {other}. Ask which is closer to the source.",
        )
    quoted = sum(tokens_a[i].quoted for i in diff_a) + sum(tokens_b[i].quoted for i in diff_b)
    if quoted and quoted >= 0.5 * (len(diff_a) + len(diff_b)):
        return PairDifference(
            QUOTATION,
            f"Inside a quotation, {id_a} has {text_a} where {id_b} has {text_b}. Words in "
            "quotation marks are someone's exact words: a faithful copy never changes them.",
        )
    changed = set_a ^ set_b
    numbers_a = any(_is_numberish(tokens_a[i].key) for i in diff_a)
    numbers_b = any(_is_numberish(tokens_b[i].key) for i in diff_b)
    if (numbers_a and numbers_b) or ((numbers_a or numbers_b) and large <= SHORT_READING):
        return PairDifference(
            NUMBER,
            f"A number, date or quantity differs: {text_a} in {id_a}, {text_b} in {id_b}. "
            "Numbers are facts a faithful copy does not change: check them against the source.",
        )
    spelled_a = " ".join(tokens_a[i].key for i in diff_a)
    spelled_b = " ".join(tokens_b[i].key for i in diff_b)
    similar = SequenceMatcher(None, spelled_a, spelled_b).ratio() >= NAME_SPELLING_SIMILARITY
    names = _capitalised(tokens_a, diff_a) or _capitalised(tokens_b, diff_b)
    if similar and names and not (diff_a and diff_b and _mid_sentence_lower(tokens_a, diff_a)):
        return PairDifference(
            NAME,
            f"The name is spelled {text_a} in {id_a} and {text_b} in {id_b}. A faithful copy "
            "never changes a name: one of them was altered, by a person or a program.",
        )
    synonym = near_synonym(spelled_a, spelled_b) if len(changed) == 2 else None
    mark = " The Moby thesaurus lists them as near-synonyms." if synonym else ""
    return PairDifference(
        WORDING,
        f"{id_a} has {text_a} where {id_b} has {text_b}: a word or phrase swapped for another."
        f"{mark} Does the meaning stay the same? Spinning tools and translation both do this.",
        synonym,
    )


def _only_removed(keys_a: list[str], keys_b: list[str]) -> bool:
    """True when one list is the other with some words left out (nothing replaced)."""
    shorter, longer = sorted((keys_a, keys_b), key=len)
    position = 0
    for key in longer:
        if position < len(shorter) and shorter[position] == key:
            position += 1
    return position == len(shorter)


def _mid_sentence_lower(tokens, indices) -> bool:
    """True when a word of ``indices`` is written in lower case (so not a name)."""
    return any(tokens[i].surface.lstrip("“\"'‘(«")[:1].islower() for i in indices)


def content_keys(reading, tokens) -> list[str]:
    """The content words (not stop words) of a reading, folded.

    >>> from kit.collation import collate
    >>> table = collate(["The guard said no.", "The tall guard said no."])
    >>> reading = table.rows[0].readings["text2"]
    >>> content_keys(reading, table.tokens["text2"])
    ['tall']
    """
    return [tokens[i].key for i in reading.tokens if not tokens[i].stop]


def mark_moves(differences: dict, passages: dict) -> None:
    """Re-label as moved the passages one version has at one place and the other elsewhere.

    ``differences[place]`` is the :class:`PairDifference` of one pair at each place;
    ``passages[place]`` is (id of the version that has the passage, its text, its content
    words) for each place where only one of the two has content words.

    >>> found = {1: PairDifference(ADDED, ""), 2: PairDifference(ADDED, "")}
    >>> words = {"rain", "fell", "hills"}
    >>> mark_moves(found, {1: ("a", "Rain fell on hills.", words), 2: ("b", "rain", words)})
    >>> [found[1].kind, found[2].kind]
    ['passage moved', 'passage moved']
    """
    candidates = [
        (place, *passages[place])
        for place, found in differences.items()
        if found and found.kind == ADDED and len(passages[place][2]) >= MOVE_MIN_WORDS
    ]
    for index, (first, owner_a, text_a, words_a) in enumerate(candidates):
        for second, owner_b, text_b, words_b in candidates[index + 1 :]:
            if owner_a == owner_b or differences[second].kind == MOVED:
                continue
            if len(words_a & words_b) >= 0.8 * min(len(words_a), len(words_b)):
                for place, text in ((first, text_a), (second, text_b)):
                    differences[place] = PairDifference(
                        MOVED,
                        f"The passage {_quote(text)} is in both versions, at different places: "
                        "it was moved. Moving a passage changes what a reader sees first.",
                    )
                break


def upgma(names: list[str], distance) -> tuple:
    """Join the closest groups first (UPGMA); a leaf is its name, a join is (left, right, height).

    ``distance(a, b)`` gives the distance of two names.

    >>> d = {("a", "b"): 0.2, ("a", "c"): 0.8, ("b", "c"): 0.6}
    >>> upgma(["a", "b", "c"], lambda x, y: d.get((x, y), d.get((y, x))))
    ('c', ('a', 'b', 0.1), 0.35)
    """
    clusters = {name: (name, [name]) for name in names}
    while len(clusters) > 1:
        keys = list(clusters)
        best = None
        for i, first in enumerate(keys):
            for second in keys[i + 1 :]:
                members_a, members_b = clusters[first][1], clusters[second][1]
                average = sum(distance(x, y) for x in members_a for y in members_b) / (
                    len(members_a) * len(members_b)
                )
                if best is None or average < best[0]:
                    best = (average, first, second)
        average, first, second = best
        tree_a, members_a = clusters.pop(first)
        tree_b, members_b = clusters.pop(second)
        ordered = (tree_a, tree_b) if len(members_a) <= len(members_b) else (tree_b, tree_a)
        clusters[f"{first}+{second}"] = ((*ordered, round(average / 2, 4)), members_a + members_b)
    return next(iter(clusters.values()))[0]


def describe_tree(tree) -> str:
    """One sentence on a closeness tree: which versions join first, at what distance.

    >>> describe_tree(('c', ('a', 'b', 0.1), 0.35))
    'Versions a and b are closest (distance 0.20); c joins them last (average distance 0.70).'
    """
    if isinstance(tree, str):
        return f"Only one version, {tree}."
    pairs = []

    def walk(node):
        if isinstance(node, str):
            return [node]
        left, right, height = node
        members_left, members_right = walk(left), walk(right)
        pairs.append((height, members_left, members_right))
        return members_left + members_right

    walk(tree)
    pairs.sort(key=lambda item: item[0])
    height, left, right = pairs[0]
    first = " and ".join(left + right) if len(left + right) == 2 else ", ".join(left + right)
    sentence = f"Versions {first} are closest (distance {2 * height:.2f})"
    top_height, top_left, top_right = pairs[-1]
    if len(pairs) > 1:
        last = top_left if len(top_left) <= len(top_right) else top_right
        sentence += f"; {', '.join(last)} joins them last (average distance {2 * top_height:.2f})"
    return sentence + "."
