"""Evaluation behind the choice of alignment in kit.collation: the collatex package against
the kit's own difflib-based collation, on quality and speed.

Not part of bench/run.py (the name does not start with bench_) and not a dependency of the
kit: install collatex (and python-Levenshtein, which it imports) to run it by hand:

    pip install collatex python-Levenshtein
    python bench/eval_collatex.py

For each keyed copy of tests/files/collation and for the kit's story it prints the CPU time
of each tool and, for the keyed copies, how many of the words the key says were changed
each tool marks as differing, and how many other words it marks (false marks). Both tools
compare words after folding case and punctuation here (collatex through its "n" field).
"""

from __future__ import annotations

import json
import re
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit.collation import collate as kit_collate  # noqa: E402
from kit.collation import tokens_of  # noqa: E402
from kit.locate import as_versions, normalise_words  # noqa: E402
from kit.story import load_story, parse_toml  # noqa: E402

MATERIAL = ROOT / "tests" / "files" / "collation"
LIMIT = 300  # seconds allowed to one collatex run


def collatex_differing(texts: list[str]) -> tuple[list[set[int]], float]:
    """Positions (word index) of each text's words that collatex leaves unmatched by all."""
    from collatex import Collation, collate

    collation = Collation()
    for number, text in enumerate(texts):
        words = [{"t": w, "n": normalise_words(w) or w} for w in re.findall(r"[^\W_]+", text)]
        collation.add_witness({"id": f"w{number}", "tokens": words})
    started = time.process_time()
    table = json.loads(collate(collation, output="json", segmentation=False))["table"]
    seconds = time.process_time() - started
    differing = [set() for _ in texts]
    for column in range(len(table[0])):
        cells = [table[w][column] for w in range(len(texts))]
        keys = {tuple(t["n"] for t in cell) if cell else None for cell in cells}
        if len(keys) > 1:
            for w, cell in enumerate(cells):
                for token in cell or ():
                    differing[w].add(token["_token_array_position"])
    return differing, seconds


def kit_differing(texts: list[str]) -> tuple[list[set[int]], float]:
    """The same, from the kit's collation (columns where not every version has the word)."""
    started = time.process_time()
    table = kit_collate(texts, check=False)
    seconds = time.process_time() - started
    differing = [set() for _ in texts]
    for column in table.columns:
        keys = {table.tokens[table.ids[w]][i].key if i >= 0 else None for w, i in enumerate(column)}
        if len(keys) > 1:
            for w, index in enumerate(column):
                if index >= 0:
                    differing[w].add(index)
    return differing, seconds


def keyed_words(original: str, changes: list[dict]) -> set[int]:
    """Word positions of the original that the key says were changed (or moved, or cut)."""
    words = [t.key for t in tokens_of(as_versions(original)[0])]
    changed = set()
    for change in changes:
        old = normalise_words(change["old"]).split()
        new = set(normalise_words(change["new"]).split())
        for start in range(len(words) - len(old) + 1):
            if words[start : start + len(old)] == old:
                changed.update(
                    start + k for k, w in enumerate(old) if w not in new or old == list(new)
                )
    return changed


def _alarm(signum, frame):
    raise TimeoutError


def long_versions(count: int, words: int = 5000) -> list[str]:
    """Versions like those of bench_collate's speed test (250 random edits each)."""
    import random

    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "data" / "story").glob("*.txt")]
    pool = [word for text in texts for word in text.split()]
    rng = random.Random(9)
    base = [rng.choice(pool) for _ in range(words)]
    versions = []
    for _ in range(count):
        copy = list(base)
        for _ in range(250):
            place = rng.randrange(len(copy))
            copy[place] = rng.choice(pool)
        versions.append(" ".join(copy))
    return versions


def main() -> None:
    try:
        import collatex  # noqa: F401
    except ImportError:
        print("collatex is not installed: pip install collatex python-Levenshtein (see above)")
        return
    signal.signal(signal.SIGALRM, _alarm)
    kit_collate(["Warm up the stop words.", "Warm up the stop-word list."])
    key = parse_toml((MATERIAL / "key.toml").read_text(encoding="utf-8"))["change"]
    original = (MATERIAL / "original.txt").read_text(encoding="utf-8")
    for name in ("spun", "facts"):
        copy = (MATERIAL / f"{name}.txt").read_text(encoding="utf-8")
        truth = keyed_words(original, [c for c in key if c["copy"] == name])
        for tool, run in (("collatex", collatex_differing), ("kit", kit_differing)):
            (marked, _), seconds = run([original, copy])
            print(
                f"{name:6} {tool:8} {seconds:6.2f} s CPU; keyed words marked "
                f"{len(truth & marked)}/{len(truth)}; other words marked {len(marked - truth)}"
            )
    story = load_story()
    runs = {
        "/".join(ids): [story[i].body for i in ids]
        for ids in (("000", "001"), ("000", "001", "004"))
    }
    runs.update({f"{n} x 5,000 words": long_versions(n) for n in (2, 3, 10)})
    for label, texts in runs.items():
        for tool, run in (("collatex", collatex_differing), ("kit", kit_differing)):
            signal.alarm(LIMIT)
            try:
                _, seconds = run(texts)
                print(f"{label:18} {tool:8} {seconds:6.2f} s CPU")
            except TimeoutError:
                print(f"{label:18} {tool:8} did not finish in {LIMIT} s")
            finally:
                signal.alarm(0)


if __name__ == "__main__":
    main()
