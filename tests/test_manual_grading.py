"""Written answers graded by hand: the kit's marking sheet round trip, and real nbgrader.

A tiny assignment has one automatic question (1 point) and one written answer (an nbgrader
manually graded markdown cell, 2 points). `kit grade` must leave the 2 points pending and
list each student's answer beside the rubric in marking-sheet.csv; `kit marks merge` must add
the filled-in marks to gradebook.csv and the feedback page. nbgrader must see the same cell
as one to grade by hand, and count a manual score set through its API in the total.
"""

from __future__ import annotations

import csv

import nbformat
import pytest

from kit.grading import notebooks as nbs
from kit.grading.grade import Settings, grade_class
from kit.grading.manual import SHEET_NAME, MarkingSheetError, merge_marks
from kit.grading.release import release_notebook

RUBRIC = (
    "### Question 2 (written, 2 points, graded by hand)\n\nIs it sure?\n\n"
    "| Level | Points | The answer ... |\n|---|---|---|\n| Beginning | 0 | no evidence |\n"
    "| Emerging | 1 | some evidence |\n| Mastery | 2 | evidence and how sure |"
)


def _cell(kind, source, gid, **flags):
    make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    cell = make(source)
    meta = {"grade": False, "solution": False, "locked": False, "schema_version": 3,
            "task": False, "grade_id": gid, **flags}
    cell.metadata = {"nbgrader": meta}
    cell["id"] = gid
    return cell


def _source(folder):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {"kernelspec": dict(nbs.KERNELSPEC), "language_info": {"name": "python"}}
    notebook.cells = [
        _cell("code", "x = 0\n### BEGIN SOLUTION\nx = 4\n### END SOLUTION", "q1-answer",
              solution=True),
        _cell("code", "assert x\n### BEGIN HIDDEN TESTS\nassert x == 4\n### END HIDDEN TESTS",
              "q1-test", grade=True, locked=True, points=1),
        _cell("markdown", RUBRIC, "q2-prompt", locked=True),
        _cell("markdown", "Sure: the evidence is X.\n\n<!-- samples\nEmerging: X.\n"
              "Beginning: yes.\n-->", "q2-answer", grade=True, solution=True, points=2),
    ]
    path = folder / "hand.ipynb"
    path.write_bytes(nbs.notebook_bytes(notebook))
    return path


def _hand_in(root, source):
    answered = nbs.read_notebook(source)
    answered.cells[3].source = "I am fairly sure, because the text says X."
    released = release_notebook(nbs.read_notebook(source))
    for student, notebook in (("ana", answered), ("ben", released)):
        (root / "submitted" / student).mkdir(parents=True)
        (root / "submitted" / student / "hand.ipynb").write_bytes(nbs.notebook_bytes(notebook))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("manual")
    (root / "source").mkdir()
    source = _source(root / "source")
    _hand_in(root, source)
    result = grade_class(root / "submitted", root / "out", root / "source",
                         Settings(timeout=60), progress=False)
    return root, {r["student"]: r for r in result.rows}


def _sheet(root):
    with open(root / "out" / SHEET_NAME, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _gradebook(root):
    with open(root / "out" / "gradebook.csv", newline="", encoding="utf-8") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def test_kit_grade_leaves_the_written_points_pending(graded):
    root, rows = graded
    assert (rows["ana"]["score"], rows["ana"]["max_score"]) == (1, 1)
    sheet = {row["student"]: row for row in _sheet(root)}
    assert set(sheet) == {"ana", "ben"}
    assert sheet["ana"]["answer"] == "I am fairly sure, because the text says X."
    assert sheet["ben"]["answer"] == ""  # the untouched stub is no answer
    rubric = sheet["ana"]["rubric"]
    assert "| Mastery | 2 |" in rubric and "Beginning: yes." in rubric
    page = (root / "out" / "feedback" / "ana.html").read_text(encoding="utf-8")
    assert "not graded by hand yet" in page


def test_merged_marks_reach_the_gradebook_and_feedback(graded):
    from kit.cli import main

    root, _ = graded
    rows = _sheet(root)
    for row in rows:
        row["level"] = "Mastery" if row["student"] == "ana" else "Beginning"
        row["comment"] = "Clear evidence." if row["student"] == "ana" else ""
    with open(root / "out" / "filled.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = str(root / "out")
    assert main(["marks", "merge", str(root / "out" / "filled.csv"), "--out", out]) == 0
    book = _gradebook(root)
    assert (float(book["ana"]["score"]), float(book["ana"]["max_score"])) == (3, 3)
    assert (float(book["ben"]["score"]), float(book["ben"]["max_score"])) == (0, 3)
    page = (root / "out" / "feedback" / "ana.html").read_text(encoding="utf-8")
    assert "graded by hand: Mastery. Clear evidence" in page and "3 / 3" in page
    # a second merge with a change of mind replaces the mark, it does not add to it
    rows[0]["level"], rows[0]["score"] = "", "1"
    with open(root / "out" / "filled.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    merge_marks(root / "out" / "filled.csv", root / "out")
    assert float(_gradebook(root)["ana"]["score"]) == 2


def test_a_mark_out_of_range_names_the_row(graded, tmp_path):
    root, _ = graded
    rows = _sheet(root)
    rows[1]["level"] = "Excellent"
    bad = tmp_path / "bad.csv"
    with open(bad, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(MarkingSheetError, match="row 3.*Beginning, Emerging, Mastery"):
        merge_marks(bad, root / "out")


@pytest.mark.nbgrader
@pytest.mark.slow
def test_nbgrader_grades_the_written_answer_by_hand(tmp_path):
    from nbgrader.api import Gradebook

    from bench import nbgrader_course as course

    (tmp_path / "source").mkdir()
    source = _source(tmp_path / "source")
    root = course.make_course(tmp_path / "course", [source])
    course.generate(root, ["hand"])
    answered = nbs.read_notebook(source)
    answered.cells[3].source = "I am fairly sure, because the text says X."
    course.submit(root, "ana", nbs.notebook_bytes(answered), "hand.ipynb", {})
    course.autograde(root, ["hand"])
    with Gradebook(f"sqlite:///{root}/gradebook.db") as gradebook:
        notebook = gradebook.find_submission_notebook("hand", "hand", "ana")
        assert notebook.needs_manual_grade and notebook.score == 1 and notebook.max_score == 3
        grade = gradebook.find_grade("q2-answer", "hand", "hand", "ana")
        grade.manual_score = 2
        gradebook.db.commit()
        notebook = gradebook.find_submission_notebook("hand", "hand", "ana")
        assert notebook.score == 3  # the manual score counts in the total
