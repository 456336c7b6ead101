"""The quiz fixture notebook run headless by a real kernel (nbclient), as a grader runs it.

No frontend: widgets are displayed to nobody, nothing may wait for a browser, and the test
cells must see the answers file the student handed in.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tests.browser.notebooks import QUIZ_BOOK, QUIZ_SOURCE, grade_folder, write_student_notebook

pytestmark = pytest.mark.notebook

HANDED_IN = {
    "format": "kit-answers/1",
    "book": QUIZ_BOOK,
    "answers": {
        "q1": {"value": "004", "saved": "2026-01-01T10:00:00+00:00"},
        "q2": {"value": ["United Country", "therapy"], "saved": "2026-01-01T10:00:00+00:00"},
        "q3": {"value": " Clampdown", "saved": "2026-01-01T10:00:00+00:00"},
        "q4": {"value": 2.0, "saved": "2026-01-01T10:00:00+00:00"},  # wrong: textstat says 1
    },
}


def widget_states(notebook) -> list[dict]:
    state = notebook.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    return [model["state"] for model in state.values()]


def test_the_solution_notebook_records_every_answer_and_scores_full_marks(tmp_path):
    shutil.copy(QUIZ_SOURCE, tmp_path)
    grade = grade_folder(tmp_path)
    assert grade.failed == {}
    assert (grade.score, grade.max_score) == (5, 5)
    answers = json.loads((tmp_path / f"{QUIZ_BOOK}.answers.json").read_text())["answers"]
    assert answers["q2"]["value"] == ["United Country", "therapy"]
    assert answers["q4"]["value"] == 1.0


def test_an_untouched_exercise_runs_without_a_frontend_and_scores_zero(tmp_path):
    write_student_notebook(tmp_path)
    grade = grade_folder(tmp_path)
    assert grade.score == 0 and grade.max_score == 5
    assert grade.failed["q1-test"] == "AssertionError: Answer q1 with the widget above."
    assert not (tmp_path / f"{QUIZ_BOOK}.answers.json").exists()
    question_cells = [cell for cell in grade.notebook.cells if "book." in cell.source]
    for cell in question_cells:  # every question and the progress bar displayed a widget
        kinds = [output["output_type"] for output in cell.outputs]
        assert kinds and set(kinds) <= {"display_data", "execute_result"}, cell.source
        assert "application/vnd.jupyter.widget-view+json" in cell.outputs[0]["data"]


def test_handed_in_answers_are_restored_in_the_widgets_and_graded(tmp_path):
    write_student_notebook(tmp_path)
    path = tmp_path / f"{QUIZ_BOOK}.answers.json"
    path.write_text(json.dumps(HANDED_IN), encoding="utf-8")
    before = path.read_bytes()
    grade = grade_folder(tmp_path)
    assert (grade.score, grade.max_score) == (4, 5)
    assert list(grade.failed) == ["q4-test"]
    assert path.read_bytes() == before  # re-running only reads the file
    states = widget_states(grade.notebook)
    radios = [s for s in states if s.get("_model_name") == "RadioButtonsModel"]
    assert radios[0]["index"] == 2  # "004" selected again
    ticked = [
        s["description"]
        for s in states
        if s.get("_model_name") == "CheckboxModel" and s.get("value")
    ]
    assert sorted(ticked) == ["United Country", "therapy"]
    texts = [s["value"] for s in states if s.get("_model_name") == "TextModel"]
    assert " Clampdown" in texts and "2" in texts
    statuses = " ".join(s.get("value", "") for s in states if s.get("_model_name") == "HTMLModel")
    assert "✔ Saved: 004" in statuses and "4 of 4 questions answered" in statuses


def test_a_damaged_answers_file_is_reported_and_kept(tmp_path):
    notebook_path = write_student_notebook(tmp_path)
    path = tmp_path / f"{QUIZ_BOOK}.answers.json"
    path.write_text('{"format": "kit-answers/1", "answers": {', encoding="utf-8")
    grade = grade_folder(tmp_path)
    assert grade.score == 0
    assert all("AnswersFileError" in error for error in grade.failed.values())
    assert f"{QUIZ_BOOK}.answers.json is damaged" in grade.failed["q1-test"]
    setup = next(cell for cell in grade.notebook.cells if "AnswerBook(" in cell.source)
    warning = "".join(o.get("text", "") for o in setup.outputs if o["output_type"] == "stream")
    assert "AnswersFileWarning" in warning and "start_fresh" in warning
    assert path.read_text(encoding="utf-8") == '{"format": "kit-answers/1", "answers": {'
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([notebook_path.name, path.name])
