"""Quizzes in notebooks: graded questions that persist, practice questions that give feedback.

Graded mode (exercises): an :class:`AnswerBook` shows each question as a widget and writes
every answer to ``<book>.answers.json`` beside the notebook; re-running the notebook shows
the saved answers again. Test cells read the file through :func:`recorded_answer` and compare
with :func:`text_matches` and :func:`number_close`::

    from kit.quiz import AnswerBook
    book = AnswerBook("ex1_readability")
    q1 = book.single_choice("q1", "Which version has no sentence punctuation?",
                            ["000", "001", "004"], points=1)
    book.progress()

    from kit.quiz import recorded_answer
    assert recorded_answer("ex1_readability", "q1") == "004"

Practice mode (lessons): :func:`practice` shows a question encoded by :func:`encode_practice`
(or ``python -m kit.quiz encode FILE.toml``) with a Check button and feedback per option.
See ``kit/quiz/README.md`` for the practice spec and the answers file format.

Importing this package does not import ipywidgets; building a widget does.
"""

from kit.errors import AnswersFileError, AnswersSaveError
from kit.quiz.book import AnswerBook, AnswersFileWarning
from kit.quiz.checks import normalise_text, number_close, text_matches
from kit.quiz.practice import PracticeQuestion, decode_practice, encode_practice, practice
from kit.quiz.questions import Question
from kit.quiz.store import ANSWERS_FORMAT, answers_path, recorded_answer

__all__ = [
    "ANSWERS_FORMAT",
    "AnswerBook",
    "AnswersFileError",
    "AnswersFileWarning",
    "AnswersSaveError",
    "PracticeQuestion",
    "Question",
    "answers_path",
    "decode_practice",
    "encode_practice",
    "normalise_text",
    "number_close",
    "practice",
    "recorded_answer",
    "text_matches",
]
