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
  Every table the analysis modules return goes through it.

This module imports only ``kit.errors``, so every layer of the kit can use it.

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

from kit.errors import FigureDescriptionError

#: The corner label of a table whose rows are only numbered (pandas' default index).
ROW_NUMBER_LABEL = "row"



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
    """Give every header cell of ``table``'s notebook display a name; return the table.

    A named index moves its name to the header's corner cell (``table.loc[...]`` works as
    before; the name is then ``table.columns.name``). Plain row numbers get the corner label
    :data:`ROW_NUMBER_LABEL`. A table whose columns already have a name is left as it is.

    >>> import pandas as pd
    >>> table = label_headers(pd.DataFrame({"words": [737]}, index=pd.Index(["000"], name="id")))
    >>> table.columns.name, table.index.name, int(table.loc["000", "words"])
    ('id', None, 737)
    >>> label_headers(pd.DataFrame({"words": [737]})).columns.name
    'row'
    """
    if table.columns.name is not None or table.columns.nlevels > 1 or table.index.nlevels > 1:
        return table
    corner = table.index.name
    table.index.name = None
    table.columns.name = ROW_NUMBER_LABEL if corner is None else corner
    return table
