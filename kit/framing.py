"""Framing: which words each version chose, in context, and with what connotation.

To frame, in Entman's (1993) sense, is to select some aspects of a reality and make them more
salient. Word choice is one way: "clampdown", "crackdown" and "suppression" describe the same
measures with different force. But a different word is not always an editor's choice. In
this story "clampdown" is Reuters' own word and "suppression" in version 000 comes from a
translation chain (Spanish "represión"): look at where a text came from before reading intent
into its words.

Main entry points:

- :func:`concordance` (story, word) -> DataFrame: every occurrence with its context (KWIC)
- :func:`lexical_choices` (story) -> DataFrame: concept-group words counted per version
- :func:`compare_headlines` (story) -> DataFrame: the headlines side by side
- :func:`connotation` (story) -> DataFrame: VADER sentiment per version, with its evidence
- :func:`word_connotations` (story) -> DataFrame: VADER's valence of the concept-group words
- :func:`keyness` (version_a, version_b) -> DataFrame: words typical of one version (log-likelihood)

>>> import kit
>>> story = kit.load_story()
>>> concordance(story, "clampdown")[["version", "match"]].values.tolist()
[['001', 'clampdown']]
>>> concordance(story, "suppression")["version"].tolist()
['000', '000']
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from kit.accessible import label_headers
from kit.lexicons import concept_groups, stop_words
from kit.locate import (
    WORD,
    as_version,
    as_versions,
    fold,
    fold_keep_length,
    paragraph_number,
)
from kit.story import Story, Version
from kit.text import WINDOW_WORDS

#: Log-likelihood above which a difference is significant at p < 0.05 (one degree of freedom).
LL_CRITICAL_05 = 3.84


def _query_pattern(query: str) -> re.Pattern:
    words = fold(query).split()
    if not words:
        raise ValueError(
            f"concordance needs a word or phrase to look for, got {query!r}. "
            'Try concordance(story, "clampdown") or a prefix with *, e.g. "suppress*".'
        )
    parts = [re.escape(word).replace(r"\*", r"[^\W_]*") for word in words]
    return re.compile(r"(?<![^\W_])" + r"\s+".join(parts) + r"(?![^\W_])")


def _trim_left(text: str, start: int, end: int) -> str:
    piece = text[start:end]
    if start > 0 and text[start - 1].isalnum() and " " in piece.strip():
        piece = piece.split(" ", 1)[1]
    return " ".join(piece.split())


def _trim_right(text: str, start: int, end: int) -> str:
    piece = text[start:end]
    if end < len(text) and text[end].isalnum() and " " in piece.strip():
        piece = piece.rsplit(" ", 1)[0]
    return " ".join(piece.split())


def concordance(target: Story | Version | str, word: str, width: int = 40):
    """Every occurrence of ``word`` (or phrase; ``*`` ends a prefix) with ``width`` characters
    of context each side. Case and accents are ignored; the headline line is left out.

    Columns: version, paragraph, offset (in ``version.text``), left, match, right.

    >>> import kit
    >>> row = concordance(kit.load_story()["001"], "clampdown", width=25).iloc[0]
    >>> row["left"], row["match"], row["right"]
    ('are receiving during the', 'clampdown', 'by Mexico. Former')
    """
    import pandas as pd

    pattern = _query_pattern(word)
    rows = []
    for version in as_versions(target):
        base = version.body_start
        folded = fold_keep_length(version.body)
        body = version.body
        for found in pattern.finditer(folded):
            start, end = found.span()
            left = _trim_left(body, max(0, start - width), start)
            right = _trim_right(body, end, min(len(body), end + width))
            rows.append(
                {
                    "version": version.id,
                    "paragraph": paragraph_number(version, base + start),
                    "offset": base + start,
                    "left": left,
                    "match": body[start:end],
                    "right": right,
                }
            )
    columns = ["version", "paragraph", "offset", "left", "match", "right"]
    return label_headers(pd.DataFrame(rows, columns=columns))


def _folded_words(text: str) -> list[str]:
    return [fold(found.group()) for found in WORD.finditer(text)]


def _alternation(forms) -> str:
    spaced = (r"\s+".join(map(re.escape, fold(form).split())) for form in forms)
    return rf"(?<![^\W_])(?:{'|'.join(sorted(spaced, key=len, reverse=True))})(?![^\W_])"


@lru_cache(maxsize=1)
def _group_patterns():
    compiled = []
    for group in concept_groups():
        for choice, forms in group["words"].items():
            compiled.append((group, choice, re.compile(_alternation(forms))))
    return compiled


def without_fixed_names(folded: str, names) -> str:
    """Blank out the fixed names (e.g. "National Guard") in folded text, keeping its length.

    A word inside a name is not a writer's choice: "guard" in "National Guard" names an
    institution, so the concept group of the man in uniform does not count it.

    >>> without_fixed_names("the national guard and a guard", ["National Guard"])
    'the                and a guard'
    """
    if not names:
        return folded
    return re.sub(_alternation(names), lambda found: " " * len(found.group()), folded)


def lexical_choices(target: Story | Version | str):
    """Count, per version, each word of the concept groups in ``data/lexicons/concept_groups.toml``.

    Columns: group, choice, then for each version its count and count per 1,000 words.
    Word forms count together ("begged", "begging" count as "begged"). A group's
    ``not_counted_in`` names (such as "National Guard") are left out of its counts. The count
    is of words, not of who does what: "asked" counts whoever asked.

    >>> import kit
    >>> table = lexical_choices(kit.load_story()).set_index("choice")
    >>> table.loc["clampdown", ["000", "001"]].tolist()
    [0, 1]
    >>> table.loc["suppression", ["000", "001"]].tolist()
    [2, 0]
    >>> counts = lexical_choices("The National Guard sent a guard.").set_index("choice")
    >>> int(counts.loc["guard", "text"])
    1
    """
    import pandas as pd

    versions = as_versions(target)
    folded = {version.id: fold(version.body) for version in versions}
    sizes = {version.id: len(WORD.findall(version.body)) for version in versions}
    rows = []
    for group, choice, pattern in _group_patterns():
        row = {"group": group["name"], "choice": choice}
        names = group.get("not_counted_in", ())
        for version in versions:
            count = len(pattern.findall(without_fixed_names(folded[version.id], names)))
            row[version.id] = count
            size = sizes[version.id]
            row[f"{version.id} per 1,000 words"] = round(1000 * count / size, 2) if size else 0.0
        rows.append(row)
    return label_headers(pd.DataFrame(rows))


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()  # reads the lexicon shipped in its package: offline


def _case_style(headline: str) -> str:
    words = [word for word in headline.split() if word[:1].isalpha()]
    if not words:
        return "no words"
    if all(word == word.lower() for word in words):
        return "all lower case"
    capitals = sum(word[0].isupper() for word in words)
    return "Title Case" if capitals >= 0.7 * len(words) else "sentence case"


def _valenced_words(text: str) -> list[tuple[str, float]]:
    lexicon = _vader().lexicon
    seen, found = set(), []
    for word in _folded_words(text):
        if word in lexicon and word not in seen:
            seen.add(word)
            found.append((word, lexicon[word]))
    return found


def compare_headlines(target: Story | Version | str):
    """The headlines side by side: words, case style, VADER tone, emotive and concept words.

    >>> import kit
    >>> table = compare_headlines(kit.load_story()).set_index("version")
    >>> table.loc["001", "case style"], table.loc["004", "case style"]
    ('Title Case', 'all lower case')
    """
    import pandas as pd

    rows = []
    for version in as_versions(target):
        headline = version.headline
        folded = fold(headline)
        concepts = [choice for _, choice, pattern in _group_patterns() if pattern.search(folded)]
        rows.append(
            {
                "version": version.id,
                "headline": headline,
                "words": len(WORD.findall(headline)),
                "case style": _case_style(headline),
                "VADER compound": round(_vader().polarity_scores(headline)["compound"], 3)
                if headline.strip()
                else 0.0,
                "emotive words (VADER valence)": ", ".join(
                    f"{word} ({valence:+.1f})" for word, valence in _valenced_words(headline)
                ),
                "concept words": ", ".join(dict.fromkeys(concepts)),
            }
        )
    return label_headers(pd.DataFrame(rows))


def _units(version: Version) -> tuple[list[str], str]:
    if version.sentences:
        return list(version.sentences), "sentences"
    return list(version.word_windows), f"{WINDOW_WORDS}-word windows"


def connotation(target: Story | Version | str):
    """VADER sentiment per version: mean compound score over sentences (25-word windows when
    the text has no sentence punctuation), and the most negative and positive words found.

    VADER (Hutto & Gilbert 2014) scores words from a lexicon rated by people; it was built
    for social-media text. Words missing from its lexicon ("clampdown", "suppression") count
    as neutral, so a harsher word may not change the score at all.

    >>> import kit
    >>> table = connotation(kit.load_story()).set_index("version")
    >>> table.loc["004", "unit"]
    '25-word windows'
    """
    import pandas as pd

    rows = []
    for version in as_versions(target):
        units, kind = _units(version)
        scores = [_vader().polarity_scores(unit)["compound"] for unit in units]
        valenced = sorted(_valenced_words(version.body), key=lambda pair: pair[1])
        rows.append(
            {
                "version": version.id,
                "unit": kind,
                "units": len(units),
                "mean compound": round(sum(scores) / len(scores), 3) if scores else 0.0,
                "negative units": sum(score <= -0.05 for score in scores),
                "positive units": sum(score >= 0.05 for score in scores),
                "most negative words": ", ".join(
                    f"{w} ({v:+.1f})" for w, v in valenced[:6] if v < 0
                ),
                "most positive words": ", ".join(
                    f"{w} ({v:+.1f})" for w, v in valenced[::-1][:6] if v > 0
                ),
            }
        )
    return label_headers(pd.DataFrame(rows))


def word_connotations(target: Story | Version | str):
    """VADER's valence (-4 to +4) for every concept-group word, and its count per version.

    ``valence`` is empty when VADER's lexicon lacks the word: then VADER treats it as neutral.

    >>> import kit
    >>> table = word_connotations(kit.load_story()).set_index("word")
    >>> float(table.loc["repression", "valence"])
    -1.6
    >>> bool(table.loc["suppression", "in VADER lexicon"])
    False
    """
    import pandas as pd

    lexicon = _vader().lexicon
    versions = as_versions(target)
    counts = {version.id: Counter(_folded_words(version.body)) for version in versions}
    rows = []
    for group in concept_groups():
        for choice, forms in group["words"].items():
            for form in forms:
                if " " in form:
                    continue
                row = {
                    "group": group["name"],
                    "choice": choice,
                    "word": form,
                    "in VADER lexicon": form in lexicon,
                    "valence": lexicon.get(form),
                }
                for version in versions:
                    row[version.id] = counts[version.id][form]
                rows.append(row)
    return label_headers(pd.DataFrame(rows))


def log_likelihood(a: int, b: int, size_a: int, size_b: int) -> float:
    """Rayson & Garside's (2000) log-likelihood G2 for a word seen ``a`` times in a corpus of
    ``size_a`` words and ``b`` times in one of ``size_b``.

    >>> round(log_likelihood(10, 0, 1000, 1000), 2)
    13.86
    >>> log_likelihood(5, 5, 1000, 1000)
    0.0
    """
    total = size_a + size_b
    if total == 0 or a + b == 0:
        return 0.0
    expected_a = size_a * (a + b) / total
    expected_b = size_b * (a + b) / total
    value = 0.0
    if a:
        value += a * math.log(a / expected_a)
    if b:
        value += b * math.log(b / expected_b)
    return round(2 * value, 6)


def keyness(
    version_a: Version | str,
    version_b: Version | str,
    min_frequency: int = 3,
    drop_stop_words: bool = True,
):
    """Words typical of one version against another, by log-likelihood (Rayson & Garside 2000).

    Only words seen at least ``min_frequency`` times in the two texts together are scored.
    Stop words are dropped by default, because version 004 had them removed: keeping them
    would only tell you that. Columns: word, counts and rates per 1,000 words in each
    version, log-likelihood, ``p < 0.05`` (G2 >= 3.84) and which version uses it more.
    With texts this short few words reach significance: read the list as places to look.

    >>> import kit
    >>> story = kit.load_story()
    >>> table = keyness(story["000"], story["001"], min_frequency=2)
    >>> top = table.set_index("word").loc["suppression"]
    >>> int(top["000"]), int(top["001"]), top["more in"]
    (2, 0, '000')
    """
    import pandas as pd

    first, second = as_version(version_a, "A"), as_version(version_b, "B")
    name_a = first.id
    name_b = second.id if second.id != first.id else f"{second.id} (2)"
    skip = stop_words() if drop_stop_words else frozenset()
    words_a = [w for w in _folded_words(first.body) if w not in skip]
    words_b = [w for w in _folded_words(second.body) if w not in skip]
    counts_a, counts_b = Counter(words_a), Counter(words_b)
    size_a, size_b = len(words_a), len(words_b)
    rows = []
    for word in counts_a.keys() | counts_b.keys():
        a, b = counts_a[word], counts_b[word]
        if a + b < min_frequency:
            continue
        rate_a = 1000 * a / size_a if size_a else 0.0
        rate_b = 1000 * b / size_b if size_b else 0.0
        score = log_likelihood(a, b, size_a, size_b)
        rows.append(
            {
                "word": word,
                name_a: a,
                name_b: b,
                f"{name_a} per 1,000": round(rate_a, 2),
                f"{name_b} per 1,000": round(rate_b, 2),
                "log-likelihood": round(score, 2),
                "p < 0.05": score >= LL_CRITICAL_05,
                "more in": name_a if rate_a > rate_b else name_b if rate_b > rate_a else "equal",
            }
        )
    columns = ["word", name_a, name_b, f"{name_a} per 1,000", f"{name_b} per 1,000"]
    columns += ["log-likelihood", "p < 0.05", "more in"]
    table = pd.DataFrame(rows, columns=columns)
    table = table.sort_values(["log-likelihood", "word"], ascending=[False, True])
    return label_headers(table.reset_index(drop=True))
