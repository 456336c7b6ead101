"""``check-source``: find mistakes in the instructor notebooks before they reach students.

Each problem names the notebook, the cell index (from 0, as nbformat counts) and the grade_id,
and says what to change. The rules are those of nbgrader (schema_version 3) plus the kit's:
answer-book names must match the notebook name, test cells must be locked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.grading import notebooks as nbs

_BOOK_CALL = re.compile(r"""(?:AnswerBook|recorded_answer)\(\s*["']([^"']+)["']""")
_FLAGS = ("locked", "solution", "grade")


@dataclass(frozen=True)
class Problem:
    """One mistake in a source notebook."""

    notebook: str
    cell: int | None
    grade_id: str | None
    message: str

    def __str__(self) -> str:
        where = self.notebook
        if self.cell is not None:
            where += f", cell {self.cell}"
        if self.grade_id:
            where += f" ({self.grade_id})"
        return f"{where}: {self.message}"


def _marker_problems(cell: Any, cell_role: str) -> list[str]:
    found = nbs.marker_lines(nbs.source_text(cell))
    messages = []
    for pair, allowed in (
        ((nbs.BEGIN_SOLUTION, nbs.END_SOLUTION), "answer"),
        ((nbs.BEGIN_HIDDEN, nbs.END_HIDDEN), "test"),
    ):
        lines = [(number, marker) for number, marker in found if marker in pair]
        if lines and cell_role != allowed:
            kind = "an answer cell (solution: true)" if allowed == "answer" else "a test cell"
            messages.append(
                f"'{pair[0]}' markers (line {lines[0][0]}) belong only in {kind}; this cell is "
                f"{'a ' + cell_role if cell_role != 'free' else 'not an nbgrader'} cell"
            )
            continue
        depth = 0
        for number, marker in lines:
            depth += 1 if marker == pair[0] else -1
            if depth not in (0, 1):
                problem = "is nested" if depth > 1 else "has no matching begin"
                messages.append(f"'{marker}' at line {number} {problem}")
                break
        else:
            if depth:
                messages.append(f"'{pair[0]}' has no matching '{pair[1]}'")
    return messages


def _metadata_problems(cell: Any) -> list[str]:
    meta = nbs.nbgrader_metadata(cell)
    messages = []
    if meta.get("schema_version") != 3:
        messages.append(f"nbgrader schema_version is {meta.get('schema_version')!r}; set it to 3")
    identifier = meta.get("grade_id")
    if not isinstance(identifier, str) or not nbs.GRADE_ID.fullmatch(identifier):
        messages.append(
            f"grade_id {identifier!r} is missing or invalid; use letters, digits, '-' and '_'"
        )
    for flag in _FLAGS:
        if not isinstance(meta.get(flag), bool):
            messages.append(f"nbgrader flag '{flag}' must be true or false")
    cell_role = nbs.role(cell)
    has_points = "points" in meta
    if meta.get("grade") and meta.get("solution") and cell.get("cell_type") != "markdown":
        messages.append(  # markdown ones are written answers: kit.grading.manual
            "a code cell with both solution and grade true is graded by hand in nbgrader; the "
            "kit grades code automatically: make it an answer cell and add a test cell"
        )
    if cell_role == "test":
        value = meta.get("points")
        if not has_points:
            messages.append('test cell has no points; add e.g. "points": 1')
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            messages.append(f"points {value!r} must be a number >= 0")
        if meta.get("locked") is not True:
            messages.append('test cell must be locked ("locked": true)')
        if cell.get("cell_type") != "code":
            messages.append("a test cell must be a code cell")
    elif has_points and not meta.get("grade"):
        messages.append("points only belong on test cells (grade: true); remove them")
    if cell_role == "answer" and meta.get("locked"):
        messages.append('an answer cell cannot be locked; set "locked": false')
    return messages


def check_notebook(path: str | Path) -> list[Problem]:
    """All problems of one source notebook (an empty list when it is fine)."""
    path = Path(path)
    name = path.name
    try:
        notebook = nbs.read_notebook(path)
    except nbs.NotebookReadError as error:
        return [Problem(name, None, None, str(error))]
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    test_cells = 0
    for index, cell in enumerate(notebook.cells):
        identifier = nbs.grade_id(cell)
        cell_role = nbs.role(cell)
        messages = []
        if "nbgrader" in cell.get("metadata", {}):
            messages += _metadata_problems(cell)
        messages += _marker_problems(cell, cell_role)
        if identifier and "nbgrader" in cell.metadata:
            if identifier in seen:
                messages.append(f"grade_id also used by cell {seen[identifier]}; make it unique")
            else:
                seen[identifier] = index
        if cell_role == "test":
            test_cells += 1
        for book in _BOOK_CALL.findall(nbs.source_text(cell)):
            if book != path.stem:
                messages.append(
                    f"answer book {book!r} should be named after the notebook: {path.stem!r}"
                )
        problems += [Problem(name, index, identifier, message) for message in messages]
    if not test_cells:
        problems.append(Problem(name, None, None, "has no test cells, so nothing can be graded"))
    return problems


def check_source(source_dir: str | Path) -> list[Problem]:
    """Problems of every notebook in source_dir (empty when all are fine)."""
    from kit.grading.release import source_notebooks

    problems: list[Problem] = []
    for path in source_notebooks(source_dir):
        problems += check_notebook(path)
    return problems
