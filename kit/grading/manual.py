"""Written answers graded by hand: the marking sheet, and merging its marks back.

An open question is an nbgrader *manually graded answer* cell: a markdown cell with
``grade: true, solution: true, points: N`` in its nbgrader metadata. nbgrader's formgrader
grades it as it is. ``kit grade`` runs no test for it, so its points stay pending, and writes
``OUT/marking-sheet.csv``: one row per student and question, with the student's answer, the
rubric and the sample answers beside it. The instructor fills in ``level`` (Beginning, Emerging
or Mastery: 0, half or all of the points) or ``score``, and a ``comment``; then::

    python -m kit marks merge OUT/marking-sheet.csv --out OUT

adds the marks to ``OUT/gradebook.csv`` and to the feedback pages. Merging again (after a
change of mind) replaces the earlier marks; a new ``kit grade`` keeps the marks already in the
sheet. The rubric is the table in the question's prompt cell (students see it); the sample
answers are the solution's answer cell: its text is the Mastery sample, and an HTML comment
``<!-- samples ... -->`` in it holds the others (the released exercise replaces the whole cell).

>>> level_score("Emerging", 2.0), level_score("mastery", 3.0), level_score("", 2.0) is None
(1.0, 3.0, True)
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from kit.errors import MarkingSheetError
from kit.fileio import write_atomic
from kit.grading import notebooks as nbs
from kit.grading import submissions as subs
from kit.grading.gradebook import read_gradebook, write_all_feedback, write_gradebook

SHEET_NAME = "marking-sheet.csv"
SHEET_COLUMNS = (
    "student", "notebook", "question", "points", "level", "score", "comment", "answer", "rubric",
)
#: Rubric levels (as Civic Online Reasoning scores constructed responses) -> share of points.
LEVELS = {"beginning": 0.0, "emerging": 0.5, "mastery": 1.0}
_SAMPLES = re.compile(r"<!--\s*samples\s*(.*?)-->", re.S)



@dataclass(frozen=True)
class WrittenQuestion:
    """One hand-graded question of a source notebook."""

    notebook: str
    grade_id: str
    points: float
    rubric: str


def is_written(cell) -> bool:
    """Whether a cell is an nbgrader manually graded answer (grade and solution, not a task).

    >>> is_written({"cell_type": "markdown", "metadata": {"nbgrader": {"grade": True,
    ...     "solution": True, "points": 2, "grade_id": "q7-written"}}})
    True
    """
    meta = nbs.nbgrader_metadata(cell)
    return bool(meta.get("grade") and meta.get("solution") and not meta.get("task"))


def level_score(level: str, points: float) -> float | None:
    """The score a rubric level gives out of ``points`` (None for an empty level)."""
    if not level.strip():
        return None
    key = level.strip().lower()
    if key not in LEVELS:
        raise MarkingSheetError(
            f"{level!r} is not a rubric level; valid: Beginning, Emerging, Mastery (or leave "
            "level empty and type a score)."
        )
    return LEVELS[key] * points


def written_questions(source: Path) -> list[WrittenQuestion]:
    """The hand-graded questions of a source notebook, with rubric and sample answers."""
    notebook = nbs.read_notebook(source)
    found, previous = [], ""
    for cell in notebook.cells:
        if is_written(cell):
            text = nbs.source_text(cell)
            samples = _SAMPLES.search(text)
            mastery = _SAMPLES.sub("", text).strip()
            rubric = previous[previous.find("| Level") :] if "| Level" in previous else previous
            rubric += f"\n\nSample (Mastery): {mastery}"
            if samples:
                rubric += "\n" + samples.group(1).strip()
            gid = nbs.grade_id(cell) or "written"
            found.append(WrittenQuestion(source.name, gid, nbs.points(cell), rubric.strip()))
        elif cell.cell_type == "markdown":
            previous = nbs.source_text(cell)
    return found


def read_sheet(path: Path) -> list[dict]:
    """The rows of a marking sheet (an empty list when there is none)."""
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


def _write_csv(path: Path, rows: list[dict], columns) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_atomic(path, buffer.getvalue())


def student_answer(student_folder: Path, notebook: str, known: set[str], grade_id: str) -> str:
    """The text of the student's answer cell ``grade_id`` ('' when missing or untouched)."""
    path, _ = subs.locate(student_folder, notebook, known)
    if path is None:
        return ""
    try:
        cells = nbs.read_notebook(path).cells
    except nbs.NotebookReadError:
        return ""
    for cell in cells:
        if nbs.grade_id(cell) == grade_id:
            text = nbs.source_text(cell).strip()
            return "" if text == nbs.TEXT_STUB else text
    return ""


