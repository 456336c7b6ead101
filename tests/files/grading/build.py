"""Build a class of sample submissions (honest, broken and hostile) for the grading tests.

``make_class(folder)`` writes ``folder/<student>/...`` from the fixture sources in source/;
``EXPECTED`` says what each student's ex1_demo row must show.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat

from kit.grading import notebooks as nbs
from kit.grading.release import release_notebook

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
EX1 = "ex1_demo.ipynb"
EX2 = "ex2_demo.ipynb"

GOOD_COUNT = "def count_words(version_id):\n    return len(story[version_id].words)\n"
#: What each student's ex1_demo row must show: (score, status). Max score is 4.
EXPECTED = {
    "solution": (4, "ok"),
    "untouched": (0, "cell-errors"),
    "partly": (3, "ok"),
    "loop": (1, "timeout"),
    "membomb": (1, "memory-limit"),
    "osexit": (0, "kernel-died"),
    "segfault": (0, "kernel-died"),
    "sysexit": (3, "cell-errors"),
    "errors": (0, "cell-errors"),
    "tamper": (3, "ok"),
    "monkeypatch": (3, "ok"),
    "invalidjson": (0, "invalid-notebook"),
    "v3": (4, "ok"),
    "bigoutput": (4, "ok"),
    "renamed": (4, "renamed-notebook"),
    "corrupt-answers": (3, "answers-unreadable"),
    "chmod000": (4, "ok"),
    "nothing": (0, "missing-notebook"),
}


def source(name: str = EX1):
    """A fixture source notebook."""
    return nbs.read_notebook(SOURCE / name)


def released(name: str = EX1):
    """The student version of a fixture source notebook."""
    return release_notebook(source(name))


def answer(notebook, grade_id: str, code: str):
    """Put code into the answer cell grade_id (as a student typing it) and return notebook."""
    for cell in notebook.cells:
        if nbs.grade_id(cell) == grade_id:
            cell.source = code
            return notebook
    raise KeyError(grade_id)


def answers_file(folder: Path, values: dict, book: str = "ex1_demo") -> None:
    """Write an answers file as the quiz widgets would."""
    entries = {
        key: {"value": value, "saved": "2026-01-01T00:00:00"} for key, value in values.items()
    }
    data = {"format": "kit-answers/1", "book": book, "answers": entries}
    (folder / f"{book}.answers.json").write_text(json.dumps(data), encoding="utf-8")


def _write(folder: Path, notebook, name: str = EX1) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, folder / name)


def _with(code_before: str, extra: str = ""):
    """ex1 with count_words right, code_before in the q1 answer cell, extra prepended to it."""
    notebook = answer(released(), "words-answer", GOOD_COUNT)
    return answer(notebook, "q1-answer", extra + code_before)


def make_class(folder: Path) -> Path:
    """Write every sample student into folder; return folder."""
    q1 = 'q1 = book.single_choice("q1", "Which?", ["000", "001", "004"], points=1)\n'
    students = {}
    students["solution"] = source()
    students["untouched"] = released()
    students["partly"] = _with(q1 + 'q1.answer("001")\n')
    students["loop"] = answer(
        _with(q1 + 'q1.answer("004")\n'), "words-answer", "while True:\n    pass\n"
    )
    students["membomb"] = answer(
        _with(q1 + 'q1.answer("004")\n'), "words-answer", "hog = bytearray(8 * 1024**3)\n"
    )
    students["osexit"] = _with(q1 + 'q1.answer("004")\nimport os\nos._exit(3)\n')
    students["segfault"] = _with(q1 + 'q1.answer("004")\nimport ctypes\nctypes.string_at(0)\n')
    students["sysexit"] = _with(q1 + 'q1.answer("001")\nimport sys\nsys.exit(2)\n')
    errors = released()
    for cell in errors.cells:
        if nbs.role(cell) == "answer":
            cell.source = 'raise ValueError("an error in every cell")'
    students["errors"] = errors
    tamper = _with(q1 + 'q1.answer("001")\n')
    for cell in tamper.cells:
        if nbs.grade_id(cell) == "q1-test":
            cell.source = "pass  # this test always passes now"
    tamper.cells = [c for c in tamper.cells if nbs.grade_id(c) != "words-test"]
    students["tamper"] = tamper
    students["monkeypatch"] = _with(
        q1,
        "import kit.quiz, kit.quiz.store\n"
        'kit.quiz.recorded_answer = lambda *a, **k: "004"\n'
        'kit.quiz.store.recorded_answer = lambda *a, **k: "004"\n',
    )
    students["v3"] = nbformat.convert(source(), 3)
    big = _with(q1 + 'q1.answer("004")\nprint("x" * 50_000_000)\n')
    for cell in big.cells:
        if nbs.grade_id(cell) == "q1-answer":
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="y" * 50_000_000)]
    students["bigoutput"] = big
    students["corrupt-answers"] = _with(q1)
    students["chmod000"] = _with(q1)
    for student, notebook in students.items():
        if student == "v3":
            (folder / student).mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, folder / student / EX1, version=3)
        else:
            _write(folder / student, notebook)
    (folder / "invalidjson").mkdir(parents=True)
    (folder / "invalidjson" / EX1).write_text('{"cells": [ not json', encoding="utf-8")
    _write(folder / "renamed", source(), "ex1_demo-Copy1.ipynb")
    (folder / "nothing").mkdir()
    (folder / "nothing" / "notes.txt").write_text("I forgot.\n", encoding="utf-8")
    (folder / "corrupt-answers" / "ex1_demo.answers.json").write_text("{broken", encoding="utf-8")
    answers_file(folder / "chmod000", {"q1": "004"})
    os.chmod(folder / "chmod000" / "ex1_demo.answers.json", 0)
    answers_file(folder / "monkeypatch", {})
    _write(folder / "solution", source(EX2), EX2)
    return folder
