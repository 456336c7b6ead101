"""One HTML feedback page per student: per notebook the score and what went wrong.

Only what the student may see is written: the names and points of the test cells, the error
message of a failing *visible* test, and "a hidden test failed" for hidden ones. The source of
test cells is never copied into the page, and neither is any hidden test's message.
"""

from __future__ import annotations

from html import escape
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

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; color: #222; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
td, th { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }
.passed { color: #14632b; } .failed { color: #9b1c1c; }
"""


def _number(value: float) -> str:
    return f"{value:g}"


def _notebook_section(result: dict) -> str:
    score, maximum = result.get("score", 0), result.get("max_score", 0)
    status = result.get("status", "")
    parts = [
        f"<h2>{escape(result.get('notebook', ''))}: {_number(score)} / {_number(maximum)}</h2>",
        f"<p>Status: <strong>{escape(status)}</strong> ({escape(STATUS_TEXT.get(status, ''))})"
        + (f"<br>{escape(result['detail'])}" if result.get("detail") else "")
        + "</p>",
    ]
    tests = result.get("tests", [])
    if tests:
        rows = []
        for test in tests:
            passed = test["outcome"] == "passed"
            text = OUTCOME_TEXT.get(test["outcome"], test["outcome"])
            shown = ("failed-visible", "not-run", "graded-by-hand")  # with their message
            if test["outcome"] in shown and test.get("message"):
                text += f": {test['message']}"
            rows.append(
                f'<tr class="{"passed" if passed else "failed"}"><td>{escape(test["grade_id"])}'
                f"</td><td>{_number(test['score'])} / {_number(test['points'])}</td>"
                f"<td>{escape(text)}</td></tr>"
            )
        parts.append(
            "<table><thead><tr><th>test</th><th>points</th><th>result</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    return "\n".join(parts)


def feedback_html(student: str, results: list[dict]) -> str:
    """The feedback page of one student from the result records of their notebooks."""
    total = sum(r.get("score", 0) for r in results)
    maximum = sum(r.get("max_score", 0) for r in results)
    sections = "\n".join(_notebook_section(r) for r in sorted(results, key=lambda r: r["notebook"]))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Feedback: {escape(student)}</title><style>{STYLE}</style></head><body>\n"
        f"<h1>Feedback for {escape(student)}</h1>\n"
        f"<p>Total: <strong>{_number(total)} / {_number(maximum)}</strong></p>\n"
        f"{sections}\n</body></html>\n"
    )


def write_feedback(path: Path, student: str, results: list[dict]) -> None:
    """Write the feedback page atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, feedback_html(student, results))
