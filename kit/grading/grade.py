"""``grade``: grade a class's submissions against the source notebooks.

For every student and every source notebook: copy the student's folder to a fresh temporary
folder, restore the locked and test cells from the source (:mod:`kit.grading.prepare`), run the
notebook in a fresh kernel (:mod:`kit.grading.execute`, inside bubblewrap when available) and
score each test cell all-or-nothing: its points if it runs without error, 0 otherwise.

``OUT/gradebook.csv`` (student, notebook, score, max_score, status, detail) is rewritten
atomically after every notebook, so an interrupted run resumes where it stopped; rows already
there are skipped unless ``force`` (a ``grader-error`` row is graded again). The grading
itself runs in worker processes (:mod:`kit.grading.workers`); without a sandbox the kernels
import a private copy of the kit and carry the tripwire. ``OUT/results/`` keeps each
notebook's test outcomes and ``OUT/feedback/<student>.html`` is written for every student at
the end.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kit.grading import submissions as subs
from kit.grading.gradebook import (
    format_score,
    read_gradebook,
    save_record,
    write_all_feedback,
    write_gradebook,
)
from kit.grading.job import GOOD_STATUSES, RETRY_STATUSES, Job, Settings
from kit.grading.manual import write_sheet
from kit.grading.sandbox import bwrap_path, describe, private_kit, remove_private_kit
from kit.grading.workers import run_jobs


@dataclass
class BatchResult:
    """What a grading run did."""

    rows: list[dict] = field(default_factory=list)
    graded: int = 0
    skipped: int = 0
    seconds: float = 0.0
    sandbox: bool = True

    @property
    def failed(self) -> list[dict]:
        """Rows whose status is not a normal grading."""
        return [row for row in self.rows if row["status"] not in GOOD_STATUSES]

    @property
    def flagged(self) -> list[dict]:
        """Rows where the tripwire saw something (whatever their status)."""
        return [row for row in self.rows if "flagged:" in row.get("detail", "")]


class Progress:
    """The progress bar on stderr (tqdm); one line per notebook when stderr is not a terminal."""

    def __init__(self, total: int, enabled: bool = True, stream=None):
        self.total, self.done, self.enabled = total, 0, enabled
        self.stream = stream or sys.stderr
        self.bar = None
        if enabled and self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, file=self.stream, unit="notebook", dynamic_ncols=True)

    def update(self, row: dict) -> None:
        """Count one graded notebook and redraw."""
        self.done += 1
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.set_postfix_str(f"{row['student']}: {row['status']}", refresh=False)
            self.bar.update(1)
            if self.done >= self.total:
                self.bar.close()
            return
        self.stream.write(
            f"[{self.done}/{self.total}] {row['student']}/{row['notebook']}: "
            f"{format_score(row['score'])}/{format_score(row['max_score'])} {row['status']}\n"
        )
        self.stream.flush()

    def close(self) -> None:
        """End the bar (also when the run stops early)."""
        if self.bar is not None:
            self.bar.close()


def grade_class(
    submissions: str | Path,
    out: str | Path,
    source: str | Path = "solutions",
    settings: Settings | None = None,
    jobs: int | None = None,
    force: bool = False,
    progress: bool = True,
    only: tuple[str, ...] = (),
) -> BatchResult:
    """Grade every student's notebooks in submissions against source; write out/.

    ``only`` limits the run to some assignments, named by notebook name with or without
    ``.ipynb`` (e.g. ``("ex1_readability",)``); a name that is not in source raises ValueError
    listing the valid ones.
    """
    from kit.grading.release import source_notebooks

    submissions, out, source = Path(submissions), Path(out), Path(source)
    settings = settings or Settings()
    secrets = tuple(str(p) for p in (source, submissions, out, *map(Path, settings.secrets)))
    notebooks = source_notebooks(source)
    known = tuple(p.name for p in notebooks)
    if only:
        wanted = {name if name.endswith(".ipynb") else f"{name}.ipynb" for name in only}
        unknown = sorted(wanted - set(known))
        if unknown:
            valid = ", ".join(Path(name).stem for name in known)
            raise ValueError(f"No assignment {', '.join(unknown)} in {source}. Valid: {valid}.")
        notebooks = [p for p in notebooks if p.name in wanted]
    students = [  # an output folder inside the submissions folder is not a student
        name
        for name in subs.find_students(submissions)
        if (submissions / name).resolve() != out.resolve()
    ]
    out.mkdir(parents=True, exist_ok=True)
    gradebook = out / "gradebook.csv"
    rows = {} if force else {(r["student"], r["notebook"]): r for r in read_gradebook(gradebook)}
    rows = {key: row for key, row in rows.items() if row["status"] not in RETRY_STATUSES}
    result = BatchResult(sandbox=settings.sandbox)
    start = time.monotonic()
    work_root = Path(tempfile.mkdtemp(prefix="kit-grade-"))
    kit_copy = ""
    if not (settings.sandbox and bwrap_path()):
        kit_copy = str(private_kit(work_root / "kit-copy"))
    settings = Settings(
        settings.timeout, settings.memory_bytes, settings.sandbox, secrets, kit_copy
    )
    todo = []
    for student in students:
        for notebook in notebooks:
            if (student, notebook.name) in rows:
                result.skipped += 1
                continue
            todo.append(
                Job(
                    student,
                    notebook.name,
                    str(submissions / student),
                    str(notebook),
                    known,
                    str(work_root),
                    settings,
                )
            )
    bar = Progress(len(todo), enabled=progress)

    def finish(record: dict) -> None:
        save_record(out, record)
        rows[(record["student"], record["notebook"])] = record
        write_gradebook(gradebook, list(rows.values()))
        result.graded += 1
        bar.update(record)

    try:
        for record in run_jobs(todo, max(1, jobs or os.cpu_count() or 1)):
            finish(record)
    finally:
        bar.close()
        remove_private_kit(work_root)
        if not gradebook.exists():
            write_gradebook(gradebook, list(rows.values()))
    write_sheet(submissions, out, notebooks, students)  # written answers: pending, on a sheet
    write_all_feedback(out, students)
    result.rows = sorted(rows.values(), key=lambda r: (r["student"], r["notebook"]))
    result.seconds = time.monotonic() - start
    return result


def summary(result: BatchResult, out: Path, jobs: int) -> str:
    """A few lines saying what the run did, for the end of ``kit grade``."""
    counts = Counter(row["status"] for row in result.rows)
    per = result.seconds / result.graded if result.graded else 0.0
    lines = [
        f"Graded {result.graded} notebook(s) in {result.seconds:.1f} s ({per:.2f} s each, "
        f"{jobs} job(s)); skipped {result.skipped} already in the gradebook.",
        "Isolation: " + describe(result.sandbox),
        "Statuses: " + ", ".join(f"{name} {count}" for name, count in sorted(counts.items())),
        f"Flagged by the tripwire (detected, not prevented): {len(result.flagged)}",
        f"Gradebook: {out / 'gradebook.csv'}   Feedback: {out / 'feedback'}",
    ]
    for row in result.failed:
        lines.append(f"  {row['student']}/{row['notebook']}: {row['status']} {row['detail']}")
    return "\n".join(lines)
