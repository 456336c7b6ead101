"""Derive the keyed copies of original.txt (run: python derive.py; it rewrites them all).

Each copy applies the changes listed below to original.txt, and key.toml records every
change with its kind, so a collation can be scored against it. No part of the kit is used.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (kind, old, new): "old" occurs once in the original and becomes "new".
SPUN = [
    ("wording swapped", "was closed on", "was shut on"),
    ("wording swapped", "cutting the market", "slicing the market"),
    ("wording swapped", "had been evacuated and", "had been emptied and"),
    ("wording swapped", "Volunteers carried sandbags", "Volunteers conveyed sandbags"),
    ("wording swapped", "fire service pumped water", "fire service drained water"),
    ("quotation altered", "We watched the river", "We observed the river"),
    ("quotation altered", "never seen anything", "never witnessed anything"),
    ("wording swapped", "would inspect the arches", "would examine the arches"),
    ("wording swapped", "a temporary footbridge", "a provisional footbridge"),
    ("wording swapped", "high street stayed open", "high street remained open"),
    ("wording swapped", "moved their stock", "shifted their stock"),
    ("wording swapped", "the heaviest recorded", "the biggest recorded"),
    (
        "wording swapped",
        "councillor Priya Nandakumar called for",
        "councillor Priya Nandakumar demanded",
    ),
    ("wording swapped", "river to fall slowly", "river to drop slowly"),
]
FACTS = [
    ("number/date/quantity changed", "about 340 homes", "about 430 homes"),
    (
        "passage only in some versions",
        "nobody had been hurt.",
        "nobody had been hurt. Two dogs were rescued from a flooded garden by a neighbour "
        "in a rowing boat.",
    ),
    ("name spelled differently", "said Margaret Ellison", "said Margret Ellison"),
    ("number/date/quantity changed", "at least three days", "at least five days"),
    ("name spelled differently", "engineer, Tom Becker, told", "engineer, Tom Baker, told"),
    ("number/date/quantity changed", "warning on Monday evening", "warning on Sunday evening"),
    ("number/date/quantity changed", "with 86 millimetres", "with 68 millimetres"),
    (
        "name spelled differently",
        "councillor Priya Nandakumar called",
        "councillor Priya Nandakumari called",
    ),
    ("quotation altered", "promised protection for", "promised safety for"),
    ("number/date/quantity changed", "payments of 500 pounds", "payments of 800 pounds"),
    (
        "passage only in some versions",
        " Residents were asked to boil drinking water until further notice.",
        "",
    ),
]
MOVED = (
    "Forecasters expect the river to fall slowly over the weekend, but more rain is due on Sunday."
)

# A common English stop-word list (the kind NLP toolkits ship), not the kit's own list.
STOP = set(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against
    between into through during before after above below to from up down in out on off over
    under again further then once here there when where why how all any both each few more
    most other some such no nor not only own same so than too very s t can will just don
    should now""".split()
)


def apply(text: str, changes) -> str:
    for _, old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def preprocess(text: str) -> str:
    words = re.findall(r"[^\W_]+", text.lower())
    return " ".join(word for word in words if word not in STOP)


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> None:
    original = (HERE / "original.txt").read_text(encoding="utf-8")
    facts = apply(original, FACTS)
    facts = facts.replace("\n\n" + MOVED, "")
    first_break = facts.index("\n\n", facts.index("\n\n") + 2)
    facts = facts[:first_break] + "\n\n" + MOVED + facts[first_break:]
    copies = {"spun": apply(original, SPUN), "facts": facts, "preprocessed": preprocess(original)}
    for name, text in copies.items():
        (HERE / f"{name}.txt").write_text(text, encoding="utf-8")
    lines = ["# Written by derive.py: the changes each copy of original.txt carries.", ""]
    for name, changes in (("spun", SPUN), ("facts", FACTS + [("passage moved", MOVED, MOVED)])):
        for kind, old, new in changes:
            lines += ["[[change]]", f"copy = {toml_string(name)}", f"kind = {toml_string(kind)}"]
            lines += [f"old = {toml_string(old)}", f"new = {toml_string(new)}", ""]
    lines += ["[[change]]", 'copy = "preprocessed"', 'kind = "preprocessing only"']
    lines += ['old = "(every difference)"', 'new = "(lower case, no punctuation, no stop words)"']
    (HERE / "key.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
