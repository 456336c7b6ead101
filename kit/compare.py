"""Compare versions: collate them word by word, align their sentences, check the "immutables".

Two copies of one report share passages, change some and add or drop others. :func:`align`
pairs the sentences of two versions (ignoring case, accents, punctuation and stop words);
when a version has no sentence punctuation (004), both are cut into windows of 25 words
instead, and the result says so. Immutables are what no honest copy should change: numbers,
names and quoted words.

Main entry points:

- :func:`align` (a, b) -> :class:`Alignment` (``.to_frame()``, ``.counts()``, and in a
  notebook a word-level diff: deletions struck through, insertions underlined)
- :func:`collate` (story or list of versions) -> a :class:`kit.varianttable.VariantTable`:
  every place where the versions differ, classified (wording swapped, name, number,
  quotation, added/omitted, moved, preprocessing), with summaries per pair, a distance table
  and a closeness tree (see :mod:`kit.collation`, which explains the choice of alignment)
- :func:`immutables` (story) -> DataFrame: numbers, names, quotations and where they occur

>>> import kit
>>> story = kit.load_story()
>>> alignment = align(story["000"], story["001"])
>>> alignment.unit
'sentences'
>>> table = immutables(story).set_index("item")
>>> table.loc["1,500 miles", ["000", "001"]].tolist()
[True, True]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html import escape

from kit.accessible import label_headers
from kit.collation import collate
from kit.lexicons import stop_words
from kit.locate import WORD, as_version, as_versions, fold, normalise_words
from kit.quoting import quotation_rows
from kit.speakers import NAME_RUN
from kit.story import Story, Version
from kit.text import WINDOW_WORDS

__all__ = ["Alignment", "align", "collate", "immutables", "word_diff"]

MATCH_THRESHOLD = 0.3
CHUNK = 60  # most units aligned at once inside a changed stretch (keeps the cost linear)
TOP_CHUNK = 200
INS_STYLE = "background:#cce5f5;color:#00406b;text-decoration:underline;"
DEL_STYLE = "background:#fbe0cc;color:#7a3000;text-decoration:line-through;"


def _units(version: Version, windows: bool) -> list[str]:
    if not windows:
        return list(version.sentences)
    return list(version.word_windows)


def _key(unit: str) -> tuple[str, ...]:
    skip = stop_words()
    return tuple(word for word in normalise_words(unit).split() if word not in skip)


def _similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < MATCH_THRESHOLD or matcher.quick_ratio() < MATCH_THRESHOLD:
        return 0.0
    return matcher.ratio()


def _pair_block(keys_a, keys_b, offset_a, offset_b) -> list[tuple[int | None, int | None, float]]:
    """Monotone alignment of two short lists maximizing total similarity (dynamic programming)."""
    n, m = len(keys_a), len(keys_b)
    sims = [[_similarity(keys_a[i], keys_b[j]) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sims[i][j] + best[i + 1][j + 1] if sims[i][j] >= MATCH_THRESHOLD else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if sims[i][j] >= MATCH_THRESHOLD and best[i][j] == sims[i][j] + best[i + 1][j + 1]:
            pairs.append((offset_a + i, offset_b + j, sims[i][j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((offset_a + i, None, 0.0))
            i += 1
        else:
            pairs.append((None, offset_b + j, 0.0))
            j += 1
    pairs += [(offset_a + k, None, 0.0) for k in range(i, n)]
    pairs += [(None, offset_b + k, 0.0) for k in range(j, m)]
    return pairs


def _proportional_chunks(n: int, m: int, size: int):
    pieces = max(1, math.ceil(max(n, m) / size))
    for k in range(pieces):
        yield (n * k // pieces, n * (k + 1) // pieces, m * k // pieces, m * (k + 1) // pieces)


def _align_keys(keys_a, keys_b):
    pairs = []
    for a0, a1, b0, b1 in _proportional_chunks(len(keys_a), len(keys_b), TOP_CHUNK):
        matcher = SequenceMatcher(None, keys_a[a0:a1], keys_b[b0:b1], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                pairs += [(a0 + i1 + k, b0 + j1 + k, 1.0) for k in range(i2 - i1)]
                continue
            for c0, c1, d0, d1 in _proportional_chunks(i2 - i1, j2 - j1, CHUNK):
                pairs += _pair_block(
                    keys_a[a0 + i1 + c0 : a0 + i1 + c1],
                    keys_b[b0 + j1 + d0 : b0 + j1 + d1],
                    a0 + i1 + c0,
                    b0 + j1 + d0,
                )
    return pairs


def _word_diff(a: str, b: str) -> str:
    tokens_a, tokens_b = a.split(), b.split()
    matcher = SequenceMatcher(
        None, [fold(t) for t in tokens_a], [fold(t) for t in tokens_b], autojunk=False
    )
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(escape(" ".join(tokens_b[j1:j2])))
            continue
        if i2 > i1:
            out.append(f'<del style="{DEL_STYLE}">{escape(" ".join(tokens_a[i1:i2]))}</del>')
        if j2 > j1:
            out.append(f'<ins style="{INS_STYLE}">{escape(" ".join(tokens_b[j1:j2]))}</ins>')
    return " ".join(out)


def word_diff(original: str, copy: str) -> str:
    """Mark, word by word, what a copy changed: ``[-word-]`` dropped, ``{+word+}`` added.

    >>> word_diff("she begged and pleaded", "she prayed and pleaded")
    'she [-begged-] {+prayed+} and pleaded'
    """
    old, new = original.split(), copy.split()
    pieces = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(" ".join(old[i1:i2]))
            continue
        pieces += [f"[-{' '.join(old[i1:i2])}-]"] if i2 > i1 else []
        pieces += [f"{{+{' '.join(new[j1:j2])}+}}"] if j2 > j1 else []
    return " ".join(pieces)


@dataclass
class Alignment:
    """Two versions aligned unit by unit. ``rows``: dicts with status, a, b, similarity."""

    id_a: str
    id_b: str
    unit: str
    rows: list[dict] = field(repr=False)
    note: str = ""

    def to_frame(self):
        """The aligned units as a DataFrame (status, text in a, text in b, similarity)."""
        import pandas as pd

        columns = ["status", f"text in {self.id_a}", f"text in {self.id_b}", "similarity"]
        data = [(r["status"], r["a"], r["b"], round(r["similarity"], 2)) for r in self.rows]
        return label_headers(pd.DataFrame(data, columns=columns))

    def counts(self) -> dict[str, int]:
        """How many units are the same, changed, or found in one version only."""
        result = {"same": 0, "changed": 0, f"only in {self.id_a}": 0, f"only in {self.id_b}": 0}
        for row in self.rows:
            result[row["status"]] += 1
        return result

    def html(self) -> str:
        """The diff as HTML: removed words struck through, added ones underlined."""
        legend = (
            f"<p>Comparing <strong>{escape(self.id_a)}</strong> with "
            f"<strong>{escape(self.id_b)}</strong> by {escape(self.unit)}. "
            f'<del style="{DEL_STYLE}">struck through</del>: only in {escape(self.id_a)}; '
            f'<ins style="{INS_STYLE}">underlined</ins>: only in {escape(self.id_b)}. '
            f"{escape(self.note)}</p>"
        )
        counts = ", ".join(f"{n} {escape(k)}" for k, n in self.counts().items())
        items = []
        for row in self.rows:
            if row["status"] == "same":
                body = escape(row["b"])
            elif row["status"] == "changed":
                body = _word_diff(row["a"], row["b"])
            elif row["a"]:
                body = f'<del style="{DEL_STYLE}">{escape(row["a"])}</del>'
            else:
                body = f'<ins style="{INS_STYLE}">{escape(row["b"])}</ins>'
            items.append(f"<li><small>[{escape(row['status'])}]</small> {body}</li>")
        return f"<div>{legend}<p>{counts}</p><ol>{''.join(items)}</ol></div>"

    def _repr_html_(self) -> str:
        return self.html()


def align(version_a: Version | str, version_b: Version | str) -> Alignment:
    """Align the sentences (or 25-word windows) of two versions.

    Status of each row: "same" (identical after normalising), "changed" (similar enough to be
    the same passage reworded), or "only in <id>". Long texts are aligned in chunks, so the
    cost grows linearly with their length.

    >>> result = align("The guard said no. She ran.", "The soldier said no. She ran.")
    >>> [row["status"] for row in result.rows]
    ['changed', 'same']
    """
    a, b = as_version(version_a, "A"), as_version(version_b, "B")
    id_b = b.id if b.id != a.id else f"{b.id} (2)"
    windows = not (a.sentences and b.sentences) and bool(a.body.strip() or b.body.strip())
    note = ""
    if windows:
        lacking = [v.id for v in (a, b) if not v.sentences]
        note = (
            f"{' and '.join(lacking)} has no sentence punctuation, so both texts are cut into "
            f"windows of {WINDOW_WORDS} words; passages may straddle windows."
        )
    units_a, units_b = _units(a, windows), _units(b, windows)
    pairs = _align_keys([_key(u) for u in units_a], [_key(u) for u in units_b])
    rows = []
    for i, j, similarity in pairs:
        if i is not None and j is not None:
            same = normalise_words(units_a[i]) == normalise_words(units_b[j])
            status = "same" if same else "changed"
        else:
            status = f"only in {a.id}" if j is None else f"only in {id_b}"
        rows.append(
            {
                "status": status,
                "a": units_a[i] if i is not None else "",
                "b": units_b[j] if j is not None else "",
                "similarity": similarity,
            }
        )
    unit = f"windows of {WINDOW_WORDS} words" if windows else "sentences"
    return Alignment(a.id, id_b, unit, rows, note)


_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred thousand"
)
_NUMBERS = re.compile(
    rf"\b(?:\d[\d,.]*\d|\d|{_NUMBER_WORDS.replace(' ', '|')})"
    r"(?:-[a-z]+)+\b|\b\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?(?:\s+[a-z]+)?"
    r"|\b\d+(?:\.\d+)?(?:\s+[a-z]+)?",
    re.I,
)
_NUMERALS = {word: str(n) for n, word in enumerate(_NUMBER_WORDS.split()[:20], start=1)}


def _numerals(text: str) -> str:
    return " ".join(_NUMERALS.get(word, word) for word in normalise_words(text).split())


def _candidates(version: Version) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for found in _NUMBERS.finditer(version.body):
        item = found.group().strip(" .,")
        if any(ch.isdigit() for ch in item) or "-" in item:
            items.append((item, "number"))
    for found in NAME_RUN.finditer(version.body):
        start = found.start()
        before = version.body[max(0, start - 3) : start]
        words = found.group().split()
        sentence_start = start == 0 or re.search(r"[.!?“\"\n]\s*$", before)
        if sentence_start and len(words) == 1:
            continue
        if words[0].lower() in stop_words() or words[0] in ("In", "After", "Former"):
            words = words[1:]
        name = re.sub(r"['’]s$", "", " ".join(words))
        if len(name) > 3 and not name.isupper():
            items.append((name, "name"))
    for quote in quotation_rows(version):
        if len(quote["quotation"].split()) >= 3:
            items.append((quote["quotation"], "quotation"))
    return items


def immutables(target: Story | Version | str):
    """Numbers, names and quotations of each version, and whether each version has them.

    Matching ignores case, accents and punctuation, and reads number words as digits ("six
    year old" matches "6-year-old"). Columns: item, kind, first seen in, then one column of
    True/False per version.

    >>> import kit
    >>> table = immutables(kit.load_story()).set_index("item")
    >>> table.loc["nine-minute", ["000", "001", "004"]].tolist()
    [True, True, True]
    """
    import pandas as pd

    versions = as_versions(target)
    folded = {v.id: f" {_numerals(v.body)} " for v in versions}
    rows, seen = [], set()
    for version in versions:
        for item, kind in _candidates(version):
            key = _numerals(item)
            if not key or key in seen or not WORD.search(item):
                continue
            seen.add(key)
            row = {"item": item, "kind": kind, "first seen in": version.id}
            for other in versions:
                row[other.id] = f" {key} " in folded[other.id]
            rows.append(row)
    columns = ["item", "kind", "first seen in", *[v.id for v in versions]]
    return label_headers(pd.DataFrame(rows, columns=columns))
