"""Findings: the shared record of every artifact signal (a leaf module under the analyses).

A :class:`Finding` says which version, where (character offset in ``version.text`` and
paragraph number), which signal, the evidence (the words themselves) and a plain explanation.
:class:`Findings` is a list of them that shows as a table in a notebook, with the caveat that
these are leads, not proof. :func:`make_finding` builds one from a version and an offset.

>>> from kit.locate import as_version
>>> version = as_version("One.\\n\\nAn limb here.")
>>> found = make_finding(version, 6, "spinning", "test signal", "An limb", "Why it matters.")
>>> found.paragraph, found.offset, found.evidence
(2, 6, 'An limb')
>>> print(str(Findings([found])).splitlines()[-2:])
['[text ¶2 @6] spinning: test signal', '    evidence: An limb']
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from kit.accessible import label_headers
from kit.locate import paragraph_number
from kit.story import Version

HEURISTIC_NOTE = (
    "These findings are heuristic signals, not proof: each says where to look and why. "
    "Check them against the text and, where you can, the original."
)
CATEGORIES = ("translation", "spinning", "preprocessing", "cross-version")


@dataclass(frozen=True)
class Finding:
    """One signal in one version, with where it is and what it may mean."""

    version: str
    paragraph: int
    offset: int
    category: str
    signal: str
    evidence: str
    explanation: str
    source: str = ""


class Findings(list):
    """A list of :class:`Finding` that shows as a table in a notebook, with the caveat.

    >>> Findings().to_frame().columns[:3].tolist()
    ['version', 'paragraph', 'offset']
    """

    note = HEURISTIC_NOTE

    def to_frame(self):
        """The findings as a pandas DataFrame (one row per finding)."""
        import pandas as pd

        columns = list(Finding.__dataclass_fields__)
        return label_headers(pd.DataFrame([asdict(f) for f in self], columns=columns))

    def __str__(self) -> str:
        lines = [self.note, ""]
        for f in self:
            lines.append(f"[{f.version} ¶{f.paragraph} @{f.offset}] {f.category}: {f.signal}")
            lines.append(f"    evidence: {f.evidence}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape

        table = self.to_frame().to_html(index=False, escape=True)
        return f"<p><em>{escape(self.note)}</em> ({len(self)} findings)</p>{table}"


def make_finding(
    version: Version,
    start: int,
    category: str,
    signal: str,
    evidence: str,
    explanation: str,
    source: str = "",
) -> Finding:
    """A :class:`Finding` at character offset ``start`` of ``version.text`` (paragraph found)."""
    return Finding(
        version=version.id,
        paragraph=paragraph_number(version, start),
        offset=start,
        category=category,
        signal=signal,
        evidence=evidence,
        explanation=explanation,
        source=source,
    )
