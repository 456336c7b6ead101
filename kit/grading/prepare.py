"""A student's notebook made ready for grading: locked and test cells restored from the source.

Every locked cell and every test cell comes back from the source by grade_id, so editing or
deleting a test earns nothing: an edited cell is replaced, a deleted one is put back where the
source has it (after the nearest earlier cell with a grade_id that is still there). Test cells
come back WITH their hidden tests. The student's answer cells and own extra cells stay as they
are; a student cell that claims a grade_id the source does not protect counts for nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kit.grading import notebooks as nbs


@dataclass
class Step:
    """One code cell to run: its position, role, and for test cells the grading details."""

    index: int
    role: str
    source: str
    grade_id: str | None = None
    points: float = 0.0
    parts: tuple[str, str, str] = ("", "", "")  # test cells: visible, hidden, visible-after


@dataclass
class Plan:
    """What to run for one notebook, and what the restoration found."""

    steps: list[Step]
    edited: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    @property
    def max_score(self) -> float:
        """Total points of the test cells."""
        return sum(step.points for step in self.steps if step.role == "test")


def restore(template: Any, student: Any) -> tuple[list[Any], list[str], list[str]]:
    """(cells, edited grade_ids, deleted grade_ids) of student with protected cells restored."""
    protected = {
        nbs.grade_id(cell): cell
        for cell in template.cells
        if nbs.role(cell) in ("test", "locked") and nbs.grade_id(cell)
    }
    released = {
        gid: nbs.remove_hidden(nbs.source_text(cell)) if nbs.role(cell) == "test" else None
        for gid, cell in protected.items()
    }
    cells: list[Any] = []
    edited: list[str] = []
    for cell in student.cells:
        gid = nbs.grade_id(cell)
        if gid in protected:
            if any(nbs.grade_id(kept) == gid for kept in cells):
                continue  # a duplicate of a protected cell: only the restored one runs
            original = protected[gid]
            accepted = {nbs.source_text(original).strip()}
            if released[gid] is not None:
                accepted.add(released[gid].strip())
            if nbs.source_text(cell).strip() not in accepted:
                edited.append(gid)
            cells.append(original)
        elif nbs.role(cell) in ("test", "locked"):
            plain = dict(cell)
            plain["metadata"] = {}
            cells.append(plain)  # claims to be protected but is not in the source: just code
        else:
            cells.append(cell)
    deleted: list[str] = []
    present = {nbs.grade_id(cell) for cell in cells if nbs.grade_id(cell)}
    for position, cell in enumerate(template.cells):
        gid = nbs.grade_id(cell)
        if gid not in protected or gid in present:
            continue
        deleted.append(gid)
        insert_at = 0
        for earlier in reversed(template.cells[:position]):
            anchor = nbs.grade_id(earlier)
            found = [i for i, kept in enumerate(cells) if anchor and nbs.grade_id(kept) == anchor]
            if found:
                insert_at = found[0] + 1
                break
        cells.insert(insert_at, cell)
        present.add(gid)
    return cells, edited, deleted


def plan_from_cells(cells: list[Any]) -> list[Step]:
    """The code cells to run, in order, with the test cells split at their hidden region."""
    steps = []
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        source = nbs.source_text(cell)
        cell_role = nbs.role(cell)
        if cell_role == "test":
            steps.append(
                Step(
                    index,
                    "test",
                    source,
                    nbs.grade_id(cell),
                    nbs.points(cell),
                    nbs.split_hidden(source),
                )
            )
        else:
            steps.append(Step(index, cell_role, source, nbs.grade_id(cell)))
    return steps


def grading_plan(template: Any, student: Any) -> Plan:
    """The plan to grade student's notebook against the grading template of its source."""
    cells, edited, deleted = restore(template, student)
    return Plan(plan_from_cells(cells), edited, deleted)


def student_plan(notebook: Any) -> Plan:
    """The plan to check a notebook on its own (``validate``): its cells as they are."""
    return Plan(plan_from_cells(notebook.cells))
