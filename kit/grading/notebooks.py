"""Notebooks as the grader sees them: nbgrader cell metadata, markers, deterministic files.

Cell roles follow nbgrader (``cell.metadata["nbgrader"]``, schema_version 3):

- an *answer* cell has ``solution: true`` (the student writes in it);
- a *test* cell has ``grade: true`` and ``points`` (it is run to score the notebook);
- a *locked* cell has ``locked: true`` (read-only instructions or set-up code).

>>> cell = {"cell_type": "code", "source": "x = 1", "metadata": {"nbgrader": {
...     "schema_version": 3, "grade_id": "q1-test", "grade": True, "solution": False,
...     "locked": True, "points": 2, "task": False}}}
>>> role(cell), grade_id(cell), points(cell)
('test', 'q1-test', 2.0)
>>> split_hidden("assert x\\n### BEGIN HIDDEN TESTS\\nassert x == 1\\n### END HIDDEN TESTS\\n")
('assert x\\n', 'assert x == 1\\n', '')
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from kit.errors import NotebookReadError

BEGIN_SOLUTION = "### BEGIN SOLUTION"
END_SOLUTION = "### END SOLUTION"
BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"
MARKERS = (BEGIN_SOLUTION, END_SOLUTION, BEGIN_HIDDEN, END_HIDDEN)
CODE_STUB = "# YOUR ANSWER HERE"
TEXT_STUB = "YOUR ANSWER HERE"
NBFORMAT_MINOR = 5
GRADE_ID = re.compile(r"[A-Za-z0-9_-]+")

#: Notebook metadata kept in released notebooks; everything else is editor or kernel noise.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python"}
#: Cell metadata keys kept in released notebooks.
KEPT_CELL_METADATA = ("nbgrader", "editable", "deletable", "tags", "slideshow")
#: nbgrader metadata keys kept in released notebooks (nbgrader adds checksum and cell_type).
KEPT_NBGRADER_KEYS = ("schema_version", "grade_id", "locked", "solution", "grade", "task", "points")


def read_notebook(path: str | Path) -> Any:
    """Read a notebook as nbformat 4 (an nbformat 3 file is converted); raise NotebookReadError.

    >>> read_notebook("no/such.ipynb")
    Traceback (most recent call last):
    ...
    kit.errors.NotebookReadError: no/such.ipynb: cannot read the file (...).
    """
    import nbformat

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NotebookReadError(f"{path}: cannot read the file ({error.strerror}).") from None
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise NotebookReadError(
            f"{path}: not a valid notebook file (not JSON: {error}). Open it in JupyterLab; "
            "if it does not open, the file is damaged: hand in a fresh copy."
        ) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("nbformat"), int):
        raise NotebookReadError(f"{path}: JSON, but not a Jupyter notebook (no 'nbformat').")
    try:
        notebook = nbformat.reads(json.dumps(raw), as_version=4)
    except Exception as error:  # nbformat raises many kinds for malformed files
        raise NotebookReadError(f"{path}: not a valid notebook ({error}).") from None
    if not isinstance(notebook.get("cells"), list):
        raise NotebookReadError(f"{path}: the notebook has no list of cells.")
    return notebook


def notebook_bytes(notebook: Any) -> bytes:
    """Serialize a notebook deterministically: sorted keys, indent 1, nbformat 4.5, newline."""
    import nbformat

    notebook.nbformat, notebook.nbformat_minor = 4, NBFORMAT_MINOR
    return (nbformat.writes(notebook, version=4) + "\n").encode("utf-8")


def nbgrader_metadata(cell: Any) -> dict:
    """The cell's nbgrader metadata ({} when it has none or it is not a mapping)."""
    value = cell.get("metadata", {}).get("nbgrader", {})
    return value if isinstance(value, dict) else {}


def grade_id(cell: Any) -> str | None:
    """The cell's nbgrader grade_id, or None."""
    value = nbgrader_metadata(cell).get("grade_id")
    return value if isinstance(value, str) and value else None


