"""What a grading run passes between its parts: the settings, one job, one result record.

A leaf module: :mod:`kit.grading.single` grades a :class:`Job` into a record,
:mod:`kit.grading.workers` runs jobs in worker processes, :mod:`kit.grading.grade` writes the
records to the gradebook; all three share these types and nothing else.

>>> job = Job("ana", "ex1.ipynb", "class/ana", "solutions/ex1.ipynb", ("ex1.ipynb",), "/w")
>>> record = make_record(job, "grader-killed", "the grader was killed", max_score=4)
>>> record["student"], record["status"], record["score"], record["max_score"]
('ana', 'grader-killed', 0.0, 4)
"""

from __future__ import annotations

import functools
import os
import time
from dataclasses import dataclass, field

from kit.grading import notebooks as nbs

#: Statuses that mean the notebook was graded normally (anything else makes ``grade`` exit 1).
GOOD_STATUSES = ("ok", "cell-errors")
#: Statuses after which a new ``kit grade`` run grades the notebook again without --force.
RETRY_STATUSES = ("grader-error",)


@dataclass(frozen=True)
class Settings:
    """How to grade: limits and isolation."""

    timeout: float = 30.0
    memory_bytes: int = 1 << 30
    sandbox: bool = True
    secrets: tuple[str, ...] = ()  # folders the kernel must not see
    kit_copy: str = ""  # a private copy of the kit package the kernels import instead


@dataclass
class Job:
    """One notebook of one student."""

    student: str
    notebook: str
    student_folder: str
    source: str
    known: tuple[str, ...]
    work_root: str
    settings: Settings = field(default_factory=Settings)

    @property
    def key(self) -> tuple[str, str]:
        """(student, notebook): the job's row in the gradebook."""
        return (self.student, self.notebook)


@functools.lru_cache(maxsize=32)
def _template(source: str, mtime: float):
    from kit.grading.release import grading_template

    return grading_template(nbs.read_notebook(source))


def grading_template(source: str):
    """The grading template of a source notebook (cached while the file is unchanged)."""
    return _template(source, os.path.getmtime(source))


def make_record(
    job: Job,
    status: str,
    detail: str,
    score: float = 0.0,
    max_score: float | None = None,
    tests=(),
    start: float | None = None,
) -> dict:
    """The result record of a job (a gradebook row plus its per-test outcomes and seconds).

    ``max_score`` defaults to the points of the source notebook's test cells; ``start`` is the
    ``time.monotonic()`` when grading the job began.
    """
    if max_score is None:
        template = grading_template(job.source)
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