def write_sheet(submissions: Path, out: Path, sources: list[Path], students: list[str]) -> Path:
    """Write (or update) ``OUT/marking-sheet.csv``; marks already filled in are kept.

    Also marks the hand-graded questions as pending in each result record, so the feedback
    pages show them. Returns the sheet's path; writes nothing when no source has such a cell.
    """
    questions = [q for source in sources for q in written_questions(source)]
    sheet = Path(out) / SHEET_NAME
    if not questions:
        return sheet
    known = {source.name for source in sources}
    old = {(r["student"], r["notebook"], r["question"]): r for r in read_sheet(sheet)}
    rows = []
    for student in students:
        for question in questions:
            key = (student, question.notebook, question.grade_id)
            kept = old.pop(key, {})
            answer = student_answer(Path(submissions) / student, *key[1:2], known, key[2])
            rows.append({
                "student": student, "notebook": question.notebook, "question": question.grade_id,
                "points": f"{question.points:g}", "level": kept.get("level", ""),
                "score": kept.get("score", ""), "comment": kept.get("comment", ""),
                "answer": answer, "rubric": question.rubric,
            })
    pending = [{**row, "level": "", "score": ""} for row in rows]  # no marks until a merge
    rows += old.values()  # students not in this run keep their rows
    rows.sort(key=lambda r: (r["student"], r["notebook"], r["question"]))
    Path(out).mkdir(parents=True, exist_ok=True)
    _write_csv(sheet, rows, SHEET_COLUMNS)
    _apply(Path(out), pending, only_missing=True)
    return sheet


def _mark(row: dict, number: int) -> dict:
    """The mark of one sheet row: {points, score or None, level, comment}."""
    where = f"{SHEET_NAME} row {number} ({row.get('student')}, {row.get('question')})"
    try:
        points = float(row["points"])
        score = level_score(row.get("level") or "", points)
        if (row.get("score") or "").strip():
            score = float(row["score"])
    except (KeyError, ValueError) as error:
        raise MarkingSheetError(f"{where}: {error}. Fix the row and merge again.") from None
    if score is not None and not 0 <= score <= points:
        raise MarkingSheetError(f"{where}: score {score:g} is outside 0..{points:g}.")
    level = (row.get("level") or "").strip().capitalize()
    return {"points": points, "score": score, "level": level, "comment": row.get("comment", "")}


def _apply(out: Path, rows: list[dict], only_missing: bool = False) -> int:
    """Put the sheet's marks into the result records; return how many rows carry a mark."""
    marks: dict[tuple[str, str], dict[str, dict]] = {}
    for number, row in enumerate(rows, start=2):
        marks.setdefault((row["student"], row["notebook"]), {})[row["question"]] = _mark(
            row, number
        )
    marked = 0
    for (student, notebook), by_question in marks.items():
        path = out / "results" / subs.safe_name(student) / (Path(notebook).stem + ".json")
        if not path.is_file():
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        if only_missing and "manual" in record:
            continue
        record.setdefault("auto_score", record.get("score", 0))
        record.setdefault("auto_max_score", record.get("max_score", 0))
        record.setdefault("auto_detail", record.get("detail", ""))
        record["manual"] = by_question
        tests = [t for t in record.get("tests", []) if t.get("grade_id") not in by_question]
        for gid, mark in sorted(by_question.items()):
            pending = mark["score"] is None
            marked += not pending
            why = f"{mark['level']}. {mark['comment']}".strip(". ") if not pending else ""
            tests.append({
                "grade_id": gid, "points": mark["points"], "score": mark["score"] or 0.0,
                "outcome": "pending" if pending else "graded-by-hand", "message": why,
            })
        record["tests"] = tests
        done = [m for m in by_question.values() if m["score"] is not None]
        record["score"] = record["auto_score"] + sum(m["score"] for m in done)
        record["max_score"] = record["auto_max_score"] + sum(
            m["points"] for m in by_question.values()
        )
        waiting = sum(m["points"] for m in by_question.values() if m["score"] is None)
        note = f"{waiting:g} point(s) to grade by hand in {SHEET_NAME}" if waiting else ""
        record["detail"] = "; ".join(p for p in (record["auto_detail"], note) if p)
        write_atomic(path, json.dumps(record, indent=1, sort_keys=True))
    return marked


def merge_marks(sheet: str | Path, out: str | Path) -> int:
    """Merge a filled-in marking sheet into OUT's results, gradebook.csv and feedback pages.

    Returns the number of marked answers. Raises MarkingSheetError naming the row to fix.
    """
    sheet, out = Path(sheet), Path(out)
    rows = read_sheet(sheet)
    if not rows:
        raise MarkingSheetError(f"{sheet}: no marking sheet there; run kit grade first.")
    marked = _apply(out, rows)
    gradebook = read_gradebook(out / "gradebook.csv")
    for row in gradebook:
        path = out / "results" / subs.safe_name(row["student"]) / (
            Path(row["notebook"]).stem + ".json"
        )
        if path.is_file():
            record = json.loads(path.read_text(encoding="utf-8"))
            for column in ("score", "max_score", "detail"):
                row[column] = record[column]
    write_gradebook(out / "gradebook.csv", gradebook)
    write_all_feedback(out, sorted({row["student"] for row in rows}))
    return marked
