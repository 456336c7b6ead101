"""Make the keyed test material of the artifact signals from the news texts in news/.

Run from the repository root:  python tests/files/signals/make_material.py
It rewrites spun/, roundtrip/ and preprocessed/ (each text with a .key.json of every change).
The procedures are deterministic (a fixed random seed), so the output is reproducible.

- spin: a synonym spinner with its own table (spin_table.toml): each word found in the table
  is replaced, with probability SPIN_RATE, by one of its synonyms, capitals kept;
- round trip: the rules of translation_rules.toml (pronoun gender, odd capitals, accents, a
  Spanish abbreviation), each applied where it fits;
- preprocess: lower case, punctuation and stop words removed (a stop list of its own),
  share-button labels and a photo credit run into the next word.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
SPIN_RATE = 0.6
SEED = 20190725
WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
PIPELINE_STOP_WORDS = set(
    "a an the and or but if of to in on at by for with from as into onto is are was were be "
    "been being am do does did has have had having it its this that these those he she they we "
    "you i me him her them us my your his their our who whom which what there here not no so "
    "than then too very can will would should could may might must shall up out over about "
    "after before while when where why how all any both each few more most other some such "
    "only own same just also".split()
)


def keep_case(original: str, replacement: str) -> str:
    """The replacement with the capitals of the original ('Homes' -> 'Residences')."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def spin(text: str, table: dict[str, list[str]], rng: random.Random):
    """The spun text and the key: one record per swapped word, at its place in the spun text."""
    out, key, cursor = [], [], 0
    for found in WORD.finditer(text):
        word = found.group()
        synonyms = [s for s in table.get(word.lower(), []) if s != word.lower()]
        if not synonyms or rng.random() > SPIN_RATE:
            continue
        replacement = keep_case(word, rng.choice(synonyms))
        out.append(text[cursor : found.start()])
        start = sum(map(len, out))
        out.append(replacement)
        key.append(
            {"start": start, "end": start + len(replacement), "original": word, "spun": replacement}
        )
        cursor = found.end()
    out.append(text[cursor:])
    return "".join(out), key


def round_trip(text: str, rules: dict, rng: random.Random):
    """Apply the translation rules once each where they fit; return the text and the key."""
    changes = []  # (start, end, replacement, kind, original)
    pronouns = rules["pronoun"]["female_to_male"]
    near = re.compile(r"\b([A-Z][a-z]+)\b([^.!?\"“”]{0,40}?)\b(" + "|".join(pronouns) + r")\b")
    for found in near.finditer(text):
        changes.append(
            (
                found.start(3),
                found.end(3),
                pronouns[found.group(3)],
                "pronoun gender",
                found.group(3),
            )
        )
        break
    for word in rules["capital"]["words"]:
        found = re.search(rf"(?<=[a-z]{{2}} ){word}\b(?= [a-z])", text)
        if found and re.search(rf"\b{word}\b", text[found.end() :] + text[: found.start()]):
            changes.append(
                (found.start(), found.end(), word.capitalize(), "odd capital letter", word)
            )
            break
    for name, accented in rules["accents"]["names"].items():
        places = [m for m in re.finditer(rf"\b{name}\b", text)]
        if len(places) > 1:
            changes.append(
                (places[0].start(), places[0].end(), accented, "accents used inconsistently", name)
            )
            break
    paragraphs = [m.end() for m in re.finditer(r"\.\n", text)]
    if paragraphs:
        at = paragraphs[len(paragraphs) // 2] - 1
        form = rng.choice(rules["abbreviation"]["forms"])
        sentence = " " + rules["abbreviation"]["sentence"].format(form=form)
        changes.append((at + 1, at + 1, sentence, "foreign abbreviation", ""))
    changes.sort()
    out, key, cursor = [], [], 0
    for start, end, replacement, kind, original in changes:
        out.append(text[cursor:start])
        new_start = sum(map(len, out))
        out.append(replacement)
        if kind == "foreign abbreviation":
            new_start += replacement.index(form)
            replacement = form
        key.append(
            {
                "start": new_start,
                "end": new_start + len(replacement),
                "kind": kind,
                "original": original,
                "changed": replacement,
            }
        )
        cursor = end
    out.append(text[cursor:])
    return "".join(out), key


def preprocess(text: str, rng: random.Random):
    """Lower case, no punctuation, no stop words, with page residue; the key lists the steps."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    credit_at = len(paragraphs) // 3
    paragraphs.insert(credit_at, "Photograph: Dana Price/AFP")
    paragraphs.insert(len(paragraphs) // 2, "Facebook Twitter Pinterest")
    words = []
    for paragraph in paragraphs:
        for word in WORD.findall(paragraph.lower()):
            if word not in PIPELINE_STOP_WORDS:
                words.append(word.replace("’", "").replace("'", ""))
    flat = " ".join(words)
    flat = flat.replace("afp ", "afp", 1)  # line breaks gone: the credit runs into the next word
    key = [
        {"kind": kind}
        for kind in (
            "all lower case",
            "no punctuation",
            "stop words removed",
            "web-page residue",
            "credit glued to the next word",
        )
    ]
    return flat, key


def main() -> int:
    """Write every keyed text."""
    table = tomllib.loads((HERE / "spin_table.toml").read_text(encoding="utf-8"))["words"]
    rules = tomllib.loads((HERE / "translation_rules.toml").read_text(encoding="utf-8"))
    for source in sorted((HERE / "news").glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        rng = random.Random(f"{SEED}-{source.stem}")
        made = {
            "spun": spin(text, table, rng),
            "roundtrip": round_trip(text, rules, rng),
            "preprocessed": preprocess(text, rng),
        }
        for folder, (changed, key) in made.items():
            (HERE / folder).mkdir(exist_ok=True)
            (HERE / folder / source.name).write_text(changed, encoding="utf-8")
            (HERE / folder / f"{source.stem}.key.json").write_text(
                json.dumps(key, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
