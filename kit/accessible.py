"""Outputs every reader can use: figures with a text alternative, tables with named headers.

A screen reader cannot read a picture, and it announces every header cell of a table, empty
or not. So:

- :func:`describe` wraps a matplotlib figure in a :class:`DescribedFigure`, which a notebook
  shows as ``<figure><img alt="..."><figcaption>...</figcaption></figure>``: the alt text
  says what the figure shows and its main finding, the caption how to read it. Every figure
  of ``kit.figures`` is one; a lesson describes its own figures the same way.
- :func:`label_headers` gives a pandas table a name for every header cell. pandas draws a
  named index as a second header row of empty cells, and an unnamed one with an empty corner
  cell; the index's name (or ``"row"``, for plain row numbers) goes to the corner instead.
  Every table the analysis modules return goes through it, and comes back as an
  :class:`AccessibleTable`: a pandas DataFrame in every way, whose notebook display is the
  table inside a labelled region that the keyboard can reach. A wide table scrolls sideways
  inside that region, and a keyboard user can only scroll what can take the focus.

This module imports only ``kit.errors`` of the kit, so every layer of the kit can use it.

>>> from matplotlib.figure import Figure
>>> figure = Figure()
>>> shown = describe(figure, "An empty plot: nothing to see.", caption="A blank figure.")
>>> shown.figure is figure, shown.alt_text
(True, 'An empty plot: nothing to see.')
"""

from __future__ import annotations

import base64
import io
from html import escape
from typing import Any

import pandas as pd

from kit.errors import FigureDescriptionError

#: The corner label of a table whose rows are only numbered (pandas' default index).
ROW_NUMBER_LABEL = "row"
#: How many column names the region's label lists before "and N more".
LABEL_COLUMNS = 4


class AccessibleTable(pd.DataFrame):
    """A pandas DataFrame whose notebook display a keyboard and a screen reader can use.

    Everything pandas does works as on any DataFrame, and a table made from it (a selection
    of columns, a sorted copy) is one too. Only ``_repr_html_`` differs: pandas' HTML table
    sits in a ``<div role="region" tabindex="0" aria-label="...">`` that scrolls sideways
    when the table is wider than the notebook, so a keyboard user can focus it and scroll
    with the arrow keys, and a screen reader names the region before reading the table.

    >>> table = AccessibleTable({"words": [737], "sentences": [30]})
    >>> shown = table[["words"]]._repr_html_()
    >>> shown.startswith('<div class="kit-table" role="region" tabindex="0"'), "<table" in shown
    (True, True)
    >>> table_label(table)
    'Table of 1 row; columns: words, sentences'
    """

    @property
    def _constructor(self):
        return AccessibleTable

    def _repr_html_(self) -> str | None:
        shown = super()._repr_html_()
        if shown is None:  # pandas' HTML display is switched off
            return None
        return (
            f'<div class="kit-table" role="region" tabindex="0" '
            f'aria-label="{escape(table_label(self))}" '
            'style="overflow-x: auto; max-width: 100%;">'
            f"{shown}</div>"
        )


def table_label(table: Any) -> str:
    """The name a screen reader gives a table's region: what a row is, and its columns.

    >>> import pandas as pd
    >>> table = pd.DataFrame({c: [1] for c in "abcdef"}, index=pd.Index(["000"], name="id"))
    >>> table_label(table)
    'Table with one row per id; columns: a, b, c, d and 2 more'
    """
    row = table.columns.name or table.index.name or ROW_NUMBER_LABEL
    names = [
        " / ".join(map(str, name)) if isinstance(name, tuple) else str(name)
        for name in table.columns
    ]
    listed = ", ".join(names[:LABEL_COLUMNS])
    if len(names) > LABEL_COLUMNS:
        listed += f" and {len(names) - LABEL_COLUMNS} more"
    rows = f"of {len(table)} row{'' if len(table) == 1 else 's'}"
    kind = rows if row == ROW_NUMBER_LABEL else f"with one row per {row}"
    return f"Table {kind}; columns: {listed or 'none'}"


