"""The grading output folder: ``gradebook.csv``, the per-notebook results and feedback pages.

Shared by :mod:`kit.grading.grade` (which fills it) and :mod:`kit.grading.manual` (which
merges the marks of written answers into it). Every file is written atomically
(:func:`kit.fileio.write_atomic`), so a reader never sees half a file.

>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> write_gradebook(out / "gradebook.csv", [{"student": "ana", "notebook": "ex1.ipynb",
...     "score": 3.0, "max_score": 4, "status": "ok", "detail": ""}])
>>> read_gradebook(out / "gradebook.csv")[0]["score"]
'3'
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from kit.fileio import write_atomic
from kit.grading import submissions as subs

COLUMNS = ("student", "notebook", "score", "max_score", "status", "detail")


def read_gradebook(path: Path) -> list[dict]:
    """Rows of an existing gradebook.csv (an empty list when there is none)."""
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


def write_gradebook(path: Path, rows: list[dict]) -> None:
    """Write gradebook.csv atomically (kit.fileio.write_atomic), sorted by student."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in sorted(rows, key=lambda r: (r["student"], r["notebook"])):
        scores = {key: format_score(row[key]) for key in ("score", "max_score")}
        writer.writerow({**row, **scores})
    write_atomic(path, buffer.getvalue())


def format_score(value) -> str:
    """A score as the gradebook writes it: ``3.0`` -> ``3``, ``2.5`` -> ``2.5``."""
    return f"{float(value):g}"


def save_record(out: Path, record: dict) -> None:
    """Write one notebook's result record to ``OUT/results/<student>/<notebook>.json``."""
    folder = out / "results" / subs.safe_name(record["student"])
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (Path(record["notebook"]).stem + ".json")
    write_atomic(target, json.dumps(record, indent=1, sort_keys=True))


def write_all_feedback(out: Path, students: list[str]) -> None:
    """(Re)write every student's feedback page from the saved results."""
    from kit.grading.feedback import write_feedback

    for student in students:
        folder = out / "results" / subs.safe_name(student)
        records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
        if records:
            write_feedback(out / "feedback" / f"{subs.safe_name(student)}.html", student, records)
