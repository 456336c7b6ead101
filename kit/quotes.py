"""Quotation marks in news text: where each quotation starts and ends, in any common style.

News copy quotes in double marks ("..." or “...”, American and most wire style) or in single
marks ('...' or ‘...’, British style), nests the other kind inside ("He told me ‘go back’"),
and runs a long quotation over several paragraphs: each paragraph opens with a mark and only
the last one closes it. A single mark is also an apostrophe (don't, Mexico's, migrants'), so
a mark counts as a quotation mark only where its neighbours say so: an apostrophe stands
between two letters, or after the *s* of a plural followed by more of the sentence.

>>> [q.text for q in quotation_spans(["‘Go home,’ she said. Don’t go, he said: ‘stay’."])]
['Go home,', 'stay']
>>> spans = quotation_spans(['"We waited.', '"We are still waiting," she said.'])
>>> spans[0].text, spans[0].paragraph, spans[0].end_paragraph
('We waited. We are still waiting,', 0, 1)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "DOUBLE_MARKS",
    "QUOTE_MARKS",
    "SENTENCE_END",
    "SINGLE_MARKS",
    "Quotation",
    "quotation_spans",
]

#: Double quotation marks: straight, curly, low-9 and guillemets.
DOUBLE_MARKS = '"“”„«»'
#: Single quotation marks (also apostrophes): straight, curly, low-9 and single guillemets.
SINGLE_MARKS = "'‘’‚‹›"
QUOTE_MARKS = DOUBLE_MARKS + SINGLE_MARKS
_OPENING_ONLY = "“„«‘‚‹"
_MARK = re.compile(f"[{re.escape(QUOTE_MARKS)}]")
_BEFORE_OPENING = "([{—–-/:;"
_AFTER_CLOSING = ".,;:!?)]}—–-…"


_TITLES = "Mr Mrs Ms Dr St Jr Sr Gen Sen Rep Gov Prof Lt Col Sgt Rev"
_NOT_AFTER = "".join(rf"(?<!\b{title})" for title in _TITLES.split())
#: The end of a sentence: not the point of an initial or title ("J. Smith", "U.S.", "Dr.").
SENTENCE_END = re.compile(rf"(?<![\s.(][A-Z]){_NOT_AFTER}[.!?…][\"”’'»)]*(?=\s|$)")


@dataclass(frozen=True)
class Quotation:
    """One quotation: from its opening mark to its closing mark, maybe over several paragraphs.

    ``paragraph`` and ``end_paragraph`` are indexes (from 0) into the paragraphs given;
    ``start`` is the offset of the opening mark in the first, ``end`` the offset just after
    the closing mark in the last (the paragraph's length when the quotation is never closed).
    """

    paragraph: int
    start: int
    end_paragraph: int
    end: int
    text: str
    kind: str  # "double" or "single"
    closed: bool


def _kind(mark: str) -> str:
    return "double" if mark in DOUBLE_MARKS else "single"


def _role(text: str, index: int) -> str:
    """'open', 'close', 'either' or '' (an apostrophe or a stray mark) for the mark at index."""
    mark = text[index]
    left = text[index - 1] if index > 0 else " "
    right = text[index + 1] if index + 1 < len(text) else " "
    may_open = (left.isspace() or left in _BEFORE_OPENING or left in QUOTE_MARKS) and not (
        right.isspace()
    )
    may_close = not left.isspace() and (
        right.isspace() or right in _AFTER_CLOSING or right in QUOTE_MARKS
    )
    if mark in SINGLE_MARKS:
        if left.isalnum() and right.isalnum():
            return ""  # don't, Mexico's, rock'n'roll
        if right.isdigit() and not left.isalnum():
            return ""  # the '90s
    if mark in _OPENING_ONLY:
        return "open" if not right.isspace() else ""
    if mark in "”»›":
        return "open" if may_open and not may_close else "close"
    if may_open and not may_close:
        return "open"
    if may_close and not may_open:
        return "close"
    return "either" if mark in DOUBLE_MARKS else ""


def _is_possessive(text: str, index: int, later_closes: bool) -> bool:
    """A plural possessive (the migrants' rights) rather than the end of a quotation."""
    after = text[index + 1 : index + 3]
    return (
        later_closes
        and index > 0
        and text[index - 1] in "sS"
        and len(after) == 2
        and after[0] == " "
        and after[1].islower()
    )


def _opens_continuation(paragraph: str, kind: str) -> bool:
    stripped = paragraph.lstrip()
    return (
        bool(stripped)
        and stripped[0] in QUOTE_MARKS
        and _kind(stripped[0]) == kind
        and (_role(stripped, 0) in ("open", "either"))
    )


def quotation_spans(paragraphs: list[str] | tuple[str, ...]) -> list[Quotation]:
    """The outermost quotations in a list of paragraphs (nested ones stay inside their text).

    >>> [q.text for q in quotation_spans(['He said: "I heard \\'no\\' twice."'])]
    ["I heard 'no' twice."]
    >>> quotation_spans(["The migrants' camp, Mexico's army and the '90s."])
    []
    """
    found: list[Quotation] = []
    carried = None  # (paragraph, start, kind, pieces) of a quotation that runs on
    for number, paragraph in enumerate(paragraphs):
        roles = [(m.start(), _role(paragraph, m.start())) for m in _MARK.finditer(paragraph)]
        roles = [(i, role) for i, role in roles if role]
        stack: list[tuple[int, str]] = []  # (offset, kind) of open marks, outermost first
        first = 0
        if carried is not None:
            stack.append((-1, carried[2]))
            if roles and paragraph[: roles[0][0]].strip() == "" and roles[0][1] != "close":
                first = 1  # the mark that re-opens the quotation in this paragraph
        for position, (index, role) in enumerate(roles[first:], start=first):
            kind = _kind(paragraph[index])
            open_of_kind = [n for n, (_, k) in enumerate(stack) if k == kind]
            if role == "either":
                role = "close" if open_of_kind else "open"
            if role == "open":
                stack.append((index, kind))
                continue
            if not open_of_kind:
                continue  # a stray closing mark, or an apostrophe after a plural
            later = any(
                r in ("close", "either") and _kind(paragraph[i]) == kind
                for i, r in roles[position + 1 :]
            )
            if kind == "single" and _is_possessive(paragraph, index, later):
                continue
            level = open_of_kind[-1]
            opened_at = stack[level][0]
            del stack[level:]
            if stack:
                continue  # a quotation inside a quotation
            if opened_at == -1:
                start_paragraph, start, _, pieces = carried
                pieces = [*pieces, paragraph[_piece_start(paragraph, first, roles) : index]]
                text = " ".join(" ".join(pieces).split())
                found.append(Quotation(start_paragraph, start, number, index + 1, text, kind, True))
                carried = None
            else:
                text = paragraph[opened_at + 1 : index].strip()
                found.append(Quotation(number, opened_at, number, index + 1, text, kind, True))
        carried = _run_on(paragraphs, number, paragraph, stack, carried, first, roles, found)
    if carried is not None:
        start_paragraph, start, kind, pieces = carried
        text = " ".join(" ".join(pieces).split())
        last = len(paragraphs) - 1
        found.append(
            Quotation(start_paragraph, start, last, len(paragraphs[last]), text, kind, False)
        )
    return [quote for quote in found if quote.text]


def _piece_start(paragraph: str, first: int, roles: list[tuple[int, str]]) -> int:
    return roles[0][0] + 1 if first else 0


def _run_on(paragraphs, number, paragraph, stack, carried, first, roles, found):
    """After a paragraph: carry an open quotation into the next one, or end it here."""
    if not stack:
        return None
    opened_at, kind = stack[0]
    if opened_at == -1:
        piece = paragraph[_piece_start(paragraph, first, roles) :]
        start_paragraph, start, _, pieces = carried
        pieces = [*pieces, piece]
    else:
        start_paragraph, start, pieces = number, opened_at, [paragraph[opened_at + 1 :]]
    following = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
    if _opens_continuation(following, kind):
        return (start_paragraph, start, kind, pieces)
    if kind == "double" or opened_at == -1:  # an unclosed quotation ends with its paragraph
        text = " ".join(" ".join(pieces).split())
        found.append(Quotation(start_paragraph, start, number, len(paragraph), text, kind, False))
    return None  # an unclosed single mark is taken as an apostrophe ('em, 'til)
