"""Helpers for the quiz notebook tests: make the student version, grade a folder.

``grade_folder`` is a small stand-in for the kit's grader, enough to score the quiz fixture:
it restores the source's locked cells (with the hidden tests) by grade_id into the student's
notebook, runs it with nbclient in the student's folder (where the answers file is), and gives
each test cell its points if it ran without error (nbgrader's all-or-nothing rule).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

FILES = Path(__file__).resolve().parent / "files"
QUIZ_SOURCE = FILES / "quiz_all_kinds.ipynb"
QUIZ_BOOK = "quiz_all_kinds"

_SOLUTION = re.compile(r"^[ \t]*### BEGIN SOLUTION.*?### END SOLUTION[^\n]*", re.S | re.M)
_HIDDEN = re.compile(r"\n?^[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[^\n]*", re.S | re.M)


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def student_version(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return the notebook as students get it: solutions stubbed, hidden tests removed."""
    notebook = copy.deepcopy(source)
    for cell in notebook.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution"):
            cell.source = _SOLUTION.sub("# YOUR ANSWER HERE", cell.source)
        if meta.get("grade"):
            cell.source = _HIDDEN.sub("", cell.source)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return notebook


def write_student_notebook(folder: Path, name: str = QUIZ_BOOK) -> Path:
    """Write the student version of the quiz fixture into ``folder`` and return its path."""
    path = folder / f"{name}.ipynb"
    nbformat.write(student_version(nbformat.read(QUIZ_SOURCE, as_version=4)), path)
    return path


@dataclass
class Grade:
    score: float = 0.0
    max_score: float = 0.0
    failed: dict[str, str] = field(default_factory=dict)  # grade_id -> error text
    notebook: nbformat.NotebookNode | None = None


def _error_text(cell) -> str | None:
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return f"{output.get('ename')}: {output.get('evalue')}"
    return None


def grade_folder(folder: Path, source_path: Path = QUIZ_SOURCE, timeout: int = 120) -> Grade:
    """Grade the student notebook in ``folder`` against ``source_path``; return the Grade."""
    from nbclient import NotebookClient

    source = nbformat.read(source_path, as_version=4)
    submitted = nbformat.read(folder / source_path.name, as_version=4)
    locked = {
        nbgrader_meta(cell)["grade_id"]: cell
        for cell in source.cells
        if nbgrader_meta(cell).get("locked") or nbgrader_meta(cell).get("grade")
    }
    restored = []
    for cell in submitted.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        restored.append(copy.deepcopy(locked[grade_id]) if grade_id in locked else cell)
    submitted.cells = restored
    client = NotebookClient(
        submitted,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()
    grade = Grade(notebook=submitted)
    for cell in submitted.cells:
        meta = nbgrader_meta(cell)
        if not meta.get("grade"):
            continue
        grade.max_score += meta["points"]
        error = _error_text(cell)
        if error is None:
            grade.score += meta["points"]
        else:
            grade.failed[meta["grade_id"]] = error
    return grade
