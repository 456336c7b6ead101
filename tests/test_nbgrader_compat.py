"""Real nbgrader grades the kit's assignments exactly as `kit grade` does.

A temporary nbgrader course gets one assignment per notebook (the fixtures and every
solutions/*.ipynb); `nbgrader generate_assignment` and `nbgrader autograde` run as
subprocesses on three sample submissions per notebook (the solution, the untouched exercise,
a partly wrong one), and the per-notebook scores in nbgrader's gradebook must equal those of
`kit grade` on the same submitted/ folder.
"""

from __future__ import annotations

import json
import shutil

import pytest

from bench import nbgrader_course as course
from kit.grading import notebooks as nbs
from kit.grading.grade import Settings, grade_class
from kit.grading.release import release_notebook, source_notebooks
from tests.conftest import REPO
from tests.files.grading.build import answers_file

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

FIXTURES = REPO / "tests" / "files" / "grading" / "source"
SOURCES = source_notebooks(FIXTURES) + source_notebooks(REPO / "solutions")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """(course root, nbgrader scores, kit rows) for every sample submission."""
    root = course.make_course(tmp_path_factory.mktemp("nbgrader") / "course", SOURCES)
    flat = root / "flat-source"
    flat.mkdir()
    for path in SOURCES:
        shutil.copy(path, flat / path.name)
    course.generate(root, [p.stem for p in SOURCES])
    for path in SOURCES:
        exercise = nbs.notebook_bytes(release_notebook(nbs.read_notebook(path)))
        course.submit(root, "solution", path, path.name, {})
        course.submit(root, "untouched", exercise, path.name, {})
        if path.stem == "ex1_demo":  # the exercise plus a saved quiz answer: 1 point of 4
            folder = course.submit(root, "partly", exercise, path.name, {})
            answers_file(folder, {"q1": "004"})
        else:
            course.submit(root, "partly", course.partly_wrong(path), path.name, {})
    course.autograde(root, [p.stem for p in SOURCES])
    scores = course.scores(root)
    result = grade_class(
        root / "submitted", root / "kit-out", flat, Settings(timeout=60), progress=False
    )
    rows = {(r["student"], r["notebook"]): r for r in result.rows}
    return root, scores, rows


@pytest.mark.parametrize("student", ["solution", "untouched", "partly"])
def test_kit_and_nbgrader_agree_on_every_notebook(graded, student):
    _, scores, rows = graded
    for path in SOURCES:
        key = (student, path.name)
        assert key in scores, f"nbgrader did not grade {key}"
        assert float(rows[key]["score"]) == pytest.approx(scores[key]), (key, rows[key]["detail"])


def test_the_samples_discriminate(graded):
    _, scores, rows = graded
    for path in SOURCES:
        full = scores[("solution", path.name)]
        assert full == float(rows[("solution", path.name)]["max_score"]) > 0
        assert scores[("untouched", path.name)] == 0
        assert scores[("partly", path.name)] < full
    assert scores[("partly", "ex1_demo.ipynb")] == 1


def test_nbgrader_copies_the_answers_file_into_autograded(graded):
    root = graded[0]
    copied = root / "autograded" / "partly" / "ex1_demo" / "ex1_demo.answers.json"
    assert copied.is_file()
    assert json.loads(copied.read_text(encoding="utf-8"))["answers"]["q1"]["value"] == "004"
