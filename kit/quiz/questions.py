"""Graded questions: the widget records the answer in the book's file and says "Saved: ...".

Correctness is never shown and no answer key is involved: the hidden test cells carry the key.
Create questions through :class:`kit.quiz.AnswerBook`, which displays them; the returned
question object is what test code and solutions use:

>>> import tempfile
>>> from kit.quiz import AnswerBook, recorded_answer
>>> folder = tempfile.mkdtemp()
>>> book = AnswerBook("demo", folder=folder)
>>> q1 = book.single_choice("q1", "Which version has no sentence punctuation?",
...                         ["000", "001", "004"], points=1)
>>> q1.status
'Not answered yet.'
>>> q1.answer("004")
>>> q1.status
'✔ Saved: 004'
>>> recorded_answer("demo", "q1", folder=folder)
'004'
"""

from __future__ import annotations

import html
from typing import Any

from kit.errors import AnswersFileError
from kit.quiz.controls import Control
from kit.quiz.interface import AnswerBookLike
from kit.quiz.markdown import markdown_to_html, markdown_to_text

NOT_ANSWERED = "Not answered yet."


class Question:
    """One graded question of an :class:`~kit.quiz.AnswerBook`, shown as a widget.

    Attributes: ``id``, ``prompt``, ``points``, ``kind``, ``options`` (choice questions),
    ``widget`` (the ipywidgets box), ``value`` (the answer in the widget, or None) and
    ``status`` (the text under the question).
    """

    def __init__(
        self, book: AnswerBookLike, question_id: str, prompt: str, control: Control, points: float
    ):
        import ipywidgets

        if isinstance(points, bool) or not isinstance(points, (int, float)) or points < 0:
            raise ValueError(f"points must be a number of 0 or more, not {points!r}.")
        if not isinstance(prompt, str) or not prompt.strip():
            raise ValueError(f"Question {question_id!r} needs its question text, not {prompt!r}.")
        self.book = book
        self.id = question_id
        self.prompt = prompt
        self.points = points
        self.control = control
        self.kind = control.kind
        self.options = control.options
        self._quiet = False
        points_text = f"{points:g} point" + ("" if points == 1 else "s")
        self._heading = ipywidgets.HTML(
            f'<div class="kit-quiz-prompt"><strong>{html.escape(question_id)}</strong> '
            f"({points_text}) {markdown_to_html(prompt)}</div>"
        )
        self._status = ipywidgets.HTML()
        self._status_text = NOT_ANSWERED
        self.widget = ipywidgets.VBox(
            [self._heading, control.widget, self._status],
            layout=ipywidgets.Layout(margin="0.5em 0 1em 0"),
        )
        self.widget.add_class("kit-quiz-question")
        control.set_context(f"{question_id}: {markdown_to_text(prompt)}")
        control.on_change(self._changed)
        self.refresh()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id!r} of book {self.book.name!r}: {self.status}>"

    def _ipython_display_(self) -> None:
        """Show nothing: the widget was displayed when the question was made.

        (A question call as the last line of a cell would otherwise show the widget twice.)
        Display ``question.widget`` to show it again elsewhere.
        """

    @property
    def value(self) -> Any:
        """The answer currently in the widget (None when unanswered or not a valid answer)."""
        try:
            return self.control.get()
        except ValueError:
            return None

    @property
    def status(self) -> str:
        """The line under the question: "Saved: ...", "Not answered yet." or a problem."""
        return self._status_text

    def _show_status(self, text: str, problem: bool = False) -> None:
        self._status_text = text
        icon_class = "kit-quiz-problem" if problem else "kit-quiz-status"
        self._status.value = (
            f'<div role="status" aria-live="polite" class="{icon_class}">{html.escape(text)}</div>'
        )

    def refresh(self) -> None:
        """Show the answer saved in the book's file (used when the question is created)."""
        problem = self.book.problem
        self.control.set_disabled(problem is not None)
        if problem is not None:
            self._show_status(f"⚠ Not saved: {problem}", problem=True)
            return
        saved = self.book.saved_value(self.id)
        self._quiet = True
        try:
            self.control.set(saved)
        except ValueError as error:
            self.control.set(None)
            self._show_status(
                f"⚠ The saved answer does not fit this question ({error}) Answer again.",
                problem=True,
            )
            return
        finally:
            self._quiet = False
        self._show_status(NOT_ANSWERED if saved is None else self._saved_text(saved))

    def _saved_text(self, value: Any) -> str:
        return f"✔ Saved: {self.control.describe(value)}"

    def _changed(self) -> None:
        if self._quiet:
            return
        try:
            value = self.control.get()
        except ValueError as error:
            self._show_status(f"⚠ Not saved: {error}", problem=True)
            return
        self._record(value)

    def _record(self, value: Any) -> None:
        try:
            self.book.record(self.id, value)
        except (AnswersFileError, OSError) as error:
            self._show_status(f"⚠ Not saved: {error}", problem=True)
            return
        self._show_status(NOT_ANSWERED if value is None else self._saved_text(value))

    def answer(self, value: Any) -> None:
        """Record ``value`` as the answer, exactly as clicking or typing it would.

        Solution notebooks use it between the solution markers, e.g. ``q1.answer("004")``.
        Raises ValueError for a value the widget could not produce, and
        :class:`~kit.quiz.AnswersFileError` if the answers file cannot be written.
        """
        value = self.control.validate(value)
        if self.book.problem is not None:
            raise AnswersFileError(str(self.book.problem))
        self._quiet = True
        try:
            self.control.set(value)
        finally:
            self._quiet = False
        self.book.record(self.id, value)
        self._show_status(self._saved_text(value))
