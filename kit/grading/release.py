"""``release``: write the student versions (exercises/) of the instructor notebooks (solutions/).

For each ``solutions/exN_topic.ipynb``: solution regions become ``# YOUR ANSWER HERE``, hidden
tests go, outputs and execution counts are cleared, locked and test cells are protected
(``editable``/``deletable`` false), test cells are tagged ``raises-exception`` so that Run All
goes past an unanswered question, and only the metadata a student needs is kept. The output is
deterministic, so releasing twice gives byte-identical files and ``release --check`` can tell
when exercises/ is stale.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.fileio import write_atomic
from kit.grading import notebooks as nbs


def source_notebooks(source_dir: str | Path) -> list[Path]:
    """The assignment notebooks of a source folder, sorted (hidden files skipped)."""
    folder = Path(source_dir)
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))


def _cell_id(cell: Any, index: int, used: set[str]) -> str:
    """A stable cell id: the source's own, else one derived from grade_id or position."""
    candidate = cell.get("id") or nbs.grade_id(cell) or f"cell-{index}"
    candidate = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in candidate)[:64]
    if candidate in used:
        candidate = f"{candidate[:50]}-{hashlib.sha1(str(index).encode()).hexdigest()[:8]}"
    used.add(candidate)
    return candidate


def clean_cell_metadata(cell: Any) -> None:
    """Keep only the cell metadata a student needs; trim nbgrader's to the schema fields."""
    metadata = {k: v for k, v in cell.get("metadata", {}).items() if k in nbs.KEPT_CELL_METADATA}
    if "nbgrader" in metadata:
        meta = nbs.nbgrader_metadata(cell)
        metadata["nbgrader"] = {k: v for k, v in meta.items() if k in nbs.KEPT_NBGRADER_KEYS}
    cell["metadata"] = metadata


def grading_template(source: Any) -> Any:
    """The source notebook as the grader restores it: answers stubbed, hidden tests KEPT."""
    import nbformat

    notebook = copy.deepcopy(source)
    used: set[str] = set()
    for index, cell in enumerate(notebook.cells):
        clean_cell_metadata(cell)
        cell["id"] = _cell_id(cell, index, used)
        cell_role = nbs.role(cell)
        if cell_role == "answer":
            cell.source = nbs.clear_solutions(nbs.source_text(cell), cell.cell_type)
        elif cell_role in ("test", "locked"):
            nbs.lock(cell)
            if cell_role == "test":
                nbs.continue_past_failure(cell)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        if isinstance(cell.get("source"), list):
            cell.source = nbs.source_text(cell)
    notebook.metadata = nbformat.from_dict(
        {"kernelspec": dict(nbs.KERNELSPEC), "language_info": dict(nbs.LANGUAGE_INFO)}
    )
    return notebook


def release_notebook(source: Any) -> Any:
    """The student version of a source notebook (a new object; the source is not changed)."""
    notebook = grading_template(source)
    for cell in notebook.cells:
        if nbs.role(cell) == "test":
            cell.source = nbs.remove_hidden(nbs.source_text(cell))
    return notebook


@dataclass
class ReleaseResult:
    """What ``release`` did or (with check) would do."""

    written: list[Path]
    unchanged: list[Path]
    stale: list[str]  # one line per difference, naming the file (check only)
    removed: list[Path]
    extra: list[Path]  # notebooks in dest_dir without a source


def release(
    source_dir: str | Path = "solutions", dest_dir: str | Path = "exercises", check: bool = False
) -> ReleaseResult:
    """Release every notebook of source_dir into dest_dir; with check, only compare.

    Also removes ``*.answers.json`` files from dest_dir (answers saved while trying the
    exercises must not be shipped). Raises NotebookReadError naming a source that cannot be read.
    """
    source_dir, dest_dir = Path(source_dir), Path(dest_dir)
    result = ReleaseResult([], [], [], [], [])
    expected: dict[str, bytes] = {}
    for path in source_notebooks(source_dir):
        expected[path.name] = nbs.notebook_bytes(release_notebook(nbs.read_notebook(path)))
    for name, data in expected.items():
        target = dest_dir / name
        current = target.read_bytes() if target.is_file() else None
        if current == data:
            result.unchanged.append(target)
        elif check:
            why = "is missing" if current is None else "differs from its source"
            result.stale.append(f"{target} {why} ({source_dir / name}); run: python -m kit release")
        else:
            dest_dir.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
            result.written.append(target)
    result.extra = sorted(p for p in dest_dir.glob("*.ipynb") if p.name not in expected)
    answers = sorted(dest_dir.glob("*.answers.json")) if dest_dir.is_dir() else []
    if check:
        result.stale += [
            f"{path} has no source in {source_dir}; delete it or add its source notebook"
            for path in result.extra
        ]
    for path in answers:
        if check:
            result.stale.append(f"{path} holds saved answers and must not be released; delete it")
        else:
            path.unlink()
            result.removed.append(path)
    return result
