"""`kit grade` on a class of honest, broken and hostile submissions (one batch, reused).

The class is built by tests/files/grading/build.py; EXPECTED there gives each student's score
and status for ex1_demo (max 4: q1 quiz 1 point, count_words 2 + 1 points).
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kit.grading.grade import Settings, grade_class
from kit.grading.gradebook import COLUMNS, read_gradebook
from tests.conftest import REPO
from tests.files.grading.build import EX1, EX2, EXPECTED, SOURCE, make_class

# Seconds per cell. Only the "loop" student may reach it. The slowest honest cells (printing
# 50 MB, the first NLTK import) took up to 3.6 s on a busy 2-core machine: a 6 s limit left
# too little room and could turn an 'ok' row into 'timeout'. 30 s costs one wait, for "loop".
SETTINGS = Settings(timeout=30.0)


@pytest.fixture(scope="session")
def graded(tmp_path_factory):
    """(submissions folder, output folder, BatchResult) of one grading run of the class."""
    root = tmp_path_factory.mktemp("class")
    submissions = make_class(root / "submitted")
    out = root / "out"
    result = grade_class(submissions, out, SOURCE, SETTINGS, jobs=2, progress=False)
    return submissions, out, result


def _rows(out: Path) -> dict:
    return {(r["student"], r["notebook"]): r for r in read_gradebook(out / "gradebook.csv")}


@pytest.mark.parametrize("student", sorted(EXPECTED))
def test_each_submission_gets_its_score_and_status(graded, student):
    _, out, _ = graded
    row = _rows(out)[(student, EX1)]
    score, status = EXPECTED[student]
    assert (float(row["score"]), row["status"]) == (score, status), row["detail"]
    assert float(row["max_score"]) == 4


def test_the_gradebook_has_one_row_per_student_and_notebook(graded):
    submissions, out, result = graded
    with (out / "gradebook.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == COLUMNS
        rows = list(reader)
    students = sorted(p.name for p in submissions.iterdir())
    assert sorted({r["student"] for r in rows}) == students
    assert len(rows) == 2 * len(students) == result.graded
    assert not list(out.glob(".*.tmp")), "a temporary gradebook was left behind"


def test_details_explain_what_happened(graded):
    rows = _rows(graded[1])
    assert "q1-test" in rows[("tamper", EX1)]["detail"]
    assert "words-test" in rows[("tamper", EX1)]["detail"]
    assert "signal 11" in rows[("segfault", EX1)]["detail"]
    assert "ex1_demo-Copy1.ipynb" in rows[("renamed", EX1)]["detail"]
    assert "answers" in rows[("corrupt-answers", EX1)]["detail"]
    assert "nbformat 3" in rows[("v3", EX1)]["detail"]
    assert rows[("solution", EX2)]["status"] == "ok" and rows[("solution", EX2)]["score"] == "1"
    assert rows[("partly", EX2)]["status"] == "missing-notebook"


def test_feedback_shows_visible_failures_and_never_hidden_tests(graded):
    submissions, out, _ = graded
    pages = {p.stem: p.read_text(encoding="utf-8") for p in (out / "feedback").glob("*.html")}
    assert sorted(pages) == sorted(p.name for p in submissions.iterdir())
    assert "Answer q1 with the widget above." in pages["untouched"]
    assert "a hidden test failed" in pages["partly"]
    assert "4 / 4" in pages["solution"]
    source_text = (SOURCE / EX1).read_text(encoding="utf-8")
    assert "hidden-key-001" in source_text  # the message of a hidden assert
    for student, page in pages.items():
        for secret in (
            "hidden-key-001",
            "BEGIN HIDDEN",
            '== "004"',
            "kit.load_story()[",
            "SOLUTION",
        ):
            assert secret not in page, f"{secret!r} in the feedback of {student}"


def test_results_keep_per_test_outcomes(graded):
    record = json.loads((graded[1] / "results" / "partly" / "ex1_demo.json").read_text())
    outcomes = {t["grade_id"]: t["outcome"] for t in record["tests"]}
    assert outcomes == {
        "q1-test": "failed-hidden",
        "words-test": "passed",
        "words-test-004": "passed",
    }


def test_a_second_run_resumes_and_grades_nothing_again(graded):
    submissions, out, first = graded
    before = (out / "gradebook.csv").read_bytes()
    again = grade_class(submissions, out, SOURCE, SETTINGS, jobs=2, progress=False)
    assert (again.graded, again.skipped) == (0, first.graded)
    assert (out / "gradebook.csv").read_bytes() == before


def test_resume_regrades_only_missing_rows_and_force_regrades(tmp_path):
    submissions = tmp_path / "class"
    make_class(tmp_path / "all")
    (submissions / "solution").mkdir(parents=True)
    for path in (tmp_path / "all" / "solution").iterdir():
        (submissions / "solution" / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    first = grade_class(submissions, out, SOURCE, SETTINGS, jobs=1, progress=False)
    assert first.graded == 2
    rows = read_gradebook(out / "gradebook.csv")
    gradebook = out / "gradebook.csv"
    kept = [line for line in gradebook.read_text().splitlines() if EX2 not in line]
    gradebook.write_text("\n".join(kept) + "\n")
    resumed = grade_class(submissions, out, SOURCE, SETTINGS, jobs=1, progress=False)
    assert (resumed.graded, resumed.skipped) == (1, 1)
    assert read_gradebook(gradebook) == rows
    # a grader-error row is graded again without --force; an ok row is not
    failed = gradebook.read_text().replace(f"{EX2},1,1,ok,", f"{EX2},0,1,grader-error,boom")
    assert "grader-error" in failed
    gradebook.write_text(failed)
    retried = grade_class(submissions, out, SOURCE, SETTINGS, jobs=1, progress=False)
    assert (retried.graded, retried.skipped) == (1, 1)
    assert read_gradebook(gradebook) == rows
    forced = grade_class(submissions, out, SOURCE, SETTINGS, jobs=1, force=True, progress=False)
    assert (forced.graded, forced.skipped) == (2, 0)


def test_nbgrader_layout_is_accepted(tmp_path):
    make_class(tmp_path / "all")
    folder = tmp_path / "submitted" / "ana" / "ex1_demo"
    folder.mkdir(parents=True)
    folder.joinpath(EX1).write_bytes((tmp_path / "all" / "solution" / EX1).read_bytes())
    result = grade_class(
        tmp_path / "submitted", tmp_path / "out", SOURCE, SETTINGS, jobs=1, progress=False
    )
    row = next(r for r in result.rows if r["notebook"] == EX1)
    assert (row["score"], row["status"]) == (4.0, "ok")


def _grade_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "kit", "grade", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_exit_code_is_1_when_some_submissions_failed_and_0_when_all_graded(tmp_path, graded):
    submissions = graded[0]
    failing = _grade_cli(str(submissions), "--out", str(graded[1]), "--source", str(SOURCE))
    assert failing.returncode == 1, failing.stderr
    assert "missing-notebook" in failing.stdout and "Gradebook:" in failing.stdout
    good = tmp_path / "good" / "solution"
    good.mkdir(parents=True)
    for name in (EX1, EX2):
        good.joinpath(name).write_bytes((submissions / "solution" / name).read_bytes())
    result = _grade_cli(
        str(good.parent),
        *("--out", str(tmp_path / "o"), "--source", str(SOURCE), "--jobs", "1", "--no-sandbox"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[2/2]" in result.stderr  # the progress lines (stderr is not a terminal here)
    # without the sandbox it warns before it starts, and the summary says what that means
    assert 0 <= result.stderr.index("NO SANDBOX") < result.stderr.index("[1/2]")
    assert "does not prevent" in result.stdout and "Flagged by the tripwire" in result.stdout
    assert _grade_cli(str(tmp_path / "nope"), "--out", str(tmp_path / "o")).returncode == 2
