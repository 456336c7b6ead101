"""``grade``: grade a class's submissions against the source notebooks.

For every student and every source notebook: copy the student's folder to a fresh temporary
folder, restore the locked and test cells from the source (:mod:`kit.grading.prepare`), run the
notebook in a fresh kernel (:mod:`kit.grading.execute`, inside bubblewrap when available) and
score each test cell all-or-nothing: its points if it runs without error, 0 otherwise.

``OUT/gradebook.csv`` (student, notebook, score, max_score, status, detail) is rewritten
atomically after every notebook, so an interrupted run resumes where it stopped; rows already
there are skipped unless ``force``. ``OUT/results/`` keeps each notebook's test outcomes and
``OUT/feedback/<student>.html`` is written for every student at the end.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kit.fileio import write_atomic
from kit.grading import notebooks as nbs
from kit.grading import submissions as subs
from kit.unseen import STUDENT_ID_FILE

COLUMNS = ("student", "notebook", "score", "max_score", "status", "detail")
#: Statuses that mean the notebook was graded normally (anything else makes ``grade`` exit 1).
GOOD_STATUSES = ("ok", "cell-errors")


@dataclass(frozen=True)
class Settings:
    """How to grade: limits and isolation."""

    timeout: float = 30.0
    memory_bytes: int = 1 << 30
    sandbox: bool = True
    secrets: tuple[str, ...] = ()  # folders the kernel must not see


@dataclass
class Job:
    """One notebook of one student."""

    student: str
    notebook: str
    student_folder: str
    source: str
    known: tuple[str, ...]
    work_root: str
    settings: Settings


@dataclass
class BatchResult:
    """What a grading run did."""

    rows: list[dict] = field(default_factory=list)
    graded: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> list[dict]:
        """Rows whose status is not a normal grading."""
        return [row for row in self.rows if row["status"] not in GOOD_STATUSES]


@functools.lru_cache(maxsize=32)
def _template(source: str, mtime: float):
    from kit.grading.release import grading_template

    return grading_template(nbs.read_notebook(source))


@dataclass
class Prepared:
    """A job made ready to run: its folder copied, its plan made, its kernel launched."""

    job: Job
    path: Path
    note: str
    workdir: Path
    problem: str
    plan: object
    kernel: object
    start: float


def grade_one(job: Job) -> dict:
    """Grade one notebook; never raises (a grader failure becomes a 'grader-error' row)."""
    return complete_job(prepare_job(job))


def prepare_job(job: Job) -> Prepared | dict:
    """Copy the student's folder, restore the notebook, launch its kernel (not waiting).

    Returns the final record instead when there is nothing to run (missing, invalid, error).
    """
    start = time.monotonic()
    try:
        return _prepare(job, start)
    except Exception as error:  # keep the batch going whatever happens here
        return _record(job, "grader-error", f"{type(error).__name__}: {error}", start=start)


def complete_job(prepared: Prepared | dict) -> dict:
    """Run a prepared job to its record (a record passes through); never raises."""
    if isinstance(prepared, dict):
        return prepared
    try:
        return _complete(prepared)
    except Exception as error:
        return _record(
            prepared.job, "grader-error", f"{type(error).__name__}: {error}", start=prepared.start
        )
    finally:
        shutil.rmtree(prepared.workdir, ignore_errors=True)


def _record(job: Job, status: str, detail: str, score=0.0, max_score=None, tests=(), start=None):
    if max_score is None:
        template = _template(job.source, os.path.getmtime(job.source))
        max_score = sum(nbs.points(c) for c in template.cells if nbs.role(c) == "test")
    return {
        "student": job.student,
        "notebook": job.notebook,
        "score": score,
        "max_score": max_score,
        "status": status,
        "detail": detail,
        "tests": list(tests),
        "seconds": round(time.monotonic() - start, 2) if start is not None else 0.0,
    }


def _prepare(job: Job, start: float) -> Prepared | dict:
    from kit.grading.execute import KernelRun
    from kit.grading.prepare import grading_plan

    template = _template(job.source, os.path.getmtime(job.source))
    path, note = subs.locate(Path(job.student_folder), job.notebook, set(job.known))
    if path is None:
        return _record(job, "missing-notebook", note, start=start)
    try:
        student = nbs.read_notebook(path)
    except nbs.NotebookReadError as error:
        detail = str(error).replace(str(path.parent) + "/", "")
        return _record(job, "invalid-notebook", detail, start=start)
    workdir = Path(
        tempfile.mkdtemp(prefix=f"{subs.safe_name(job.student)[:20]}-", dir=job.work_root)
    )
    try:
        unreadable = subs.copy_submission(path.parent, workdir)
        (workdir / STUDENT_ID_FILE).write_text(job.student, encoding="utf-8")  # kit.unseen
        problem = subs.answers_problem(workdir, Path(job.notebook).stem, unreadable)
        plan = grading_plan(template, student)
        settings = job.settings
        secrets = [Path(s) for s in settings.secrets]
        kernel = KernelRun(workdir, settings.memory_bytes, secrets, settings.sandbox)
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    return Prepared(job, path, note, workdir, problem, plan, kernel, start)


def _complete(prepared: Prepared) -> dict:
    from kit.grading.execute import run_plan

    job, plan, settings = prepared.job, prepared.plan, prepared.job.settings
    run = run_plan(plan, prepared.workdir, timeout=settings.timeout, kernel=prepared.kernel)
    status, notes = run.status, list(run.notes)
    if plan.edited:
        notes.append(f"restored edited test/locked cell(s): {', '.join(plan.edited)}")
    if plan.deleted:
        notes.append(f"restored deleted test/locked cell(s): {', '.join(plan.deleted)}")
    for extra, extra_status in (
        (prepared.problem, "answers-unreadable"),
        (prepared.note, "renamed-notebook"),
    ):
        if extra:
            notes.insert(0, extra)
            status = extra_status if status in GOOD_STATUSES else status
    if _original_major(prepared.path) == 3:
        notes.append("converted from nbformat 3")
    tests = [asdict(test) for test in run.tests]
    return _record(
        job, status, "; ".join(notes), run.score, plan.max_score, tests, start=prepared.start
    )


def _original_major(path: Path) -> int | None:
    try:
        return json.loads(path.read_bytes()).get("nbformat")
    except (OSError, ValueError, AttributeError):
        return None


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
        writer.writerow({**row, "score": _fmt(row["score"]), "max_score": _fmt(row["max_score"])})
    write_atomic(path, buffer.getvalue())


def _fmt(value) -> str:
    return f"{float(value):g}"


class Progress:
    """A plain progress bar on stderr (one line per notebook when stderr is not a terminal)."""

    def __init__(self, total: int, enabled: bool = True, stream=None):
        self.total, self.done, self.enabled = total, 0, enabled
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.tty = self.stream.isatty()

    def update(self, row: dict) -> None:
        """Count one graded notebook and redraw."""
        self.done += 1
        if not self.enabled:
            return
        rate = (time.monotonic() - self.start) / self.done
        if self.tty:
            filled = int(30 * self.done / max(self.total, 1))
            bar = "#" * filled + "." * (30 - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total}  {rate:.1f} s/notebook ")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(
                f"[{self.done}/{self.total}] {row['student']}/{row['notebook']}: "
                f"{_fmt(row['score'])}/{_fmt(row['max_score'])} {row['status']}\n"
            )
        self.stream.flush()


def _save_record(out: Path, record: dict) -> None:
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
    settings = Settings(
        settings.timeout,
        settings.memory_bytes,
        settings.sandbox,
        tuple(str(p) for p in (source, submissions, out, *map(Path, settings.secrets))),
    )
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
    result = BatchResult()
    start = time.monotonic()
    work_root = Path(tempfile.mkdtemp(prefix="kit-grade-"))
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
        _save_record(out, record)
        rows[(record["student"], record["notebook"])] = record
        write_gradebook(gradebook, list(rows.values()))
        result.graded += 1
        bar.update(record)

    try:
        from kit.grading.workers import run_jobs

        for record in run_jobs(todo, max(1, jobs or os.cpu_count() or 1)):
            finish(record)
    finally:
        shutil.rmtree(work_root, ignore_errors=True)
        if not gradebook.exists():
            write_gradebook(gradebook, list(rows.values()))
    from kit.grading.manual import write_sheet  # written answers: pending, on a marking sheet

    write_sheet(submissions, out, notebooks, students)
    write_all_feedback(out, students)
    result.rows = sorted(rows.values(), key=lambda r: (r["student"], r["notebook"]))
    result.seconds = time.monotonic() - start
    return result


def summary(result: BatchResult, out: Path, jobs: int) -> str:
    """A few lines saying what the run did, for the end of ``kit grade``."""
    from kit.grading.sandbox import describe

    counts = Counter(row["status"] for row in result.rows)
    per = result.seconds / result.graded if result.graded else 0.0
    lines = [
        f"Graded {result.graded} notebook(s) in {result.seconds:.1f} s ({per:.2f} s each, "
        f"{jobs} job(s)); skipped {result.skipped} already in the gradebook.",
        "Isolation: " + describe(),
        "Statuses: " + ", ".join(f"{name} {count}" for name, count in sorted(counts.items())),
        f"Gradebook: {out / 'gradebook.csv'}   Feedback: {out / 'feedback'}",
    ]
    for row in result.failed:
        lines.append(f"  {row['student']}/{row['notebook']}: {row['status']} {row['detail']}")
    return "\n".join(lines)
