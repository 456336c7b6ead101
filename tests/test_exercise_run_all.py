"""A student who opens a fresh exercise and chooses Run All sees every question.

Unanswered questions fail their visible tests; the released test cells carry the
``raises-exception`` tag, which JupyterLab's Run All and nbclient both honour, so execution
goes on and every widget below appears.
"""

from __future__ import annotations

import shutil

import nbformat
import pytest

from kit.grading import notebooks as nbs
from tests.conftest import REPO, execute_notebook

EXERCISES = sorted((REPO / "exercises").glob("*.ipynb"))


def test_every_released_test_cell_lets_run_all_go_on():
    if not EXERCISES:
        pytest.skip("exercises/ holds no released notebook yet")
    for path in EXERCISES:
        notebook = nbformat.read(path, as_version=4)
        tests = [cell for cell in notebook.cells if nbs.role(cell) == "test"]
        assert tests, f"{path.name} has no test cell"
        for cell in tests:
            assert nbs.CONTINUE_TAG in cell.metadata.get("tags", []), (
                path.name,
                nbs.grade_id(cell),
            )


@pytest.mark.notebook
def test_run_all_on_an_untouched_exercise_reaches_the_last_cell(tmp_path):
    if not EXERCISES:
        pytest.skip("exercises/ holds no released notebook yet")
    path = shutil.copy(EXERCISES[0], tmp_path)
    notebook = nbformat.read(path, as_version=4)
    # an untagged failing cell would raise and stop here, as Run All would
    execute_notebook(notebook, tmp_path)
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code_cells)
    failed = [
        nbs.grade_id(c) for c in code_cells if any(o.output_type == "error" for o in c.outputs)
    ]
    assert failed and all(nbs.role(c) == "test" for c in code_cells if nbs.grade_id(c) in failed)
    widgets = [
        c
        for c in code_cells
        if any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in c.outputs)
    ]
    assert len(widgets) >= 3, "the quiz widgets below the first question did not appear"
