"""The answers file: where a graded quiz keeps a student's answers, and how graders read it.

One file per answer book, beside the notebook (the kernel's working folder):
``<book>.answers.json``, UTF-8 JSON::

    {"format": "kit-answers/1", "book": "ex1_readability",
     "answers": {"q1": {"value": "004", "saved": "2026-01-01T10:00:00+00:00"}}}

Value types: single choice -> the option string; multiple choice -> sorted list of option
strings; text -> the raw string typed; number -> float.

Every save re-reads the file, changes one entry and writes the whole file at once
(:func:`kit.fileio.write_atomic`: a temporary file in the same folder, then ``os.replace``),
so a crash never leaves half a file and two books of the same name in one kernel do not undo
each other's answers.

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> store = AnswersFile("demo", folder)
>>> store.save("q1", "004")
>>> recorded_answer("demo", "q1", folder=folder)
'004'
>>> recorded_answer("demo", "q2", folder=folder) is None
True
"""

from __future__ import annotations

import json
import os
import re
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from kit.errors import AnswersFileError, AnswersSaveError
from kit.fileio import write_atomic

ANSWERS_FORMAT = "kit-answers/1"
ANSWERS_SUFFIX = ".answers.json"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_QUESTION_ID = re.compile(r"[A-Za-z0-9_-]+")
_LOCK = threading.Lock()  # one kernel: saves from widget callbacks never interleave


def _well_formed(value: Any, pattern: re.Pattern, problem: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ValueError(f"{value!r} {problem}")
    return value


def check_book_name(name: Any) -> str:
    """Return ``name`` if it can name an answer book (and its file), else raise ValueError.

    >>> check_book_name("ex1_readability")
    'ex1_readability'
    """
    return _well_formed(
        name,
        _NAME,
        "cannot name an answer book: use letters, digits, '-', '_' or '.', "
        "starting with a letter or digit, e.g. the notebook's name 'ex1_readability'.",
    )


def check_question_id(question_id: Any) -> str:
    """Return ``question_id`` if it is a stable id (letters, digits, ``-``, ``_``).

    >>> check_question_id("q1")
    'q1'
    >>> check_question_id("q 1")
    Traceback (most recent call last):
    ...
    ValueError: 'q 1' is not a valid question id: use letters, digits, '-' or '_', e.g. 'q1'...
    """
    return _well_formed(
        question_id,
        _QUESTION_ID,
        "is not a valid question id: use letters, digits, '-' or '_', e.g. 'q1' or 'framing-2'.",
    )


def answers_path(book: str, folder: str | os.PathLike = ".") -> Path:
    """Return the path of the answers file of ``book`` in ``folder``.

    >>> answers_path("ex1_readability").name
    'ex1_readability.answers.json'
    """
    return Path(folder) / f"{check_book_name(book)}{ANSWERS_SUFFIX}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def read_answers(path: str | os.PathLike) -> dict[str, dict[str, Any]]:
    """Read an answers file and return its ``answers`` mapping (question id -> entry).

    A missing file holds no answers (``{}``). A file that cannot be read, is not JSON or is not
    in the kit's format raises :class:`AnswersFileError` naming the file and what to do.
    """
    path = Path(path)
    fix = "The file has been left as it is."
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # no such file (or no such folder)
        return {}
    except OSError as error:
        raise AnswersFileError(
            f"The answers file {path} cannot be read ({error.strerror or error}). {fix}"
        ) from error
    try:
        content = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AnswersFileError(
            f"The answers file {path} is damaged: it is not valid JSON ({error}). {fix}"
        ) from error
    if not isinstance(content, dict) or content.get("format") != ANSWERS_FORMAT:
        raise AnswersFileError(
            f"The answers file {path} is not a kit answers file (it should be a JSON object "
            f'with "format": "{ANSWERS_FORMAT}"). {fix}'
        )
    answers = content.get("answers")
    if not isinstance(answers, dict) or not all(
        isinstance(entry, dict) and "value" in entry for entry in answers.values()
    ):
        raise AnswersFileError(
            f'The answers file {path} is damaged: "answers" should map each question id to '
            f'{{"value": ..., "saved": ...}}. {fix}'
        )
    return answers


def recorded_answer(book: str, question_id: str, folder: str | os.PathLike = ".") -> Any:
    """Return the answer recorded for ``question_id`` in ``book``, or None if there is none.

    Reads the answers file fresh from disk on every call (never the kernel's memory), so a
    test cell sees exactly what the student handed in. Raises :class:`AnswersFileError` if the
    file exists but is damaged.

    >>> recorded_answer("no_such_book", "q1") is None
    True
    """
    entry = read_answers(answers_path(book, folder)).get(question_id)
    return None if entry is None else entry["value"]


class AnswersFile:
    """The answers file of one book in one folder: read entries, save or forget one answer."""

    def __init__(self, book: str, folder: str | os.PathLike = "."):
        self.book = check_book_name(book)
        self.path = answers_path(book, folder)

    def __repr__(self) -> str:
        return f"AnswersFile({str(self.path)!r})"

    def read(self) -> dict[str, dict[str, Any]]:
        """Return every entry in the file (question id -> {"value", "saved"})."""
        return read_answers(self.path)

    def save(self, question_id: str, value: Any) -> None:
        """Record ``value`` for ``question_id`` (the whole file is rewritten atomically)."""
        check_question_id(question_id)
        with _LOCK:
            answers = self.read()
            answers[question_id] = {"value": value, "saved": _now()}
            self._write(answers)

    def forget(self, question_id: str) -> None:
        """Remove the answer to ``question_id`` (the question counts as unanswered again)."""
        with _LOCK:
            answers = self.read()
            if answers.pop(question_id, None) is not None:
                self._write(answers)

    def move_aside(self) -> Path | None:
        """Rename the file to ``<name>.corrupt-<time>`` (never overwriting) and return the new path.

        Returns None when there is no file.
        """
        with _LOCK:
            if not self.path.exists():
                return None
            stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
            for number in range(1000):
                suffix = f".corrupt-{stamp}" + (f"-{number}" if number else "")
                target = self.path.with_name(self.path.name + suffix)
                if not target.exists():
                    os.rename(self.path, target)
                    return target
            raise AnswersFileError(f"Too many renamed copies of {self.path}; tidy the folder.")

    def _write(self, answers: dict[str, dict[str, Any]]) -> None:
        content = {
            "format": ANSWERS_FORMAT,
            "book": self.book,
            "answers": dict(sorted(answers.items())),
        }
        text = json.dumps(content, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, text)  # readable by all: graders copy it as other users
        except OSError as error:
            raise AnswersSaveError(self._cannot_save(error)) from error

    def _cannot_save(self, error: OSError) -> str:
        return (
            f"The answers cannot be saved to {self.path} ({error.strerror or error}). "
            "The answers already in the file are unchanged. Make sure the notebook is in a "
            "folder you can write to (e.g. copy it to your home folder) and run it again."
        )
