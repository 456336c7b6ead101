"""The faithful news texts are well-formed: UTF-8, a headline, long enough, all in the README.

The texts are for checking the spinning signals for false alarms; this file only guards the
material, so that a truncated, mis-encoded or unlisted file is caught when it is added.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

FAITHFUL = Path(__file__).resolve().parent / "files" / "faithful"
TEXTS = sorted(FAITHFUL.glob("*.txt"))
MIN_WORDS = 600
# A headline is one line of words, short enough to be a headline and not a paragraph.
MAX_HEADLINE_WORDS = 20


def readme_rows() -> dict[str, int]:
    """File name -> word count, read from the rows of the README table."""
    rows = {}
    for line in (FAITHFUL / "README.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\|\s*`([^`]+)`\s*\|.*\|\s*([\d,]+)\s*\|\s*$", line)
        if match:
            rows[match.group(1)] = int(match.group(2).replace(",", ""))
    return rows


def test_there_is_material():
    assert len(TEXTS) >= 8, f"expected at least eight texts in {FAITHFUL}, found {len(TEXTS)}"


def test_file_names_are_lower_case_without_spaces():
    for path in TEXTS:
        assert re.fullmatch(r"[a-z0-9_]+\.txt", path.name), path.name


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_text_is_utf8_with_headline_and_enough_words(path):
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # raises on a file that is not UTF-8
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{path.name} starts with a byte-order mark"
    lines = text.splitlines()
    headline = lines[0].strip()
    assert headline, f"{path.name}: the first line must be the headline, not blank"
    assert len(headline.split()) <= MAX_HEADLINE_WORDS, f"{path.name}: first line is too long"
    assert not headline.endswith("."), f"{path.name}: headline ends like a sentence"
    assert len(lines) > 1 and not lines[1].strip(), f"{path.name}: no blank line after headline"
    words = len(text.split())
    assert words >= MIN_WORDS, f"{path.name} has {words} words, fewer than {MIN_WORDS}"


def test_readme_table_lists_exactly_the_files_with_their_word_counts():
    rows = readme_rows()
    present = {path.name: len(path.read_text(encoding="utf-8").split()) for path in TEXTS}
    assert set(rows) == set(present), (
        f"README lists {sorted(set(rows) - set(present))} not present and misses "
        f"{sorted(set(present) - set(rows))}"
    )
    assert rows == present, "a word count in the README table differs from the file's"
