"""Small, forgiving comparisons for test cells: they return False, never raise, on odd values.

>>> text_matches("  Clampdown ", "clampdown")
True
>>> text_matches("Pérez", "perez")
True
>>> text_matches(None, "clampdown")
False
>>> number_close(1.0, 1, tolerance=0)
True
>>> number_close("1", 1)
False
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

_SPACES = re.compile(r"\s+")
_QUOTES = "\"'“”‘’«»„`"


def normalise_text(text: str) -> str:
    """Return ``text`` folded for comparison: case, accents, inner and surrounding space.

    Surrounding quotation marks and a final full stop are dropped too, since students often
    type them around a single word.

    >>> normalise_text('  “Crack  DOWN”. ')
    'crack down'
    >>> normalise_text("Lilly Pérez")
    'lilly perez'
    """
    folded = text
    for _ in range(5):  # folding can expose more to fold (e.g. "ℌ" -> "H"); stop when stable
        previous = folded
        decomposed = unicodedata.normalize("NFKD", folded.casefold())
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
        folded = _SPACES.sub(" ", folded)
        while True:
            trimmed = folded.strip().strip(_QUOTES).rstrip(".")
            if trimmed == folded:
                break
            folded = trimmed
        if folded == previous:
            break
    return folded


def text_matches(value: Any, expected: str | Iterable[str]) -> bool:
    """True if ``value`` matches ``expected`` (or one of several accepted answers).

    Case, accents, repeated or surrounding spaces and surrounding quotes do not matter
    (see :func:`normalise_text`). Returns False when ``value`` is not a string (e.g. None, when
    the question was not answered).

    >>> text_matches("Crackdown", ["clampdown", "crackdown"])
    True
    >>> text_matches("clamp", "clampdown")
    False
    """
    if not isinstance(value, str):
        return False
    accepted = [expected] if isinstance(expected, str) else list(expected)
    wanted = {normalise_text(item) for item in accepted if isinstance(item, str)}
    return normalise_text(value) in wanted


def number_close(value: Any, expected: float, tolerance: float = 0.0) -> bool:
    """True if ``value`` is a number within ``tolerance`` of ``expected``.

    A tiny extra margin (one part in a billion) absorbs floating-point rounding, so
    ``tolerance=0`` means "equal". Returns False for None, strings, booleans and NaN.

    >>> number_close(0.1 + 0.2, 0.3)
    True
    >>> number_close(7, 5, tolerance=2)
    True
    >>> number_close(None, 1)
    False
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(expected, bool) or not isinstance(expected, (int, float)):
        return False
    if math.isnan(value) or math.isnan(expected):
        return False
    margin = abs(tolerance) + 1e-9 * max(1.0, abs(expected))
    return abs(value - expected) <= margin
