"""`kit check-source`: each mistake in a source notebook is named with its cell and grade_id."""

from __future__ import annotations

import copy
import subprocess
import sys

import nbformat
import pytest

from kit.grading import notebooks as nbs
from kit.grading.release import source_notebooks
from kit.grading.source import check_notebook, check_source
from tests.conftest import REPO

SOURCE = REPO / "tests" / "files" / "grading" / "source"


def _cell(notebook, grade_id):
    return next(c for c in notebook.cells if nbs.grade_id(c) == grade_id)


def _set(key, value):
    def change(notebook):
        _cell(notebook, "q1-test").metadata["nbgrader"][key] = value

    return change


def _delete_points(notebook):
    del _cell(notebook, "q1-test").metadata["nbgrader"]["points"]


def _duplicate(notebook):
    _cell(notebook, "words-test").metadata["nbgrader"]["grade_id"] = "q1-test"


def _points_on_answer(notebook):
    _cell(notebook, "q1-answer").metadata["nbgrader"]["points"] = 1


def _hidden_in_answer(notebook):
    cell = _cell(notebook, "q1-answer")
    cell.source += "\n### BEGIN HIDDEN TESTS\nassert True\n### END HIDDEN TESTS"


def _solution_in_test(notebook):
    _cell(notebook, "q1-test").source += "\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION"


def _unbalanced(notebook):
    cell = _cell(notebook, "words-answer")
    cell.source = cell.source.replace("### END SOLUTION", "")


def _unbalanced_hidden(notebook):
    cell = _cell(notebook, "q1-test")
    cell.source = cell.source.replace("### END HIDDEN TESTS", "")


def _wrong_book(notebook):
    cell = _cell(notebook, "setup")
    cell.source = cell.source.replace('AnswerBook("ex1_demo")', 'AnswerBook("readability")')


MUTATIONS = {
    "schema": (_set("schema_version", 2), "q1-test", "schema_version"),
    "no-points": (_delete_points, "q1-test", "no points"),
    "bad-points": (_set("points", "two"), "q1-test", "must be a number"),
    "unlocked-test": (_set("locked", False), "q1-test", "must be locked"),
    "bad-grade-id": (_set("grade_id", "q 1"), "q 1", "grade_id"),
    "duplicate": (_duplicate, "q1-test", "also used by cell"),
    "points-on-answer": (_points_on_answer, "q1-answer", "only belong on test cells"),
    "hidden-in-answer": (_hidden_in_answer, "q1-answer", "HIDDEN TESTS"),
    "solution-in-test": (_solution_in_test, "q1-test", "BEGIN SOLUTION"),
    "unbalanced-solution": (_unbalanced, "words-answer", "no matching"),
    "unbalanced-hidden": (_unbalanced_hidden, "q1-test", "no matching"),
    "book-name": (_wrong_book, "setup", "answer book 'readability'"),
}


def test_the_fixture_sources_are_clean():
    assert check_source(SOURCE) == []


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mistake_is_reported_with_its_place(tmp_path, name):
    change, grade_id, words = MUTATIONS[name]
    notebook = nbs.read_notebook(SOURCE / "ex1_demo.ipynb")
    broken = copy.deepcopy(notebook)
    change(broken)
    path = tmp_path / "ex1_demo.ipynb"
    nbformat.write(broken, path)
    problems = check_notebook(path)
    assert problems, f"{name} was not reported"
    matching = [p for p in problems if words in p.message and p.grade_id == grade_id]
    assert matching, [str(p) for p in problems]
    text = str(matching[0])
    assert text.startswith("ex1_demo.ipynb, cell ") and f"({grade_id})" in text


def test_an_unreadable_notebook_is_a_problem_not_a_crash(tmp_path):
    (tmp_path / "ex1_bad.ipynb").write_text("{nope", encoding="utf-8")
    problems = check_source(tmp_path)
    assert len(problems) == 1 and "not JSON" in problems[0].message


def test_cli_exit_codes(tmp_path):
    def run(folder):
        return subprocess.run(
            [sys.executable, "-m", "kit", "check-source", "--source", str(folder)],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=120,
        )

    assert run(SOURCE).returncode == 0
    (tmp_path / "ex1_bad.ipynb").write_text("{nope", encoding="utf-8")
    bad = run(tmp_path)
    assert bad.returncode == 1 and "ex1_bad.ipynb" in bad.stdout
    assert run(tmp_path / "missing").returncode == 2


def test_the_repository_solutions_are_clean():
    if not source_notebooks(REPO / "solutions"):
        pytest.skip("solutions/ has no notebooks yet")
    assert [str(p) for p in check_source(REPO / "solutions")] == []
