"""Every assignment in solutions/: the solution handed in scores full marks, the untouched
exercise scores 0 without crashing (one `kit grade` batch for all of them)."""

from __future__ import annotations

import pytest

from kit.grading import notebooks as nbs
from kit.grading.grade import Settings, grade_class
from kit.grading.release import release_notebook, source_notebooks
from tests.conftest import REPO

SOLUTIONS = source_notebooks(REPO / "solutions")
NAMES = [p.name for p in SOLUTIONS] or ["(none)"]


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    if not SOLUTIONS:
        pytest.skip("solutions/ has no notebooks yet")
    root = tmp_path_factory.mktemp("solutions-class")
    for student in ("solution", "untouched"):
        (root / "submitted" / student).mkdir(parents=True)
    for path in SOLUTIONS:
        (root / "submitted" / "solution" / path.name).write_bytes(path.read_bytes())
        released = nbs.notebook_bytes(release_notebook(nbs.read_notebook(path)))
        (root / "submitted" / "untouched" / path.name).write_bytes(released)
    result = grade_class(
        root / "submitted", root / "out", REPO / "solutions", Settings(timeout=60), progress=False
    )
    return {(r["student"], r["notebook"]): r for r in result.rows}


@pytest.mark.parametrize("name", NAMES)
def test_the_solution_scores_full_marks(rows, name):
    row = rows[("solution", name)]
    assert row["status"] == "ok", row["detail"]
    assert row["score"] == row["max_score"] > 0
    assert all(test["outcome"] == "passed" for test in row["tests"])


@pytest.mark.parametrize("name", NAMES)
def test_the_untouched_exercise_scores_zero_without_crashing(rows, name):
    row = rows[("untouched", name)]
    assert row["status"] in ("ok", "cell-errors"), row["detail"]
    assert row["score"] == 0 and row["max_score"] > 0
