"""Who "she" is: the people a text names, to resolve the pronoun of a speaker.

A pronoun stands for the nearest fitting person before it, in its own sentence or in the
few sentences before; every resolution says how far back it looked, so a reader can check.

>>> people = Mentions("Ana Ruiz, a nurse, waited. Bo Li left. Then she spoke.")
>>> people.add(Mention(0, "Ana Ruiz", "female", True))
>>> people.add(Mention(27, "Bo Li", "male", False))
>>> people.resolve("she", 45)
('Ana Ruiz', '2 sentences before')
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kit.locate import fold
from kit.quotes import SENTENCE_END

__all__ = ["Mention", "Mentions"]


@dataclass(frozen=True)
class Mention:
    """A person a pronoun may stand for: where they are named, and what the text tells."""

    offset: int
    name: str
    gender: str  # "female", "male" or ""
    speaker: bool  # named as the speaker of a reporting verb or a quotation
    plural: bool = False


_SENTENCE_BREAK = re.compile(rf"(?:{SENTENCE_END.pattern})\s+|\n\s*\n")


class Mentions:
    """The people named so far in one text, to resolve "he", "she" and "they".

    A pronoun stands for the nearest fitting person in its own sentence or in the
    ``window`` sentences before it (within one sentence, a speaker before anyone else
    named); "she" never for someone the text marks as a man ("Mr", "his son"), nor "he" for
    a woman.

    >>> people = Mentions("Ana Ruiz waited. Then she spoke.")
    >>> people.add(Mention(0, "Ana Ruiz", "", True))
    >>> people.resolve("she", 22)
    ('Ana Ruiz', 'previous sentence')
    """

    def __init__(self, text: str, window: int = 3):
        self.text = text
        self.window = window
        self.breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text)]
        self.mentions: list[Mention] = []  # sorted by offset
        self._offsets: list[int] = []
        self.surnames: dict[str, Mention] = {}  # the last word of each name -> its mention

    def sentence(self, offset: int) -> int:
        """The number of the sentence holding ``offset`` (from 0)."""
        return bisect.bisect_right(self.breaks, offset)

    def add(self, mention: Mention) -> None:
        """Record a person named at ``mention.offset``."""
        at = bisect.bisect_right(self._offsets, mention.offset)
        self._offsets.insert(at, mention.offset)
        self.mentions.insert(at, mention)
        if mention.name[:1].isupper() and not mention.plural:
            self.surnames.setdefault(fold(mention.name.split()[-1]), mention)

    def resolve(self, pronoun: str, offset: int) -> tuple[str, str]:
        """(name, how far back) for the pronoun at ``offset``; ("", reason) if none fits."""
        pronoun = fold(pronoun)
        if pronoun in ("i", "we"):
            return "", "the writer speaks in the first person"
        here = self.sentence(offset)
        first = self.breaks[here - self.window - 1] if here > self.window else 0
        fits = []
        low = bisect.bisect_left(self._offsets, first)
        high = bisect.bisect_left(self._offsets, offset)
        for mention in self.mentions[low:high]:
            distance = here - self.sentence(mention.offset)
            if not 0 <= distance <= self.window:
                continue
            if pronoun == "they" and not mention.plural:
                continue
            if pronoun != "they" and (
                mention.plural
                or (pronoun == "she" and mention.gender == "male")
                or (pronoun == "he" and mention.gender == "female")
            ):
                continue
            fits.append((distance, not mention.speaker, -mention.offset, mention))
        if not fits:
            return "", f"no fitting name in this or the {self.window} sentences before"
        distance, *_, mention = min(fits, key=lambda fit: fit[:3])
        where = {0: "same sentence", 1: "previous sentence"}.get(distance)
        return mention.name, where or f"{distance} sentences before"
