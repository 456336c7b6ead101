"""One HTML feedback page per student: per notebook the score and what went wrong.

The page is rendered from ``templates/feedback.html`` (jinja2, autoescaped, so nothing a
student wrote can add HTML to it). Only what the student may see is written: the names and
points of the test cells, the error message of a failing *visible* test, and "a hidden test
failed" for hidden ones. The source of test cells is never copied into the page, and neither
is any hidden test's message.
"""

from __future__ import annotations

import functools
from pathlib import Path

from kit.fileio import write_atomic

#: What each row status means, for instructors (``--help``) and students (feedback).
STATUS_TEXT = {
    "ok": "graded normally",
    "cell-errors": "graded; some of your own cells raised errors",
    "timeout": "a cell ran over the time limit and was stopped",
    "memory-limit": "a cell used more memory than allowed",
    "kernel-died": "Python stopped (os._exit, exit(), a crash): later tests did not run",
    "invalid-notebook": "the notebook file could not be read",
    "missing-notebook": "the notebook was not handed in",
    "renamed-notebook": "the notebook was handed in under another name",
    "answers-unreadable": "the answers file could not be read: quiz answers count as missing",
    "flagged": "graded, but your code read or ran something outside its folder: your "
    "instructor will look at it",
    "grader-killed": "your code stopped the grader itself: not graded",
    "grader-error": "the grader itself failed on this notebook (tell your instructor)",
}

OUTCOME_TEXT = {
    "passed": "passed",
    "failed-visible": "failed",
    "failed-hidden": "a hidden test failed (hidden tests check your answer more closely)",
    "timeout": "ran over the time limit",
    "not-run": "not run",
    "pending": "written answer: not graded by hand yet",
    "graded-by-hand": "graded by hand",
}


def _number(value: float) -> str:
    return f"{value:g}"


def _outcome(test: dict) -> str:
    text = OUTCOME_TEXT.get(test["outcome"], test["outcome"])
    if test["outcome"] in ("failed-visible", "not-run", "graded-by-hand") and test.get("message"):
        text += f": {test['message']}"
    return text


@functools.lru_cache(maxsize=1)
def _template():
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("kit.grading", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["number"] = _number
    environment.filters["outcome"] = _outcome
    return environment.get_template("feedback.html")


def feedback_html(student: str, results: list[dict]) -> str:
    """The feedback page of one student from the result records of their notebooks.

    Everything a student wrote is escaped (the template autoescapes):

    >>> page = feedback_html("<b>x</b>", [{"notebook": "n.ipynb", "score": 1, "max_score": 2,
    ...     "status": "ok", "detail": "", "tests": [{"grade_id": "t", "score": 1, "points": 2,
    ...     "outcome": "failed-visible", "message": "<script>alert(1)</script>"}]}])
    >>> "<script>" in page, "&lt;script&gt;" in page, "<b>x</b>" in page
    (False, True, False)
    """
    results = [
        {"detail": "", "tests": [], **result}
        for result in sorted(results, key=lambda r: r["notebook"])
    ]
    return _template().render(
        student=student,
        results=results,
        total=sum(r.get("score", 0) for r in results),
        maximum=sum(r.get("max_score", 0) for r in results),
        status_text=STATUS_TEXT,
    )


def write_feedback(path: Path, student: str, results: list[dict]) -> None:
    """Write the feedback page atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, feedback_html(student, results))