def role(cell: Any) -> str:
    """'test', 'answer', 'locked' or 'free' (a cell without nbgrader metadata)."""
    meta = nbgrader_metadata(cell)
    if meta.get("grade") and not meta.get("solution"):
        return "test"
    if meta.get("solution"):
        return "answer"
    if meta.get("locked"):
        return "locked"
    return "free"


def points(cell: Any) -> float:
    """The points of a test cell (0.0 when absent or not a number)."""
    value = nbgrader_metadata(cell).get("points")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0.0
    return float(value)


def source_text(cell: Any) -> str:
    """The cell's source as one string (nbformat may store it as a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def marker_lines(source: str) -> list[tuple[int, str]]:
    """(line number from 1, marker) for every marker line in a cell source."""
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        stripped = line.strip()
        for marker in MARKERS:
            if stripped == marker:
                found.append((number, marker))
    return found


def split_hidden(source: str) -> tuple[str, str, str]:
    """Split a test cell into (visible part before, hidden part, visible part after).

    The marker lines belong to no part. Without markers, everything is in the first part.
    """
    lines = source.splitlines(keepends=True)
    before, hidden, after = [], [], []
    state = "before"
    for line in lines:
        stripped = line.strip()
        if stripped == BEGIN_HIDDEN and state == "before":
            state = "hidden"
        elif stripped == END_HIDDEN and state == "hidden":
            state = "after"
        else:
            {"before": before, "hidden": hidden, "after": after}[state].append(line)
    return "".join(before), "".join(hidden), "".join(after)


def remove_hidden(source: str) -> str:
    """The test cell as students see it: hidden regions and their markers removed.

    >>> remove_hidden("a\\n### BEGIN HIDDEN TESTS\\nb\\n### END HIDDEN TESTS\\nc")
    'a\\nc'
    """
    kept, hidden = [], False
    for line in source.splitlines(keepends=True):
        stripped = line.strip()
        if stripped == BEGIN_HIDDEN:
            hidden = True
        elif stripped == END_HIDDEN and hidden:
            hidden = False
        elif not hidden:
            kept.append(line)
    return "".join(kept)


def clear_solutions(source: str, cell_type: str) -> str:
    """An answer cell as students see it: each solution region replaced by the stub.

    Like nbgrader, an answer cell without markers becomes the stub as a whole.

    >>> code = "x = 1\\n    ### BEGIN SOLUTION\\n    y = 2\\n    ### END SOLUTION\\n"
    >>> clear_solutions(code, "code")
    'x = 1\\n    # YOUR ANSWER HERE\\n'
    >>> clear_solutions("The answer is 4.", "markdown")
    'YOUR ANSWER HERE'
    """
    stub = CODE_STUB if cell_type == "code" else TEXT_STUB
    if not any(marker == BEGIN_SOLUTION for _, marker in marker_lines(source)):
        return stub
    kept, inside = [], False
    for line in source.splitlines(keepends=True):
        stripped = line.strip()
        if stripped == BEGIN_SOLUTION and not inside:
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            kept.append(indent + stub + "\n")
        elif stripped == END_SOLUTION and inside:
            inside = False
        elif not inside:
            kept.append(line)
    return "".join(kept).rstrip("\n") + ("\n" if source.endswith("\n") else "")


def lock(cell: Any) -> None:
    """Make JupyterLab protect a cell: not editable, not deletable."""
    cell.metadata["editable"] = False
    cell.metadata["deletable"] = False


#: The cell tag with which JupyterLab's Run All (and nbclient) go on past a cell's error.
CONTINUE_TAG = "raises-exception"


def continue_past_failure(cell: Any) -> None:
    """Tag a test cell so that Run All goes on when it fails.

    An unanswered question fails its visible test; without the tag, Run All would stop there
    and the widgets of the later questions would never appear.
    """
    tags = list(cell.metadata.get("tags", []))
    if CONTINUE_TAG not in tags:
        cell.metadata["tags"] = [*tags, CONTINUE_TAG]
