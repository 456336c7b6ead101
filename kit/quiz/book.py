"""An answer book: the graded questions of one notebook and the file that keeps their answers.

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> book = AnswerBook("ex0_demo", folder=folder)
>>> q = book.number("q4", "How many sentences does textstat count in 004?")
>>> q.answer(1)
>>> book.answered(), book.total()
(1, 1)
>>> book.path.name
'ex0_demo.answers.json'

A damaged answers file is never overwritten. The book shows what is wrong in every question
and in the progress widget, warns (:class:`AnswersFileWarning`) and saves nothing until the
student runs ``book.start_fresh()``, which renames the damaged file aside
(``<name>.corrupt-<time>``) and starts an empty book.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kit.errors import AnswersFileError, AnswersSaveError
from kit.quiz.controls import make_control
from kit.quiz.interface import show
from kit.quiz.questions import Question
from kit.quiz.store import AnswersFile, check_question_id


class AnswersFileWarning(UserWarning):
    """The answers file is damaged, so answers are not being saved."""


class AnswerBook:
    """The graded questions of one notebook; answers persist to ``<name>.answers.json``.

    ``name`` is the notebook's name without ``.ipynb`` (e.g. ``"ex1_readability"``); the file
    is written in ``folder``, by default the kernel's working folder, which is the notebook's.
    """

    def __init__(self, name: str, folder: str | os.PathLike = "."):
        self.file = AnswersFile(name, folder)
        self.name = self.file.book
        self.questions: dict[str, Question] = {}
        self._progress_views: list[Any] = []
        self.problem: AnswersFileError | None = None
        self._load()

    def __repr__(self) -> str:
        return f"AnswerBook({self.name!r}, folder={str(self.path.parent)!r})"

    @property
    def path(self) -> Path:
        """Where the answers are written."""
        return self.file.path

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            entries = self.file.read()
        except AnswersFileError as error:
            first_time = self.problem is None
            self.problem = AnswersFileError(
                f"{error} Your answers are not being saved. Run book.start_fresh() to rename "
                "the damaged file aside (nothing is deleted) and start again, or ask your "
                "instructor for help."
            )
            if first_time:
                warnings.warn(str(self.problem), AnswersFileWarning, stacklevel=3)
            return {}
        self.problem = None
        return entries

    def saved_value(self, question_id: str) -> Any:
        """Return the answer saved in the file for ``question_id`` (None if there is none)."""
        entry = self._load().get(question_id)
        return None if entry is None else entry["value"]

    def record(self, question_id: str, value: Any) -> None:
        """Save ``value`` for ``question_id`` (None forgets the answer) and update progress."""
        if self.problem is not None:
            raise AnswersFileError(str(self.problem))
        try:
            if value is None:
                self.file.forget(question_id)
            else:
                self.file.save(question_id, value)
        except AnswersSaveError:
            raise  # the folder cannot be written; the file itself is fine
        except AnswersFileError:
            self._load()  # the file went bad since the book was made: go read-only
            self._refresh_all()
            raise
        self._refresh_progress()

    def start_fresh(self) -> Path | None:
        """Rename a damaged answers file aside and start with no answers.

        Returns the new name of the old file (None if there was no file). The renamed file is
        kept so that nothing is lost; show it to your instructor if you need the old answers.
        """
        moved = self.file.move_aside() if self.problem is not None else None
        self._load()
        self._refresh_all()
        return moved

    # ----- the four question kinds -------------------------------------------------------
    def _add(self, question_id: str, prompt: str, kind: str, options, points: float) -> Question:
        check_question_id(question_id)
        question = Question(self, question_id, prompt, make_control(kind, options), points)
        self.questions[question_id] = question
        show(question.widget)
        self._refresh_progress()
        return question

    def single_choice(
        self, question_id: str, prompt: str, options: Sequence[str], points: float = 1
    ) -> Question:
        """Show a one-answer question (radio buttons); the answer is the option string."""
        return self._add(question_id, prompt, "single", options, points)

    def multiple_choice(
        self, question_id: str, prompt: str, options: Sequence[str], points: float = 1
    ) -> Question:
        """Show a select-all-that-apply question (check boxes); the answer is a sorted list.

        Unticking every box removes the answer (the question counts as unanswered).
        """
        return self._add(question_id, prompt, "multiple", options, points)

    def text(self, question_id: str, prompt: str, points: float = 1) -> Question:
        """Show a short-text question; the answer is the string typed (saved on Enter)."""
        return self._add(question_id, prompt, "text", None, points)

    def number(self, question_id: str, prompt: str, points: float = 1) -> Question:
        """Show a number question; the answer is a float (saved on Enter)."""
        return self._add(question_id, prompt, "number", None, points)

    # ----- progress ----------------------------------------------------------------------
    def answered(self) -> int:
        """How many of this book's questions have an answer in the file."""
        entries = self._load()
        return sum(1 for question_id in self.questions if question_id in entries)

    def total(self) -> int:
        """How many questions this book has shown so far."""
        return len(self.questions)

    def progress(self) -> Any:
        """Return a widget: questions answered out of the total in this book, kept up to date."""
        from kit.quiz.progress import ProgressView

        view = ProgressView(self)
        self._progress_views.append(view)
        return view.widget

    def _refresh_progress(self) -> None:
        for view in self._progress_views:
            view.refresh()

    def _refresh_all(self) -> None:
        for question in self.questions.values():
            question.refresh()
        self._refresh_progress()
