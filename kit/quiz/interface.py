"""What questions and progress views need from an answer book, and how widgets are shown.

A leaf module: :mod:`kit.quiz.book` builds questions and progress views, and they call back
into their book only through :class:`AnswerBookLike`, so neither imports the book's module.

>>> from kit.quiz import AnswerBook
>>> import tempfile
>>> isinstance(AnswerBook("demo_interface", folder=tempfile.mkdtemp()), AnswerBookLike)
True
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class AnswerBookLike(Protocol):
    """The part of :class:`kit.quiz.AnswerBook` that a question or a progress view uses."""

    name: str
    #: Why answers are not being saved (a damaged answers file), or None when all is well.
    problem: Exception | None

    def saved_value(self, question_id: str) -> Any:
        """The answer saved for ``question_id`` (None if there is none)."""

    def record(self, question_id: str, value: Any) -> None:
        """Save ``value`` for ``question_id`` (None forgets the answer)."""

    def answered(self) -> int:
        """How many of the book's questions have an answer saved."""

    def total(self) -> int:
        """How many questions the book has shown."""


def show(widget: Any) -> None:
    """Display ``widget`` when running in IPython/Jupyter; do nothing in plain Python.

    >>> show("a widget")  # plain Python (and doctests): nothing is displayed
    """
    from IPython import get_ipython
    from IPython.display import display

    if get_ipython() is not None:
        display(widget)
