"""Benchmark: quotation recall and speaker accuracy of kit.attribution.quotations.

Measured on the keyed news paragraphs in tests/files/attribution/ (see the README there):
every quotation of the key must be found (recall), and the speaker found for it must be the
one the key names (speaker accuracy). Targets: recall >= 95%, speaker accuracy >= 85%,
overall and on the held-out files; the script exits non-zero when one is missed. Precision
(quotations found that the key holds) is printed too: an apostrophe taken for a quotation
mark shows up there.

Usage: python bench/bench_attribution.py [-v]   (-v lists every miss)
"""

from __future__ import annotations

import sys
from pathlib import Path

from kit import attribution
from kit.locate import normalise_words
from kit.story import parse_toml

FOLDER = Path(__file__).resolve().parent.parent / "tests" / "files" / "attribution"
RECALL_TARGET = 0.95
SPEAKER_TARGET = 0.85


def load_key(folder: Path = FOLDER) -> list[dict]:
    """The keyed quotations, each a dict with file, set, starts, speaker (and ends, accept)."""
    key = parse_toml((folder / "key.toml").read_text(encoding="utf-8"))
    if key.get("format") != "kit-attribution-key/1":
        raise SystemExit(f"{folder / 'key.toml'}: expected format = 'kit-attribution-key/1'")
    return key["quotation"]


def speaker_matches(found: str, expected: str, accept: list[str]) -> bool:
    """True when the speaker found names the keyed speaker (a title or first name may differ).

    "Mayor Kevin Brandt" and "Brandt" both name "Kevin Brandt"; a description must match
    the key or one of its ``accept`` forms word for word.
    """
    found_words = normalise_words(found)
    names = [normalise_words(name) for name in [expected, *accept]]
    if found_words in names:
        return True
    if not expected or not expected[:1].isupper() or not found[:1].isupper():
        return False
    return any(
        found_words.endswith(" " + name) or name.endswith(" " + found_words) for name in names
    )


def _matches(row: dict, entry: dict) -> bool:
    text = normalise_words(row["quotation"])
    if not text.startswith(normalise_words(entry["starts"])):
        return False
    return "ends" not in entry or text.endswith(normalise_words(entry["ends"]))


def measure(key: list[dict], folder: Path = FOLDER) -> dict:
    """Counts per set ("development", "held-out") and overall, and the list of misses."""
    results: dict[str, dict] = {}
    misses = []
    for name in sorted({entry["file"] for entry in key}):
        text = (folder / name).read_text(encoding="utf-8")
        rows = attribution.quotations(text).to_dict("records")
        matched = set()
        for entry in (e for e in key if e["file"] == name):
            counts = results.setdefault(
                entry["set"],
                dict.fromkeys(("keyed", "found", "speaker_right", "rows", "rows_keyed"), 0),
            )
            hits = [i for i, row in enumerate(rows) if _matches(row, entry)]
            counts["keyed"] += 1
            if not hits:
                misses.append(f"{name}: not found: {entry['starts']!r}")
                continue
            matched.add(hits[0])
            counts["found"] += 1
            row = rows[hits[0]]
            if speaker_matches(row["speaker"], entry["speaker"], entry.get("accept", [])):
                counts["speaker_right"] += 1
            else:
                misses.append(
                    f"{name}: {entry['starts']!r}: speaker {row['speaker']!r} "
                    f"({row['resolved_by'] or row['attributed']}), key {entry['speaker']!r}"
                )
        sets = {e["set"] for e in key if e["file"] == name}
        counts = results[sorted(sets)[0]]
        counts["rows"] += len(rows)
        counts["rows_keyed"] += len(matched)
        misses += [
            f"{name}: found but not in the key: {row['quotation'][:50]!r}"
            for i, row in enumerate(rows)
            if i not in matched
        ]
    total = dict.fromkeys(("keyed", "found", "speaker_right", "rows", "rows_keyed"), 0)
    for counts in results.values():
        for field in total:
            total[field] += counts[field]
    results["all"] = total
    return {"results": results, "misses": misses}


def main(verbose: bool = False) -> int:
    """Print the measurements; return 1 when a target is missed."""
    measured = measure(load_key())
    failed = 0
    for name, counts in measured["results"].items():
        recall = counts["found"] / counts["keyed"] if counts["keyed"] else 0.0
        accuracy = counts["speaker_right"] / counts["found"] if counts["found"] else 0.0
        precision = counts["rows_keyed"] / counts["rows"] if counts["rows"] else 0.0
        ok = recall >= RECALL_TARGET and accuracy >= SPEAKER_TARGET
        failed += name in ("all", "held-out") and not ok
        print(
            f"{name:12} quotations {counts['keyed']:3}  recall {recall:6.1%}  "
            f"speaker accuracy {accuracy:6.1%}  precision {precision:6.1%}  "
            f"{'ok' if ok else 'BELOW TARGET'}"
        )
    print(f"targets: recall >= {RECALL_TARGET:.0%}, speaker accuracy >= {SPEAKER_TARGET:.0%}")
    if verbose or failed:
        for miss in measured["misses"]:
            print("  -", miss)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv[1:]))
