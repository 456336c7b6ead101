"""Grading one notebook of one student: a :class:`~kit.grading.job.Job` into its record.

The student's folder is copied to a fresh private temporary folder of its own (nothing else
of the class sits beside it), the locked and test cells are restored from the source
(:mod:`kit.grading.prepare`), the notebook runs in a fresh kernel (:mod:`kit.grading.execute`)
and every test cell scores all-or-nothing. What the tripwire saw turns a normal status into
``flagged`` and is listed in the detail (``flagged: read .../solutions/ex1.ipynb``).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from kit.grading import notebooks as nbs
from kit.grading import submissions as subs
from kit.grading.job import GOOD_STATUSES, Job, grading_template, make_record
from kit.unseen import STUDENT_ID_FILE

#: How many tripwire events the detail column lists (the results file keeps them all).
SHOWN_EVENTS = 3
#: Statuses of a notebook that ran normally but with a note; a tripwire event overrides them.
NOTED_STATUSES = ("answers-unreadable", "renamed-notebook")
#: Tripwire events, most telling first: the detail column shows these first.
_SEVERITY = ("tampered", "signalled", "started", "native", "wrote", "read", "listed")


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
        return make_record(job, "grader-error", f"{type(error).__name__}: {error}", start=start)


def complete_job(prepared: Prepared | dict, keep: set[int] | None = None) -> dict:
    """Run a prepared job to its record (a record passes through); never raises.

    ``keep``: in a worker, the kernels still in use (see :func:`KernelRun.close`).
    """
    if isinstance(prepared, dict):
        return prepared
    try:
        return _complete(prepared, keep)
    except Exception as error:
        return make_record(
            prepared.job, "grader-error", f"{type(error).__name__}: {error}", start=prepared.start
        )
    finally:
        shutil.rmtree(prepared.workdir, ignore_errors=True)


def kernel_pid(prepared: Prepared | dict) -> int | None:
    """The process id of a prepared job's kernel (None when there is none)."""
    return None if isinstance(prepared, dict) else prepared.kernel.pid


def work_folder(prepared: Prepared | dict) -> str:
    """The private folder a prepared job runs in ('' when there is none)."""
    return "" if isinstance(prepared, dict) else str(prepared.workdir)


def discard(prepared: Prepared | dict) -> None:
    """Stop a prepared job's kernel and remove its folder without running it."""
    if not isinstance(prepared, dict):
        prepared.kernel.close()
        shutil.rmtree(prepared.workdir, ignore_errors=True)


def _prepare(job: Job, start: float) -> Prepared | dict:
    from kit.grading.kernelrun import KernelRun
    from kit.grading.prepare import grading_plan

    template = grading_template(job.source)
    path, note = subs.locate(Path(job.student_folder), job.notebook, set(job.known))
    if path is None:
        return make_record(job, "missing-notebook", note, start=start)
    try:
        student = nbs.read_notebook(path)
    except nbs.NotebookReadError as error:
        detail = str(error).replace(str(path.parent) + "/", "")
        return make_record(job, "invalid-notebook", detail, start=start)
    workdir = Path(tempfile.mkdtemp(prefix="kit-"))
    try:
        unreadable = subs.copy_submission(path.parent, workdir)
        (workdir / STUDENT_ID_FILE).write_text(job.student, encoding="utf-8")  # kit.unseen
        problem = subs.answers_problem(workdir, Path(job.notebook).stem, unreadable)
        plan = grading_plan(template, student)
        settings = job.settings
        secrets = [Path(s) for s in settings.secrets]
        kernel = KernelRun(
            workdir, settings.memory_bytes, secrets, settings.sandbox, settings.kit_copy
        )
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    return Prepared(job, path, note, workdir, problem, plan, kernel, start)


def _complete(prepared: Prepared, keep: set[int] | None) -> dict:
    from kit.grading.execute import run_plan

    job, plan, settings = prepared.job, prepared.plan, prepared.job.settings
    run = run_plan(
        plan, prepared.workdir, timeout=settings.timeout, kernel=prepared.kernel, keep=keep
    )
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
    if run.events:
        ranked = sorted(run.events, key=lambda event: _SEVERITY.index(event.split(" ")[0]))
        shown = "; ".join(ranked[:SHOWN_EVENTS])
        more = len(ranked) - SHOWN_EVENTS
        notes.insert(0, "flagged: " + shown + (f" (and {more} more)" if more > 0 else ""))
        status = "flagged" if status in (*GOOD_STATUSES, *NOTED_STATUSES) else status
    tests = [asdict(test) for test in run.tests]
    record = make_record(
        job, status, "; ".join(notes), run.score, plan.max_score, tests, start=prepared.start
    )
    record["events"] = list(run.events)
    return record


def _original_major(path: Path) -> int | None:
    try:
        return json.loads(path.read_bytes()).get("nbformat")
    except (OSError, ValueError, AttributeError):
        return None
