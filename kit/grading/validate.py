"""``validate``: a student runs their notebook as the grader would, before handing it in.

Without the source the test cells cannot be restored, so the notebook runs as it is, in a copy
of its folder (its answers file included) and a fresh kernel with the grader's limits; the
report lists each test cell of the notebook with pass or fail and the error message.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from kit.grading import notebooks as nbs
from kit.grading.execute import run_plan
from kit.grading.prepare import student_plan
from kit.grading.submissions import copy_submission


def validate(
    path: str | Path, timeout: float = 30.0, memory_bytes: int = 1 << 30
) -> tuple[str, bool]:
    """(report text, True when every test cell passed) for the notebook at path."""
    path = Path(path)
    try:
        notebook = nbs.read_notebook(path)
    except nbs.NotebookReadError as error:
        return f"{error}", False
    plan = student_plan(notebook)
    if not any(step.role == "test" for step in plan.steps):
        return f"{path.name} has no test cells (is it an assignment notebook?).", False
    workdir = Path(tempfile.mkdtemp(prefix="kit-validate-"))
    try:
        copy_submission(path.parent, workdir)
        run = run_plan(plan, workdir, timeout=timeout, memory_bytes=memory_bytes, sandbox=False)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    lines = [f"{path.name}: {len(run.tests)} test cell(s)"]
    for test in run.tests:
        word = "PASS" if test.outcome == "passed" else "FAIL"
        text = f"  {word} {test.grade_id} ({test.points:g} point(s))"
        if test.outcome != "passed":
            text += f": {test.outcome}" + (f": {test.message}" if test.message else "")
        lines.append(text)
    if run.notes:
        lines.append("notes: " + "; ".join(run.notes))
    passed = all(test.outcome == "passed" for test in run.tests) and run.status in (
        "ok",
        "cell-errors",
    )
    visible = sum(1 for test in run.tests if test.outcome == "passed")
    lines.append(
        f"{visible} of {len(run.tests)} visible test cell(s) pass"
        + ("." if passed else ": fix the failing ones before handing in.")
    )
    return "\n".join(lines), passed
