"""`kit grade` on a class of attackers with innocent neighbours, with and without bubblewrap.

Every innocent scores what the solution earns (4 of 4, ok); every attacker gets a status that
names what it did and never points under an ordinary status; no process an attacker started
survives the run. Without the sandbox the tripwire flags every read of the key.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import psutil
import pytest

from kit.grading.grade import Settings, grade_class, summary
from kit.grading.sandbox import bwrap_path
from tests.files.grading.build import EX1, SOURCE
from tests.files.grading.hostile import (
    ATTACKS,
    CLASS_FILE,
    INNOCENTS,
    MARKER,
    make_hostile_class,
)

pytestmark = pytest.mark.slow
MODES = ["no-sandbox", "bwrap"]


def _survivors() -> list[str]:
    found = []
    for process in psutil.process_iter(["cmdline"]):
        if any(MARKER in part for part in process.info["cmdline"] or ()):
            found.append(f"{process.pid}: {' '.join(process.info['cmdline'])}")
    return found


@pytest.fixture(scope="module", params=MODES)
def graded(request, tmp_path_factory):
    """(mode, rows by student, summary text) of one run over the hostile class."""
    mode = request.param
    if mode == "bwrap" and bwrap_path() is None:
        pytest.skip("bubblewrap (bwrap) is missing or cannot create a sandbox here")
    root = tmp_path_factory.mktemp(f"hostile-{mode}")
    submissions = make_hostile_class(root / "submitted")
    settings = Settings(timeout=10.0, sandbox=mode == "bwrap")
    result = grade_class(
        submissions, root / "out", SOURCE, settings, jobs=2, progress=False, only=("ex1_demo",)
    )
    rows = {row["student"]: row for row in result.rows if row["notebook"] == EX1}
    folders = [
        p.name
        for p in Path(tempfile.gettempdir()).glob("kit-*")
        if (p / CLASS_FILE).is_file() and (p / CLASS_FILE).read_text() == str(submissions)
    ]
    return mode, rows, summary(result, root / "out", 2), _survivors(), folders


@pytest.mark.parametrize("student", INNOCENTS)
def test_every_innocent_scores_what_the_solution_earns(graded, student):
    _, rows, _, _, _ = graded
    row = rows[student]
    assert (row["score"], row["max_score"], row["status"]) == (4, 4, "ok"), row["detail"]


@pytest.mark.parametrize("student", sorted(ATTACKS))
def test_every_attacker_gets_a_specific_status_and_no_unflagged_points(graded, student):
    _, rows, _, _, _ = graded
    row = rows[student]
    assert row["status"] not in ("ok", "cell-errors", "grader-error"), row
    if row["score"] > 0:
        assert row["status"] == "flagged", row


def test_no_student_process_survives(graded):
    assert graded[3] == []


def test_no_private_folder_is_left_behind(graded):
    assert graded[4] == []


def test_the_thieves_are_flagged_and_listed(graded):
    mode, rows, text, _, _ = graded
    assert "flagged:" in rows["i-thief-knownpath"]["detail"]
    assert str(SOURCE / EX1) in rows["i-thief-knownpath"]["detail"]
    assert rows["g-thief-kitpath"]["status"] == "flagged", rows["g-thief-kitpath"]
    for student in ("g-thief-kitpath", "i-thief-knownpath", "e-detached"):
        assert f"{student}/{EX1}: flagged" in text
    assert "detected, not prevented" in text
    if mode == "no-sandbox":
        assert "NO SANDBOX" in text and "does not prevent" in text
        # the private copy of the kit leaves nothing beside it: the kit-path thief gets 0
        assert rows["g-thief-kitpath"]["score"] == 0


def test_a_worker_killed_by_a_notebook_costs_only_that_notebook(graded):
    mode, rows, _, _, _ = graded
    row = rows["k-killworker"]
    if mode == "no-sandbox":
        assert (row["status"], row["score"]) == ("grader-killed", 0), row
    else:  # in its own process namespace the kernel cannot see the worker
        assert row["status"] == "flagged" and "signalled os.kill" in row["detail"], row
