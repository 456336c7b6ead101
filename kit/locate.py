"""Shared helpers of the analysis modules: what to analyse, and where a finding is.

Every analysis function accepts a whole :class:`~kit.story.Story`, one
:class:`~kit.story.Version`, or a plain string (which becomes a version with id ``"text"``).
Positions are character offsets into ``version.text`` (the file as stored), so
``version.text[offset:offset + 20]`` shows the spot; paragraphs are numbered from 1 as in
``version.paragraphs`` (0 means the headline line at the top).

>>> version = as_version("First paragraph.\\n\\nSecond one.")
>>> version.id, paragraph_number(version, version.text.index("Second"))
('text', 2)
>>> fold("Ciudad Juárez")
'ciudad juarez'
>>> WORD.findall("Lety's son, 6-year-old, 1,500 miles.")
["Lety's", 'son', '6-year-old', '1,500', 'miles']
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from types import MappingProxyType

from kit.story import Story, Version

_SPACES = re.compile(r"\s+")


def as_version(target: Version | str, version_id: str = "text") -> Version:
    """Return ``target`` as a :class:`Version` (a string becomes a version without headline).

    >>> as_version("Some words.").words
    ('Some', 'words')
    """
    if isinstance(target, Version):
        return target
    if isinstance(target, str):
        return _text_version(target, version_id)
    raise TypeError(
        f"Expected a story version (e.g. story['001']) or a string, got {type(target).__name__}."
    )


@lru_cache(maxsize=64)
def _text_version(text: str, version_id: str) -> Version:
    metadata = MappingProxyType({"id": version_id, "form": "plain text", "language": "en"})
    return Version(id=version_id, headline="", text=text, metadata=metadata)


def as_versions(target: Story | Version | str) -> tuple[Version, ...]:
    """Return the versions to analyse: all of a story's, or the one given.

    >>> [v.id for v in as_versions(["a", "b"])]
    ['text1', 'text2']
    """
    if isinstance(target, Story):
        return tuple(target)
    if isinstance(target, (list, tuple)):
        return tuple(
            item if isinstance(item, Version) else as_version(item, f"text{number}")
            for number, item in enumerate(target, start=1)
        )
    return (as_version(target),)


def fold(text: str) -> str:
    """Lower-case and strip accents, for matching: ``'Pérez'`` and ``'perez'`` fold alike.

    >>> fold("PÉREZ Díaz")
    'perez diaz'
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_keep_length(text: str) -> str:
    """Like :func:`fold` but one character out per character in, so offsets still match.

    >>> fold_keep_length("Juárez")
    'juarez'
    """
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = fold(ch)
    return folded if len(folded) == 1 else ch.lower() if len(ch.lower()) == 1 else ch


def normalise_words(text: str) -> str:
    """Fold text and turn every run of non-alphanumeric characters into one space.

    >>> normalise_words("1,500 miles( 2,410 km) — Juárez!")
    '1 500 miles 2 410 km juarez'
    """
    return " ".join(re.findall(r"[^\W_]+", fold(text)))


@lru_cache(maxsize=64)
def _paragraph_starts(text: str, body_start: int, paragraphs: tuple[str, ...]) -> tuple[int, ...]:
    # keyed by the content (strings cache their hash), never by object identity
    starts, cursor = [], body_start
    for paragraph in paragraphs:
        found = text.find(paragraph, cursor)
        if found < 0:  # cannot happen for text from split_paragraphs; be safe anyway
            found = cursor
        starts.append(found)
        cursor = found + len(paragraph)
    return tuple(starts)


def paragraph_starts(version: Version) -> tuple[int, ...]:
    """Offsets in ``version.text`` where each of ``version.paragraphs`` begins.

    >>> paragraph_starts(as_version("One.\\n\\nTwo."))
    (0, 6)
    """
    return _paragraph_starts(version.text, version.body_start, version.paragraphs)


def paragraph_number(version: Version, offset: int) -> int:
    """The paragraph (from 1) holding ``offset`` in ``version.text``; 0 for the headline."""
    if offset < version.body_start or not version.paragraphs:
        return 0
    return max(1, bisect.bisect_right(paragraph_starts(version), offset))


def snippet(text: str, start: int, end: int, context: int = 30) -> str:
    """The text from ``start`` to ``end`` with some context, on one line, with … at cuts.

    >>> snippet("one two three four five", 8, 13, context=4)
    '…two three fou…'
    """
    left = max(0, start - context)
    right = min(len(text), end + context)
    piece = _SPACES.sub(" ", text[left:right]).strip()
    return ("…" if left > 0 else "") + piece + ("…" if right < len(text) else "")


#: A word: letters or digits, possibly joined by an apostrophe, hyphen, or a digit separator.
WORD = re.compile(r"[^\W_]+(?:(?:['’\-]|(?<=\d)[,.](?=\d))[^\W_]+)*")