class DescribedFigure:
    """A matplotlib Figure with its text alternative and caption.

    ``figure`` is the matplotlib Figure; any other attribute is the figure's own, so
    ``described.axes`` or ``described.savefig("file.png")`` work as on the Figure itself.
    In a notebook it shows as HTML: the image with its alt text, then the visible caption
    (and the PNG alone for front ends that cannot show HTML).
    """

    def __init__(self, figure: Any, alt_text: str, caption: str = ""):
        alt_text = " ".join(str(alt_text).split())
        if not alt_text:
            raise FigureDescriptionError(
                "This figure has no text alternative, so a screen reader cannot say what it "
                "shows. Pass alt_text: a sentence with what the figure shows and its main "
                "finding, e.g. describe(fig, 'Bar chart of the words in each version: 000 "
                "is the longest.')."
            )
        self.figure = figure
        self.alt_text = alt_text
        self.caption = " ".join(str(caption).split())

    def __getattr__(self, name: str) -> Any:
        # only called for names this object lacks: they are the matplotlib Figure's
        if name == "figure":  # not set yet (e.g. while unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.figure, name)

    def __repr__(self) -> str:
        return f"<DescribedFigure: {self.alt_text}>"

    def png(self) -> bytes:
        """The figure as PNG bytes, cropped to what is drawn (as a notebook shows figures)."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", bbox_inches="tight")
        return buffer.getvalue()

    def html(self, png: bytes | None = None) -> str:
        """The figure as an HTML ``<figure>``: image with alt text, then the caption.

        >>> from matplotlib.figure import Figure
        >>> html = DescribedFigure(Figure(figsize=(1, 1)), 'A "blank" square.').html()
        >>> 'alt="A &quot;blank&quot; square."' in html, html.startswith("<figure")
        (True, True)
        """
        encoded = base64.b64encode(self.png() if png is None else png).decode("ascii")
        caption = f"<figcaption>{escape(self.caption)}</figcaption>" if self.caption else ""
        return (
            '<figure class="kit-figure" style="margin: 0.5em 0;">'
            f'<img src="data:image/png;base64,{encoded}" alt="{escape(self.alt_text)}" '
            'style="max-width: 100%; height: auto;">'
            f"{caption}</figure>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        png = self.png()
        return {
            "text/html": self.html(png),
            "image/png": base64.b64encode(png).decode("ascii"),
            "text/plain": repr(self),
        }


def describe(figure: Any, alt_text: str, caption: str = "") -> DescribedFigure:
    """Wrap ``figure`` with its text alternative; end a notebook cell with it to show it.

    ``alt_text`` says what the figure shows and its main finding, in a sentence or two (a
    screen reader reads it instead of the picture); ``caption`` is shown under the figure for
    everyone (how to read it, sources). A figure made with ``pyplot`` is taken out of
    pyplot's care, so the notebook does not show it a second time without its description.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> shown = describe(fig, "Bar chart of words per version: 000 is longest.")
    >>> fig.number in plt.get_fignums()
    False
    """
    if getattr(figure.canvas, "manager", None) is not None:
        from matplotlib import pyplot

        pyplot.close(figure)
    return DescribedFigure(figure, alt_text, caption)


def label_headers(table: Any) -> Any:
    """Give every header cell of ``table``'s notebook display a name; return it shown well.

    A named index moves its name to the header's corner cell (``table.loc[...]`` works as
    before; the name is then ``table.columns.name``). Plain row numbers get the corner label
    :data:`ROW_NUMBER_LABEL`. A table whose columns already have a name keeps its headers.
    The table comes back as an :class:`AccessibleTable` (a DataFrame whose notebook display
    is a labelled region the keyboard can reach).

    >>> import pandas as pd
    >>> table = label_headers(pd.DataFrame({"words": [737]}, index=pd.Index(["000"], name="id")))
    >>> table.columns.name, table.index.name, int(table.loc["000", "words"])
    ('id', None, 737)
    >>> label_headers(pd.DataFrame({"words": [737]})).columns.name
    'row'
    >>> type(table).__name__
    'AccessibleTable'
    """
    table = table if isinstance(table, AccessibleTable) else AccessibleTable(table)
    if table.columns.name is not None or table.columns.nlevels > 1 or table.index.nlevels > 1:
        return table
    corner = table.index.name
    table.index.name = None
    table.columns.name = ROW_NUMBER_LABEL if corner is None else corner
    return table
